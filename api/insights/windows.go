package insights

import (
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/period"
)

// Wall is a site-local wall-clock time in whole seconds: the seconds from 1970-01-01
// 00:00:00 to it, with every day 86,400 s long. The log stores wall time with no zone,
// so windows are ranges of Wall, and a DST change moves nothing.
type Wall int64

// WallOf reads t's wall clock (in t's own location) as a Wall.
func WallOf(t time.Time) Wall {
	y, m, d := t.Date()
	h, mi, s := t.Clock()
	return Wall(time.Date(y, m, d, h, mi, s, 0, time.UTC).Unix())
}

// WallAt is midnight at the start of d.
func WallAt(d period.Date) Wall { return Wall(d.Time().Unix()) }

// String is the time as the contract writes it, YYYY-MM-DDTHH:MM:SS.
func (w Wall) String() string { return time.Unix(int64(w), 0).UTC().Format("2006-01-02T15:04:05") }

// Window is the half-open wall-clock range [Start, End).
type Window struct{ Start, End Wall }

// The three windows of an answer, in the order of Answer.Metrics.
const (
	Current = iota
	Previous
	PreviousToDate
	nWindows
)

// Windows are an answer's current window, the previous one (complete), and the
// previous one cut to as much of it as has passed of the current one.
type Windows [nWindows]Window

// Period is what the current window is.
type Period uint8

// The periods; Custom is a start/end pair of days.
const (
	Today Period = iota
	Week
	Month
	Quarter
	Year
	Custom
)

var periodNames = [...]string{"today", "week", "month", "quarter", "year", "custom"}

func (p Period) String() string { return periodNames[p] }

// ParsePeriod reads a period name, any letter case; Custom is not one.
func ParsePeriod(s string) (Period, bool) {
	for p, name := range periodNames[:Custom] {
		if equalFold(s, name) {
			return Period(p), true
		}
	}
	return 0, false
}

func equalFold(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// PeriodWindows are the windows of a calendar period around now (the site's wall clock
// at the request's second): today and yesterday, this week and the one before (weeks
// beginning on weekStart), this month, quarter or year and the one before.
func PeriodWindows(p Period, now Wall, weekStart time.Weekday) Windows {
	today := period.DateOf(time.Unix(int64(now), 0).UTC())
	var cur, prev [2]period.Date // first day, first day after
	switch p {
	case Today:
		cur = [2]period.Date{today, today.AddDays(1)}
		prev = [2]period.Date{today.AddDays(-1), today}
	case Week:
		first := today.AddDays(-((int(today.Weekday()) - int(weekStart) + 7) % 7))
		cur = [2]period.Date{first, first.AddDays(7)}
		prev = [2]period.Date{first.AddDays(-7), first}
	default:
		months := map[Period]int{Month: 1, Quarter: 3, Year: 12}[p]
		m := (int(today.Month)-1)/months*months + 1
		first := period.Date{Year: today.Year, Month: time.Month(m), Day: 1}
		cur = [2]period.Date{first, monthsAfter(first, months)}
		prev = [2]period.Date{monthsAfter(first, -months), first}
	}
	return toDate(Window{WallAt(cur[0]), WallAt(cur[1])}, Window{WallAt(prev[0]), WallAt(prev[1])}, now)
}

// monthsAfter is the first of the month n months after d's (d is a first of a month).
func monthsAfter(d period.Date, n int) period.Date {
	return period.DateOf(time.Date(d.Year, d.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC))
}

// CustomWindows are the windows of the days start..end (inclusive): previous is as many
// days just before.
func CustomWindows(start, end period.Date, now Wall) Windows {
	cur := Window{WallAt(start), WallAt(end.AddDays(1))}
	return toDate(cur, Window{cur.Start - (cur.End - cur.Start), cur.Start}, now)
}

// toDate adds previous_to_date: previous cut to as long as current has run at now (all
// of it when current is past, none when it is still to come).
func toDate(cur, prev Window, now Wall) Windows {
	elapsed := min(max(now-cur.Start, 0), cur.End-cur.Start)
	return Windows{cur, prev, {prev.Start, min(prev.Start+elapsed, prev.End)}}
}

// ReadFrom is the earliest time an answer over ws needs rows from: one gap before its
// earliest window, to see whether an early message continues an older conversation.
func (ws Windows) ReadFrom(gap time.Duration) Wall {
	from := ws[0].Start
	for _, w := range ws[1:] {
		from = min(from, w.Start)
	}
	return from - Wall(gap/time.Second)
}
