package api_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/go-sql-driver/mysql"
	"github.com/golang-jwt/jwt/v5"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/api/apispec"
	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/netfixture"
)

// The fixture's users (package fixture states the rest of its facts).
const (
	adminID   = 1 // administrator, phpass
	editorID  = 2 // editor: no manage_options
	admin68ID = 3 // administrator, WordPress 6.8 hash
)

var (
	specOnce sync.Once
	spec     *apispec.Spec
	specRaw  []byte
	specErr  error
)

func loadSpec(t testing.TB) (*apispec.Spec, []byte) {
	t.Helper()
	specOnce.Do(func() {
		specRaw, specErr = os.ReadFile("../openapi.yaml")
		if specErr == nil {
			spec, specErr = apispec.Load(specRaw)
		}
	})
	if specErr != nil {
		t.Fatalf("loading openapi.yaml: %v", specErr)
	}
	return spec, specRaw
}

// testLog collects the JSON logs of every server the tests build; TestMain reads it
// after the whole run for anything secret.
var (
	testLog    repotest.Buffer
	testLogger = slog.New(slog.NewJSONHandler(&testLog, &slog.HandlerOptions{Level: slog.LevelDebug}))
)

// TestMain runs the package's tests, then greps everything the servers logged: no JWT
// key, no password the tests used, no token, no Authorization header may appear.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 {
		if err := checkLogsHoldNoSecrets(testLog.String()); err != nil {
			fmt.Fprintln(os.Stderr, "FAIL: the logs of the test run:", err)
			code = 1
		}
	}
	os.Exit(code)
}

// secretsInTests are the secrets the tests send; none may reach a log.
var secretsInTests = []string{
	fixture.Secret, fixture.AdminPassword, fixture.EditorPassword, fixture.Admin68Password, "admin-pass-12",
	"AbCd EfGh IjKl MnOp QrSt UvWx", "AbCdEfGhIjKlMnOpQrStUvWx", "ZyXwVuTsRqPoNmLkJiHgFeDc",
	"Bearer ", "Basic ", "eyJ", // a JWT's header starts {" = eyJ in base64url
	netfixture.Secret, netfixture.AppPassword, netfixture.NetAdmin.Password, netfixture.ShopAdmin.Password, netfixture.SuperHelper.Password,
}

func checkLogsHoldNoSecrets(logs string) error {
	lines := strings.Count(logs, "\n")
	if lines < 100 && flag.Lookup("test.run").Value.String() == "" { // a whole run logs hundreds
		return fmt.Errorf("only %d log lines: the servers did not log to the shared logger", lines)
	}
	for _, secret := range secretsInTests {
		if i := strings.Index(logs, secret); i >= 0 {
			start, end := max(0, i-200), min(len(logs), i+200)
			return fmt.Errorf("%d lines, and %q appears: …%s…", lines, secret, logs[start:end])
		}
	}
	fmt.Fprintf(os.Stderr, "api: %d log lines of the test run checked: no key, password or token\n", lines)
	return nil
}

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// fixtureNow is midday of the fixture's "today", 2026-11-25, in Berlin.
var fixtureNow = fixture.Today.Add(11 * time.Hour)

type env struct {
	t      *testing.T
	db     *repotest.Database
	repo   *repository.DB
	server *api.Server
	clock  *clock
	token  string // a token of the administrator
}

type envOption func(*api.Config)

// newEnv serves the fixture site from its own fresh database through the whole router.
func newEnv(t *testing.T, opts ...envOption) *env {
	t.Helper()
	db := repotest.NewDatabase(t)
	db.LoadFixture(t)
	return newEnvOn(t, db, "wp_", opts...)
}

func newEnvOn(t *testing.T, db *repotest.Database, prefix string, opts ...envOption) *env {
	t.Helper()
	return newEnvDSN(t, db, db.DSN, prefix, opts...)
}

// newEnvDSN is newEnvOn reaching db through dsn (another user, another database name).
func newEnvDSN(t *testing.T, db *repotest.Database, dsn, prefix string, opts ...envOption) *env {
	t.Helper()
	repo, err := repository.Open(repository.Config{DSN: dsn, TablePrefix: prefix, QueryTimeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { repo.Close() })
	_, raw := loadSpec(t)
	clk := &clock{t: fixtureNow}
	cfg := api.Config{Store: repo, JWTSecret: []byte(fixture.Secret), OpenAPI: raw, Now: clk.Now, Logger: testLogger}
	for _, o := range opts {
		o(&cfg)
	}
	srv, err := api.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, db: db, repo: repo, server: srv, clock: clk}
	e.token = e.tokenFor(adminID)
	return e
}

func (e *env) tokenFor(id uint64) string {
	e.t.Helper()
	tok, err := auth.IssueToken([]byte(fixture.Secret), auth.TokenParams{
		Issuer: fixture.Home, UserID: id, IssuedAt: e.clock.Now(), TTL: time.Hour,
	})
	if err != nil {
		e.t.Fatal(err)
	}
	return tok
}

// get sends a GET with the admin token and checks the response against openapi.yaml.
func (e *env) get(target string) *httptest.ResponseRecorder {
	e.t.Helper()
	return e.do(http.MethodGet, target, "Bearer "+e.token)
}

// do sends a request through the whole router and validates the response against the
// contract; authorization "" sends no Authorization header.
func (e *env) do(method, target, authorization string) *httptest.ResponseRecorder {
	e.t.Helper()
	req := httptest.NewRequest(method, target, nil)
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	rec := httptest.NewRecorder()
	e.server.ServeHTTP(rec, req)
	validate(e.t, req, rec)
	return rec
}

// validate checks a recorded response against openapi.yaml. Requests to paths the spec
// does not have are only checked for the WordPress error shape.
func validate(t testing.TB, req *http.Request, rec *httptest.ResponseRecorder) {
	t.Helper()
	s, _ := loadSpec(t)
	vreq := req.Clone(context.Background())
	if err := s.ValidateResponse(vreq, rec.Code, rec.Header(), rec.Body.Bytes()); err != nil {
		if rec.Code == http.StatusNotFound && strings.Contains(err.Error(), "no operation") {
			wantWPError(t, rec, http.StatusNotFound, "rest_no_route")
			return
		}
		body := rec.Body.String()
		if len(body) > 500 {
			body = body[:500] + "…"
		}
		msg := err.Error()
		if len(msg) > 1000 {
			msg = msg[:1000] + "…"
		}
		t.Errorf("%s %s: response does not follow openapi.yaml: %s\nbody: %s", req.Method, req.URL, msg, body)
	}
}

type wpError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Data    struct {
		Status int               `json:"status"`
		Params map[string]string `json:"params"`
	} `json:"data"`
}

// wantWPError checks that rec is the WordPress error object with this status and code.
func wantWPError(t testing.TB, rec *httptest.ResponseRecorder, status int, code string) wpError {
	t.Helper()
	var got wpError
	if rec.Code != status {
		t.Errorf("status: got %d, want %d (body %s)", rec.Code, status, rec.Body.String())
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=UTF-8" {
		t.Errorf("error Content-Type: got %q", ct)
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatalf("error body is not JSON: %v: %s", err, rec.Body.String())
	}
	if got.Code != code || got.Data.Status != status || got.Message == "" {
		t.Errorf("error: got %+v, want code %q status %d and a message", got, code, status)
	}
	if status == http.StatusUnauthorized && !strings.HasPrefix(rec.Header().Get("WWW-Authenticate"), "Bearer") {
		t.Errorf("401 without WWW-Authenticate: Bearer (got %q)", rec.Header().Get("WWW-Authenticate"))
	}
	return got
}

func decode[T any](t testing.TB, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("decoding %s: %v", rec.Body.String(), err)
	}
	return v
}

// signHS256 signs arbitrary claims, standing in for an independent implementation of
// the JWT plugin's token format.
func signHS256(t testing.TB, key string, claims jwt.MapClaims) string {
	t.Helper()
	s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(key))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// queryString runs a one-value query straight against the test database.
func (e *env) queryString(query string, args ...any) string {
	e.t.Helper()
	db, err := sql.Open("mysql", e.db.DSN)
	if err != nil {
		e.t.Fatal(err)
	}
	defer db.Close()
	var v sql.NullString
	if err := db.QueryRow(query, args...).Scan(&v); err != nil {
		e.t.Fatalf("%s: %v", query, err)
	}
	return v.String
}
