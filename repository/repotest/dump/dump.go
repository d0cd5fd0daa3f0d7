// Package dump reads the repository's WordPress dumps as mysqldump wrote them —
// testdata/wordpress-6.1-site.sql (one site) and testdata/wordpress-network.sql (a
// multisite network): where they are, and the string literals of their rows. It needs
// nothing but the standard library, so tests of leaf packages use it without linking a
// database engine.
package dump

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Path is the absolute path of testdata/wordpress-6.1-site.sql, found from this source
// file so that any package's tests can read it.
func Path() string { return testdata("wordpress-6.1-site.sql") }

// NetworkPath is the absolute path of testdata/wordpress-network.sql, the network that
// package netfixture describes.
func NetworkPath() string { return testdata("wordpress-network.sql") }

func testdata(name string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "testdata", name)
}

// Literals returns every string literal of the single-site dump's rows in dump order,
// unescaped as MySQL reads them: the values exactly as WordPress wrote them.
func Literals() ([]string, error) { return literalsOf(Path()) }

// NetworkLiterals is Literals of the network's dump.
func NetworkLiterals() ([]string, error) { return literalsOf(NetworkPath()) }

func literalsOf(path string) ([]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var lits []string
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "(") { // mysqldump writes one row a line
			lits = appendLiterals(lits, line)
		}
	}
	return lits, nil
}

var unescape = map[byte]byte{'0': 0, 'b': '\b', 'n': '\n', 'r': '\r', 't': '\t', 'Z': 0x1a}

// appendLiterals appends the single-quoted literals of one row line.
func appendLiterals(lits []string, line string) []string {
	for i := 0; i < len(line); i++ {
		if line[i] != '\'' {
			continue
		}
		var b strings.Builder
		for i++; i < len(line) && line[i] != '\''; i++ {
			c := line[i]
			if c == '\\' && i+1 < len(line) {
				i++
				c = line[i]
				if u, ok := unescape[c]; ok {
					c = u
				}
			}
			b.WriteByte(c)
		}
		lits = append(lits, b.String())
	}
	return lits
}

// ValuesAfter returns, in dump order, the literal that follows each literal equal to key:
// option values after an option_name, meta values after a meta_key.
func ValuesAfter(key string) ([]string, error) {
	lits, err := Literals()
	if err != nil {
		return nil, err
	}
	var values []string
	for i := 0; i+1 < len(lits); i++ {
		if lits[i] == key {
			values = append(values, lits[i+1])
		}
	}
	return values, nil
}
