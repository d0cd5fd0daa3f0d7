package api_test

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// Nothing a client sends may add series: invented methods and paths, long or short,
// with a token or without, all fold into a fixed set of label values.
func TestMetricsLabelsBounded(t *testing.T) {
	e := newEnv(t)
	scrape := func() string {
		rec := httptest.NewRecorder()
		e.server.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
		return rec.Body.String()
	}
	series := func(text string) (n, bytes int) {
		for _, line := range strings.Split(text, "\n") {
			if strings.HasPrefix(line, "kchat_http_request") {
				n++
				bytes += len(line)
			}
		}
		return n, bytes
	}
	for i := range 500 {
		method := "X" + strconv.Itoa(i) + strings.Repeat("M", i%7*100)
		for _, target := range []string{summaryPath, "/probe/" + strconv.Itoa(i), "/wp-json/kchat/v1/" + strconv.Itoa(i)} {
			req := httptest.NewRequest(http.MethodGet, target, nil)
			req.Method = method
			if i%2 == 0 {
				req.Header.Set("Authorization", "Bearer "+e.token)
			}
			e.server.ServeHTTP(httptest.NewRecorder(), req)
		}
	}
	n, size := series(scrape())
	// route "unmatched" and the summary's, method "other", a handful of statuses, and
	// one histogram of ~20 lines per route.
	if n > 60 || size > 8000 {
		t.Errorf("1,500 requests with invented methods and paths left %d request series in %d bytes", n, size)
	}
	text := scrape()
	if !strings.Contains(text, `kchat_http_requests_total{method="other",route="unmatched",status="404"}`) {
		t.Errorf("invented methods are not counted as method=\"other\":\n%s", grepLines(text, "kchat_http_requests_total"))
	}
	e.do(http.MethodGet, "/healthz", "")
	if got := metricValue(t, scrape(), `kchat_http_requests_total{method="GET",route="/healthz",status="200"}`); got != 1 {
		t.Errorf("a known method and route are still counted as themselves: got %v", got)
	}
}

func grepLines(text, prefix string) string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, prefix) {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}
