package api

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kchat-sidecar/kchat-sidecar/api/wppass"
)

// An unknown user's login is checked against a dummy of the format and cost most of the
// site's accounts use, learnt once; until the database answers, WordPress 6.8's.
func TestDummyHashFollowsTheSite(t *testing.T) {
	for _, c := range []struct{ common, prefix string }{
		{"$P$BImbJC/sYHVYJfVdrOA9QhsJjt1cz1/", "$P$B"},
		{"5eb63bbbe01eeed093cb22bb8f5acdc3", ""},
		{"$2y$04$DtJ1khk1uHUw2n1u6E1ap.xmyn5D6EdfNHZMP9oANY8HQKmZ9cUKu", "$2y$04$"},
		{"$wp$2y$12$Cc2ZcqCKKsIc6Xucq85xU.OPAPm5U7i9JS4kcrMtVrXantcdr0ThW", "$wp$2y$12$"},
		{"", "$wp$2y$10$"}, // nobody has a password
	} {
		store := &commonHashStore{err: errors.New("down")}
		d := &dummyHashes{store: store}
		if got := d.get(context.Background()); !strings.HasPrefix(got, "$wp$2y$10$") {
			t.Errorf("database down: dummy %s", got)
		}
		store.hash, store.err = c.common, nil
		got := d.get(context.Background())
		if !strings.HasPrefix(got, c.prefix) || c.common != "" && (len(got) != len(c.common) || got == c.common) {
			t.Errorf("for %s the dummy is %s", c.common, got)
		}
		if wppass.Check("", got) {
			t.Errorf("dummy %q matches", got)
		}
		store.hash = "$P$BImbJC/sYHVYJfVdrOA9QhsJjt1cz1/"
		if again := d.get(context.Background()); again != got || store.calls != 2 {
			t.Errorf("learnt again: %s after %s, %d queries", again, got, store.calls)
		}
	}
}

type commonHashStore struct {
	UserStore
	hash  string
	err   error
	calls int
}

func (s *commonHashStore) CommonPasswordHash(context.Context) (string, error) {
	s.calls++
	return s.hash, s.err
}

// A username is refused when no WordPress user can have it: characters are counted as
// WordPress counts them (mb_strlen), not bytes.
func TestUsernameTooLong(t *testing.T) {
	for _, c := range []struct {
		name string
		long bool
	}{
		{strings.Repeat("a", 60), false},
		{strings.Repeat("a", 61), true},
		{strings.Repeat("é", 60), false}, // 120 bytes
		{strings.Repeat("é", 61), true},
		{strings.Repeat("a", 88) + "@example.org", false}, // 100: an e-mail address
		{strings.Repeat("a", 89) + "@example.org", true},
		{strings.Repeat("ü", 88) + "@example.org", false},
		{strings.Repeat("a", 60000), true},
	} {
		if got := usernameTooLong(c.name); got != c.long {
			t.Errorf("usernameTooLong(%d characters, %d bytes) = %v", utf8.RuneCountInString(c.name), len(c.name), got)
		}
	}
}

func TestAddressKey(t *testing.T) {
	for ip, want := range map[string]string{
		"192.0.2.7":                     "192.0.2.7",
		"::ffff:192.0.2.7":              "192.0.2.7",
		"2001:db8:0:7::1":               "2001:db8:0:7::/64",
		"2001:db8:0:7:ffff:ffff:ffff:1": "2001:db8:0:7::/64",
		"fe80::1%eth0":                  "fe80::/64",
		"::1":                           "::/64",
	} {
		if got := addressKey(ip); got != want {
			t.Errorf("addressKey(%s) = %s, want %s", ip, got, want)
		}
	}
}

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
