package api

import (
	"sync"
	"time"
)

// LoginLimits bound password guessing on the token route and on Basic authentication:
// after MaxPerAddress failures from one client address, or MaxPerUsername failures for
// one username, within Window, further attempts are refused with 429 until the window
// ends. Successes are never slowed and clear the username's count.
type LoginLimits struct {
	MaxPerAddress  int
	MaxPerUsername int
	Window         time.Duration
}

// DefaultLoginLimits allow a forgetful person several tries and a script none to speak of.
var DefaultLoginLimits = LoginLimits{MaxPerAddress: 20, MaxPerUsername: 10, Window: 15 * time.Minute}

// maxTrackedKeys caps the limiter's memory under a flood of distinct addresses or names.
const maxTrackedKeys = 100000

type failureWindow struct {
	start    time.Time
	failures int
}

// limiter counts failures per key in fixed windows.
type limiter struct {
	max    int
	window time.Duration

	mu   sync.Mutex
	keys map[string]failureWindow
}

func newLimiter(max int, window time.Duration) *limiter {
	return &limiter{max: max, window: window, keys: map[string]failureWindow{}}
}

// blocked reports whether key has used up its failures, and for how long still.
func (l *limiter) blocked(key string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	w, ok := l.keys[key]
	if !ok || now.Sub(w.start) >= l.window {
		return false, 0
	}
	if w.failures >= l.max {
		return true, w.start.Add(l.window).Sub(now)
	}
	return false, 0
}

func (l *limiter) fail(key string, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	w, ok := l.keys[key]
	if !ok || now.Sub(w.start) >= l.window {
		if len(l.keys) >= maxTrackedKeys {
			l.sweep(now)
		}
		w = failureWindow{start: now}
	}
	w.failures++
	l.keys[key] = w
}

func (l *limiter) reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.keys, key)
}

// sweep drops finished windows; if every window is live, the oldest half goes, so that
// memory stays bounded even under a flood (at worst a flood restarts some counts).
func (l *limiter) sweep(now time.Time) {
	for k, w := range l.keys {
		if now.Sub(w.start) >= l.window {
			delete(l.keys, k)
		}
	}
	if len(l.keys) < maxTrackedKeys {
		return
	}
	n := 0
	for k := range l.keys {
		delete(l.keys, k)
		if n++; n >= maxTrackedKeys/2 {
			break
		}
	}
}
