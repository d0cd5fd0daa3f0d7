package period_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/period"
)

func d(s string) period.Date {
	dt, err := period.ParseDate(s)
	if err != nil {
		panic(s + ": " + err.Error())
	}
	return dt
}

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestParsePeriod(t *testing.T) {
	for _, c := range []struct {
		in   string
		want period.Period
		ok   bool
	}{
		{"daily", period.Daily, true}, {"Daily", period.Daily, true}, {"WEEKLY", period.Weekly, true},
		{"Monthly", period.Monthly, true}, {"yEaRlY", period.Yearly, true},
		{"", 0, false}, {"day", 0, false}, {" daily", 0, false}, {"daily ", 0, false}, {"hourly", 0, false},
	} {
		got, ok := period.ParsePeriod(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	if got := period.Monthly.String(); got != "monthly" {
		t.Errorf("String: %q", got)
	}
}

func TestParseDate(t *testing.T) {
	good := []string{"2026-11-25", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "2026-12-31"}
	for _, s := range good {
		dt, err := period.ParseDate(s)
		if err != nil || dt.String() != s {
			t.Errorf("ParseDate(%q) = %v, %v", s, dt, err)
		}
	}
	bad := []string{"", "2026-11-5", "2026-1-05", "26-11-25", "2026/11/25", "2026-11-25 ", " 2026-11-25",
		"2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-11-00", "0000-01-01",
		"+026-11-25", "-026-11-25", "2026-1a-25", "２026-11-25", "2026-11-25T00:00:00Z", "20261125", "2026-11--5"}
	for _, s := range bad {
		if dt, err := period.ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) accepted as %v", s, dt)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-25", "0001-01-01", "9999-12-31", "2024-02-29", "2026-02-29", "x", "2026-1-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		dt, err := period.ParseDate(s)
		if err != nil {
			return
		}
		if dt.String() != s {
			t.Fatalf("%q parsed as %v", s, dt)
		}
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			t.Fatalf("%q accepted but time.Parse refuses it: %v", s, err)
		}
	})
}

func TestToday(t *testing.T) {
	tests := []struct {
		now  string // UTC instant
		zone string // named zone, or "offset:<gmt_offset>"
		want string
	}{
		{"2026-11-24T23:30:00Z", "Europe/Berlin", "2026-11-25"},
		{"2026-11-24T22:59:59Z", "Europe/Berlin", "2026-11-24"},
		{"2026-11-24T23:00:00Z", "Europe/Berlin", "2026-11-25"},
		{"2026-11-25T04:30:00Z", "America/New_York", "2026-11-24"},
		{"2026-11-25T05:00:00Z", "America/New_York", "2026-11-25"},
		{"2026-11-24T18:29:59Z", "Asia/Kolkata", "2026-11-24"},
		{"2026-11-24T18:30:00Z", "Asia/Kolkata", "2026-11-25"},
		{"2026-11-24T18:15:00Z", "Asia/Kathmandu", "2026-11-25"},
		{"2026-11-24T18:14:59Z", "Asia/Kathmandu", "2026-11-24"},
		{"2026-11-24T13:30:00Z", "Australia/Adelaide", "2026-11-25"}, // +10:30 in summer
		{"2026-11-24T13:29:59Z", "Australia/Adelaide", "2026-11-24"},
		{"2026-11-24T18:30:00Z", "offset:5.5", "2026-11-25"},
		{"2026-11-24T18:29:00Z", "offset:5.5", "2026-11-24"},
		{"2026-11-25T09:29:00Z", "offset:-9.5", "2026-11-24"},
		{"2026-11-25T09:30:00Z", "offset:-9.5", "2026-11-25"},
		{"2026-11-24T18:15:00Z", "offset:5.75", "2026-11-25"},
		{"2026-11-24T23:59:59Z", "offset:0", "2026-11-24"},
		// DST days: the calendar date still changes at local midnight.
		{"2026-03-08T04:59:59Z", "America/New_York", "2026-03-07"}, // EST midnight is 05:00Z
		{"2026-03-08T05:00:00Z", "America/New_York", "2026-03-08"},
		{"2026-03-09T03:59:59Z", "America/New_York", "2026-03-08"}, // EDT midnight is 04:00Z
		{"2026-03-09T04:00:00Z", "America/New_York", "2026-03-09"},
		{"2026-11-01T03:59:59Z", "America/New_York", "2026-10-31"},
		{"2026-11-02T04:59:59Z", "America/New_York", "2026-11-01"}, // 25-hour day
		{"2026-11-02T05:00:00Z", "America/New_York", "2026-11-02"},
		{"2026-03-28T22:59:59Z", "Europe/Berlin", "2026-03-28"},
		{"2026-03-28T23:00:00Z", "Europe/Berlin", "2026-03-29"},
		{"2026-03-29T21:59:59Z", "Europe/Berlin", "2026-03-29"}, // 23-hour day
		{"2026-03-29T22:00:00Z", "Europe/Berlin", "2026-03-30"},
		{"2026-10-25T22:59:59Z", "Europe/Berlin", "2026-10-25"},
		{"2026-10-25T23:00:00Z", "Europe/Berlin", "2026-10-26"},
	}
	for _, tt := range tests {
		now, err := time.Parse(time.RFC3339, tt.now)
		if err != nil {
			t.Fatal(err)
		}
		var loc *time.Location
		if off, ok := strings.CutPrefix(tt.zone, "offset:"); ok {
			loc, _ = period.SiteZone("", off)
		} else {
			loc = mustZone(t, tt.zone)
		}
		if got := period.Today(now, loc).String(); got != tt.want {
			t.Errorf("Today(%s, %s) = %s, want %s", tt.now, tt.zone, got, tt.want)
		}
	}
}

func TestSiteZone(t *testing.T) {
	tests := []struct {
		tz, offset string
		name       string
		seconds    int // the offset on 2026-01-15 at noon UTC
	}{
		{"Europe/Berlin", "0", "Europe/Berlin", 3600},
		{"America/New_York", "7", "America/New_York", -5 * 3600},
		{"", "0", "+00:00", 0},
		{"", "", "+00:00", 0},
		{"", "5.5", "+05:30", 5*3600 + 1800},
		{"", "5.75", "+05:45", 5*3600 + 2700},
		{"", "-3", "-03:00", -3 * 3600},
		{"", "-3.5", "-03:30", -3*3600 - 1800},
		{"", "-9.5", "-09:30", -9*3600 - 1800},
		{"", "-0.5", "-00:30", -1800},
		{"", "14", "+14:00", 14 * 3600},
		{"", "garbage", "+00:00", 0},
		{"", "NaN", "+00:00", 0},
		{"Mars/Olympus_Mons", "2", "+02:00", 2 * 3600},
		{"UTC", "3", "UTC", 0},
	}
	for _, tt := range tests {
		loc, name := period.SiteZone(tt.tz, tt.offset)
		_, secs := time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC).In(loc).Zone()
		if name != tt.name || secs != tt.seconds {
			t.Errorf("SiteZone(%q, %q) = %s (%d s), want %s (%d s)", tt.tz, tt.offset, name, secs, tt.name, tt.seconds)
		}
	}
}

func TestDefaultStart(t *testing.T) {
	tests := []struct {
		p     period.Period
		end   string
		week  time.Weekday
		start string
	}{
		{period.Daily, "2026-11-25", time.Monday, "2026-11-18"},
		{period.Daily, "2026-03-01", time.Monday, "2026-02-22"},
		{period.Daily, "2024-03-03", time.Monday, "2024-02-25"},
		{period.Weekly, "2026-11-25", time.Monday, "2026-10-05"}, // Wed; week of 2026-10-07 starts Mon 10-05
		{period.Weekly, "2026-11-25", time.Sunday, "2026-10-04"},
		{period.Weekly, "2026-11-25", time.Wednesday, "2026-10-07"},
		{period.Weekly, "2026-11-25", time.Thursday, "2026-10-01"},
		{period.Weekly, "2026-11-25", time.Saturday, "2026-10-03"},
		{period.Monthly, "2026-11-25", time.Monday, "2026-08-01"},
		{period.Monthly, "2026-05-31", time.Monday, "2026-02-01"},
		{period.Monthly, "2026-02-28", time.Monday, "2025-11-01"},
		{period.Monthly, "2026-01-01", time.Monday, "2025-10-01"},
		{period.Yearly, "2026-11-25", time.Monday, "2023-01-01"},
		{period.Yearly, "2024-02-29", time.Monday, "2021-01-01"},
		{period.Daily, "0001-01-03", time.Monday, "0001-01-01"},
		{period.Weekly, "0001-02-01", time.Monday, "0001-01-01"},
		{period.Monthly, "0001-02-15", time.Monday, "0001-01-01"},
		{period.Yearly, "0002-06-01", time.Monday, "0001-01-01"},
	}
	for _, tt := range tests {
		if got := period.DefaultStart(tt.p, d(tt.end), tt.week).String(); got != tt.start {
			t.Errorf("DefaultStart(%v, %s, %v) = %s, want %s", tt.p, tt.end, tt.week, got, tt.start)
		}
	}
}

func labels(bs []period.Bucket) string {
	var out []string
	for _, b := range bs {
		s := fmt.Sprintf("%s[%s..%s]=%d", b.Label, b.Start, b.End, b.Count)
		if b.HasData {
			s += "*"
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

func TestSummarize(t *testing.T) {
	days := []period.DayCount{
		{d("2026-11-24"), 118}, {d("2026-11-20"), 0}, {d("2026-11-02"), 10}, {d("2026-10-31"), 5},
		{d("2026-01-01"), 7}, {d("2025-12-31"), 3}, {d("2030-01-01"), 1000}, // outside every window below
	}
	tests := []struct {
		name       string
		p          period.Period
		start, end string
		week       time.Weekday
		want       string
	}{
		{"DailyZeroFilled", period.Daily, "2026-11-19", "2026-11-21", time.Monday,
			"11-19[2026-11-19..2026-11-19]=0 11-20[2026-11-20..2026-11-20]=0* 11-21[2026-11-21..2026-11-21]=0"},
		{"WeeklyClippedBothEnds", period.Weekly, "2026-10-29", "2026-11-04", time.Monday,
			"2026-10-26[2026-10-29..2026-11-01]=5* 2026-11-02[2026-11-02..2026-11-04]=10*"},
		{"WeeklySundayStart", period.Weekly, "2026-10-29", "2026-11-04", time.Sunday,
			"2026-10-25[2026-10-29..2026-10-31]=5* 2026-11-01[2026-11-01..2026-11-04]=10*"},
		{"WeeklySaturdayStart", period.Weekly, "2026-10-31", "2026-11-06", time.Saturday,
			"2026-10-31[2026-10-31..2026-11-06]=15*"},
		{"MonthlyAcrossYear", period.Monthly, "2025-12-15", "2026-01-10", time.Monday,
			"2025-12[2025-12-15..2025-12-31]=3* 2026-01[2026-01-01..2026-01-10]=7*"},
		{"YearlyClipped", period.Yearly, "2025-12-31", "2026-11-24", time.Monday,
			"2025[2025-12-31..2025-12-31]=3* 2026[2026-01-01..2026-11-24]=140*"},
		{"OneDay", period.Monthly, "2026-11-24", "2026-11-24", time.Monday, "2026-11[2026-11-24..2026-11-24]=118*"},
		{"WeekAtStartOfTime", period.Weekly, "0001-01-01", "0001-01-09", time.Sunday,
			"0001-01-01[0001-01-01..0001-01-06]=0 0001-01-07[0001-01-07..0001-01-09]=0"},
		{"WeekAtEndOfTime", period.Weekly, "9999-12-28", "9999-12-31", time.Monday,
			"9999-12-27[9999-12-28..9999-12-31]=0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := period.Summarize(tt.p, d(tt.start), d(tt.end), tt.week, days)
			if labels(got) != tt.want {
				t.Errorf("got  %s\nwant %s", labels(got), tt.want)
			}
			if n := period.CountBuckets(tt.p, d(tt.start), d(tt.end), tt.week); n != len(got) {
				t.Errorf("CountBuckets = %d, Summarize made %d", n, len(got))
			}
		})
	}
}

// naiveSummarize walks the window one day at a time: slow, obviously right, and written
// independently of the package's index arithmetic.
func naiveSummarize(p period.Period, start, end period.Date, week time.Weekday, days []period.DayCount) []period.Bucket {
	counts := map[period.Date]int64{}
	stored := map[period.Date]bool{}
	for _, dc := range days {
		counts[dc.Date] += dc.Count
		stored[dc.Date] = true
	}
	var out []period.Bucket
	for day := start; !day.After(end); day = day.AddDays(1) {
		newBucket := len(out) == 0
		if !newBucket {
			switch p {
			case period.Daily:
				newBucket = true
			case period.Weekly:
				newBucket = day.Weekday() == week
			case period.Monthly:
				newBucket = day.Day == 1
			case period.Yearly:
				newBucket = day.Day == 1 && day.Month == time.January
			}
		}
		if newBucket {
			var label string
			switch p {
			case period.Daily:
				label = fmt.Sprintf("%02d-%02d", day.Month, day.Day)
			case period.Weekly:
				ws := day
				for ws.Weekday() != week && ws != period.MinDate {
					ws = ws.AddDays(-1)
				}
				label = ws.String()
			case period.Monthly:
				label = day.String()[:7]
			case period.Yearly:
				label = day.String()[:4]
			}
			out = append(out, period.Bucket{Label: label, Start: day})
		}
		b := &out[len(out)-1]
		b.End = day
		b.Count += counts[day]
		b.HasData = b.HasData || stored[day]
	}
	return out
}

func TestSummarizeMatchesNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	base := d("2023-01-01")
	for i := 0; i < 3000; i++ {
		start := base.AddDays(rng.IntN(1500))
		end := start.AddDays(rng.IntN(500))
		p := period.Period(1 + rng.IntN(4))
		week := time.Weekday(rng.IntN(7))
		var days []period.DayCount
		for j := 0; j < rng.IntN(60); j++ {
			days = append(days, period.DayCount{Date: base.AddDays(rng.IntN(2200)), Count: int64(rng.IntN(100))})
		}
		got := period.Summarize(p, start, end, week, days)
		want := naiveSummarize(p, start, end, week, days)
		if labels(got) != labels(want) {
			t.Fatalf("%v %s..%s week %v:\ngot  %s\nwant %s", p, start, end, week, labels(got), labels(want))
		}
		if n := period.CountBuckets(p, start, end, week); n != len(want) {
			t.Fatalf("CountBuckets(%v, %s, %s, %v) = %d, want %d", p, start, end, week, n, len(want))
		}
	}
}

func TestCountBucketsBounds(t *testing.T) {
	if n := period.CountBuckets(period.Daily, period.MinDate, period.MaxDate, time.Monday); n != 3652059 {
		t.Errorf("all days: %d", n)
	}
	if n := period.CountBuckets(period.Yearly, period.MinDate, period.MaxDate, time.Monday); n != 9999 {
		t.Errorf("all years: %d", n)
	}
	if n := period.CountBuckets(period.Daily, d("2026-01-02"), d("2026-01-01"), time.Monday); n != 0 {
		t.Errorf("reversed window: %d", n)
	}
}

func TestBucketOf(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	base := d("2024-01-01")
	for i := 0; i < 500; i++ {
		start := base.AddDays(rng.IntN(700))
		end := start.AddDays(rng.IntN(400))
		p := period.Period(1 + rng.IntN(4))
		week := time.Weekday(rng.IntN(7))
		buckets := period.Summarize(p, start, end, week, nil)
		for day := start; !day.After(end); day = day.AddDays(1 + rng.IntN(5)) {
			b := buckets[period.BucketOf(p, start, day, week)]
			if day.Before(b.Start) || day.After(b.End) {
				t.Fatalf("%v %s..%s: BucketOf(%s) gives %s..%s", p, start, end, day, b.Start, b.End)
			}
		}
	}
}
