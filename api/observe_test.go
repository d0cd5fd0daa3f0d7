package api_test

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// metricValue reads one sample of the Prometheus text format; -1 when it is absent.
func metricValue(t *testing.T, text, series string) float64 {
	t.Helper()
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		if name, value, ok := strings.Cut(sc.Text(), " "); ok && name == series {
			f, err := strconv.ParseFloat(value, 64)
			if err != nil {
				t.Fatalf("%s: %v", series, err)
			}
			return f
		}
	}
	return -1
}

// Every answer carries a request id (the client's when sane), the log line of the
// request has it, and /metrics counts requests by route and status, refused logins by
// reason, exported rows and the pool.
func TestMetricsAndRequestIDs(t *testing.T) {
	e := newEnv(t)
	before := len(testLog.String())

	rec := e.do(http.MethodGet, summaryPath, "Bearer "+e.token)
	id := rec.Header().Get("X-Request-Id")
	if !regexp.MustCompile(`^[0-9a-f]{24}$`).MatchString(id) {
		t.Errorf("generated request id %q", id)
	}
	for _, tt := range []struct{ sent, want string }{
		{"lb-7f3a:01.2_x", "lb-7f3a:01.2_x"},
		{"has space", ""}, {strings.Repeat("a", 129), ""}, {"new\nline", ""}, {`"quoted"`, ""},
	} {
		req := httptest.NewRequest(http.MethodGet, "/healthz", nil)
		req.Header["X-Request-Id"] = []string{tt.sent}
		rec := httptest.NewRecorder()
		e.server.ServeHTTP(rec, req)
		got := rec.Header().Get("X-Request-Id")
		if tt.want != "" && got != tt.want || tt.want == "" && (got == tt.sent || len(got) != 24) {
			t.Errorf("sent %q, echoed %q", tt.sent, got)
		}
	}

	// The request's log line, found by its id.
	var line map[string]any
	for _, l := range strings.Split(testLog.String()[before:], "\n") {
		if strings.Contains(l, id) {
			if err := json.Unmarshal([]byte(l), &line); err != nil {
				t.Fatalf("log line is not JSON: %s", l)
			}
		}
	}
	if line["msg"] != "request" || line["status"] != float64(200) || line["route"] != "/wp-json/kchat/v1/interactions/summary" || line["request_id"] != id {
		t.Errorf("log line: %v", line)
	}

	e.do(http.MethodGet, summaryPath, "Bearer not.a.token")
	e.do(http.MethodGet, summaryPath, "Bearer "+e.tokenFor(editorID))
	e.do(http.MethodGet, summaryPath+"?period=hourly", "Bearer "+e.token)
	e.do(http.MethodGet, "/wp-json/kchat/v1/no-such-route", "Bearer "+e.token)
	e.do(http.MethodGet, "/probe/"+strings.Repeat("x", 10), "")
	export := e.do(http.MethodGet, "/wp-json/kchat/v1/interactions/export", "Bearer "+e.token)
	rows := strings.Count(export.Body.String(), "\n") - 1

	req := httptest.NewRequest(http.MethodGet, "/metrics", nil)
	mrec := httptest.NewRecorder()
	e.server.ServeHTTP(mrec, req)
	if mrec.Code != http.StatusOK || !strings.HasPrefix(mrec.Header().Get("Content-Type"), "text/plain") {
		t.Fatalf("/metrics: %d %s", mrec.Code, mrec.Header().Get("Content-Type"))
	}
	text := mrec.Body.String()
	for series, want := range map[string]float64{
		`kchat_http_requests_total{method="GET",route="/wp-json/kchat/v1/interactions/summary",status="200"}`: 1,
		`kchat_http_requests_total{method="GET",route="/wp-json/kchat/v1/interactions/summary",status="401"}`: 1,
		`kchat_http_requests_total{method="GET",route="/wp-json/kchat/v1/interactions/summary",status="403"}`: 1,
		`kchat_http_requests_total{method="GET",route="/wp-json/kchat/v1/interactions/summary",status="400"}`: 1,
		`kchat_http_requests_total{method="GET",route="unmatched",status="404"}`:                              2,
		`kchat_auth_failures_total{reason="jwt_auth_invalid_token"}`:                                          1,
		`kchat_auth_failures_total{reason="rest_forbidden"}`:                                                  1,
		`kchat_export_rows_total{export="Chatbot-ChatGPT-Interactions"}`:                                      float64(rows),
		`kchat_http_request_duration_seconds_count{route="/wp-json/kchat/v1/interactions/summary"}`:           4,
		`kchat_db_connections_max_open`: 10,
	} {
		if got := metricValue(t, text, series); got != want {
			t.Errorf("%s = %v, want %v", series, got, want)
		}
	}
	for _, series := range []string{"kchat_db_connections_open", "kchat_db_connections_in_use", "kchat_log_summary_cache_scans_total", "go_goroutines", "go_gc_heap_live_bytes", "process_resident_memory_bytes"} {
		if metricValue(t, text, series) < 0 {
			t.Errorf("%s missing", series)
		}
	}
	if rows < 700 {
		t.Errorf("export rows %d", rows)
	}

	// A Prometheus scrape asks for gzip: one inflate gives the text.
	req = httptest.NewRequest(http.MethodGet, "/metrics", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	mrec = httptest.NewRecorder()
	e.server.ServeHTTP(mrec, req)
	if mrec.Header().Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(mrec.Body)
		if err != nil {
			t.Fatal(err)
		}
		plain, err := io.ReadAll(zr)
		if err != nil || !strings.Contains(string(plain), "kchat_http_requests_total") {
			t.Errorf("gzipped /metrics does not inflate to the text format (%v): %.80q", err, plain)
		}
	} else if !strings.Contains(mrec.Body.String(), "kchat_http_requests_total") {
		t.Errorf("/metrics with Accept-Encoding: gzip: %.80q", mrec.Body.String())
	}
}
