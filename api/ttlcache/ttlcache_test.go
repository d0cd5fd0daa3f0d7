package ttlcache_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/ttlcache"
)

// loader counts its calls and answers n, or err.
type loader struct {
	calls int
	n     int
	err   error
}

func (l *loader) load(_ context.Context, key string) (int, error) {
	l.calls++
	return l.n + len(key), l.err
}

// An answer is reused until its TTL has passed, per key; an error is never kept.
func TestGet(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	c := ttlcache.New[string, int](10*time.Second, func() time.Time { return now })
	l := &loader{n: 1}
	get := func(key string) int {
		t.Helper()
		v, err := c.Get(context.Background(), key, l.load)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if got := get("ab"); got != 3 || l.calls != 1 {
		t.Fatalf("first: %d after %d loads", got, l.calls)
	}
	l.n = 100
	now = now.Add(9 * time.Second)
	if got := get("ab"); got != 3 || l.calls != 1 {
		t.Errorf("within the TTL: %d after %d loads, want the kept 3 after 1", got, l.calls)
	}
	if got := get("abc"); got != 103 || l.calls != 2 {
		t.Errorf("another key: %d after %d loads", got, l.calls)
	}
	now = now.Add(time.Second) // 10 s after the first load: expired
	if got := get("ab"); got != 102 || l.calls != 3 {
		t.Errorf("at the TTL: %d after %d loads, want a fresh 102", got, l.calls)
	}

	l.err = errors.New("down")
	now = now.Add(time.Minute)
	if _, err := c.Get(context.Background(), "ab", l.load); err == nil {
		t.Fatal("the error was not returned")
	}
	l.err, l.n = nil, 7
	if got := get("ab"); got != 9 || l.calls != 5 {
		t.Errorf("after an error: %d after %d loads, want a fresh 9 (errors are not kept)", got, l.calls)
	}
}

// A TTL of zero keeps nothing.
func TestGetZeroTTL(t *testing.T) {
	c := ttlcache.New[string, int](0, time.Now)
	l := &loader{}
	for i := 0; i < 3; i++ {
		if _, err := c.Get(context.Background(), "k", l.load); err != nil {
			t.Fatal(err)
		}
	}
	if l.calls != 3 {
		t.Errorf("%d loads, want 3", l.calls)
	}
}

func TestBounded(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	c := ttlcache.NewBounded[int, int](time.Minute, func() time.Time { return now }, 3)
	calls := 0
	load := func(_ context.Context, k int) (int, error) { calls++; return k * 10, nil }
	for k := range 3 {
		c.Get(context.Background(), k, load)
		now = now.Add(time.Second)
	}
	c.Get(context.Background(), 3, load) // full: 0, the oldest, goes
	if got := c.Len(); got != 3 {
		t.Fatalf("Len = %d, want 3", got)
	}
	calls = 0
	for _, k := range []int{1, 2, 3} {
		if v, _ := c.Get(context.Background(), k, load); v != k*10 {
			t.Errorf("Get(%d) = %d", k, v)
		}
	}
	if calls != 0 {
		t.Errorf("1, 2 and 3 should still be held; %d loaded again", calls)
	}
	c.Get(context.Background(), 0, load)
	if calls != 1 || c.Len() != 3 {
		t.Errorf("0 should have been dropped: %d loads, Len %d", calls, c.Len())
	}
}

// A weighed cache sums its values' weights as they come, are replaced and go.
func TestWeighed(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	c := ttlcache.NewBounded[string, int](10*time.Second, func() time.Time { return now }, 2).Weighed(func(v int) int64 { return int64(v) })
	l := &loader{n: 100}
	get := func(key string) {
		t.Helper()
		if _, err := c.Get(context.Background(), key, l.load); err != nil {
			t.Fatal(err)
		}
	}
	get("a")  // 101
	get("bb") // 102
	if got := c.Bytes(); got != 203 {
		t.Fatalf("two values: %d bytes, want 203", got)
	}
	now = now.Add(5 * time.Second)
	get("ccc") // full: a goes (the first to expire)
	if got := c.Bytes(); got != 205 {
		t.Errorf("after one was dropped for another: %d bytes, want 205", got)
	}
	now = now.Add(20 * time.Second)
	l.n = 1000
	get("ccc") // expired: reloaded and replaced
	if got := c.Bytes(); got != 102+1003 {
		t.Errorf("after a value was replaced: %d bytes, want %d", got, 102+1003)
	}
}
