package logstats

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// memLog is a conversation log in memory that records what the cache asks of it.
type memLog struct {
	mu     sync.Mutex
	rows   map[int64]repository.LogEntry // by id
	reads  [][2]int64                    // (after, upto] of each EachLogEntry
	gate   chan struct{}                 // when set, EachLogEntry waits for it
	failOn error
}

func (m *memLog) LogBounds(context.Context) (lo, hi int64, err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for id := range m.rows {
		if lo == 0 || id < lo {
			lo = id
		}
		hi = max(hi, id)
	}
	return lo, hi, nil
}

func (m *memLog) EachLogEntry(ctx context.Context, after, upto int64, fn func(*repository.LogEntry) error) error {
	if m.gate != nil {
		<-m.gate
	}
	m.mu.Lock()
	m.reads = append(m.reads, [2]int64{after, upto})
	var picked []repository.LogEntry
	for id := after + 1; id <= upto; id++ {
		if e, ok := m.rows[id]; ok {
			picked = append(picked, e)
		}
	}
	err := m.failOn
	m.mu.Unlock()
	if err != nil {
		return err
	}
	for i := range picked {
		if err := fn(&picked[i]); err != nil {
			return err
		}
	}
	return nil
}

func (m *memLog) add(id int64, day, session string, kind repository.LogKind) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.rows[id] = repository.LogEntry{Day: day, Session: []byte(session), Kind: kind}
}

func TestLogCacheScansOnceAndAppends(t *testing.T) {
	log := &memLog{rows: map[int64]repository.LogEntry{}}
	for id := int64(1); id <= 100; id++ {
		log.add(id, fmt.Sprintf("2026-11-%02d", 1+id%20), fmt.Sprintf("s%d", id%7), repository.KindVisitor)
	}
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	c := New(log, func() time.Time { return now })

	// Twenty cold requests at once: one scan, every one gets its result.
	log.gate = make(chan struct{})
	var wg sync.WaitGroup
	snaps := make([]*Snapshot, 20)
	for i := range snaps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := c.Get(context.Background())
			if err != nil {
				t.Error(err)
			}
			snaps[i] = s
		}()
	}
	time.Sleep(50 * time.Millisecond) // let them all queue behind the first
	close(log.gate)
	wg.Wait()
	log.gate = nil
	if c.Stats().Scans != 1 || len(log.reads) != 1 || log.reads[0] != [2]int64{0, 100} {
		t.Fatalf("scans %d, reads %v", c.Stats().Scans, log.reads)
	}
	for _, s := range snaps {
		if s != snaps[0] || s == nil {
			t.Fatal("requests got different snapshots")
		}
	}
	first := snaps[0]
	if len(first.days) != 20 || first.nSessions != 7 {
		t.Fatalf("%d days, %d sessions", len(first.days), first.nSessions)
	}

	// Appended rows are read by id alone, into copies: the old snapshot is unchanged.
	log.add(101, "2026-11-25", "s-new", repository.KindChatbot)
	log.add(102, "2026-11-02", "s1", repository.KindVisitor)
	next, err := c.Get(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if c.Stats().Appends != 1 || log.reads[len(log.reads)-1] != [2]int64{100, 102} {
		t.Fatalf("appends %d, reads %v", c.Stats().Appends, log.reads)
	}
	if len(first.days) != 20 || len(next.days) != 21 || next.nSessions != 8 {
		t.Fatalf("days %d → %d, sessions %d", len(first.days), len(next.days), next.nSessions)
	}
	for i, d := range next.days[:20] {
		o := first.days[i]
		if d.date == o.date && d.date.String() == "2026-11-02" {
			if d.visitor != o.visitor+1 || len(d.sessions) != len(o.sessions)+1-boolInt(contains(o.sessions, c.intern["s1"])) {
				t.Errorf("2026-11-02: %+v, was %+v", d, o)
			}
		}
	}

	// Unchanged bounds: a hit, no read.
	reads := len(log.reads)
	if s, _ := c.Get(context.Background()); s != next || len(log.reads) != reads || c.Stats().Hits == 0 {
		t.Errorf("not served from the cache")
	}

	// A purge of the oldest rows: a new scan.
	log.mu.Lock()
	delete(log.rows, 1)
	log.mu.Unlock()
	if _, err := c.Get(context.Background()); err != nil || c.Stats().Scans != 2 {
		t.Errorf("purge: scans %d, %v", c.Stats().Scans, err)
	}

	// An error is returned and not cached; the next request reads again.
	log.add(103, "2026-11-25", "s2", repository.KindVisitor)
	log.failOn = fmt.Errorf("connection refused")
	if _, err := c.Get(context.Background()); err == nil {
		t.Error("error not returned")
	}
	log.failOn = nil
	s, err := c.Get(context.Background())
	if err != nil || s.hi != 103 {
		t.Errorf("after the error: %v, hi %d", err, s.hi)
	}

	// A waiter whose request ends stops waiting.
	c.sem <- struct{}{}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	log.add(104, "2026-11-25", "s2", repository.KindVisitor)
	if _, err := c.Get(ctx); err == nil {
		t.Error("a waiter outlived its request")
	}
	<-c.sem
}

func contains(ids []int32, id int32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Bytes, which a network's cache budget adds up, is within a fifth of the heap the
// cache takes: 100,000 rows of 20,000 sessions over 400 days, then 1,000 appended.
func TestLogCacheBytes(t *testing.T) {
	log := &memLog{rows: map[int64]repository.LogEntry{}}
	day := func(id int64) string {
		return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(id/250)).Format(time.DateOnly)
	}
	for id := int64(1); id <= 100_000; id++ {
		log.add(id, day(id), fmt.Sprintf("kchat_%08x_%d", id/5, id/5), repository.KindVisitor)
	}
	c := New(log, time.Now)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	if _, err := c.Get(context.Background()); err != nil {
		t.Fatal(err)
	}
	for id := int64(100_001); id <= 101_000; id++ {
		log.add(id, day(id), fmt.Sprintf("kchat_%08x_%d", id/5, id/5), repository.KindVisitor)
	}
	if _, err := c.Get(context.Background()); err != nil || c.Stats().Appends != 1 {
		t.Fatalf("append: %v, %+v", err, c.Stats())
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	grew := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	if ratio := float64(c.Bytes()) / float64(grew); ratio < 0.8 || ratio > 1.2 {
		t.Errorf("Bytes %d, the heap grew %d (%.2f×)", c.Bytes(), grew, ratio)
	}
	t.Logf("Bytes %d, the heap grew %d", c.Bytes(), grew)
}
