package api

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/period"
)

// query reads a request's query string the strict way the contract asks for: a parameter
// given twice is refused, and every refusal is collected so the client learns about all
// of them at once, as WordPress's rest_invalid_param does.
type query struct {
	values url.Values
	errs   map[string]string
}

func newQuery(raw string) *query {
	q := &query{errs: map[string]string{}}
	values, err := url.ParseQuery(raw)
	if err != nil {
		// ParseQuery keeps the pairs it could read; the broken one is named if possible.
		q.errs["query"] = "The query string is not valid URL encoding."
	}
	q.values = values
	return q
}

func (q *query) fail(name, why string) {
	if _, seen := q.errs[name]; !seen {
		q.errs[name] = why
	}
}

// failed reports whether name was refused already.
func (q *query) failed(name string) bool {
	_, ok := q.errs[name]
	return ok
}

// single returns a parameter given at most once.
func (q *query) single(name string) (string, bool) {
	vs, ok := q.values[name]
	if !ok {
		return "", false
	}
	if len(vs) > 1 {
		q.fail(name, name+" was given more than once.")
		return "", false
	}
	return vs[0], true
}

func (q *query) date(name string) (period.Date, bool) {
	v, ok := q.single(name)
	if !ok {
		return period.Date{}, false
	}
	d, err := period.ParseDate(v)
	if err != nil {
		q.fail(name, name+" is not a real date in the form YYYY-MM-DD.")
		return period.Date{}, false
	}
	return d, true
}

// csvOptions are an export's bom (default false) and, where the route takes it,
// escape_formulas (default true: neutralize formula-like cells).
type csvOptions struct{ bom, escape bool }

func (q *query) csvOptions(takesEscape bool) csvOptions {
	o := csvOptions{bom: q.boolean("bom", false)}
	if takesEscape {
		o.escape = q.boolean("escape_formulas", true)
	}
	return o
}

// boolean accepts exactly true, false, 1 and 0.
func (q *query) boolean(name string, def bool) bool {
	v, ok := q.single(name)
	if !ok {
		return def
	}
	switch v {
	case "true", "1":
		return true
	case "false", "0":
		return false
	}
	q.fail(name, name+" must be one of true, false, 1, 0.")
	return def
}

// integer reads a whole number in [min, max].
func (q *query) integer(name string, def, min, max int) int {
	v, ok := q.single(name)
	if !ok {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil && !isDigits(v) {
		q.fail(name, name+" is not of type integer.")
		return def
	}
	if err != nil || n < min || n > max {
		q.fail(name, name+" must be between "+strconv.Itoa(min)+" (inclusive) and "+strconv.Itoa(max)+" (inclusive).")
		return def
	}
	return n
}

func isDigits(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func (q *query) oneOf(name, def string, allowed ...string) string {
	v, ok := q.single(name)
	if !ok {
		return def
	}
	for _, a := range allowed {
		if v == a {
			return v
		}
	}
	q.fail(name, name+" is not one of "+strings.Join(allowed, ", ")+".")
	return def
}

func (q *query) err() error {
	if len(q.errs) == 0 {
		return nil
	}
	return invalidParams(q.errs)
}

// dateRange reads optional start and end and refuses start after end.
func (q *query) dateRange() (start, end period.Date, hasStart, hasEnd bool) {
	start, hasStart = q.date("start")
	end, hasEnd = q.date("end")
	if hasStart && hasEnd && start.After(end) {
		q.fail("start", "start must not be after end.")
	}
	return start, end, hasStart, hasEnd
}

// maxBuckets bounds a summary's size, so one request cannot ask for millions of buckets.
const maxBuckets = 10000

// summaryParams are the validated parameters of the summary route.
type summaryParams struct {
	Period     period.Period
	Start, End period.Date
	Fill       bool
	// Compare asks for the previous window too: PrevStart..Start−1, as many days.
	Compare   bool
	PrevStart period.Date
}

// parseSummaryParams validates the summary route's query against the site's today,
// default period and week start. It is pure so that it can be fuzzed.
func parseSummaryParams(raw string, today period.Date, defaultPeriod period.Period, weekStart time.Weekday) (summaryParams, error) {
	return parseSummaryQuery(raw, today, defaultPeriod, weekStart, false)
}

// parseInteractionsSummaryParams is parseSummaryParams with the interactions summary's
// own compare parameter, which the log's summaries do not have (and ignore, as any
// parameter they do not know).
func parseInteractionsSummaryParams(raw string, today period.Date, defaultPeriod period.Period, weekStart time.Weekday) (summaryParams, error) {
	return parseSummaryQuery(raw, today, defaultPeriod, weekStart, true)
}

func parseSummaryQuery(raw string, today period.Date, defaultPeriod period.Period, weekStart time.Weekday, compare bool) (summaryParams, error) {
	q := newQuery(raw)
	p := summaryParams{Period: defaultPeriod, End: today}
	if v, ok := q.single("period"); ok {
		if pp, ok := period.ParsePeriod(v); ok {
			p.Period = pp
		} else {
			q.fail("period", "period is not one of daily, weekly, monthly, yearly.")
		}
	}
	start, hasStart := q.date("start")
	end, hasEnd := q.date("end")
	p.Fill = q.boolean("fill", true)
	p.Compare = compare && q.oneOf("compare", "", "previous") == "previous"
	if hasEnd {
		p.End = end
	}
	if hasStart {
		p.Start = start
	} else if !q.failed("start") {
		p.Start = period.DefaultStart(p.Period, p.End, weekStart)
	}
	if !q.failed("start") && !q.failed("end") {
		if p.Start.After(p.End) {
			q.fail("start", "start must not be after end.")
		} else if n := period.CountBuckets(p.Period, p.Start, p.End, weekStart); n > maxBuckets {
			q.fail("start", "The window from start to end holds "+strconv.Itoa(n)+" "+p.Period.String()+
				" buckets; at most "+strconv.Itoa(maxBuckets)+" are allowed.")
		} else if p.Compare {
			p.PrevStart = previousStart(q, p.Start, p.End)
		}
	}
	return p, q.err()
}

// previousStart is the first day of the window of as many days as [start, end] just
// before it, refusing compare when that would begin before 0001-01-01.
func previousStart(q *query, start, end period.Date) period.Date {
	days := period.CountBuckets(period.Daily, start, end, time.Sunday)
	prev := start.AddDays(-days)
	if !prev.Valid() {
		q.fail("compare", "compare=previous needs "+strconv.Itoa(days)+" days before start, and the calendar begins on 0001-01-01.")
	}
	return prev
}
