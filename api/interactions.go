package api

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/kchat-sidecar/kchat-sidecar/api/csvsafe"
	"github.com/kchat-sidecar/kchat-sidecar/api/decimal"
	"github.com/kchat-sidecar/kchat-sidecar/api/period"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// site is what a request needs to know about the site's calendar.
type site struct {
	zoneName      string
	today         period.Date
	weekStart     time.Weekday
	defaultPeriod period.Period
}

func (s *Server) site(ctx context.Context) (site, error) {
	settings, err := s.siteSettings(ctx)
	if err != nil {
		return site{}, err
	}
	p, ok := period.ParsePeriod(settings.ReportingPeriod)
	if !ok {
		p = period.Daily
	}
	return site{
		zoneName: settings.zoneName, today: period.Today(s.now(), settings.loc),
		weekStart: settings.StartOfWeek, defaultPeriod: p,
	}, nil
}

// dailyCounts reads the interactions table's days from start to end, reusing an answer
// for Config.CountsTTL.
func (s *Server) dailyCounts(ctx context.Context, start, end period.Date) ([]repository.DayCount, error) {
	st := s.siteOf(ctx)
	return st.counts.Get(ctx, [2]period.Date{start, end}, func(ctx context.Context, k [2]period.Date) ([]repository.DayCount, error) {
		return st.store.DailyCounts(ctx, repository.DateRange{Start: k[0].Time(), End: k[1].Time()})
	})
}

func dateRange(start, end period.Date, hasStart, hasEnd bool) repository.DateRange {
	var r repository.DateRange
	if hasStart {
		r.Start = start.Time()
	}
	if hasEnd {
		r.End = end.Time()
	}
	return r
}

type summaryBucket struct {
	Label string `json:"label"`
	Start string `json:"start"`
	End   string `json:"end"`
	Count int64  `json:"count"`
}

type summaryResponse struct {
	Period   string          `json:"period"`
	Start    string          `json:"start"`
	End      string          `json:"end"`
	Timezone string          `json:"timezone"`
	Total    int64           `json:"total"`
	Buckets  []summaryBucket `json:"buckets"`
}

// summary answers GET /interactions/summary: the Reporting tab's table, with site-local
// windows, zero-filled and clipped buckets.
func (s *Server) summary(c echo.Context) error {
	ctx := c.Request().Context()
	st, err := s.site(ctx)
	if err != nil {
		return err
	}
	p, err := parseInteractionsSummaryParams(c.Request().URL.RawQuery, st.today, st.defaultPeriod, st.weekStart)
	if err != nil {
		return err
	}
	from := p.Start
	if p.Compare {
		from = p.PrevStart // one read for both windows
	}
	rows, err := s.dailyCounts(ctx, from, p.End)
	if err != nil {
		return err
	}
	days := make([]period.DayCount, len(rows))
	for i, r := range rows {
		days[i] = period.DayCount{Date: period.DateOf(r.Date), Count: r.Count.Int64} // NULL counts 0
	}
	resp := summaryResponse{
		Period: p.Period.String(), Start: p.Start.String(), End: p.End.String(),
		Timezone: st.zoneName, Buckets: []summaryBucket{},
	}
	for _, b := range period.Summarize(p.Period, p.Start, p.End, st.weekStart, days) {
		if !p.Fill && !b.HasData {
			continue
		}
		resp.Total += b.Count
		resp.Buckets = append(resp.Buckets, summaryBucket{
			Label: b.Label, Start: b.Start.String(), End: b.End.String(), Count: b.Count,
		})
	}
	if p.Compare {
		return writeJSON(c, http.StatusOK, compared(resp, p.PrevStart, p.Start.AddDays(-1), days))
	}
	return writeJSON(c, http.StatusOK, resp)
}

type previousWindow struct {
	Start string `json:"start"`
	End   string `json:"end"`
	Total int64  `json:"total"`
}

// comparedSummary is a summary with compare=previous: the same fields, then these two.
type comparedSummary struct {
	summaryResponse
	Previous      previousWindow `json:"previous"`
	ChangePercent decimal.Dec    `json:"change_percent"`
}

// compared adds to resp the total of the days in [start, end], the previous window, and
// the change from it to resp's total.
func compared(resp summaryResponse, start, end period.Date, days []period.DayCount) comparedSummary {
	prev := previousWindow{Start: start.String(), End: end.String()}
	for _, d := range days {
		if !d.Date.Before(start) && !d.Date.After(end) {
			prev.Total += d.Count
		}
	}
	return comparedSummary{
		summaryResponse: resp, Previous: prev,
		ChangePercent: decimal.Percent(resp.Total-prev.Total, prev.Total),
	}
}

// list answers GET /interactions: the stored rows as a WordPress collection.
func (s *Server) list(c echo.Context) error {
	req := c.Request()
	q := newQuery(req.URL.RawQuery)
	start, end, hasStart, hasEnd := q.dateRange()
	order := q.oneOf("order", "desc", "asc", "desc")
	page := q.integer("page", 1, 1, maxPage)
	perPage := q.integer("per_page", 10, 1, 100)
	fields, hasFields := q.single("_fields")
	if err := q.err(); err != nil {
		return err
	}
	r := dateRange(start, end, hasStart, hasEnd)
	total, err := s.siteOf(req.Context()).store.CountDays(req.Context(), r)
	if err != nil {
		return err
	}
	totalPages := (total + perPage - 1) / perPage
	if total > 0 && page > totalPages {
		return newError(http.StatusBadRequest, "rest_post_invalid_page_number",
			"The page number requested is larger than the number of pages available.")
	}
	rows := []repository.DayCount{}
	if total > 0 {
		rows, err = s.siteOf(req.Context()).store.ListDays(req.Context(), r, order == "desc", perPage, (page-1)*perPage)
		if err != nil {
			return err
		}
	}
	h := c.Response().Header()
	h.Set("X-WP-Total", strconv.Itoa(total))
	h.Set("X-WP-TotalPages", strconv.Itoa(totalPages))
	if totalPages > 0 && (page > 1 || page < totalPages) {
		home, err := s.siteHome(req.Context())
		if err != nil {
			return err
		}
		h.Set("Link", pageLinks(home, req, page, totalPages))
	}
	sel := selectFields(fields, hasFields)
	var buf bytes.Buffer
	buf.WriteByte('[')
	for i, row := range rows {
		if i > 0 {
			buf.WriteByte(',')
		}
		writeRow(&buf, row, sel)
	}
	buf.WriteByte(']')
	return writeJSONBody(c, http.StatusOK, buf.Bytes())
}

// maxPage is the number of days from 0001-01-01 to 9999-12-31: the table holds one row
// per day, so no page beyond it can exist, even at one row per page.
const maxPage = 3652059

type fieldSet struct{ date, count bool }

// selectFields implements WordPress's _fields: a comma-separated list; unknown names
// are ignored; an empty list means every field.
func selectFields(raw string, given bool) fieldSet {
	if !given || strings.TrimSpace(raw) == "" {
		return fieldSet{true, true}
	}
	var fs fieldSet
	for _, f := range strings.Split(raw, ",") {
		switch strings.TrimSpace(f) {
		case "date":
			fs.date = true
		case "count":
			fs.count = true
		}
	}
	return fs
}

func writeRow(buf *bytes.Buffer, row repository.DayCount, fs fieldSet) {
	buf.WriteByte('{')
	if fs.date {
		buf.WriteString(`"date":"`)
		buf.WriteString(row.Date.Format(time.DateOnly))
		buf.WriteByte('"')
	}
	if fs.count {
		if fs.date {
			buf.WriteByte(',')
		}
		buf.WriteString(`"count":`)
		if row.Count.Valid {
			buf.WriteString(strconv.FormatInt(row.Count.Int64, 10))
		} else {
			buf.WriteString("null")
		}
	}
	buf.WriteByte('}')
}

// pageLinks builds WordPress's Link header: rel="prev" and rel="next" pointing at this
// same request with another page, under the site's home (see siteHome).
func pageLinks(home string, req *http.Request, page, totalPages int) string {
	link := func(p int, rel string) string {
		q := req.URL.Query()
		q.Set("page", strconv.Itoa(p))
		u := url.URL{Path: req.URL.Path, RawQuery: q.Encode()}
		return "<" + home + u.String() + `>; rel="` + rel + `"`
	}
	var links []string
	if page > 1 && totalPages > 0 {
		links = append(links, link(min(page-1, totalPages), "prev"))
	}
	if page < totalPages {
		links = append(links, link(page+1, "next"))
	}
	return strings.Join(links, ", ")
}

// export answers GET /interactions/export: the plugin's CSV download, streamed from the
// database cursor.
func (s *Server) export(c echo.Context) error {
	q := newQuery(c.Request().URL.RawQuery)
	start, end, hasStart, hasEnd := q.dateRange()
	opt := q.csvOptions(false)
	if err := q.err(); err != nil {
		return err
	}
	record := make([]string, 2)
	return s.streamCSV(c, "Chatbot-ChatGPT-Interactions", opt, []string{"date", "count"},
		func(emit func([]string) error) error {
			return s.siteOf(c.Request().Context()).store.EachDay(c.Request().Context(), dateRange(start, end, hasStart, hasEnd), func(d repository.DayCount) error {
				record[0] = d.Date.Format(time.DateOnly)
				record[1] = ""
				if d.Count.Valid {
					record[1] = strconv.FormatInt(d.Count.Int64, 10)
				}
				return emit(record)
			})
		})
}

// exportWriteTimeout bounds how long one chunk of an export may wait for the client.
const exportWriteTimeout = 30 * time.Second

// streamCSV sends a CSV download named "<name>-<site-local date>.csv": the header row,
// then every record each emits, written as they come. Headers go out with the first
// record, so a query that fails at once is still a proper error response; a failure
// after that breaks the connection, so that the client sees a failed transfer and never
// a short file that looks complete. With opt.escape every cell a spreadsheet would run
// as a formula is neutralized (csvsafe) on its way out.
func (s *Server) streamCSV(c echo.Context, name string, opt csvOptions, header []string, each func(emit func([]string) error) error) error {
	st, err := s.site(c.Request().Context())
	if err != nil {
		return err
	}
	resp := c.Response()
	d := &csvDownload{
		resp:     resp,
		rc:       http.NewResponseController(resp),
		filename: name + "-" + st.today.String() + ".csv",
		bom:      opt.bom,
		escape:   opt.escape,
		header:   header,
		buf:      make([]byte, 0, 64<<10),
	}
	if c.Request().Method == http.MethodHead {
		// A probe gets the headers the download would begin with, token and parameters
		// checked, but no query: a HEAD must not cost a whole export. (A database fault
		// therefore shows only on GET.)
		d.setHeaders()
		return c.NoContent(http.StatusOK)
	}
	// An export holds a database connection for as long as its client reads; only so
	// many run at once, so that summaries and logins always find a connection free.
	select {
	case s.exportSlots <- struct{}{}:
		defer func() { <-s.exportSlots }()
	case <-c.Request().Context().Done():
		return c.Request().Context().Err()
	}
	defer func() { s.metrics.exportedRows.WithLabelValues(name).Add(float64(d.rows)) }()
	err = each(d.emit)
	if err == nil && !d.started {
		d.begin()
	}
	if err == nil {
		err = d.flush()
	}
	if err != nil {
		if !d.started {
			return err
		}
		s.logFor(c).Error("export aborted", "file", d.filename, "rows", d.rows, "err", errString(err))
		panic(http.ErrAbortHandler)
	}
	return nil
}

// csvDownload is one CSV export on its way out: records are buffered and written in
// chunks, and the response headers go out with the first of them.
type csvDownload struct {
	resp     *echo.Response
	rc       *http.ResponseController
	filename string
	bom      bool
	escape   bool // neutralize formula-like cells
	header   []string
	buf      []byte
	started  bool
	rows     int
}

func (d *csvDownload) setHeaders() {
	h := d.resp.Header()
	h.Set(echo.HeaderContentType, "text/csv; charset=utf-8")
	h.Set(echo.HeaderContentDisposition, `attachment; filename="`+d.filename+`"`)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set(echo.HeaderCacheControl, cacheNoStore)
}

// begin commits to a 200 download; after it, a failure can only break the connection.
func (d *csvDownload) begin() {
	d.started = true
	d.setHeaders()
	d.resp.WriteHeader(http.StatusOK)
	if d.bom {
		d.buf = append(d.buf, "\uFEFF"...)
	}
	d.buf = csvsafe.AppendRecord(d.buf, d.header)
}

func (d *csvDownload) emit(record []string) error {
	if !d.started {
		d.begin()
	}
	if d.escape {
		for i, cell := range record {
			record[i] = csvsafe.Neutralize(cell)
		}
	}
	d.buf = csvsafe.AppendRecord(d.buf, record)
	d.rows++
	if len(d.buf) >= 48<<10 {
		return d.flush()
	}
	return nil
}

// flush writes what is buffered. The server has no overall write timeout, since a large
// export legitimately takes minutes; instead each chunk must reach the client within
// exportWriteTimeout, so a client that stops reading cannot hold a database cursor open
// for ever.
func (d *csvDownload) flush() error {
	d.rc.SetWriteDeadline(time.Now().Add(exportWriteTimeout)) // best effort: recorders cannot
	if _, err := d.resp.Write(d.buf); err != nil {
		return err
	}
	d.buf = d.buf[:0]
	d.resp.Flush()
	return nil
}
