package api

import (
	"container/list"
	"context"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/labstack/echo/v4"

	"github.com/kchat-sidecar/kchat-sidecar/api/insights"
	"github.com/kchat-sidecar/kchat-sidecar/api/logstats"
	"github.com/kchat-sidecar/kchat-sidecar/api/period"
	"github.com/kchat-sidecar/kchat-sidecar/api/ttlcache"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
	"github.com/kchat-sidecar/kchat-sidecar/repository/wpnetwork"
)

// Network is a WordPress multisite network's database: the sites it holds, and a Store
// for each, reading that site's tables and its users' capabilities there.
type Network interface {
	Network(ctx context.Context) (repository.Network, error)
	SiteStore(blogID int) Store
}

// RepositoryNetwork is db's network, each site a view of db (repository.DB.Site).
func RepositoryNetwork(db *repository.DB) Network { return repositoryNetwork{db} }

type repositoryNetwork struct{ db *repository.DB }

func (n repositoryNetwork) Network(ctx context.Context) (repository.Network, error) {
	return n.db.Network(ctx)
}

func (n repositoryNetwork) SiteStore(blogID int) Store { return n.db.Site(blogID) }

// Defaults of the network mode.
const (
	// DefaultNetworkTTL is how long the network's sites are reused before they are read
	// again (Network scans information_schema).
	DefaultNetworkTTL = 5 * time.Second
	// DefaultMaxSites is how many sites' caches are kept at once; the least recently
	// used site's are dropped for another's.
	DefaultMaxSites = 256
	// DefaultSiteCacheBytes is how much the sites' caches may hold together before the
	// least recently used sites' are dropped: half of the sidecar's default soft memory
	// limit (48 MiB), which leaves the collector room for the process itself and for
	// the garbage of a log read in flight.
	DefaultSiteCacheBytes = 24 << 20
)

// maxCountWindows bounds each site's counts cache: the windows a site's dashboards
// ask for within KCHAT_COUNTS_TTL are few.
const maxCountWindows = 64

// dayCountsBytes is about how much a window's counts hold.
func dayCountsBytes(days []repository.DayCount) int64 {
	return 24 + int64(cap(days))*int64(unsafe.Sizeof(repository.DayCount{}))
}

// siteState is one site's store and the caches of what was read from it.
type siteState struct {
	blogID   int // 0: the one site of a single-site sidecar
	store    Store
	settings *ttlcache.Cache[struct{}, siteOptions]
	// availability is ms_site_check()'s verdict on the site from its own row of
	// {prefix}blogs, for a sidecar serving one site of a network (in network mode the
	// network's list says it).
	availability *ttlcache.Cache[struct{}, wpnetwork.Availability]
	counts       *ttlcache.Cache[[2]period.Date, []repository.DayCount]
	logDays      *logstats.Cache
	insights     *insights.Cache
	cors         echo.MiddlewareFunc
}

func (s *Server) newSiteState(blogID int, store Store) *siteState {
	st := &siteState{
		blogID:   blogID,
		store:    store,
		settings: ttlcache.New[struct{}, siteOptions](s.cfg.SettingsTTL, s.now),
		// Read as often as the options: an archived site stops answering within the
		// settings TTL, at one primary-key look-up per TTL.
		availability: ttlcache.New[struct{}, wpnetwork.Availability](s.cfg.SettingsTTL, s.now),
		counts:       ttlcache.NewBounded[[2]period.Date, []repository.DayCount](s.cfg.CountsTTL, s.now, maxCountWindows).Weighed(dayCountsBytes),
		logDays:      logstats.New(store, s.now),
		insights:     newInsightsCache(store, s.now, s.cfg.Insights),
	}
	st.cors = s.corsFor(st)
	return st
}

// requestSite is the site of a network a request is for.
type requestSite struct {
	state *siteState
	site  wpnetwork.Site
}

type requestSiteKey struct{}

// siteOf is the state of the site a request's context is for: the one site unless
// chooseSite chose one of a network's.
func (s *Server) siteOf(ctx context.Context) *siteState {
	if rs, ok := ctx.Value(requestSiteKey{}).(*requestSite); ok {
		return rs.state
	}
	return s.main
}

// networkSiteOf is the network's site a request's context is for, if chooseSite chose one.
func networkSiteOf(ctx context.Context) (wpnetwork.Site, bool) {
	rs, ok := ctx.Value(requestSiteKey{}).(*requestSite)
	if !ok {
		return wpnetwork.Site{}, false
	}
	return rs.site, true
}

// networkView is what the network's database said, as the router uses it.
type networkView struct {
	multisite bool
	sites     *wpnetwork.Map
}

func (s *Server) networkView(ctx context.Context) (networkView, error) {
	return s.networkFacts.Get(ctx, struct{}{}, func(ctx context.Context, _ struct{}) (networkView, error) {
		n, err := s.network.Network(ctx)
		if err != nil || !n.Multisite {
			return networkView{}, err
		}
		networks := make([]wpnetwork.Network, len(n.Networks))
		for i, r := range n.Networks {
			networks[i] = wpnetwork.Network(r)
		}
		sites := make([]wpnetwork.Site, len(n.Sites))
		for i, r := range n.Sites {
			sites[i] = wpnetwork.Site(r)
		}
		// WordPress chooses every network's sites by one SUBDOMAIN_INSTALL
		// (is_subdomain_install()), not by each network's meta; without the constant,
		// the choice install_network() wrote as the main network's (lowest id)
		// subdomain_install stands in for it.
		subdomain := len(n.Networks) > 0 && n.SubdomainInstall[n.Networks[0].ID]
		if s.cfg.SubdomainInstall != nil {
			subdomain = *s.cfg.SubdomainInstall
		}
		return networkView{multisite: true, sites: wpnetwork.NewMap(networks, sites, subdomain)}, nil
	})
}

// noSiteKey holds the error a request answers when it is for no site of the network.
const noSiteKey = "kchat.no_site"

// noSitePath is where chooseSite sends a request for no site: no route has it, and no
// client can send it.
const noSitePath = "/\x00no-site"

// probes answer on any host: they are the operator's, not a site's.
var probes = map[string]bool{"/healthz": true, "/readyz": true, "/metrics": true}

// chooseSite runs before routing: in network mode it chooses the request's site from
// its Host and path as WordPress does, strips the site's path and puts the site in the
// request's context; a request for no site (an unknown host) is routed nowhere and
// answers 404 rest_no_route. Without a network, or when the database holds none, the
// request is the one site's.
func (s *Server) chooseSite(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if s.network == nil {
			return next(c)
		}
		req := c.Request()
		view, err := s.networkView(req.Context())
		if err == nil && !view.multisite {
			return next(c)
		}
		if err != nil {
			return s.noSite(c, next, err)
		}
		m, ok := view.sites.Find(req.Host, req.URL.EscapedPath())
		if !ok || m.Rest == "" {
			return s.noSite(c, next, errNoRoute)
		}
		rest, err := url.PathUnescape(m.Rest)
		if err != nil {
			return s.noSite(c, next, errNoRoute)
		}
		c.Set(originalPathKey, req.URL.Path)
		// In place: Echo routes the URL of the request it was given.
		req.URL.Path, req.URL.RawPath = rest, ""
		if rest != m.Rest {
			req.URL.RawPath = m.Rest
		}
		rs := &requestSite{state: s.acquireSite(m.Site.BlogID), site: m.Site}
		defer s.releaseSite(rs.state)
		c.SetRequest(req.WithContext(context.WithValue(req.Context(), requestSiteKey{}, rs)))
		return next(c)
	}
}

// noSite routes a request that is for no site nowhere, to answer err; the probes
// still answer.
func (s *Server) noSite(c echo.Context, next echo.HandlerFunc, err error) error {
	u := c.Request().URL
	if probes[withoutTrailingSlashes(u.Path)] {
		return next(c)
	}
	c.Set(noSiteKey, err)
	c.Set(originalPathKey, u.Path)
	u.Path, u.RawPath = noSitePath, ""
	return next(c)
}

// originalPathKey holds the path a request came with when chooseSite routed it nowhere,
// for the log.
const originalPathKey = "kchat.original_path"

// routeNotFound answers a path no route has: rest_no_route, or why the request is for
// no site.
func routeNotFound(c echo.Context) error {
	if err, ok := c.Get(noSiteKey).(error); ok {
		return err
	}
	return errNoRoute
}

// acquireSite is the state of blog blogID of the network, kept for the most recently
// used sites, held for a request until releaseSite: a site being served is never
// dropped.
func (s *Server) acquireSite(blogID int) *siteState {
	if blogID == 1 {
		return s.main // Config.Store is the main site's: its caches are the ones /metrics reports
	}
	return s.sites.acquire(blogID, func() *siteState {
		return s.newSiteState(blogID, s.network.SiteStore(blogID))
	})
}

// releaseSite ends a request's hold on st, weighs what st's caches hold now, and drops
// the least recently used sites' states while the network's caches hold more than
// their budget.
func (s *Server) releaseSite(st *siteState) {
	if st == s.main {
		s.sites.trim() // the main site's caches count toward the budget too
		return
	}
	s.sites.release(st)
}

// emptySiteBytes is about what a site's state weighs before it caches anything
// (measured: 13.8 KB, mostly the CORS middleware's and the caches' own structures).
const emptySiteBytes = 14 << 10

// bytes is about how much memory the site's state holds: its own structures, the counts
// kept, the log's per-day count and the Insights rows and answers.
func (st *siteState) bytes() int64 {
	return emptySiteBytes + st.counts.Bytes() + st.logDays.Bytes() + st.insights.Bytes()
}

// siteLRU keeps the states of the most recently used sites: at most max of them, and
// while their caches (with base's, the main site's, which is never dropped) weigh more
// than budget bytes, the least recently used go until they do not. A state held by a
// request is never dropped: the bounds may be passed by the sites being served. The
// most recently used site is not dropped for bytes either, even alone over the budget:
// a dashboard asks several routes in a row, and each would read the site's log again.
type siteLRU struct {
	max    int
	budget int64
	base   func() int64
	weigh  func(*siteState) int64 // (*siteState).bytes; tests weigh as they like

	mu    sync.Mutex
	order *list.List // of *siteEntry, the most recently used first
	byID  map[int]*list.Element
	bytes int64 // the entries' weights, summed

	// evictions count the states dropped, for the count bound and for the budget.
	byCount, byBytes atomic.Int64
}

type siteEntry struct {
	state  *siteState
	held   int   // requests being served with it now
	weight int64 // its bytes when last released
}

func newSiteLRU(max int, budget int64, base func() int64) *siteLRU {
	return &siteLRU{max: max, budget: budget, base: base, weigh: (*siteState).bytes, order: list.New(), byID: map[int]*list.Element{}}
}

// acquire is blogID's state, made if none is kept, held until release.
func (l *siteLRU) acquire(blogID int, make func() *siteState) *siteState {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e, ok := l.byID[blogID]; ok {
		l.order.MoveToFront(e)
		e.Value.(*siteEntry).held++
		return e.Value.(*siteEntry).state
	}
	en := &siteEntry{state: make(), held: 1, weight: emptySiteBytes}
	l.byID[blogID] = l.order.PushFront(en)
	l.bytes += en.weight
	for e := l.order.Back(); l.order.Len() > l.max && e != nil; {
		prev := e.Prev()
		if e.Value.(*siteEntry).held == 0 {
			l.drop(e)
			l.byCount.Add(1)
		}
		e = prev
	}
	return en.state
}

// release ends a hold on st, weighs it, and drops sites while over the budget.
func (l *siteLRU) release(st *siteState) {
	l.mu.Lock()
	if e, ok := l.byID[st.blogID]; ok && e.Value.(*siteEntry).state == st {
		en := e.Value.(*siteEntry)
		en.held--
		// Weighed under the lock: two requests for the site ending at once land in the
		// order they weighed, so the weight kept is the latest, not an older, smaller
		// one. (The caches' counters take no lock of the list's.)
		weight := l.weigh(st)
		l.bytes += weight - en.weight
		en.weight = weight
	}
	l.mu.Unlock()
	l.trim()
}

// trim drops the least recently used states not held while the caches weigh more than
// the budget, sparing the most recently used.
func (l *siteLRU) trim() {
	base := l.base()
	l.mu.Lock()
	defer l.mu.Unlock()
	for e := l.order.Back(); base+l.bytes > l.budget && e != nil && e != l.order.Front(); {
		prev := e.Prev()
		if e.Value.(*siteEntry).held == 0 {
			l.drop(e)
			l.byBytes.Add(1)
		}
		e = prev
	}
}

// drop forgets e's site; l.mu is held.
func (l *siteLRU) drop(e *list.Element) {
	en := e.Value.(*siteEntry)
	l.order.Remove(e)
	delete(l.byID, en.state.blogID)
	l.bytes -= en.weight
}

// siteCacheStats are the network's caches as /metrics reports them.
type siteCacheStats struct {
	sites                     int
	bytes                     int64 // the sites' kept, the main site's included
	evictedCount, evictedSize int64
}

func (l *siteLRU) stats() siteCacheStats {
	base := l.base()
	l.mu.Lock()
	defer l.mu.Unlock()
	return siteCacheStats{sites: l.order.Len(), bytes: base + l.bytes, evictedCount: l.byCount.Load(), evictedSize: l.byBytes.Load()}
}

// siteOpenAPI is the contract as served for a network's site: its server is the site's
// path, where its routes answer.
func siteOpenAPI(spec []byte, sitePath string) []byte {
	const servers = "\nservers:\n  - url: /\n"
	if sitePath == "/" || sitePath == "" {
		return spec
	}
	return []byte(strings.Replace(string(spec), servers, "\nservers:\n  - url: "+sitePath+"\n", 1))
}
