package sidecar

import (
	"os"
	"strings"
	"testing"
)

// The README's configuration table and the settings cannot drift apart: the same
// variables, each with its flag and its default.
func TestReadmeConfigurationTable(t *testing.T) {
	readme, err := os.ReadFile("../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(readme), "\n## Configuration\n")
	section, _, _ = strings.Cut(section, "\n## ")
	rows := map[string][]string{} // by variable: flag, default
	for _, line := range strings.Split(section, "\n") {
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), " | ")
		if len(cells) != 4 {
			t.Fatalf("a row of other than four cells: %q", line)
		}
		variable := strings.Trim(strings.TrimSpace(cells[0]), "`")
		rows[variable] = []string{strings.TrimSpace(cells[1]), strings.TrimSpace(cells[3])}
	}
	settings := settingsOf(&parsed{})
	if len(rows) != len(settings) {
		t.Errorf("the README lists %d settings, the program %d", len(rows), len(settings))
	}
	for _, s := range settings {
		row, ok := rows[s.env]
		if !ok {
			t.Errorf("the README does not list %s", s.env)
			continue
		}
		if want := "`--" + s.flag + "`"; row[0] != want {
			t.Errorf("%s: the README gives the flag %s, the program %s", s.env, row[0], want)
		}
		switch def := row[1]; {
		case s.def != "" && def != "`"+s.def+"`":
			t.Errorf("%s: the README gives the default %s, the program `%s`", s.env, def, s.def)
		case s.def == "" && strings.HasPrefix(def, "`"):
			t.Errorf("%s: the README gives the default %s, the program none", s.env, def)
		}
	}
}
