package api

import "context"

// Hooks for the black-box tests of the login limits.

// DummyLoginHash is the hash an unknown user's password is checked against now.
func DummyLoginHash(s *Server) string { return s.dummies.get(context.Background()) }

// LimiterKeyBytes is the memory the login limiters spend on their keys.
func LimiterKeyBytes(s *Server) int {
	n := 0
	for _, l := range []*limiter{s.byAddress, s.byPair, s.byAccount} {
		l.mu.Lock()
		for k := range l.keys {
			n += len(k)
		}
		l.mu.Unlock()
	}
	return n
}
