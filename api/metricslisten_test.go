package api_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/api"
)

// With MetricsApart, /metrics leaves the router (a WordPress 404, as the contract
// states) and MetricsHandler serves it, and nothing else.
func TestMetricsApart(t *testing.T) {
	e := newEnv(t, func(c *api.Config) { c.MetricsApart = true })
	wantWPError(t, e.do(http.MethodGet, "/metrics", ""), http.StatusNotFound, "rest_no_route")
	if rec := e.get(summaryPath); rec.Code != http.StatusOK {
		t.Fatalf("summary: %d", rec.Code)
	}
	metrics := e.server.MetricsHandler()
	rec := httptest.NewRecorder()
	metrics.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `route="/wp-json/kchat/v1/interactions/summary"`) {
		t.Errorf("MetricsHandler /metrics: %d %.300s", rec.Code, rec.Body.String())
	}
	for _, path := range []string{"/readyz", summaryPath} {
		rec := httptest.NewRecorder()
		metrics.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		wantWPError(t, rec, http.StatusNotFound, "rest_no_route")
	}
}
