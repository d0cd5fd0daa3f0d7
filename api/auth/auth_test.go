package auth_test

import (
	"context"
	"encoding/base64"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
	"github.com/kchat-sidecar/kchat-sidecar/api/wppass"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

const (
	site      = "https://site.test"
	adminPass = "admin-password"
	appUUID   = "0f9a7c1e-5b2d-4f6a-8c0e-000000000001"
	appPass   = "AbCd EfGh IjKl MnOp QrSt UvWx"
	client    = "192.0.2.7"
)

var secret = []byte("auth-test-secret-0123456789")

// fakeStore holds an administrator (1, with one application password) and an editor
// (2), both with the password adminPass; err, when set, is every read's answer.
type fakeStore struct {
	mu           sync.Mutex
	users        map[uint64]repository.User
	appPasswords map[uint64][]repository.ApplicationPassword
	err          error
}

func newFakeStore() *fakeStore {
	hash := wppass.HashMD5(adminPass)
	return &fakeStore{
		users: map[uint64]repository.User{
			1: {ID: 1, Login: "admin", Email: "admin@site.test", PasswordHash: hash, SuperAdmin: true},
			2: {ID: 2, Login: "editor", Email: "editor@site.test", PasswordHash: hash},
		},
		appPasswords: map[uint64][]repository.ApplicationPassword{
			1: {{UUID: appUUID, Hash: wppass.HashApplicationPassword(appPass)}},
		},
	}
}

func (s *fakeStore) UserByID(_ context.Context, id uint64) (repository.User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.users[id]
	switch {
	case s.err != nil:
		return repository.User{}, s.err
	case !ok:
		return repository.User{}, repository.ErrNotFound
	}
	return u, nil
}

func (s *fakeStore) UserByLogin(_ context.Context, name string) (repository.User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return repository.User{}, s.err
	}
	for _, u := range s.users {
		if strings.EqualFold(u.Login, name) || strings.EqualFold(u.Email, name) {
			return u, nil
		}
	}
	return repository.User{}, repository.ErrNotFound
}

func (s *fakeStore) ApplicationPasswords(_ context.Context, id uint64) ([]repository.ApplicationPassword, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.appPasswords[id], s.err
}

func (s *fakeStore) CommonPasswordHash(context.Context) (string, error) {
	return wppass.HashMD5("x"), nil
}

func (s *fakeStore) set(f func(*fakeStore)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(s)
}

type fixture struct {
	store *fakeStore
	now   time.Time
	auth  *auth.Authenticator
}

func newFixture(limits auth.LoginLimits) *fixture {
	f := &fixture{store: newFakeStore(), now: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)}
	f.auth = auth.New(auth.Config{
		Store: f.store, Secret: secret, Issuer: func(context.Context) (string, error) { return site + "/", nil },
		Now: func() time.Time { return f.now }, Limits: limits,
	})
	return f
}

func (f *fixture) token(t *testing.T, p auth.TokenParams) string {
	t.Helper()
	p.IssuedAt, p.TTL = f.now, time.Hour
	if p.Issuer == "" {
		p.Issuer = site
	}
	tok, err := auth.IssueToken(secret, p)
	if err != nil {
		t.Fatal(err)
	}
	return "Bearer " + tok
}

func basic(user, pass string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+pass))
}

// wantRefusal checks that err is a refusal of this kind and code.
func wantRefusal(t *testing.T, err error, kind auth.Kind, code string) *auth.Error {
	t.Helper()
	var refused *auth.Error
	if !errors.As(err, &refused) || refused.Kind != kind || refused.Code != code || refused.Message == "" {
		t.Fatalf("got %v, want a refusal of kind %d, %s", err, kind, code)
	}
	return refused
}

func TestAuthenticate(t *testing.T) {
	f := newFixture(auth.LoginLimits{})
	down := errors.New("database down")
	tests := []struct {
		name       string
		header     []string
		allowBasic bool
		kind       auth.Kind // 0: admitted
		code       string
	}{
		{"OKToken", []string{f.token(t, auth.TokenParams{UserID: 1})}, false, 0, ""},
		{"OKBoundToken", []string{f.token(t, auth.TokenParams{UserID: 1, PasswordHash: wppass.HashMD5(adminPass), ApplicationPassword: appUUID})}, false, 0, ""},
		{"OKApplicationPassword", []string{basic("ADMIN", appPass)}, true, 0, ""},
		{"ErrNoHeader", nil, true, auth.Unauthenticated, "rest_not_logged_in"},
		{"ErrBasicNotHere", []string{basic("admin", appPass)}, false, auth.Unauthenticated, "jwt_auth_bad_auth_header"},
		{"ErrTwoHeaders", []string{f.token(t, auth.TokenParams{UserID: 1}), f.token(t, auth.TokenParams{UserID: 1})}, false, auth.Unauthenticated, "jwt_auth_bad_auth_header"},
		{"ErrOtherIssuer", []string{f.token(t, auth.TokenParams{UserID: 1, Issuer: "https://other.test"})}, false, auth.Unauthenticated, "jwt_auth_bad_iss"},
		{"ErrEditorToken", []string{f.token(t, auth.TokenParams{UserID: 2})}, false, auth.Forbidden, "rest_forbidden"},
		{"ErrNoSuchUser", []string{f.token(t, auth.TokenParams{UserID: 99})}, false, auth.Forbidden, "rest_forbidden"},
		{"ErrOtherPassword", []string{f.token(t, auth.TokenParams{UserID: 1, PasswordHash: "$P$another"})}, false, auth.Unauthenticated, "jwt_auth_invalid_token"},
		{"ErrRevokedApplicationPassword", []string{f.token(t, auth.TokenParams{UserID: 1, ApplicationPassword: "0f9a7c1e-5b2d-4f6a-8c0e-000000000009"})}, false, auth.Unauthenticated, "jwt_auth_invalid_token"},
		{"ErrLoginPasswordAsApplicationPassword", []string{basic("admin", adminPass)}, true, auth.Unauthenticated, "incorrect_password"},
		{"ErrUnknownUser", []string{basic("nobody", appPass)}, true, auth.Unauthenticated, "invalid_username"},
		{"ErrEditorApplicationPassword", []string{basic("editor", appPass)}, true, auth.Unauthenticated, "incorrect_password"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			user, err := f.auth.Authenticate(context.Background(), tt.header, client, tt.allowBasic)
			if tt.kind == 0 {
				if err != nil || user.ID != 1 {
					t.Fatalf("got user %d, %v", user.ID, err)
				}
				return
			}
			wantRefusal(t, err, tt.kind, tt.code)
		})
	}
	t.Run("ErrStoreDown", func(t *testing.T) {
		f := newFixture(auth.LoginLimits{})
		f.store.set(func(s *fakeStore) { s.err = down })
		for _, h := range []string{f.token(t, auth.TokenParams{UserID: 1}), basic("admin", appPass)} {
			if _, err := f.auth.Authenticate(context.Background(), []string{h}, client, true); !errors.Is(err, down) {
				t.Errorf("%.6s: %v, want the store's error", h, err)
			}
		}
	})
}

// A user's capabilities, password and application passwords are read again once the
// capability cache has expired: a demotion or a revocation takes effect then.
func TestAuthenticateRechecks(t *testing.T) {
	f := newFixture(auth.LoginLimits{})
	ctx := context.Background()
	bound := []string{f.token(t, auth.TokenParams{UserID: 1, ApplicationPassword: appUUID})}
	if _, err := f.auth.Authenticate(ctx, bound, client, false); err != nil {
		t.Fatal(err)
	}
	f.store.set(func(s *fakeStore) { s.appPasswords[1] = nil })
	if _, err := f.auth.Authenticate(ctx, bound, client, false); err != nil {
		t.Errorf("within the cache's 10 s: %v", err)
	}
	f.now = f.now.Add(10 * time.Second)
	_, err := f.auth.Authenticate(ctx, bound, client, false)
	wantRefusal(t, err, auth.Unauthenticated, "jwt_auth_invalid_token")

	plain := []string{f.token(t, auth.TokenParams{UserID: 1})}
	f.store.set(func(s *fakeStore) { u := s.users[1]; u.SuperAdmin = false; s.users[1] = u })
	f.now = f.now.Add(10 * time.Second)
	_, err = f.auth.Authenticate(ctx, plain, client, false)
	wantRefusal(t, err, auth.Forbidden, "rest_forbidden")
}

func TestLogin(t *testing.T) {
	f := newFixture(auth.LoginLimits{MaxPerAddress: 100, MaxPerUsername: 2, Window: time.Minute})
	ctx := context.Background()
	tok, err := f.auth.Login(ctx, client, "admin@site.test", adminPass)
	if err != nil || tok.User.ID != 1 {
		t.Fatalf("login: %d %v", tok.User.ID, err)
	}
	if user, err := f.auth.Authenticate(ctx, []string{"Bearer " + tok.JWT}, client, false); err != nil || user.ID != 1 {
		t.Errorf("the issued token: %d %v", user.ID, err)
	}
	_, err = f.auth.Login(ctx, client, "editor", adminPass)
	wantRefusal(t, err, auth.Forbidden, "rest_forbidden")
	_, err = f.auth.Login(ctx, client, "nobody", adminPass)
	wantRefusal(t, err, auth.Forbidden, "[jwt_auth] invalid_username")
	_, err = f.auth.Login(ctx, client, "adm\xffin", adminPass)
	if r := wantRefusal(t, err, auth.Invalid, "rest_invalid_param"); r.Param != "username" {
		t.Errorf("Param %q", r.Param)
	}

	for i := 0; i < 2; i++ {
		_, err = f.auth.Login(ctx, client, "admin", "guess")
		if r := wantRefusal(t, err, auth.Forbidden, "[jwt_auth] incorrect_password"); !strings.Contains(r.Message, "admin") {
			t.Errorf("message %q does not name the user", r.Message)
		}
	}
	f.now = f.now.Add(15 * time.Second)
	_, err = f.auth.Login(ctx, client, "admin", adminPass)
	if r := wantRefusal(t, err, auth.TooManyAttempts, "kchat_too_many_attempts"); r.RetryAfter != 45*time.Second {
		t.Errorf("RetryAfter %v, want the window's remaining 45s", r.RetryAfter)
	}
	_, err = f.auth.Authenticate(ctx, []string{basic("admin", appPass)}, client, true)
	wantRefusal(t, err, auth.TooManyAttempts, "kchat_too_many_attempts")
	if _, err := f.auth.Login(ctx, "192.0.2.8", "admin", adminPass); err != nil {
		t.Errorf("from another address: %v", err)
	}
	f.now = f.now.Add(45 * time.Second)
	if _, err := f.auth.Login(ctx, client, "admin", adminPass); err != nil {
		t.Errorf("after the window: %v", err)
	}
}

func TestLoginWithApplicationPassword(t *testing.T) {
	f := newFixture(auth.LoginLimits{})
	ctx := context.Background()
	_, err := f.auth.LoginWithApplicationPassword(ctx, []string{f.token(t, auth.TokenParams{UserID: 1})}, client)
	wantRefusal(t, err, auth.Unauthenticated, "jwt_auth_bad_auth_header")
	_, err = f.auth.LoginWithApplicationPassword(ctx, []string{basic("admin", "AbCd EfGh IjKl MnOp QrSt UvWy")}, client)
	wantRefusal(t, err, auth.Unauthenticated, "incorrect_password")

	tok, err := f.auth.LoginWithApplicationPassword(ctx, []string{basic("admin", appPass)}, client)
	if err != nil || tok.User.ID != 1 {
		t.Fatalf("login: %d %v", tok.User.ID, err)
	}
	bearer := []string{"Bearer " + tok.JWT}
	if _, err := f.auth.Authenticate(ctx, bearer, client, false); err != nil {
		t.Fatalf("the issued token: %v", err)
	}
	// The token is bound to the application password: it dies with it.
	f.store.set(func(s *fakeStore) { s.appPasswords[1] = nil })
	f.now = f.now.Add(10 * time.Second)
	_, err = f.auth.Authenticate(ctx, bearer, client, false)
	wantRefusal(t, err, auth.Unauthenticated, "jwt_auth_invalid_token")
}
