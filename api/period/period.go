// Package period is the calendar behind the interactions summary: site-local dates, the
// site's zone as WordPress resolves it, the default windows of the plugin's Reporting
// tab, and bucketing per day, week, month or year with the plugin's labels. It does no
// I/O and never reads the clock: "now" is always passed in.
package period

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Period is a summary granularity.
type Period int

// The periods, in the plugin's order.
const (
	Daily Period = iota + 1
	Weekly
	Monthly
	Yearly
)

var periodNames = [...]string{Daily: "daily", Weekly: "weekly", Monthly: "monthly", Yearly: "yearly"}

// ParsePeriod reads a period name in any letter case ("daily", the plugin's "Daily").
func ParsePeriod(s string) (Period, bool) {
	for p := Daily; p <= Yearly; p++ {
		if strings.EqualFold(s, periodNames[p]) {
			return p, true
		}
	}
	return 0, false
}

func (p Period) String() string {
	if p < Daily || p > Yearly {
		return "Period(" + strconv.Itoa(int(p)) + ")"
	}
	return periodNames[p]
}

// Date is a calendar date with no zone: a day as the site's calendar names it.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// MinDate and MaxDate bound the dates this package accepts (SQL DATE's range).
var (
	MinDate = Date{1, time.January, 1}
	MaxDate = Date{9999, time.December, 31}
)

var errDate = errors.New("not a real date in the form YYYY-MM-DD")

// ParseDate reads exactly YYYY-MM-DD with ASCII digits, and only real dates from
// 0001-01-01 to 9999-12-31.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, errDate
	}
	num := func(part string) int {
		n := 0
		for i := 0; i < len(part); i++ {
			c := part[i]
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, d := num(s[:4]), num(s[5:7]), num(s[8:])
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return Date{}, errDate
	}
	return Date{y, time.Month(m), d}, nil
}

func daysIn(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// DateOf is t's calendar date in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// Today is the site-local date at the instant now.
func Today(now time.Time, loc *time.Location) Date {
	return DateOf(now.In(loc))
}

func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Time is the date at midnight UTC, the form SQL parameters and DATE columns take.
func (d Date) Time() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// AddDays moves by n days.
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// Weekday is the date's day of the week.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// Compare returns -1, 0 or +1 as d is before, equal to or after o.
func (d Date) Compare(o Date) int {
	switch {
	case d.Year != o.Year:
		return cmp(d.Year, o.Year)
	case d.Month != o.Month:
		return cmp(int(d.Month), int(o.Month))
	}
	return cmp(d.Day, o.Day)
}

func cmp(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports whether d is after o.
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// dayNumber counts days since 0001-01-01 (day 0), for O(1) arithmetic on windows.
func (d Date) dayNumber() int {
	// Unix seconds, not a time.Duration: durations overflow after 292 years.
	return int((d.Time().Unix() - MinDate.Time().Unix()) / 86400)
}

// SiteZone resolves the site's zone as WordPress's wp_timezone() does, and names it as
// wp_timezone_string() does: the timezone_string when it is set (and known), else a fixed
// offset from gmt_offset, named "±HH:MM".
func SiteZone(timezoneString, gmtOffset string) (*time.Location, string) {
	if timezoneString != "" {
		if loc, err := time.LoadLocation(timezoneString); err == nil {
			return loc, timezoneString
		}
	}
	offset, err := strconv.ParseFloat(strings.TrimSpace(gmtOffset), 64)
	if err != nil || math.IsNaN(offset) || math.IsInf(offset, 0) || math.Abs(offset) > 14 {
		offset = 0 // PHP's (float) of garbage is 0
	}
	// wp_timezone_string(): hours = (int) offset; minutes = offset - hours;
	// sprintf('%s%02d:%02d', sign, abs(hours), abs(minutes * 60)).
	hours := int(offset)
	minutes := int(math.Abs((offset - float64(hours)) * 60))
	sign := "+"
	if offset < 0 {
		sign = "-"
	}
	if hours < 0 {
		hours = -hours
	}
	name := fmt.Sprintf("%s%02d:%02d", sign, hours, minutes)
	seconds := int(math.Round(offset * 3600))
	return time.FixedZone(name, seconds), name
}

// WeekStart is the first day of d's week, for weeks starting on startOfWeek. Weeks
// before 0001-01-01 are not representable; the earliest week starts on MinDate.
func WeekStart(d Date, startOfWeek time.Weekday) Date {
	back := (int(d.Weekday()) - int(startOfWeek) + 7) % 7
	if d.dayNumber() < back {
		return MinDate
	}
	return d.AddDays(-back)
}

// DefaultStart is the first day of the plugin's default window ending at end: daily,
// 7 days before; weekly, the start of the week 7 weeks before; monthly, the first day
// of the month 3 months before; yearly, 1 January 3 years before. Windows are clamped to
// MinDate.
func DefaultStart(p Period, end Date, startOfWeek time.Weekday) Date {
	var start Date
	switch p {
	case Weekly:
		if end.dayNumber() < 49 {
			return MinDate
		}
		start = WeekStart(end.AddDays(-49), startOfWeek)
	case Monthly:
		months := end.Year*12 + int(end.Month) - 1 - 3
		start = Date{months / 12, time.Month(months%12 + 1), 1}
	case Yearly:
		start = Date{end.Year - 3, time.January, 1}
	default:
		if end.dayNumber() < 7 {
			return MinDate
		}
		start = end.AddDays(-7)
	}
	if start.Year < 1 {
		return MinDate
	}
	return start
}

// bucketIndex numbers the bucket holding d, so that buckets of one window are counted
// and found in O(1).
func bucketIndex(p Period, d Date, startOfWeek time.Weekday) int {
	switch p {
	case Weekly:
		// Day 0 (0001-01-01) was a Monday; shift so that week numbers change on startOfWeek.
		shift := (int(time.Monday) - int(startOfWeek) + 7) % 7
		return (d.dayNumber() + shift) / 7
	case Monthly:
		return d.Year*12 + int(d.Month) - 1
	case Yearly:
		return d.Year
	}
	return d.dayNumber()
}

// CountBuckets is how many buckets Summarize returns for the window, without making them.
func CountBuckets(p Period, start, end Date, startOfWeek time.Weekday) int {
	if end.Before(start) {
		return 0
	}
	return bucketIndex(p, end, startOfWeek) - bucketIndex(p, start, startOfWeek) + 1
}

// DayCount is a stored day and its count.
type DayCount struct {
	Date  Date
	Count int64
}

// Bucket is one row of the summary.
type Bucket struct {
	Label      string
	Start, End Date // clipped to the window
	Count      int64
	// HasData is true when at least one stored day (even a stored 0) falls in it.
	HasData bool
}

// BucketOf is the position, in Summarize's result for a window beginning at start, of
// the bucket holding d; d must lie in the window. It lets callers that add up more than
// one count per bucket use the same buckets.
func BucketOf(p Period, start, d Date, startOfWeek time.Weekday) int {
	return bucketIndex(p, d, startOfWeek) - bucketIndex(p, start, startOfWeek)
}

// Summarize returns every bucket of [start, end] in order, the first and last clipped to
// the window, with the days' counts added in. Days outside the window are ignored; the
// order of days does not matter.
func Summarize(p Period, start, end Date, startOfWeek time.Weekday, days []DayCount) []Bucket {
	n := CountBuckets(p, start, end, startOfWeek)
	if n <= 0 {
		return nil
	}
	buckets := make([]Bucket, 0, n)
	for b := start; ; {
		last := lastDay(p, b, startOfWeek)
		if last.After(end) {
			last = end
		}
		buckets = append(buckets, Bucket{Label: label(p, b, startOfWeek), Start: b, End: last})
		if !last.Before(end) {
			break
		}
		b = last.AddDays(1)
	}
	first := bucketIndex(p, start, startOfWeek)
	for _, d := range days {
		if d.Date.Before(start) || d.Date.After(end) {
			continue
		}
		b := &buckets[bucketIndex(p, d.Date, startOfWeek)-first]
		b.Count += d.Count
		b.HasData = true
	}
	return buckets
}

// lastDay is the last day of the whole bucket holding d.
func lastDay(p Period, d Date, startOfWeek time.Weekday) Date {
	switch p {
	case Weekly:
		ws := WeekStart(d, startOfWeek)
		if ws == MinDate && d.dayNumber() < 7 {
			// The week began before 0001-01-01: it ends on the day before the next week start.
			back := (int(d.Weekday()) - int(startOfWeek) + 7) % 7
			return d.AddDays(6 - back)
		}
		return minDate(ws.AddDays(6), MaxDate)
	case Monthly:
		return Date{d.Year, d.Month, daysIn(d.Year, d.Month)}
	case Yearly:
		return Date{d.Year, time.December, 31}
	}
	return d
}

func minDate(a, b Date) Date {
	if a.After(b) {
		return b
	}
	return a
}

// label is the plugin's label of the bucket holding d: daily MM-DD, weekly the first day
// of the whole week, monthly YYYY-MM, yearly YYYY.
func label(p Period, d Date, startOfWeek time.Weekday) string {
	switch p {
	case Weekly:
		return WeekStart(d, startOfWeek).String()
	case Monthly:
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	case Yearly:
		return fmt.Sprintf("%04d", d.Year)
	}
	return fmt.Sprintf("%02d-%02d", int(d.Month), d.Day)
}
