package period

import (
	"errors"
	"strconv"
	"time"
)

// The years a Date may name when it comes from outside: SQL DATE's range, which is also
// the range of four-digit YYYY.
const (
	minYear = 1
	maxYear = 9999
)

// Date is a site-local calendar date with no zone: a day as the site's calendar names it.
// Dates count in the proleptic Gregorian calendar, as MySQL's DATE and Go's time do.
//
// Dates from ParseDate, DateOf and Today are always real dates. A Date built by hand
// with out-of-range fields (2026-02-30, month 13) is read the way time.Date reads it
// (2026-03-02, January of the next year) by every method but String, which shows the
// fields as they are.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate reads exactly YYYY-MM-DD in ASCII digits naming a real day from 0001-01-01
// to 9999-12-31: no signs, spaces, times or zones, no 2026-02-30.
func ParseDate(s string) (Date, error) {
	if len(s) != len("YYYY-MM-DD") || s[4] != '-' || s[7] != '-' {
		return Date{}, errors.New("date must have the form YYYY-MM-DD")
	}
	y, okY := digits(s[0:4])
	m, okM := digits(s[5:7])
	d, okD := digits(s[8:10])
	switch {
	case !okY || !okM || !okD:
		return Date{}, errors.New("date must have the form YYYY-MM-DD, in digits 0-9")
	case y < minYear:
		return Date{}, errors.New("year 0000 is not a date")
	case m < 1 || m > 12:
		return Date{}, errors.New("month must be 01 to 12")
	case d < 1 || d > daysInMonth(y, time.Month(m)):
		return Date{}, errors.New(s[:7] + " has no day " + s[8:])
	}
	return Date{y, time.Month(m), d}, nil
}

// digits reads a run of ASCII digits; strconv.Atoi would also take a sign.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysInMonth(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// DateOf is t's calendar date in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// Today is the calendar date at the instant now in loc, the site's zone: what
// WordPress's current_time('Y-m-d') returns at that instant. A nil loc means UTC.
func Today(now time.Time, loc *time.Location) Date {
	if loc == nil {
		loc = time.UTC
	}
	return DateOf(now.In(loc))
}

// String formats d as YYYY-MM-DD, the form ParseDate reads.
func (d Date) String() string { return string(d.appendTo(make([]byte, 0, len("YYYY-MM-DD")))) }

func (d Date) appendTo(b []byte) []byte {
	b = append(appendPadded(b, d.Year, 4), '-')
	b = append(appendPadded(b, int(d.Month), 2), '-')
	return appendPadded(b, d.Day, 2)
}

// appendPadded appends n in decimal with at least width digits. Labels are made for
// every bucket of a 10,000-bucket window, which is why this is not fmt.Sprintf.
func appendPadded(b []byte, n, width int) []byte {
	if n >= 0 {
		for p := 10; width > 1; width-- {
			if n >= p {
				p *= 10
				continue
			}
			b = append(b, '0')
		}
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// Valid reports whether d is a real date from 0001-01-01 to 9999-12-31, exactly the dates
// ParseDate accepts.
func (d Date) Valid() bool {
	return d.Year >= minYear && d.Year <= maxYear && d.Month >= time.January && d.Month <= time.December &&
		d.Day >= 1 && d.Day <= daysInMonth(d.Year, d.Month)
}

// Time is midnight UTC at the start of d, the form in which a DATE travels to and from
// a database connection whose location is UTC.
func (d Date) Time() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// AddDays is the date n days after d (before it, for negative n). It does not stop at
// 0001-01-01 or 9999-12-31: the result may leave the range ParseDate accepts.
func (d Date) AddDays(n int) Date { return dateOfDay(d.day() + n) }

// Weekday is the day of the week d falls on.
func (d Date) Weekday() time.Weekday { return weekdayOfDay(d.day()) }

// Compare returns -1, 0 or +1 as d is before, the same day as, or after o.
func (d Date) Compare(o Date) int {
	a, b := d.day(), o.day()
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is an earlier day than o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports whether d is a later day than o.
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// Day numbers count days from 0001-01-01, day 0. All window arithmetic is done on them,
// so that a step, a week or a bucket index is one integer operation and nothing loops
// over days.
const (
	minDay = 0       // 0001-01-01
	maxDay = 3652058 // 9999-12-31
)

// daysBeforeMarch1Year1 is day 0's distance from 0000-03-01, where the era arithmetic
// below starts: counting years from March puts the leap day at the end of the year.
const daysBeforeMarch1Year1 = 306

// day is d's day number, reading out-of-range fields as time.Date does.
func (d Date) day() int {
	y, m := d.Year, int(d.Month)-1 // m: months since January, possibly out of 0..11
	y += floorDiv(m, 12)
	m = floorMod(m, 12)
	if m < 2 { // January and February belong to the previous March-based year
		y--
		m += 12
	}
	m -= 2 // months since March, 0..11
	era := floorDiv(y, 400)
	yearOfEra := y - era*400
	dayOfYear := (153*m+2)/5 + d.Day - 1
	dayOfEra := yearOfEra*365 + yearOfEra/4 - yearOfEra/100 + dayOfYear
	return era*146097 + dayOfEra - daysBeforeMarch1Year1
}

// dateOfDay is the date of day number n, the inverse of Date.day.
func dateOfDay(n int) Date {
	z := n + daysBeforeMarch1Year1
	era := floorDiv(z, 146097)
	dayOfEra := z - era*146097 // 0..146096
	yearOfEra := (dayOfEra - dayOfEra/1460 + dayOfEra/36524 - dayOfEra/146096) / 365
	dayOfYear := dayOfEra - (365*yearOfEra + yearOfEra/4 - yearOfEra/100)
	m := (5*dayOfYear + 2) / 153 // months since March
	day := dayOfYear - (153*m+2)/5 + 1
	y := yearOfEra + era*400
	month := m + 3
	if month > 12 {
		month -= 12
		y++
	}
	return Date{y, time.Month(month), day}
}

// weekdayOfDay: day 0, 0001-01-01, was a Monday.
func weekdayOfDay(n int) time.Weekday { return time.Weekday(floorMod(n+1, 7)) }

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func floorMod(a, b int) int { return a - floorDiv(a, b)*b }
