package api

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// trimTrailingSlashes strips the slashes that end a path, as WordPress does before it
// matches a REST route (untrailingslashit), so ".../summary/" is ".../summary". The
// index keeps its one slash: "/wp-json", "/wp-json/" and "/wp-json//" are all
// "/wp-json/", as in WordPress. It runs before routing (Echo's Pre).
func trimTrailingSlashes(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		u := c.Request().URL
		u.Path = withoutTrailingSlashes(u.Path)
		if u.RawPath != "" {
			u.RawPath = withoutTrailingSlashes(u.RawPath)
		}
		return next(c)
	}
}

func withoutTrailingSlashes(path string) string {
	trimmed := strings.TrimRight(path, "/")
	if trimmed == "" || trimmed == "/wp-json" {
		trimmed += "/"
	}
	return trimmed
}

// withoutBody makes a HEAD answer GET's status and headers and send no body. The route
// is GET's handler, so everything a GET would say is said; only the bytes are dropped,
// here rather than by net/http, so that no server or recorder in front can send them.
// It sits outside the gzip middleware, which then sets the same Content-Encoding and
// Vary as for GET.
func withoutBody(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Request().Method == http.MethodHead {
			resp := c.Response()
			resp.Writer = discardBody{resp.Writer}
		}
		return next(c)
	}
}

// discardBody is a ResponseWriter that keeps status and headers and drops the body.
type discardBody struct{ http.ResponseWriter }

func (d discardBody) Write(p []byte) (int, error) { return len(p), nil }

// Unwrap lets http.ResponseController reach the connection (flushes, deadlines).
func (d discardBody) Unwrap() http.ResponseWriter { return d.ResponseWriter }

// getAndHead registers h for GET and for HEAD, as WordPress answers HEAD on every GET
// route.
func getAndHead(e *echo.Echo, path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) {
	e.GET(path, h, m...)
	e.HEAD(path, h, m...)
}

// Cache-Control values. A token must never be stored (RFC 6749 §5.1). Data answers may
// be kept by the browser only, and used only after revalidating with their ETag, so a
// demoted user's browser cannot show them from its cache; shared caches never store
// them. Downloads and errors are never stored: a download cannot be revalidated (it has
// no ETag) and holds the whole log, and an error is about one request.
const (
	cacheNoStore        = "no-store"
	cachePrivateNoCache = "private, no-cache"
)

// cacheControl sets the Cache-Control of a route's answers; handleError overrides it.
func cacheControl(value string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			c.Response().Header().Set(echo.HeaderCacheControl, value)
			return next(c)
		}
	}
}
