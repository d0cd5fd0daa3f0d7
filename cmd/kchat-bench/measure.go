package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/loadkit"
)

const (
	exportPath    = "/wp-json/kchat/v1/conversations/export"
	convPath      = "/wp-json/kchat/v1/conversations/summary?period=weekly&start=2024-11-01&end=2026-11-25"
	tokensPath    = "/wp-json/kchat/v1/tokens/summary?period=weekly&start=2024-11-01&end=2026-11-25"
	interactPath  = "/wp-json/kchat/v1/interactions/summary"
	exportRuns    = 3
	coldSamples   = 5
	indexSamples  = 3
	wrkConnection = 64
)

// The statements the sidecar runs, for the mariadb client to run too: a whole-log
// conversations/export (repository's EachLogRow) and a summary's scan of the log
// (EachLogEntry, its id bounds as placeholders). TestSameSQL checks them against what
// the repository sends.
const (
	exportSQL = "SELECT CONCAT(`id`), `session_id`, `user_id`, `page_id`, DATE_FORMAT(`interaction_time`, '%Y-%m-%d %H:%i:%s')," +
		" `user_type`, `thread_id`, `assistant_id`, `assistant_name`, `message_text`, CONCAT(`sentiment_score`) FROM " + logTable + " ORDER BY `id`"
	entrySQL = "SELECT DATE_FORMAT(`interaction_time`, '%Y-%m-%d'), `session_id`, `user_type`," +
		" CASE WHEN `user_type` IN ('Prompt Tokens','Completion Tokens','Total Tokens') THEN `message_text` END FROM " + logTable +
		" WHERE `id` > ? AND `id` <= ?"
)

// perDaySQL is the aggregate a site owner would write by hand for these summaries:
// messages by sender and tokens per day, grouped in the database.
const perDaySQL = "SELECT DATE(`interaction_time`) AS d, SUM(`user_type` = 'Visitor'), SUM(`user_type` = 'Chatbot'), COUNT(DISTINCT `session_id`)," +
	" SUM(IF(`user_type` = 'Prompt Tokens', CAST(`message_text` AS UNSIGNED), 0))," +
	" SUM(IF(`user_type` = 'Completion Tokens', CAST(`message_text` AS UNSIGNED), 0))," +
	" SUM(IF(`user_type` = 'Total Tokens', CAST(`message_text` AS UNSIGNED), 0))" +
	" FROM " + logTable + " GROUP BY d"

type exportFigures struct {
	rows              int
	sidecar, client   time.Duration // medians
	idleRSS, peakRSS  int64
	bytes, gzipBytes  int64
	sidecarRate, rate float64
	gzipRate          float64
}

type summaryFigures struct {
	name                  string
	cold, warm            []time.Duration
	scanSQL, perDay       time.Duration
	coldP50, warmP50      time.Duration
	coldP99, warmP99      time.Duration
	coldOverScan, overDay float64
}

type wrkFigures struct {
	rps float64
	p50 string
	p99 string
}

// results are the figures of one run; the parts not measured are nil.
type results struct {
	small, large *exportFigures
	sums         []summaryFigures
	side, bare   *wrkFigures
	insights     *insightsFigures
	index        *indexFigures
	loadStart    string // the 1-minute load average when the run began
}

func (b *bench) all(ctx context.Context) (string, error) {
	r := results{loadStart: loadAverage()}
	if !b.o.insights {
		if err := b.logFigures(ctx, &r); err != nil {
			return "", err
		}
	}
	if err := b.seed(ctx, b.o.rows); err != nil {
		return "", err
	}
	year, err := b.insights(ctx, "year", insightsYearPath, coldSamples, b.o.samples)
	if err != nil {
		return "", err
	}
	r.insights = &year
	if !b.o.noIndex {
		if r.index, err = b.withIndex(ctx); err != nil {
			return "", err
		}
	}
	return b.report(r), nil
}

// logFigures measures the exports, the log summaries and, unless --no-wrk, the HTTP stack.
func (b *bench) logFigures(ctx context.Context, r *results) error {
	small, err := b.export(ctx, b.o.small, 1)
	if err != nil {
		return err
	}
	large, err := b.export(ctx, b.o.rows, exportRuns)
	if err != nil {
		return err
	}
	r.small, r.large = &small, &large
	for _, s := range []struct{ name, path string }{{"conversations/summary", convPath}, {"tokens/summary", tokensPath}} {
		f, err := b.summary(ctx, s.name, s.path)
		if err != nil {
			return err
		}
		r.sums = append(r.sums, f)
	}
	if !b.o.noWRK {
		if r.side, r.bare, err = b.http(ctx); err != nil {
			return err
		}
	}
	return nil
}

// export times conversations/export against the mariadb client on the same SELECT,
// on a fresh sidecar whose peak memory is then read.
func (b *bench) export(ctx context.Context, rows, runs int) (exportFigures, error) {
	f := exportFigures{rows: rows}
	if err := b.seed(ctx, rows); err != nil {
		return f, err
	}
	b.step("export of %d rows: the mariadb client, %d runs", rows, runs)
	client, err := b.timeClient(ctx, runs, exportSQL)
	if err != nil {
		return f, err
	}
	s, err := b.startSidecar(ctx)
	if err != nil {
		return f, err
	}
	defer s.stop()
	m, err := s.Metrics()
	if err != nil {
		return f, err
	}
	f.idleRSS = int64(m["process_resident_memory_bytes"])
	b.step("export of %d rows: the sidecar, %d runs plain and %d gzipped", rows, runs, runs)
	var side, zipped []time.Duration
	for range runs {
		n, d, err := s.get(ctx, exportPath, nil)
		if err != nil {
			return f, err
		}
		f.bytes = n
		side = append(side, d)
		if n, d, err = s.getEncoded(ctx, exportPath, "gzip", nil); err != nil {
			return f, err
		}
		f.gzipBytes = n
		zipped = append(zipped, d)
	}
	if f.peakRSS, err = s.peakRSS(); err != nil {
		return f, err
	}
	f.client, f.sidecar = client[0], median(side)
	f.rate = float64(rows) / f.client.Seconds()
	f.sidecarRate = float64(rows) / f.sidecar.Seconds()
	f.gzipRate = float64(rows) / median(zipped).Seconds()
	return f, nil
}

// summary times a log summary cold (a fresh sidecar's first request, so a full scan)
// and warm, next to the statement the cache runs and the hand-written per-day aggregate.
func (b *bench) summary(ctx context.Context, name, path string) (summaryFigures, error) {
	f := summaryFigures{name: name}
	b.step("%s: %d cold starts", name, coldSamples)
	for range coldSamples {
		s, err := b.startSidecar(ctx)
		if err != nil {
			return f, err
		}
		_, d, err := s.get(ctx, path, nil)
		if err != nil {
			s.stop()
			return f, err
		}
		f.cold = append(f.cold, d)
		if len(f.cold) == coldSamples {
			b.step("%s: %d warm requests", name, b.o.samples)
			for range b.o.samples {
				_, d, err := s.get(ctx, path, nil)
				if err != nil {
					s.stop()
					return f, err
				}
				f.warm = append(f.warm, d)
			}
		}
		s.stop()
	}
	b.step("%s: the SQL alone, %d runs each", name, coldSamples)
	scan := strings.Replace(strings.Replace(entrySQL, "?", "0", 1), "?", strconv.Itoa(b.seeded), 1)
	refs, err := b.timeClient(ctx, coldSamples, scan, perDaySQL)
	if err != nil {
		return f, err
	}
	f.scanSQL, f.perDay = refs[0], refs[1]
	f.coldP50, f.coldP99 = loadkit.Quantile(f.cold, 0.5), loadkit.Quantile(f.cold, 0.99)
	f.warmP50, f.warmP99 = loadkit.Quantile(f.warm, 0.5), loadkit.Quantile(f.warm, 0.99)
	f.coldOverScan = f.coldP50.Seconds() / f.scanSQL.Seconds()
	f.overDay = f.coldP50.Seconds() / f.perDay.Seconds()
	return f, nil
}

// http runs wrk on interactions/summary and on a minimal Go handler that returns the
// same bytes as a constant: the most this machine's HTTP stack serves.
func (b *bench) http(ctx context.Context) (side, bare *wrkFigures, err error) {
	if _, err := exec.LookPath("wrk"); err != nil {
		return nil, nil, errors.New("wrk not found (Debian package wrk), or pass --no-wrk")
	}
	s, err := b.startSidecar(ctx)
	if err != nil {
		return nil, nil, err
	}
	defer s.stop()
	var body bytes.Buffer
	if _, _, err := s.get(ctx, interactPath, &body); err != nil {
		return nil, nil, err
	}
	b.step("wrk: interactions/summary, %d connections, %s", wrkConnection, b.o.wrkTime)
	if side, err = b.wrk(ctx, s.Base+interactPath, "Authorization: Bearer "+s.Token); err != nil {
		return nil, nil, err
	}

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, nil, err
	}
	constant := body.Bytes()
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=UTF-8")
		w.Write(constant)
	}), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(l)
	defer srv.Close()
	b.step("wrk: the minimal handler, %d connections, %s", wrkConnection, b.o.wrkTime)
	bare, err = b.wrk(ctx, "http://"+l.Addr().String()+"/", "Authorization: Bearer "+s.Token)
	return side, bare, err
}

var (
	wrkRate    = regexp.MustCompile(`Requests/sec:\s+([0-9.]+)`)
	wrkLatency = regexp.MustCompile(`(?m)^\s+(50|99)%\s+(\S+)`)
	wrkErrors  = regexp.MustCompile(`Non-2xx or 3xx responses: (\d+)|Socket errors: .*`)
)

func (b *bench) wrk(ctx context.Context, target, header string) (*wrkFigures, error) {
	out, err := exec.CommandContext(ctx, "wrk", "-t2", fmt.Sprintf("-c%d", wrkConnection), "-d"+b.o.wrkTime, "--latency", "-H", header, target).CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("wrk: %v: %s", err, out)
	}
	if m := wrkErrors.FindString(string(out)); m != "" {
		return nil, fmt.Errorf("wrk saw errors (%s):\n%s", m, out)
	}
	f := &wrkFigures{}
	m := wrkRate.FindSubmatch(out)
	if m == nil {
		return nil, fmt.Errorf("no Requests/sec in wrk's output:\n%s", out)
	}
	f.rps, _ = strconv.ParseFloat(string(m[1]), 64)
	for _, l := range wrkLatency.FindAllSubmatch(out, -1) {
		if string(l[1]) == "50" {
			f.p50 = string(l[2])
		} else {
			f.p99 = string(l[2])
		}
	}
	return f, nil
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "**not met**"
}

func (b *bench) report(r results) string {
	var w strings.Builder
	// The machine may be shared: its load says how far to trust absolute figures.
	fmt.Fprintf(&w, "\nkchat-bench on %s, %s; load average %s at the start, %s at the end\n\n",
		machine(), time.Now().UTC().Format("2006-01-02"), r.loadStart, loadAverage())
	fmt.Fprintf(&w, "| measure | sidecar | reference | ratio | goal |\n|---|---:|---:|---:|---|\n")
	if r.large != nil {
		b.logReport(&w, *r.small, *r.large, r.sums)
	}
	if r.side != nil {
		side, bare := r.side, r.bare
		ratio := side.rps / bare.rps
		p99, _ := time.ParseDuration(strings.Replace(side.p99, "us", "µs", 1))
		fmt.Fprintf(&w, "| interactions/summary, wrk -c%d (requests/s; p50, p99) | %.0f; %s, %s | %.0f; %s, %s (minimal Go handler) | %.2f× | ≥ 0.5× and p99 < 10 ms: %s |\n",
			wrkConnection, side.rps, side.p50, side.p99, bare.rps, bare.p50, bare.p99, ratio, verdict(httpMet(ratio, p99)))
	}
	if r.insights != nil {
		b.insightsReport(&w, *r.insights, r.index)
	}
	if r.large != nil {
		fmt.Fprintf(&w, "\nExport bytes: %d for %d rows. Cold = the first request of a new process (a full scan of the log); warm = later requests (two primary-key probes and bucketing in Go).\n", r.large.bytes, r.large.rows)
	}
	return w.String()
}

// loadAverage is the 1-minute load average, "?" where /proc has none.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(data)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
}

func (b *bench) logReport(w io.Writer, small, large exportFigures, sums []summaryFigures) {
	ratio := large.sidecarRate / large.rate
	fmt.Fprintf(w, "| conversations/export, %d rows (rows/s, median of %d) | %.0f | %.0f (mariadb --batch --quick > /dev/null) | %.2f× | ≥ 0.67×: %s |\n",
		large.rows, exportRuns, large.sidecarRate, large.rate, ratio, verdict(exportMet(ratio)))
	fmt.Fprintf(w, "| the same, gzip (rows/s; %.1f MiB → %.1f MiB) | %.0f | | %.2f× | |\n",
		float64(large.bytes)/(1<<20), float64(large.gzipBytes)/(1<<20), large.gzipRate, large.gzipRate/large.rate)
	fmt.Fprintf(w, "| peak RSS during export, %d → %d rows | %s → %s | idle %s | | < 64 MiB and flat: %s |\n",
		small.rows, large.rows, loadkit.MiB(small.peakRSS), loadkit.MiB(large.peakRSS), loadkit.MiB(large.idleRSS), verdict(memoryMet(small.peakRSS, large.peakRSS)))
	for _, s := range sums {
		fmt.Fprintf(w, "| %s cold, %d rows (p50 / p99 of %d fresh processes) | %s / %s | scan %s, per-day GROUP BY %s | p50 %.2f× scan, %.2f× per-day | both ≤ 1.3×: %s |\n",
			s.name, b.seeded, coldSamples, ms(s.coldP50), ms(s.coldP99), ms(s.scanSQL), ms(s.perDay), s.coldOverScan, s.overDay, verdict(coldMet(s.coldOverScan, s.overDay)))
		fmt.Fprintf(w, "| %s warm (p50 / p99 of %d) | %s / %s | | | p50 < 20 ms: %s |\n",
			s.name, len(s.warm), ms(s.warmP50), ms(s.warmP99), verdict(warmMet(s.warmP50)))
	}
}
