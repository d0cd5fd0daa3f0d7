package repository_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/repository"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
	nf "github.com/kchat-sidecar/kchat-sidecar/repository/repotest/netfixture"
	"github.com/kchat-sidecar/kchat-sidecar/repository/wpnetwork"
)

// openNetwork loads the network fixture and opens it, as blog blogID, through a
// SELECT-only user.
func openNetwork(t *testing.T, blogID int) (*repository.DB, *repotest.Database) {
	t.Helper()
	db := repotest.NewDatabase(t)
	db.LoadNetworkFixture(t)
	return open(t, db.ReadOnlyDSN(t), nf.BasePrefix, blogID), db
}

// Every site of the network through views of one pool, opened as another site: each
// view reads its own options and chatbot tables.
func TestSiteViews(t *testing.T) {
	repo, _ := openNetwork(t, nf.News.BlogID)
	ctx := context.Background()
	for _, s := range nf.Sites {
		v := repo.Site(s.BlogID)
		if v.BlogID() != s.BlogID || v.InteractionsTable() != s.Prefix+"chatbot_chatgpt_interactions" {
			t.Errorf("%s: view of blog %d reads %s", s.Name, v.BlogID(), v.InteractionsTable())
		}
		got, err := v.SiteSettings(ctx)
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		want := repository.SiteSettings{Home: s.Home, SiteURL: s.Home, BlogName: s.Name, TimezoneString: s.TimezoneString,
			GMTOffset: s.GMTOffset, StartOfWeek: time.Weekday(s.StartOfWeek), ReportingPeriod: s.ReportingPeriod}
		if got != want {
			t.Errorf("%s settings:\n got %+v\nwant %+v", s.Name, got, want)
		}
		err = v.CheckReady(ctx)
		if !s.Chatbot {
			if !errors.Is(err, repository.ErrTableMissing) {
				t.Errorf("%s without the chatbot's tables: CheckReady %v", s.Name, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: CheckReady %v", s.Name, err)
		}
		days, err := v.DailyCounts(ctx, repository.DateRange{})
		total := 0
		for _, d := range days {
			total += int(d.Count.Int64)
		}
		if err != nil || len(days) != s.Days || total != s.Total || !days[len(days)-1].Date.Equal(nf.Today) {
			t.Errorf("%s interactions: %d days, total %d (%v); want %d, %d", s.Name, len(days), total, err, s.Days, s.Total)
		}
	}
	if repo.Site(0).BlogID() != 1 || repo.BlogID() != nf.News.BlogID {
		t.Errorf("Site(0) is blog %d; the pool's own view is blog %d", repo.Site(0).BlogID(), repo.BlogID())
	}
}

// Users are network-wide; their capabilities are the view's site's, and the network's
// super admins are super admins on every site, administrators there or not.
func TestSiteViewUsers(t *testing.T) {
	repo, _ := openNetwork(t, 1)
	ctx := context.Background()
	for _, s := range nf.Sites {
		v := repo.Site(s.BlogID)
		for _, u := range nf.Users {
			got, err := v.UserByID(ctx, u.ID)
			if err != nil {
				t.Fatalf("%s, %s: %v", s.Name, u.Login, err)
			}
			admin := u.Roles[s.BlogID] == "administrator"
			if got.Login != u.Login || got.SuperAdmin != u.SuperAdmin || got.Capabilities.Has("manage_options") != admin ||
				got.Can("manage_options") != (admin || u.SuperAdmin) {
				t.Errorf("%s, %s: super %v, manage_options %v; want %v, %v", s.Name, u.Login, got.SuperAdmin,
					got.Capabilities.Has("manage_options"), u.SuperAdmin, admin)
			}
			editor := u.Roles[s.BlogID] == "editor" || admin
			if got.Capabilities.Has("edit_others_posts") != editor {
				t.Errorf("%s, %s: edit_others_posts %v, want %v", s.Name, u.Login, !editor, editor)
			}
		}
	}
}

// site_admins is read for the network ({prefix}blogs.site_id) of the view's site.
func TestSuperAdminsPerNetwork(t *testing.T) {
	repo, db := openNetwork(t, 1)
	ctx := context.Background()
	db.Exec(t, "INSERT INTO wp_site (id, domain, path) VALUES (2, 'other.test', '/')")
	db.Exec(t, "INSERT INTO wp_blogs (blog_id, site_id, domain, path) VALUES (6, 2, 'other.test', '/')")
	db.Exec(t, "INSERT INTO wp_sitemeta (site_id, meta_key, meta_value) VALUES (2, 'site_admins', ?)",
		fmt.Sprintf(`a:1:{i:0;s:%d:"%s";}`, len(nf.ShopAdmin.Login), nf.ShopAdmin.Login))
	db.Exec(t, "CREATE TABLE wp_6_options LIKE wp_options")
	db.Exec(t, "INSERT INTO wp_6_options SELECT * FROM wp_options")
	db.Exec(t, "UPDATE wp_6_options SET option_name = 'wp_6_user_roles' WHERE option_name = 'wp_user_roles'")
	for _, c := range []struct {
		blog  int
		user  nf.User
		super bool
	}{
		{6, nf.ShopAdmin, true}, {6, nf.NetAdmin, false}, {6, nf.SuperHelper, false},
		{nf.Shop.BlogID, nf.ShopAdmin, false}, {nf.Shop.BlogID, nf.SuperHelper, true}, {1, nf.NetAdmin, true},
	} {
		u, err := repo.Site(c.blog).UserByID(ctx, c.user.ID)
		if err != nil {
			t.Fatal(err)
		}
		if u.SuperAdmin != c.super {
			t.Errorf("blog %d, %s: super admin %v, want %v", c.blog, c.user.Login, u.SuperAdmin, c.super)
		}
	}
}

func TestNetwork(t *testing.T) {
	repo, db := openNetwork(t, nf.Docs.BlogID)
	ctx := context.Background()
	n, err := repo.Network(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var sites []repository.SiteRow
	for _, s := range nf.Sites {
		sites = append(sites, repository.SiteRow{BlogID: s.BlogID, NetworkID: nf.NetworkID, Domain: nf.Domain, Path: s.Path, Public: 1})
	}
	want := repository.Network{Multisite: true,
		Networks:         []repository.NetworkRow{{ID: nf.NetworkID, Domain: nf.Domain, Path: "/"}},
		SubdomainInstall: map[int]bool{nf.NetworkID: false},
		Sites:            sites,
		Interactions:     map[int]bool{1: true, 2: true, 3: true, 4: true},
		Options:          map[int]bool{1: true, 2: true, 3: true, 4: true, 5: true}}
	checkNetworkFacts(t, n, want)

	// The map the API will build from it.
	m := siteMap(n, n.SubdomainInstall[nf.NetworkID])
	if got, ok := m.Find(nf.Domain, "/shop/wp-json/kchat/v1/x"); !ok || got.Site.BlogID != nf.Shop.BlogID || got.Rest != "/wp-json/kchat/v1/x" {
		t.Errorf("Find /shop/wp-json/kchat/v1/x: %+v, %v", got, ok)
	}

	// Flags, a second network on subdomains, and tables that only look like a site's.
	db.Exec(t, "UPDATE wp_blogs SET archived = 1, spam = 1, mature = 1, public = 0, deleted = 2 WHERE blog_id = 3")
	db.Exec(t, "INSERT INTO wp_site (id, domain, path) VALUES (7, 'other.test', '/')")
	db.Exec(t, "INSERT INTO wp_sitemeta (site_id, meta_key, meta_value) VALUES (7, 'subdomain_install', '1'), (7, 'subdomain_install', '')")
	db.Exec(t, "INSERT INTO wp_blogs (blog_id, site_id, domain, path) VALUES (12, 7, 'a.other.test', '/')")
	for _, name := range []string{"wp_12_chatbot_chatgpt_interactions", "wp_05_chatbot_chatgpt_interactions", "wp_1_chatbot_chatgpt_interactions",
		"wpx9_chatbot_chatgpt_interactions", "wp_x_chatbot_chatgpt_interactions", "wp_7_chatbot_chatgpt_interactions_old",
		"wp_05_options", "wp_x_options", "wp_1_options", "wp_7_options_old", "wp_woo_options"} {
		db.Exec(t, "CREATE TABLE `"+name+"` (`date` date NOT NULL PRIMARY KEY, `count` int DEFAULT NULL)")
	}
	// Site 5 half deleted: its options table gone first.
	db.Exec(t, "DROP TABLE wp_5_options")
	delete(want.Options, 5)
	want.Networks = append(want.Networks, repository.NetworkRow{ID: 7, Domain: "other.test", Path: "/"})
	want.SubdomainInstall[7] = true
	want.Sites[2] = repository.SiteRow{BlogID: 3, NetworkID: nf.NetworkID, Domain: nf.Domain, Path: nf.News.Path,
		Archived: 1, Spam: 1, Mature: 1, Deleted: 2}
	want.Sites = append(want.Sites, repository.SiteRow{BlogID: 12, NetworkID: 7, Domain: "a.other.test", Path: "/", Public: 1})
	want.Interactions[12] = true
	n, err = repo.Network(ctx)
	if err != nil {
		t.Fatal(err)
	}
	checkNetworkFacts(t, n, want)
}

// siteMap is what the API does with Network: the rows convert to wpnetwork's types
// (which keeps the two definitions in step: a difference fails to compile).
func siteMap(n repository.Network, subdomain bool) *wpnetwork.Map {
	networks := make([]wpnetwork.Network, len(n.Networks))
	for i, r := range n.Networks {
		networks[i] = wpnetwork.Network(r)
	}
	sites := make([]wpnetwork.Site, len(n.Sites))
	for i, r := range n.Sites {
		sites[i] = wpnetwork.Site(r)
	}
	return wpnetwork.NewMap(networks, sites, subdomain)
}

func checkNetworkFacts(t *testing.T, got, want repository.Network) {
	t.Helper()
	if got.Multisite != want.Multisite || !slices.Equal(got.Networks, want.Networks) || !slices.Equal(got.Sites, want.Sites) ||
		!maps.Equal(got.SubdomainInstall, want.SubdomainInstall) || !maps.Equal(got.Interactions, want.Interactions) ||
		!maps.Equal(got.Options, want.Options) {
		t.Errorf("Network:\n got %+v\nwant %+v", got, want)
	}
}

// A single site has no network: no error, nothing listed. Nor has a database with
// {prefix}blogs but no {prefix}site.
func TestNetworkOfSingleSite(t *testing.T) {
	repo, db := openFixture(t)
	ctx := context.Background()
	n, err := repo.Network(ctx)
	if err != nil || n.Multisite || len(n.Sites) != 0 || len(n.Networks) != 0 || !n.Interactions[1] || len(n.Interactions) != 1 {
		t.Errorf("single site: %+v, %v", n, err)
	}
	db.Exec(t, "CREATE TABLE wp_blogs (blog_id bigint NOT NULL PRIMARY KEY, site_id bigint NOT NULL DEFAULT 0, domain varchar(200), path varchar(100))")
	db.Exec(t, "INSERT INTO wp_blogs VALUES (1, 1, 'a.test', '/')")
	if n, err := repo.Network(ctx); err != nil || n.Multisite || len(n.Sites) != 0 {
		t.Errorf("wp_blogs alone: %+v, %v", n, err)
	}
}

// A view of another site is a struct copy over the same pool: cheap enough for every
// request.
func BenchmarkSite(b *testing.B) {
	repo, err := repository.Open(repository.Config{DSN: "kchat@tcp(127.0.0.1:1)/wordpress"})
	if err != nil {
		b.Fatal(err)
	}
	defer repo.Close()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		siteSink = repo.Site(i%10000 + 2) // kept, as a request keeps its view
	}
	if siteSink.BlogID() < 2 || siteSink.InteractionsTable() != "wp_"+strconv.Itoa(siteSink.BlogID())+"_chatbot_chatgpt_interactions" {
		b.Fatal(siteSink.BlogID(), siteSink.InteractionsTable())
	}
}

var siteSink *repository.DB

// BenchmarkNetwork reads a network of 10,000 sites, 500 of them with the chatbot's
// table: one read of Network a loop.
func BenchmarkNetwork(b *testing.B) {
	db := repotest.NewDatabase(b)
	db.LoadNetworkFixture(b)
	var rows strings.Builder
	for id := 6; id <= 10_000; id++ {
		if rows.Len() > 0 {
			rows.WriteString(", ")
		}
		fmt.Fprintf(&rows, "(%d, 1, '%s', '/site%d/')", id, nf.Domain, id)
	}
	db.Exec(b, "INSERT INTO wp_blogs (blog_id, site_id, domain, path) VALUES "+rows.String())
	for id := 6; id < 6+500; id++ {
		db.Exec(b, fmt.Sprintf("CREATE TABLE wp_%d_chatbot_chatgpt_interactions (`date` date NOT NULL PRIMARY KEY, `count` int DEFAULT NULL)", id))
	}
	repo, err := repository.Open(repository.Config{DSN: db.DSN, TablePrefix: nf.BasePrefix})
	if err != nil {
		b.Fatal(err)
	}
	defer repo.Close()
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		n, err := repo.Network(ctx)
		if err != nil || len(n.Sites) != 10_000 || len(n.Interactions) != 504 {
			b.Fatalf("%d sites, %d tables, %v", len(n.Sites), len(n.Interactions), err)
		}
	}
}

// SitesSettings reads many sites' options at once; each site's are what its view reads.
func TestSitesSettings(t *testing.T) {
	repo, db := openNetwork(t, 1)
	ctx := context.Background()
	ids := []int{5, 1, 3, 2, 4, 3}
	got, err := repo.SitesSettings(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(nf.Sites) {
		t.Errorf("%d sites' settings, want %d", len(got), len(nf.Sites))
	}
	for _, s := range nf.Sites {
		want := repository.SiteSettings{Home: s.Home, SiteURL: s.Home, BlogName: s.Name, TimezoneString: s.TimezoneString,
			GMTOffset: s.GMTOffset, StartOfWeek: time.Weekday(s.StartOfWeek), ReportingPeriod: s.ReportingPeriod}
		if got[s.BlogID] != want {
			t.Errorf("%s:\n got %+v\nwant %+v", s.Name, got[s.BlogID], want)
		}
	}
	if got, err := repo.SitesSettings(ctx, nil); err != nil || len(got) != 0 {
		t.Errorf("no sites: %v, %v", got, err)
	}
	db.Exec(t, "UPDATE wp_3_options SET option_value = '8' WHERE option_name = 'start_of_week'")
	db.Exec(t, "DELETE FROM wp_2_options WHERE option_name = 'blogname'")
	got, err = repo.SitesSettings(ctx, []int{2, 3})
	if err != nil || got[3].StartOfWeek != time.Monday || got[2].BlogName != "" || got[2].Home != nf.Shop.Home {
		t.Errorf("after changes: %+v, %v", got, err)
	}
	if _, err := repo.SitesSettings(ctx, []int{2, 99}); !errors.Is(err, repository.ErrTableMissing) {
		t.Errorf("a site without options: got %v, want ErrTableMissing", err)
	}
}

// InteractionTotals adds up each site's days; the check adds up each view's stored
// days in Go.
func TestInteractionTotals(t *testing.T) {
	repo, _ := openNetwork(t, 1)
	ctx := context.Background()
	var ids []int
	for _, s := range nf.Sites {
		if s.Chatbot {
			ids = append(ids, s.BlogID)
		}
	}
	week := repository.DateRange{Start: nf.Today.AddDate(0, 0, -6), End: nf.Today}
	for _, r := range []repository.DateRange{{}, week, {Start: nf.Today.AddDate(0, 0, 1)}} {
		got, err := repo.InteractionTotals(ctx, ids, r)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(ids) {
			t.Errorf("%v: %d totals, want %d", r, len(got), len(ids))
		}
		for _, s := range nf.Sites[:len(ids)] {
			days, err := repo.Site(s.BlogID).DailyCounts(ctx, repository.DateRange{})
			if err != nil {
				t.Fatal(err)
			}
			var want int64
			for _, d := range days {
				if (r.Start.IsZero() || !d.Date.Before(r.Start)) && (r.End.IsZero() || !d.Date.After(r.End)) {
					want += d.Count.Int64
				}
			}
			if r == (repository.DateRange{}) && want != int64(s.Total) {
				t.Fatalf("%s: the check's own total %d is not the fixture's %d", s.Name, want, s.Total)
			}
			if got[s.BlogID] != want {
				t.Errorf("%s %v: total %d, want %d", s.Name, r, got[s.BlogID], want)
			}
		}
	}
	if _, err := repo.InteractionTotals(ctx, []int{nf.Shop.BlogID, nf.Labs.BlogID}, week); !errors.Is(err, repository.ErrTableMissing) {
		t.Errorf("Labs has no table: got %v, want ErrTableMissing", err)
	}
}

// BenchmarkInteractionTotals sums 400 days on each of 1,000 sites (issue 13's network):
// one loop is the network summary's read.
func BenchmarkInteractionTotals(b *testing.B) {
	const sites, days = 1000, 400
	db := repotest.NewDatabase(b)
	db.LoadNetworkFixture(b)
	var rows strings.Builder
	for d := range days {
		if d > 0 {
			rows.WriteString(", ")
		}
		fmt.Fprintf(&rows, "('%s', %d)", nf.Today.AddDate(0, 0, -d).Format(time.DateOnly), d%17)
	}
	ids := make([]int, sites)
	for i := range ids {
		ids[i] = 100 + i
		table := fmt.Sprintf("wp_%d_chatbot_chatgpt_interactions", ids[i])
		db.Exec(b, "CREATE TABLE "+table+" (`date` date NOT NULL PRIMARY KEY, `count` int DEFAULT NULL)")
		db.Exec(b, "INSERT INTO "+table+" VALUES "+rows.String())
	}
	repo, err := repository.Open(repository.Config{DSN: db.DSN, TablePrefix: nf.BasePrefix})
	if err != nil {
		b.Fatal(err)
	}
	defer repo.Close()
	ctx := context.Background()
	window := repository.DateRange{Start: nf.Today.AddDate(0, 0, -29), End: nf.Today}
	b.ResetTimer()
	for b.Loop() {
		totals, err := repo.InteractionTotals(ctx, ids, window)
		if err != nil || len(totals) != sites {
			b.Fatal(len(totals), err)
		}
	}
}

// EachSiteDay reads the named site's days, whichever site the DB is a view of.
func TestEachSiteDay(t *testing.T) {
	repo, _ := openNetwork(t, nf.Main.BlogID)
	for _, s := range nf.Sites {
		var days, total int
		err := repo.EachSiteDay(context.Background(), s.BlogID, repository.DateRange{}, func(d repository.DayCount) error {
			days++
			total += int(d.Count.Int64)
			return nil
		})
		if !s.Chatbot {
			if !errors.Is(err, repository.ErrTableMissing) {
				t.Errorf("%s: %v, want ErrTableMissing", s.Name, err)
			}
			continue
		}
		if err != nil || days != s.Days || total != s.Total {
			t.Errorf("%s: %d days, total %d, %v; want %d, %d", s.Name, days, total, err, s.Days, s.Total)
		}
	}
}

// Blog is the view's own row of {prefix}blogs, for ms_site_check() when the sidecar
// serves one site of a network; a single site has none, nor has a database with
// {prefix}blogs but no {prefix}site.
func TestBlog(t *testing.T) {
	repo, db := openNetwork(t, nf.Shop.BlogID)
	ctx := context.Background()
	db.Exec(t, "UPDATE wp_blogs SET archived = 1, deleted = 2 WHERE blog_id = 2")
	row, ok, err := repo.Blog(ctx)
	if err != nil || !ok || row.BlogID != 2 || row.Path != nf.Shop.Path || row.Archived != 1 || row.Deleted != 2 || row.Spam != 0 {
		t.Errorf("Shop: %+v, %v, %v", row, ok, err)
	}
	if row, ok, err := repo.Site(1).Blog(ctx); err != nil || !ok || row.BlogID != 1 || row.Archived != 0 {
		t.Errorf("the main site: %+v, %v, %v", row, ok, err)
	}
	if row, ok, err := repo.Site(99).Blog(ctx); err != nil || ok {
		t.Errorf("a blog the network does not list: %+v, %v, %v", row, ok, err)
	}

	single, sdb := openFixture(t)
	if row, ok, err := single.Blog(ctx); err != nil || ok {
		t.Errorf("single site: %+v, %v, %v", row, ok, err)
	}
	sdb.Exec(t, "CREATE TABLE wp_blogs (blog_id bigint NOT NULL PRIMARY KEY, site_id bigint NOT NULL DEFAULT 0, domain varchar(200), path varchar(100),"+
		" public tinyint NOT NULL DEFAULT 1, archived tinyint NOT NULL DEFAULT 1, mature tinyint NOT NULL DEFAULT 0, spam tinyint NOT NULL DEFAULT 0, deleted tinyint NOT NULL DEFAULT 0)")
	sdb.Exec(t, "INSERT INTO wp_blogs (blog_id, site_id, domain, path) VALUES (1, 1, 'a.test', '/')")
	if row, ok, err := single.Blog(ctx); err != nil || ok {
		t.Errorf("wp_blogs alone: %+v, %v, %v", row, ok, err)
	}
}
