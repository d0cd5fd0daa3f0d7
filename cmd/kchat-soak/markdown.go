package main

import (
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/loadkit"
)

// markdown writes the report and returns whether the verdict is PASS.
func (r *report) markdown(s *soak) (string, bool) {
	r.analyze()
	if s.sc != nil {
		wanted := map[string]bool{}
		for _, g := range r.failureGroups {
			wanted[g.requestID] = true
		}
		r.log = readSidecarLog(s.sc.logPath, wanted)
	}
	var w strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&w, format, args...) }
	p("# kchat-soak report\n\n")
	r.runSection(p)
	r.classSection(p)
	r.routeSection(p)
	r.restartSection(p)
	r.cpuSection(p)
	r.memorySection(p)
	r.sidecarSection(p, s)
	r.failureSection(p)
	pass := r.verdict()
	p("## Verdict\n\n")
	for _, c := range r.criteria {
		mark := "met"
		if !c.ok {
			mark = "**NOT MET**"
		}
		p("- %s: %s\n", c.text, mark)
	}
	if pass {
		p("\n**PASS**\n")
	} else {
		p("\n**FAIL**\n")
	}
	return w.String(), pass
}

func (r *report) runSection(p func(string, ...any)) {
	p("## Machine\n\n")
	h := loadkit.Machine()
	p("- CPU: %s, %d cores; %.1f GiB RAM; Linux %s; %s\n", h.Model, h.Cores, h.Memory, h.Kernel, runtime.Version())
	where := "a private mariadbd started for this run (%s), stopped with SIGTERM and started again on the same data"
	if !r.private {
		where = "an existing server (%s), restarted by --restart-cmd"
	}
	p("- MariaDB %s: "+where+"\n", r.dbVersion, r.dbAddr)
	p("- Everything on loopback; the load generator, the sidecar and MariaDB share the cores.\n\n")

	p("## Run\n\n")
	rate := float64(r.total) / r.elapsed.Seconds()
	p("| | |\n|---|---|\n")
	p("| traffic | %s planned, %.1f s measured (last answer included) |\n", r.o.duration, r.elapsed.Seconds())
	p("| connections | %d workers, each on its own keep-alive connection, one request at a time |\n", r.o.connections)
	p("| requests | %d (bound %d) |\n", r.total, r.o.maxRequests)
	p("| requests/s | %.0f |\n", rate)
	p("| data | fixture site (%d stored interaction days) + %d seeded conversation log rows; the sidecar reads through a SELECT-only account |\n", r.storedDays, r.rows)
	p("| sidecar | the real binary (go build ./cmd/kchat-sidecar), KCHAT_QUERY_TIMEOUT=%s, KCHAT_LOG_FORMAT=json |\n", r.o.queryTimeout)
	p("| client timeout | %s per request, body included |\n", r.o.requestTimeout)
	p("| encoding | %.0f%% of requests accept gzip (inflated by the client), the rest ask for identity |\n", 100*r.o.gzipShare)
	p("| warm-up | each of the %d request variants once, before traffic, all answered as expected; each export's body became the reference later 200s must equal byte for byte |\n\n", r.warmup)
}

func (r *report) classSection(p func(string, ...any)) {
	p("## Requests by class\n\n| class | requests | share | counts as |\n|---|---:|---:|---|\n")
	for c := class(0); c < nClasses; c++ {
		n := r.classCounts[c]
		if n == 0 && c != cls2xx && !c.failure() {
			continue
		}
		verdict := "expected"
		switch {
		case c.failure() && n == 0:
			verdict = "failure (none)"
		case c.failure():
			verdict = "**FAILURE**"
		case c >= cls503Down && c <= clsExportCut:
			verdict = "accepted (outage)"
		case c == clsCanceled:
			verdict = "interrupted"
		}
		p("| %s | %d | %.2f%% | %s |\n", classNames[c], n, pct(n, r.total), verdict)
	}
	codes := make([]string, 0, len(r.codeCounts))
	for c := range r.codeCounts {
		codes = append(codes, fmt.Sprintf("%s × %d", c, r.codeCounts[c]))
	}
	sort.Strings(codes)
	p("\nExpected 4xx by status and code: %s.\n\n", strings.Join(codes, ", "))
}

func (r *report) routeSection(p func(string, ...any)) {
	p("## Requests by route\n\n")
	p("| kind | route / variants | weight | requests | expected | 503 (outage) | export cut (outage) | failures | p50 ms | p99 ms | max ms |\n")
	p("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	weights := 0
	for i, k := range r.kinds {
		kc := r.kindClass[i]
		fails, n := 0, 0
		for c := class(0); c < nClasses; c++ {
			if c.failure() {
				fails += kc[c]
			}
			n += kc[c]
		}
		weights += k.weight
		p("| %s | %s (%d) | %d | %d | %d | %d | %d | %d | %s |\n", k.name, k.route, len(k.variants), k.weight, n,
			kc[cls2xx]+kc[cls4xx], kc[cls503Down]+kc[cls503After], kc[clsExportCut], fails, lat(r.latKind[i]))
	}
	p("| **all** | | %d | %d | %d | %d | %d | %d | %s |\n\n", weights, r.total, r.classCounts[cls2xx]+r.classCounts[cls4xx],
		r.classCounts[cls503Down]+r.classCounts[cls503After], r.classCounts[clsExportCut], r.failures(), lat(r.latAll))
	var by []string
	for _, name := range []string{"expected 2xx", "expected 4xx", "503"} {
		d := r.latByClass[name]
		if len(d) == 0 {
			by = append(by, name+" none")
			continue
		}
		by = append(by, fmt.Sprintf("%s p50 %.1f ms, p99 %.1f ms", name, ms(loadkit.Quantile(d, 0.5)), ms(loadkit.Quantile(d, 0.99))))
	}
	p("Latency by answer: %s (from sending the request to the last byte of the body).\n\n", strings.Join(by, "; "))
}

func (r *report) restartSection(p func(string, ...any)) {
	p("## Database restart\n\n")
	switch {
	case r.o.noRestart:
		p("No restart (--no-restart, or --dsn without --restart-cmd).\n\n")
		return
	case r.restartSkipped:
		p("No restart: traffic ended (request bound) before --restart-at.\n\n")
		return
	case r.outage == nil:
		p("No restart happened.\n\n")
		return
	}
	o := r.outage
	at := func(t time.Time) string {
		if t.IsZero() {
			return "–"
		}
		return fmt.Sprintf("%.2f s | %+.2f s", t.Sub(r.start).Seconds(), t.Sub(o.stopAt).Seconds())
	}
	p("| event | since traffic began | since the stop |\n|---|---:|---:|\n")
	stopText, stoppedText, startText := "SIGTERM to mariadbd", "mariadbd exited", "mariadbd started again"
	if !r.private {
		stopText, stoppedText, startText = "--restart-cmd started", "first failed probe", "--restart-cmd ended"
	}
	p("| %s | %s |\n| %s | %s |\n| %s | %s |\n", stopText, at(o.stopAt), stoppedText, at(o.stoppedAt), startText, at(o.startAt))
	p("| the database answers (first successful probe) | %s |\n", at(o.upAt))
	if r.restartErr != nil {
		p("\nThe restart failed: %v\n\n", r.restartErr)
		return
	}
	p("\n- Outage window accepted for 503s: from the stop (%.2f s) to the database answering (%.2f s) plus %s (%.2f s).\n",
		r.down.Seconds(), r.up.Seconds(), recoveryGrace, (r.up + recoveryGrace).Seconds())
	if r.n503 > 0 {
		p("- 503 kchat_db_unavailable: %d answers; first %+.2f s and last %+.2f s from the stop, the last %+.2f s from the database answering again.\n",
			r.n503, (r.first503 - r.down).Seconds(), (r.last503 - r.down).Seconds(), (r.last503 - r.up).Seconds())
	} else {
		p("- No 503 at all.\n")
	}
	if r.haveFirstOK {
		p("- First database-backed 2xx after the database answered again: %.0f ms later.\n", ms(r.firstOK))
	} else {
		p("- **No database-backed 2xx after the database answered again.**\n")
	}
	p("- Database-backed 2xx sent after the stop and answered before the database answered again (served during mariadbd's shutdown or from the sidecar's caches): %d.\n", r.okWhileDown)
	p("- Exports of the mix cut off mid-stream by the outage: %d. (Go's client retries a GET once, silently, when a reused connection closes before any byte of the answer, so an export aborted before its first 48 KiB chunk shows up as the retry's answer; the cut probes below cover the mid-stream case.)\n\n", r.classCounts[clsExportCut])
	r.probeSection(p)
}

func (r *report) cpuSection(p func(string, ...any)) {
	a, b := r.cpuStart, r.cpuEnd
	wall := b.at.Sub(a.at)
	if wall <= 0 || !a.machineOK || !b.machineOK {
		return
	}
	capacity := time.Duration(runtime.NumCPU()) * wall
	share := func(d time.Duration) string {
		return fmt.Sprintf("%.1f s | %.0f%%", d.Seconds(), 100*d.Seconds()/capacity.Seconds())
	}
	p("## CPU during traffic\n\n")
	p("Load average (1, 5, 15 min) before traffic: %s; at its end: %s.\n\n", a.load, b.load)
	p("| who | CPU time | share of %d cores × %.1f s |\n|---|---:|---:|\n", runtime.NumCPU(), wall.Seconds())
	machine := b.machine - a.machine
	ours := b.self - a.self
	p("| the whole machine | %s |\n", share(machine))
	if a.sidecarOK && b.sidecarOK {
		p("| kchat-sidecar | %s |\n", share(b.sidecar-a.sidecar))
		ours += b.sidecar - a.sidecar
	}
	if a.dbOK && b.dbOK {
		p("| mariadbd (both instances) | %s |\n", share(b.db-a.db))
		ours += b.db - a.db
	}
	p("| kchat-soak (this load generator, checks included) | %s |\n", share(b.self-a.self))
	if r.private {
		p("| everything else on the machine | %s |\n", share(max(0, machine-ours)))
	}
	p("\n")
}

func (r *report) memorySection(p func(string, ...any)) {
	p("## Sidecar memory\n\n")
	peak, peakG := r.before, r.before
	for _, s := range r.samples {
		if s.rss > peak.rss {
			peak = s
		}
		if s.goroutines > peakG.goroutines {
			peakG = s
		}
	}
	row := func(name string, s procSample) {
		p("| %s | %s | %d | %d | %d | %s |\n", name, mib(s.rss), s.threads, s.fds, s.goroutines, mib(s.heapInuse))
	}
	p("| point | RSS | threads | open fds | goroutines | Go heap in use |\n|---|---:|---:|---:|---:|---:|\n")
	row("ready, idle (before the warm-up)", r.idle)
	row("**start**: after the warm-up, before traffic", r.before)
	row(fmt.Sprintf("peak RSS of the 1 s samples (t=%.0f s)", peak.at.Seconds()), peak)
	if peakG.at != peak.at {
		row(fmt.Sprintf("most goroutines (t=%.0f s)", peakG.at.Seconds()), peakG)
	}
	if r.endErr != nil {
		p("| end | unreadable: %v | | | | |\n", r.endErr)
	} else {
		row(fmt.Sprintf("**end**: %s after traffic, client connections closed", r.o.settle), r.end)
	}
	p("\nBound used: end ≤ %.1f × start + %d MiB = %s. ", memFactor, memSlack>>20, mib(r.memLimit()))
	p("Every figure comes from the sidecar's GET /metrics (process_resident_memory_bytes, go_threads, process_open_fds, go_goroutines, go_memstats_heap_inuse_bytes).\n\n")
	if r.endErr == nil {
		maxInUse := 0
		for _, s := range r.samples {
			maxInUse = max(maxInUse, s.poolInUse)
		}
		p("Database pool: at most %d of %d connections in use in the 1 s samples; %d waits for a free connection during the run, %.1f s waited in total.\n\n",
			maxInUse, r.end.poolMax, r.end.poolWaits-r.before.poolWaits, r.end.poolWaitSecs-r.before.poolWaitSecs)
		p("Go collections: %d during traffic and the settle; the next is due at a heap of %s.\n\n", r.end.gcs-r.before.gcs, mib(r.end.heapGoal))
	}
	if len(r.samples) > 0 {
		p("RSS every 5 s: ")
		for i, s := range r.samples {
			if i%5 == 4 || i == len(r.samples)-1 {
				p("%.0fs %.1f, ", s.at.Seconds(), float64(s.rss)/(1<<20))
			}
		}
		p("MiB")
		if r.sampleErrs > 0 {
			p(" (%d samples unreadable)", r.sampleErrs)
		}
		p(".\n\n")
	}
}

func (r *report) sidecarSection(p func(string, ...any), s *soak) {
	p("## Sidecar process and log\n\n")
	p("- Alive after traffic: %v; alive after the settle: %v.\n", r.aliveAfterTraffic, r.aliveAfterSettle)
	if sc := s.sc; sc != nil {
		select {
		case <-sc.Done:
			how := "exited on SIGTERM"
			if sc.Killed {
				how = "did not exit on SIGTERM and was killed"
			}
			exit := "status 0"
			if sc.Err != nil {
				exit = sc.Err.Error()
			}
			p("- Shutdown: %s in %.2f s, %s.\n", how, sc.Stopped.Seconds(), exit)
		default:
		}
	}
	l := r.log
	if l.err != nil {
		p("- Log unreadable: %v\n\n", l.err)
		return
	}
	keys := make([]string, 0, len(l.counts))
	for k := range l.counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return l.counts[keys[i]] > l.counts[keys[j]] })
	p("- Log: %d lines.\n\n| level and message | lines |\n|---|---:|\n", l.lines)
	for _, k := range keys {
		p("| %s | %d |\n", k, l.counts[k])
	}
	if l.notableCount == 0 {
		p("\nNo ERROR lines other than 503 kchat_db_unavailable, no panics, no unexplained non-JSON output.\n\n")
		return
	}
	p("\n%d log lines worth a look (ERROR other than 503 kchat_db_unavailable, panics, unexplained non-JSON); the first %d:\n\n```\n%s\n```\n\n",
		l.notableCount, len(l.notable), strings.Join(l.notable, "\n"))
}

func (r *report) failureSection(p func(string, ...any)) {
	if len(r.failureGroups) == 0 {
		return
	}
	p("## Failures\n\nGrouped by class, request kind, status and error; one example each, with the sidecar's log lines for that request (matched by X-Request-Id).\n\n")
	keys := make([]string, 0, len(r.failureGroups))
	for k := range r.failureGroups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := r.failureGroups[keys[i]], r.failureGroups[keys[j]]
		return a.count > b.count || (a.count == b.count && keys[i] < keys[j])
	})
	p("| count | first sent at | example |\n|---:|---:|---|\n")
	const shown = 20
	for i, k := range keys {
		if i == shown {
			p("| … | | %d more groups |\n", len(keys)-shown)
			break
		}
		g := r.failureGroups[k]
		p("| %d | %.2f s | %s |\n", g.count, g.first.Seconds(), strings.ReplaceAll(g.example, "|", "\\|"))
	}
	var lines []string
	for i, k := range keys {
		if i == shown {
			break
		}
		g := r.failureGroups[k]
		if got := r.log.byRequest[g.requestID]; len(got) > 0 {
			lines = append(lines, got...)
		} else {
			lines = append(lines, g.requestID+": no log line")
		}
	}
	p("\nThe sidecar's log lines for these examples:\n\n```\n%s\n```\n\n", strings.Join(lines, "\n"))
}

func lat(d []time.Duration) string {
	if len(d) == 0 {
		return "– | – | –"
	}
	slices.Sort(d)
	return fmt.Sprintf("%.1f | %.1f | %.0f", ms(loadkit.Quantile(d, 0.5)), ms(loadkit.Quantile(d, 0.99)), ms(d[len(d)-1]))
}

func pct(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}
