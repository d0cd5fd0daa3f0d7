// Package period is the calendar behind the interactions summary: site-local dates, the
// site's zone as WordPress resolves it, the plugin's default reporting windows, and the
// division of a window into daily, weekly, monthly or yearly buckets with the plugin's
// labels. It does no I/O beyond Go's reading of the zone database and never reads the
// clock: the instant that is "now" is always passed in.
package period

import (
	"strconv"
	"time"
)

// Period is a summary granularity. Its zero value is not a period, so that a forgotten
// assignment does not pass for Daily.
type Period int

// The periods, finest first.
const (
	Daily Period = iota + 1
	Weekly
	Monthly
	Yearly
)

// ParsePeriod reads "daily", "weekly", "monthly" or "yearly" in any ASCII letter case,
// which covers the plugin's stored option ("Daily"). Nothing else is a period: no
// surrounding spaces, no abbreviations.
func ParsePeriod(s string) (Period, bool) {
	for p := Daily; p <= Yearly; p++ {
		if equalFoldASCII(s, p.String()) {
			return p, true
		}
	}
	return 0, false
}

// String is the period's name in lower case, as the API reports it.
func (p Period) String() string {
	switch p {
	case Daily:
		return "daily"
	case Weekly:
		return "weekly"
	case Monthly:
		return "monthly"
	case Yearly:
		return "yearly"
	}
	return "Period(" + strconv.Itoa(int(p)) + ")"
}

// The functions below read a Period that is none of the four as Daily, and a
// startOfWeek outside Sunday..Saturday modulo 7 (7 is Sunday, -1 Saturday), so that no
// value a caller passes on from the options table can make them panic.

// weekStart is the day number of the week start on or before day n; it may precede minDay.
func weekStart(n int, startOfWeek time.Weekday) int {
	return n - floorMod(n+1-int(startOfWeek), 7) // day n is weekday (n+1) mod 7
}

// DefaultStart is the first day of the plugin's default window ending at end: daily, 7
// days before end (8 buckets); weekly, the start of the week 7 weeks before end's week (8
// buckets); monthly, the first day of the month 3 months before end's month (4 buckets);
// yearly, 1 January 3 years before end's year (4 buckets). A window that would begin
// before 0001-01-01 begins on it.
func DefaultStart(p Period, end Date, startOfWeek time.Weekday) Date {
	n := end.day()
	switch p {
	case Weekly:
		return dateOfDay(max(weekStart(n-7*7, startOfWeek), minDay))
	case Monthly:
		e := dateOfDay(n)
		start := Date{e.Year, e.Month - 3, 1}.day() // Date.day carries the month back across years
		return dateOfDay(max(start, minDay))
	case Yearly:
		return dateOfDay(max(Date{dateOfDay(n).Year - 3, time.January, 1}.day(), minDay))
	}
	return dateOfDay(max(n-7, minDay))
}

// window is the day numbers of [start, end] within 0001-01-01..9999-12-31. Dates beyond
// that range can only be built by hand; cutting them off bounds every window at
// 3,652,059 days. first > last means an empty window.
func window(start, end Date) (first, last int) {
	return max(start.day(), minDay), min(end.day(), maxDay)
}

// bucketKey numbers the buckets of a period consecutively across the whole calendar, so
// that a bucket's position in a window is the difference of two keys.
func bucketKey(p Period, n int, startOfWeek time.Weekday) int {
	switch p {
	case Weekly:
		return floorDiv(weekStart(n, startOfWeek), 7)
	case Monthly:
		d := dateOfDay(n)
		return d.Year*12 + int(d.Month) - 1
	case Yearly:
		return dateOfDay(n).Year
	}
	return n
}

// CountBuckets is how many buckets Summarize returns for the window [start, end], in
// O(1), so that an oversized window can be refused before anything is made. It is 0 when
// start is after end.
func CountBuckets(p Period, start, end Date, startOfWeek time.Weekday) int {
	first, last := window(start, end)
	if first > last {
		return 0
	}
	return bucketKey(p, last, startOfWeek) - bucketKey(p, first, startOfWeek) + 1
}

// BucketOf is the position, in Summarize's result for a window beginning at start, of
// the bucket holding d, so that callers adding up more than one figure per bucket use
// the same buckets. For a d outside the window the position is negative or past the last
// bucket.
func BucketOf(p Period, start, d Date, startOfWeek time.Weekday) int {
	first, _ := window(start, start)
	return bucketKey(p, d.day(), startOfWeek) - bucketKey(p, first, startOfWeek)
}

// DayCount is a stored day and its count.
type DayCount struct {
	Date  Date
	Count int64
}

// Bucket is one row of a summary.
type Bucket struct {
	// Label is daily MM-DD (as the plugin shows it), weekly the YYYY-MM-DD on which the
	// whole week starts (even when the bucket is clipped), monthly YYYY-MM, yearly YYYY.
	Label string
	// Start and End are the bucket's first and last day within the window.
	Start, End Date
	Count      int64
	// HasData is true when at least one stored day, even a stored 0, falls in the bucket.
	HasData bool
}

// Summarize returns every bucket of the window [start, end] in order, the first and last
// clipped to the window, with the counts of days added in. Days outside the window are
// ignored, their order does not matter and a date given twice counts twice. It takes
// time in proportion to len(days) plus the number of buckets, which callers bound with
// CountBuckets first. It returns nil when start is after end.
func Summarize(p Period, start, end Date, startOfWeek time.Weekday, days []DayCount) []Bucket {
	first, last := window(start, end)
	if first > last {
		return nil
	}
	buckets := make([]Bucket, 0, bucketKey(p, last, startOfWeek)-bucketKey(p, first, startOfWeek)+1)
	for n := first; n <= last; {
		d := dateOfDay(n)
		var buf [len("YYYY-MM-DD")]byte // labels are built here, so each costs one allocation
		label := buf[:0]
		var next int // the first day of the following whole bucket
		switch p {
		case Weekly:
			ws := weekStart(n, startOfWeek)
			label = dateOfDay(max(ws, minDay)).appendTo(label)
			next = ws + 7
		case Monthly:
			label = append(appendPadded(label, d.Year, 4), '-')
			label = appendPadded(label, int(d.Month), 2)
			next = Date{d.Year, d.Month + 1, 1}.day()
		case Yearly:
			label = appendPadded(label, d.Year, 4)
			next = Date{d.Year + 1, time.January, 1}.day()
		default:
			label = append(appendPadded(label, int(d.Month), 2), '-')
			label = appendPadded(label, d.Day, 2)
			next = n + 1
		}
		stop := min(next-1, last)
		buckets = append(buckets, Bucket{Label: string(label), Start: d, End: dateOfDay(stop)})
		n = stop + 1
	}
	firstKey := bucketKey(p, first, startOfWeek)
	for _, dc := range days {
		n := dc.Date.day()
		if n < first || n > last {
			continue
		}
		b := &buckets[bucketKey(p, n, startOfWeek)-firstKey]
		b.Count += dc.Count
		b.HasData = true
	}
	return buckets
}
