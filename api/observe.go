package api

import (
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
)

// requestIDKey is where a request's id is kept in its echo.Context.
const requestIDKey = "kchat.request_id"

// maxRequestID bounds an id taken from the client.
const maxRequestID = 128

// observe numbers each request (the client's X-Request-Id when it is a sane token,
// else a new random one, echoed either way), turns an error returned by the chain into
// the WordPress error answer, and then logs one line and counts the request. The log
// line has the path but never the query string or any header: tokens and passwords
// never reach the log.
func (s *Server) observe(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		id := c.Request().Header.Get("X-Request-Id")
		if !saneRequestID(id) {
			id = newRequestID()
		}
		c.Set(requestIDKey, id)
		c.Response().Header().Set("X-Request-Id", id)
		if err := next(c); err != nil {
			c.Error(err)
		}
		took := time.Since(start)
		status := c.Response().Status
		route := c.Path()
		switch route {
		case "/metrics", "/healthz", "/readyz": // probes and scrapes are not activity
		default:
			s.served.Add(1)
		}
		if route == "" || status == http.StatusNotFound && route == "/*" {
			route = "unmatched"
		}
		s.metrics.observe(route, c.Request().Method, status, took)
		path := c.Request().URL.Path
		if p, ok := c.Get(originalPathKey).(string); ok {
			path = p // before chooseSite took the site's path off
		}
		level := slog.LevelInfo
		if status >= 500 {
			level = slog.LevelError
		}
		attrs := []slog.Attr{slog.String("request_id", id), slog.String("method", clip(c.Request().Method)),
			slog.String("path", clip(path)), slog.String("route", route),
			slog.Int("status", status), slog.Int64("bytes", c.Response().Size),
			slog.Float64("latency_ms", float64(took.Microseconds())/1000)}
		if site, ok := networkSiteOf(c.Request().Context()); ok {
			attrs = append(attrs, slog.Int("blog_id", site.BlogID))
		}
		s.log.LogAttrs(c.Request().Context(), level, "request", attrs...)
		return nil
	}
}

// Served counts the requests answered so far, probes and scrapes aside.
func (s *Server) Served() uint64 { return s.served.Load() }

// logFor is the server's logger with the request's id.
func (s *Server) logFor(c echo.Context) *slog.Logger {
	if id, ok := c.Get(requestIDKey).(string); ok {
		return s.log.With("request_id", id)
	}
	return s.log
}

// maxLoggedString caps every string a client chose (a path, a method, an error quoting
// its input) in a log line, so that a client cannot make the logs large.
const maxLoggedString = 256

// clip makes s fit maxLoggedString bytes of valid UTF-8, marking a cut with "…".
func clip(s string) string {
	if len(s) <= maxLoggedString && utf8.ValidString(s) {
		return s
	}
	const mark = "…"
	// Replacing invalid bytes may lengthen the text (one byte becomes three), so cut
	// before and after.
	t := strings.ToValidUTF8(s[:min(len(s), maxLoggedString)], "\uFFFD")
	if len(s) <= maxLoggedString && len(t) <= maxLoggedString {
		return t
	}
	cut := min(len(t), maxLoggedString-len(mark))
	for cut > 0 && cut < len(t) && !utf8.RuneStart(t[cut]) {
		cut--
	}
	return t[:cut] + mark
}

func saneRequestID(id string) bool {
	if id == "" || len(id) > maxRequestID {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':') {
			return false
		}
	}
	return true
}

func newRequestID() string {
	var b [12]byte
	rand.Read(b[:]) // never fails (crypto/rand since Go 1.24)
	return hex.EncodeToString(b[:])
}
