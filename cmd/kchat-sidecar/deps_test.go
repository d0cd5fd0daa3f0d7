package main

import (
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
