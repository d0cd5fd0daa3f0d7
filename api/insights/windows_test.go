package insights_test

import (
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/insights"
)

func TestPeriodWindows(t *testing.T) {
	tests := []struct {
		name      string
		p         insights.Period
		now       string
		weekStart time.Weekday
		want      [3][2]string // current, previous, previous_to_date
	}{
		{"Today", insights.Today, "2026-12-02 09:14:05", time.Monday,
			[3][2]string{{"2026-12-02T00:00:00", "2026-12-03T00:00:00"}, {"2026-12-01T00:00:00", "2026-12-02T00:00:00"}, {"2026-12-01T00:00:00", "2026-12-01T09:14:05"}}},
		// 2026-12-02 is a Wednesday.
		{"WeekMonday", insights.Week, "2026-12-02 09:00:00", time.Monday,
			[3][2]string{{"2026-11-30T00:00:00", "2026-12-07T00:00:00"}, {"2026-11-23T00:00:00", "2026-11-30T00:00:00"}, {"2026-11-23T00:00:00", "2026-11-25T09:00:00"}}},
		{"WeekSunday", insights.Week, "2026-12-02 09:00:00", time.Sunday,
			[3][2]string{{"2026-11-29T00:00:00", "2026-12-06T00:00:00"}, {"2026-11-22T00:00:00", "2026-11-29T00:00:00"}, {"2026-11-22T00:00:00", "2026-11-25T09:00:00"}}},
		{"WeekStartsToday", insights.Week, "2026-12-02 00:00:00", time.Wednesday,
			[3][2]string{{"2026-12-02T00:00:00", "2026-12-09T00:00:00"}, {"2026-11-25T00:00:00", "2026-12-02T00:00:00"}, {"2026-11-25T00:00:00", "2026-11-25T00:00:00"}}},
		{"Month", insights.Month, "2026-12-02 09:00:00", time.Monday,
			[3][2]string{{"2026-12-01T00:00:00", "2027-01-01T00:00:00"}, {"2026-11-01T00:00:00", "2026-12-01T00:00:00"}, {"2026-11-01T00:00:00", "2026-11-02T09:00:00"}}},
		// On 31 March, previous_to_date is clipped to February's end.
		{"MonthClipped", insights.Month, "2028-03-31 12:00:00", time.Monday,
			[3][2]string{{"2028-03-01T00:00:00", "2028-04-01T00:00:00"}, {"2028-02-01T00:00:00", "2028-03-01T00:00:00"}, {"2028-02-01T00:00:00", "2028-03-01T00:00:00"}}},
		{"January", insights.Month, "2027-01-15 00:00:00", time.Monday,
			[3][2]string{{"2027-01-01T00:00:00", "2027-02-01T00:00:00"}, {"2026-12-01T00:00:00", "2027-01-01T00:00:00"}, {"2026-12-01T00:00:00", "2026-12-15T00:00:00"}}},
		{"Quarter", insights.Quarter, "2026-12-02 00:00:00", time.Monday,
			[3][2]string{{"2026-10-01T00:00:00", "2027-01-01T00:00:00"}, {"2026-07-01T00:00:00", "2026-10-01T00:00:00"}, {"2026-07-01T00:00:00", "2026-09-01T00:00:00"}}}, // 62 days each way
		{"QuarterFirst", insights.Quarter, "2026-02-10 00:00:00", time.Monday,
			[3][2]string{{"2026-01-01T00:00:00", "2026-04-01T00:00:00"}, {"2025-10-01T00:00:00", "2026-01-01T00:00:00"}, {"2025-10-01T00:00:00", "2025-11-10T00:00:00"}}},
		{"Year", insights.Year, "2026-12-02 00:00:00", time.Monday,
			[3][2]string{{"2026-01-01T00:00:00", "2027-01-01T00:00:00"}, {"2025-01-01T00:00:00", "2026-01-01T00:00:00"}, {"2025-01-01T00:00:00", "2025-12-02T00:00:00"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := insights.PeriodWindows(tt.p, wall(tt.now), tt.weekStart)
			checkWindows(t, ws, tt.want)
		})
	}
}

func checkWindows(t *testing.T, ws insights.Windows, want [3][2]string) {
	t.Helper()
	for i, w := range ws {
		if got := [2]string{w.Start.String(), w.End.String()}; got != want[i] {
			t.Errorf("window %d: %v, want %v", i, got, want[i])
		}
	}
}

func TestCustomWindows(t *testing.T) {
	// Seven days, half over.
	checkWindows(t, insights.CustomWindows(date("2026-11-28"), date("2026-12-04"), wall("2026-12-01 12:00:00")),
		[3][2]string{{"2026-11-28T00:00:00", "2026-12-05T00:00:00"}, {"2026-11-21T00:00:00", "2026-11-28T00:00:00"}, {"2026-11-21T00:00:00", "2026-11-24T12:00:00"}})
	// Past: previous_to_date is all of previous.
	checkWindows(t, insights.CustomWindows(date("2026-01-01"), date("2026-01-31"), wall("2026-12-01 12:00:00")),
		[3][2]string{{"2026-01-01T00:00:00", "2026-02-01T00:00:00"}, {"2025-12-01T00:00:00", "2026-01-01T00:00:00"}, {"2025-12-01T00:00:00", "2026-01-01T00:00:00"}})
	// Future: none of it.
	checkWindows(t, insights.CustomWindows(date("2027-01-01"), date("2027-01-01"), wall("2026-12-01 12:00:00")),
		[3][2]string{{"2027-01-01T00:00:00", "2027-01-02T00:00:00"}, {"2026-12-31T00:00:00", "2027-01-01T00:00:00"}, {"2026-12-31T00:00:00", "2026-12-31T00:00:00"}})
}

func TestReadFrom(t *testing.T) {
	ws := insights.PeriodWindows(insights.Month, wall("2026-12-02 09:00:00"), time.Monday)
	if got := ws.ReadFrom(30 * time.Minute).String(); got != "2026-10-31T23:30:00" {
		t.Errorf("read from %s", got)
	}
}

func TestParsePeriod(t *testing.T) {
	for s, want := range map[string]insights.Period{"today": insights.Today, "WEEK": insights.Week, "Month": insights.Month, "quarter": insights.Quarter, "yEaR": insights.Year} {
		if got, ok := insights.ParsePeriod(s); !ok || got != want {
			t.Errorf("%q: %v %v", s, got, ok)
		}
	}
	for _, s := range []string{"", "custom", "daily", "months", "todayx"} {
		if _, ok := insights.ParsePeriod(s); ok {
			t.Errorf("%q accepted", s)
		}
	}
}
