package insights_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/insights"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// memLog is a log in memory, read as the repository reads it.
type memLog struct {
	rows  []row
	froms []string // the from of every range read
	fail  error
}

func (l *memLog) LogBounds(context.Context) (int64, int64, error) {
	if len(l.rows) == 0 {
		return 0, 0, l.fail
	}
	return l.rows[0].id, l.rows[len(l.rows)-1].id, l.fail
}

func (l *memLog) EachInsightRow(_ context.Context, from string, after, upto int64, fn func(*repository.InsightRow) error) error {
	if l.fail != nil {
		return l.fail
	}
	l.froms = append(l.froms, from)
	for _, r := range l.rows {
		if r.at >= from && r.id > after && r.id <= upto {
			if err := fn(r.insight()); err != nil {
				return err
			}
		}
	}
	return nil
}

func (l *memLog) LogTexts(_ context.Context, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	for _, r := range l.rows {
		for _, id := range ids {
			if r.id == id {
				out[id] = r.text
			}
		}
	}
	return out, nil
}

func TestCache(t *testing.T) {
	ctx := context.Background()
	log := &memLog{rows: []row{
		{1, "A", "", "", "2026-12-02 10:00:00", V, "", "", "q1", "0"},
		{2, "A", "", "", "2026-12-02 10:00:01", C, "", "", "could you rephrase?", "0"},
	}}
	now := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
	cache := insights.NewCache(log, func() time.Time { return now }, insights.Options{Gap: gap, MinutesPerConversation: 1.4}, insights.DefaultPhrases)
	today := insights.PeriodWindows(insights.Today, wall("2026-12-02 12:00:00"), time.Monday)
	answer := func(ws insights.Windows) *insights.Answer {
		t.Helper()
		a, err := cache.Answer(ctx, ws, insights.VisitorSentiment)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	stats := func(want insights.Stats) {
		t.Helper()
		if got := cache.Stats(); got != want {
			t.Errorf("stats %+v, want %+v", got, want)
		}
	}

	a := answer(today)
	stats(insights.Stats{Scans: 1})
	if a.Metrics[0].Messages.Total != 2 || len(a.Questions) != 1 {
		t.Fatalf("first answer: %+v", a.Metrics[0].Messages)
	}
	if b := answer(today); b != a {
		t.Error("the same request was computed again")
	}
	stats(insights.Stats{Hits: 1, Scans: 1})

	// Appended rows are read alone.
	log.rows = append(log.rows, row{3, "B", "", "", "2026-12-02 11:00:00", V, "", "", "q2", "0.5"})
	a = answer(today)
	stats(insights.Stats{Hits: 1, Appends: 1, Scans: 1})
	if a.Metrics[0].Conversations != 2 {
		t.Errorf("after the append: %d conversations", a.Metrics[0].Conversations)
	}

	// A wider request reads its wider range; a narrower one is then answered from it.
	year := insights.PeriodWindows(insights.Year, wall("2026-12-02 12:00:00"), time.Monday)
	answer(year)
	answer(today)
	stats(insights.Stats{Hits: 1, Appends: 1, Scans: 2})
	if want := []string{"2026-11-30 23:30:00", "2026-11-30 23:30:00", "2024-12-31 23:30:00"}; !slices.Equal(log.froms, want) {
		t.Errorf("read from %q, want %q", log.froms, want)
	}

	// A score updated in place is seen after MaxAge, not before.
	log.rows[2].score = "-0.5"
	if got := answer(today).Metrics[0].Sentiment.Average.Float(); got != 0.25 {
		t.Errorf("average %v before MaxAge, want the cached 0.25", got)
	}
	now = now.Add(insights.MaxAge)
	if got := answer(today).Metrics[0].Sentiment.Average.Float(); got != -0.25 {
		t.Errorf("average %v after MaxAge, want -0.25", got)
	}
	stats(insights.Stats{Hits: 2, Appends: 1, Scans: 3})

	// The retention purge moves the lowest id: the range is read again.
	log.rows = log.rows[1:]
	if a := answer(today); a.Metrics[0].Messages.Total != 2 {
		t.Errorf("after the purge: %d messages", a.Metrics[0].Messages.Total)
	}
	stats(insights.Stats{Hits: 2, Appends: 1, Scans: 4})

	// A failed read is an error, and the next request reads again.
	log.fail = errors.New("gone")
	if _, err := cache.Answer(ctx, today, insights.VisitorSentiment); err == nil {
		t.Error("no error from a failing log")
	}
	log.fail = nil
	log.rows = append(log.rows, row{4, "C", "", "", "2026-12-02 11:30:00", V, "", "", "q3", ""})
	if a := answer(today); a.Metrics[0].Messages.Total != 3 {
		t.Errorf("after the failure: %d messages", a.Metrics[0].Messages.Total)
	}
}
