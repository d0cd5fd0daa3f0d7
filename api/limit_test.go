package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
	"github.com/kchat-sidecar/kchat-sidecar/api/wppass"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
)

// postFrom sends a login from a client address ("192.0.2.7:1234", "[2001:db8::1]:1234").
func (e *env) postFrom(addr, contentType, body string, header ...string) *httptest.ResponseRecorder {
	e.t.Helper()
	return e.postAs(addr, tokenPath, contentType, body, header...)
}

// getFrom sends a GET of the rows with an Authorization header from a client address.
func (e *env) getFrom(addr, authorization string) *httptest.ResponseRecorder {
	e.t.Helper()
	req := httptest.NewRequest(http.MethodGet, rowsPath, nil)
	req.RemoteAddr = addr
	req.Header.Set("Authorization", authorization)
	rec := httptest.NewRecorder()
	e.server.ServeHTTP(rec, req)
	validate(e.t, req, rec)
	return rec
}

const limitAppPass = "AbCd EfGh IjKl MnOp QrSt UvWx"

// giveAdminAppPassword stores limitAppPass as the administrator's application password.
func (e *env) giveAdminAppPassword() {
	hash := wppass.HashApplicationPassword(limitAppPass)
	item := `a:7:{s:4:"uuid";s:36:"0f9a7c1e-5b2d-4f6a-8c0e-000000000001";s:6:"app_id";s:0:"";s:4:"name";s:6:"script";s:8:"password";s:` +
		fmt.Sprint(len(hash)) + `:"` + hash + `";s:7:"created";i:1764000000;s:9:"last_used";N;s:7:"last_ip";N;}`
	e.db.Exec(e.t, "INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES (1, '_application_passwords', ?)", "a:1:{i:0;"+item+"}")
}

// Failures from other addresses never refuse the right credentials: ten addresses
// guessing the administrator's password lock out only themselves.
func TestLoginNoLockoutFromOtherAddresses(t *testing.T) {
	e := newEnv(t, func(c *api.Config) {
		c.LoginLimits = auth.LoginLimits{MaxPerAddress: 20, MaxPerUsername: 3, SlowAfter: 5, SlowDelay: time.Millisecond, Window: 15 * time.Minute}
	})
	e.giveAdminAppPassword()
	for i := 1; i <= 10; i++ {
		addr := fmt.Sprintf("198.51.100.%d:4000", i)
		for _, name := range []string{"admin", "Admin", "admin@example.test"} {
			wantWPError(t, e.postFrom(addr, "application/json", `{"username":"`+name+`","password":"guess"}`), 403, "[jwt_auth] incorrect_password")
		}
		// This address has used up its tries at this account, whatever the spelling or the way in.
		wantWPError(t, e.postFrom(addr, "application/json", `{"username":"admin","password":"admin-pass-123"}`), 429, "kchat_too_many_attempts")
		wantWPError(t, e.getFrom(addr, basic("admin", limitAppPass)), 429, "kchat_too_many_attempts")
		// but not at another account.
		if rec := e.postFrom(addr, "application/json", `{"username":"admin68","password":"six-eight-pass-123"}`); rec.Code != http.StatusOK {
			t.Fatalf("another account from %s: %d %s", addr, rec.Code, rec.Body.String())
		}
	}
	const home = "203.0.113.50:5000"
	if rec := e.postFrom(home, "application/json", `{"username":"admin","password":"admin-pass-123"}`); rec.Code != http.StatusOK {
		t.Errorf("the right password from another address: %d %s", rec.Code, rec.Body.String())
	}
	if rec := e.getFrom(home, basic("admin", limitAppPass)); rec.Code != http.StatusOK {
		t.Errorf("the right application password from another address: %d %s", rec.Code, rec.Body.String())
	}
	if rec := e.getFrom("203.0.113.51:5000", basic("admin@example.test", limitAppPass)); rec.Code != http.StatusOK {
		t.Errorf("the right application password by e-mail from another address: %d %s", rec.Code, rec.Body.String())
	}
}

// Across addresses an account is only slowed: after SlowAfter failures from anywhere,
// every attempt at it waits SlowDelay first (the right password too, and still
// succeeds), unless the client gives up first. Other accounts are not slowed.
func TestLoginSlowsAnAccountUnderAttack(t *testing.T) {
	const delay = 400 * time.Millisecond
	e := newEnv(t, func(c *api.Config) {
		c.LoginLimits = auth.LoginLimits{MaxPerAddress: 100, MaxPerUsername: 100, SlowAfter: 3, SlowDelay: delay, Window: 15 * time.Minute}
	})
	right := `{"username":"admin","password":"admin-pass-123"}`
	for i := 1; i <= 3; i++ {
		wantWPError(t, e.postFrom(fmt.Sprintf("198.51.100.%d:4000", i), "application/json", `{"username":"admin","password":"guess"}`),
			403, "[jwt_auth] incorrect_password")
	}
	start := time.Now()
	if rec := e.postFrom("203.0.113.50:5000", "application/json", right); rec.Code != http.StatusOK {
		t.Errorf("the right password while slowed: %d %s", rec.Code, rec.Body.String())
	}
	if took := time.Since(start); took < delay {
		t.Errorf("an attempt at the attacked account took %v, want at least %v", took, delay)
	}
	// A client that gives up is not kept waiting.
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req := httptest.NewRequest(http.MethodPost, tokenPath, strings.NewReader(right)).WithContext(ctx)
	req.Header.Set("Content-Type", "application/json")
	start = time.Now()
	e.server.ServeHTTP(httptest.NewRecorder(), req)
	if took := time.Since(start); took >= delay {
		t.Errorf("a canceled attempt took %v", took)
	}
	// The right password after the window.
	e.clock.Add(15*time.Minute + time.Second)
	start = time.Now()
	if rec := e.postFrom("203.0.113.50:5000", "application/json", right); rec.Code != http.StatusOK || time.Since(start) >= delay {
		t.Errorf("after the window: %d in %v", rec.Code, time.Since(start))
	}
}

// Concurrent guesses from one address are held to the limit too: an attempt counts as a
// failure until it is known not to be one.
func TestLoginLimitsConcurrentBurst(t *testing.T) {
	e := newEnv(t, func(c *api.Config) {
		c.LoginLimits = auth.LoginLimits{MaxPerAddress: 100, MaxPerUsername: 3, Window: time.Hour}
	})
	var wg sync.WaitGroup
	codes := make(chan int, 12)
	for i := 0; i < cap(codes); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req := httptest.NewRequest(http.MethodPost, tokenPath, strings.NewReader(`{"username":"admin68","password":"guess"}`))
			req.RemoteAddr = "198.51.100.90:4000"
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			e.server.ServeHTTP(rec, req)
			codes <- rec.Code
		}()
	}
	wg.Wait()
	close(codes)
	tried := 0
	for code := range codes {
		switch code {
		case http.StatusForbidden:
			tried++
		case http.StatusTooManyRequests:
		default:
			t.Errorf("status %d", code)
		}
	}
	if tried != 3 {
		t.Errorf("%d passwords were tried, want 3", tried)
	}
}

// An IPv6 client holds a whole /64: its addresses share one limit.
func TestLoginLimitsIPv6Prefix(t *testing.T) {
	e := newEnv(t, func(c *api.Config) {
		c.LoginLimits = auth.LoginLimits{MaxPerAddress: 3, MaxPerUsername: 100, Window: time.Hour}
	})
	for i := 1; i <= 3; i++ {
		addr := fmt.Sprintf("[2001:db8:0:7::%x]:4000", i*0x1111)
		wantWPError(t, e.postFrom(addr, "application/json", fmt.Sprintf(`{"username":"nobody%d","password":"x"}`, i)), 403, "[jwt_auth] invalid_username")
	}
	wantWPError(t, e.postFrom("[2001:db8:0:7:ffff:ffff:ffff:ffff]:4000", "application/json", `{"username":"nobody9","password":"x"}`),
		429, "kchat_too_many_attempts")
	// The next /64 is another client.
	wantWPError(t, e.postFrom("[2001:db8:0:8::1]:4000", "application/json", `{"username":"nobody9","password":"x"}`),
		403, "[jwt_auth] invalid_username")
}

// A username longer than WordPress allows names nobody: it is refused and counted (that
// it is not kept: TestLongUsernamesAreNotKept in package auth).
func TestLoginLongUsername(t *testing.T) {
	e := newEnv(t, func(c *api.Config) {
		c.LoginLimits = auth.LoginLimits{MaxPerAddress: 3, MaxPerUsername: 100, Window: time.Hour}
	})
	const addr = "198.51.100.77:4000"
	long := strings.Repeat("a", 60000)
	wantWPError(t, e.postFrom(addr, "application/json", `{"username":"`+long+`","password":"x"}`), 403, "[jwt_auth] invalid_username")
	wantWPError(t, e.getFrom(addr, basic(strings.Repeat("b", 20000), "x")), 401, "invalid_username")
	wantWPError(t, e.postFrom(addr, "application/json", `{"username":"`+strings.Repeat("c", 61)+`","password":"x"}`), 403, "[jwt_auth] invalid_username")
	// Three failures: the address is done.
	wantWPError(t, e.postFrom(addr, "application/json", `{"username":"admin","password":"admin-pass-123"}`), 429, "kchat_too_many_attempts")
}

// A username that is not UTF-8 is a bad request, and a failure.
func TestLoginInvalidUTF8(t *testing.T) {
	e := newEnv(t, func(c *api.Config) {
		c.LoginLimits = auth.LoginLimits{MaxPerAddress: 2, MaxPerUsername: 100, Window: time.Hour}
	})
	const addr = "198.51.100.78:4000"
	rec := e.postFrom(addr, "application/x-www-form-urlencoded", "username=%ff%fe&password=x")
	if got := wantWPError(t, rec, 400, "rest_invalid_param"); got.Data.Params["username"] == "" {
		t.Errorf("data.params does not name the username: %+v", got)
	}
	req := httptest.NewRequest(http.MethodPost, tokenPath+"?username=adm%C0%AEin&password=x", nil)
	req.RemoteAddr = addr
	rec = httptest.NewRecorder()
	e.server.ServeHTTP(rec, req)
	wantWPError(t, rec, 400, "rest_invalid_param")
	wantWPError(t, e.postFrom(addr, "application/json", `{"username":"admin","password":"admin-pass-123"}`), 429, "kchat_too_many_attempts")
}

// Whatever a client sends, no string it chose takes more than 256 bytes of a log line.
func TestLogLinesCapClientStrings(t *testing.T) {
	var logs repotest.Buffer
	e := newEnv(t, func(c *api.Config) {
		c.Logger = slog.New(slog.NewJSONHandler(&logs, nil))
	})
	long := strings.Repeat("p", 5000)
	for _, req := range []*http.Request{
		httptest.NewRequest(http.MethodGet, "/wp-json/kchat/v1/"+long, nil),
		httptest.NewRequest(strings.Repeat("M", 3000), "/wp-json/"+long, nil),
		httptest.NewRequest(http.MethodPost, tokenPath+"?username=%ff"+long+"&password=x", nil),
		httptest.NewRequest(http.MethodPost, tokenPath+"?username="+long+"&password=x", nil),
	} {
		e.server.ServeHTTP(httptest.NewRecorder(), req)
	}
	lines := bytes.Split(bytes.TrimSpace([]byte(logs.String())), []byte("\n"))
	if len(lines) < 4 {
		t.Fatalf("%d log lines", len(lines))
	}
	for _, line := range lines {
		var fields map[string]any
		if err := json.Unmarshal(line, &fields); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		for k, v := range fields {
			if s, ok := v.(string); ok && len(s) > 256 {
				t.Errorf("%s has %d bytes: %.80s…", k, len(s), s)
			}
		}
	}
}
