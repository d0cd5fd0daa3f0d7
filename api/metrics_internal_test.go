package api

import (
	"net/http"
	"testing"
)

// Whatever status or route reaches the counter, its labels come from a fixed set.
func TestMetricLabelsFixed(t *testing.T) {
	routes := map[string]bool{"/healthz": true}
	for _, tt := range []struct {
		route, method string
		status        int
		want          [3]string
	}{
		{"/healthz", http.MethodGet, 200, [3]string{"/healthz", "GET", "200"}},
		{"/healthz", http.MethodHead, 304, [3]string{"/healthz", "HEAD", "304"}},
		{"unmatched", "PROPFIND", 404, [3]string{"unmatched", "other", "404"}},
		{"/made/up", "get", statusClientClosed, [3]string{"other", "other", "499"}},
		{"", http.MethodPost, 1000, [3]string{"other", "POST", "other"}},
		{"/healthz", http.MethodDelete, 299, [3]string{"/healthz", "DELETE", "other"}},
		{"/healthz", http.MethodGet, -1, [3]string{"/healthz", "GET", "other"}},
	} {
		if got := metricLabels(routes, tt.route, tt.method, tt.status); got != tt.want {
			t.Errorf("%q %q %d: got %q, want %q", tt.route, tt.method, tt.status, got, tt.want)
		}
	}
}
