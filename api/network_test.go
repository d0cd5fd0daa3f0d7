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
	got := wantWPError(t, rec, http.StatusServiceUnavailable, "kchat_table_missing")
	// Nothing is wrong with the sidecar's settings (KCHAT_BLOG_ID would even end
	// network mode): the chatbot never ran on this site.
	if !strings.Contains(got.Message, netfixture.Labs.Prefix+"chatbot_chatgpt_interactions") || !strings.Contains(got.Message, netfixture.Labs.Path) ||
		strings.Contains(got.Message, "blog id") || strings.Contains(got.Message, "prefix") {
		t.Errorf("a network site without the chatbot's table: %q", got.Message)
	}
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

// addSecondNetwork adds network 2 to the fixture, as WP Multi Network would: its main
// site (blog 6) at other.example.test/ with the chatbot's table (7 interactions) and a
// subdirectory site (blog 7) /blog/ without it; shopadmin is its one super admin. Its
// subdomain_install says 1 where network 1's says 0: WordPress goes by one
// SUBDOMAIN_INSTALL for all (is_subdomain_install()), so it changes nothing.
func addSecondNetwork(t *testing.T, db *repotest.Database) {
	t.Helper()
	for _, q := range []string{
		"INSERT INTO wp_site (id, domain, path) VALUES (2, 'other.example.test', '/')",
		`INSERT INTO wp_sitemeta (site_id, meta_key, meta_value) VALUES (2, 'site_admins', 'a:1:{i:0;s:9:"shopadmin";}'), (2, 'subdomain_install', '1')`,
		`INSERT INTO wp_blogs (blog_id, site_id, domain, path, registered, last_updated) VALUES
			(6, 2, 'other.example.test', '/', NOW(), NOW()), (7, 2, 'other.example.test', '/blog/', NOW(), NOW())`,
	} {
		db.Exec(t, q)
	}
	for _, id := range []string{"6", "7"} {
		db.Exec(t, "CREATE TABLE wp_"+id+"_options LIKE wp_2_options")
		db.Exec(t, "INSERT INTO wp_"+id+"_options SELECT * FROM wp_2_options")
	}
	db.Exec(t, "UPDATE wp_6_options SET option_value = 'http://other.example.test' WHERE option_name IN ('home', 'siteurl')")
	db.Exec(t, "UPDATE wp_6_options SET option_value = 'Other' WHERE option_name = 'blogname'")
	db.Exec(t, "UPDATE wp_7_options SET option_value = 'http://other.example.test/blog' WHERE option_name IN ('home', 'siteurl')")
	db.Exec(t, "UPDATE wp_7_options SET option_value = 'Other Blog' WHERE option_name = 'blogname'")
	db.Exec(t, "CREATE TABLE wp_6_chatbot_chatgpt_interactions LIKE wp_2_chatbot_chatgpt_interactions")
	db.Exec(t, "INSERT INTO wp_6_chatbot_chatgpt_interactions (date, count) VALUES ('2026-12-01', 3), ('2026-12-02', 4)")
}

// Several networks in one database: each network's sites are chosen on its domain, its
// super admins are its own, and its main site serves the network routes for its sites.
func TestNetworkSecondNetwork(t *testing.T) {
	e := newNetEnv(t)
	addSecondNetwork(t, e.db)
	other := netfixture.Site{BlogID: 6, Path: "/", Home: "http://other.example.test"}
	otherBlog := netfixture.Site{BlogID: 7, Path: "/blog/", Home: "http://other.example.test/blog"}
	get := func(host string, site netfixture.Site, target string, user netfixture.User) *httptest.ResponseRecorder {
		t.Helper()
		return e.do(http.MethodGet, host, site.Path, target, "Bearer "+e.token(site, user), "")
	}
	summary := "/wp-json/kchat/v1/interactions/summary?start=2026-12-01&end=2026-12-02"
	rec := get("other.example.test", other, summary, netfixture.ShopAdmin)
	if got := decode[struct {
		Total int64 `json:"total"`
	}](t, rec); rec.Code != http.StatusOK || got.Total != 7 {
		t.Errorf("network 2's main site as its super admin: %d %s", rec.Code, rec.Body)
	}
	// Network 1's super admins are nobody on network 2.
	wantWPError(t, get("other.example.test", other, summary, netfixture.NetAdmin), http.StatusForbidden, "rest_forbidden")
	// /blog/ is a site of network 2 (no chatbot table), /shop/ still network 1's.
	wantWPError(t, get("other.example.test", otherBlog, summary, netfixture.ShopAdmin), http.StatusServiceUnavailable, "kchat_table_missing")
	if rec := get(netfixture.Domain, netfixture.Shop, summary, netfixture.ShopAdmin); rec.Code != http.StatusOK {
		t.Errorf("/shop/ on network 1: %d %s", rec.Code, rec.Body)
	}

	rec = get("other.example.test", other, "/wp-json/kchat/v1/network/interactions/summary?start=2026-12-01&end=2026-12-02", netfixture.ShopAdmin)
	got := decode[struct {
		Total int64 `json:"total"`
		Sites []struct {
			BlogID int    `json:"blog_id"`
			Name   string `json:"name"`
		} `json:"sites"`
	}](t, rec)
	if rec.Code != http.StatusOK || got.Total != 7 || len(got.Sites) != 2 || got.Sites[0].BlogID != 6 || got.Sites[0].Name != "Other" || got.Sites[1].BlogID != 7 {
		t.Errorf("network 2's totals: %d %s", rec.Code, rec.Body)
	}
	export := get("other.example.test", other, "/wp-json/kchat/v1/network/interactions/export", netfixture.ShopAdmin)
	if want := "blog_id,path,date,count\r\n6,/,2026-12-01,3\r\n6,/,2026-12-02,4\r\n"; export.Code != http.StatusOK || export.Body.String() != want {
		t.Errorf("network 2's export: %d %q", export.Code, export.Body)
	}
	wantWPError(t, get("other.example.test", other, "/wp-json/kchat/v1/network/interactions/summary", netfixture.NetAdmin), http.StatusForbidden, "rest_forbidden")
	wantWPError(t, get("other.example.test", otherBlog, "/wp-json/kchat/v1/network/interactions/summary", netfixture.ShopAdmin), http.StatusNotFound, "rest_no_route")
	// A site's path on the other network's domain is no site there: the main site's
	// path, with no such route (a URL the contract does not describe, so not validated).
	for _, c := range []struct {
		host string
		site netfixture.Site
	}{{"other.example.test", netfixture.Shop}, {netfixture.Domain, otherBlog}} {
		req := httptest.NewRequest(http.MethodGet, strings.TrimSuffix(c.site.Path, "/")+summary, nil)
		req.Host = c.host
		req.Header.Set("Authorization", "Bearer "+e.token(c.site, netfixture.ShopAdmin))
		rec := httptest.NewRecorder()
		e.server.ServeHTTP(rec, req)
		wantWPError(t, rec, http.StatusNotFound, "rest_no_route")
	}
	// The index lists the network routes under network 2's main site only.
	for _, c := range []struct {
		site netfixture.Site
		want bool
	}{{other, true}, {otherBlog, false}} {
		index := decode[struct {
			Routes map[string]any `json:"routes"`
		}](t, e.do(http.MethodGet, "other.example.test", c.site.Path, "/wp-json/kchat/v1", "", ""))
		if _, ok := index.Routes["/kchat/v1/network/interactions/summary"]; ok != c.want {
			t.Errorf("the index under other.example.test%s lists the network routes: %v", c.site.Path, ok)
		}
	}
	// Network 1's totals list network 1's sites only.
	rec = get(netfixture.Domain, netfixture.Main, "/wp-json/kchat/v1/network/interactions/summary", netfixture.NetAdmin)
	if rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), `"blog_id":6`) || strings.Contains(rec.Body.String(), `"blog_id":7`) {
		t.Errorf("network 1's totals: %d %s", rec.Code, rec.Body)
	}
}

// What the network routes answer, status by status, as openapi.yaml states it: 410 only
// on the main site, archived, spam or deleted, to a signed-in user who is not a super
// admin (super admins pass ms_site_check(); without a token it is 401 first); under any
// other site's path 404 before the token or the site's flags are looked at; 503 while
// the network cannot be read.
func TestNetworkTotalsStatuses(t *testing.T) {
	routes := []string{"/wp-json/kchat/v1/network/interactions/summary", "/wp-json/kchat/v1/network/interactions/export"}
	e := newNetEnv(t)
	e.db.Exec(t, "UPDATE wp_blogs SET archived = 1 WHERE blog_id IN (1, 2)")
	// Reader becomes an administrator of the main site, without being a super admin.
	e.db.Exec(t, `UPDATE wp_usermeta SET meta_value = 'a:1:{s:13:"administrator";b:1;}' WHERE user_id = ? AND meta_key = 'wp_capabilities'`,
		netfixture.Reader.ID)
	for _, route := range routes {
		wantWPError(t, e.get(netfixture.Main, route, "Bearer "+e.token(netfixture.Main, netfixture.Reader)), http.StatusGone, "kchat_site_unavailable")
		wantWPError(t, e.get(netfixture.Main, route, "Bearer "+e.token(netfixture.Main, netfixture.ShopAdmin)), http.StatusForbidden, "rest_forbidden")
		wantWPError(t, e.get(netfixture.Main, route, ""), http.StatusUnauthorized, "rest_not_logged_in")
		if rec := e.get(netfixture.Main, route, "Bearer "+e.token(netfixture.Main, netfixture.NetAdmin)); rec.Code != http.StatusOK {
			t.Errorf("%s on the archived main site as a super admin: %d", route, rec.Code)
		}
		for _, user := range []netfixture.User{netfixture.NetAdmin, netfixture.ShopAdmin} {
			wantWPError(t, e.get(netfixture.Shop, route, "Bearer "+e.token(netfixture.Shop, user)), http.StatusNotFound, "rest_no_route")
		}
		wantWPError(t, e.get(netfixture.News, route, ""), http.StatusNotFound, "rest_no_route")
	}
	down := newNetEnv(t, func(c *api.Config) { c.Network = failingNetwork{c.Network} })
	for _, route := range routes {
		wantWPError(t, down.get(netfixture.Main, route, "Bearer "+down.token(netfixture.Main, netfixture.NetAdmin)), http.StatusServiceUnavailable, "kchat_db_unavailable")
	}
}

// hostileCase is a request an attacker might craft against a network: the Host, the
// request-target as sent, an X-Forwarded-Host, the site whose token it carries, and the
// site whose data it must get (nil: none, 404 rest_no_route).
type hostileCase struct {
	name, host, target, forwardedHost string
	token                             netfixture.Site
	want                              *netfixture.Site
}

// Hostile hosts and paths never reach another site's data, nor the main site's network
// routes under another path. Where WordPress serves more (it decodes and trims what the
// sidecar routes as sent) the sidecar answers 404; see the comments.
func TestNetworkHostilePaths(t *testing.T) {
	e := newNetEnv(t)
	main, shop := netfixture.Main, netfixture.Shop
	const d = netfixture.Domain
	summary := "/wp-json/kchat/v1/interactions/summary?period=yearly&start=2026-01-01&end=2026-12-02"
	network := "/wp-json/kchat/v1/network/interactions/summary"
	for _, c := range []hostileCase{
		{name: "Plain", host: d, target: "/shop" + summary, token: shop, want: &shop},
		// WordPress compares paths without case (the collation; the home path's regex has i).
		{name: "PathCase", host: d, target: "/SHOP" + summary, token: shop, want: &shop},
		{name: "HostCase", host: "NETWORK.Example.test", target: "/shop" + summary, token: shop, want: &shop},
		{name: "DefaultPort", host: d + ":80", target: "/shop" + summary, token: shop, want: &shop},
		{name: "WWW", host: "www." + d, target: "/shop" + summary, token: shop, want: &shop},
		// WordPress matches %73hop against no site: the main site, which has no such route.
		{name: "EncodedSitePath", host: d, target: "/%73hop" + summary, token: shop},
		{name: "EncodedSitePathMainToken", host: d, target: "/%73hop" + summary, token: main},
		{name: "EncodedSlash", host: d, target: "/shop%2Fwp-json/kchat/v1/interactions/summary", token: shop},
		// WordPress would serve these (it trims slashes and decodes rest_route); the
		// sidecar routes the path as sent: nothing.
		{name: "EncodedRoute", host: d, target: "/shop/wp-json/%6Bchat/v1/interactions/summary", token: shop},
		{name: "DoubleSlashRoot", host: d, target: "/" + summary, token: main},
		{name: "DoubleSlashSite", host: d, target: "/shop/" + summary, token: shop},
		{name: "LeadingDoubleSlash", host: d, target: "//shop" + summary, token: shop},
		// Dot segments are not resolved by WordPress either (proxy_pass passes them as sent).
		{name: "DotDotOutOfSite", host: d, target: "/shop/.." + summary, token: main},
		{name: "DotDotIntoSite", host: d, target: "/news/../shop" + summary, token: shop},
		{name: "Dot", host: d, target: "/./shop" + summary, token: shop},
		{name: "EncodedDotDot", host: d, target: "/shop/%2e%2e" + summary, token: main},
		// A site's path that begins another's: /shopping/ is no site, so the main site's.
		{name: "LongerSegment", host: d, target: "/shopping" + summary, token: shop},
		{name: "ShorterSegment", host: d, target: "/sho" + summary, token: shop},
		{name: "GluedSegment", host: d, target: "/shopwp-json/kchat/v1/interactions/summary", token: shop},
		// Hosts: WordPress strips only :80 and :443 and nothing else; it redirects a
		// domain of no site to the network, the sidecar answers 404.
		{name: "TrailingDot", host: d + ".", target: "/shop" + summary, token: shop},
		{name: "OtherPort", host: d + ":8080", target: "/shop" + summary, token: shop},
		{name: "IPv6", host: "[::1]:8080", target: "/shop" + summary, token: shop},
		{name: "IPv4", host: "127.0.0.1", target: "/shop" + summary, token: shop},
		{name: "EmptyHost", host: "", target: "/shop" + summary, token: shop},
		// X-Forwarded-Host is not believed: the proxy passes the Host (README).
		{name: "ForwardedHostIgnored", host: "elsewhere.example.test", forwardedHost: d, target: "/shop" + summary, token: shop},
		{name: "ForwardedHostNoOverride", host: d, forwardedHost: "elsewhere.example.test", target: "/shop" + summary, token: shop, want: &shop},
		// The network routes exist under the main site only, however it is spelled.
		{name: "NetworkUnderSite", host: d, target: "/shop" + network, token: shop},
		{name: "NetworkUnderSiteCase", host: d, target: "/SHOP" + network, token: shop},
		{name: "NetworkDotDot", host: d, target: "/shop/.." + network, token: main},
		{name: "NetworkDoubleSlash", host: d, target: "/" + network, token: main},
		{name: "NetworkEncoded", host: d, target: "/wp-json/kchat/v1/%6Eetwork/interactions/summary", token: main},
	} {
		t.Run(c.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, c.target, nil)
			req.Host = c.host
			if c.forwardedHost != "" {
				req.Header.Set("X-Forwarded-Host", c.forwardedHost)
			}
			req.Header.Set("Authorization", "Bearer "+e.token(c.token, netfixture.NetAdmin))
			rec := httptest.NewRecorder()
			e.server.ServeHTTP(rec, req)
			if c.want == nil {
				wantWPError(t, rec, http.StatusNotFound, "rest_no_route")
				return
			}
			got := decode[struct {
				Total int64 `json:"total"`
			}](t, rec)
			if rec.Code != http.StatusOK || got.Total != int64(c.want.Total) {
				t.Errorf("%d, total %d, want site %s's %d: %s", rec.Code, got.Total, c.want.Path, c.want.Total, rec.Body)
			}
		})
	}
}

// A site whose path begins another's (/shop/ and /shopping/) is a site of its own: each
// one's token reads only its own data.
func TestNetworkPrefixSites(t *testing.T) {
	e := newNetEnv(t)
	e.db.Exec(t, "INSERT INTO wp_blogs (blog_id, site_id, domain, path, registered, last_updated) VALUES (6, 1, ?, '/shopping/', NOW(), NOW())", netfixture.Domain)
	e.db.Exec(t, "CREATE TABLE wp_6_options LIKE wp_2_options")
	e.db.Exec(t, "INSERT INTO wp_6_options SELECT * FROM wp_2_options")
	e.db.Exec(t, "UPDATE wp_6_options SET option_value = 'http://network.example.test/shopping' WHERE option_name IN ('home', 'siteurl')")
	e.db.Exec(t, "CREATE TABLE wp_6_chatbot_chatgpt_interactions LIKE wp_2_chatbot_chatgpt_interactions")
	e.db.Exec(t, "INSERT INTO wp_6_chatbot_chatgpt_interactions (date, count) VALUES ('2026-12-02', 5)")
	shopping := netfixture.Site{BlogID: 6, Path: "/shopping/", Home: "http://network.example.test/shopping", Total: 5}
	shop := netfixture.Shop
	for _, c := range []struct {
		path        string
		token, want netfixture.Site
	}{
		{"/shopping/", shopping, shopping},
		{"/SHOPPING/", shopping, shopping},
		{"/shop/", shop, shop},
	} {
		rec := e.get(netfixture.Site{Path: c.path}, allDays, "Bearer "+e.token(c.token, netfixture.NetAdmin))
		got := decode[struct {
			Total int64 `json:"total"`
		}](t, rec)
		if rec.Code != http.StatusOK || got.Total != int64(c.want.Total) {
			t.Errorf("%s: %d, total %d, want %d", c.path, rec.Code, got.Total, c.want.Total)
		}
	}
	// Each site's token is refused on the other, a super admin's included.
	for _, c := range []struct{ path, token netfixture.Site }{{shop, shopping}, {shopping, shop}} {
		wantWPError(t, e.get(c.path, allDays, "Bearer "+e.token(c.token, netfixture.NetAdmin)), http.StatusUnauthorized, "jwt_auth_bad_iss")
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

// WordPress chooses the sites by wp-config.php's SUBDOMAIN_INSTALL where it is defined
// (Config.SubdomainInstall), not by the stored subdomain_install. On two networks the
// choice shows: a site of network 2 moved to a domain of no network is found by its
// domain on a subdomain install, and on a subdirectory install no network is found.
func TestNetworkSubdomainInstallConstant(t *testing.T) {
	yes, no := true, false
	for _, c := range []struct {
		name     string
		meta     string // network 1's subdomain_install; the fixture's is 0
		constant *bool
		found    bool
	}{
		{"MetaAlone", "0", nil, false},
		{"MetaAloneSubdomain", "1", nil, true},
		{"ConstantTrueWins", "0", &yes, true},
		{"ConstantFalseWins", "1", &no, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newNetEnv(t, func(cfg *api.Config) { cfg.SubdomainInstall = c.constant })
			addSecondNetwork(t, e.db)
			e.db.Exec(t, "UPDATE wp_sitemeta SET meta_value = ? WHERE site_id = 1 AND meta_key = 'subdomain_install'", c.meta)
			e.db.Exec(t, "UPDATE wp_blogs SET domain = 'blog.elsewhere.test', path = '/' WHERE blog_id = 7")
			// The index states no 404, so the answer is not validated against the contract.
			req := httptest.NewRequest(http.MethodGet, "/wp-json/kchat/v1", nil)
			req.Host = "blog.elsewhere.test"
			rec := httptest.NewRecorder()
			e.server.ServeHTTP(rec, req)
			if c.found && rec.Code != http.StatusOK {
				t.Errorf("blog.elsewhere.test: %d %s, want the site", rec.Code, rec.Body)
			} else if !c.found {
				wantWPError(t, rec, http.StatusNotFound, "rest_no_route")
			}
		})
	}
}

// A sidecar pinned to one site of a network (KCHAT_BLOG_ID, no network mode) stops it
// as ms_site_check() does when the site is archived, spam or deleted, for everyone but
// super admins; it reads the site's flags once per settings TTL.
func TestPinnedSiteUnavailable(t *testing.T) {
	db := repotest.NewDatabase(t)
	db.LoadNetworkFixture(t)
	repo, err := repository.Open(repository.Config{DSN: db.DSN, TablePrefix: netfixture.BasePrefix, BlogID: netfixture.Shop.BlogID, QueryTimeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { repo.Close() })
	_, raw := loadSpec(t)
	now := netfixture.Today.Add(12 * time.Hour)
	srv, err := api.New(api.Config{Store: repo, JWTSecret: []byte(netfixture.Secret), OpenAPI: raw, SettingsTTL: time.Minute,
		Now: func() time.Time { return now }, Logger: testLogger})
	if err != nil {
		t.Fatal(err)
	}
	e := &netEnv{t: t, db: db, server: srv, now: now}
	summary := "/wp-json/kchat/v1/interactions/summary"
	get := func(user netfixture.User) *httptest.ResponseRecorder {
		t.Helper()
		return e.do(http.MethodGet, netfixture.Domain, "/", summary, "Bearer "+e.token(netfixture.Shop, user), "")
	}
	if rec := get(netfixture.ShopAdmin); rec.Code != http.StatusOK {
		t.Fatalf("the live site: %d %s", rec.Code, rec.Body)
	}
	db.Exec(t, "UPDATE wp_blogs SET archived = 1 WHERE blog_id = 2")
	if rec := get(netfixture.ShopAdmin); rec.Code != http.StatusOK {
		t.Errorf("within the settings TTL: %d, want the flags read before", rec.Code)
	}
	now = now.Add(time.Minute)
	got := wantWPError(t, get(netfixture.ShopAdmin), http.StatusGone, "kchat_site_unavailable")
	if want := "This site has been archived or suspended."; got.Message != want {
		t.Errorf("message %q, want %q", got.Message, want)
	}
	body, _ := json.Marshal(map[string]string{"username": netfixture.ShopAdmin.Login, "password": netfixture.ShopAdmin.Password})
	wantWPError(t, e.do(http.MethodPost, netfixture.Domain, "/", tokenPath, "", string(body)), http.StatusGone, "kchat_site_unavailable")
	if rec := get(netfixture.SuperHelper); rec.Code != http.StatusOK {
		t.Errorf("a super admin: %d %s", rec.Code, rec.Body)
	}
}
