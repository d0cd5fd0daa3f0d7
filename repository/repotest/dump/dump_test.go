package dump_test

import (
	"strings"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/dump"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
)

// Literals are read as MySQL reads them: escapes undone, quotes ending them.
func TestLiterals(t *testing.T) {
	home, err := dump.ValuesAfter("home")
	if err != nil {
		t.Fatal(err)
	}
	if len(home) != 1 || home[0] != fixture.Home {
		t.Errorf("home option: %q", home)
	}
	lits, err := dump.Literals()
	if err != nil {
		t.Fatal(err)
	}
	var newline, quote bool
	for _, l := range lits {
		newline = newline || strings.Contains(l, "\n")
		quote = quote || strings.Contains(l, `"`)
	}
	if !newline || !quote {
		t.Errorf("escapes not undone: a literal with a newline %v, with a double quote %v", newline, quote)
	}
}
