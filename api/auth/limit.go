package auth

import (
	"context"
	"net/netip"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// LoginLimits bound password guessing on the token route and on Basic authentication.
// Refusals (429 until the window ends) are only ever per client address, so that no one
// can lock an administrator out from elsewhere:
//   - MaxPerAddress failures from one client address (an IPv6 client's whole /64)
//     within Window refuse every further attempt from it;
//   - MaxPerUsername failures for one username, or one account under any of its
//     spellings, from one client address refuse further attempts at it from there.
//
// Across addresses an account is only slowed: after SlowAfter failures for it from all
// addresses together within Window, every attempt at it waits SlowDelay before the
// password is checked, the right password included. A success clears its address's
// counts for the name and account; it never counts as a failure.
type LoginLimits struct {
	MaxPerAddress  int
	MaxPerUsername int
	SlowAfter      int
	SlowDelay      time.Duration
	Window         time.Duration
}

// DefaultLoginLimits allow a forgetful person several tries and a script none to speak
// of, and cost an administrator under a distributed attack a second per login.
var DefaultLoginLimits = LoginLimits{
	MaxPerAddress: 20, MaxPerUsername: 10, SlowAfter: 10, SlowDelay: time.Second, Window: 15 * time.Minute,
}

// MaxSlowDelay bounds SlowDelay: the slowing must cost a legitimate login little.
const MaxSlowDelay = 2 * time.Second

// withDefaults gives each zero field DefaultLoginLimits' value, and holds SlowDelay to
// MaxSlowDelay.
func (limits LoginLimits) withDefaults() LoginLimits {
	if limits.MaxPerAddress <= 0 {
		limits.MaxPerAddress = DefaultLoginLimits.MaxPerAddress
	}
	if limits.MaxPerUsername <= 0 {
		limits.MaxPerUsername = DefaultLoginLimits.MaxPerUsername
	}
	if limits.SlowAfter <= 0 {
		limits.SlowAfter = DefaultLoginLimits.SlowAfter
	}
	if limits.SlowDelay <= 0 {
		limits.SlowDelay = DefaultLoginLimits.SlowDelay
	}
	if limits.SlowDelay > MaxSlowDelay {
		limits.SlowDelay = MaxSlowDelay
	}
	if limits.Window <= 0 {
		limits.Window = DefaultLoginLimits.Window
	}
	return limits
}

// limiters count failures per client address, per (address, username or account), and
// per account from everywhere; see LoginLimits.
type limiters struct {
	byAddress, byPair, byAccount *limiter
	slowDelay                    time.Duration
}

func newLimiters(limits LoginLimits) limiters {
	return limiters{
		byAddress: newLimiter(limits.MaxPerAddress, limits.Window),
		byPair:    newLimiter(limits.MaxPerUsername, limits.Window),
		byAccount: newLimiter(limits.SlowAfter, limits.Window),
		slowDelay: limits.SlowDelay,
	}
}

// WordPress's limits on what a username can be: user_login is varchar(60) and
// wp_insert_user refuses mb_strlen > 60; user_email is varchar(100). Both count
// characters, not bytes.
const (
	maxLoginChars = 60
	maxEmailChars = 100
)

// usernameTooLong reports whether no WordPress user can log in with name: longer than
// an e-mail address may be, or, without an @, than a login may be.
func usernameTooLong(name string) bool {
	if len(name) <= maxLoginChars {
		return false // fewer bytes than the limit: fewer characters too
	}
	n := utf8.RuneCountInString(name)
	return n > maxEmailChars || n > maxLoginChars && !strings.Contains(name, "@")
}

// maxUnparsedAddress bounds the key of a client address that is not an IP address.
const maxUnparsedAddress = 64

// addressKey is what a client address is limited by: an IPv4 address, or an IPv6
// address's /64, which one client (one home, one VPS) holds whole.
func addressKey(ip string) string {
	addr, err := netip.ParseAddr(ip)
	if err != nil {
		// Not from net/http or echo, which hand over parsed addresses; bounded, as a key
		// the limiters keep.
		return ip[:min(len(ip), maxUnparsedAddress)]
	}
	addr = addr.Unmap().WithZone("")
	if addr.Is4() {
		return addr.String()
	}
	prefix, _ := addr.Prefix(64)
	return prefix.String()
}

// pairKey names one username or account tried from one address.
func pairKey(address, name string) string { return address + "\x00" + name }

// sleepCtx waits d, or until ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// maxTrackedKeys caps the limiter's memory under a flood of distinct addresses or names.
const maxTrackedKeys = 100000

type failureWindow struct {
	start    time.Time
	failures int
	// inFlight counts attempts begun and not yet finished: they count as failures until
	// they are known not to be, so that a burst of concurrent guesses cannot all pass
	// the check before the first of them fails.
	inFlight int
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

// current is key's window as of now: a finished window counts no failures.
func (l *limiter) current(key string, now time.Time) failureWindow {
	w := l.keys[key]
	if now.Sub(w.start) >= l.window {
		w = failureWindow{start: now, inFlight: w.inFlight}
	}
	return w
}

// blocked reports whether key has used up its failures, and for how long still.
func (l *limiter) blocked(key string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	w, ok := l.keys[key]
	if !ok || now.Sub(w.start) >= l.window || w.failures < l.max {
		return false, 0
	}
	return true, w.start.Add(l.window).Sub(now)
}

// begin admits an attempt for key unless key's failures and the attempts in flight
// have reached the limit; an admitted attempt must be ended.
func (l *limiter) begin(key string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	w := l.current(key, now)
	if w.failures+w.inFlight >= l.max {
		wait := w.start.Add(l.window).Sub(now)
		if w.failures < l.max {
			wait = time.Second // only concurrent attempts in the way: soon over
		}
		return false, wait
	}
	if _, ok := l.keys[key]; !ok && len(l.keys) >= maxTrackedKeys {
		l.sweep(now)
	}
	w.inFlight++
	l.keys[key] = w
	return true, 0
}

// end finishes an attempt begun for key.
func (l *limiter) end(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if w, ok := l.keys[key]; ok && w.inFlight > 0 {
		w.inFlight--
		l.keys[key] = w
	}
}

func (l *limiter) fail(key string, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, ok := l.keys[key]; !ok && len(l.keys) >= maxTrackedKeys {
		l.sweep(now)
	}
	w := l.current(key, now)
	w.failures++
	l.keys[key] = w
}

// reset forgets key's failures (not its attempts in flight).
func (l *limiter) reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if w, ok := l.keys[key]; ok && w.inFlight > 0 {
		l.keys[key] = failureWindow{inFlight: w.inFlight}
		return
	}
	delete(l.keys, key)
}

// sweep drops finished windows; if every window is live, half of them go (whichever the
// map yields first), so that memory stays bounded even under a flood: at worst a flood
// restarts some counts.
func (l *limiter) sweep(now time.Time) {
	for k, w := range l.keys {
		if now.Sub(w.start) >= l.window && w.inFlight == 0 {
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
