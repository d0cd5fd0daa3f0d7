// Package weekday tallies the interactions table's daily counts by day of the week, the
// plugin's own tip ("higher interaction counts on certain days of the week") made into
// figures: how many of each weekday a window holds, their counts, average and share.
package weekday

import (
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/decimal"
	"github.com/kchat-sidecar/kchat-sidecar/api/period"
)

// DefaultWeeks is how many complete weeks the default window holds.
const DefaultWeeks = 12

// DefaultWindow is the DefaultWeeks complete weeks, on startOfWeek, before the week
// holding today: every weekday appears in it equally often, and no week is partial.
func DefaultWindow(today period.Date, startOfWeek time.Weekday) (start, end period.Date) {
	into := (int(today.Weekday()) - int(startOfWeek)%7 + 14) % 7 // days since the week began
	thisWeek := today.AddDays(-into)
	return thisWeek.AddDays(-7 * DefaultWeeks), thisWeek.AddDays(-1)
}

// Entry is one weekday of a tally.
type Entry struct {
	Weekday time.Weekday
	Days    int         // dates of this weekday in the window
	Total   int64       // the sum of their counts; a missing day counts 0
	Average decimal.Dec // Total / Days to two decimals; none when Days is 0
	Share   decimal.Dec // percent of the window's total to one decimal; none when that is 0
}

// Tally sums days (in any order; those outside [start, end] are ignored) by weekday and
// returns the window's total and seven entries, the first for startOfWeek.
func Tally(start, end period.Date, startOfWeek time.Weekday, days []period.DayCount) (int64, []Entry) {
	var totals [7]int64
	var all int64
	for _, d := range days {
		if d.Date.Before(start) || d.Date.After(end) {
			continue
		}
		totals[d.Date.Weekday()] += d.Count
		all += d.Count
	}
	n := 0 // days in the window
	if !start.After(end) {
		n = daysBetween(start, end) + 1
	}
	entries := make([]Entry, 7)
	for i := range entries {
		w := time.Weekday((int(startOfWeek)%7 + 7 + i) % 7)
		// The window's first n%7 weekdays, from start's, have one date more than the rest.
		k := n / 7
		if (int(w)-int(start.Weekday())+7)%7 < n%7 {
			k++
		}
		entries[i] = Entry{
			Weekday: w, Days: k, Total: totals[w],
			Average: decimal.Ratio(totals[w], int64(k), 2),
			Share:   decimal.Percent(totals[w], all),
		}
	}
	return all, entries
}

// daysBetween is how many days b lies after a (in seconds, since a time.Duration would
// overflow past 292 years).
func daysBetween(a, b period.Date) int {
	return int((b.Time().Unix() - a.Time().Unix()) / 86400)
}
