package api_test

import (
	"database/sql"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/netfixture"
)

const (
	netSummaryPath = "/wp-json/kchat/v1/network/interactions/summary"
	netExportPath  = "/wp-json/kchat/v1/network/interactions/export"
)

type netSite struct {
	BlogID       int    `json:"blog_id"`
	Path         string `json:"path"`
	Name         string `json:"name"`
	Home         string `json:"home"`
	Timezone     string `json:"timezone"`
	Total        *int64 `json:"total"`
	TableMissing bool   `json:"table_missing"`
	Archived     bool   `json:"archived"`
}

type netSummary struct {
	Start string    `json:"start"`
	End   string    `json:"end"`
	Total int64     `json:"total"`
	Sites []netSite `json:"sites"`
}

// newTotalsEnv serves the main site of the network fixture, at midday UTC of its today.
func newTotalsEnv(t *testing.T) *env {
	t.Helper()
	db := repotest.NewDatabase(t)
	db.LoadNetworkFixture(t)
	e := newEnvOn(t, db, netfixture.BasePrefix, func(c *api.Config) { c.JWTSecret = []byte(netfixture.Secret) })
	e.clock.Set(netfixture.Today.Add(12 * time.Hour))
	return e
}

// netToken is a token the main site issued to the user.
func (e *env) netToken(u netfixture.User) string {
	e.t.Helper()
	tok, err := auth.IssueToken([]byte(netfixture.Secret), auth.TokenParams{
		Issuer: netfixture.Main.Home, UserID: u.ID, IssuedAt: e.clock.Now(), TTL: time.Hour,
	})
	if err != nil {
		e.t.Fatal(err)
	}
	return "Bearer " + tok
}

// storedDay is one row of a site's interactions table, read with plain SQL.
type storedDay struct {
	date  string
	count sql.NullInt64
}

func (e *env) storedDays(s netfixture.Site) []storedDay {
	e.t.Helper()
	db, err := sql.Open("mysql", e.db.DSN)
	if err != nil {
		e.t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT DATE_FORMAT(`date`, '%Y-%m-%d'), `count` FROM " + s.Prefix + "chatbot_chatgpt_interactions ORDER BY `date`")
	if err != nil {
		e.t.Fatal(err)
	}
	defer rows.Close()
	var out []storedDay
	for rows.Next() {
		var d storedDay
		if err := rows.Scan(&d.date, &d.count); err != nil {
			e.t.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

// wantNetSites computes the summary's sites from the tables by a plain loop: the rows
// dated within [start, end] (strings compare as dates), then sorted by hand.
func (e *env) wantNetSites(start, end string) ([]netSite, int64) {
	var sites []netSite
	var all int64
	for _, s := range netfixture.Sites {
		zone := s.TimezoneString
		if zone == "" {
			zone = fmt.Sprintf("%+03d:00", mustAtoi(e.t, s.GMTOffset))
		}
		ns := netSite{BlogID: s.BlogID, Path: s.Path, Name: s.Name, Home: s.Home, Timezone: zone, TableMissing: !s.Chatbot}
		if s.Chatbot {
			var sum int64
			for _, d := range e.storedDays(s) {
				if d.date >= start && d.date <= end {
					sum += d.count.Int64
				}
			}
			ns.Total = &sum
			all += sum
		}
		sites = append(sites, ns)
	}
	// Insertion sort: most first, then blog_id; a missing table after every number.
	key := func(s netSite) int64 {
		if s.Total == nil {
			return -1
		}
		return *s.Total
	}
	for i := 1; i < len(sites); i++ {
		for j := i; j > 0 && (key(sites[j]) > key(sites[j-1]) || key(sites[j]) == key(sites[j-1]) && sites[j].BlogID < sites[j-1].BlogID); j-- {
			sites[j], sites[j-1] = sites[j-1], sites[j]
		}
	}
	return sites, all
}

func basicAuth(user, password string) string {
	return base64.StdEncoding.EncodeToString([]byte(user + ":" + password))
}

func mustAtoi(t *testing.T, s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func showSites(sites []netSite) string {
	var b strings.Builder
	for _, s := range sites {
		total := "null"
		if s.Total != nil {
			total = strconv.FormatInt(*s.Total, 10)
		}
		fmt.Fprintf(&b, "%d %s %q %s %s %s missing=%v archived=%v\n", s.BlogID, s.Path, s.Name, s.Home, s.Timezone, total, s.TableMissing, s.Archived)
	}
	return b.String()
}

func TestTotalsSummary(t *testing.T) {
	e := newTotalsEnv(t)
	for _, c := range []struct{ name, query, start, end string }{
		{"Default", "", "2026-11-03", "2026-12-02"},
		{"Window", "?start=2026-10-10&end=2026-11-20", "2026-10-10", "2026-11-20"},
		{"OnlyEnd", "?end=2026-11-01", "2026-10-03", "2026-11-01"},
		{"Everything", "?start=2000-01-01", "2000-01-01", "2026-12-02"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := e.do(http.MethodGet, netSummaryPath+c.query, e.netToken(netfixture.NetAdmin))
			if rec.Code != http.StatusOK {
				t.Fatalf("%d %s", rec.Code, rec.Body.String())
			}
			got := decode[netSummary](t, rec)
			wantSites, wantTotal := e.wantNetSites(c.start, c.end)
			if got.Start != c.start || got.End != c.end || got.Total != wantTotal {
				t.Errorf("window %s..%s total %d, want %s..%s %d", got.Start, got.End, got.Total, c.start, c.end, wantTotal)
			}
			if g, w := showSites(got.Sites), showSites(wantSites); g != w {
				t.Errorf("sites:\n%s\nwant\n%s", g, w)
			}
		})
	}
	// Over all time, each site's total is the fixture's stated one.
	got := decode[netSummary](t, e.do(http.MethodGet, netSummaryPath+"?start=2000-01-01", e.netToken(netfixture.NetAdmin)))
	for _, s := range got.Sites {
		f := netfixture.Sites[s.BlogID-1]
		if f.Chatbot && (s.Total == nil || *s.Total != int64(f.Total)) || !f.Chatbot && (s.Total != nil || !s.TableMissing) {
			t.Errorf("site %d: %s, fixture total %d", s.BlogID, showSites([]netSite{s}), f.Total)
		}
	}
	if last := got.Sites[len(got.Sites)-1]; last.BlogID != netfixture.Labs.BlogID || !last.TableMissing {
		t.Errorf("Labs is not last with table_missing: %s", showSites(got.Sites))
	}

	for _, q := range []string{"start=x", "start=2026-11-20&end=2026-11-19", "end=2026-13-01", "start=2026-11-01&start=2026-11-02"} {
		wantWPError(t, e.do(http.MethodGet, netSummaryPath+"?"+q, e.netToken(netfixture.NetAdmin)), http.StatusBadRequest, "rest_invalid_param")
	}
}

// A site's home comes as its options hold it; a site whose options hold none has no
// home in the answer rather than an empty one.
func TestTotalsSummaryHome(t *testing.T) {
	e := newTotalsEnv(t)
	e.db.Exec(t, "DELETE FROM wp_4_options WHERE option_name = 'home'")
	e.db.Exec(t, "UPDATE wp_3_options SET option_value = 'https://news.example.test/' WHERE option_name = 'home'")
	got := decode[struct {
		Sites []map[string]any `json:"sites"`
	}](t, e.do(http.MethodGet, netSummaryPath, e.netToken(netfixture.NetAdmin)))
	want := map[float64]any{1: netfixture.Main.Home, 2: netfixture.Shop.Home, 3: "https://news.example.test/", 4: nil, 5: netfixture.Labs.Home}
	for _, s := range got.Sites {
		id := s["blog_id"].(float64)
		if home, ok := s["home"]; home != want[id] || ok != (want[id] != nil) {
			t.Errorf("site %v: home %v (present %v), want %v", id, home, ok, want[id])
		}
	}
}

// Archived, spam and deleted sites are listed with their flag; a site of another
// network in the same tables is not listed.
func TestTotalsSummaryFlags(t *testing.T) {
	e := newTotalsEnv(t)
	e.db.Exec(t, "UPDATE wp_blogs SET archived = 1 WHERE blog_id = 4")
	e.db.Exec(t, "UPDATE wp_blogs SET spam = 1 WHERE blog_id = 3")
	e.db.Exec(t, "UPDATE wp_blogs SET deleted = 2 WHERE blog_id = 5")
	e.db.Exec(t, "INSERT INTO wp_site (id, domain, path) VALUES (2, 'other.example.test', '/')")
	e.db.Exec(t, "INSERT INTO wp_blogs (blog_id, site_id, domain, path, registered, last_updated) VALUES (6, 2, 'other.example.test', '/', NOW(), NOW())")
	rec := e.do(http.MethodGet, netSummaryPath, e.netToken(netfixture.NetAdmin))
	got := decode[struct {
		Sites []map[string]any `json:"sites"`
	}](t, rec)
	want := map[float64]string{1: "", 2: "", 3: "spam", 4: "archived", 5: "deleted"}
	for _, s := range got.Sites {
		id := s["blog_id"].(float64)
		flag, ok := want[id]
		if !ok {
			t.Errorf("site %v is listed", id)
			continue
		}
		delete(want, id)
		for _, f := range []string{"archived", "spam", "deleted"} {
			if v, set := s[f]; set != (f == flag) || set && v != true {
				t.Errorf("site %v: %s = %v", id, f, v)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("sites missing: %v (%s)", want, rec.Body.String())
	}
}

// Super admins only, whatever their role on the main site.
func TestTotalsAccess(t *testing.T) {
	e := newTotalsEnv(t)
	// Reader becomes an administrator of the main site, without being a super admin.
	e.db.Exec(t, `UPDATE wp_usermeta SET meta_value = 'a:1:{s:13:"administrator";b:1;}' WHERE user_id = ? AND meta_key = 'wp_capabilities'`,
		netfixture.Reader.ID)
	if rec := e.do(http.MethodGet, summaryPath, e.netToken(netfixture.Reader)); rec.Code != http.StatusOK {
		t.Fatalf("the main site's new administrator reads the site's summary: %d %s", rec.Code, rec.Body.String())
	}
	for _, path := range []string{netSummaryPath, netExportPath} {
		for _, u := range []netfixture.User{netfixture.NetAdmin, netfixture.SuperHelper} {
			if rec := e.do(http.MethodGet, path, e.netToken(u)); rec.Code != http.StatusOK {
				t.Errorf("%s as %s: %d %s", path, u.Login, rec.Code, rec.Body.String())
			}
		}
		for _, u := range []netfixture.User{netfixture.Reader, netfixture.ShopAdmin, netfixture.NewsEditor} {
			wantWPError(t, e.do(http.MethodGet, path, e.netToken(u)), http.StatusForbidden, "rest_forbidden")
		}
		wantWPError(t, e.do(http.MethodGet, path, ""), http.StatusUnauthorized, "rest_not_logged_in")
	}
	// shopadmin's application password works on the main site no better.
	basic := "Basic " + basicAuth(netfixture.ShopAdmin.Login, netfixture.AppPassword)
	wantWPError(t, e.do(http.MethodGet, netSummaryPath, basic), http.StatusForbidden, "rest_forbidden")
}

// On a single site, and on a network's other sites, the routes do not exist.
func TestTotalsRoutesOnSingleSite(t *testing.T) {
	e := newEnv(t)
	for _, path := range []string{netSummaryPath, netExportPath} {
		wantWPError(t, e.get(path), http.StatusNotFound, "rest_no_route")
		wantWPError(t, e.do(http.MethodGet, path, ""), http.StatusNotFound, "rest_no_route")
	}
	index := decode[struct {
		Routes map[string]any `json:"routes"`
	}](t, e.get("/wp-json/kchat/v1"))
	if _, ok := index.Routes["/kchat/v1/network/interactions/summary"]; ok {
		t.Error("a single site's index lists the network routes")
	}

	db := repotest.NewDatabase(t)
	db.LoadNetworkFixture(t)
	main := newEnvOn(t, db, netfixture.BasePrefix)
	_, raw := loadSpec(t)
	srv, err := api.New(api.Config{Store: main.repo.Site(netfixture.Shop.BlogID), JWTSecret: []byte(netfixture.Secret),
		OpenAPI: raw, Now: main.clock.Now, Logger: testLogger})
	if err != nil {
		t.Fatal(err)
	}
	shop := &env{t: t, db: db, server: srv, clock: main.clock}
	wantWPError(t, shop.do(http.MethodGet, netSummaryPath, ""), http.StatusNotFound, "rest_no_route")

	net := newTotalsEnv(t)
	index = decode[struct {
		Routes map[string]any `json:"routes"`
	}](t, net.get("/wp-json/kchat/v1"))
	for _, r := range []string{"/kchat/v1/network/interactions/summary", "/kchat/v1/network/interactions/export"} {
		if _, ok := index.Routes[r]; !ok {
			t.Errorf("the main site's index lacks %s", r)
		}
	}
}

func TestTotalsSummaryHeadAndETag(t *testing.T) {
	e := newTotalsEnv(t)
	tok := e.netToken(netfixture.SuperHelper)
	get := e.do(http.MethodGet, netSummaryPath, tok)
	etag := get.Header().Get("ETag")
	if get.Code != http.StatusOK || etag == "" || get.Header().Get("Cache-Control") != "private, no-cache" {
		t.Fatalf("%d ETag %q Cache-Control %q", get.Code, etag, get.Header().Get("Cache-Control"))
	}
	head := serve(e, http.MethodHead, netSummaryPath, tok)
	if head.Code != http.StatusOK || head.Body.Len() != 0 || head.Header().Get("ETag") != etag {
		t.Errorf("HEAD: %d, %d bytes, ETag %q", head.Code, head.Body.Len(), head.Header().Get("ETag"))
	}
	req := httptest.NewRequest(http.MethodGet, netSummaryPath, nil)
	req.Header.Set("Authorization", tok)
	req.Header.Set("If-None-Match", etag)
	rec := httptest.NewRecorder()
	e.server.ServeHTTP(rec, req)
	validate(t, req, rec)
	if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
		t.Errorf("If-None-Match: %d %q", rec.Code, rec.Body.String())
	}

	// The answer is reused for the settings TTL, then read again.
	e.db.Exec(t, "INSERT INTO wp_2_chatbot_chatgpt_interactions (`date`, `count`) VALUES ('2026-11-05', 1000) ON DUPLICATE KEY UPDATE `count` = `count` + 1000")
	again := e.do(http.MethodGet, netSummaryPath, tok)
	if again.Body.String() != get.Body.String() {
		t.Errorf("within the TTL the answer changed")
	}
	e.clock.Add(11 * time.Second)
	later := decode[netSummary](t, e.do(http.MethodGet, netSummaryPath, tok))
	if first := decode[netSummary](t, get); later.Total != first.Total+1000 {
		t.Errorf("after the TTL: total %d, want %d", later.Total, first.Total+1000)
	}
}

func TestTotalsExport(t *testing.T) {
	e := newTotalsEnv(t)
	tok := e.netToken(netfixture.NetAdmin)
	rec := e.do(http.MethodGet, netExportPath, tok)
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body.String())
	}
	if got, want := rec.Header().Get("Content-Disposition"), `attachment; filename="Chatbot-ChatGPT-Network-Interactions-2026-12-02.csv"`; got != want {
		t.Errorf("Content-Disposition %q, want %q", got, want)
	}
	if got, want := rec.Header().Get("Content-Type"), "text/csv; charset=utf-8"; got != want {
		t.Errorf("Content-Type %q", got)
	}
	want := func(bom, start, end string) string {
		var b strings.Builder
		b.WriteString(bom + "blog_id,path,date,count\r\n")
		for _, s := range netfixture.Sites {
			if !s.Chatbot {
				continue
			}
			for _, d := range e.storedDays(s) {
				if d.date < start || d.date > end {
					continue
				}
				count := ""
				if d.count.Valid {
					count = strconv.FormatInt(d.count.Int64, 10)
				}
				fmt.Fprintf(&b, "%d,%s,%s,%s\r\n", s.BlogID, s.Path, d.date, count)
			}
		}
		return b.String()
	}
	if got, w := rec.Body.String(), want("", "0000", "9999"); got != w {
		t.Errorf("export:\n%.400q\nwant\n%.400q", got, w)
	}
	if n := strings.Count(rec.Body.String(), "\r\n") - 1; n != 34+49+26+35 {
		t.Errorf("%d rows, want the fixture's 144", n)
	}
	rec = e.do(http.MethodGet, netExportPath+"?start=2026-11-20&end=2026-11-22&bom=1", tok)
	if got, w := rec.Body.String(), want("\uFEFF", "2026-11-20", "2026-11-22"); got != w {
		t.Errorf("ranged export:\n%q\nwant\n%q", got, w)
	}
	head := serve(e, http.MethodHead, netExportPath, tok)
	if head.Code != http.StatusOK || head.Body.Len() != 0 || head.Header().Get("Content-Disposition") == "" {
		t.Errorf("HEAD: %d, %d bytes", head.Code, head.Body.Len())
	}
	// A formula-like path is neutralized unless asked not to.
	e.db.Exec(t, "UPDATE wp_blogs SET path = '=cmd/' WHERE blog_id = 3")
	e.clock.Add(11 * time.Second)
	body := e.do(http.MethodGet, netExportPath, tok).Body.String()
	if !strings.Contains(body, "\r\n3,'=cmd/,") {
		t.Errorf("the formula-like path is not neutralized: %.300q", body[strings.Index(body, "\r\n3,"):])
	}
	if body := e.do(http.MethodGet, netExportPath+"?escape_formulas=false", tok).Body.String(); !strings.Contains(body, "\r\n3,=cmd/,") {
		t.Errorf("escape_formulas=false changed the path")
	}
	for _, q := range []string{"bom=yes", "start=2026-11-25&end=2026-11-24", "escape_formulas=2"} {
		wantWPError(t, e.do(http.MethodGet, netExportPath+"?"+q, tok), http.StatusBadRequest, "rest_invalid_param")
	}
	if !slices.Contains(e.server.Routes(), "GET "+netExportPath) {
		t.Error("the export is not routed")
	}
}

// A site whose options table is missing (half created: the wp_blogs row before the
// tables, or News with its options dropped) is listed with options_missing, and neither
// the summary nor the export fails.
func TestTotalsOptionsMissing(t *testing.T) {
	e := newTotalsEnv(t)
	e.db.Exec(t, "DROP TABLE wp_3_options")
	e.db.Exec(t, "INSERT INTO wp_blogs (blog_id, site_id, domain, path, registered, last_updated) VALUES (6, 1, ?, '/new/', NOW(), NOW())", netfixture.Domain)
	tok := e.netToken(netfixture.NetAdmin)
	rec := e.do(http.MethodGet, netSummaryPath+"?start=2000-01-01", tok)
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body.String())
	}
	got := decode[struct {
		Sites []map[string]any `json:"sites"`
	}](t, rec)
	seen := map[float64]bool{}
	for _, s := range got.Sites {
		id := s["blog_id"].(float64)
		seen[id] = true
		missing := id == 3 || id == 6
		if (s["options_missing"] == true) != missing {
			t.Errorf("site %v: options_missing %v", id, s["options_missing"])
		}
		if missing && (s["name"] != "" || s["timezone"] != "+00:00") {
			t.Errorf("site %v without options: name %q, timezone %q", id, s["name"], s["timezone"])
		}
	}
	for _, s := range got.Sites {
		if id := s["blog_id"]; id == float64(3) && s["total"] != float64(netfixture.News.Total) || id == float64(6) && s["table_missing"] != true {
			t.Errorf("site %v: %v", id, s)
		}
	}
	if len(seen) != 6 {
		t.Errorf("sites listed: %v", seen)
	}
	rec = e.do(http.MethodGet, netExportPath, tok)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "\r\n3,/news/,") {
		t.Errorf("export: %d %.300q", rec.Code, rec.Body.String())
	}
}

// WordPress deletes a site by dropping its tables first (wp_uninitialize_site), then its
// wp_blogs row: for a while the network's cached facts name a table that is gone. The
// summary then reads the facts again, and the export skips the site; neither fails.
func TestTotalsTableDroppedWhileCached(t *testing.T) {
	e := newTotalsEnv(t)
	tok := e.netToken(netfixture.NetAdmin)
	if rec := e.do(http.MethodGet, netSummaryPath, tok); rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body.String())
	}
	e.db.Exec(t, "DROP TABLE wp_3_chatbot_chatgpt_interactions")
	rec := e.do(http.MethodGet, netSummaryPath+"?start=2026-11-01", tok)
	if rec.Code != http.StatusOK {
		t.Fatalf("summary after the drop: %d %s", rec.Code, rec.Body.String())
	}
	for _, s := range decode[netSummary](t, rec).Sites {
		if s.BlogID == netfixture.News.BlogID && (!s.TableMissing || s.Total != nil) {
			t.Errorf("News after its table was dropped: %s", showSites([]netSite{s}))
		}
	}
	rec = e.do(http.MethodGet, netExportPath, tok)
	if body := rec.Body.String(); rec.Code != http.StatusOK || strings.Contains(body, "\r\n3,") || !strings.Contains(body, "\r\n4,/docs/,") {
		t.Errorf("export after the drop: %d %.200q", rec.Code, body)
	}
}
