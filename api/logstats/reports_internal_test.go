package logstats

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/period"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

func mustDate(t testing.TB, s string) period.Date {
	t.Helper()
	d, err := period.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func snapshotOf(t testing.TB, log *memLog) *Snapshot {
	t.Helper()
	s, err := New(log, time.Now).Get(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The reports read the per-day count alone: a session is counted once per bucket and
// once in the window however many days it spans, and token rows that are not numbers
// are reported, not summed.
func TestReports(t *testing.T) {
	log := &memLog{rows: map[int64]repository.LogEntry{}}
	// Weeks begin on Monday: 2026-11-02 and 11-03 are one week, 11-10 the next.
	log.add(1, "2026-11-02", "a", repository.KindVisitor)
	log.add(2, "2026-11-02", "a", repository.KindChatbot)
	log.add(3, "2026-11-03", "a", repository.KindVisitor)
	log.add(4, "2026-11-03", "b", repository.KindVisitor)
	log.add(5, "2026-11-10", "a", repository.KindVisitor)
	log.add(6, "2026-10-30", "c", repository.KindVisitor) // before the window
	log.add(7, "0000-00-00", "d", repository.KindVisitor) // a broken date: no day
	log.mu.Lock()
	log.rows[8] = repository.LogEntry{Day: "2026-11-10", Session: []byte("a"), Kind: repository.KindPromptTokens, Tokens: 12, Numeric: true}
	log.rows[9] = repository.LogEntry{Day: "2026-11-10", Session: []byte("a"), Kind: repository.KindTotalTokens, Tokens: 30, Numeric: true}
	log.rows[10] = repository.LogEntry{Day: "2026-11-10", Session: []byte("a"), Kind: repository.KindCompletionTokens}
	log.mu.Unlock()
	s := snapshotOf(t, log)

	w := Window{Period: period.Weekly, Start: mustDate(t, "2026-11-02"), End: mustDate(t, "2026-11-22"), WeekStart: time.Monday}
	conv := s.Conversations(w)
	want := Conversations{
		Totals: ConversationCounts{VisitorMessages: 4, ChatbotMessages: 1, Sessions: 2},
		Buckets: []ConversationCounts{
			{VisitorMessages: 3, ChatbotMessages: 1, Sessions: 2},
			{VisitorMessages: 1, Sessions: 1},
			{},
		},
		Active: []bool{true, true, false},
	}
	if !reflect.DeepEqual(conv, want) {
		t.Errorf("conversations:\n got %+v\nwant %+v", conv, want)
	}

	tok := s.Tokens(w)
	wantTok := Tokens{
		Buckets:        []TokenCounts{{}, {Prompt: 12, Total: 30}, {}},
		Active:         []bool{false, true, false},
		NonNumericRows: 1,
	}
	if !reflect.DeepEqual(tok, wantTok) {
		t.Errorf("tokens:\n got %+v\nwant %+v", tok, wantTok)
	}

	// A window the log does not reach: every bucket there, none active.
	empty := s.Conversations(Window{Period: period.Monthly, Start: mustDate(t, "2025-01-01"), End: mustDate(t, "2025-03-31"), WeekStart: time.Monday})
	if len(empty.Buckets) != 3 || empty.Active[0] || empty.Totals != (ConversationCounts{}) {
		t.Errorf("empty window: %+v", empty)
	}
}
