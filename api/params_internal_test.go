package api

import (
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/period"
)

// FuzzSummaryParams: any query string either yields a window that is ordered and within
// the bucket limit, or a 400 rest_invalid_param naming at least one parameter; never a
// panic.
func FuzzSummaryParams(f *testing.F) {
	for _, seed := range []string{
		"", "period=weekly", "period=Daily&start=2026-01-01&end=2026-01-31&fill=0",
		"start=0001-01-01&end=9999-12-31&period=yearly", "start=9999-12-31", "end=0001-01-01&period=weekly",
		"period=daily&period=daily", "fill=%zz", "start=2026-02-29", "start=2024-02-29&period=monthly",
		"end=0001-01-07&period=weekly", "period=MONTHLY&end=0001-03-31",
	} {
		f.Add(seed, 3)
	}
	today := period.Date{Year: 2026, Month: time.November, Day: 25}
	f.Fuzz(func(t *testing.T, raw string, weekStart int) {
		weekStart = ((weekStart % 7) + 7) % 7
		p, err := parseSummaryParams(raw, today, period.Daily, time.Weekday(weekStart))
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Status != http.StatusBadRequest || e.Code != "rest_invalid_param" || len(e.Params) == 0 {
				t.Fatalf("%q: error %v is not a rest_invalid_param naming a parameter", raw, err)
			}
			return
		}
		if p.Start.After(p.End) {
			t.Fatalf("%q: start %v after end %v", raw, p.Start, p.End)
		}
		n := period.CountBuckets(p.Period, p.Start, p.End, time.Weekday(weekStart))
		if n < 1 || n > maxBuckets {
			t.Fatalf("%q: %d buckets", raw, n)
		}
		if len(period.Summarize(p.Period, p.Start, p.End, time.Weekday(weekStart), nil)) != n {
			t.Fatalf("%q: Summarize disagrees with CountBuckets", raw)
		}
	})
}
