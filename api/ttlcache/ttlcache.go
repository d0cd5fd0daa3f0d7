// Package ttlcache remembers answers for a short time, so that what every request needs
// (a user's capabilities, the site's options) is read from the database at most once per
// TTL.
package ttlcache

import (
	"context"
	"sync"
	"time"
)

// Cache remembers answers for a short time. It caches successes only: an error is
// never remembered, so an outage ends as soon as the database is back.
type Cache[K comparable, V any] struct {
	ttl time.Duration
	now func() time.Time

	max int // 0: no bound but time

	// weight, when set, is about how many bytes a value holds; bytes sums it over the
	// entries held.
	weight func(V) int64

	mu      sync.Mutex
	entries map[K]entry[V]
	bytes   int64
}

type entry[V any] struct {
	value   V
	expires time.Time
}

// New is a cache whose answers last ttl by the clock now.
func New[K comparable, V any](ttl time.Duration, now func() time.Time) *Cache[K, V] {
	return &Cache[K, V]{ttl: ttl, now: now, entries: map[K]entry[V]{}}
}

// NewBounded is New holding at most max answers: to keep a new one in a full cache, the
// oldest answer (the first to expire) is dropped. Finding it reads every entry, which
// only a full cache does.
func NewBounded[K comparable, V any](ttl time.Duration, now func() time.Time, max int) *Cache[K, V] {
	c := New[K, V](ttl, now)
	c.max = max
	return c
}

// Weighed makes c sum weight over the values it holds, for Bytes; call it before use.
func (c *Cache[K, V]) Weighed(weight func(V) int64) *Cache[K, V] {
	c.weight = weight
	return c
}

// Bytes is about how many bytes the values held weigh (0 unless Weighed), expired ones
// not yet dropped included.
func (c *Cache[K, V]) Bytes() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes
}

// drop deletes key's entry; c.mu is held.
func (c *Cache[K, V]) drop(key K) {
	if e, ok := c.entries[key]; ok && c.weight != nil {
		c.bytes -= c.weight(e.value)
	}
	delete(c.entries, key)
}

// Get returns the cached value for key, or loads, caches and returns it. With a TTL of
// zero or less nothing is cached.
func (c *Cache[K, V]) Get(ctx context.Context, key K, load func(context.Context, K) (V, error)) (V, error) {
	if c.ttl <= 0 {
		return load(ctx, key)
	}
	now := c.now()
	c.mu.Lock()
	if e, ok := c.entries[key]; ok && now.Before(e.expires) {
		c.mu.Unlock()
		return e.value, nil
	}
	c.mu.Unlock()

	v, err := load(ctx, key)
	if err != nil {
		return v, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	// Sweep expired entries now and then so that a long-running process holding many
	// users' answers does not grow without bound.
	if len(c.entries) >= 1024 {
		for k, e := range c.entries {
			if !now.Before(e.expires) {
				c.drop(k)
			}
		}
	}
	if _, ok := c.entries[key]; !ok && c.max > 0 && len(c.entries) >= c.max {
		c.dropOldest()
	}
	c.drop(key)
	c.entries[key] = entry[V]{value: v, expires: now.Add(c.ttl)}
	if c.weight != nil {
		c.bytes += c.weight(v)
	}
	return v, nil
}

// dropOldest drops the entry that expires first; c.mu is held.
func (c *Cache[K, V]) dropOldest() {
	var oldest K
	var first time.Time
	found := false
	for k, e := range c.entries {
		if !found || e.expires.Before(first) {
			oldest, first, found = k, e.expires, true
		}
	}
	if found {
		c.drop(oldest)
	}
}

// Len is how many answers the cache holds, expired ones not yet dropped included.
func (c *Cache[K, V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}
