package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/kchat-sidecar/kchat-sidecar/api/decimal"
	"github.com/kchat-sidecar/kchat-sidecar/api/period"
	"github.com/kchat-sidecar/kchat-sidecar/api/weekday"
)

type weekdayEntry struct {
	Weekday int         `json:"weekday"`
	Name    string      `json:"name"`
	Days    int         `json:"days"`
	Total   int64       `json:"total"`
	Average decimal.Dec `json:"average"`
	Share   decimal.Dec `json:"share"`
}

type weekdaysResponse struct {
	Start    string         `json:"start"`
	End      string         `json:"end"`
	Timezone string         `json:"timezone"`
	Total    int64          `json:"total"`
	Weekdays []weekdayEntry `json:"weekdays"`
}

// weekdays answers GET /interactions/weekdays: the window's interactions tallied by day
// of the week, in the site's week order.
func (s *Server) weekdays(c echo.Context) error {
	ctx := c.Request().Context()
	st, err := s.site(ctx)
	if err != nil {
		return err
	}
	start, end, err := parseWeekdaysParams(c.Request().URL.RawQuery, st.today, st.weekStart)
	if err != nil {
		return err
	}
	rows, err := s.dailyCounts(ctx, start, end)
	if err != nil {
		return err
	}
	days := make([]period.DayCount, len(rows))
	for i, r := range rows {
		days[i] = period.DayCount{Date: period.DateOf(r.Date), Count: r.Count.Int64} // NULL counts 0
	}
	total, entries := weekday.Tally(start, end, st.weekStart, days)
	resp := weekdaysResponse{
		Start: start.String(), End: end.String(), Timezone: st.zoneName, Total: total,
		Weekdays: make([]weekdayEntry, len(entries)),
	}
	for i, e := range entries {
		resp.Weekdays[i] = weekdayEntry{
			Weekday: int(e.Weekday), Name: e.Weekday.String(), Days: e.Days, Total: e.Total,
			Average: e.Average, Share: e.Share,
		}
	}
	return writeJSON(c, http.StatusOK, resp)
}

// parseWeekdaysParams validates the weekdays route's start and end as the summary's are
// validated. Without either, the window is weekday.DefaultWindow; with only start, it
// runs to today; with only end, it is the weekday.DefaultWeeks weeks ending there.
func parseWeekdaysParams(raw string, today period.Date, weekStart time.Weekday) (start, end period.Date, err error) {
	q := newQuery(raw)
	start, end = weekday.DefaultWindow(today, weekStart)
	s, hasStart := q.date("start")
	e, hasEnd := q.date("end")
	switch {
	case hasStart && hasEnd:
		start, end = s, e
	case hasStart:
		start, end = s, today
	case hasEnd:
		start, end = e.AddDays(-7*weekday.DefaultWeeks+1), e
	}
	if first := (period.Date{Year: 1, Month: time.January, Day: 1}); start.Before(first) {
		start = first
	}
	if !q.failed("start") && !q.failed("end") {
		if start.After(end) {
			q.fail("start", "start must not be after end.")
		} else if n := daysIn(start, end); n > maxBuckets {
			q.fail("start", "The window from start to end holds "+strconv.Itoa(n)+" days; at most "+
				strconv.Itoa(maxBuckets)+" are allowed.")
		}
	}
	return start, end, q.err()
}

// daysIn is how many days [start, end] holds.
func daysIn(start, end period.Date) int {
	return period.CountBuckets(period.Daily, start, end, time.Sunday)
}
