package insights

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// Source is what the cache reads: the log's id bounds, its rows from a time onward by
// id range, and message texts by id.
type Source interface {
	LogBounds(ctx context.Context) (lo, hi int64, err error)
	EachInsightRow(ctx context.Context, from string, after, upto int64, fn func(*repository.InsightRow) error) error
	LogTexts(ctx context.Context, ids []int64) (map[int64]string, error)
}

// MaxAge is how long a range read is trusted. The plugin's sentiment scorer updates
// sentiment_score of rows already read, which no id-bounded read sees; a hand edit or a
// late-committed lower id is as invisible. After MaxAge the range is read whole again,
// so an answer is never more stale than that.
const MaxAge = 5 * time.Minute

// maxAnswers bounds the computed answers kept for the store as it is.
const maxAnswers = 32

// Cache keeps one Store and the answers computed from it:
//
//   - Each request reads the log's lowest and highest id (two primary-key probes).
//   - The store serves any windows whose rows it holds: those starting at or after its
//     time (one gap before the earliest window). A wider request replaces it by a read
//     of the wider range, so one store is kept, holding the widest range asked since
//     its last whole read; a narrower request never narrows it until then.
//   - Higher top id, same bottom: only the rows appended since are read, through the
//     primary key, and added in.
//   - A lower bottom or top (the plugin's retention purge, a cleared log), or a store
//     older than MaxAge: the range is read whole again.
//   - An answer is kept per (windows, sentiment type, store, highest id), at most
//     maxAnswers of them, so a repeated request costs the two probes.
type Cache struct {
	src    Source
	now    func() time.Time
	maxAge time.Duration
	match  *Matcher
	opt    Options

	sem chan struct{} // one reader and computer at a time: the store is not shared

	store   *Store
	lo      int64
	read    time.Time // when the store's range was read whole
	answers map[answerKey]*Answer

	hits, appends, scans atomic.Int64

	// bytes is about how much the store and the answers hold (Bytes); weighed is what
	// it was computed for, so that an unchanged cache is not weighed again.
	bytes   atomic.Int64
	weighed struct {
		scans, appends int64 // the store changes only by these
		held           bool
		answers        int
	}
}

type answerKey struct {
	ws  Windows
	typ Sentiment
	hi  int64
}

// NewCache makes a cache over src. opt's Gap and MinutesPerConversation apply to every
// answer (its Sentiment is chosen per request); phrases are the fallback phrases,
// normalized.
func NewCache(src Source, now func() time.Time, opt Options, phrases []string) *Cache {
	return &Cache{src: src, now: now, maxAge: MaxAge, match: NewMatcher(phrases), opt: opt,
		sem: make(chan struct{}, 1), answers: map[answerKey]*Answer{}}
}

// Stats counts how the cache has answered since it was made.
type Stats struct {
	Hits    int64 // a kept answer, or one computed from the store as it was
	Appends int64 // after reading only the rows appended since
	Scans   int64 // after reading the range whole
}

// Stats reports the cache's counters; safe to call at any time.
func (c *Cache) Stats() Stats {
	return Stats{Hits: c.hits.Load(), Appends: c.appends.Load(), Scans: c.scans.Load()}
}

// Answer computes the figures and lists of ws, with the sentiment figures over typ's
// messages. The returned answer is shared: callers must not change it.
func (c *Cache) Answer(ctx context.Context, ws Windows, typ Sentiment) (*Answer, error) {
	lo, hi, err := c.src.LogBounds(ctx)
	if err != nil {
		return nil, err
	}
	select {
	case c.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { c.weigh(); <-c.sem }()
	if err := c.update(ctx, ws.ReadFrom(c.opt.Gap), lo, hi); err != nil {
		return nil, err
	}
	key := answerKey{ws, typ, c.store.hi}
	if a, ok := c.answers[key]; ok {
		c.hits.Add(1)
		return a, nil
	}
	opt := c.opt
	opt.Sentiment = typ
	a, err := c.store.Compute(ws, opt, func(ids []int64) (map[int64]string, error) { return c.src.LogTexts(ctx, ids) })
	if err != nil {
		return nil, err
	}
	if len(c.answers) >= maxAnswers {
		clear(c.answers)
	}
	c.answers[key] = a
	return a, nil
}

// Bytes is about how much memory the cache holds: its store and its kept answers.
// Safe to call at any time; it is as of the end of the last Answer.
func (c *Cache) Bytes() int64 { return c.bytes.Load() }

// weigh brings Bytes up to date when the store or the answers changed; c.sem is held.
func (c *Cache) weigh() {
	w := &c.weighed
	scans, appends := c.scans.Load(), c.appends.Load()
	if w.scans == scans && w.appends == appends && w.held == (c.store != nil) && w.answers == len(c.answers) {
		return
	}
	w.scans, w.appends, w.held, w.answers = scans, appends, c.store != nil, len(c.answers)
	var n int64
	if c.store != nil {
		n = c.store.Bytes()
	}
	for _, a := range c.answers {
		n += mapEntryBytes + a.bytes()
	}
	c.bytes.Store(n)
}

// update brings the store to the log's bounds lo..hi, holding rows from from onward.
func (c *Cache) update(ctx context.Context, from Wall, lo, hi int64) error {
	st := c.store
	fresh := st != nil && st.from <= from && c.lo == lo && hi >= st.hi && c.now().Sub(c.read) < c.maxAge
	if fresh && hi == st.hi {
		return nil
	}
	if fresh {
		clear(c.answers)
		c.appends.Add(1)
		if err := c.src.EachInsightRow(ctx, st.from.sqlTime(), st.hi, hi, addTo(st)); err != nil {
			c.store = nil // partly read: read it whole next time
			return err
		}
		st.hi = hi
		return nil
	}
	// Let the old store go before the new one is read, so that only one is held.
	c.store = nil
	clear(c.answers)
	c.scans.Add(1)
	if st != nil && st.from < from && c.now().Sub(c.read) < c.maxAge {
		from = st.from // a recent wider request still counts
	}
	next := NewStore(from, c.match)
	read := c.now()
	if err := c.src.EachInsightRow(ctx, from.sqlTime(), 0, hi, addTo(next)); err != nil {
		return err
	}
	next.hi = hi
	c.store, c.lo, c.read = next, lo, read
	return nil
}

func addTo(s *Store) func(*repository.InsightRow) error {
	return func(r *repository.InsightRow) error { s.Add(r); return nil }
}

// sqlTime is the time as the log's DATETIME prints it.
func (w Wall) sqlTime() string { return time.Unix(int64(w), 0).UTC().Format(time.DateTime) }
