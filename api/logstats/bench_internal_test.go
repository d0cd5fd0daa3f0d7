package logstats

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/period"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// sliceLog is a log in memory whose row id is its index + 1, cheap enough to read that
// a benchmark measures the counting and not the fake.
type sliceLog struct{ rows []repository.LogEntry }

func (l *sliceLog) LogBounds(context.Context) (lo, hi int64, err error) {
	return 1, int64(len(l.rows)), nil
}

func (l *sliceLog) EachLogEntry(_ context.Context, after, upto int64, fn func(*repository.LogEntry) error) error {
	for i := after; i < upto; i++ {
		if err := fn(&l.rows[i]); err != nil {
			return err
		}
	}
	return nil
}

// benchLog is two years of a busy site: 300 rows a day, in sessions of ten rows, with
// a token row in every fifth.
func benchLog(n int) *sliceLog {
	const perDay = 300
	first := time.Date(2024, 11, 26, 0, 0, 0, 0, time.UTC)
	kinds := []repository.LogKind{repository.KindVisitor, repository.KindChatbot, repository.KindVisitor, repository.KindChatbot, repository.KindTotalTokens}
	l := &sliceLog{rows: make([]repository.LogEntry, n)}
	day := ""
	for i := range l.rows {
		if i%perDay == 0 {
			day = first.AddDate(0, 0, i/perDay).Format(time.DateOnly)
		}
		l.rows[i] = repository.LogEntry{Day: day, Session: []byte(fmt.Sprintf("s%d", i/10)), Kind: kinds[i%len(kinds)], Tokens: 40, Numeric: true}
	}
	return l
}

const benchRows = 219000 // 730 days of 300 rows

// The whole log read and counted per day, as on start or after a purge.
func BenchmarkScan(b *testing.B) {
	log := benchLog(benchRows)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := New(log, time.Now).Get(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(benchRows*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// A hundred rows appended to the counted log: what a summary costs while the plugin writes.
func BenchmarkAppend(b *testing.B) {
	full := benchLog(benchRows + 100)
	log := &sliceLog{rows: full.rows[:benchRows]}
	c := New(log, time.Now)
	base, err := c.Get(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	log.rows = full.rows
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.appendRows(context.Background(), base, benchRows+100); err != nil {
			b.Fatal(err)
		}
	}
}

func benchReport(b *testing.B, w Window, report func(*Snapshot, Window)) {
	s, err := New(benchLog(benchRows), time.Now).Get(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		report(s, w)
	}
}

func twoYears(p period.Period) Window {
	start, _ := period.ParseDate("2024-11-26")
	end, _ := period.ParseDate("2026-11-25")
	return Window{Period: p, Start: start, End: end, WeekStart: time.Monday}
}

// The conversations report over the two years, by week: distinct sessions per bucket.
func BenchmarkConversationsWeekly(b *testing.B) {
	benchReport(b, twoYears(period.Weekly), func(s *Snapshot, w Window) { s.Conversations(w) })
}

func BenchmarkTokensDaily(b *testing.B) {
	benchReport(b, twoYears(period.Daily), func(s *Snapshot, w Window) { s.Tokens(w) })
}
