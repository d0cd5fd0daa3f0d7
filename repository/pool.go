package repository

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"sync/atomic"
	"time"

	"github.com/jmoiron/sqlx"
)

// replicaRetry is how long reads stay on the primary after the replica failed to
// answer; then the next read tries the replica again.
const replicaRetry = 5 * time.Second

// pool sends every read to the replica while it answers and to the primary otherwise.
// The sidecar only reads, so with a replica the primary is only the fallback: a site
// that outgrows one database points any number of sidecars at a replica. A read falls
// back when the replica cannot start it (refused, unreachable, too many connections,
// timed out, or configured differently from the primary); a streamed read that fails after its first row is not restarted, so an
// export never holds a row twice.
type pool struct {
	primary, replica *sqlx.DB
	replicaDownUntil atomic.Int64 // unix nanoseconds
}

// try runs fn on the replica when there is one and it is not resting, else (or when it
// fails as unavailable) on the primary.
func (p *pool) try(ctx context.Context, fn func(*sqlx.DB) error) error {
	if p.replica != nil && time.Now().UnixNano() >= p.replicaDownUntil.Load() {
		err := fn(p.replica)
		// A replica that refuses the sidecar's user or lacks the site's tables cannot
		// serve either: the primary answers, rightly or with the error to show.
		if err == nil || !unavailable(err) && !misconfigured(err) {
			return err
		}
		p.replicaDownUntil.Store(time.Now().Add(replicaRetry).UnixNano())
		if ctx.Err() != nil {
			return busy(p.replica, err) // no time left for the primary
		}
	}
	return busy(p.primary, fn(p.primary))
}

// busy marks a timeout that ran out while every connection of d was in use.
func busy(d *sqlx.DB, err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		if s := d.Stats(); s.MaxOpenConnections > 0 && s.InUse >= s.MaxOpenConnections {
			return fmt.Errorf("%w: %w", ErrBusy, err)
		}
	}
	return err
}

func (p *pool) SelectContext(ctx context.Context, dest any, query string, args ...any) error {
	return p.try(ctx, func(d *sqlx.DB) error {
		// A replica that failed half-way may have appended rows: start the slice again.
		v := reflect.ValueOf(dest).Elem()
		v.Set(reflect.Zero(v.Type()))
		return d.SelectContext(ctx, dest, query, args...)
	})
}

func (p *pool) GetContext(ctx context.Context, dest any, query string, args ...any) error {
	return p.try(ctx, func(d *sqlx.DB) error { return d.GetContext(ctx, dest, query, args...) })
}

func (p *pool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	var rows *sql.Rows
	err := p.try(ctx, func(d *sqlx.DB) (err error) {
		rows, err = d.QueryContext(ctx, query, args...)
		return err
	})
	return rows, err
}

func (p *pool) QueryxContext(ctx context.Context, query string, args ...any) (*sqlx.Rows, error) {
	var rows *sqlx.Rows
	err := p.try(ctx, func(d *sqlx.DB) (err error) {
		rows, err = d.QueryxContext(ctx, query, args...)
		return err
	})
	return rows, err
}

func (p *pool) PingContext(ctx context.Context) error {
	return p.try(ctx, func(d *sqlx.DB) error { return d.PingContext(ctx) })
}

// Stats adds up the pools.
func (p *pool) Stats() sql.DBStats {
	s := p.primary.Stats()
	if p.replica != nil {
		r := p.replica.Stats()
		s.MaxOpenConnections += r.MaxOpenConnections
		s.OpenConnections += r.OpenConnections
		s.InUse += r.InUse
		s.Idle += r.Idle
		s.WaitCount += r.WaitCount
		s.WaitDuration += r.WaitDuration
		s.MaxIdleClosed += r.MaxIdleClosed
		s.MaxIdleTimeClosed += r.MaxIdleTimeClosed
		s.MaxLifetimeClosed += r.MaxLifetimeClosed
	}
	return s
}

func (p *pool) Close() error {
	err := p.primary.Close()
	if p.replica != nil {
		if rerr := p.replica.Close(); err == nil {
			err = rerr
		}
	}
	return err
}
