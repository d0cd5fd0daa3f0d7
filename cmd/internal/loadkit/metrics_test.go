package loadkit

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

const sample = `# HELP go_goroutines Number of goroutines that currently exist.
# TYPE go_goroutines gauge
go_goroutines 12
go_gc_duration_seconds{quantile="0.5"} 4.1e-05
go_gc_duration_seconds_count 31
kchat_http_requests_total{route="/a b",status="200"} 7
kchat_http_requests_total{route="/c",status="404"} 3 1700000000000
process_resident_memory_bytes 2.0709376e+07
`

// Values are read by name, summed over label sets (a label may hold a space), and by
// series as written; a timestamp after the value is not taken for it.
func TestParseMetrics(t *testing.T) {
	m, err := ParseMetrics(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]float64{"go_goroutines": 12, "go_gc_duration_seconds_count": 31,
		"kchat_http_requests_total": 10, "process_resident_memory_bytes": 20709376,
		`kchat_http_requests_total{route="/a b",status="200"}`: 7, `kchat_http_requests_total{route="/c",status="404"}`: 3} {
		if m[name] != want {
			t.Errorf("%s = %g, want %g", name, m[name], want)
		}
	}
	if _, err := ParseMetrics(strings.NewReader("go_goroutines 3\n")); err == nil {
		t.Error("a reading without the resident set passed")
	}
}

// GET /metrics is asked for as Prometheus asks (gzip); a body compressed twice, as the
// sidecar once sent it, cannot be read and says so.
func TestMetricsGzip(t *testing.T) {
	var once, twice bytes.Buffer
	zw := gzip.NewWriter(&once)
	zw.Write([]byte(sample))
	zw.Close()
	zw = gzip.NewWriter(&twice)
	zw.Write(once.Bytes())
	zw.Close()
	for _, c := range []struct {
		body []byte
		ok   bool
	}{{once.Bytes(), true}, {twice.Bytes(), false}} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Accept-Encoding") != "gzip" {
				t.Errorf("Accept-Encoding %q", r.Header.Get("Accept-Encoding"))
			}
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(c.body)
		}))
		s := &Sidecar{Base: srv.URL, client: srv.Client()}
		m, err := s.Metrics()
		if c.ok && (err != nil || m["go_goroutines"] != 12) || !c.ok && err == nil {
			t.Errorf("gzipped %v: %v, %v", c.ok, m, err)
		}
		srv.Close()
	}
}

func TestQuantile(t *testing.T) {
	ms := time.Millisecond
	d := []time.Duration{5 * ms, 1 * ms, 3 * ms, 2 * ms, 4 * ms}
	if q := Quantile(d, 0.5); q != 3*ms {
		t.Errorf("median %s", q)
	}
	if q := Quantile(d, 0.99); q != 5*ms {
		t.Errorf("p99 %s", q)
	}
	if q := Quantile(nil, 0.5); q != 0 {
		t.Errorf("empty: %s", q)
	}
}

// The sidecar under measurement is configured by the load tool alone: settings of the
// caller's environment (a KCHAT_DB_MAX_OPEN, a GOGC) would change the figures unseen.
func TestConfigures(t *testing.T) {
	for kv, want := range map[string]bool{
		"KCHAT_DB_MAX_OPEN=2": true, "WORDPRESS_DB_HOST=db": true, "JWT_AUTH_SECRET_KEY=k": true,
		"GODEBUG=gctrace=1": true, "GOGC=400": true, "GOMAXPROCS=1": true, "GOMEMLIMIT=1GiB": true,
		"PATH=/usr/bin": false, "HOME=/root": false, "GOPATH=/go": false, "TZ=UTC": false,
	} {
		if got := configures(kv); got != want {
			t.Errorf("%s: configures %v, want %v", kv, got, want)
		}
	}
}
