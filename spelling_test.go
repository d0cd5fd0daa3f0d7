package kchatsidecar

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// britishSpelling matches the British forms that have crept into the repository before.
// The repository writes American English, as Go (context.Canceled) and WordPress
// (sanitize_*, maybe_serialize) do, so that a name, its comment and the contract spell a
// word one way: Neutralize neutralizes, a canceled request is kchat_request_canceled.
var britishSpelling = regexp.MustCompile(`(?i)\b\w*(` +
	`neutralis(e|ed|es|ing)|summaris(e|ed|es|ing)|serialis(e|ed|es|ing|ation)|tokenis(e|ed|er|ing)|` +
	`initialis(e|ed|es|ing)|capitalis(e|ed|es|ing)|normalis(e|ed|es|ing)|sanitis(e|ed|es|ing)|` +
	`authoris(e|ed|es|ing|ation)|parenthesised|cancell(ed|ing)|labell(ed|ing)|analys(e|ed|ing)\b|` +
	`behaviour|licence|colour|favour|honour)\w*`)

// TestOneEnglish keeps the repository's own text (code, comments, README, the OpenAPI
// contract, scripts) in one spelling. Vendored files and fixtures are not ours to respell.
func TestOneEnglish(t *testing.T) {
	skip := map[string]bool{".git": true, "assets": true, "testdata": true, ".artifacts": true}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path == "spelling_test.go" { // the list above
			return nil
		}
		if d.IsDir() {
			if skip[d.Name()] {
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".md", ".yaml", ".yml", ".sh", ".php", ".conf", ".service", ".example", "":
		default:
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil || bytes.IndexByte(data, 0) >= 0 {
			return err
		}
		for i, line := range strings.Split(string(data), "\n") {
			if m := britishSpelling.FindString(line); m != "" {
				t.Errorf("%s:%d: %q is British spelling; the repository writes American English", path, i+1, m)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
