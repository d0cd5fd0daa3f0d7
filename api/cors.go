package api

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// corsFor is the CORS middleware of one site: Echo's asks only the origin, so each
// site has its own.
func (s *Server) corsFor(st *siteState) echo.MiddlewareFunc {
	return middleware.CORSWithConfig(middleware.CORSConfig{
		AllowOriginFunc: func(origin string) (bool, error) { return s.allowOrigin(st, origin) },
		AllowMethods:    []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowHeaders:    []string{echo.HeaderAuthorization, echo.HeaderContentType},
		ExposeHeaders:   []string{"X-WP-Total", "X-WP-TotalPages", "Link", echo.HeaderContentDisposition, "Retry-After"},
		MaxAge:          600,
	})
}

// siteCORS answers CORS as the request's site.
func (s *Server) siteCORS(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		return s.siteOf(c.Request().Context()).cors(next)(c)
	}
}

// allowOrigin grants CORS to the configured origins, or by default to the origins of
// the site's home and siteurl — the WordPress admin page's own origin.
func (s *Server) allowOrigin(st *siteState, origin string) (bool, error) {
	allowed := s.cors
	if len(allowed) == 0 {
		settings, err := s.settingsOf(context.Background(), st)
		if err != nil {
			// No grant rather than an error: a browser cannot read either while the
			// database is down, and the request itself will say 503.
			s.log.Warn("CORS: site settings unavailable", "err", err.Error())
			return false, nil
		}
		allowed = []string{OriginOf(settings.Home), OriginOf(settings.SiteURL)}
	}
	for _, a := range allowed {
		if a != "" && strings.EqualFold(a, origin) {
			return true, nil
		}
	}
	return false, nil
}

// OriginOf is the scheme://host[:port] of a URL, as browsers send it in Origin; "" for
// anything that is not an absolute http(s) URL.
func OriginOf(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	scheme, host := strings.ToLower(u.Scheme), strings.ToLower(u.Host)
	// Browsers leave the default port out of Origin.
	host = strings.TrimSuffix(host, map[string]string{"http": ":80", "https": ":443"}[scheme])
	return scheme + "://" + host
}
