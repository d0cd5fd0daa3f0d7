package api

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClip(t *testing.T) {
	for _, s := range []string{
		"", "short", strings.Repeat("x", 256), strings.Repeat("x", 257), strings.Repeat("é", 200),
		strings.Repeat("\xff", 100), strings.Repeat("\xff", 300), "ab\xffcd", strings.Repeat("€", 100) + "\xe2\x82",
	} {
		got := clip(s)
		if len(got) > maxLoggedString || !utf8.ValidString(got) {
			t.Errorf("clip(%.20q…, %d bytes) = %d bytes, valid %v", s, len(s), len(got), utf8.ValidString(got))
		}
		if len(s) <= maxLoggedString && utf8.ValidString(s) && got != s {
			t.Errorf("clip(%q) = %q", s, got)
		}
		if len(s) > maxLoggedString && !strings.HasSuffix(got, "…") {
			t.Errorf("clip(%.20q…) is not marked as cut: %.20q", s, got)
		}
	}
}
