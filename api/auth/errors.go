package auth

import "time"

// Kind is the kind of a refusal; the api gives each kind its HTTP status.
type Kind int

const (
	// Unauthenticated: no credentials, or credentials that prove nothing (401).
	Unauthenticated Kind = iota + 1
	// Forbidden: a user who may not use the sidecar, and the token route's failed
	// logins, which the JWT plugin answers with 403.
	Forbidden
	// Invalid: a username that is not text; Param names it and Message says why (400).
	Invalid
	// TooManyAttempts: a login limit is reached, for RetryAfter still (429).
	TooManyAttempts
)

// Error is a refusal in the words of WordPress or of the JWT plugin: Code and Message
// are what the client is told.
type Error struct {
	Kind    Kind
	Code    string
	Message string
	// Param is the parameter an Invalid refusal is about.
	Param string
	// RetryAfter is how long a TooManyAttempts refusal lasts.
	RetryAfter time.Duration
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

func unauthenticated(code, message string) *Error {
	return &Error{Kind: Unauthenticated, Code: code, Message: message}
}

func forbidden(code, message string) *Error {
	return &Error{Kind: Forbidden, Code: code, Message: message}
}

var (
	// ErrNotLoggedIn is WordPress's answer to a request without credentials.
	ErrNotLoggedIn = unauthenticated("rest_not_logged_in", "You are not currently logged in.")
	// ErrForbidden is WordPress's answer to a user without the capability.
	ErrForbidden = forbidden("rest_forbidden", "Sorry, you are not allowed to do that.")

	errBadHeader = unauthenticated("jwt_auth_bad_auth_header", "Authorization header malformed.")

	// The answers to a username that names nobody: the token route's (the JWT plugin's),
	// and Basic authentication's (WordPress's REST API's).
	errUnknownLogin           = forbidden("[jwt_auth] invalid_username", "Unknown username. Check again or try your email address.")
	errUnknownAppPasswordUser = unauthenticated("invalid_username", "Unknown username. Check again or try your email address.")
)

// tooManyAttempts is the refusal of a locked login, saying for how long.
func tooManyAttempts(wait time.Duration) *Error {
	return &Error{Kind: TooManyAttempts, Code: "kchat_too_many_attempts",
		Message: "Too many failed login attempts. Try again later.", RetryAfter: wait}
}
