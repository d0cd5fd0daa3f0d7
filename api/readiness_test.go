package api_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
)

// probeCounter is a store whose readiness probe is counted, slow enough for callers to
// overlap, and fails with err when set.
type probeCounter struct {
	fakeStore
	probes atomic.Int32
	mu     sync.Mutex
	err    error
}

func (p *probeCounter) CheckReady(ctx context.Context) error {
	p.probes.Add(1)
	select {
	case <-time.After(20 * time.Millisecond):
	case <-ctx.Done():
		return ctx.Err()
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.err
}

func (p *probeCounter) fail(err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.err = err
}

// /readyz callers share one database probe a second, failures included: fifty probing
// clients must not become a thousand queries a second, least of all against a database
// that is struggling already.
func TestReadyzSharesOneProbePerSecond(t *testing.T) {
	store := &probeCounter{}
	clk := &clock{t: fixtureNow}
	_, raw := loadSpec(t)
	srv, err := api.New(api.Config{Store: store, JWTSecret: []byte(fixture.Secret), OpenAPI: raw, Now: clk.Now, Logger: testLogger})
	if err != nil {
		t.Fatal(err)
	}
	ready := func(ctx context.Context) int {
		req := httptest.NewRequest(http.MethodGet, "/readyz", nil).WithContext(ctx)
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec.Code
	}
	burst := func(when string, want int) {
		t.Helper()
		var wg sync.WaitGroup
		codes := make(chan int, 50)
		for range 50 {
			wg.Add(1)
			go func() { defer wg.Done(); codes <- ready(context.Background()) }()
		}
		wg.Wait()
		close(codes)
		for code := range codes {
			if code != want {
				t.Errorf("%s: /readyz %d, want %d", when, code, want)
				break
			}
		}
		for range 50 {
			if code := ready(context.Background()); code != want {
				t.Fatalf("%s, one after another: /readyz %d, want %d", when, code, want)
			}
		}
	}
	wantProbes := func(when string, n int32) {
		t.Helper()
		if got := store.probes.Load(); got != n {
			t.Errorf("%s: %d probes, want %d", when, got, n)
		}
	}

	burst("first second", http.StatusOK)
	wantProbes("100 calls in the first second", 1)
	clk.Add(999 * time.Millisecond)
	burst("999 ms on", http.StatusOK)
	wantProbes("999 ms on", 1)

	// The database goes away: the answer may lag by up to a second, then every caller
	// shares the failure for a second, one probe for all.
	store.fail(fmt.Errorf("%w: connection refused", repository.ErrUnavailable))
	clk.Add(time.Millisecond)
	burst("database down", http.StatusServiceUnavailable)
	wantProbes("database down", 2)
	store.fail(nil)
	clk.Add(500 * time.Millisecond)
	burst("back, within the failed probe's second", http.StatusServiceUnavailable)
	wantProbes("back, within the failed probe's second", 2)
	clk.Add(500 * time.Millisecond)
	burst("back", http.StatusOK)
	wantProbes("back", 3)

	// The probe belongs to every waiter: the caller that started it hanging up does not
	// fail the others.
	clk.Add(time.Second)
	ctx, cancel := context.WithCancel(context.Background())
	first := make(chan int, 1)
	go func() { first <- ready(ctx) }()
	for store.probes.Load() < 4 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	if code := ready(context.Background()); code != http.StatusOK {
		t.Errorf("after the first caller hung up: /readyz %d", code)
	}
	<-first
	wantProbes("a caller hung up", 4)
}
