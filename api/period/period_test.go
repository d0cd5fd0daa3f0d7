package period_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/period"
)

var allPeriods = [...]period.Period{period.Daily, period.Weekly, period.Monthly, period.Yearly}

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in   string
		want period.Period
		ok   bool
	}{
		{"daily", period.Daily, true},
		{"Daily", period.Daily, true},
		{"DAILY", period.Daily, true},
		{"weekly", period.Weekly, true},
		{"Weekly", period.Weekly, true},
		{"Monthly", period.Monthly, true},
		{"yEaRlY", period.Yearly, true},
		{"", 0, false},
		{"day", 0, false},
		{"d", 0, false},
		{" daily", 0, false},
		{"daily ", 0, false},
		{"daily\x00", 0, false},
		{"hourly", 0, false},
		{"dailyy", 0, false},
		{"wee\u212Aly", 0, false}, // KELVIN SIGN, which Unicode case folding takes for k
		{"WEE\u212ALY", 0, false},
	}
	for _, tt := range tests {
		got, ok := period.ParsePeriod(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParsePeriod(%q): got %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestPeriodString(t *testing.T) {
	for _, p := range allPeriods {
		s := p.String()
		if s != strings.ToLower(s) {
			t.Errorf("%d.String() = %q, not lower case", int(p), s)
		}
		if got, ok := period.ParsePeriod(s); !ok || got != p {
			t.Errorf("ParsePeriod(%v.String()): got %v, %v", int(p), got, ok)
		}
	}
	if got, want := period.Period(0).String(), "Period(0)"; got != want {
		t.Errorf("zero Period: got %q, want %q", got, want)
	}
}

func TestWeekStart(t *testing.T) {
	// Every day of two weeks against every start of week: the week start is that
	// weekday, not after the day and less than a week before it.
	from := date(t, "2026-02-22")
	for sow := time.Sunday; sow <= time.Saturday; sow++ {
		for i := range 14 {
			d := from.AddDays(i)
			ws := period.WeekStart(d, sow)
			back := d.Time().Sub(ws.Time()) / (24 * time.Hour)
			if ws.Weekday() != sow || back < 0 || back > 6 {
				t.Errorf("WeekStart(%v %v, %v) = %v %v", d, d.Weekday(), sow, ws, ws.Weekday())
			}
		}
	}
	tests := []struct {
		d    string
		sow  time.Weekday
		want string
	}{
		{"2026-11-25", time.Monday, "2026-11-23"}, // a Wednesday
		{"2026-11-25", time.Wednesday, "2026-11-25"},
		{"2026-11-25", time.Thursday, "2026-11-19"},
		{"2026-03-01", time.Monday, "2026-02-23"},
		{"2024-03-03", time.Saturday, "2024-03-02"},
		{"2024-03-01", time.Saturday, "2024-02-24"},
		{"2026-01-01", time.Sunday, "2025-12-28"},
		{"0001-01-01", time.Monday, "0001-01-01"}, // a Monday
		{"0001-01-01", time.Sunday, "0001-01-01"}, // the week began on 0000-12-31: clamped
		{"0001-01-06", time.Sunday, "0001-01-01"},
		{"0001-01-07", time.Sunday, "0001-01-07"},
		{"9999-12-31", time.Saturday, "9999-12-25"}, // a Friday
	}
	for _, tt := range tests {
		if got := period.WeekStart(date(t, tt.d), tt.sow).String(); got != tt.want {
			t.Errorf("WeekStart(%s, %v): got %s, want %s", tt.d, tt.sow, got, tt.want)
		}
	}
}

func TestDefaultStart(t *testing.T) {
	tests := []struct {
		p     period.Period
		end   string
		sow   time.Weekday
		start string
	}{
		{period.Daily, "2026-11-25", time.Monday, "2026-11-18"},
		{period.Daily, "2026-01-03", time.Monday, "2025-12-27"},
		{period.Daily, "2024-03-01", time.Monday, "2024-02-23"}, // leap year
		{period.Daily, "2023-03-01", time.Monday, "2023-02-22"},
		{period.Daily, "9999-12-31", time.Monday, "9999-12-24"},
		// 2026-11-25 is a Wednesday; each start of week gives its own week.
		{period.Weekly, "2026-11-25", time.Sunday, "2026-10-04"},
		{period.Weekly, "2026-11-25", time.Monday, "2026-10-05"},
		{period.Weekly, "2026-11-25", time.Tuesday, "2026-10-06"},
		{period.Weekly, "2026-11-25", time.Wednesday, "2026-10-07"},
		{period.Weekly, "2026-11-25", time.Thursday, "2026-10-01"},
		{period.Weekly, "2026-11-25", time.Friday, "2026-10-02"},
		{period.Weekly, "2026-11-25", time.Saturday, "2026-10-03"},
		{period.Weekly, "2024-03-04", time.Monday, "2024-01-15"},
		{period.Monthly, "2026-11-25", time.Monday, "2026-08-01"},
		{period.Monthly, "2026-05-31", time.Monday, "2026-02-01"},
		{period.Monthly, "2026-03-31", time.Monday, "2025-12-01"},
		{period.Monthly, "2026-01-01", time.Monday, "2025-10-01"},
		{period.Monthly, "2024-02-29", time.Monday, "2023-11-01"},
		{period.Yearly, "2026-11-25", time.Monday, "2023-01-01"},
		{period.Yearly, "2024-02-29", time.Monday, "2021-01-01"},
		{period.Yearly, "2024-12-31", time.Monday, "2021-01-01"},
		{period.Yearly, "9999-12-31", time.Monday, "9996-01-01"},
		// Windows that would begin before 0001-01-01 begin on it.
		{period.Daily, "0001-01-03", time.Monday, "0001-01-01"},
		{period.Daily, "0001-01-08", time.Monday, "0001-01-01"},
		{period.Daily, "0001-01-09", time.Monday, "0001-01-02"},
		{period.Weekly, "0001-02-01", time.Monday, "0001-01-01"},
		{period.Weekly, "0001-02-19", time.Monday, "0001-01-01"},
		{period.Weekly, "0001-02-26", time.Monday, "0001-01-08"},
		{period.Weekly, "0001-02-19", time.Sunday, "0001-01-01"},
		{period.Monthly, "0001-03-15", time.Monday, "0001-01-01"},
		{period.Monthly, "0001-04-30", time.Monday, "0001-01-01"},
		{period.Monthly, "0001-05-01", time.Monday, "0001-02-01"},
		{period.Yearly, "0003-06-01", time.Monday, "0001-01-01"},
		{period.Yearly, "0004-06-01", time.Monday, "0001-01-01"},
		{period.Yearly, "0005-06-01", time.Monday, "0002-01-01"},
	}
	for _, tt := range tests {
		end := date(t, tt.end)
		start := period.DefaultStart(tt.p, end, tt.sow)
		if got := start.String(); got != tt.start {
			t.Errorf("DefaultStart(%v, %s, %v): got %s, want %s", tt.p, tt.end, tt.sow, got, tt.start)
		}
		if !start.Valid() {
			t.Errorf("DefaultStart(%v, %s, %v) = %#v, not a valid date", tt.p, tt.end, tt.sow, start)
		}
	}
}

// TestDefaultWindowSize: away from year 1, the default window is the plugin's 8 days, 8
// weeks, 4 months or 4 years, whatever the day and the start of week.
func TestDefaultWindowSize(t *testing.T) {
	want := map[period.Period]int{period.Daily: 8, period.Weekly: 8, period.Monthly: 4, period.Yearly: 4}
	from := date(t, "2023-12-20")
	for i := range 900 {
		end := from.AddDays(i)
		for _, p := range allPeriods {
			for sow := time.Sunday; sow <= time.Saturday; sow++ {
				start := period.DefaultStart(p, end, sow)
				if got := period.CountBuckets(p, start, end, sow); got != want[p] {
					t.Fatalf("%v window ending %v, weeks from %v: starts %v, %d buckets; want %d", p, end, sow, start, got, want[p])
				}
				if first := period.Summarize(p, start, end, sow, nil)[0]; first.Label == "" || first.Start != start {
					t.Fatalf("%v window ending %v: first bucket %+v is not whole", p, end, first)
				}
			}
		}
	}
}

// render writes buckets compactly: label[start..end]=count, with * when HasData.
func render(bs []period.Bucket) string {
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
	stored := map[string]int64{
		"2026-11-24": 118, "2026-11-20": 0, "2026-11-02": 10, "2026-10-31": 5, "2026-10-28": 1,
		"2026-01-01": 7, "2025-12-31": 3, "2025-12-14": 900, "2026-01-11": 800,
		"0001-01-02": 2, "9999-12-31": 9,
	}
	var days []period.DayCount
	for s, n := range stored { // map order: Summarize must not care
		days = append(days, period.DayCount{Date: date(t, s), Count: n})
	}
	tests := []struct {
		name       string
		p          period.Period
		start, end string
		sow        time.Weekday
		want       string
	}{
		{"DailyZeroFilledStoredZeroHasData", period.Daily, "2026-11-19", "2026-11-21", time.Monday,
			"11-19[2026-11-19..2026-11-19]=0 11-20[2026-11-20..2026-11-20]=0* 11-21[2026-11-21..2026-11-21]=0"},
		{"DailyOneDay", period.Daily, "2026-11-24", "2026-11-24", time.Monday,
			"11-24[2026-11-24..2026-11-24]=118*"},
		{"DailyAcrossYear", period.Daily, "2025-12-31", "2026-01-01", time.Monday,
			"12-31[2025-12-31..2025-12-31]=3* 01-01[2026-01-01..2026-01-01]=7*"},
		{"WeeklyClippedBothEnds", period.Weekly, "2026-10-29", "2026-11-04", time.Monday,
			"2026-10-26[2026-10-29..2026-11-01]=5* 2026-11-02[2026-11-02..2026-11-04]=10*"},
		{"WeeklyStartsSunday", period.Weekly, "2026-10-29", "2026-11-04", time.Sunday,
			"2026-10-25[2026-10-29..2026-10-31]=5* 2026-11-01[2026-11-01..2026-11-04]=10*"},
		{"WeeklyStartsTuesday", period.Weekly, "2026-10-29", "2026-11-04", time.Tuesday,
			"2026-10-27[2026-10-29..2026-11-02]=15* 2026-11-03[2026-11-03..2026-11-04]=0"},
		{"WeeklyStartsWednesday", period.Weekly, "2026-10-29", "2026-11-04", time.Wednesday,
			"2026-10-28[2026-10-29..2026-11-03]=15* 2026-11-04[2026-11-04..2026-11-04]=0"},
		{"WeeklyStartsThursdayWholeWeek", period.Weekly, "2026-10-29", "2026-11-04", time.Thursday,
			"2026-10-29[2026-10-29..2026-11-04]=15*"},
		{"WeeklyStartsFriday", period.Weekly, "2026-10-29", "2026-11-04", time.Friday,
			"2026-10-23[2026-10-29..2026-10-29]=0 2026-10-30[2026-10-30..2026-11-04]=15*"},
		{"WeeklyStartsSaturday", period.Weekly, "2026-10-29", "2026-11-04", time.Saturday,
			"2026-10-24[2026-10-29..2026-10-30]=0 2026-10-31[2026-10-31..2026-11-04]=15*"},
		{"WeeklyAcrossYear", period.Weekly, "2025-12-29", "2026-01-11", time.Monday,
			"2025-12-29[2025-12-29..2026-01-04]=10* 2026-01-05[2026-01-05..2026-01-11]=800*"},
		{"MonthlyAcrossYearClipped", period.Monthly, "2025-12-15", "2026-01-10", time.Monday,
			"2025-12[2025-12-15..2025-12-31]=3* 2026-01[2026-01-01..2026-01-10]=7*"},
		{"MonthlyZeroFilled", period.Monthly, "2026-02-01", "2026-04-30", time.Monday,
			"2026-02[2026-02-01..2026-02-28]=0 2026-03[2026-03-01..2026-03-31]=0 2026-04[2026-04-01..2026-04-30]=0"},
		{"MonthlyLeapFebruary", period.Monthly, "2024-02-10", "2024-03-01", time.Monday,
			"2024-02[2024-02-10..2024-02-29]=0 2024-03[2024-03-01..2024-03-01]=0"},
		{"YearlyClipped", period.Yearly, "2025-12-31", "2026-11-24", time.Monday,
			"2025[2025-12-31..2025-12-31]=3* 2026[2026-01-01..2026-11-24]=941*"},
		{"OutsideDaysIgnored", period.Yearly, "2025-12-15", "2026-01-10", time.Monday,
			"2025[2025-12-15..2025-12-31]=3* 2026[2026-01-01..2026-01-10]=7*"},
		{"WeekBeganBeforeYear1", period.Weekly, "0001-01-01", "0001-01-09", time.Sunday,
			"0001-01-01[0001-01-01..0001-01-06]=2* 0001-01-07[0001-01-07..0001-01-09]=0"},
		{"WeekEndsAfterYear9999", period.Weekly, "9999-12-28", "9999-12-31", time.Monday,
			"9999-12-27[9999-12-28..9999-12-31]=9*"},
		{"LastMonth", period.Monthly, "9999-11-30", "9999-12-31", time.Monday,
			"9999-11[9999-11-30..9999-11-30]=0 9999-12[9999-12-01..9999-12-31]=9*"},
		{"FirstAndLastYear", period.Yearly, "0001-01-01", "0002-01-01", time.Monday,
			"0001[0001-01-01..0001-12-31]=2* 0002[0002-01-01..0002-01-01]=0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start, end := date(t, tt.start), date(t, tt.end)
			got := period.Summarize(tt.p, start, end, tt.sow, days)
			if got := render(got); got != tt.want {
				t.Errorf("Summarize(%v, %s, %s, %v):\ngot  %s\nwant %s", tt.p, tt.start, tt.end, tt.sow, got, tt.want)
			}
			if n := period.CountBuckets(tt.p, start, end, tt.sow); n != len(got) {
				t.Errorf("CountBuckets = %d, Summarize made %d", n, len(got))
			}
		})
	}
}

func TestSummarizeEmptyWindow(t *testing.T) {
	start, end := date(t, "2026-01-02"), date(t, "2026-01-01")
	for _, p := range allPeriods {
		if got := period.Summarize(p, start, end, time.Monday, []period.DayCount{{Date: start, Count: 1}}); got != nil {
			t.Errorf("%v, start after end: got %s, want nil", p, render(got))
		}
		if got := period.CountBuckets(p, start, end, time.Monday); got != 0 {
			t.Errorf("%v, start after end: CountBuckets = %d, want 0", p, got)
		}
	}
}

// naiveSummarize walks the window a day at a time with Go's time package alone: slow,
// plainly right, and sharing no arithmetic with the package.
func naiveSummarize(p period.Period, start, end period.Date, sow time.Weekday, days []period.DayCount) []period.Bucket {
	counts := map[period.Date]int64{}
	stored := map[period.Date]bool{}
	for _, dc := range days {
		counts[dc.Date] += dc.Count
		stored[dc.Date] = true
	}
	year1 := time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(end.Year, end.Month, end.Day, 0, 0, 0, 0, time.UTC)
	var out []period.Bucket
	for day := time.Date(start.Year, start.Month, start.Day, 0, 0, 0, 0, time.UTC); !day.After(last); day = day.AddDate(0, 0, 1) {
		var opens bool
		switch p {
		case period.Daily:
			opens = true
		case period.Weekly:
			opens = day.Weekday() == sow
		case period.Monthly:
			opens = day.Day() == 1
		case period.Yearly:
			opens = day.YearDay() == 1
		}
		if opens || out == nil {
			var label string
			switch p {
			case period.Daily:
				label = day.Format("01-02")
			case period.Weekly:
				ws := day
				for ws.Weekday() != sow && ws.After(year1) {
					ws = ws.AddDate(0, 0, -1)
				}
				label = ws.Format(time.DateOnly)
			case period.Monthly:
				label = day.Format("2006-01")
			case period.Yearly:
				label = day.Format("2006")
			}
			out = append(out, period.Bucket{Label: label, Start: period.DateOf(day)})
		}
		b := &out[len(out)-1]
		b.End = period.DateOf(day)
		b.Count += counts[b.End]
		b.HasData = b.HasData || stored[b.End]
	}
	return out
}

// randomWindow picks a window of up to maxDays days near year 1, in this century, or
// near year 9999, and days scattered over and around it.
func randomWindow(t *testing.T, rng *rand.Rand, maxDays int) (start, end period.Date, days []period.DayCount) {
	t.Helper()
	base := []period.Date{date(t, "0001-01-01"), date(t, "2019-06-01"), date(t, "9999-12-31").AddDays(-2 * maxDays)}[rng.IntN(3)]
	start = base.AddDays(rng.IntN(maxDays))
	end = start.AddDays(rng.IntN(maxDays))
	for range rng.IntN(80) {
		length := int(end.Time().Sub(start.Time()).Hours()/24) + 1
		d := start.AddDays(rng.IntN(length+60) - 30) // some fall outside
		if d.Valid() {
			days = append(days, period.DayCount{Date: d, Count: int64(rng.IntN(4))})
		}
	}
	return start, end, days
}

func TestSummarizeMatchesNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 4000 {
		start, end, days := randomWindow(t, rng, 800)
		p := allPeriods[rng.IntN(len(allPeriods))]
		sow := time.Weekday(rng.IntN(7))
		got := period.Summarize(p, start, end, sow, days)
		want := naiveSummarize(p, start, end, sow, days)
		if g, w := render(got), render(want); g != w {
			t.Fatalf("Summarize(%v, %v, %v, %v):\ngot  %s\nwant %s", p, start, end, sow, g, w)
		}
	}
}

// TestCountBucketsMatchesSummarize: CountBuckets, computed without making buckets,
// agrees with Summarize over windows of every size up to the whole calendar.
func TestCountBucketsMatchesSummarize(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	// Lengths that give up to about 12,000 buckets, a little over the API's limit.
	maxDays := map[period.Period]int{period.Daily: 12000, period.Weekly: 7 * 12000, period.Monthly: 31 * 12000, period.Yearly: 3652059}
	minDate, maxDate := date(t, "0001-01-01"), date(t, "9999-12-31")
	type window struct {
		p          period.Period
		start, end period.Date
		sow        time.Weekday
	}
	windows := []window{ // the whole calendar
		{period.Weekly, minDate, maxDate, time.Sunday},
		{period.Weekly, minDate, maxDate, time.Saturday},
		{period.Monthly, minDate, maxDate, time.Monday},
		{period.Yearly, minDate, maxDate, time.Monday},
	}
	for i := range 1200 {
		p := allPeriods[i%len(allPeriods)]
		start := minDate.AddDays(rng.IntN(3652059))
		end := start.AddDays(rng.IntN(maxDays[p]))
		if rng.IntN(8) == 0 {
			end = start.AddDays(rng.IntN(3)) // short windows are where clipping shows
		}
		if end.After(maxDate) {
			end = maxDate
		}
		windows = append(windows, window{p, start, end, time.Weekday(rng.IntN(7))})
	}
	for _, w := range windows {
		p, start, end, sow := w.p, w.start, w.end, w.sow
		buckets := period.Summarize(p, start, end, sow, nil)
		if n := period.CountBuckets(p, start, end, sow); n != len(buckets) {
			t.Fatalf("CountBuckets(%v, %v, %v, %v) = %d, Summarize made %d", p, start, end, sow, n, len(buckets))
		}
		// The buckets tile the window: no gap, no overlap.
		next := start
		for _, b := range buckets {
			if b.Start != next || b.End.Before(b.Start) {
				t.Fatalf("%v %v..%v: bucket %+v after %v", p, start, end, b, next)
			}
			next = b.End.AddDays(1)
		}
		if next != end.AddDays(1) {
			t.Fatalf("%v %v..%v: buckets end on %v", p, start, end, next.AddDays(-1))
		}
	}
}

func TestBucketOf(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 1000 {
		start, end, _ := randomWindow(t, rng, 500)
		p := allPeriods[rng.IntN(len(allPeriods))]
		sow := time.Weekday(rng.IntN(7))
		buckets := period.Summarize(p, start, end, sow, nil)
		for day := start; !day.After(end); day = day.AddDays(1 + rng.IntN(5)) {
			i := period.BucketOf(p, start, day, sow)
			if i < 0 || i >= len(buckets) || day.Before(buckets[i].Start) || day.After(buckets[i].End) {
				t.Fatalf("%v %v..%v: BucketOf(%v) = %d of %d buckets", p, start, end, day, i, len(buckets))
			}
		}
		if i := period.BucketOf(p, start, start.AddDays(-1), sow); i >= 0 && start.Valid() && start.AddDays(-1).Valid() && p == period.Daily {
			t.Fatalf("BucketOf the day before a daily window = %d, want negative", i)
		}
		if i := period.BucketOf(p, start, end.AddDays(400), sow); i < len(buckets) {
			t.Fatalf("%v %v..%v: BucketOf(400 days after the end) = %d, inside %d buckets", p, start, end, i, len(buckets))
		}
	}
}

// TestOddArguments: values a caller might pass on unchecked never panic, and mean what
// the documentation says.
func TestOddArguments(t *testing.T) {
	start, end := date(t, "2026-10-29"), date(t, "2026-11-04")
	days := []period.DayCount{{Date: date(t, "2026-11-01"), Count: 4}}
	// Start of week outside Sunday..Saturday is taken modulo 7.
	for _, sow := range []int{7, 8, -1, -7, 100, -100} {
		norm := time.Weekday(((sow % 7) + 7) % 7)
		if got, want := render(period.Summarize(period.Weekly, start, end, time.Weekday(sow), days)),
			render(period.Summarize(period.Weekly, start, end, norm, days)); got != want {
			t.Errorf("start of week %d: got %s, want %s (as %v)", sow, got, want, norm)
		}
		if got, want := period.WeekStart(end, time.Weekday(sow)), period.WeekStart(end, norm); got != want {
			t.Errorf("WeekStart with start of week %d: got %v, want %v", sow, got, want)
		}
	}
	// A Period that is none of the four is Daily.
	for _, p := range []period.Period{0, -1, 5, 99} {
		if got, want := render(period.Summarize(p, start, end, time.Monday, days)),
			render(period.Summarize(period.Daily, start, end, time.Monday, days)); got != want {
			t.Errorf("Period %d: got %s, want %s", int(p), got, want)
		}
		if got, want := period.DefaultStart(p, end, time.Monday), period.DefaultStart(period.Daily, end, time.Monday); got != want {
			t.Errorf("DefaultStart(Period %d): got %v, want %v", int(p), got, want)
		}
	}
	// Windows of hand-built dates are cut to 0001..9999; unnormalized dates are read as
	// time.Date reads them.
	for _, tt := range []struct {
		start, end period.Date
		want       string
	}{
		{period.Date{0, time.December, 30}, date(t, "0001-01-02"),
			"01-01[0001-01-01..0001-01-01]=0 01-02[0001-01-02..0001-01-02]=0"},
		{date(t, "9999-12-30"), period.Date{10000, time.March, 1},
			"12-30[9999-12-30..9999-12-30]=0 12-31[9999-12-31..9999-12-31]=0"},
		{period.Date{2026, time.February, 30}, period.Date{2026, time.February, 31},
			"03-02[2026-03-02..2026-03-02]=0 03-03[2026-03-03..2026-03-03]=0"},
		{period.Date{-1 << 40, 1, 1}, period.Date{-1 << 40, 1, 2}, ""},
	} {
		got := period.Summarize(period.Daily, tt.start, tt.end, time.Monday, nil)
		if render(got) != tt.want {
			t.Errorf("Summarize(%#v, %#v): got %s, want %s", tt.start, tt.end, render(got), tt.want)
		}
		if n := period.CountBuckets(period.Daily, tt.start, tt.end, time.Monday); n != len(got) {
			t.Errorf("CountBuckets(%#v, %#v) = %d, Summarize made %d", tt.start, tt.end, n, len(got))
		}
		for i, b := range got {
			if j := period.BucketOf(period.Daily, tt.start, b.Start, time.Monday); j != i {
				t.Errorf("window from %#v: BucketOf(%v) = %d, Summarize put it at %d", tt.start, b.Start, j, i)
			}
		}
	}
}

// BenchmarkSummarize: the largest window the API allows, with a stored row on every day.
func BenchmarkSummarize(b *testing.B) {
	start, _ := period.ParseDate("1999-01-01")
	end := start.AddDays(9999)
	days := make([]period.DayCount, 0, 10000)
	for d := start; !d.After(end); d = d.AddDays(1) {
		days = append(days, period.DayCount{Date: d, Count: 1})
	}
	for _, p := range allPeriods {
		b.Run(p.String(), func(b *testing.B) {
			for b.Loop() {
				period.Summarize(p, start, end, time.Monday, days)
			}
		})
	}
}

// FuzzParsePeriod: ParsePeriod accepts exactly the four names in ASCII letters of any
// case.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"daily", "Weekly", "MONTHLY", "yearly ", "wee\u212Aly", "", "hourly"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := period.ParsePeriod(s)
		ascii := strings.IndexFunc(s, func(r rune) bool { return r >= 0x80 }) < 0
		want := ascii && slices.Contains([]string{"daily", "weekly", "monthly", "yearly"}, strings.ToLower(s))
		if ok != want {
			t.Fatalf("ParsePeriod(%q) ok = %v, want %v", s, ok, want)
		}
		if ok && p.String() != strings.ToLower(s) {
			t.Fatalf("ParsePeriod(%q) = %v", s, p)
		}
	})
}
