package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"time"
)

// soak warms the sidecar up, runs the traffic with the database restart in the middle,
// lets the sidecar settle and gathers what the report needs.
func (s *soak) soak(ctx context.Context) (*report, error) {
	rep, err := s.warmUp(ctx)
	if err != nil {
		return nil, err
	}
	t := newTraffic(rep.kinds, s.o.maxRequests)
	seed := uint64(time.Now().UnixNano())
	workers := make([]*worker, s.o.connections)
	for i := range workers {
		workers[i] = &worker{id: i, client: newClient(s.o.requestTimeout), base: s.sc.Base,
			rng: rand.New(rand.NewPCG(seed, uint64(i))), gzip: s.o.gzipShare}
	}
	rep.workers = workers

	s.step("traffic: %d connections for %s (at most %d requests)", s.o.connections, s.o.duration, s.o.maxRequests)
	t.start = time.Now()
	rep.start = t.start
	rep.cpuStart = s.readCPU()
	smp := &sampler{}
	samplerDone := make(chan struct{})
	go smp.run(ctx, s.sc, t.start, samplerDone)
	trafficDone := make(chan struct{})
	restartDone := make(chan struct{})
	if s.o.noRestart {
		close(restartDone)
	} else {
		go func() {
			defer close(restartDone)
			s.restart(ctx, rep, t.start, trafficDone)
		}()
	}
	go s.progress(t, trafficDone)

	timer := time.AfterFunc(s.o.duration, func() { t.stop.Store(true) })
	var wg sync.WaitGroup
	for _, w := range workers {
		wg.Go(func() { t.loop(ctx, w) })
	}
	wg.Wait()
	timer.Stop()
	rep.elapsed = time.Since(t.start)
	rep.cpuEnd = s.readCPU()
	close(trafficDone)
	<-restartDone
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, w := range workers {
		w.client.CloseIdleConnections()
	}
	err = s.settle(ctx, rep, t.start)
	close(samplerDone)
	smp.mu.Lock()
	rep.samples, rep.sampleErrs = smp.samples, smp.errs
	smp.mu.Unlock()
	return rep, err
}

// warmUp sends every request variant once and takes the readings before traffic.
func (s *soak) warmUp(ctx context.Context) (*report, error) {
	rep := &report{o: s.o, rows: s.o.rows, storedDays: s.storedDays, dbVersion: s.dbVersion, private: s.db.private,
		dbAddr: s.db.admin.Addr}
	var err error
	if rep.idle, err = s.sc.sample(); err != nil {
		return nil, err
	}
	rep.kinds = buildMix(s.sc.Token, s.home, s.storedDays, time.Now())
	if err := applyWeights(rep.kinds, s.o.weights); err != nil {
		return nil, err
	}
	s.step("warm-up: every request variant once")
	if rep.warmup, err = warmUp(ctx, s.sc.Base, rep.kinds, s.o.requestTimeout); err != nil {
		return nil, err
	}
	if rep.before, err = s.sc.sample(); err != nil {
		return nil, err
	}
	if !s.o.noRestart && s.o.cutProbes > 0 {
		if rep.probeRef, err = fetchProbeReference(ctx, s.sc.Base, "Bearer "+s.sc.Token, 2*time.Minute); err != nil {
			return nil, err
		}
	}
	return rep, nil
}

// restart stops the database at --restart-at, the cut probes having started two seconds
// earlier so as to be mid-stream then, and starts it again.
func (s *soak) restart(ctx context.Context, rep *report, start time.Time, trafficDone <-chan struct{}) {
	lead := min(2*time.Second, s.o.restartAt)
	select {
	case <-time.After(s.o.restartAt - lead):
	case <-trafficDone:
		rep.restartSkipped = true
		return
	case <-ctx.Done():
		return
	}
	var probes *cutProbes
	if rep.probeRef != nil {
		probes = startCutProbes(ctx, s.sc.Base, "Bearer "+s.sc.Token, rep.probeRef, s.o.cutProbes, 2*time.Minute)
		defer func() {
			probes.wg.Wait()
			rep.probes = probes
		}()
	}
	if !sleep(ctx, lead) {
		return
	}
	if probes != nil {
		// Wait a little longer for a probe that had to retry.
		select {
		case <-probes.readyC:
		case <-time.After(3 * time.Second):
		case <-ctx.Done():
			return
		}
		probes.stopping()
	}
	s.step("t=%.1fs: stopping the database", time.Since(start).Seconds())
	out, err := s.db.restart(ctx, s.o.downFor)
	rep.outage, rep.restartErr = &out, err
	if err != nil {
		s.step("restart failed: %v", err)
		return
	}
	s.step("t=%.1fs: the database answers again (stopped in %.1fs, down %.1fs)", out.upAt.Sub(start).Seconds(),
		out.stoppedAt.Sub(out.stopAt).Seconds(), out.upAt.Sub(out.stopAt).Seconds())
}

// progress says every five seconds how the traffic goes.
func (s *soak) progress(t *traffic, done <-chan struct{}) {
	tick := time.NewTicker(5 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-done:
			return
		case <-tick.C:
			el := time.Since(t.start)
			sent := min(t.sent.Load(), t.max)
			s.step("t=%2.0fs: %d requests (%.0f/s), %d not the expected answer so far", el.Seconds(), sent,
				float64(sent)/el.Seconds(), t.failures.Load())
		}
	}
}

// settle waits --settle after the traffic and takes the last readings.
func (s *soak) settle(ctx context.Context, rep *report, start time.Time) error {
	rep.aliveAfterTraffic = s.sc.Alive()
	s.step("traffic done after %.1fs; settling for %s", rep.elapsed.Seconds(), s.o.settle)
	if !sleep(ctx, s.o.settle) {
		return ctx.Err()
	}
	rep.end, rep.endErr = s.sc.sample()
	rep.end.at = time.Since(start)
	rep.aliveAfterSettle = s.sc.Alive()
	return nil
}

// sleep waits d, or less if ctx ends first; it tells whether it waited the whole d.
func sleep(ctx context.Context, d time.Duration) bool {
	select {
	case <-ctx.Done():
		return false
	case <-time.After(d):
		return true
	}
}

// applyWeights changes the mix as --weights says.
func applyWeights(kinds []*kind, weights map[string]int) error {
	var ids []string
	for _, k := range kinds {
		ids = append(ids, k.id)
		if w, ok := weights[k.id]; ok {
			k.weight = w
		}
	}
	total := 0
	for _, k := range kinds {
		total += k.weight
	}
	for id := range weights {
		if !slices.Contains(ids, id) {
			return fmt.Errorf("--weights: no request kind %q (kinds: %s)", id, strings.Join(ids, " "))
		}
	}
	if total == 0 {
		return errors.New("--weights: every weight is 0")
	}
	return nil
}
