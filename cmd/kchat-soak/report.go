package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/loadkit"
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
	criteria          []criterion
	cpuStart, cpuEnd  cpuReading
	log               sidecarLog
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
	for _, w := range r.workers {
		for i, x := range w.recs {
			c := r.classify(x)
			r.count(x, c)
			if c.failure() {
				r.group(w, i, x, c)
			}
		}
	}
}

// count adds a request to the totals by class, kind and latency, and to the outage's.
func (r *report) count(x rec, c class) {
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
		r.codeCounts[fmt.Sprintf("%d %s", x.status, r.kinds[x.kind].variants[x.variant].code)]++
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
	if c == cls2xx && r.kinds[x.kind].dbBound && r.haveWindow {
		if x.end() >= r.up && (!r.haveFirstOK || x.end()-r.up < r.firstOK) {
			r.firstOK, r.haveFirstOK = x.end()-r.up, true
		}
		if x.start >= r.down && x.end() <= r.up {
			r.okWhileDown++
		}
	}
}

var addrPattern = regexp.MustCompile(`\d+\.\d+\.\d+\.\d+:\d+`)

// group adds a failure, the i-th request of w, to its group, the first of a group
// becoming its example.
func (r *report) group(w *worker, i int, x rec, c class) {
	k := r.kinds[x.kind]
	v := k.variants[x.variant]
	detail := ""
	if x.detail >= 0 {
		detail = w.details[x.detail]
	}
	key := fmt.Sprintf("%s | %s | %d | %s", classNames[c], k.name, x.status, addrPattern.ReplaceAllString(shorten(detail, 60), "ADDR"))
	g := r.failureGroups[key]
	if g == nil {
		id := requestID(w.id, i)
		g = &failureGroup{first: x.start, requestID: id, example: fmt.Sprintf("%s: %s %s → %d after %.0f ms (sent at t=%.3f s; X-Request-Id %s; Authorization %q) %s",
			classNames[c], v.method, v.path, x.status, ms(x.dur), x.start.Seconds(), id, shorten(v.auth, 24), detail)}
		r.failureGroups[key] = g
	}
	g.first = min(g.first, x.start)
	g.count++
}

func shorten(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

var (
	ms  = loadkit.Millis
	mib = loadkit.MiB
)

func (r *report) failures() int {
	n := 0
	for c := class(0); c < nClasses; c++ {
		if c.failure() {
			n += r.classCounts[c]
		}
	}
	return n
}

func (r *report) memLimit() int64 { return int64(memFactor*float64(r.before.rss)) + memSlack }

// sidecarLog is what the sidecar's stderr said: JSON lines by level and message, and
// the lines worth a look.
type sidecarLog struct {
	byRequest    map[string][]string // lines of the wanted request ids
	err          error
	lines        int
	counts       map[string]int
	notable      []string
	notableCount int
}

func readSidecarLog(path string, wanted map[string]bool) sidecarLog {
	l := sidecarLog{counts: map[string]int{}, byRequest: map[string][]string{}}
	f, err := os.Open(path)
	if err != nil {
		l.err = err
		return l
	}
	defer f.Close()
	in := bufio.NewScanner(f)
	in.Buffer(make([]byte, 64<<10), 4<<20)
	for in.Scan() {
		l.lines++
		l.add(in.Bytes(), wanted)
	}
	l.err = in.Err()
	return l
}

// add counts a line: a JSON line by level, message, status and code; a line of the
// database driver's own logger by what it says; anything else is worth a look.
func (l *sidecarLog) add(line []byte, wanted map[string]bool) {
	var j struct {
		Level, Msg, Code string
		Status           int
		RequestID        string `json:"request_id"`
	}
	if !bytes.HasPrefix(line, []byte("{")) || json.Unmarshal(line, &j) != nil {
		if m := driverLog.FindSubmatch(line); m != nil {
			l.counts["not JSON: [mysql] "+string(m[1])]++
		} else {
			l.counts["not JSON: other"]++
			l.note(line)
		}
		return
	}
	if wanted[j.RequestID] {
		l.byRequest[j.RequestID] = append(l.byRequest[j.RequestID], shorten(string(line), 700))
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
		l.note(line)
	}
}

func (l *sidecarLog) note(line []byte) {
	l.notableCount++
	if len(l.notable) < 12 {
		l.notable = append(l.notable, shorten(string(line), 500))
	}
}

// driverLog is a line of go-sql-driver/mysql's default logger, without its time stamp.
var driverLog = regexp.MustCompile(`^\[mysql\] \d{4}/\d\d/\d\d \d\d:\d\d:\d\d (.*)$`)

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
