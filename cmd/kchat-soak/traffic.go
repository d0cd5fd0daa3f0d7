package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
)

const ns = "/wp-json/kchat/v1"

// outcome is what a request got, before it is weighed against the outage window.
type outcome uint8

const (
	gotExpected  outcome = iota // the expected status (and error code), and a sound body
	gotDB503                    // 503 kchat_db_unavailable
	gotOther5xx                 // any other 5xx
	gotUnexpect                 // a status or error code other than the expected one
	gotBadBody                  // the expected 2xx with a body that is incomplete, unparsable or wrong
	gotTransport                // no complete answer: refused, reset, cut off
	gotTimeout                  // no complete answer within --request-timeout
	gotCanceled                 // the run was interrupted
)

type bodyCheck uint8

const (
	bodyError  bodyCheck = iota // a WordPress error object with the expected code
	bodyObject                  // a JSON summary
	bodyArray                   // a JSON page of rows with X-WP-Total
	bodyCSV                     // a complete CSV, byte for byte the reference
)

// variant is one concrete request and what it must get.
type variant struct {
	method, path string
	auth         string // the Authorization header; empty: none
	status       int
	code         string    // expected error code, for errors
	body         bodyCheck // how a success is checked
	csvHeader    string    // CSV header row
	total        int       // expected X-WP-Total for pages of rows

	ref *exportRef // an export's answer in the warm-up, which every later one must equal
}

type exportRef struct {
	sum   [32]byte
	rows  int // data rows, header excluded
	bytes int
}

// kind is a weighted class of requests, reported together.
type kind struct {
	id, name string // id: for --weights
	route    string
	weight   int
	export   bool
	dbBound  bool // its success needs the database (for "first success after restart")
	variants []*variant
}

// rec is one request, kept compactly: 2,000,000 of them are 64 MB.
type rec struct {
	start, dur time.Duration // start is since traffic began
	kind       uint8
	outcome    outcome
	status     uint16
	variant    uint16
	detail     int32 // index into the worker's details, or -1
}

func (r rec) end() time.Duration { return r.start + r.dur }

const (
	headerConversations = "id,session_id,user_id,page_id,interaction_time,user_type,thread_id,assistant_id,assistant_name,message_text,sentiment_score"
	headerTokens        = "id,session_id,user_id,interaction_time,user_type,message_text"
	headerInteractions  = "date,count"
)

// buildMix is the weighted request mix. storedDays is the number of rows in the
// interactions table (for page numbers and X-WP-Total), home the tokens' issuer.
func buildMix(adminToken, home string, storedDays int, now time.Time) []*kind {
	admin := "Bearer " + adminToken
	iexport, cexport, texport := exportVariants(admin)
	bad, none, forbidden := authVariants(adminToken, home, now)
	return []*kind{
		{id: "isum", name: "interactions summary", route: "GET " + ns + "/interactions/summary", weight: 20, dbBound: true, variants: summaryVariants(admin, ns+"/interactions/summary")},
		{id: "csum", name: "conversations summary", route: "GET " + ns + "/conversations/summary", weight: 9, dbBound: true, variants: summaryVariants(admin, ns+"/conversations/summary")},
		{id: "tsum", name: "tokens summary", route: "GET " + ns + "/tokens/summary", weight: 8, dbBound: true, variants: summaryVariants(admin, ns+"/tokens/summary")},
		{id: "rows", name: "interactions rows", route: "GET " + ns + "/interactions", weight: 14, dbBound: true, variants: rowVariants(admin, storedDays)},
		{id: "iexport", name: "interactions export", route: "GET " + ns + "/interactions/export", weight: 5, dbBound: true, export: true, variants: iexport},
		{id: "cexport", name: "conversations export", route: "GET " + ns + "/conversations/export (1–3 days)", weight: 4, dbBound: true, export: true, variants: cexport},
		{id: "texport", name: "tokens export", route: "GET " + ns + "/tokens/export (5–31 days)", weight: 3, dbBound: true, export: true, variants: texport},
		{id: "badtoken", name: "bad token → 401", route: "expired, foreign key, garbage, altered, wrong scheme, wrong iss, no user", weight: 10, variants: bad},
		{id: "notoken", name: "no token → 401", route: "data routes without Authorization", weight: 5, variants: none},
		{id: "editor", name: "editor → 403", route: "editor1's valid token (no manage_options)", weight: 5, variants: forbidden},
		{id: "badparam", name: "bad parameter → 400", route: "period, dates, fill, page, per_page, order, bom, escape_formulas, repeats, 36,525 buckets, page past the end", weight: 11, variants: paramVariants(admin, storedDays)},
		{id: "noroute", name: "unknown route → 404", route: "unknown paths, POST/DELETE on GET routes", weight: 6, variants: noRouteVariants(admin)},
	}
}

// want200 is a GET that must succeed with a body that check accepts.
func want200(auth, path string, check bodyCheck) *variant {
	return &variant{method: http.MethodGet, path: path, auth: auth, status: http.StatusOK, body: check}
}

// wantError is a request that must get status and the WordPress error code.
func wantError(method, path, auth string, status int, code string) *variant {
	return &variant{method: method, path: path, auth: auth, status: status, code: code, body: bodyError}
}

// summaryVariants are a summary route with every period and window.
func summaryVariants(admin, route string) []*variant {
	periods := []string{"", "period=daily", "period=weekly", "period=monthly", "period=yearly", "period=Weekly", "period=MONTHLY"}
	windows := []string{"", "start=2026-11-18&end=2026-11-25", "start=2025-11-26&end=2026-11-25",
		"start=2024-11-26&end=2026-11-25", "start=2026-08-01&end=2026-11-25&fill=false", "start=2025-02-10&end=2025-03-09&fill=0"}
	var vs []*variant
	for _, p := range periods {
		for _, w := range windows {
			vs = append(vs, want200(admin, route+query(p, w), bodyObject))
		}
	}
	return vs
}

// rowVariants are every page of the stored days at four page sizes, and a few options.
func rowVariants(admin string, storedDays int) []*variant {
	var rows []*variant
	for _, per := range []int{10, 25, 50, 100} {
		pages := (storedDays + per - 1) / per
		for page := 1; page <= pages; page++ {
			rows = append(rows, want200(admin, fmt.Sprintf("%s/interactions?per_page=%d&page=%d", ns, per, page), bodyArray))
		}
	}
	for _, q := range []string{"", "order=asc", "_fields=date", "order=asc&per_page=100&_fields=date,count", "page=2&_fields=count"} {
		rows = append(rows, want200(admin, ns+"/interactions"+query(q), bodyArray))
	}
	for _, v := range rows {
		v.total = storedDays
	}
	return rows
}

// exportVariants are the three exports over windows of a day to two years.
func exportVariants(admin string) (iexport, cexport, texport []*variant) {
	csvOK := func(path, header string) *variant {
		v := want200(admin, path, bodyCSV)
		v.csvHeader = header
		return v
	}
	for _, q := range []string{"", "bom=true", "start=2026-01-01&end=2026-03-31", "start=2025-06-01&end=2026-11-25", "end=2025-01-01"} {
		iexport = append(iexport, csvOK(ns+"/interactions/export"+query(q), headerInteractions))
	}
	// Small windows of the log: a day to a few days.
	for _, q := range []string{"start=2026-11-20&end=2026-11-20", "start=2026-06-01&end=2026-06-02",
		"start=2025-12-24&end=2025-12-26&escape_formulas=false", "start=2025-03-01&end=2025-03-01&bom=1",
		"start=2026-11-25&end=2026-11-25", "start=2025-01-05&end=2025-01-06"} {
		cexport = append(cexport, csvOK(ns+"/conversations/export?"+q, headerConversations))
	}
	for _, q := range []string{"start=2026-10-01&end=2026-10-31", "start=2026-01-01&end=2026-01-07&escape_formulas=false",
		"start=2025-07-01&end=2025-07-14&bom=true", "start=2025-11-26&end=2025-11-30"} {
		texport = append(texport, csvOK(ns+"/tokens/export?"+q, headerTokens))
	}
	return iexport, cexport, texport
}

// authVariants are requests with bad tokens, with none, and with an editor's.
func authVariants(adminToken, home string, now time.Time) (bad, none, forbidden []*variant) {
	key := []byte(fixture.Secret)
	hourAgo, inHour := now.Add(-time.Hour), now.Add(time.Hour)
	badTokens := []struct{ auth, code string }{
		{"Bearer " + mintToken(key, home, "1", now.Add(-2*time.Hour), hourAgo, nil), "jwt_auth_invalid_token"}, // expired
		{"Bearer " + mintToken([]byte("not-the-site-key-but-long-enough"), home, "1", now, inHour, nil), "jwt_auth_invalid_token"},
		{"Bearer not-a-token", "jwt_auth_invalid_token"},
		{"Bearer " + alterSignature(adminToken), "jwt_auth_invalid_token"},
		{"Token abc", "jwt_auth_bad_auth_header"},
		{"Bearer " + mintToken(key, "https://elsewhere.example", "1", now, inHour, nil), "jwt_auth_bad_iss"},
		{"Bearer " + mintToken(key, home, "1", now, inHour, map[string]any{"data": map[string]any{}}), "jwt_auth_bad_request"},
	}
	for i, t := range badTokens {
		route := []string{"/interactions/summary", "/interactions", "/conversations/summary", "/tokens/export?start=2026-10-01&end=2026-10-02"}[i%4]
		bad = append(bad, wantError(http.MethodGet, ns+route, t.auth, http.StatusUnauthorized, t.code))
	}
	for _, route := range []string{"/interactions/summary", "/interactions", "/interactions/export", "/conversations/export?start=2026-11-20&end=2026-11-20", "/tokens/summary"} {
		none = append(none, wantError(http.MethodGet, ns+route, "", http.StatusUnauthorized, "rest_not_logged_in"))
	}
	editor := "Bearer " + mintToken(key, home, editorID, now, now.Add(24*time.Hour), nil)
	for _, route := range []string{"/interactions/summary", "/interactions?per_page=5", "/conversations/export?start=2026-11-20&end=2026-11-20", "/tokens/summary?period=monthly"} {
		forbidden = append(forbidden, wantError(http.MethodGet, ns+route, editor, http.StatusForbidden, "rest_forbidden"))
	}
	return bad, none, forbidden
}

// paramVariants are requests with a parameter the route refuses.
func paramVariants(admin string, storedDays int) []*variant {
	var params []*variant
	for _, p := range []string{"/interactions/summary?period=fortnightly", "/interactions/summary?start=2026-02-30",
		"/interactions/summary?start=2026-11-25&end=2026-01-01", "/interactions/summary?fill=maybe",
		"/interactions?per_page=500", "/interactions?page=0", "/interactions?order=sideways", "/interactions?per_page=abc",
		"/interactions/export?bom=yes", "/conversations/summary?period=hourly", "/tokens/summary?end=2026-13-01",
		"/tokens/export?escape_formulas=perhaps", "/conversations/export?start=yesterday",
		"/interactions/summary?period=daily&period=weekly", "/interactions/summary?period=daily&start=2000-01-01&end=2099-12-31"} {
		params = append(params, wantError(http.MethodGet, ns+p, admin, http.StatusBadRequest, "rest_invalid_param"))
	}
	return append(params, wantError(http.MethodGet, fmt.Sprintf("%s/interactions?per_page=10&page=%d", ns, storedDays/10+20),
		admin, http.StatusBadRequest, "rest_post_invalid_page_number"))
}

// noRouteVariants are unknown paths and methods.
func noRouteVariants(admin string) []*variant {
	var noRoute []*variant
	for _, r := range []struct{ method, path, auth string }{
		{http.MethodGet, ns + "/nope", admin}, {http.MethodGet, "/wp-json/kchat/v2/interactions", ""},
		{http.MethodPost, ns + "/interactions/summary", admin}, {http.MethodGet, ns + "/interactions/summary/extra", admin},
		{http.MethodGet, "/no/such/path", ""}, {http.MethodDelete, ns + "/interactions", admin},
	} {
		noRoute = append(noRoute, wantError(r.method, r.path, r.auth, http.StatusNotFound, "rest_no_route"))
	}
	return noRoute
}

// alterSignature is the real token with the end of its signature changed.
func alterSignature(token string) string {
	cut := token[:len(token)-4]
	if strings.HasSuffix(token, "AAAA") {
		return cut + "BBBA"
	}
	return cut + "AAAA"
}

func query(parts ...string) string {
	var q []string
	for _, p := range parts {
		if p != "" {
			q = append(q, p)
		}
	}
	if len(q) == 0 {
		return ""
	}
	return "?" + strings.Join(q, "&")
}

// client is one keep-alive connection's worth of HTTP client.
func newClient(timeout time.Duration) *http.Client {
	return &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			Proxy:               nil, // loopback only, whatever HTTP_PROXY says
			DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			MaxIdleConns:        1,
			MaxIdleConnsPerHost: 1,
			MaxConnsPerHost:     1,
			IdleConnTimeout:     2 * time.Minute,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// worker sends requests one after another on its own connection.
type worker struct {
	id      int
	client  *http.Client
	base    string
	rng     *rand.Rand
	gzip    float64 // share of requests that accept gzip
	buf     bytes.Buffer
	recs    []rec
	details []string
}

// send makes one request of v and judges the answer. It returns the outcome, the status
// and, for anything but the expected answer, what was seen.
func (w *worker) send(ctx context.Context, v *variant, requestID string) (outcome, int, string) {
	req, err := http.NewRequestWithContext(ctx, v.method, w.base+v.path, nil)
	if err != nil {
		return gotTransport, 0, err.Error()
	}
	// The sidecar keeps a sane client request id and logs it: a failure can be matched
	// with its log lines.
	req.Header.Set("X-Request-Id", requestID)
	if v.auth != "" {
		req.Header.Set("Authorization", v.auth)
	}
	if w.rng.Float64() >= w.gzip {
		// Otherwise the transport asks for gzip and inflates it; both must be whole.
		req.Header.Set("Accept-Encoding", "identity")
	}
	resp, err := w.client.Do(req)
	if err != nil {
		return transportOutcome(ctx, err), 0, err.Error()
	}
	w.buf.Reset()
	_, err = w.buf.ReadFrom(resp.Body)
	resp.Body.Close()
	status := resp.StatusCode
	if err != nil {
		return transportOutcome(ctx, err), status, fmt.Sprintf("status %d, then reading the body: %v (after %d bytes)", status, err, w.buf.Len())
	}
	body := w.buf.Bytes()
	if status >= 400 {
		var e struct {
			Code string `json:"code"`
			Data struct {
				Status int `json:"status"`
			} `json:"data"`
		}
		jerr := json.Unmarshal(body, &e)
		switch {
		case status == http.StatusServiceUnavailable && e.Code == "kchat_db_unavailable":
			return gotDB503, status, ""
		case status >= 500:
			return gotOther5xx, status, excerpt(body)
		case status != v.status || e.Code != v.code || jerr != nil || e.Data.Status != status:
			return gotUnexpect, status, excerpt(body)
		}
		return gotExpected, status, ""
	}
	if status != v.status {
		return gotUnexpect, status, excerpt(body)
	}
	if err := checkBody(v, resp, body); err != nil {
		return gotBadBody, status, err.Error()
	}
	return gotExpected, status, ""
}

// requestID names the n-th request of worker w.
func requestID(w, n int) string { return "soak-" + strconv.Itoa(w) + "-" + strconv.Itoa(n) }

func transportOutcome(ctx context.Context, err error) outcome {
	if ctx.Err() != nil {
		return gotCanceled
	}
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return gotTimeout
	}
	return gotTransport
}

// checkBody checks a 2xx answer for what its route promises.
func checkBody(v *variant, resp *http.Response, body []byte) error {
	switch v.body {
	case bodyObject:
		if !json.Valid(body) || !bytes.HasPrefix(body, []byte(`{`)) || !bytes.Contains(body, []byte(`"buckets":[`)) {
			return fmt.Errorf("not a summary object: %s", excerpt(body))
		}
	case bodyArray:
		if !json.Valid(body) || !bytes.HasPrefix(body, []byte(`[`)) {
			return fmt.Errorf("not a JSON array: %s", excerpt(body))
		}
		if got := resp.Header.Get("X-WP-Total"); got != strconv.Itoa(v.total) {
			return fmt.Errorf("X-WP-Total %q, want %d", got, v.total)
		}
	case bodyCSV:
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
			return fmt.Errorf("Content-Type %q", ct)
		}
		rows, err := checkCSV(body, v.csvHeader)
		if err != nil {
			return err
		}
		if v.ref != nil {
			if sum := sha256.Sum256(body); sum != v.ref.sum {
				return fmt.Errorf("a complete-looking CSV of %d rows and %d bytes that differs from the reference (%d rows, %d bytes)",
					rows, len(body), v.ref.rows, v.ref.bytes)
			}
		}
	default:
		return fmt.Errorf("status %d where an error was expected: %s", resp.StatusCode, excerpt(body))
	}
	return nil
}

// checkCSV parses a whole export: it must end with a line break, start with the
// route's header row, and every record must have the header's number of fields.
func checkCSV(body []byte, header string) (int, error) {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	if !bytes.HasSuffix(body, []byte("\n")) {
		return 0, fmt.Errorf("CSV of %d bytes does not end with a line break: …%q", len(body), tailBytes(body, 60))
	}
	r := csv.NewReader(bytes.NewReader(body))
	r.ReuseRecord = true
	first, err := r.Read()
	if err != nil {
		return 0, fmt.Errorf("CSV header: %v", err)
	}
	if got := strings.Join(first, ","); got != header {
		return 0, fmt.Errorf("CSV header %q, want %q", got, header)
	}
	rows := 0
	for {
		_, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return rows, fmt.Errorf("CSV after %d rows: %v", rows, err)
		}
		rows++
	}
}

func excerpt(b []byte) string {
	const n = 300
	if len(b) > n {
		return fmt.Sprintf("%q… (%d bytes)", b[:n], len(b))
	}
	return fmt.Sprintf("%q", b)
}

func tailBytes(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

// traffic is the load phase's shared state.
type traffic struct {
	kinds    []*kind
	cumul    []int // cumulative weights
	total    int
	start    time.Time
	stop     atomic.Bool
	sent     atomic.Int64
	failures atomic.Int64 // anything but the expected answer, 503 included, for progress
	max      int64
}

func newTraffic(kinds []*kind, max int64) *traffic {
	t := &traffic{kinds: kinds, max: max}
	for _, k := range kinds {
		t.total += k.weight
		t.cumul = append(t.cumul, t.total)
	}
	return t
}

func (t *traffic) pick(rng *rand.Rand) (int, int) {
	n := rng.IntN(t.total)
	for i, c := range t.cumul {
		if n < c {
			return i, rng.IntN(len(t.kinds[i].variants))
		}
	}
	panic("unreachable")
}

// loop runs until the stop flag, the request bound or the context ends it.
func (t *traffic) loop(ctx context.Context, w *worker) {
	for !t.stop.Load() && ctx.Err() == nil {
		if t.sent.Add(1) > t.max {
			t.stop.Store(true)
			return
		}
		ki, vi := t.pick(w.rng)
		v := t.kinds[ki].variants[vi]
		began := time.Now()
		o, status, detail := w.send(ctx, v, requestID(w.id, len(w.recs)))
		r := rec{start: began.Sub(t.start), dur: time.Since(began), kind: uint8(ki), outcome: o,
			status: uint16(status), variant: uint16(vi), detail: -1}
		if detail != "" {
			r.detail = int32(len(w.details))
			w.details = append(w.details, detail)
		}
		if o != gotExpected {
			t.failures.Add(1)
		}
		w.recs = append(w.recs, r)
	}
}

// warmUp sends every variant once, in turn, with the database up and nothing else
// running: each must get its expected answer, and each export's body becomes the
// reference later answers are compared with. It also fills the sidecar's caches.
func warmUp(ctx context.Context, base string, kinds []*kind, timeout time.Duration) (int, error) {
	w := &worker{client: newClient(timeout), base: base, rng: rand.New(rand.NewPCG(1, 1)), gzip: 0.5}
	defer w.client.CloseIdleConnections()
	var problems []string
	n := 0
	for _, k := range kinds {
		for _, v := range k.variants {
			n++
			o, status, detail := w.send(ctx, v, "soak-warm-"+strconv.Itoa(n))
			if ctx.Err() != nil {
				return n, ctx.Err()
			}
			if o != gotExpected {
				problems = append(problems, fmt.Sprintf("%s %s (want %d %s): got %d: %s", v.method, v.path, v.status, v.code, status, detail))
				continue
			}
			if v.body == bodyCSV {
				body := w.buf.Bytes()
				rows, _ := checkCSV(body, v.csvHeader)
				v.ref = &exportRef{sum: sha256.Sum256(body), rows: rows, bytes: len(body)}
			}
		}
	}
	if len(problems) > 0 {
		if len(problems) > 20 {
			problems = append(problems[:20], fmt.Sprintf("… and %d more", len(problems)-20))
		}
		return n, fmt.Errorf("the warm-up (every request once, database up, no load) did not get the expected answers:\n  %s",
			strings.Join(problems, "\n  "))
	}
	return n, nil
}

// sampler reads the sidecar's memory every second.
type sampler struct {
	mu      sync.Mutex
	samples []procSample
	errs    int
}

func (s *sampler) run(ctx context.Context, sc *sidecarProc, t0 time.Time, done <-chan struct{}) {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-done:
			return
		case <-tick.C:
		}
		ps, err := sc.sample()
		s.mu.Lock()
		if err != nil {
			s.errs++
		} else {
			ps.at = time.Since(t0)
			s.samples = append(s.samples, ps)
		}
		s.mu.Unlock()
	}
}
