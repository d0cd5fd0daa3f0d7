package api

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// lruEnv is a siteLRU over bare states, each weighing what weights says (nothing when
// unset), with the main site weighing mainBytes.
type lruEnv struct {
	l         *siteLRU
	made      int
	weights   map[int]int64
	mainBytes int64
}

func newLRUEnv(max int, budget int64) *lruEnv {
	e := &lruEnv{weights: map[int]int64{}}
	e.l = newSiteLRU(max, budget, func() int64 { return e.mainBytes })
	e.l.weigh = func(st *siteState) int64 { return e.weights[st.blogID] }
	return e
}

// serve is one request for site id: held, then released.
func (e *lruEnv) serve(id int) *siteState {
	st := e.acquire(id)
	e.l.release(st)
	return st
}

func (e *lruEnv) acquire(id int) *siteState {
	return e.l.acquire(id, func() *siteState { e.made++; return &siteState{blogID: id} })
}

// kept lists the sites kept, the most recently used first.
func (e *lruEnv) kept() string {
	var ids []int
	for el := e.l.order.Front(); el != nil; el = el.Next() {
		ids = append(ids, el.Value.(*siteEntry).state.blogID)
	}
	return fmt.Sprint(ids)
}

func TestSiteLRUByCount(t *testing.T) {
	e := newLRUEnv(2, 1<<40)
	one := e.serve(1)
	e.serve(2)
	if e.serve(1) != one || e.made != 2 {
		t.Fatalf("site 1 was not kept: %d made", e.made)
	}
	e.serve(3) // full: 2, the least recently used, goes
	if got, want := e.kept(), "[3 1]"; got != want {
		t.Fatalf("kept %s, want %s", got, want)
	}
	if e.serve(1) != one || e.made != 3 {
		t.Errorf("site 1 was dropped instead of site 2")
	}
	e.serve(2)
	if e.made != 4 || e.kept() != "[2 1]" || len(e.l.byID) != 2 {
		t.Errorf("kept %s (%d indexed) after %d made; the bound is 2", e.kept(), len(e.l.byID), e.made)
	}
	if st := e.l.stats(); st.evictedCount != 2 || st.evictedSize != 0 || st.sites != 2 {
		t.Errorf("stats %+v, want 2 evictions by count", st)
	}
}

func TestSiteLRUByBytes(t *testing.T) {
	e := newLRUEnv(100, 1000)
	e.weights = map[int]int64{1: 300, 2: 300, 3: 300, 4: 300}
	for id := 1; id <= 3; id++ {
		e.serve(id)
	}
	if got, want := e.kept(), "[3 2 1]"; got != want {
		t.Fatalf("900 bytes of 1000: kept %s, want %s", got, want)
	}
	e.serve(4) // 1,200 bytes: the least recently used goes
	if got, want := e.kept(), "[4 3 2]"; got != want {
		t.Fatalf("1200 bytes of 1000: kept %s, want %s", got, want)
	}
	e.serve(2)
	e.weights[2] = 800 // it grew: 3 and 4 go, most recently used first kept
	e.serve(2)
	if got, want := e.kept(), "[2]"; got != want {
		t.Errorf("site 2 at 800 bytes: kept %s, want %s", got, want)
	}
	if st := e.l.stats(); st.bytes != 800 || st.evictedSize != 3 || st.evictedCount != 0 {
		t.Errorf("stats %+v, want 800 bytes and 3 evictions by bytes", st)
	}
	// Alone over the budget, the most recently used site stays until another is used.
	e.weights[2] = 5000
	e.serve(2)
	if got, want := e.kept(), "[2]"; got != want {
		t.Errorf("site 2 alone over the budget: kept %s, want %s", got, want)
	}
	e.serve(3)
	if got, want := e.kept(), "[3]"; got != want {
		t.Errorf("after site 3: kept %s, want %s", got, want)
	}
}

// A site being served is never dropped, by count or by bytes; it goes once released.
func TestSiteLRUKeepsTheServedSite(t *testing.T) {
	e := newLRUEnv(2, 1000)
	e.weights = map[int]int64{1: 900, 2: 10, 3: 10}
	held := e.acquire(1)
	e.serve(2)
	e.serve(3) // over the count: 1 is the least recently used, but held; 2 goes
	if got, want := e.kept(), "[3 1]"; got != want {
		t.Fatalf("site 1 held: kept %s, want %s", got, want)
	}
	if e.acquire(1) != held {
		t.Fatal("a second request for a held site got another state")
	}
	e.l.release(held)
	e.l.release(held) // 910 bytes: under the budget; site 4 makes three sites
	e.weights[4] = 50
	e.serve(4)
	if got, want := e.kept(), "[4 1]"; got != want {
		t.Errorf("after the holds ended: kept %s, want %s", got, want)
	}
	// A new site weighs an empty state's bytes while held: over the budget, yet kept.
	big := e.acquire(5)
	e.serve(6)
	if got, want := e.kept(), "[6 5]"; got != want {
		t.Errorf("site 5 held over the budget: kept %s, want %s", got, want)
	}
	e.weights[5] = 2000
	e.l.release(big)
	if got, want := e.kept(), "[6]"; got != want {
		t.Errorf("site 5 released over the budget: kept %s, want %s", got, want)
	}
}

// The main site's caches count toward the budget, and are never dropped.
func TestSiteLRUCountsTheMainSite(t *testing.T) {
	e := newLRUEnv(100, 1000)
	e.weights = map[int]int64{2: 300, 3: 300}
	e.serve(2)
	e.serve(3)
	e.mainBytes = 600
	e.l.trim() // the main site was served
	if got, want := e.kept(), "[3]"; got != want {
		t.Errorf("main site at 600 bytes: kept %s, want %s", got, want)
	}
	if st := e.l.stats(); st.bytes != 900 {
		t.Errorf("%d bytes held, want 900 (the main site's included)", st.bytes)
	}
}

// Concurrent requests for many sites (go test -race): the bounds hold once they end,
// and the weights add up.
func TestSiteLRUConcurrent(t *testing.T) {
	e := newLRUEnv(8, 5000)
	for id := range 64 {
		e.weights[id] = int64(100 * (id % 10))
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 500 {
				id := (g*7 + i*13) % 64
				st := e.l.acquire(id, func() *siteState { return &siteState{blogID: id} })
				if st.blogID != id {
					t.Errorf("site %d got %d's state", id, st.blogID)
				}
				e.l.release(st)
			}
		}()
	}
	wg.Wait()
	e.l.trim()
	st := e.l.stats()
	var sum int64
	for el := e.l.order.Front(); el != nil; el = el.Next() {
		en := el.Value.(*siteEntry)
		sum += en.weight
		if en.held != 0 {
			t.Errorf("site %d still held %d times", en.state.blogID, en.held)
		}
	}
	if st.sites > 8 || st.bytes != sum || (st.bytes > 5000 && st.sites > 1) {
		t.Errorf("after the requests: %+v (weights sum to %d)", st, sum)
	}
	if st.evictedCount+st.evictedSize == 0 {
		t.Error("no evictions")
	}
}

// Two requests for a site end at once, its caches grown by the second: the weight kept
// is the one weighed last. Weighed outside the list's lock, the first release's older,
// smaller weight could land after the second's, hiding what the site holds from the
// budget until its next request.
func TestSiteLRUReleasesWeighInTurn(t *testing.T) {
	e := newLRUEnv(10, 1<<40)
	st := e.acquire(1)
	e.acquire(1)
	firstWeighing, secondDone := make(chan struct{}), make(chan struct{})
	var calls atomic.Int32
	e.l.weigh = func(*siteState) int64 {
		if calls.Add(1) > 1 {
			return 8000 // the caches as the second request left them
		}
		close(firstWeighing)
		select { // the second release, if it may weigh and land meanwhile
		case <-secondDone:
		case <-time.After(200 * time.Millisecond):
		}
		return 100
	}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); e.l.release(st) }()
	<-firstWeighing
	go func() { defer wg.Done(); e.l.release(st); close(secondDone) }()
	wg.Wait()
	en := e.l.byID[1].Value.(*siteEntry)
	if en.held != 0 || en.weight != 8000 || e.l.stats().bytes != 8000 {
		t.Errorf("held %d, weight %d, %d bytes in all; want 0, 8000, 8000", en.held, en.weight, e.l.stats().bytes)
	}
}
