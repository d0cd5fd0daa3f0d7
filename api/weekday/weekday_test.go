package weekday_test

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/decimal"
	"github.com/kchat-sidecar/kchat-sidecar/api/period"
	"github.com/kchat-sidecar/kchat-sidecar/api/weekday"
)

func date(t testing.TB, s string) period.Date {
	t.Helper()
	d, err := period.ParseDate(s)
	if err != nil {
		t.Fatalf("bad date %q in test: %v", s, err)
	}
	return d
}

func TestDefaultWindow(t *testing.T) {
	tests := []struct {
		today       string
		startOfWeek time.Weekday
		start, end  string
	}{
		// 2026-11-25 is a Wednesday.
		{"2026-11-25", time.Monday, "2026-08-31", "2026-11-22"},
		{"2026-11-23", time.Monday, "2026-08-31", "2026-11-22"}, // today is the week's first day
		{"2026-11-22", time.Monday, "2026-08-24", "2026-11-15"}, // …and its last
		{"2026-11-25", time.Sunday, "2026-08-30", "2026-11-21"},
		{"2026-11-25", time.Saturday, "2026-08-29", "2026-11-20"},
		{"2026-11-25", time.Wednesday, "2026-09-02", "2026-11-24"},
		{"2026-01-03", time.Monday, "2025-10-06", "2025-12-28"}, // across a year
	}
	for _, tt := range tests {
		start, end := weekday.DefaultWindow(date(t, tt.today), tt.startOfWeek)
		if start.String() != tt.start || end.String() != tt.end {
			t.Errorf("DefaultWindow(%s, %v) = %v..%v, want %s..%s", tt.today, tt.startOfWeek, start, end, tt.start, tt.end)
		}
	}
}

// entry is a tally entry as JSON shows it, so that expectations are written the way a
// client reads them.
type entry struct {
	Weekday time.Weekday
	Days    int
	Total   int64
	Average string
	Share   string
}

func shown(d decimal.Dec) string {
	b, _ := json.Marshal(d)
	return string(b)
}

func TestTally(t *testing.T) {
	// Monday 2026-11-02 .. Thursday 2026-11-12: 11 days, Monday–Thursday twice, the rest once.
	days := []period.DayCount{
		{Date: date(t, "2026-11-02"), Count: 2}, // Mon
		{Date: date(t, "2026-11-03"), Count: 1}, // Tue
		{Date: date(t, "2026-11-07"), Count: 0}, // Sat, a stored zero
		{Date: date(t, "2026-11-09"), Count: 0}, // Mon
		{Date: date(t, "2026-11-10"), Count: 3}, // Tue
		// Wednesday the 4th and 11th missing: they count 0.
		{Date: date(t, "2026-11-12"), Count: 4},  // Thu
		{Date: date(t, "2026-11-13"), Count: 99}, // outside the window: ignored
	}
	start, end := date(t, "2026-11-02"), date(t, "2026-11-12")
	for _, tc := range []struct {
		startOfWeek time.Weekday
		want        []entry
	}{
		{time.Monday, []entry{
			{time.Monday, 2, 2, "1", "20"},
			{time.Tuesday, 2, 4, "2", "40"},
			{time.Wednesday, 2, 0, "0", "0"},
			{time.Thursday, 2, 4, "2", "40"},
			{time.Friday, 1, 0, "0", "0"},
			{time.Saturday, 1, 0, "0", "0"},
			{time.Sunday, 1, 0, "0", "0"},
		}},
		{time.Saturday, []entry{
			{time.Saturday, 1, 0, "0", "0"},
			{time.Sunday, 1, 0, "0", "0"},
			{time.Monday, 2, 2, "1", "20"},
			{time.Tuesday, 2, 4, "2", "40"},
			{time.Wednesday, 2, 0, "0", "0"},
			{time.Thursday, 2, 4, "2", "40"},
			{time.Friday, 1, 0, "0", "0"},
		}},
	} {
		total, got := weekday.Tally(start, end, tc.startOfWeek, days)
		if total != 10 {
			t.Errorf("start of week %v: total %d, want 10", tc.startOfWeek, total)
		}
		checkEntries(t, got, tc.want)
	}

	// Rounding: 2 in 3 Mondays is 0.67 a Monday and, of 6 in all, 33.3 %.
	total, got := weekday.Tally(date(t, "2026-11-02"), date(t, "2026-11-22"), time.Monday, []period.DayCount{
		{Date: date(t, "2026-11-09"), Count: 2},
		{Date: date(t, "2026-11-10"), Count: 4},
	})
	if total != 6 {
		t.Errorf("total %d, want 6", total)
	}
	checkEntries(t, got, []entry{
		{time.Monday, 3, 2, "0.67", "33.3"},
		{time.Tuesday, 3, 4, "1.33", "66.7"},
		{time.Wednesday, 3, 0, "0", "0"},
		{time.Thursday, 3, 0, "0", "0"},
		{time.Friday, 3, 0, "0", "0"},
		{time.Saturday, 3, 0, "0", "0"},
		{time.Sunday, 3, 0, "0", "0"},
	})

	// A window shorter than a week, with nothing in it: no days → null average; total
	// 0 → null share.
	total, got = weekday.Tally(date(t, "2026-11-06"), date(t, "2026-11-07"), time.Sunday, nil)
	if total != 0 {
		t.Errorf("empty: total %d", total)
	}
	checkEntries(t, got, []entry{
		{time.Sunday, 0, 0, "null", "null"},
		{time.Monday, 0, 0, "null", "null"},
		{time.Tuesday, 0, 0, "null", "null"},
		{time.Wednesday, 0, 0, "null", "null"},
		{time.Thursday, 0, 0, "null", "null"},
		{time.Friday, 1, 0, "0", "null"},
		{time.Saturday, 1, 0, "0", "null"},
	})
}

func checkEntries(t *testing.T, got []weekday.Entry, want []entry) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d", len(got), len(want))
	}
	for i, g := range got {
		e := entry{g.Weekday, g.Days, g.Total, shown(g.Average), shown(g.Share)}
		if e != want[i] {
			t.Errorf("entry %d: got %+v, want %+v", i, e, want[i])
		}
	}
}

// TestTallyAgainstLoop compares Tally with a plain walk over every day of random windows.
func TestTallyAgainstLoop(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 3))
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for range 500 {
		first := base.AddDate(0, 0, rng.IntN(400))
		last := first.AddDate(0, 0, rng.IntN(60))
		sow := time.Weekday(rng.IntN(7))
		var days []period.DayCount
		wantDays, wantTotal := map[time.Weekday]int{}, map[time.Weekday]int64{}
		for d := first.AddDate(0, 0, -3); !d.After(last.AddDate(0, 0, 3)); d = d.AddDate(0, 0, 1) {
			inside := !d.Before(first) && !d.After(last)
			if inside {
				wantDays[d.Weekday()]++
			}
			if rng.IntN(3) == 0 {
				continue // no row
			}
			n := int64(rng.IntN(50))
			days = append(days, period.DayCount{Date: period.DateOf(d), Count: n})
			if inside {
				wantTotal[d.Weekday()] += n
			}
		}
		_, got := weekday.Tally(period.DateOf(first), period.DateOf(last), sow, days)
		for i, g := range got {
			if w := time.Weekday((int(sow) + i) % 7); g.Weekday != w {
				t.Fatalf("entry %d is %v, want %v (start of week %v)", i, g.Weekday, w, sow)
			}
			if g.Days != wantDays[g.Weekday] || g.Total != wantTotal[g.Weekday] {
				t.Fatalf("%v..%v %v: got %d days, total %d; want %d, %d", first, last, g.Weekday, g.Days, g.Total, wantDays[g.Weekday], wantTotal[g.Weekday])
			}
		}
	}
}

// The whole calendar: the day counts still add up to every day of it.
func TestTallyLongWindow(t *testing.T) {
	_, got := weekday.Tally(date(t, "0001-01-01"), date(t, "9999-12-31"), time.Monday, nil)
	sum := 0
	for _, e := range got {
		sum += e.Days
	}
	if sum != 3652059 {
		t.Errorf("days add up to %d, want 3652059", sum)
	}
}
