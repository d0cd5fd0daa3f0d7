package api_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/netfixture"
)

// netEnv serves the network fixture (testdata/wordpress-network.sql) in network mode.
type netEnv struct {
	t      *testing.T
	db     *repotest.Database
	server *api.Server
	now    time.Time
}

func newNetEnv(t *testing.T, opts ...envOption) *netEnv {
	t.Helper()
	db := repotest.NewDatabase(t)
	db.LoadNetworkFixture(t)
	repo, err := repository.Open(repository.Config{DSN: db.DSN, TablePrefix: netfixture.BasePrefix, QueryTimeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { repo.Close() })
	_, raw := loadSpec(t)
	now := netfixture.Today.Add(12 * time.Hour)
	cfg := api.Config{Store: repo, Network: api.RepositoryNetwork(repo), JWTSecret: []byte(netfixture.Secret),
		OpenAPI: raw, Now: func() time.Time { return now }, Logger: testLogger}
	for _, o := range opts {
		o(&cfg)
	}
	srv, err := api.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return &netEnv{t: t, db: db, server: srv, now: now}
}

// token is a token site issues to user, as the JWT plugin on that site would.
func (e *netEnv) token(site netfixture.Site, user netfixture.User) string {
	e.t.Helper()
	tok, err := auth.IssueToken([]byte(netfixture.Secret), auth.TokenParams{
		Issuer: site.Home, UserID: user.ID, IssuedAt: e.now, TTL: time.Hour,
	})
	if err != nil {
		e.t.Fatal(err)
	}
	return tok
}

// do sends a request for host and target (a path under a site's path) and checks the
// answer against openapi.yaml, as the route under the site's path.
func (e *netEnv) do(method, host, sitePath, target, authorization, body string) *httptest.ResponseRecorder {
	e.t.Helper()
	full := strings.TrimSuffix(sitePath, "/") + target
	req := httptest.NewRequest(method, full, strings.NewReader(body))
	req.Host = host
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	rec := httptest.NewRecorder()
	e.server.ServeHTTP(rec, req)
	// The contract states the routes at the server's root; a site's are under its path.
	spec := httptest.NewRequest(method, target, nil)
	spec.Host = host
	spec.Header = req.Header
	validate(e.t, spec, rec)
	return rec
}

func (e *netEnv) get(site netfixture.Site, target, authorization string) *httptest.ResponseRecorder {
	e.t.Helper()
	return e.do(http.MethodGet, netfixture.Domain, site.Path, target, authorization, "")
}

const allDays = "/wp-json/kchat/v1/interactions/summary?period=yearly&start=2026-01-01&end=2026-12-02"

func TestNetworkSiteByPath(t *testing.T) {
	e := newNetEnv(t)
	for _, site := range []netfixture.Site{netfixture.Main, netfixture.Shop, netfixture.News, netfixture.Docs} {
		rec := e.get(site, allDays, "Bearer "+e.token(site, netfixture.NetAdmin))
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", site.Path, rec.Code, rec.Body)
		}
		got := decode[struct {
			Total    int64  `json:"total"`
			Timezone string `json:"timezone"`
		}](t, rec)
		zone := site.TimezoneString
		if zone == "" {
			zone = "-03:00" // Docs: gmt_offset -3, as the summaries name an offset
		}
		if got.Total != int64(site.Total) || got.Timezone != zone {
			t.Errorf("%s: total %d in %q, want %d in %q", site.Path, got.Total, got.Timezone, site.Total, zone)
		}
	}
}

func TestNetworkDefaultsAreTheSite(t *testing.T) {
	e := newNetEnv(t)
	// Shop reports monthly by default; its week starts on Sunday.
	rec := e.get(netfixture.Shop, "/wp-json/kchat/v1/interactions/summary", "Bearer "+e.token(netfixture.Shop, netfixture.ShopAdmin))
	if got := decode[struct {
		Period string `json:"period"`
	}](t, rec); rec.Code != http.StatusOK || got.Period != "monthly" {
		t.Errorf("Shop's default period: %d %+v", rec.Code, got)
	}
}

func TestNetworkNoSite(t *testing.T) {
	e := newNetEnv(t)
	tok := "Bearer " + e.token(netfixture.Main, netfixture.NetAdmin)
	for _, c := range []struct{ name, host, path string }{
		{"UnknownHost", "elsewhere.example.test", "/wp-json/kchat/v1/interactions/summary"},
		{"UnknownHostIndex", "elsewhere.example.test", "/wp-json/"},
		{"NoHost", "", "/wp-json/kchat/v1/interactions/summary"},
		// Not a site: WordPress serves the main site, which has no such route.
		{"UnknownPrefix", netfixture.Domain, "/nosuch/wp-json/kchat/v1/interactions/summary"},
		{"DroppedSegment", netfixture.Domain, "//shop/wp-json/kchat/v1/interactions/summary"},
	} {
		t.Run(c.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.URL = &url.URL{Path: c.path}
			req.RequestURI = c.path
			req.Host = c.host
			req.Header.Set("Authorization", tok)
			rec := httptest.NewRecorder()
			e.server.ServeHTTP(rec, req)
			wantWPError(t, rec, http.StatusNotFound, "rest_no_route")
		})
	}
	t.Run("ProbesOnAnyHost", func(t *testing.T) {
		req := httptest.NewRequest(http.MethodGet, "/healthz", nil)
		req.Host = "127.0.0.1:8080"
		rec := httptest.NewRecorder()
		e.server.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Errorf("/healthz on another host: %d %s", rec.Code, rec.Body)
		}
	})
}

func TestNetworkWhoMayRead(t *testing.T) {
	e := newNetEnv(t)
	summary := "/wp-json/kchat/v1/interactions/summary"
	for _, c := range []struct {
		user   netfixture.User
		site   netfixture.Site
		status int
	}{
		{netfixture.ShopAdmin, netfixture.Shop, http.StatusOK},
		{netfixture.ShopAdmin, netfixture.Main, http.StatusForbidden},
		{netfixture.ShopAdmin, netfixture.News, http.StatusForbidden},
		{netfixture.NetAdmin, netfixture.Main, http.StatusOK},
		{netfixture.NetAdmin, netfixture.Shop, http.StatusOK},
		{netfixture.NetAdmin, netfixture.Docs, http.StatusOK},
		{netfixture.SuperHelper, netfixture.Main, http.StatusOK},
		{netfixture.SuperHelper, netfixture.Shop, http.StatusOK},
		{netfixture.SuperHelper, netfixture.News, http.StatusOK},
		{netfixture.NewsEditor, netfixture.News, http.StatusForbidden},
		{netfixture.Reader, netfixture.Shop, http.StatusForbidden},
	} {
		rec := e.get(c.site, summary, "Bearer "+e.token(c.site, c.user))
		if rec.Code != c.status {
			t.Errorf("%s on %s: %d, want %d (%s)", c.user.Login, c.site.Path, rec.Code, c.status, rec.Body)
		}
	}
	// The capability answer of one site is not reused on another (the cache is per site).
	if rec := e.get(netfixture.Main, summary, "Bearer "+e.token(netfixture.Main, netfixture.ShopAdmin)); rec.Code != http.StatusForbidden {
		t.Errorf("shopadmin on / after /shop/: %d", rec.Code)
	}
}

func TestNetworkTokensPerSite(t *testing.T) {
	e := newNetEnv(t)
	login := func(site netfixture.Site, user netfixture.User) *httptest.ResponseRecorder {
		body, _ := json.Marshal(map[string]string{"username": user.Login, "password": user.Password})
		return e.do(http.MethodPost, netfixture.Domain, site.Path, tokenPath, "", string(body))
	}
	rec := login(netfixture.Shop, netfixture.ShopAdmin)
	if rec.Code != http.StatusOK {
		t.Fatalf("shopadmin's login under /shop/: %d %s", rec.Code, rec.Body)
	}
	shopToken := decode[tokenResponse](t, rec).Token
	if iss := tokenIssuer(t, shopToken); iss != netfixture.Shop.Home {
		t.Errorf("iss of a token issued under /shop/: %q, want %q", iss, netfixture.Shop.Home)
	}
	summary := "/wp-json/kchat/v1/interactions/summary"
	if rec := e.get(netfixture.Shop, summary, "Bearer "+shopToken); rec.Code != http.StatusOK {
		t.Errorf("Shop's token on /shop/: %d %s", rec.Code, rec.Body)
	}
	// A super admin's token is per site too.
	rec = login(netfixture.Shop, netfixture.NetAdmin)
	netToken := decode[tokenResponse](t, rec).Token
	wantWPError(t, e.get(netfixture.News, summary, "Bearer "+netToken), http.StatusUnauthorized, "jwt_auth_bad_iss")
	wantWPError(t, e.get(netfixture.Main, summary, "Bearer "+netToken), http.StatusUnauthorized, "jwt_auth_bad_iss")
	// shopadmin may not log in where it administers nothing.
	wantWPError(t, login(netfixture.Main, netfixture.ShopAdmin), http.StatusForbidden, "rest_forbidden")
}

// tokenIssuer reads a token's iss without checking it.
func tokenIssuer(t *testing.T, token string) string {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("not a JWT: %q", token)
	}
	var claims struct {
		Iss string `json:"iss"`
	}
	payload, err := decodeBase64URL(parts[1])
	if err != nil || json.Unmarshal(payload, &claims) != nil {
		t.Fatalf("token payload: %v", err)
	}
	return claims.Iss
}

func TestNetworkSiteWithoutChatbot(t *testing.T) {
	e := newNetEnv(t)
	rec := e.get(netfixture.Labs, "/wp-json/kchat/v1/interactions/summary", "Bearer "+e.token(netfixture.Labs, netfixture.NetAdmin))
	wantWPError(t, rec, http.StatusServiceUnavailable, "kchat_table_missing")
}

func TestNetworkIndexAndContractPerSite(t *testing.T) {
	e := newNetEnv(t)
	rec := e.get(netfixture.Shop, "/wp-json/", "")
	if got := decode[struct {
		URL string `json:"url"`
	}](t, rec); rec.Code != http.StatusOK || got.URL != netfixture.Shop.Home {
		t.Errorf("/shop/wp-json/: %d, url %q, want %q", rec.Code, got.URL, netfixture.Shop.Home)
	}
	rec = e.get(netfixture.Shop, "/openapi.yaml", "")
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "\nservers:\n  - url: /shop/\n") {
		t.Errorf("/shop/openapi.yaml: %d, servers not /shop/", rec.Code)
	}
	_, raw := loadSpec(t)
	if rec := e.get(netfixture.Main, "/openapi.yaml", ""); rec.Body.String() != string(raw) {
		t.Errorf("the main site's /openapi.yaml is not the contract as it is")
	}
}

func decodeBase64URL(s string) ([]byte, error) { return base64.RawURLEncoding.DecodeString(s) }

// ms_site_check(): a site archived, spammed, deleted or not activated stops everyone but
// super admins.
func TestNetworkSiteUnavailable(t *testing.T) {
	for _, c := range []struct{ name, set, message string }{
		{"Archived", "archived = 1", "This site has been archived or suspended."},
		{"Spam", "spam = 1", "This site has been archived or suspended."},
		{"Deleted", "deleted = 1", "This site is no longer available."},
		{"NotActivated", "deleted = 2", "This site has not been activated yet."},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newNetEnv(t)
			e.db.Exec(t, "UPDATE wp_blogs SET "+c.set+" WHERE blog_id = 2")
			summary := "/wp-json/kchat/v1/interactions/summary"
			got := wantWPError(t, e.get(netfixture.Shop, summary, "Bearer "+e.token(netfixture.Shop, netfixture.ShopAdmin)), http.StatusGone, "kchat_site_unavailable")
			if got.Message != c.message {
				t.Errorf("message %q, want %q", got.Message, c.message)
			}
			body, _ := json.Marshal(map[string]string{"username": netfixture.ShopAdmin.Login, "password": netfixture.ShopAdmin.Password})
			wantWPError(t, e.do(http.MethodPost, netfixture.Domain, netfixture.Shop.Path, tokenPath, "", string(body)), http.StatusGone, "kchat_site_unavailable")
			if rec := e.get(netfixture.Shop, summary, "Bearer "+e.token(netfixture.Shop, netfixture.SuperHelper)); rec.Code != http.StatusOK {
				t.Errorf("a super admin on the %s site: %d %s", c.name, rec.Code, rec.Body)
			}
			if rec := e.get(netfixture.News, summary, "Bearer "+e.token(netfixture.News, netfixture.NetAdmin)); rec.Code != http.StatusOK {
				t.Errorf("another site: %d", rec.Code)
			}
		})
	}
}

// Application passwords are network-wide user meta; what they admit to is per site.
func TestNetworkApplicationPassword(t *testing.T) {
	e := newNetEnv(t)
	header := basic(netfixture.ShopAdmin.Login, netfixture.AppPassword)
	summary := "/wp-json/kchat/v1/interactions/summary"
	if rec := e.get(netfixture.Shop, summary, header); rec.Code != http.StatusOK {
		t.Errorf("shopadmin's application password on /shop/: %d %s", rec.Code, rec.Body)
	}
	wantWPError(t, e.get(netfixture.Main, summary, header), http.StatusForbidden, "rest_forbidden")
}

// CORS grants the origins of the request's site's home and siteurl (a subdomain
// network's sites each have their own).
func TestNetworkCORSPerSite(t *testing.T) {
	e := newNetEnv(t)
	e.db.Exec(t, "UPDATE wp_2_options SET option_value = 'http://shop.example.test' WHERE option_name IN ('home', 'siteurl')")
	origin := "http://shop.example.test"
	preflight := func(site netfixture.Site) string {
		req := httptest.NewRequest(http.MethodOptions, strings.TrimSuffix(site.Path, "/")+"/wp-json/kchat/v1/interactions/summary", nil)
		req.Host = netfixture.Domain
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", http.MethodGet)
		rec := httptest.NewRecorder()
		e.server.ServeHTTP(rec, req)
		return rec.Header().Get("Access-Control-Allow-Origin")
	}
	if got := preflight(netfixture.Shop); got != origin {
		t.Errorf("Shop's origin on /shop/: Access-Control-Allow-Origin %q", got)
	}
	if got := preflight(netfixture.Main); got != "" {
		t.Errorf("Shop's origin on /: Access-Control-Allow-Origin %q, want none", got)
	}
}

// failingNetwork is a network whose database does not answer.
type failingNetwork struct{ sites api.Network }

func (n failingNetwork) SiteStore(blogID int) api.Store { return n.sites.SiteStore(blogID) }

func (failingNetwork) Network(context.Context) (repository.Network, error) {
	return repository.Network{}, fmt.Errorf("reading the network: %w", repository.ErrUnavailable)
}

// While the network's sites cannot be read, requests answer 503; the probes still answer.
func TestNetworkUnreadable(t *testing.T) {
	e := newNetEnv(t, func(c *api.Config) { c.Network = failingNetwork{c.Network} })
	rec := e.get(netfixture.Shop, "/wp-json/kchat/v1/interactions/summary", "Bearer "+e.token(netfixture.Shop, netfixture.ShopAdmin))
	wantWPError(t, rec, http.StatusServiceUnavailable, "kchat_db_unavailable")
	if rec := e.get(netfixture.Main, "/healthz", ""); rec.Code != http.StatusOK {
		t.Errorf("/healthz: %d", rec.Code)
	}
}

// The login limits count across the network: guesses under three sites' paths are one
// address's guesses at one account.
func TestNetworkLoginLimitsAcrossSites(t *testing.T) {
	e := newNetEnv(t, func(c *api.Config) {
		c.LoginLimits = auth.LoginLimits{MaxPerAddress: 20, MaxPerUsername: 3, SlowAfter: 10, SlowDelay: time.Millisecond, Window: 15 * time.Minute}
	})
	login := func(site netfixture.Site, password string) *httptest.ResponseRecorder {
		body, _ := json.Marshal(map[string]string{"username": netfixture.ShopAdmin.Login, "password": password})
		return e.do(http.MethodPost, netfixture.Domain, site.Path, tokenPath, "", string(body))
	}
	for _, site := range []netfixture.Site{netfixture.Main, netfixture.Shop, netfixture.News} {
		wantWPError(t, login(site, "guess"), http.StatusForbidden, "[jwt_auth] incorrect_password")
	}
	wantWPError(t, login(netfixture.Shop, netfixture.ShopAdmin.Password), http.StatusTooManyRequests, "kchat_too_many_attempts")
}

// A network's request is logged with its path as sent and its site.
func TestNetworkRequestLog(t *testing.T) {
	var logs repotest.Buffer
	e := newNetEnv(t, func(c *api.Config) { c.Logger = slog.New(slog.NewJSONHandler(&logs, nil)) })
	e.get(netfixture.Shop, "/wp-json/", "")
	var line map[string]any
	if err := json.Unmarshal([]byte(strings.TrimSpace(logs.String())), &line); err != nil {
		t.Fatalf("%v: %s", err, logs.String())
	}
	if line["path"] != "/shop/wp-json/" || line["blog_id"] != float64(2) || line["route"] != "/wp-json/" {
		t.Errorf("log line %v", line)
	}
}

// In network mode the network totals live under the main site only: under another site's
// path they do not exist, whoever asks.
func TestNetworkTotalsUnderTheMainSiteOnly(t *testing.T) {
	e := newNetEnv(t)
	totals := "/wp-json/kchat/v1/network/interactions/summary"
	if rec := e.get(netfixture.Main, totals, "Bearer "+e.token(netfixture.Main, netfixture.SuperHelper)); rec.Code != http.StatusOK {
		t.Errorf("a super admin on /: %d (%s)", rec.Code, rec.Body)
	}
	if rec := e.get(netfixture.Main, totals, "Bearer "+e.token(netfixture.Main, netfixture.ShopAdmin)); rec.Code != http.StatusForbidden {
		t.Errorf("shopadmin on /: %d, want 403", rec.Code)
	}
	for _, site := range []netfixture.Site{netfixture.Shop, netfixture.News} {
		if rec := e.get(site, totals, "Bearer "+e.token(site, netfixture.NetAdmin)); rec.Code != http.StatusNotFound {
			t.Errorf("a super admin under %s: %d, want 404 (%s)", site.Path, rec.Code, rec.Body)
		}
	}
}

// The explorer under a site's path loads its files and that site's contract from under
// the same path.
func TestNetworkDocsPerSite(t *testing.T) {
	e := newNetEnv(t)
	page := e.get(netfixture.Shop, "/docs", "").Body.String()
	for _, want := range []string{`href="/shop/docs/swagger-ui.css"`, `src="/shop/docs/swagger-ui-bundle.js"`, `src="/shop/docs/init.js"`} {
		if !strings.Contains(page, want) {
			t.Errorf("/shop/docs does not hold %s", want)
		}
	}
	if init := e.get(netfixture.Shop, "/docs/init.js", "").Body.String(); !strings.Contains(init, `url: "/shop/openapi.yaml"`) {
		t.Errorf("/shop/docs/init.js does not load /shop/'s contract")
	}
	// (The main site's /docs is the fixture's Docs site, as WordPress would choose it;
	// TestDocs covers the explorer at the root.)
	if init := e.get(netfixture.News, "/docs/init.js", "").Body.String(); !strings.Contains(init, `url: "/news/openapi.yaml"`) {
		t.Errorf("/news/docs/init.js does not load /news/'s contract")
	}
}

// /metrics reports the network's site caches as totals: sites kept, bytes held, the
// budget, and evictions by count and by bytes.
func TestNetworkCacheMetrics(t *testing.T) {
	read := func(e *netEnv, site netfixture.Site) {
		t.Helper()
		for _, route := range []string{"/wp-json/kchat/v1/conversations/summary", "/wp-json/kchat/v1/insights"} {
			if rec := e.get(site, route, "Bearer "+e.token(site, netfixture.NetAdmin)); rec.Code != http.StatusOK {
				t.Fatalf("%s%s: %d %s", site.Path, route, rec.Code, rec.Body)
			}
		}
	}
	scrape := func(e *netEnv) string { return e.get(netfixture.Main, "/metrics", "").Body.String() }
	t.Run("ByCount", func(t *testing.T) {
		e := newNetEnv(t, func(c *api.Config) { c.MaxSites = 1 })
		read(e, netfixture.Shop)
		text := scrape(e)
		if got := metricValue(t, text, "kchat_network_cache_bytes"); got < 16<<10 {
			t.Errorf("the Shop's caches after reading its log: %v bytes", got)
		}
		if got := metricValue(t, text, "kchat_network_cache_budget_bytes"); got != api.DefaultSiteCacheBytes {
			t.Errorf("budget %v, want the default %d", got, api.DefaultSiteCacheBytes)
		}
		read(e, netfixture.News)
		text = scrape(e)
		for series, want := range map[string]float64{"kchat_network_sites_cached": 1,
			`kchat_network_site_evictions_total{reason="count"}`: 1, `kchat_network_site_evictions_total{reason="bytes"}`: 0} {
			if got := metricValue(t, text, series); got != want {
				t.Errorf("%s %v, want %v", series, got, want)
			}
		}
	})
	t.Run("ByBytes", func(t *testing.T) {
		e := newNetEnv(t, func(c *api.Config) { c.SiteCacheBytes = 1 })
		read(e, netfixture.Shop)
		read(e, netfixture.News) // the Shop goes; the News, used last, stays over the budget
		text := scrape(e)
		for series, want := range map[string]float64{"kchat_network_sites_cached": 1,
			`kchat_network_site_evictions_total{reason="count"}`: 0, `kchat_network_site_evictions_total{reason="bytes"}`: 1} {
			if got := metricValue(t, text, series); got != want {
				t.Errorf("%s %v, want %v", series, got, want)
			}
		}
	})
}

// Requests for several sites at once, with room for one site's caches and one byte
// (go test -race): every site's answers stay its own while states come and go.
func TestNetworkCacheConcurrent(t *testing.T) {
	e := newNetEnv(t, func(c *api.Config) { c.MaxSites, c.SiteCacheBytes = 1, 1 })
	sites := []netfixture.Site{netfixture.Main, netfixture.Shop, netfixture.News}
	routes := []string{"/wp-json/kchat/v1/conversations/summary", "/wp-json/kchat/v1/insights", allDays}
	tokens := map[int]string{}
	want := map[string]string{} // each site's answers, read one at a time
	for _, site := range sites {
		tokens[site.BlogID] = "Bearer " + e.token(site, netfixture.NetAdmin)
		for _, route := range routes {
			rec := e.get(site, route, tokens[site.BlogID])
			if rec.Code != http.StatusOK {
				t.Fatalf("%s%s: %d %s", site.Path, route, rec.Code, rec.Body)
			}
			want[site.Path+route] = rec.Body.String()
		}
	}
	var wg sync.WaitGroup
	for g := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 30 {
				site, route := sites[(g+i)%len(sites)], routes[i%len(routes)]
				req := httptest.NewRequest(http.MethodGet, strings.TrimSuffix(site.Path, "/")+route, nil)
				req.Host = netfixture.Domain
				req.Header.Set("Authorization", tokens[site.BlogID])
				rec := httptest.NewRecorder()
				e.server.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK || rec.Body.String() != want[site.Path+route] {
					t.Errorf("%s%s at once: %d, the answer differs from the site's own: %t", site.Path, route, rec.Code, rec.Body.String() != want[site.Path+route])
				}
			}
		}()
	}
	wg.Wait()
	text := e.get(netfixture.Main, "/metrics", "").Body.String()
	if got := metricValue(t, text, "kchat_network_sites_cached"); got != 1 {
		t.Errorf("%v sites cached after the requests ended, want 1", got)
	}
}
