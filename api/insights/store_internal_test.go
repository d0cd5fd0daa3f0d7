package insights

import (
	"testing"
	"unsafe"
)

// The memory goal rests on these sizes: a message and a second of token sums are 32
// bytes each.
func TestSizes(t *testing.T) {
	if n := unsafe.Sizeof(message{}); n != 32 {
		t.Errorf("message: %d bytes", n)
	}
	if n := unsafe.Sizeof(tokenSum{}); n != 32 {
		t.Errorf("tokenSum: %d bytes", n)
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"I’M ÉLAN": "i'm élan", "ABC": "abc", "": "", "Straße ÄÖ": "straße äö"} {
		if got := string(normalize(nil, []byte(in))); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

func TestTokenValue(t *testing.T) {
	for in, want := range map[string]int64{" 42 ": 42, "42": 42, "007": 7, "\t9\n": 9, "9223372036854775807": 9223372036854775807} {
		if got, ok := tokenValue([]byte(in)); !ok || got != want {
			t.Errorf("%q: %d %v", in, got, ok)
		}
	}
	for _, in := range []string{"", " ", "total_tokens: 42", "-1", "+1", "4 2", "1.5", "9223372036854775808", "٤٢"} {
		if _, ok := tokenValue([]byte(in)); ok {
			t.Errorf("%q read as a number", in)
		}
	}
}

func TestParseWall(t *testing.T) {
	for in, ok := range map[string]bool{"2026-12-02 10:00:00": true, "0000-00-00 00:00:00": false, "2026-13-01 00:00:00": false,
		"2026-12-02T10:00:00": false, "2026-12-02 24:00:00": false, "2026-12-02 10:00": false} {
		if _, got := parseWall([]byte(in)); got != ok {
			t.Errorf("%q: %v", in, got)
		}
	}
	w, _ := parseWall([]byte("2026-12-02 10:00:01"))
	if w.String() != "2026-12-02T10:00:01" {
		t.Errorf("round trip: %s", w)
	}
}
