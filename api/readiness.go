package api

import (
	"context"
	"sync"
	"time"
)

// readyEvery is how long one readiness probe's answer serves every /readyz caller.
const readyEvery = time.Second

// readiness shares the database probe behind /readyz. Callers within readyEvery of the
// last answer get that answer, failures included, and callers that come while a probe
// runs wait for it: fifty probing clients had cost a thousand queries a second and
// slowed everyone's summaries, and a database that is down would be probed as hard.
type readiness struct {
	probe func(context.Context) error
	now   func() time.Time

	mu      sync.Mutex
	err     error
	at      time.Time     // when the last answer came; zero before the first
	running chan struct{} // closed when the probe in flight has answered; nil if none
}

func (r *readiness) check(ctx context.Context) error {
	r.mu.Lock()
	if !r.at.IsZero() && r.now().Sub(r.at) < readyEvery {
		err := r.err
		r.mu.Unlock()
		return err
	}
	done := r.running
	if done == nil {
		done = make(chan struct{})
		r.running = done
		// The probe serves every waiter, not only the request that started it, so that
		// request hanging up must not cancel it (the store bounds it by its own timeout).
		probeCtx := context.WithoutCancel(ctx)
		go func() {
			err := r.probe(probeCtx)
			r.mu.Lock()
			r.err, r.at, r.running = err, r.now(), nil
			r.mu.Unlock()
			close(done)
		}()
	}
	r.mu.Unlock()
	select {
	case <-done:
	case <-ctx.Done():
		return ctx.Err()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}
