package auth

import (
	"context"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/kchat-sidecar/kchat-sidecar/api/wppass"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
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

// The dummy hash an unknown user's password is checked against has the format and cost
// of the site's most common hash (here phpass: two users of three), whichever users an
// attacker tries first.
func TestDummyHashIsTheSitesCommonFormat(t *testing.T) {
	db := repotest.NewDatabase(t)
	db.LoadFixture(t)
	repo, err := repository.Open(repository.Config{DSN: db.DSN, TablePrefix: "wp_", QueryTimeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { repo.Close() })
	a := New(Config{Store: repo, Secret: []byte(fixture.Secret), Issuer: func(context.Context) (string, error) { return fixture.Home, nil }})
	login := func(username, password, code string) {
		t.Helper()
		var refused *Error
		if _, err := a.Login(context.Background(), "192.0.2.1", username, password); !errors.As(err, &refused) || refused.Code != code {
			t.Fatalf("%s: %v, want %s", username, err, code)
		}
	}
	want := wppass.DummyHash("$P$BImbJC/sYHVYJfVdrOA9QhsJjt1cz1/")
	login("nobody", "x", "[jwt_auth] invalid_username")
	if got := a.dummies.get(context.Background()); got != want {
		t.Errorf("dummy hash %q, want %q", got, want)
	}
	// Priming with the bcrypt user changes nothing.
	login(fixture.Admin68Login, "guess", "[jwt_auth] incorrect_password")
	if got := a.dummies.get(context.Background()); got != want {
		t.Errorf("after a bcrypt user's login: dummy hash %q, want %q", got, want)
	}
	// Nor does a site's later change: the format is fixed once.
	db.Exec(t, "UPDATE wp_users SET user_pass = ?", "$wp$2y$12$Cc2ZcqCKKsIc6Xucq85xU.OPAPm5U7i9JS4kcrMtVrXantcdr0ThW")
	login(fixture.AdminLogin, "guess", "[jwt_auth] incorrect_password")
	if got := a.dummies.get(context.Background()); got != want {
		t.Errorf("after the hashes changed: dummy hash %q, want %q", got, want)
	}
}

// A username longer than WordPress allows is refused before the limiters keep it: a
// client cannot spend their memory on names nobody can have.
func TestLongUsernamesAreNotKept(t *testing.T) {
	a := New(Config{Store: &commonHashStore{}, Secret: []byte("secret"), Limits: LoginLimits{MaxPerAddress: 3, MaxPerUsername: 100}})
	ctx := context.Background()
	if _, err := a.Login(ctx, "198.51.100.77", strings.Repeat("a", 60000), "x"); err != errUnknownLogin {
		t.Errorf("login: %v", err)
	}
	basic := "Basic " + base64.StdEncoding.EncodeToString([]byte(strings.Repeat("b", 20000)+":x"))
	if _, err := a.Authenticate(ctx, []string{basic}, "198.51.100.77", true); err != errUnknownAppPasswordUser {
		t.Errorf("Basic: %v", err)
	}
	n := 0
	for _, l := range []*limiter{a.limits.byAddress, a.limits.byPair, a.limits.byAccount} {
		for k := range l.keys {
			n += len(k)
		}
	}
	if n > 1000 {
		t.Errorf("the limiters keep %d bytes of keys", n)
	}
}
