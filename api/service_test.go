package api_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
)

// The routes Echo serves and the operations openapi.yaml states are the same set.
func TestRoutesMatchSpec(t *testing.T) {
	e := newEnv(t)
	s, _ := loadSpec(t)
	var served []string
	served = append(served, e.server.Routes()...)
	slices.Sort(served)
	served = slices.Compact(served)
	stated := s.Operations()
	for _, r := range served {
		if !slices.Contains(stated, r) {
			t.Errorf("route %s is served but not in openapi.yaml", r)
		}
	}
	for _, op := range stated {
		if !slices.Contains(served, op) {
			t.Errorf("operation %s is in openapi.yaml but not served", op)
		}
	}
}

func TestServiceRoutes(t *testing.T) {
	e := newEnv(t)
	_, raw := loadSpec(t)

	rec := e.do(http.MethodGet, "/healthz", "")
	if rec.Code != http.StatusOK || rec.Body.String() != `{"status":"ok"}` {
		t.Errorf("healthz: %d %s", rec.Code, rec.Body.String())
	}
	rec = e.do(http.MethodGet, "/readyz", "")
	if rec.Code != http.StatusOK {
		t.Errorf("readyz: %d %s", rec.Code, rec.Body.String())
	}
	rec = e.do(http.MethodGet, "/openapi.yaml", "")
	if rec.Code != http.StatusOK || !bytes.Equal(rec.Body.Bytes(), raw) {
		t.Errorf("openapi.yaml is not the repository's file byte for byte")
	}
	fromDisk, err := os.ReadFile("../openapi.yaml")
	if err != nil || !bytes.Equal(fromDisk, raw) {
		t.Errorf("served spec differs from ../openapi.yaml")
	}

	rec = e.do(http.MethodGet, "/wp-json/", "")
	index := decode[struct {
		Namespaces []string                  `json:"namespaces"`
		Routes     map[string]map[string]any `json:"routes"`
	}](t, rec)
	if !slices.Contains(index.Namespaces, "kchat/v1") {
		t.Errorf("namespaces: %v", index.Namespaces)
	}
	for _, r := range []string{"/kchat/v1", "/kchat/v1/interactions", "/kchat/v1/interactions/summary", "/kchat/v1/interactions/export"} {
		if _, ok := index.Routes[r]; !ok {
			t.Errorf("index lacks route %s", r)
		}
	}
	rec = e.do(http.MethodGet, "/wp-json/kchat/v1", "")
	ns := decode[struct {
		Namespace string         `json:"namespace"`
		Routes    map[string]any `json:"routes"`
	}](t, rec)
	if ns.Namespace != "kchat/v1" || len(ns.Routes) != 14 {
		t.Errorf("namespace index: %+v", ns)
	}
}

func TestNoRoute(t *testing.T) {
	e := newEnv(t)
	for _, c := range []struct{ method, path string }{
		{http.MethodGet, "/nothing"},
		{http.MethodGet, "/wp-json/kchat/v2/interactions"},
		{http.MethodGet, "/wp-json/kchat/v1/interactions/summary/extra"},
		{http.MethodPost, summaryPath},
		{http.MethodDelete, rowsPath},
		{http.MethodPut, "/healthz"},
		{http.MethodPost, "/wp-json/"},
	} {
		for _, auth := range []string{"Bearer " + e.token, ""} {
			rec := e.do(c.method, c.path, auth)
			wantWPError(t, rec, http.StatusNotFound, "rest_no_route")
		}
	}
}

func TestReadyzTableMissing(t *testing.T) {
	db := repotest.NewDatabase(t) // empty: no WordPress tables at all
	e := newEnvOn(t, db, "wp_")
	rec := e.do(http.MethodGet, "/readyz", "")
	got := wantWPError(t, rec, http.StatusServiceUnavailable, "kchat_table_missing")
	if !strings.Contains(got.Message, "interactions") {
		t.Errorf("message should say which table: %q", got.Message)
	}
}

// fakeStore lets a test make the database fail in chosen ways.
type fakeStore struct {
	settings  repository.SiteSettings
	user      repository.User
	days      []repository.DayCount
	failDays  error
	failAfter int // EachDay fails after this many rows (0 = never)
	panicDays bool
}

func (f *fakeStore) SiteSettings(context.Context) (repository.SiteSettings, error) {
	return f.settings, nil
}
func (f *fakeStore) Blog(context.Context) (repository.SiteRow, bool, error) {
	return repository.SiteRow{}, false, nil
}
func (f *fakeStore) UserByID(context.Context, uint64) (repository.User, error) { return f.user, nil }
func (f *fakeStore) UserByLogin(context.Context, string) (repository.User, error) {
	return f.user, nil
}
func (f *fakeStore) ApplicationPasswords(context.Context, uint64) ([]repository.ApplicationPassword, error) {
	return nil, nil
}
func (f *fakeStore) CommonPasswordHash(context.Context) (string, error) { return "", nil }
func (f *fakeStore) EachLogRow(context.Context, repository.DateRange, bool, func([]sql.NullString) error) error {
	return f.failDays
}
func (f *fakeStore) LogBounds(context.Context) (int64, int64, error) { return 0, 0, f.failDays }
func (f *fakeStore) EachLogEntry(context.Context, int64, int64, func(*repository.LogEntry) error) error {
	return f.failDays
}
func (f *fakeStore) EachInsightRow(context.Context, string, int64, int64, func(*repository.InsightRow) error) error {
	return f.failDays
}
func (f *fakeStore) LogTexts(context.Context, []int64) (map[int64]string, error) {
	return map[int64]string{}, f.failDays
}
func (f *fakeStore) Posts(context.Context, []int64) (map[int64]repository.Post, error) {
	return map[int64]repository.Post{}, f.failDays
}
func (f *fakeStore) CheckReady(context.Context) error { return f.failDays }
func (f *fakeStore) DailyCounts(context.Context, repository.DateRange) ([]repository.DayCount, error) {
	if f.panicDays {
		panic("boom: SELECT secret FROM somewhere")
	}
	return f.days, f.failDays
}
func (f *fakeStore) CountDays(context.Context, repository.DateRange) (int, error) {
	return len(f.days), f.failDays
}
func (f *fakeStore) ListDays(context.Context, repository.DateRange, bool, int, int) ([]repository.DayCount, error) {
	return f.days, f.failDays
}
func (f *fakeStore) EachDay(_ context.Context, _ repository.DateRange, fn func(repository.DayCount) error) error {
	if f.failDays != nil && f.failAfter == 0 {
		return f.failDays
	}
	for i, d := range f.days {
		if f.failAfter > 0 && i == f.failAfter {
			return f.failDays
		}
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}

func newFakeServer(t testing.TB, f *fakeStore, log io.Writer) *api.Server {
	t.Helper()
	f.settings = repository.SiteSettings{Home: fixture.Home, TimezoneString: "UTC", StartOfWeek: 1}
	f.user = repository.User{ID: 1, Login: "admin", SuperAdmin: true}
	_, raw := loadSpec(t)
	srv, err := api.New(api.Config{Store: f, JWTSecret: []byte(fixture.Secret), OpenAPI: raw,
		Now:    func() time.Time { return fixtureNow },
		Logger: slog.New(slog.NewTextHandler(log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

func fakeGet(t *testing.T, srv *api.Server, target string) *httptest.ResponseRecorder {
	t.Helper()
	tok, err := auth.IssueToken([]byte(fixture.Secret), auth.TokenParams{Issuer: fixture.Home, UserID: 1, IssuedAt: fixtureNow, TTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	validate(t, req, rec)
	return rec
}

func TestDatabaseErrors(t *testing.T) {
	var log bytes.Buffer
	down := fmt.Errorf("%w: dial tcp 10.0.0.1:3306: connection refused", repository.ErrUnavailable)
	srv := newFakeServer(t, &fakeStore{failDays: down}, &log)
	for _, p := range []string{summaryPath, rowsPath, exportPath, "/readyz"} {
		rec := fakeGet(t, srv, p)
		got := wantWPError(t, rec, http.StatusServiceUnavailable, "kchat_db_unavailable")
		if strings.Contains(got.Message, "10.0.0.1") {
			t.Errorf("%s leaks the cause: %q", p, got.Message)
		}
		if rec.Header().Get("Retry-After") != "2" {
			t.Errorf("%s: Retry-After %q", p, rec.Header().Get("Retry-After"))
		}
	}

	log.Reset()
	srv = newFakeServer(t, &fakeStore{failDays: errors.New("Error 1054: Unknown column 'secret_col'")}, &log)
	got := wantWPError(t, fakeGet(t, srv, summaryPath), http.StatusInternalServerError, "kchat_internal_error")
	if strings.Contains(got.Message, "secret_col") {
		t.Errorf("500 leaks SQL: %q", got.Message)
	}
	if !strings.Contains(log.String(), "secret_col") {
		t.Errorf("the log should hold the internal error: %s", log.String())
	}

	srv = newFakeServer(t, &fakeStore{panicDays: true}, io.Discard)
	got = wantWPError(t, fakeGet(t, srv, summaryPath), http.StatusInternalServerError, "kchat_internal_error")
	if strings.Contains(got.Message, "boom") {
		t.Errorf("panic leaks: %q", got.Message)
	}
}

// An export that fails after its first rows must not arrive as a complete-looking file:
// the connection is broken so the client sees a failed transfer.
func TestExportFailsMidStream(t *testing.T) {
	var days []repository.DayCount
	for i := 0; i < 5000; i++ {
		days = append(days, repository.DayCount{Date: time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i), Count: sql.NullInt64{Int64: int64(i), Valid: true}})
	}
	f := &fakeStore{days: days, failDays: fmt.Errorf("%w: connection reset", repository.ErrUnavailable), failAfter: 3000}
	srv := newFakeServer(t, f, io.Discard)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	tok, _ := auth.IssueToken([]byte(fixture.Secret), auth.TokenParams{Issuer: fixture.Home, UserID: 1, IssuedAt: fixtureNow, TTL: time.Hour})
	req, _ := http.NewRequest(http.MethodGet, ts.URL+exportPath, nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err == nil {
		t.Fatalf("read a complete body of %d bytes from a failed export", len(body))
	}
	if resp.StatusCode != http.StatusOK || !bytes.HasPrefix(body, []byte("date,count\r\n2010-01-01,0\r\n")) {
		t.Errorf("status %d, body starts %q", resp.StatusCode, body[:min(len(body), 40)])
	}

	// Failing before the first row is an ordinary error response. (A fresh store: the
	// aborted handler above may still be reading the old one.)
	early := &fakeStore{days: days, failDays: f.failDays}
	wantWPError(t, fakeGet(t, newFakeServer(t, early, io.Discard), exportPath), http.StatusServiceUnavailable, "kchat_db_unavailable")
}

// /docs is the explorer, whole and offline: every file it loads is served here, and it
// points at this server's contract.
func TestDocs(t *testing.T) {
	e := newEnv(t)
	page := e.do(http.MethodGet, "/docs", "")
	if page.Code != http.StatusOK || !strings.HasPrefix(page.Header().Get("Content-Type"), "text/html") ||
		!strings.Contains(page.Header().Get("Content-Security-Policy"), "script-src 'self'") {
		t.Fatalf("page: %d %v", page.Code, page.Header())
	}
	refs := regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(page.Body.String(), -1)
	if len(refs) != 3 {
		t.Errorf("the page loads %d files, want 3: %v", len(refs), refs)
	}
	for _, ref := range refs {
		if !strings.HasPrefix(ref[1], "/docs/") {
			t.Errorf("the page loads %s from elsewhere", ref[1])
			continue
		}
		rec := e.do(http.MethodGet, ref[1], "")
		if rec.Code != http.StatusOK || rec.Body.Len() == 0 {
			t.Errorf("%s: %d, %d bytes", ref[1], rec.Code, rec.Body.Len())
		}
		if bytes.Contains(rec.Body.Bytes(), []byte("unpkg.com")) || bytes.Contains(rec.Body.Bytes(), []byte("cdn.jsdelivr")) {
			t.Errorf("%s refers to a CDN", ref[1])
		}
	}
	if init := e.do(http.MethodGet, "/docs/init.js", ""); !strings.Contains(init.Body.String(), `url: "/openapi.yaml"`) {
		t.Errorf("init.js does not load this server's contract")
	}
	if js := e.do(http.MethodGet, "/docs/swagger-ui-bundle.js", ""); !strings.Contains(js.Body.String(), "SwaggerUIBundle") {
		t.Errorf("the bundle is not Swagger UI")
	}
}

// blockingLog is a store whose log exports stream one row, then wait to be released.
type blockingLog struct {
	*fakeStore
	started chan struct{}
	release chan struct{}
}

func (b *blockingLog) EachLogRow(ctx context.Context, _ repository.DateRange, _ bool, fn func([]sql.NullString) error) error {
	row := make([]sql.NullString, len(repository.LogColumns))
	if err := fn(row); err != nil {
		return err
	}
	b.started <- struct{}{}
	select {
	case <-b.release:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Exports take turns beyond MaxExports: the next one waits until a running one ends,
// and a waiter whose client leaves is not counted as a server fault.
func TestExportsTakeTurns(t *testing.T) {
	store := &blockingLog{fakeStore: &fakeStore{}, started: make(chan struct{}, 4), release: make(chan struct{})}
	store.settings = repository.SiteSettings{Home: fixture.Home, TimezoneString: "UTC", StartOfWeek: 1}
	store.user = repository.User{ID: 1, Login: "admin", SuperAdmin: true}
	_, raw := loadSpec(t)
	srv, err := api.New(api.Config{Store: store, JWTSecret: []byte(fixture.Secret), OpenAPI: raw, MaxExports: 1,
		Now: func() time.Time { return fixtureNow }, Logger: testLogger})
	if err != nil {
		t.Fatal(err)
	}
	tok, _ := auth.IssueToken([]byte(fixture.Secret), auth.TokenParams{Issuer: fixture.Home, UserID: 1, IssuedAt: fixtureNow, TTL: time.Hour})
	export := func(ctx context.Context) chan int {
		done := make(chan int, 1)
		go func() {
			req := httptest.NewRequest(http.MethodGet, "/wp-json/kchat/v1/conversations/export", nil).WithContext(ctx)
			req.Header.Set("Authorization", "Bearer "+tok)
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			done <- rec.Code
		}()
		return done
	}
	first := export(context.Background())
	<-store.started // the first export holds the only turn
	ctx, cancel := context.WithCancel(context.Background())
	second := export(ctx)
	select {
	case <-store.started:
		t.Fatal("a second export started while the first held the only turn")
	case <-time.After(200 * time.Millisecond):
	}
	cancel() // its client gives up while waiting
	if code := <-second; code != 499 {
		t.Errorf("a waiter whose client left: %d, want 499", code)
	}
	third := export(context.Background())
	close(store.release)
	if code := <-first; code != http.StatusOK {
		t.Errorf("first export: %d", code)
	}
	<-store.started // the third gets the turn once the first is done
	if code := <-third; code != http.StatusOK {
		t.Errorf("third export: %d", code)
	}
}
