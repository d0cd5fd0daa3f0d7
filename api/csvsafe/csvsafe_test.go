package csvsafe_test

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/api/csvsafe"
)

func TestNeutralize(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://evil.test","x")`: `'=HYPERLINK("http://evil.test","x")`,
		"+1 that":                            "'+1 that",
		"-2+3":                               "'-2+3",
		"@mention":                           "'@mention",
		"\tcmd":                              "'\tcmd",
		"\rcmd":                              "'\rcmd",
		"\ncmd":                              "'\ncmd",
		"\x00=cmd":                           "'\x00=cmd",
		"\n-3":                               "'\n-3",
		"＝HYPERLINK(\"http://evil.test\")":   "'＝HYPERLINK(\"http://evil.test\")",
		"＋1":                                 "'＋1",
		"－2":                                 "'－2",
		"＠SUM(A1)":                           "'＠SUM(A1)",
		"a＝b":                                "a＝b",
		"-3":                                 "-3",
		"+1.5e3":                             "+1.5e3",
		"-Inf":                               "'-Inf",
		"-0x10":                              "'-0x10",
		"84":                                 "84",
		"plain":                              "plain",
		"":                                   "",
		"a=b":                                "a=b",
		"emoji 😀 ünïcödé":                    "emoji 😀 ünïcödé",
	} {
		if got := csvsafe.Neutralize(in); got != want {
			t.Errorf("Neutralize(%q) = %q, want %q", in, got, want)
		}
	}
}

// Whatever the text, the CSV reads back as written, and no cell a spreadsheet would run
// survives.
func FuzzNeutralize(f *testing.F) {
	for _, s := range []string{"=1+1", "-5", "line one\nline two", `Hello, "bot"`, "@x", "\t=", "😀", "\n=1", "\x00=1", "＝1+1", "\xef\xbc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := csvsafe.Neutralize(s)
		if out != s && out != "'"+s {
			t.Fatalf("Neutralize changed %q into %q", s, out)
		}
		if startsWithTrigger(out) {
			t.Fatalf("%q still starts with a trigger", out)
		}
		// Our writer keeps every byte; read back with a reader that keeps them too
		// (encoding/csv folds CRLF inside quotes into LF, so it reads with LazyQuotes off
		// and the comparison folds the same way).
		rec, err := csv.NewReader(bytes.NewReader(csvsafe.AppendRecord(nil, []string{out, "x"}))).Read()
		if err != nil {
			t.Fatalf("reading back %q: %v", out, err)
		}
		if want := strings.ReplaceAll(out, "\r\n", "\n"); rec[0] != want || rec[1] != "x" {
			t.Fatalf("round trip: wrote %q, read %q", out, rec)
		}
		if got := unquote(t, csvsafe.AppendRecord(nil, []string{s})); got != s {
			t.Fatalf("byte-faithful field: wrote %q, got %q", s, got)
		}
	})
}

// startsWithTrigger is the rule, stated apart from the code: a cell a spreadsheet would
// run starts with one of these, ASCII or full-width, unless it is a plain number.
func startsWithTrigger(s string) bool {
	for _, t := range []string{"=", "+", "-", "@", "\t", "\r", "\n", "\x00", "＝", "＋", "－", "＠"} {
		if strings.HasPrefix(s, t) {
			_, err := strconv.ParseFloat(s, 64)
			return err != nil || strings.ContainsAny(s, "xXpP_iInN")
		}
	}
	return false
}

// unquote reads back a one-field record exactly, by RFC 4180 alone.
func unquote(t *testing.T, rec []byte) string {
	t.Helper()
	s, ok := strings.CutSuffix(string(rec), "\r\n")
	if !ok {
		t.Fatalf("record %q does not end with CRLF", rec)
	}
	if !strings.HasPrefix(s, "\"") {
		if strings.ContainsAny(s, ",\"\r\n") {
			t.Fatalf("unquoted field %q holds a special character", s)
		}
		return s
	}
	if len(s) < 2 || !strings.HasSuffix(s, "\"") {
		t.Fatalf("badly quoted field %q", s)
	}
	inner := s[1 : len(s)-1]
	if strings.Count(strings.ReplaceAll(inner, "\"\"", ""), "\"") != 0 {
		t.Fatalf("lone quote inside %q", s)
	}
	return strings.ReplaceAll(inner, "\"\"", "\"")
}

func TestAppendRecord(t *testing.T) {
	got := string(csvsafe.AppendRecord(nil, []string{"1", "", `Hello, "bot"`, "line one\nline two", "cr\ronly", " padded", "😀"}))
	want := "1,,\"Hello, \"\"bot\"\"\",\"line one\nline two\",\"cr\ronly\",\" padded\",😀\r\n"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
