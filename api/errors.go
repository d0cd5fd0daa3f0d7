package api

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// Error is the one error type handlers return. It carries the WordPress error code and
// message the client sees; Internal holds what only the log may see.
type Error struct {
	Status  int
	Code    string
	Message string
	// Params is WordPress's data.params: parameter name → why it was refused.
	Params map[string]string
	// RetryAfter, when set, is sent as Retry-After, in whole seconds rounded up.
	RetryAfter time.Duration
	Internal   error
}

func (e *Error) Error() string {
	if e.Internal != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Internal)
	}
	return e.Code + ": " + e.Message
}

func (e *Error) Unwrap() error { return e.Internal }

func newError(status int, code, message string) *Error {
	return &Error{Status: status, Code: code, Message: message}
}

// invalidParams is WordPress's rest_invalid_param: every refused parameter is named.
func invalidParams(params map[string]string) *Error {
	names := make([]string, 0, len(params))
	for name := range params {
		names = append(names, name)
	}
	sort.Strings(names)
	return &Error{
		Status:  http.StatusBadRequest,
		Code:    "rest_invalid_param",
		Message: "Invalid parameter(s): " + strings.Join(names, ", "),
		Params:  params,
	}
}

var errForbidden = authError(auth.ErrForbidden)

var errNoRoute = newError(http.StatusNotFound, "rest_no_route", "No route was found matching the URL and request method.")

// wpError is the body WordPress gives every error.
type wpError struct {
	Code    string      `json:"code"`
	Message string      `json:"message"`
	Data    wpErrorData `json:"data"`
}

type wpErrorData struct {
	Status int               `json:"status"`
	Params map[string]string `json:"params,omitempty"`
}

// statusClientClosed is nginx's 499: the client closed the connection first.
const statusClientClosed = 499

// toError maps anything a handler or middleware returned to the error the client sees.
// This is the only place where errors become HTTP statuses.
func toError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var refused *auth.Error
	if errors.As(err, &refused) {
		return authError(refused)
	}
	if errors.Is(err, context.Canceled) {
		// The client went away (or the server is shutting down): nobody reads this
		// answer, but the log and the metrics should not call it a server fault.
		return &Error{Status: statusClientClosed, Code: "kchat_request_canceled",
			Message: "The request was canceled before it was answered.", Internal: err}
	}
	if errors.Is(err, repository.ErrUnavailable) {
		msg := "The WordPress database is not answering. Try again shortly."
		if errors.Is(err, repository.ErrBusy) {
			msg = "Every database connection of the sidecar is busy. Try again shortly."
		}
		return &Error{Status: http.StatusServiceUnavailable, Code: "kchat_db_unavailable", Message: msg, Internal: err}
	}
	// The configuration errors are 503 too (the sidecar cannot serve until they are
	// fixed), but with codes of their own and no Retry-After: retrying will not help.
	var missing *repository.TableMissingError
	if errors.As(err, &missing) {
		table := "A table the sidecar reads"
		if missing.Table != "" {
			table = "The table " + missing.Table
		}
		return &Error{Status: http.StatusServiceUnavailable, Code: "kchat_table_missing",
			Message: table + " does not exist in the WordPress database. Check the sidecar's table prefix and blog id.", Internal: err}
	}
	if errors.Is(err, repository.ErrAccessDenied) {
		return &Error{Status: http.StatusServiceUnavailable, Code: "kchat_db_access_denied",
			Message: "The WordPress database refused the sidecar's user. Check its user name, password and SELECT grant.", Internal: err}
	}
	if errors.Is(err, repository.ErrUnknownDatabase) {
		return &Error{Status: http.StatusServiceUnavailable, Code: "kchat_db_unknown_database",
			Message: "The database the sidecar is set to read does not exist. Check its database name.", Internal: err}
	}
	var he *echo.HTTPError
	if errors.As(err, &he) {
		switch he.Code {
		case http.StatusNotFound, http.StatusMethodNotAllowed:
			return errNoRoute
		case http.StatusRequestEntityTooLarge:
			return newError(he.Code, "rest_request_too_large", "The request is too large.")
		case http.StatusTooManyRequests:
			return newError(he.Code, "kchat_too_many_requests", "Too many requests. Try again later.")
		case http.StatusUnauthorized:
			return authError(auth.ErrNotLoggedIn)
		case http.StatusForbidden:
			return errForbidden
		}
		if he.Code >= 400 && he.Code < 500 {
			return newError(he.Code, "rest_bad_request", http.StatusText(he.Code)+".")
		}
	}
	return &Error{Status: http.StatusInternalServerError, Code: "kchat_internal_error",
		Message: "The sidecar could not complete the request.", Internal: err}
}

// authError is a refusal of package auth as the client sees it.
func authError(e *auth.Error) *Error {
	switch e.Kind {
	case auth.Invalid:
		return invalidParams(map[string]string{e.Param: e.Message})
	case auth.TooManyAttempts:
		return &Error{Status: http.StatusTooManyRequests, Code: e.Code, Message: e.Message, RetryAfter: e.RetryAfter}
	case auth.Forbidden:
		return newError(http.StatusForbidden, e.Code, e.Message)
	}
	return newError(http.StatusUnauthorized, e.Code, e.Message)
}

// handleError is Echo's HTTPErrorHandler: every error, from every route and middleware,
// panics included (the Recover middleware turns them into errors), leaves as a WordPress
// error object. Internals are logged, never sent.
func (s *Server) handleError(err error, c echo.Context) {
	e := toError(err)
	req := c.Request()
	var missing *repository.TableMissingError
	if site, ok := networkSiteOf(req.Context()); ok && errors.As(err, &missing) && missing.Table != "" {
		// On a network the prefix and the blog come from the request, not from settings
		// (KCHAT_BLOG_ID would even end network mode): the site has no such table yet.
		onSite := *e
		onSite.Message = "The table " + missing.Table + " of the network's site " + site.Path +
			" does not exist: a site has the chatbot's tables once the chatbot has run on it."
		e = &onSite
	}
	if e.Status >= 500 {
		s.logFor(c).Error("request failed", "method", clip(req.Method), "path", clip(req.URL.Path),
			"status", e.Status, "code", e.Code, "err", errString(err))
	}
	if e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden || e.Status == http.StatusTooManyRequests {
		s.metrics.authFailures.WithLabelValues(e.Code).Inc() // codes are the sidecar's own fixed strings
	}
	if c.Response().Committed {
		return
	}
	h := c.Response().Header()
	if e.Code == "kchat_db_unavailable" {
		// A restart or a busy moment: scripts may come back shortly, not hammer at once.
		h.Set("Retry-After", "2")
	}
	if e.RetryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(int((e.RetryAfter+time.Second-1)/time.Second)))
	}
	if e.Status == http.StatusUnauthorized {
		h.Set("WWW-Authenticate", `Bearer realm="kchat-sidecar"`)
	}
	// A half-built success response must not leak into the error.
	h.Del("Content-Disposition")
	h.Set(echo.HeaderCacheControl, cacheNoStore)
	body := wpError{Code: e.Code, Message: e.Message, Data: wpErrorData{Status: e.Status, Params: e.Params}}
	// A HEAD gets the same answer, its body dropped by withoutBody, so that its headers
	// (Content-Type included) are GET's.
	if err := writeJSON(c, e.Status, body); err != nil {
		s.logFor(c).Warn("writing error response", "err", err)
	}
}

func errString(err error) slog.Value {
	if err == nil {
		return slog.StringValue("")
	}
	return slog.StringValue(clip(err.Error())) // a driver's error may quote the client's input
}
