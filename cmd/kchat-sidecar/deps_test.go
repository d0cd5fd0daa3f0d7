package main

import (
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"
)

// The production binary links neither the embedded engine (demo and tests only) nor the
// contract validator (tests only).
func TestBinaryLeavesTestOnlyDependenciesOut(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := string(out)
	if !strings.Contains(deps, "github.com/kchat-sidecar/kchat-sidecar/api\n") {
		t.Fatalf("go list -deps did not list the api package; is the test looking at the right binary?\n%s", deps)
	}
	for _, forbidden := range []string{"github.com/dolthub/", "github.com/getkin/", "/repository/embedded", "/repository/repotest"} {
		if strings.Contains(deps, forbidden) {
			t.Errorf("kchat-sidecar links %s", forbidden)
		}
	}
}

func TestHealthcheck(t *testing.T) {
	status := http.StatusOK
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(status) }))
	defer srv.Close()
	if got := healthcheck([]string{srv.URL}); got != 0 {
		t.Errorf("ready: exit %d", got)
	}
	status = http.StatusServiceUnavailable
	if got := healthcheck([]string{srv.URL}); got != 1 {
		t.Errorf("503: exit %d", got)
	}
	if got := healthcheck([]string{"http://127.0.0.1:1/readyz"}); got != 1 {
		t.Errorf("nothing listening: exit %d", got)
	}
}
