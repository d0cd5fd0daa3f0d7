// Package logstats counts the plugin's conversation log per day, once, and keeps the
// count current as the log grows; reports (conversations, tokens, and whatever comes
// next) read the same per-day count. It knows nothing of HTTP: the api package turns
// its plain values into JSON.
package logstats

import (
	"context"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/kchat-sidecar/kchat-sidecar/api/period"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// Store is what the per-day count needs from the repository: the log's id bounds, and
// its rows by id.
type Store interface {
	LogBounds(ctx context.Context) (lo, hi int64, err error)
	EachLogEntry(ctx context.Context, after, upto int64, fn func(*repository.LogEntry) error) error
}

// The conversation log has no index on interaction_time, so any summary of it costs one
// scan of the whole table. Cache keeps the scan's result, per day, and keeps it right:
//
//   - Every request first reads the log's lowest and highest id (two primary-key probes,
//     well under a millisecond on a million rows).
//   - Same bounds: nothing was added or purged; the cached days answer.
//   - Higher top, same bottom: the plugin appended messages; only the rows after the old
//     top are read, through the primary key, and added in.
//   - Any other change (the plugin's retention purge, a log cleared by hand): scan again.
//   - A scan older than MaxAge is redone anyway, so a change the bounds cannot
//     see (a row edited or deleted from the middle by hand, a transaction that committed
//     a lower id late) is corrected within that time.
//
// Counting per day and bucketing in Go keeps every period and window exact: a session's
// id is kept per day, so distinct sessions per week, month or year are counted exactly.
type Cache struct {
	store  Store
	now    func() time.Time
	maxAge time.Duration

	sem chan struct{} // held by the one request that scans; others wait for its result

	mu   sync.Mutex
	snap *Snapshot

	// builder state, used only while holding sem; internBytes are intern's keys' lengths
	intern      map[string]int32
	internBytes int64

	bytes atomic.Int64 // Bytes

	hits, appends, scans atomic.Int64
}

// MaxAge is how long a full scan is trusted before it is redone.
const MaxAge = 10 * time.Minute

// Snapshot is the log counted per day up to id hi. It is never changed once
// published: an append builds a new one that shares the days it did not touch.
type Snapshot struct {
	lo, hi    int64
	scanned   time.Time
	days      []*logDay // by date
	nSessions int       // session numbers are 0..nSessions-1
}

// logDay holds the per-day aggregates every report reads. A new report that needs
// something the day does not keep yet (say, messages per assistant) adds a field here
// and a line to add, and is then fed by the same scan and appends as the others.
type logDay struct {
	date period.Date
	// messages by sender
	visitor, chatbot int64
	// tokens by kind; nonNumber counts token rows whose text is not a number
	prompt, completion, total, nonNumber int64
	sessions                             []int32 // sorted, distinct
}

// add counts one row of the log, of session number id, into the day.
func (d *logDay) add(e *repository.LogEntry, id int32) {
	if n := len(d.sessions); n == 0 || d.sessions[n-1] != id {
		d.sessions = append(d.sessions, id)
	}
	switch e.Kind {
	case repository.KindVisitor:
		d.visitor++
	case repository.KindChatbot:
		d.chatbot++
	case repository.KindPromptTokens, repository.KindCompletionTokens, repository.KindTotalTokens:
		if !e.Numeric {
			d.nonNumber++
			break
		}
		switch e.Kind {
		case repository.KindPromptTokens:
			d.prompt += e.Tokens
		case repository.KindCompletionTokens:
			d.completion += e.Tokens
		default:
			d.total += e.Tokens
		}
	}
}

// New returns an empty cache over store; now is the clock that ages its scans.
func New(store Store, now func() time.Time) *Cache {
	return &Cache{store: store, now: now, maxAge: MaxAge, sem: make(chan struct{}, 1)}
}

func (c *Cache) current() *Snapshot {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.snap
}

func (c *Cache) usable(s *Snapshot, lo, hi int64) bool {
	return s != nil && s.lo == lo && s.hi == hi && c.now().Sub(s.scanned) < c.maxAge
}

// Stats counts how the cache has answered since it was made.
type Stats struct {
	Hits    int64 // from the snapshot as it was
	Appends int64 // after reading only the rows appended since
	Scans   int64 // after reading the whole log
}

// Stats reports the cache's counters; safe to call at any time.
func (c *Cache) Stats() Stats {
	return Stats{Hits: c.hits.Load(), Appends: c.appends.Load(), Scans: c.scans.Load()}
}

// Get returns the log counted per day as it is now.
func (c *Cache) Get(ctx context.Context) (*Snapshot, error) {
	lo, hi, err := c.store.LogBounds(ctx)
	if err != nil {
		return nil, err
	}
	if s := c.current(); c.usable(s, lo, hi) {
		c.hits.Add(1)
		return s, nil
	}
	select {
	case c.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-c.sem }()
	// Whoever held the lock before may have brought the cache up to date meanwhile.
	if lo, hi, err = c.store.LogBounds(ctx); err != nil {
		return nil, err
	}
	s := c.current()
	if c.usable(s, lo, hi) {
		c.hits.Add(1)
		return s, nil
	}
	if s != nil && s.lo == lo && hi > s.hi && c.now().Sub(s.scanned) < c.maxAge {
		next, err := c.appendRows(ctx, s, hi)
		if err != nil {
			return nil, err
		}
		c.appends.Add(1)
		c.publish(next)
		return next, nil
	}
	next, err := c.scan(ctx, lo, hi)
	if err != nil {
		return nil, err
	}
	c.scans.Add(1)
	c.publish(next)
	return next, nil
}

func (c *Cache) publish(s *Snapshot) {
	c.mu.Lock()
	c.snap = s
	c.mu.Unlock()
	c.bytes.Store(s.bytes() + int64(len(c.intern))*internEntryBytes + c.internBytes)
}

// internEntryBytes is about what a session id's entry in intern takes besides its
// text: the string's header, the number, the map's share of hashes and overflow.
const internEntryBytes = 48

// Bytes is about how much memory the cache holds: the current snapshot's days and the
// session ids it numbered. Safe to call at any time.
func (c *Cache) Bytes() int64 { return c.bytes.Load() }

// bytes is about how much memory the snapshot's days hold.
func (s *Snapshot) bytes() int64 {
	n := int64(unsafe.Sizeof(*s)) + int64(cap(s.days))*8
	for _, d := range s.days {
		n += int64(unsafe.Sizeof(*d)) + int64(cap(d.sessions))*4
	}
	return n
}

// scan counts the whole log, ids up to hi.
func (c *Cache) scan(ctx context.Context, lo, hi int64) (*Snapshot, error) {
	intern := map[string]int32{}
	byDate := map[period.Date]*logDay{}
	keyBytes, err := c.count(ctx, 0, hi, intern, plainDays(byDate))
	if err != nil {
		return nil, err
	}
	days := make([]*logDay, 0, len(byDate))
	for _, d := range byDate {
		d.sessions = compact(d.sessions)
		days = append(days, d)
	}
	sort.Slice(days, func(i, j int) bool { return days[i].date.Before(days[j].date) })
	c.intern, c.internBytes = intern, keyBytes
	return &Snapshot{lo: lo, hi: hi, scanned: c.now(), days: days, nSessions: len(intern)}, nil
}

// appendRows adds the rows after s.hi, up to hi, to a copy of s.
func (c *Cache) appendRows(ctx context.Context, s *Snapshot, hi int64) (*Snapshot, error) {
	// Touched days are copied before they change: readers of s keep what they see.
	byDate := map[period.Date]*logDay{}
	for _, d := range s.days {
		byDate[d.date] = d
	}
	touched := map[period.Date]*logDay{}
	withCopies := &copyOnWrite{base: byDate, touched: touched}
	// intern only grows here; a failed append leaves numbers that nothing refers to,
	// which the next scan drops.
	keyBytes, err := c.count(ctx, s.hi, hi, c.intern, withCopies)
	c.internBytes += keyBytes
	if err != nil {
		return nil, err
	}
	days := slices.Clone(s.days)
	for date, d := range touched {
		d.sessions = compact(d.sessions)
		if i, found := sort.Find(len(days), func(i int) int { return date.Compare(days[i].date) }); found {
			days[i] = d
		} else {
			days = slices.Insert(days, i, d)
		}
	}
	return &Snapshot{lo: s.lo, hi: hi, scanned: s.scanned, days: days, nSessions: len(c.intern)}, nil
}

// dayTable finds the day a row is counted in.
type dayTable interface {
	day(period.Date) *logDay
}

type plainDays map[period.Date]*logDay

func (m plainDays) day(d period.Date) *logDay {
	if x := m[d]; x != nil {
		return x
	}
	x := &logDay{date: d}
	m[d] = x
	return x
}

// copyOnWrite hands out a private copy of each day the first time it is touched.
type copyOnWrite struct {
	base, touched map[period.Date]*logDay
}

func (w *copyOnWrite) day(d period.Date) *logDay {
	if x := w.touched[d]; x != nil {
		return x
	}
	x := &logDay{date: d}
	if old := w.base[d]; old != nil {
		*x = *old // a slice or map added to logDay must be cloned here too
		x.sessions = slices.Clone(old.sessions)
	}
	w.touched[d] = x
	return x
}

// count adds the rows with ids in (after, upto] into the days, and says how many bytes
// of session ids it added to intern.
func (c *Cache) count(ctx context.Context, after, upto int64, intern map[string]int32, table dayTable) (int64, error) {
	if upto <= after {
		return 0, nil
	}
	var lastDay string
	var cur *logDay
	var keyBytes int64
	err := c.store.EachLogEntry(ctx, after, upto, func(e *repository.LogEntry) error {
		if cur == nil || e.Day != lastDay {
			date, err := period.ParseDate(e.Day)
			if err != nil {
				// A zero or broken DATETIME belongs to no day any window can ask for.
				cur, lastDay = nil, ""
				return nil
			}
			cur, lastDay = table.day(date), e.Day
		}
		id, ok := intern[string(e.Session)]
		if !ok {
			id = int32(len(intern))
			intern[string(e.Session)] = id
			keyBytes += int64(len(e.Session))
		}
		cur.add(e, id)
		return nil
	})
	return keyBytes, err
}

// compact sorts ids and drops repeats.
func compact(ids []int32) []int32 {
	slices.Sort(ids)
	return slices.Clip(slices.Compact(ids))
}
