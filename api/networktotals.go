package api

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/kchat-sidecar/kchat-sidecar/api/period"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// NetworkStore reads a multisite network as a whole, for the network routes; a Store
// that also implements it (as *repository.DB does) serves them when it reads the main
// site of a network.
type NetworkStore interface {
	// BlogID is the site the Store reads: the routes exist under blog 1 only.
	BlogID() int
	Network(ctx context.Context) (repository.Network, error)
	SitesSettings(ctx context.Context, blogIDs []int) (map[int]repository.SiteSettings, error)
	// InteractionTotals sums the window's counts of each site; only sites with the table.
	InteractionTotals(ctx context.Context, blogIDs []int, r repository.DateRange) (map[int]int64, error)
	EachSiteDay(ctx context.Context, blogID int, r repository.DateRange, fn func(repository.DayCount) error) error
}

// totalsView is what the network routes know of the network, reused for the settings
// TTL since reading it scans information_schema and every site's options.
type totalsView struct {
	// served: the Store reads the main site of a multisite network.
	served bool
	// sites are the main site's network's sites, by blog_id.
	sites []networkSite
}

type networkSite struct {
	blogID                  int
	path, name, zone        string
	home                    string // the site's home option; "" when it holds none
	hasTable                bool
	archived, spam, deleted bool
}

// loadNetworkFacts reads the network, if the Store reads the main site of one.
func (s *Server) loadNetworkFacts(ctx context.Context, _ struct{}) (totalsView, error) {
	if s.totals == nil || s.totals.BlogID() != 1 {
		return totalsView{}, nil
	}
	n, err := s.totals.Network(ctx)
	if err != nil || !n.Multisite {
		return totalsView{}, err
	}
	// The main site's network only: a database may hold several networks (site_id).
	main := slices.IndexFunc(n.Sites, func(r repository.SiteRow) bool { return r.BlogID == 1 })
	if main < 0 {
		return totalsView{}, nil
	}
	var rows []repository.SiteRow
	var ids []int
	for _, r := range n.Sites {
		if r.NetworkID == n.Sites[main].NetworkID {
			rows = append(rows, r)
			ids = append(ids, r.BlogID)
		}
	}
	settings, err := s.totals.SitesSettings(ctx, ids)
	if err != nil {
		return totalsView{}, err
	}
	facts := totalsView{served: true, sites: make([]networkSite, len(rows))}
	for i, r := range rows {
		st := settings[r.BlogID]
		_, zone := period.SiteZone(st.TimezoneString, st.GMTOffset)
		facts.sites[i] = networkSite{blogID: r.BlogID, path: r.Path, name: st.BlogName, home: st.Home, zone: zone,
			hasTable: n.Interactions[r.BlogID], archived: r.Archived != 0, spam: r.Spam != 0, deleted: r.Deleted != 0}
	}
	return facts, nil
}

func (s *Server) totalsViewOf(ctx context.Context) (totalsView, error) {
	if site, ok := networkSiteOf(ctx); ok && site.BlogID > 1 {
		return totalsView{}, nil // network mode: the routes live under the main site only
	}
	return s.totalsFacts.Get(ctx, struct{}{}, s.loadNetworkFacts)
}

// requireNetwork answers rest_no_route, before any token is looked at, unless the
// sidecar reads the main site of a network: elsewhere the network routes do not exist.
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
	Archived     bool   `json:"archived,omitempty"`
	Spam         bool   `json:"spam,omitempty"`
	Deleted      bool   `json:"deleted,omitempty"`
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
	body, err := s.totalsAnswers.Get(ctx, [2]period.Date{start, end}, s.loadNetworkSummary)
	if err != nil {
		return err
	}
	return writeJSONBody(c, http.StatusOK, body)
}

// loadNetworkSummary reads the window's totals of every site and encodes the answer.
func (s *Server) loadNetworkSummary(ctx context.Context, window [2]period.Date) ([]byte, error) {
	facts, err := s.totalsViewOf(ctx)
	if err != nil {
		return nil, err
	}
	var ids []int
	for _, site := range facts.sites {
		if site.hasTable {
			ids = append(ids, site.blogID)
		}
	}
	totals, err := s.totals.InteractionTotals(ctx, ids, repository.DateRange{Start: window[0].Time(), End: window[1].Time()})
	if err != nil {
		return nil, err
	}
	resp := networkSummary{Start: window[0].String(), End: window[1].String(), Sites: make([]networkSiteTotal, len(facts.sites))}
	for i, site := range facts.sites {
		t := networkSiteTotal{BlogID: site.blogID, Path: site.path, Name: site.name, Home: site.home, Timezone: site.zone,
			TableMissing: !site.hasTable, Archived: site.archived, Spam: site.spam, Deleted: site.deleted}
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
				err := s.totals.EachSiteDay(ctx, site.blogID, r, func(d repository.DayCount) error {
					record[0], record[1], record[2], record[3] = id, path, d.Date.Format(time.DateOnly), ""
					if d.Count.Valid {
						record[3] = strconv.FormatInt(d.Count.Int64, 10)
					}
					return emit(record)
				})
				if err != nil {
					return err
				}
			}
			return nil
		})
}
