package api_test

import (
	"context"
	"database/sql"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
)

// getRoutes are the paths the router serves GET on, read from the router itself so
// that a route added later is covered without editing this file.
func getRoutes(t *testing.T, e *env) []string {
	t.Helper()
	var paths []string
	for _, r := range e.server.Routes() {
		if method, path, _ := strings.Cut(r, " "); method == http.MethodGet {
			paths = append(paths, path)
		}
	}
	if len(paths) < 15 {
		t.Fatalf("only %d GET routes: %v", len(paths), paths)
	}
	return paths
}

// serve sends one request through the whole router, without checking it against the
// contract (HEAD and slash-ended paths have no operations of their own).
func serve(e *env, method, target, authorization string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, nil)
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	rec := httptest.NewRecorder()
	e.server.ServeHTTP(rec, req)
	return rec
}

// headersBut is h without the per-request headers.
func headersBut(h http.Header) http.Header {
	h = h.Clone()
	h.Del("X-Request-Id")
	return h
}

// HEAD answers on every GET route, as WordPress does: GET's status and headers (its
// errors' too), and no body.
func TestHeadEveryGetRoute(t *testing.T) {
	e := newEnv(t)
	for _, path := range getRoutes(t, e) {
		for _, c := range []struct{ name, query, auth string }{
			{"Admin", "", "Bearer " + e.token},
			{"NoToken", "", ""},
			{"BadParam", "?start=nope", "Bearer " + e.token},
			{"Editor", "", "Bearer " + e.tokenFor(editorID)},
		} {
			get := e.do(http.MethodGet, path+c.query, c.auth)
			head := serve(e, http.MethodHead, path+c.query, c.auth)
			if head.Code != get.Code {
				t.Errorf("HEAD %s (%s): status %d, GET's %d", path, c.name, head.Code, get.Code)
			}
			if head.Body.Len() != 0 {
				t.Errorf("HEAD %s (%s): a body of %d bytes: %.60q", path, c.name, head.Body.Len(), head.Body.String())
			}
			gh, hh := headersBut(get.Header()), headersBut(head.Header())
			for _, name := range slices.Sorted(maps.Keys(gh)) {
				if got, want := hh.Values(name), gh.Values(name); !slices.Equal(got, want) {
					t.Errorf("HEAD %s (%s): %s %q, GET's %q", path, c.name, name, got, want)
				}
			}
			for name := range hh {
				if _, ok := gh[name]; !ok {
					t.Errorf("HEAD %s (%s): %s %q, which GET lacks", path, c.name, name, hh.Values(name))
				}
			}
		}
	}
	// The tag GET gave still answers 304 on HEAD.
	get := e.get(summaryPath)
	req := httptest.NewRequest(http.MethodHead, summaryPath, nil)
	req.Header.Set("Authorization", "Bearer "+e.token)
	req.Header.Set("If-None-Match", get.Header().Get("ETag"))
	rec := httptest.NewRecorder()
	e.server.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified {
		t.Errorf("HEAD with GET's ETag: %d", rec.Code)
	}
}

// countingStore counts the export queries started.
type countingStore struct {
	*fakeStore
	queries atomic.Int32
}

func (s *countingStore) EachDay(ctx context.Context, r repository.DateRange, fn func(repository.DayCount) error) error {
	s.queries.Add(1)
	return s.fakeStore.EachDay(ctx, r, fn)
}

func (s *countingStore) EachLogRow(ctx context.Context, r repository.DateRange, tokensOnly bool, fn func([]sql.NullString) error) error {
	s.queries.Add(1)
	return s.fakeStore.EachLogRow(ctx, r, tokensOnly, fn)
}

// A HEAD on an export checks the token and the parameters and answers the download's
// headers, but reads nothing: a monitor's probe must not stream a whole log.
func TestHeadExportRunsNoQuery(t *testing.T) {
	store := &countingStore{fakeStore: &fakeStore{
		settings: repository.SiteSettings{Home: fixture.Home, TimezoneString: "UTC", StartOfWeek: 1},
		user:     repository.User{ID: 1, Login: "admin", SuperAdmin: true},
	}}
	_, raw := loadSpec(t)
	srv, err := api.New(api.Config{Store: store, JWTSecret: []byte(fixture.Secret), OpenAPI: raw,
		Now: func() time.Time { return fixtureNow }, Logger: testLogger})
	if err != nil {
		t.Fatal(err)
	}
	tok, err := api.IssueToken([]byte(fixture.Secret), api.TokenParams{Issuer: fixture.Home, UserID: 1, IssuedAt: fixtureNow, TTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	for _, path := range []string{exportPath, "/wp-json/kchat/v1/conversations/export", "/wp-json/kchat/v1/tokens/export"} {
		req, _ := http.NewRequest(http.MethodHead, ts.URL+path+"?bom=1", nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Disposition"), `attachment; filename="Chatbot-ChatGPT-`) {
			t.Errorf("HEAD %s: %d, Content-Disposition %q", path, resp.StatusCode, resp.Header.Get("Content-Disposition"))
		}
	}
	if n := store.queries.Load(); n != 0 {
		t.Errorf("three HEADs on exports started %d export queries", n)
	}
}

// One trailing slash or more is stripped from the route, as WordPress strips them, so
// ".../summary/" is ".../summary"; "/wp-json" and "/wp-json//" are the index.
func TestTrailingSlash(t *testing.T) {
	e := newEnv(t)
	for _, path := range getRoutes(t, e) {
		if strings.HasSuffix(path, "/") || path == "/metrics" {
			continue // /metrics changes between two scrapes
		}
		want := e.get(path)
		for _, variant := range []string{path + "/", path + "//"} {
			got := serve(e, http.MethodGet, variant, "Bearer "+e.token)
			if got.Code != want.Code || got.Body.String() != want.Body.String() {
				t.Errorf("GET %s: %d %.80q; GET %s: %d %.80q", variant, got.Code, got.Body.String(), path, want.Code, want.Body.String())
			}
		}
	}
	index := e.get("/wp-json/")
	for _, variant := range []string{"/wp-json", "/wp-json//"} {
		if got := serve(e, http.MethodGet, variant, ""); got.Code != http.StatusOK || got.Body.String() != index.Body.String() {
			t.Errorf("GET %s: %d %.80q", variant, got.Code, got.Body.String())
		}
	}
	// The query string survives, and a path with more after the slash is still unknown.
	got := serve(e, http.MethodGet, summaryPath+"/?period=weekly", "Bearer "+e.token)
	if want := e.get(summaryPath + "?period=weekly"); got.Code != http.StatusOK || got.Body.String() != want.Body.String() {
		t.Errorf("GET %s/?period=weekly: %d %.80q", summaryPath, got.Code, got.Body.String())
	}
	wantWPError(t, serve(e, http.MethodGet, summaryPath+"/x/", "Bearer "+e.token), http.StatusNotFound, "rest_no_route")
	wantWPError(t, serve(e, http.MethodGet, rowsPath+"/", ""), http.StatusUnauthorized, "rest_not_logged_in")
}

// URLs the sidecar writes are the site's, from home (or KCHAT_SITE_URL), never from the
// request's Host, which any client sets.
func TestURLsFromHome(t *testing.T) {
	for _, c := range []struct {
		name, siteURL, want string
	}{
		{"Home", "", fixture.Home},
		{"SiteURL", "https://site.example/blog/", "https://site.example/blog"},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newEnv(t, func(cfg *api.Config) { cfg.SiteURL = c.siteURL })
			if c.siteURL != "" {
				e.token = e.tokenForIssuer(adminID, c.siteURL)
			}
			req := httptest.NewRequest(http.MethodGet, "/wp-json/", nil)
			req.Host = "evil.example"
			req.Header.Set("X-Forwarded-Host", "evil.example")
			req.Header.Set("X-Forwarded-Proto", "gopher")
			rec := httptest.NewRecorder()
			e.server.ServeHTTP(rec, req)
			validate(t, req, rec)
			if got := decode[struct{ URL string }](t, rec).URL; got != c.want {
				t.Errorf("/wp-json/ url %q, want %q", got, c.want)
			}

			req = httptest.NewRequest(http.MethodGet, rowsPath+"/?per_page=5&page=2&order=asc", nil)
			req.Host = "evil.example"
			req.Header.Set("X-Forwarded-Proto", "gopher")
			req.Header.Set("Authorization", "Bearer "+e.token)
			rec = httptest.NewRecorder()
			e.server.ServeHTTP(rec, req)
			validate(t, req, rec)
			want := "<" + c.want + "/wp-json/kchat/v1/interactions?order=asc&page=1&per_page=5>; rel=\"prev\", " +
				"<" + c.want + "/wp-json/kchat/v1/interactions?order=asc&page=3&per_page=5>; rel=\"next\""
			if got := rec.Header().Get("Link"); got != want {
				t.Errorf("Link\n got %s\nwant %s", got, want)
			}
		})
	}
}

func (e *env) tokenForIssuer(id uint64, issuer string) string {
	e.t.Helper()
	tok, err := api.IssueToken([]byte(fixture.Secret), api.TokenParams{Issuer: issuer, UserID: id, IssuedAt: e.clock.Now(), TTL: time.Hour})
	if err != nil {
		e.t.Fatal(err)
	}
	return tok
}

// Cache-Control: the token is never stored (RFC 6749 §5.1); data may be kept by the
// browser only, and only to revalidate with its ETag; downloads and errors are never
// stored.
func TestCacheControl(t *testing.T) {
	e := newEnv(t)
	const private, noStore = "private, no-cache", "no-store"
	for path, want := range map[string]string{
		summaryPath: private, rowsPath: private, weekdaysPath: private,
		"/wp-json/kchat/v1/conversations/summary": private, "/wp-json/kchat/v1/tokens/summary": private,
		exportPath: noStore, "/wp-json/kchat/v1/conversations/export": noStore, "/wp-json/kchat/v1/tokens/export": noStore,
	} {
		for _, c := range []struct {
			name, query, auth string
			want              string
		}{
			{"OK", "", "Bearer " + e.token, want},
			{"NoToken", "", "", noStore},
			{"Editor", "", "Bearer " + e.tokenFor(editorID), noStore},
			{"BadParam", "?start=nope", "Bearer " + e.token, noStore},
		} {
			rec := e.do(http.MethodGet, path+c.query, c.auth)
			if got := rec.Header().Get("Cache-Control"); got != c.want {
				t.Errorf("GET %s (%s): %d, Cache-Control %q, want %q", path, c.name, rec.Code, got, c.want)
			}
		}
	}
	// A 304 says what the 200 said (RFC 9111 §4.3.4 updates the stored headers from it).
	tag := e.get(summaryPath).Header().Get("ETag")
	req := httptest.NewRequest(http.MethodGet, summaryPath, nil)
	req.Header.Set("Authorization", "Bearer "+e.token)
	req.Header.Set("If-None-Match", tag)
	rec := httptest.NewRecorder()
	e.server.ServeHTTP(rec, req)
	validate(t, req, rec)
	if rec.Code != http.StatusNotModified || rec.Header().Get("Cache-Control") != private {
		t.Errorf("304: %d, Cache-Control %q", rec.Code, rec.Header().Get("Cache-Control"))
	}

	login := func(body string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/wp-json/jwt-auth/v1/token", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.RemoteAddr = "198.51.100.7:1234"
		rec := httptest.NewRecorder()
		e.server.ServeHTTP(rec, req)
		validate(t, req, rec)
		return rec
	}
	for i, rec := range []*httptest.ResponseRecorder{
		login(`{"username":"admin","password":"admin-pass-123"}`),
		login(`{"username":"admin","password":"wrong"}`),
		e.do(http.MethodPost, "/wp-json/jwt-auth/v1/token/validate", "Bearer "+e.token),
		e.do(http.MethodGet, "/no/such/route", ""),
	} {
		if got := rec.Header().Get("Cache-Control"); got != noStore {
			t.Errorf("answer %d (%d): Cache-Control %q, want %q", i, rec.Code, got, noStore)
		}
	}
}

// The collection carries an ETag like every JSON data answer, and answers 304 to it.
func TestListETag(t *testing.T) {
	e := newEnv(t)
	rec := e.get(rowsPath + "?per_page=5")
	tag := rec.Header().Get("ETag")
	if rec.Code != http.StatusOK || tag == "" {
		t.Fatalf("GET %s: %d, ETag %q", rowsPath, rec.Code, tag)
	}
	req := httptest.NewRequest(http.MethodGet, rowsPath+"?per_page=5", nil)
	req.Header.Set("Authorization", "Bearer "+e.token)
	req.Header.Set("If-None-Match", tag)
	rec = httptest.NewRecorder()
	e.server.ServeHTTP(rec, req)
	validate(t, req, rec)
	if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
		t.Errorf("If-None-Match with the list's tag: %d, %d bytes", rec.Code, rec.Body.Len())
	}
	if other := e.get(rowsPath + "?per_page=6").Header().Get("ETag"); other == tag {
		t.Errorf("two different pages share the tag %s", tag)
	}
}

// An out-of-range page is refused with a bound a person can read: no page past the
// calendar's last day can exist, even at one row per page.
func TestPageBound(t *testing.T) {
	e := newEnv(t)
	for _, page := range []string{"0", "3652060", "9223372036854775807", "99999999999999999999"} {
		got := wantWPError(t, e.get(rowsPath+"?page="+page), http.StatusBadRequest, "rest_invalid_param")
		if why := got.Data.Params["page"]; why != "page must be between 1 (inclusive) and 3652059 (inclusive)." {
			t.Errorf("page=%s: %q", page, why)
		}
	}
}
