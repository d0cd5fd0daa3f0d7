// Package wpnetwork chooses the site of a WordPress multisite network a request is for,
// as WordPress's own bootstrap does (ms-settings.php, ms_load_current_site_and_network(),
// get_site_by_path(), WP_Network::get_by_path() of WordPress 6.1), from the rows of
// {prefix}site and {prefix}blogs. It does no I/O: the repository reads the rows
// (repository.NetworkRow and SiteRow convert to Network and Site).
//
// What it follows, and where it stops:
//   - The domain is the Host header in lower case, without ":80" or ":443"; any other
//     port stays part of it and must be in the site's domain. A "www." domain also finds
//     the site without "www.", the longer domain winning.
//   - Domains and paths compare without case, as the database's collation compares them
//     for WordPress (accents, which the collation also ignores, are not folded: domains
//     are ASCII and a request's path is percent-encoded).
//   - A subdirectory install finds the network first (the only one, else by domain and
//     path) and then looks at as many path segments as the network's path has slashes:
//     one beyond the network's path. A subdomain install looks at one segment. Longer
//     paths win; empty and "0" segments are dropped, as PHP's array_filter() drops them.
//   - The chosen site must belong to a network of the list, else nothing is found.
//   - One deliberate difference: a request without a Host (or with "0") finds nothing,
//     where WordPress would take the longest matching path on any domain.
//   - Plugins' filters (site_by_path_segments_count, pre_get_site_by_path, sunrise.php)
//     are not modeled. With DOMAIN_CURRENT_SITE and PATH_CURRENT_SITE defined as
//     WordPress's network set-up writes them (wp_site's row), the choice is the same,
//     except on a subdomain install whose network has a path other than "/".
//   - Archived, spammed and deleted sites are chosen like any other; ms_site_check()
//     stops them later, for everyone but super admins: see Site.Availability.
package wpnetwork

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Site is one row of {prefix}blogs: a site of the network.
type Site struct {
	BlogID    int
	NetworkID int // site_id: the network ({prefix}site.id) the site belongs to
	Domain    string
	Path      string // with its leading and trailing slash: "/", "/shop/"
	// The flags as stored (tinyint): public 1 is the default; the others are 0 unless
	// set, and deleted is 2 for a site not yet activated.
	Public, Archived, Mature, Spam, Deleted int
}

// Network is one row of {prefix}site: a network of sites.
type Network struct {
	ID     int
	Domain string
	Path   string
}

// Availability is what ms_site_check() makes of a site's flags.
type Availability int

const (
	// Available: WordPress serves the site.
	Available Availability = iota
	// Deleted (deleted = 1): "This site is no longer available.", status 410.
	Deleted
	// Inactive (deleted = 2): "This site has not been activated yet.", wp_die()'s
	// default status 500.
	Inactive
	// Suspended (archived = 1 or spam = 1): "This site has been archived or
	// suspended.", status 410.
	Suspended
)

func (a Availability) String() string {
	switch a {
	case Available:
		return "available"
	case Deleted:
		return "deleted"
	case Inactive:
		return "inactive"
	case Suspended:
		return "suspended"
	}
	return "unknown"
}

// Availability applies ms_site_check()'s tests in its order. WordPress lets super
// admins through whatever the flags say; public and mature do not block a request.
func (s Site) Availability() Availability {
	switch {
	case s.Deleted == 1:
		return Deleted
	case s.Deleted == 2:
		return Inactive
	case s.Archived == 1 || s.Spam == 1:
		return Suspended
	}
	return Available
}

// Map finds sites by domain and path. Build it once per list of sites: Find is a few
// map look-ups whatever the number of sites.
type Map struct {
	subdomain bool
	networks  []Network
	// byDomain maps a lower-case domain to its sites by lower-case path, each the
	// site of lowest blog_id where two share a domain and path.
	byDomain map[string]map[string]Site
	netIDs   map[int]bool
	// mainSites maps each network's id to its main site's blog_id.
	mainSites map[int]int
}

// NewMap indexes a network's sites. subdomain is SUBDOMAIN_INSTALL (the network's
// subdomain_install meta when wp-config.php does not say).
func NewMap(networks []Network, sites []Site, subdomain bool) *Map {
	m := &Map{subdomain: subdomain, networks: slices.Clone(networks),
		byDomain: make(map[string]map[string]Site), netIDs: make(map[int]bool, len(networks))}
	for _, n := range networks {
		m.netIDs[n.ID] = true
	}
	for _, s := range sites {
		d := strings.ToLower(s.Domain)
		paths := m.byDomain[d]
		if paths == nil {
			paths = make(map[string]Site)
			m.byDomain[d] = paths
		}
		p := strings.ToLower(s.Path)
		if old, dup := paths[p]; !dup || s.BlogID < old.BlogID {
			paths[p] = s
		}
	}
	m.mainSites = make(map[int]int, len(networks))
	for _, n := range networks {
		m.mainSites[n.ID] = MainSiteID(n, sites)
	}
	return m
}

// MainSiteID is the blog_id of network n's main site, as WP_Network::get_main_site_id()
// finds it without wp-config.php's constants: the network's site (of lowest blog_id) at
// the network's own domain and path, compared as the database compares them. It is 0
// when the network has none: then no site is its main site.
func MainSiteID(n Network, sites []Site) int {
	main := 0
	for _, s := range sites {
		if s.NetworkID == n.ID && strings.EqualFold(s.Domain, n.Domain) && strings.EqualFold(s.Path, n.Path) &&
			(main == 0 || s.BlogID < main) {
			main = s.BlogID
		}
	}
	return main
}

// MainSiteID is the blog_id of network networkID's main site, 0 for none.
func (m *Map) MainSiteID(networkID int) int { return m.mainSites[networkID] }

// Match is the site a request is for.
type Match struct {
	Site Site
	// Rest is the request's path after the site's path, from its slash:
	// "/shop/wp-json/kchat/v1/x" on site "/shop/" is "/wp-json/kchat/v1/x", and "/shop"
	// is "/". It is "" when WordPress found the site through segments it drops
	// ("//shop/x", "/0/shop/x"): the path then does not begin with the site's.
	Rest string
}

// Find returns the site WordPress would serve for host (the Host header) and
// requestURI (the request's path as sent, still percent-encoded; a query is ignored),
// or false when WordPress finds none.
func (m *Map) Find(host, requestURI string) (Match, bool) {
	domain := strings.ToLower(host)
	if d, ok := strings.CutSuffix(domain, ":80"); ok {
		domain = d
	} else if d, ok := strings.CutSuffix(domain, ":443"); ok {
		domain = d
	}
	if domain == "" || domain == "0" {
		// WordPress would then query sites without a domain (empty() of it is true)
		// and serve the longest path of any domain: a request must name its host.
		return Match{}, false
	}
	path, _, _ := strings.Cut(requestURI, "?")

	segments := 1
	if !m.subdomain {
		network, ok := m.currentNetwork(domain, path)
		if !ok {
			return Match{}, false
		}
		if path == network.Path {
			segments = -1
		} else {
			segments = strings.Count(network.Path, "/")
		}
	}
	s, ok := m.siteByPath(domain, path, segments)
	if !ok || !m.netIDs[s.NetworkID] {
		return Match{}, false
	}
	return Match{Site: s, Rest: rest(path, s.Path)}, true
}

// pathSegments is array_filter( explode( '/', trim( $path, '/' ) ) ), cut to at most
// limit segments when limit is not negative.
func pathSegments(path string, limit int) []string {
	var segs []string
	for seg := range strings.SplitSeq(strings.Trim(path, "/"), "/") {
		if seg != "" && seg != "0" {
			segs = append(segs, seg)
		}
	}
	if limit >= 0 && len(segs) > limit {
		segs = segs[:limit]
	}
	return segs
}

// candidatePaths lists "/a/b/", "/a/", "/": the longest first.
func candidatePaths(segs []string) []string {
	paths := make([]string, 0, len(segs)+1)
	for n := len(segs); n > 0; n-- {
		paths = append(paths, "/"+strings.Join(segs[:n], "/")+"/")
	}
	return append(paths, "/")
}

// siteByPath is get_site_by_path(): the site of the longest domain, then the longest
// path, among domain (and domain without "www.") and the path's first segments.
func (m *Map) siteByPath(domain, path string, segments int) (Site, bool) {
	domains := []string{domain}
	if d, ok := strings.CutPrefix(domain, "www."); ok {
		domains = append(domains, d) // shorter: tried second
	}
	paths := candidatePaths(pathSegments(strings.ToLower(path), segments))
	for _, d := range domains {
		byPath := m.byDomain[d]
		if byPath == nil {
			continue
		}
		for _, p := range paths {
			if s, ok := byPath[p]; ok {
				return s, true
			}
		}
	}
	return Site{}, false
}

// currentNetwork is the network of a subdirectory install: the only one, else
// WP_Network::get_by_path( $domain, $path, 1 ).
func (m *Map) currentNetwork(domain, path string) (Network, bool) {
	switch len(m.networks) {
	case 0:
		return Network{}, false
	case 1:
		return m.networks[0], true
	}
	domains := []string{domain}
	for rest := domain; ; {
		_, after, ok := strings.Cut(rest, ".")
		if !ok || after == "" {
			break
		}
		domains = append(domains, after)
		rest = after
	}
	paths := candidatePaths(pathSegments(path, 1))
	var found []Network
	for _, n := range m.networks {
		if containsFold(domains, n.Domain) && containsFold(paths, n.Path) {
			found = append(found, n)
		}
	}
	slices.SortStableFunc(found, func(a, b Network) int {
		return cmp.Or(
			cmp.Compare(utf8.RuneCountInString(b.Domain), utf8.RuneCountInString(a.Domain)),
			cmp.Compare(utf8.RuneCountInString(b.Path), utf8.RuneCountInString(a.Path)),
			cmp.Compare(a.ID, b.ID))
	})
	// WordPress checks these two in PHP, byte for byte.
	for _, n := range found {
		if (n.Domain == domain || "www."+n.Domain == domain) && slices.Contains(paths, n.Path) {
			return n, true
		}
		if n.Path == "/" {
			return n, true
		}
	}
	return Network{}, false
}

func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(e string) bool { return strings.EqualFold(e, s) })
}

// rest is path after sitePath, which it begins with (without regard to case), or "".
func rest(path, sitePath string) string {
	if len(path) >= len(sitePath) && strings.EqualFold(path[:len(sitePath)], sitePath) {
		return "/" + path[len(sitePath):]
	}
	if strings.EqualFold(path+"/", sitePath) {
		return "/"
	}
	return ""
}
