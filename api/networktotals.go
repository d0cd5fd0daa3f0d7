package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/kchat-sidecar/kchat-sidecar/api/period"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
	"github.com/kchat-sidecar/kchat-sidecar/repository/wpnetwork"
)

// NetworkStore reads a multisite network as a whole, for the network routes; a Store
// that also implements it (as *repository.DB does) serves them when it reads the main
// site of a network.
type NetworkStore interface {
	// BlogID is the site the Store reads: the routes exist under its network's main
	// site only.
	BlogID() int
	Network(ctx context.Context) (repository.Network, error)
	// SitesSettings reads each site's options; only sites with the options table.
	SitesSettings(ctx context.Context, blogIDs []int) (map[int]repository.SiteSettings, error)
	// InteractionTotals sums the window's counts of each site; only sites with the table.
	InteractionTotals(ctx context.Context, blogIDs []int, r repository.DateRange) (map[int]int64, error)
	EachSiteDay(ctx context.Context, blogID int, r repository.DateRange, fn func(repository.DayCount) error) error
}

// totalsView is what the network routes know of the network, reused for the settings
// TTL since reading it scans information_schema and every site's options.
type totalsView struct {
	// served: the request's site is the main site of a multisite network.
	served bool
	// store reads the main site; it reads the whole database's sites as well.
	store NetworkStore
	// sites are the main site's network's sites, by blog_id.
	sites []networkSite
}

type networkSite struct {
	blogID                  int
	path, name, zone        string
	home                    string // the site's home option; "" when it holds none
	hasTable                bool
	optionsMissing          bool
	archived, spam, deleted bool
}

// loadNetworkFacts reads the network, if store reads the main site of one: a database
// may hold several networks (site_id), each with its main site and its super admins.
// A table gone between the reads (a site being deleted) has it read once more.
func loadNetworkFacts(ctx context.Context, store NetworkStore) (totalsView, error) {
	facts, err := readNetworkFacts(ctx, store)
	if errors.Is(err, repository.ErrTableMissing) {
		facts, err = readNetworkFacts(ctx, store)
	}
	return facts, err
}

func readNetworkFacts(ctx context.Context, store NetworkStore) (totalsView, error) {
	n, err := store.Network(ctx)
	if err != nil || !n.Multisite {
		return totalsView{}, err
	}
	self := slices.IndexFunc(n.Sites, func(r repository.SiteRow) bool { return r.BlogID == store.BlogID() })
	network := -1
	if self >= 0 {
		network = slices.IndexFunc(n.Networks, func(r repository.NetworkRow) bool { return r.ID == n.Sites[self].NetworkID })
	}
	if network < 0 {
		return totalsView{}, nil
	}
	sites := make([]wpnetwork.Site, len(n.Sites))
	for i, r := range n.Sites {
		sites[i] = wpnetwork.Site(r)
	}
	if wpnetwork.MainSiteID(wpnetwork.Network(n.Networks[network]), sites) != store.BlogID() {
		return totalsView{}, nil
	}
	var rows []repository.SiteRow
	var ids []int // of the sites whose options can be read
	for _, r := range n.Sites {
		if r.NetworkID == n.Sites[self].NetworkID {
			rows = append(rows, r)
			if n.Options[r.BlogID] {
				ids = append(ids, r.BlogID)
			}
		}
	}
	settings, err := store.SitesSettings(ctx, ids)
	if err != nil {
		return totalsView{}, err
	}
	facts := totalsView{served: true, store: store, sites: make([]networkSite, len(rows))}
	for i, r := range rows {
		st := settings[r.BlogID]
		_, zone := period.SiteZone(st.TimezoneString, st.GMTOffset)
		facts.sites[i] = networkSite{blogID: r.BlogID, path: r.Path, name: st.BlogName, home: st.Home, zone: zone,
			hasTable: n.Interactions[r.BlogID], optionsMissing: !n.Options[r.BlogID], archived: r.Archived != 0, spam: r.Spam != 0, deleted: r.Deleted != 0}
	}
	return facts, nil
}

// totalsViewOf is the network of the request's site, if that is its network's main site.
func (s *Server) totalsViewOf(ctx context.Context) (totalsView, error) {
	store, ok := s.siteOf(ctx).store.(NetworkStore)
	if !ok {
		return totalsView{}, nil
	}
	if site, ok := networkSiteOf(ctx); ok {
		// Network mode: the sites list, already read, says which are main sites; the
		// others are not read again for a route they do not have.
		view, err := s.networkView(ctx)
		if err != nil || view.sites.MainSiteID(site.NetworkID) != site.BlogID {
			return totalsView{}, err
		}
	}
	return s.totalsFacts.Get(ctx, store.BlogID(), func(ctx context.Context, _ int) (totalsView, error) {
		return loadNetworkFacts(ctx, store)
	})
}

// requireNetwork answers rest_no_route, before any token is looked at, unless the
// request's site is the main site of a network: elsewhere the network routes do not exist.
func (s *Server) requireNetwork(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		facts, err := s.totalsViewOf(c.Request().Context())
		if err != nil {
			return err
		}
		if !facts.served {
			return errNoRoute
		}
		return next(c)
	}
}

// networkWindow reads start and end: by default the 30 days ending today on the main
// site's calendar.
func networkWindow(q *query, today period.Date) (start, end period.Date) {
	start, end, hasStart, hasEnd := q.dateRange()
	if !hasEnd && !q.failed("end") {
		end = today
	}
	if !hasStart && !q.failed("start") {
		start = end.AddDays(-29)
		if !start.Valid() {
			start, _ = period.ParseDate("0001-01-01")
		}
	}
	if hasStart && !hasEnd && start.After(end) {
		q.fail("start", "start must not be after end.")
	}
	return start, end
}

type networkSiteTotal struct {
	BlogID       int    `json:"blog_id"`
	Path         string `json:"path"`
	Name         string `json:"name"`
	Home         string `json:"home,omitempty"`
	Timezone     string `json:"timezone"`
	Total        *int64 `json:"total"`
	TableMissing bool   `json:"table_missing,omitempty"`
	// OptionsMissing: the site is half created or half deleted; name and zone are
	// WordPress's for absent options.
	OptionsMissing bool `json:"options_missing,omitempty"`
	Archived       bool `json:"archived,omitempty"`
	Spam           bool `json:"spam,omitempty"`
	Deleted        bool `json:"deleted,omitempty"`
}

type networkSummary struct {
	Start string             `json:"start"`
	End   string             `json:"end"`
	Total int64              `json:"total"`
	Sites []networkSiteTotal `json:"sites"`
}

// networkSummary answers GET /network/interactions/summary.
func (s *Server) networkSummary(c echo.Context) error {
	ctx := c.Request().Context()
	st, err := s.site(ctx)
	if err != nil {
		return err
	}
	q := newQuery(c.Request().URL.RawQuery)
	start, end := networkWindow(q, st.today)
	if err := q.err(); err != nil {
		return err
	}
	body, err := s.totalsAnswers.Get(ctx, totalsKey{s.siteOf(ctx).blogID, [2]period.Date{start, end}}, s.loadNetworkSummary)
	if err != nil {
		return err
	}
	return writeJSONBody(c, http.StatusOK, body)
}

// totalsKey is a network summary's main site (its siteState's blogID) and window.
type totalsKey struct {
	blogID int
	window [2]period.Date
}

// loadNetworkSummary reads the window's totals of every site and encodes the answer.
func (s *Server) loadNetworkSummary(ctx context.Context, key totalsKey) ([]byte, error) {
	window := key.window
	facts, err := s.totalsViewOf(ctx)
	if err != nil {
		return nil, err
	}
	r := repository.DateRange{Start: window[0].Time(), End: window[1].Time()}
	totals, err := facts.totals(ctx, r)
	if errors.Is(err, repository.ErrTableMissing) {
		// WordPress deletes a site's tables before its wp_blogs row: the facts, still
		// cached, name a table that is gone. Fresh facts list the site as it is now.
		if facts, err = loadNetworkFacts(ctx, facts.store); err == nil {
			totals, err = facts.totals(ctx, r)
		}
	}
	if err != nil {
		return nil, err
	}
	resp := networkSummary{Start: window[0].String(), End: window[1].String(), Sites: make([]networkSiteTotal, len(facts.sites))}
	for i, site := range facts.sites {
		t := networkSiteTotal{BlogID: site.blogID, Path: site.path, Name: site.name, Home: site.home, Timezone: site.zone,
			TableMissing: !site.hasTable, OptionsMissing: site.optionsMissing, Archived: site.archived, Spam: site.spam, Deleted: site.deleted}
		if site.hasTable {
			total := totals[site.blogID]
			t.Total = &total
			resp.Total += total
		}
		resp.Sites[i] = t
	}
	slices.SortStableFunc(resp.Sites, func(a, b networkSiteTotal) int {
		return compareTotals(a.Total, b.Total)
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(resp); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// totals sums r on each site that has the interactions table.
func (v totalsView) totals(ctx context.Context, r repository.DateRange) (map[int]int64, error) {
	var ids []int
	for _, site := range v.sites {
		if site.hasTable {
			ids = append(ids, site.blogID)
		}
	}
	return v.store.InteractionTotals(ctx, ids, r)
}

// compareTotals orders most first, a missing table (nil) after every number; the sites
// come by blog_id, which a stable sort keeps among equals.
func compareTotals(a, b *int64) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	case *a > *b:
		return -1
	case *a < *b:
		return 1
	}
	return 0
}

// networkExport answers GET /network/interactions/export: every stored day of every
// site with the table, by blog_id then date, streamed site after site.
func (s *Server) networkExport(c echo.Context) error {
	q := newQuery(c.Request().URL.RawQuery)
	start, end, hasStart, hasEnd := q.dateRange()
	opt := q.csvOptions(true)
	if err := q.err(); err != nil {
		return err
	}
	ctx := c.Request().Context()
	facts, err := s.totalsViewOf(ctx)
	if err != nil {
		return err
	}
	r := dateRange(start, end, hasStart, hasEnd)
	record := make([]string, 4)
	return s.streamCSV(c, "Chatbot-ChatGPT-Network-Interactions", opt, []string{"blog_id", "path", "date", "count"},
		func(emit func([]string) error) error {
			for _, site := range facts.sites {
				if !site.hasTable {
					continue
				}
				id, path := strconv.Itoa(site.blogID), site.path
				err := facts.store.EachSiteDay(ctx, site.blogID, r, func(d repository.DayCount) error {
					record[0], record[1], record[2], record[3] = id, path, d.Date.Format(time.DateOnly), ""
					if d.Count.Valid {
						record[3] = strconv.FormatInt(d.Count.Int64, 10)
					}
					return emit(record)
				})
				if errors.Is(err, repository.ErrTableMissing) {
					continue // dropped since the facts were read: a site being deleted has no days
				}
				if err != nil {
					return err
				}
			}
			return nil
		})
}
