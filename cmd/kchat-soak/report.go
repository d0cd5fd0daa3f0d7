package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// recoveryGrace is how long after the database answers again a 503 is still accepted.
const recoveryGrace = 5 * time.Second

// Memory bound: the end RSS (after the settle) may be at most memFactor × the RSS before
// traffic (after the warm-up) plus memSlack.
const (
	memFactor = 1.5
	memSlack  = 16 << 20
)

type report struct {
	o                 options
	rows, storedDays  int
	dbVersion, dbAddr string
	private           bool
	kinds             []*kind
	workers           []*worker
	warmup            int
	idle, before, end procSample
	endErr            error
	samples           []procSample
	sampleErrs        int
	start             time.Time
	elapsed           time.Duration
	outage            *outage
	restartErr        error
	restartSkipped    bool
	aliveAfterTraffic bool
	aliveAfterSettle  bool
	down, up          time.Duration // the outage, since traffic began
	haveWindow        bool
	classCounts       [nClasses]int
	kindClass         [][nClasses]int
	codeCounts        map[string]int
	total             int
	failureGroups     map[string]*failureGroup
	first503, last503 time.Duration
	n503              int
	firstOK           time.Duration // first DB-backed 2xx that ended after the database was up
	haveFirstOK       bool
	okWhileDown       int
	latAll            []time.Duration
	latKind           [][]time.Duration
	latByClass        map[string][]time.Duration
	timeline          map[int]*second
	criteria          []criterion
	cpuStart, cpuEnd  cpuReading
	log               sidecarLog
	sidecarStarted    time.Time
	metricsGzip       string // what is wrong with GET /metrics when gzip is accepted
	probeRef          *exportRef
	probes            *cutProbes
}

type class uint8

const (
	cls2xx class = iota
	cls4xx
	cls503Down
	cls503After
	clsExportCut
	clsFail503Outside
	clsFailOther5xx
	clsFailUnexpected
	clsFailBadBody
	clsFailTransport
	clsFailTimeout
	clsCanceled
	nClasses
)

var classNames = [nClasses]string{
	cls2xx:            "expected 2xx",
	cls4xx:            "expected 4xx (by code below)",
	cls503Down:        "503 kchat_db_unavailable, database down",
	cls503After:       "503 kchat_db_unavailable, ≤ 5 s after the database answered again",
	clsExportCut:      "export cut off mid-stream while the database was down (transport error)",
	clsFail503Outside: "503 kchat_db_unavailable outside the outage window",
	clsFailOther5xx:   "other 5xx",
	clsFailUnexpected: "unexpected status or error code",
	clsFailBadBody:    "2xx with an incomplete, unparsable or wrong body",
	clsFailTransport:  "transport error",
	clsFailTimeout:    "timeout",
	clsCanceled:       "canceled (interrupted)",
}

func (c class) failure() bool { return c >= clsFail503Outside && c != clsCanceled }

type failureGroup struct {
	count     int
	first     time.Duration
	example   string
	requestID string // the example's X-Request-Id
}

type second struct{ total, ok, got503, cut, failed int }

type criterion struct {
	text string
	ok   bool
}

// classify weighs a request's outcome against the outage window.
func (r *report) classify(x rec) class {
	k := r.kinds[x.kind]
	switch x.outcome {
	case gotExpected:
		if x.status >= 400 {
			return cls4xx
		}
		return cls2xx
	case gotDB503:
		if r.haveWindow {
			e := x.end()
			if e >= r.down && e <= r.up {
				return cls503Down
			}
			if e > r.up && e <= r.up+recoveryGrace {
				return cls503After
			}
		}
		return clsFail503Outside
	case gotOther5xx:
		return clsFailOther5xx
	case gotUnexpect:
		return clsFailUnexpected
	case gotBadBody:
		return clsFailBadBody
	case gotTransport:
		if k.export && r.haveWindow && x.start <= r.up && x.end() >= r.down {
			return clsExportCut
		}
		return clsFailTransport
	case gotTimeout:
		return clsFailTimeout
	}
	return clsCanceled
}

// analyze goes through every request once.
func (r *report) analyze() {
	if r.outage != nil && !r.outage.stopAt.IsZero() {
		r.haveWindow = true
		r.down = r.outage.stopAt.Sub(r.start)
		r.up = r.elapsed + time.Hour // never came back: down to the end
		if !r.outage.upAt.IsZero() {
			r.up = r.outage.upAt.Sub(r.start)
		}
	}
	r.kindClass = make([][nClasses]int, len(r.kinds))
	r.latKind = make([][]time.Duration, len(r.kinds))
	r.codeCounts = map[string]int{}
	r.failureGroups = map[string]*failureGroup{}
	r.latByClass = map[string][]time.Duration{}
	r.timeline = map[int]*second{}
	addr := regexp.MustCompile(`\d+\.\d+\.\d+\.\d+:\d+`)
	for _, w := range r.workers {
		for i, x := range w.recs {
			c := r.classify(x)
			k := r.kinds[x.kind]
			v := k.variants[x.variant]
			r.total++
			r.classCounts[c]++
			r.kindClass[x.kind][c]++
			r.latAll = append(r.latAll, x.dur)
			r.latKind[x.kind] = append(r.latKind[x.kind], x.dur)
			switch {
			case c == cls2xx:
				r.latByClass["expected 2xx"] = append(r.latByClass["expected 2xx"], x.dur)
			case c == cls4xx:
				r.latByClass["expected 4xx"] = append(r.latByClass["expected 4xx"], x.dur)
				r.codeCounts[fmt.Sprintf("%d %s", x.status, v.code)]++
			case x.outcome == gotDB503:
				r.latByClass["503"] = append(r.latByClass["503"], x.dur)
			}
			if x.outcome == gotDB503 {
				if r.n503 == 0 || x.end() < r.first503 {
					r.first503 = x.end()
				}
				r.last503 = max(r.last503, x.end())
				r.n503++
			}
			if c == cls2xx && k.dbBound && r.haveWindow {
				if x.end() >= r.up && (!r.haveFirstOK || x.end()-r.up < r.firstOK) {
					r.firstOK, r.haveFirstOK = x.end()-r.up, true
				}
				if x.start >= r.down && x.end() <= r.up {
					r.okWhileDown++
				}
			}
			sec := int(x.end() / time.Second)
			b := r.timeline[sec]
			if b == nil {
				b = &second{}
				r.timeline[sec] = b
			}
			b.total++
			switch {
			case c == cls2xx || c == cls4xx:
				b.ok++
			case c == cls503Down || c == cls503After || c == clsFail503Outside:
				b.got503++
			case c == clsExportCut:
				b.cut++
			}
			if c.failure() {
				b.failed++
				detail := ""
				if x.detail >= 0 {
					detail = w.details[x.detail]
				}
				key := fmt.Sprintf("%s | %s | %d | %s", classNames[c], k.name, x.status, addr.ReplaceAllString(shorten(detail, 60), "ADDR"))
				g := r.failureGroups[key]
				if g == nil {
					id := requestID(w.id, i)
					g = &failureGroup{first: x.start, requestID: id, example: fmt.Sprintf("%s: %s %s → %d after %.0f ms (sent at t=%.3f s; X-Request-Id %s; Authorization %q) %s",
						classNames[c], v.method, v.path, x.status, ms(x.dur), x.start.Seconds(), id, shorten(v.auth, 24), detail)}
					r.failureGroups[key] = g
				}
				if x.start < g.first {
					g.first = x.start
				}
				g.count++
			}
		}
	}
}

func shorten(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func quantile(d []time.Duration, q float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	i := int(float64(len(d))*q+0.999999) - 1
	return d[max(0, min(i, len(d)-1))]
}

func lat(d []time.Duration) string {
	if len(d) == 0 {
		return "– | – | –"
	}
	slices.Sort(d)
	return fmt.Sprintf("%.1f | %.1f | %.0f", ms(quantile(d, 0.5)), ms(quantile(d, 0.99)), ms(d[len(d)-1]))
}

func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

// markdown writes the report and returns whether the verdict is PASS.
func (r *report) markdown(s *soak) (string, bool) {
	r.analyze()
	if s.sc != nil {
		wanted := map[string]bool{}
		for _, g := range r.failureGroups {
			wanted[g.requestID] = true
		}
		r.log = readSidecarLog(s.sc.logPath, wanted)
		r.sidecarStarted = s.sc.started
	}
	var w strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&w, format, args...) }

	p("# kchat-soak report\n\n")
	p("## Machine\n\n")
	model, cores, mem, kernel := machine()
	p("- CPU: %s, %d cores; %s RAM; Linux %s; %s\n", model, cores, mem, kernel, runtime.Version())
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

	p("## Requests by class\n\n| class | requests | share | counts as |\n|---|---:|---:|---|\n")
	for c := class(0); c < nClasses; c++ {
		n := r.classCounts[c]
		if n == 0 && c != cls2xx && !c.failure() {
			continue
		}
		verdict := "expected"
		switch {
		case c.failure():
			verdict = "**FAILURE**"
			if n == 0 {
				verdict = "failure (none)"
			}
		case c >= cls503Down && c <= clsExportCut:
			verdict = "accepted (outage)"
		case c == clsCanceled:
			verdict = "interrupted"
		}
		p("| %s | %d | %.2f%% | %s |\n", classNames[c], n, pct(n, r.total), verdict)
	}
	codes := make([]string, 0, len(r.codeCounts))
	for c := range r.codeCounts {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	p("\nExpected 4xx by status and code: ")
	for i, c := range codes {
		if i > 0 {
			p(", ")
		}
		p("%s × %d", c, r.codeCounts[c])
	}
	p(".\n\n")

	p("## Requests by route\n\n")
	p("| kind | route / variants | weight | requests | expected | 503 (outage) | export cut (outage) | failures | p50 ms | p99 ms | max ms |\n")
	p("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for i, k := range r.kinds {
		kc := r.kindClass[i]
		fails := 0
		for c := class(0); c < nClasses; c++ {
			if c.failure() {
				fails += kc[c]
			}
		}
		n := 0
		for _, v := range kc {
			n += v
		}
		p("| %s | %s (%d) | %d | %d | %d | %d | %d | %d | %s |\n", k.name, k.route, len(k.variants), k.weight, n,
			kc[cls2xx]+kc[cls4xx], kc[cls503Down]+kc[cls503After], kc[clsExportCut], fails, lat(r.latKind[i]))
	}
	weights := 0
	for _, k := range r.kinds {
		weights += k.weight
	}
	p("| **all** | | %d | %d | %d | %d | %d | %d | %s |\n\n", weights, r.total, r.classCounts[cls2xx]+r.classCounts[cls4xx],
		r.classCounts[cls503Down]+r.classCounts[cls503After], r.classCounts[clsExportCut], r.failures(), lat(r.latAll))
	p("Latency by answer: ")
	for i, name := range []string{"expected 2xx", "expected 4xx", "503"} {
		if i > 0 {
			p("; ")
		}
		d := r.latByClass[name]
		if len(d) == 0 {
			p("%s none", name)
			continue
		}
		slices.Sort(d)
		p("%s p50 %.1f ms, p99 %.1f ms", name, ms(quantile(d, 0.5)), ms(quantile(d, 0.99)))
	}
	p(" (from sending the request to the last byte of the body).\n\n")

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

func pct(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}

func (r *report) failures() int {
	n := 0
	for c := class(0); c < nClasses; c++ {
		if c.failure() {
			n += r.classCounts[c]
		}
	}
	return n
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
	p("Answers per second around the restart (by the second the answer ended):\n\n")
	p("| second | answers | expected | 503 | export cut | failures |\n|---:|---:|---:|---:|---:|---:|\n")
	from := int(r.down/time.Second) - 2
	to := min(int((r.up+recoveryGrace)/time.Second)+2, int(r.elapsed/time.Second))
	for sec := max(0, from); sec <= to; sec++ {
		b := r.timeline[sec]
		if b == nil {
			b = &second{}
		}
		mark := ""
		if t := time.Duration(sec) * time.Second; t+time.Second > r.down && t <= r.up {
			mark = " (down)"
		}
		p("| %d%s | %d | %d | %d | %d | %d |\n", sec, mark, b.total, b.ok, b.got503, b.cut, b.failed)
	}
	p("\n")
}

func (r *report) memorySection(p func(string, ...any)) {
	p("## Sidecar memory\n\n")
	peak := r.before
	peakG := r.before
	for _, s := range r.samples {
		if s.rss > peak.rss {
			peak = s
		}
		if s.goroutines > peakG.goroutines {
			peakG = s
		}
	}
	withMetrics := r.before.metrics
	row := func(name string, s procSample) {
		p("| %s | %s | %d | %d |", name, mib(s.rss), s.threads, s.fds)
		if withMetrics {
			if s.metrics {
				p(" %d | %s |", s.goroutines, mib(s.heapInuse))
			} else {
				p(" – | – |")
			}
		}
		p("\n")
	}
	p("| point | VmRSS | threads | open fds |")
	if withMetrics {
		p(" goroutines | Go heap in use |")
	}
	p("\n|---|---:|---:|---:|")
	if withMetrics {
		p("---:|---:|")
	}
	p("\n")
	row("ready, idle (before the warm-up)", r.idle)
	row("**start**: after the warm-up, before traffic", r.before)
	row(fmt.Sprintf("peak RSS of the 1 s samples (t=%.0f s)", peak.at.Seconds()), peak)
	if withMetrics && peakG.at != peak.at {
		row(fmt.Sprintf("most goroutines (t=%.0f s)", peakG.at.Seconds()), peakG)
	}
	if r.endErr != nil {
		p("| end | unreadable: %v | | |\n", r.endErr)
	} else {
		row(fmt.Sprintf("**end**: %s after traffic, client connections closed", r.o.settle), r.end)
		p("| kernel's peak (VmHWM at the end) | %s | | |\n", mib(r.end.hwm))
	}
	p("\nBound used: end ≤ %.1f × start + %d MiB = %s. ", memFactor, memSlack>>20, mib(r.memLimit()))
	if withMetrics {
		p("Goroutines and the Go heap come from the sidecar's GET /metrics (go_goroutines, go_memstats_heap_inuse_bytes), read with the RSS.\n\n")
	} else {
		p("This sidecar serves no /metrics, so OS threads and open file descriptors stand in for goroutines.\n\n")
	}
	if withMetrics && r.end.metrics {
		maxInUse := 0
		for _, s := range r.samples {
			maxInUse = max(maxInUse, s.poolInUse)
		}
		p("Database pool (from /metrics): at most %d of %d connections in use in the 1 s samples; %d waits for a free connection during the run, %.1f s waited in total.\n\n",
			maxInUse, r.end.poolMax, r.end.poolWaits-r.before.poolWaits, r.end.poolWaitSecs-r.before.poolWaitSecs)
	}
	r.gcSummary(p)
	if len(r.samples) > 0 {
		p("VmRSS every 5 s: ")
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

func (r *report) memLimit() int64 { return int64(memFactor*float64(r.before.rss)) + memSlack }

// sidecarLog is what the sidecar's stderr said: JSON lines by level and message, the
// lines worth a look, and the Go runtime's gctrace lines.
type sidecarLog struct {
	byRequest    map[string][]string // lines of the wanted request ids
	err          error
	lines        int
	counts       map[string]int
	notable      []string
	notableCount int
	gcs          []gcLine
}

type gcLine struct {
	at              time.Duration // since the process started
	live, goal      int           // MB: the heap marked live, and the next goal
	before, afterGC int           // MB: heap at the start and end of the collection
}

// A gctrace line is "gc 12 @3.456s 2%: … ms cpu, 4->5->2 MB, 6 MB goal, …". The runtime
// writes it in pieces, so a log line written at the same moment may land inside it:
// its start and its heap figures are matched separately.
var (
	gcStart = regexp.MustCompile(`^gc \d+ @([0-9.]+)s \d+%:`)
	gcHeap  = regexp.MustCompile(`(\d+)->(\d+)->(\d+) MB, (\d+) MB goal`)
)

func readSidecarLog(path string, wanted map[string]bool) sidecarLog {
	l := sidecarLog{counts: map[string]int{}, byRequest: map[string][]string{}}
	f, err := os.Open(path)
	if err != nil {
		l.err = err
		return l
	}
	defer f.Close()
	note := func(line []byte) {
		l.notableCount++
		if len(l.notable) < 12 {
			l.notable = append(l.notable, shorten(string(line), 500))
		}
	}
	in := bufio.NewScanner(f)
	in.Buffer(make([]byte, 64<<10), 4<<20)
	var gcAt time.Duration
	for in.Scan() {
		l.lines++
		line := in.Bytes()
		// A JSON log line is written whole, in one write, but may land inside a gctrace
		// line, which the runtime writes in pieces: split it off.
		other, jsonPart := line, []byte(nil)
		if i := bytes.Index(line, []byte(`{"`)); i >= 0 {
			other, jsonPart = line[:i], line[i:]
		}
		if len(other) > 0 {
			if m := gcStart.FindSubmatch(other); m != nil {
				secs, _ := strconv.ParseFloat(string(m[1]), 64)
				gcAt = time.Duration(secs * float64(time.Second))
				l.counts["not JSON: gctrace (GODEBUG=gctrace=1, set by kchat-soak), collections"]++
			}
			if m := gcHeap.FindSubmatch(other); m != nil {
				g := gcLine{at: gcAt}
				g.before, _ = strconv.Atoi(string(m[1]))
				g.afterGC, _ = strconv.Atoi(string(m[2]))
				g.live, _ = strconv.Atoi(string(m[3]))
				g.goal, _ = strconv.Atoi(string(m[4]))
				l.gcs = append(l.gcs, g)
			}
			switch {
			case gcFragment(other):
			case driverLog.Match(other):
				// go-sql-driver/mysql logs to stderr on its own, in its own format.
				l.counts["not JSON: [mysql] "+string(driverLog.FindSubmatch(other)[1])]++
			default:
				l.counts["not JSON: other"]++
				note(line)
			}
		}
		if jsonPart == nil {
			continue
		}
		var j struct {
			Level, Msg, Code string
			Status           int
			RequestID        string `json:"request_id"`
		}
		if err := json.Unmarshal(jsonPart, &j); err != nil {
			l.counts["not JSON: other"]++
			note(line)
			continue
		}
		if wanted[j.RequestID] {
			l.byRequest[j.RequestID] = append(l.byRequest[j.RequestID], shorten(string(jsonPart), 700))
		}
		key := j.Level + " " + j.Msg
		if j.Status >= 500 {
			key += fmt.Sprintf(", status %d", j.Status)
		}
		if j.Code != "" {
			key += ", code " + j.Code
		}
		l.counts[key]++
		expected503 := j.Status == 503 && (j.Code == "kchat_db_unavailable" || (j.Msg == "request" && j.Code == ""))
		if (j.Level == "ERROR" && !expected503) || strings.Contains(strings.ToLower(j.Msg), "panic") {
			note(jsonPart)
		}
	}
	if err := in.Err(); err != nil {
		l.err = err
	}
	return l
}

func (r *report) sidecarSection(p func(string, ...any), s *soak) {
	p("## Sidecar process and log\n\n")
	p("- Alive after traffic: %v; alive after the settle: %v.\n", r.aliveAfterTraffic, r.aliveAfterSettle)
	if sc := s.sc; sc != nil {
		select {
		case <-sc.done:
			how := "exited on SIGTERM"
			if sc.killed {
				how = "did not exit on SIGTERM and was killed"
			}
			exit := "status 0"
			if sc.err != nil {
				exit = sc.err.Error()
			}
			p("- Shutdown: %s in %.2f s, %s.\n", how, sc.stopped.Seconds(), exit)
		default:
		}
	}
	if r.metricsGzip != "" {
		p("- **Observed:** %s.\n", r.metricsGzip)
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

// gcFragment tells whether b is a piece of a gctrace line: once its words are taken
// out, only figures and punctuation are left.
func gcFragment(b []byte) bool {
	s := string(b)
	for _, w := range []string{"(forced)", "globals", "stacks", "clock", "goal", "cpu", "gc", "ms", "MB", "P"} {
		s = strings.ReplaceAll(s, w, "")
	}
	return strings.Trim(s, "0123456789.+/%@:>,-s ") == ""
}

// driverLog is a line of go-sql-driver/mysql's default logger, without its time stamp.
var driverLog = regexp.MustCompile(`^\[mysql\] \d{4}/\d\d/\d\d \d\d:\d\d:\d\d (.*)$`)

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

func (r *report) verdict() bool {
	add := func(ok bool, format string, args ...any) {
		r.criteria = append(r.criteria, criterion{fmt.Sprintf(format, args...), ok})
	}
	add(r.classCounts[clsFailOther5xx]+r.classCounts[clsFail503Outside] == 0,
		"no 5xx except 503 kchat_db_unavailable between the database stop and %s after it answered again (other 5xx: %d, 503 outside: %d)",
		recoveryGrace, r.classCounts[clsFailOther5xx], r.classCounts[clsFail503Outside])
	add(r.classCounts[clsFailUnexpected] == 0, "no unexpected status or error code (%d)", r.classCounts[clsFailUnexpected])
	add(r.classCounts[clsFailBadBody] == 0, "every 2xx body sound; every 200 export complete and equal to its reference (%d bad)", r.classCounts[clsFailBadBody])
	add(r.classCounts[clsFailTransport]+r.classCounts[clsFailTimeout] == 0,
		"no transport errors or timeouts, except exports cut off while the database was down (transport %d, timeouts %d)",
		r.classCounts[clsFailTransport], r.classCounts[clsFailTimeout])
	if r.probes != nil {
		ok, text := r.probeVerdict()
		add(ok, "%s", text)
	}
	add(r.aliveAfterTraffic && r.aliveAfterSettle, "no crash: the sidecar process alive after traffic and after the settle")
	if r.endErr == nil {
		add(r.end.rss <= r.memLimit(), "memory: end RSS %s ≤ %.1f × start %s + %d MiB = %s",
			mib(r.end.rss), memFactor, mib(r.before.rss), memSlack>>20, mib(r.memLimit()))
	} else {
		add(false, "memory: end RSS unreadable (%v)", r.endErr)
	}
	if !r.o.noRestart {
		switch {
		case r.restartSkipped:
			add(false, "the database restart happened (traffic ended first)")
		case r.restartErr != nil || r.outage == nil:
			add(false, "the database restart happened (%v)", r.restartErr)
		default:
			add(r.haveFirstOK, "recovery: a database-backed 2xx after the database answered again")
		}
	}
	add(r.total > 0, "requests were made (%d)", r.total)
	for _, c := range r.criteria {
		if !c.ok {
			return false
		}
	}
	return true
}

func machine() (model string, cores int, mem, kernel string) {
	model, mem, kernel = "unknown CPU", "unknown", "unknown"
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if name, value, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(name) == "model name" {
				model = strings.TrimSpace(value)
				break
			}
		}
	}
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kb int64
		if _, err := fmt.Sscanf(string(data), "MemTotal: %d kB", &kb); err == nil {
			mem = fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
		}
	}
	if data, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		kernel = strings.TrimSpace(string(data))
	}
	return model, runtime.NumCPU(), mem, kernel
}

// gcSummary tells the Go heap's story from the gctrace lines: how much was live after
// each collection (a leak keeps growing there), against what the RSS shows.
func (r *report) gcSummary(p func(string, ...any)) {
	gcs := r.log.gcs
	if len(gcs) == 0 {
		if r.o.gctrace {
			p("No gctrace lines in the sidecar's stderr.\n\n")
		}
		return
	}
	traffic0 := r.start.Sub(r.sidecarStarted)
	trafficEnd := traffic0 + r.elapsed
	var during, after int
	var peak gcLine
	var lastBefore *gcLine
	for i, g := range gcs {
		switch {
		case g.at >= traffic0 && g.at <= trafficEnd:
			during++
		case g.at > trafficEnd:
			after++
		}
		if g.live > peak.live {
			peak = g
		}
		if g.at < traffic0 {
			lastBefore = &gcs[i]
		}
	}
	last := gcs[len(gcs)-1]
	p("Go heap, from the sidecar's GODEBUG=gctrace=1 lines: %d collections during traffic, %d after it. ", during, after)
	if lastBefore != nil {
		p("Live heap before traffic: %d MB. ", lastBefore.live)
	}
	p("Peak live heap %d MB (t=%.0f s, heap goal %d MB). The last collection (t=%.1f s, %.1f s after the last answer): %d MB live, heap goal %d MB.\n\n",
		peak.live, (peak.at - traffic0).Seconds(), peak.goal, (last.at - traffic0).Seconds(), (last.at - trafficEnd).Seconds(), last.live, last.goal)
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

func (r *report) probeSection(p func(string, ...any)) {
	c := r.probes
	if c == nil {
		return
	}
	p("Cut probes: %d whole-log conversation exports (%d rows, %s), started 2 s before the stop on their own connections and read slowly (about 4 s per file), half with gzip:\n\n",
		len(c.probes), c.ref.rows, mib(int64(c.ref.bytes)))
	p("| probe | encoding | tries | status | read at the stop | read in all | outcome |\n|---|---|---:|---:|---:|---:|---|\n")
	for _, pr := range c.probes {
		enc := "identity"
		if pr.gzip {
			enc = "gzip"
		}
		atStop := "not reading"
		if pr.atStop >= 0 {
			atStop = fmt.Sprintf("%.0f%%", 100*float64(pr.atStop)/float64(c.ref.bytes))
		}
		p("| %s | %s | %d | %d | %s | %.0f%% | %s |\n", pr.id, enc, pr.attempts, pr.status, atStop,
			100*float64(pr.bytes.Load())/float64(c.ref.bytes), c.outcome(pr).text)
	}
	p("\n")
}

// probeVerdict counts the probes' outcomes.
func (r *report) probeVerdict() (ok bool, text string) {
	c := r.probes
	cut, whole, never, bad, inFlight := 0, 0, 0, 0, 0
	for _, pr := range c.probes {
		o := c.outcome(pr)
		switch {
		case o.failure:
			bad++
		case pr.status == http.StatusOK && pr.err != nil:
			cut++
		case pr.status == http.StatusOK:
			whole++
		default:
			never++
		}
		if pr.atStop >= 0 {
			inFlight++
		}
	}
	return bad == 0, fmt.Sprintf("exports in flight when the database stopped end whole or as a broken transfer, never as a short 200 (cut probes: %d mid-stream at the stop; %d cut off, %d whole, %d never started, %d bad)",
		inFlight, cut, whole, never, bad)
}
