package wpnetwork_test

import (
	"fmt"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/repository/wpnetwork"
)

type findCase struct {
	host, path string
	blogID     int    // 0: no site
	rest       string // the path after the site's
}

func check(t *testing.T, m *wpnetwork.Map, cases []findCase) {
	t.Helper()
	for _, c := range cases {
		got, ok := m.Find(c.host, c.path)
		if c.blogID == 0 {
			if ok {
				t.Errorf("Find(%q, %q): got blog %d, want no site", c.host, c.path, got.Site.BlogID)
			}
			continue
		}
		if !ok || got.Site.BlogID != c.blogID || got.Rest != c.rest {
			t.Errorf("Find(%q, %q): got blog %d rest %q (found %v), want blog %d rest %q",
				c.host, c.path, got.Site.BlogID, got.Rest, ok, c.blogID, c.rest)
		}
	}
}

func site(id, network int, domain, path string) wpnetwork.Site {
	return wpnetwork.Site{BlogID: id, NetworkID: network, Domain: domain, Path: path, Public: 1}
}

// A subdirectory network at the root of its domain, as the fixture is (plus /shopping/):
// WordPress looks at one path segment (substr_count of the network's path "/").
func TestSubdirectory(t *testing.T) {
	const d = "network.example.test"
	m := wpnetwork.NewMap([]wpnetwork.Network{{ID: 1, Domain: d, Path: "/"}}, []wpnetwork.Site{
		site(1, 1, d, "/"), site(2, 1, d, "/shop/"), site(3, 1, d, "/news/"), site(6, 1, d, "/shopping/"),
		site(7, 1, d, "/a/b/"), // unreachable: only the first segment counts
	}, false)
	check(t, m, []findCase{
		{d, "/", 1, "/"},
		{d, "", 1, "/"},
		{d, "/wp-json/kchat/v1/x", 1, "/wp-json/kchat/v1/x"},
		{d, "/shop/wp-json/kchat/v1/x", 2, "/wp-json/kchat/v1/x"},
		{d, "/shop", 2, "/"},
		{d, "/shop/", 2, "/"},
		{d, "/shop/?a=/news/", 2, "/"},
		{d, "/shop/x?y=1", 2, "/x"},
		{d, "/shopping/x", 6, "/x"},
		{d, "/shopp/x", 1, "/shopp/x"},
		{d, "/news/shop/", 3, "/shop/"},
		{d, "/a/b/x", 1, "/a/b/x"},
		// The database's collation compares paths and domains without case.
		{d, "/SHOP/wp-json/x", 2, "/wp-json/x"},
		{"Network.Example.TEST", "/shop/", 2, "/"},
		// ms-settings.php drops :80 and :443; any other port is part of the domain.
		{d + ":80", "/shop/", 2, "/"},
		{d + ":443", "/news/", 3, "/"},
		{d + ":8080", "/shop/", 0, ""},
		{d + ":8443", "/", 0, ""},
		// www. is tried with and without.
		{"www." + d, "/shop/x", 2, "/x"},
		{"www.www." + d, "/", 0, ""},
		{"unknown.test", "/shop/", 0, ""},
		// Deliberately unlike WordPress, which then matches the path on any domain.
		{"", "/", 0, ""},
		{"0", "/shop/", 0, ""},
		// array_filter() drops empty and "0" segments: WordPress still finds the site,
		// but the request's path does not begin with the site's.
		{d, "//shop/x", 2, ""},
		{d, "/0/shop/x", 2, ""},
		{d, "/0/", 1, "/0/"},
	})
}

// A network whose own path is /blogs/: one segment beyond it counts, so nested paths
// resolve.
func TestNestedNetworkPath(t *testing.T) {
	const d = "nested.test"
	m := wpnetwork.NewMap([]wpnetwork.Network{{ID: 1, Domain: d, Path: "/blogs/"}}, []wpnetwork.Site{
		site(10, 1, d, "/blogs/"), site(11, 1, d, "/blogs/one/"), site(12, 1, d, "/blogs/one/two/"),
	}, false)
	check(t, m, []findCase{
		{d, "/blogs/", 10, "/"},
		{d, "/blogs/x", 10, "/x"},
		{d, "/blogs/one/wp-json/", 11, "/wp-json/"},
		{d, "/blogs/one/two/x", 11, "/two/x"},
		{d, "/other/", 0, ""},
		{d, "/", 0, ""},
	})
}

func TestSubdomain(t *testing.T) {
	const d = "sub.test"
	m := wpnetwork.NewMap([]wpnetwork.Network{{ID: 1, Domain: d, Path: "/"}}, []wpnetwork.Site{
		site(20, 1, d, "/"), site(21, 1, "shop."+d, "/"), site(22, 1, "shop."+d+":8080", "/"),
		site(24, 1, "www.pref.test", "/"), site(25, 1, "pref.test", "/x/"),
		site(26, 1, "Mixed.Sub.Test", "/"),
	}, true)
	check(t, m, []findCase{
		{d, "/", 20, "/"},
		{d, "/shop/x", 20, "/shop/x"},
		{"shop." + d, "/wp-json/kchat/v1/x", 21, "/wp-json/kchat/v1/x"},
		{"shop." + d + ":443", "/", 21, "/"},
		{"shop." + d + ":8080", "/x", 22, "/x"},
		{"shop." + d + ":9090", "/", 0, ""},
		{"www.shop." + d, "/", 21, "/"},
		{"nope." + d, "/", 0, ""},
		{"mixed.sub.test", "/", 26, "/"},
		// Domain length is ordered before path length: the www. site wins.
		{"www.pref.test", "/x/y", 24, "/x/y"},
		{"pref.test", "/x/y", 25, "/y"},
		{"pref.test", "/", 0, ""},
	})
}

// With two networks, a subdirectory install finds the network first
// (WP_Network::get_by_path), then searches one segment beyond its path.
func TestSeveralNetworks(t *testing.T) {
	m := wpnetwork.NewMap([]wpnetwork.Network{
		{ID: 1, Domain: "one.test", Path: "/"}, {ID: 2, Domain: "two.test", Path: "/"}, {ID: 3, Domain: "one.test", Path: "/deep/"},
	}, []wpnetwork.Site{
		site(1, 1, "one.test", "/"), site(2, 1, "one.test", "/a/"),
		site(3, 2, "two.test", "/"), site(4, 2, "two.test", "/b/"),
		site(5, 3, "one.test", "/deep/"), site(6, 3, "one.test", "/deep/x/"),
		site(8, 1, "sub.one.test", "/"),
	}, false)
	check(t, m, []findCase{
		{"one.test", "/a/x", 2, "/x"},
		{"two.test", "/b/x", 4, "/x"},
		{"two.test", "/a/x", 3, "/a/x"},
		{"one.test", "/deep/x/y", 6, "/y"},
		{"one.test", "/deep/z", 5, "/z"},
		{"one.test", "/x/", 1, "/x/"},
		{"three.test", "/", 0, ""},
		// No network has the domain: one at "/" of a parent domain will do.
		{"sub.one.test", "/", 8, "/"},
		// get_by_path finds network 2 by its parent domain; no site has the subdomain.
		{"sub.two.test", "/b/", 0, ""},
	})
}

// A site stands only with its network: WordPress bails when no network is found, or when
// the site's site_id names none ("the network declared by the site trumps").
func TestNoNetwork(t *testing.T) {
	for _, subdomain := range []bool{false, true} {
		m := wpnetwork.NewMap(nil, []wpnetwork.Site{site(1, 1, "a.test", "/")}, subdomain)
		if got, ok := m.Find("a.test", "/"); ok {
			t.Errorf("subdomain %v, no network: got %+v", subdomain, got)
		}
		m = wpnetwork.NewMap([]wpnetwork.Network{{ID: 1, Domain: "a.test", Path: "/"}},
			[]wpnetwork.Site{site(1, 1, "a.test", "/"), site(2, 4, "a.test", "/orphan/"), site(3, 0, "b.a.test", "/")}, subdomain)
		for _, host := range []string{"a.test", "b.a.test"} {
			if got, ok := m.Find(host, "/orphan/"); ok {
				t.Errorf("subdomain %v, %s: a site of no network: got %+v", subdomain, host, got)
			}
		}
	}
}

// Two sites with the same domain and path (on two networks): the lower blog_id, where
// WordPress leaves the order to the database.
func TestDuplicateSite(t *testing.T) {
	m := wpnetwork.NewMap([]wpnetwork.Network{{ID: 1, Domain: "a.test", Path: "/"}},
		[]wpnetwork.Site{site(9, 2, "a.test", "/x/"), site(1, 1, "a.test", "/"), site(4, 1, "a.test", "/x/")}, false)
	check(t, m, []findCase{{"a.test", "/x/", 4, "/"}})
}

// get_site_by_path() chooses blocked sites like any other; ms_site_check() then stops
// everyone but super admins.
func TestAvailability(t *testing.T) {
	tests := []struct {
		archived, spam, deleted, public, mature int
		want                                    wpnetwork.Availability
	}{
		{0, 0, 0, 1, 0, wpnetwork.Available},
		{0, 0, 0, 0, 1, wpnetwork.Available},
		{0, 0, 1, 1, 0, wpnetwork.Deleted},
		{1, 1, 1, 1, 0, wpnetwork.Deleted},
		{0, 0, 2, 1, 0, wpnetwork.Inactive},
		{1, 0, 2, 1, 0, wpnetwork.Inactive},
		{1, 0, 0, 1, 0, wpnetwork.Suspended},
		{0, 1, 0, 1, 0, wpnetwork.Suspended},
		{2, 2, 3, 1, 0, wpnetwork.Available},
	}
	for _, tt := range tests {
		s := wpnetwork.Site{Archived: tt.archived, Spam: tt.spam, Deleted: tt.deleted, Public: tt.public, Mature: tt.mature}
		if got := s.Availability(); got != tt.want {
			t.Errorf("%+v: got %v, want %v", s, got, tt.want)
		}
	}
	m := wpnetwork.NewMap([]wpnetwork.Network{{ID: 1, Domain: "a.test", Path: "/"}},
		[]wpnetwork.Site{site(1, 1, "a.test", "/"), {BlogID: 2, NetworkID: 1, Domain: "a.test", Path: "/x/", Archived: 1}}, false)
	if got, ok := m.Find("a.test", "/x/"); !ok || got.Site.BlogID != 2 || got.Site.Availability() != wpnetwork.Suspended {
		t.Errorf("archived site: got %+v, %v", got, ok)
	}
}

func BenchmarkFind(b *testing.B) {
	const d = "network.example.test"
	sites := []wpnetwork.Site{site(1, 1, d, "/")}
	for i := 2; i <= 10000; i++ {
		sites = append(sites, site(i, 1, d, fmt.Sprintf("/site%d/", i)))
	}
	m := wpnetwork.NewMap([]wpnetwork.Network{{ID: 1, Domain: d, Path: "/"}}, sites, false)
	b.ReportAllocs()
	for b.Loop() {
		if got, ok := m.Find(d, "/site9999/wp-json/kchat/v1/interactions/summary"); !ok || got.Site.BlogID != 9999 {
			b.Fatal(got, ok)
		}
	}
}

// A network's main site is its site at the network's domain and path, the lowest
// blog_id if several; a network without one has none.
func TestMainSiteID(t *testing.T) {
	networks := []wpnetwork.Network{{ID: 1, Domain: "a.test", Path: "/"}, {ID: 2, Domain: "b.test", Path: "/net/"}, {ID: 3, Domain: "c.test", Path: "/"}}
	sites := []wpnetwork.Site{
		site(1, 1, "a.test", "/"), site(2, 1, "a.test", "/shop/"),
		site(3, 2, "b.test", "/"), site(5, 2, "B.test", "/NET/"), site(4, 2, "b.test", "/net/x/"), site(6, 2, "b.test", "/net/"),
		site(7, 1, "c.test", "/"), // network 1's, at network 3's address
	}
	m := wpnetwork.NewMap(networks, sites, false)
	for id, want := range map[int]int{1: 1, 2: 5, 3: 0, 4: 0} {
		if got := m.MainSiteID(id); got != want {
			t.Errorf("network %d: main site %d, want %d", id, got, want)
		}
	}
}
