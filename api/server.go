// Package api is the sidecar's HTTP face: an Echo router serving the Kognetiks Chatbot's
// interaction data under WordPress's REST prefix, to WordPress administrators holding a
// JWT, with every error shaped as WordPress shapes its own.
package api

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
	"github.com/kchat-sidecar/kchat-sidecar/api/docs"
	"github.com/kchat-sidecar/kchat-sidecar/api/ttlcache"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// ExportSlots is how many exports may stream at once from a pool of poolSize database
// connections (0: the repository's default pool): half of it, so that exports leave the
// other half to everything else.
func ExportSlots(poolSize int) int {
	if poolSize <= 0 {
		poolSize = repository.DefaultMaxOpenConns
	}
	return max(1, poolSize/2)
}

// Config wires a Server.
type Config struct {
	Store Store
	// JWTSecret is the site's JWT_AUTH_SECRET_KEY.
	JWTSecret []byte
	// SiteURL, when set, is the issuer tokens must carry; otherwise the home option.
	SiteURL string
	// OpenAPI is the served contract, byte for byte.
	OpenAPI []byte
	Logger  *slog.Logger
	// Now is the clock; nil means time.Now. Tests inject their own.
	Now func() time.Time
	// CapabilityTTL is how long a user's "may manage options" answer is reused: 10 s when
	// zero, as kchat-sidecar runs and openapi.yaml states; never more than
	// auth.MaxCapabilityTTL.
	CapabilityTTL time.Duration
	// SettingsTTL is how long site options (timezone, week start…) are reused; 10 s when zero.
	SettingsTTL time.Duration
	// CountsTTL is how long the interactions table's counts for a window are reused.
	// The table has no change marker to check (a day's count is updated in place), so
	// only time bounds its staleness; zero (the default here) reads it on every request.
	CountsTTL time.Duration
	// TokenTTL is the lifetime of tokens the sidecar issues; auth.DefaultTokenTTL when zero.
	TokenTTL time.Duration
	// CORSOrigins are the browser origins allowed to call; empty means the origins of the
	// site's home and siteurl options.
	CORSOrigins []string
	// TrustedProxies are the networks whose X-Forwarded-For is believed for the client
	// address; with none, the connection's address is the client's.
	TrustedProxies []*net.IPNet
	// LoginLimits bound password guessing; zero fields take auth.DefaultLoginLimits'.
	LoginLimits auth.LoginLimits
	// MetricsApart leaves /metrics out of the router: MetricsHandler serves it on an
	// address of its own.
	MetricsApart bool
	// Insights sets what the Insights figures depend on.
	Insights InsightsConfig
	// MaxExports is how many exports may stream at once; others wait for a turn (for as
	// long as their client does). 0 means ExportSlots of the default pool.
	MaxExports int

	// Network, when set, is the multisite network Store belongs to (Store is then its
	// main site, for the probes): while the database holds a network, each request is
	// for the site its Host and path choose, and an unknown host answers 404. SiteURL
	// then only applies when the database holds no network.
	Network Network
	// NetworkTTL is how long the network's sites are reused; DefaultNetworkTTL when zero.
	NetworkTTL time.Duration
	// MaxSites bounds how many sites' caches are kept; DefaultMaxSites when zero.
	MaxSites int
	// SiteCacheBytes bounds what the sites' caches hold together, the main site's
	// included (whose are never dropped); DefaultSiteCacheBytes when zero.
	SiteCacheBytes int64
	// SubdomainInstall is wp-config.php's SUBDOMAIN_INSTALL (or VHOST), by which
	// WordPress chooses every network's sites; nil goes by the main network's stored
	// subdomain_install, which WordPress's network set-up wrote to agree with it.
	SubdomainInstall *bool
}

// Server is the sidecar's HTTP handler.
type Server struct {
	echo    *echo.Echo
	cfg     Config
	auth    *auth.Authenticator
	siteURL string
	openapi []byte
	log     *slog.Logger
	now     func() time.Time
	// main is the one site's state, or the network's main site's (for the probes).
	main *siteState
	// network is Config.Network; networkFacts its sites, and sites the states of
	// those most recently used.
	network      Network
	networkFacts *ttlcache.Cache[struct{}, networkView]
	sites        *siteLRU
	metrics      *metrics
	served       atomic.Uint64
	// gzipSlots holds one token per answer being compressed now.
	gzipSlots chan struct{}
	// exportSlots holds one token per export streaming now.
	exportSlots chan struct{}
	// totalsFacts and totalsAnswers hold what the network routes read, by main site,
	// for the settings TTL.
	totalsFacts   *ttlcache.Cache[int, totalsView]
	totalsAnswers *ttlcache.Cache[totalsKey, []byte]
	ready         *readiness
	cors          []string
	proxies       []*net.IPNet

	// metricsApart: /metrics is MetricsHandler's alone.
	metricsApart bool
}

// New builds the router.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("api: no store")
	}
	if len(cfg.JWTSecret) == 0 {
		return nil, errors.New("api: no JWT secret")
	}
	cfg = cfg.withDefaults()
	s := &Server{
		cfg:          cfg,
		siteURL:      cfg.SiteURL,
		openapi:      cfg.OpenAPI,
		log:          cfg.Logger,
		now:          cfg.Now,
		network:      cfg.Network,
		networkFacts: ttlcache.New[struct{}, networkView](cfg.NetworkTTL, cfg.Now),
		ready:        &readiness{probe: cfg.Store.CheckReady, now: cfg.Now},
		cors:         cfg.CORSOrigins,
		proxies:      cfg.TrustedProxies,
	}
	s.main = s.newSiteState(0, cfg.Store)
	s.sites = newSiteLRU(cfg.MaxSites, cfg.SiteCacheBytes, s.main.bytes)
	s.auth = auth.New(auth.Config{
		Store: cfg.Store, Secret: cfg.JWTSecret, Issuer: s.siteAddress, Now: cfg.Now,
		CapabilityTTL: cfg.CapabilityTTL, TokenTTL: cfg.TokenTTL, Limits: cfg.LoginLimits,
		Site: func(ctx context.Context) (int, auth.UserStore) {
			st := s.siteOf(ctx)
			return st.blogID, st.store
		},
	})
	s.exportSlots = make(chan struct{}, cfg.MaxExports)
	s.totalsFacts = ttlcache.New[int, totalsView](cfg.SettingsTTL, cfg.Now)
	s.totalsAnswers = ttlcache.New[totalsKey, []byte](cfg.SettingsTTL, cfg.Now)
	s.metricsApart = cfg.MetricsApart
	s.gzipSlots = make(chan struct{}, maxCompressing)
	pool, _ := cfg.Store.(statser)
	var sites *siteLRU
	if cfg.Network != nil {
		sites = s.sites
	}
	s.metrics = newMetrics(s.main.logDays.Stats, s.main.insights.Stats, pool, sites)
	s.echo = s.routes()
	s.metrics.routes = map[string]bool{}
	for _, r := range s.echo.Routes() {
		s.metrics.routes[r.Path] = true
	}
	return s, nil
}

// withDefaults fills the fields a caller may leave zero (package auth fills its own).
func (cfg Config) withDefaults() Config {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.SettingsTTL <= 0 {
		cfg.SettingsTTL = 10 * time.Second
	}
	if cfg.MaxExports <= 0 {
		cfg.MaxExports = ExportSlots(0)
	}
	if cfg.NetworkTTL <= 0 {
		cfg.NetworkTTL = DefaultNetworkTTL
	}
	if cfg.MaxSites <= 0 {
		cfg.MaxSites = DefaultMaxSites
	}
	if cfg.SiteCacheBytes <= 0 {
		cfg.SiteCacheBytes = DefaultSiteCacheBytes
	}
	return cfg
}

// maxCompressing bounds the gzip compressors alive at once (about 1 MB each).
const maxCompressing = 16

const gzipTurnKey = "kchat.gzip"

// gzipTurns lets a request be compressed when a compressor is free; see routes.
func (s *Server) gzipTurns(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		select {
		case s.gzipSlots <- struct{}{}:
			defer func() { <-s.gzipSlots }()
			c.Set(gzipTurnKey, true)
		default:
			c.Response().Header().Add(echo.HeaderVary, echo.HeaderAcceptEncoding) // compressed or not, by turn
		}
		return next(c)
	}
}

// ServeHTTP makes Server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.echo.ServeHTTP(w, r) }

// MetricsHandler serves /metrics alone, for a listener of its own (see
// Config.MetricsApart); scrapes are logged and counted as on the main router.
func (s *Server) MetricsHandler() http.Handler {
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = s.handleError
	e.Use(s.observe)
	e.GET("/metrics", s.metrics.handler())
	e.RouteNotFound("/*", func(echo.Context) error { return errNoRoute })
	return e
}

// Routes lists "METHOD path" for every registered route, for the contract test.
func (s *Server) Routes() []string {
	var out []string
	for _, r := range s.echo.Routes() {
		if r.Method == echo.RouteNotFound || r.Method == http.MethodHead {
			continue // the rest_no_route catch-all is not an operation; HEAD is GET's
		}
		out = append(out, r.Method+" "+r.Path)
	}
	return out
}

func (s *Server) routes() *echo.Echo {
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = s.handleError
	e.IPExtractor = echo.ExtractIPDirect()
	if len(s.proxies) > 0 {
		// Only the listed proxies may speak for the client; echo trusts private and
		// loopback networks by default, which a sidecar must not.
		opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
		for _, n := range s.proxies {
			opts = append(opts, echo.TrustIPRange(n))
		}
		e.IPExtractor = echo.ExtractIPFromXFFHeader(opts...)
	}
	e.Pre(s.chooseSite, trimTrailingSlashes)
	// observe is outermost: it numbers the request, turns any error (a panic included,
	// via Recover) into the WordPress error answer, then logs and counts what was sent.
	e.Use(s.observe)
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{
		DisablePrintStack: true,
		LogErrorFunc: func(c echo.Context, err error, stack []byte) error {
			s.logFor(c).Error("panic", "method", clip(c.Request().Method), "path", clip(c.Request().URL.Path),
				"err", errString(err), "stack", string(stack))
			return err
		},
	}))
	e.Use(withoutBody) // outside gzip, so that a HEAD is compressed (and labeled) as its GET
	e.Use(s.siteCORS)
	e.Use(middleware.BodyLimit("64KiB")) // 65,536 bytes: "64K" would be 64,000
	// Summaries and CSV compress well (a year of daily buckets shrinks about tenfold);
	// tiny answers are left alone. The fastest level: on exports level 5 was the
	// bottleneck (200,000 log rows: 0.31 s plain, 0.72 s at level 5, 0.53 s at level 1).
	// A compressor weighs about 1 MB, and Echo keeps one per response in flight: at 200
	// connections kchat-soak saw 160–360 MB of live heap. So at most maxCompressing
	// answers are compressed at once; the others go out plain, which every client takes.
	e.Use(s.gzipTurns)
	e.Use(middleware.GzipWithConfig(middleware.GzipConfig{Level: gzip.BestSpeed, MinLength: 1024,
		Skipper: func(c echo.Context) bool { return c.Get(gzipTurnKey) != true || c.Path() == "/metrics" }})) // /metrics compresses itself

	e.POST("/wp-json/jwt-auth/v1/token", s.issueToken, cacheControl(cacheNoStore))
	e.POST("/wp-json/jwt-auth/v1/token/validate", s.validateToken, cacheControl(cacheNoStore), s.requireBearerAdmin)
	getAndHead(e, "/healthz", s.healthz)
	if !s.metricsApart {
		getAndHead(e, "/metrics", s.metrics.handler())
	}
	getAndHead(e, "/readyz", s.readyz)
	getAndHead(e, "/openapi.yaml", s.openAPI)
	for name, contentType := range docs.Files {
		path := "/docs"
		if name != "" {
			path += "/" + name
		}
		getAndHead(e, path, docsHandler(name, contentType))
	}
	getAndHead(e, "/wp-json/", s.index)
	getAndHead(e, "/wp-json/"+namespace, s.namespaceIndex)

	// Route-level rather than group middleware: an Echo group with middleware also
	// catches its unknown paths, which would then answer 401 instead of rest_no_route.
	for _, r := range dataRoutes {
		getAndHead(e, "/wp-json/"+namespace+r.Path, r.handler(s), cacheControl(cachePrivateNoCache), s.requireAdmin)
	}
	for _, r := range networkRoutes {
		getAndHead(e, "/wp-json/"+namespace+r.Path, r.handler(s), cacheControl(cachePrivateNoCache), s.requireNetwork, s.requireSuperAdmin)
	}
	e.RouteNotFound("/*", routeNotFound)
	return e
}

// writeJSON writes v with WordPress's JSON content type. A successful GET carries an
// ETag of its body, and a client that already holds that body gets 304 and no body.
func writeJSON(c echo.Context, status int, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	return writeJSONBody(c, status, bytes.TrimRight(buf.Bytes(), "\n"))
}

// writeJSONBody is writeJSON for a body already encoded.
func writeJSONBody(c echo.Context, status int, body []byte) error {
	if m := c.Request().Method; status == http.StatusOK && (m == http.MethodGet || m == http.MethodHead) {
		sum := sha256.Sum256(body)
		etag := `"` + hex.EncodeToString(sum[:12]) + `"`
		c.Response().Header().Set("ETag", etag)
		if etagMatches(c.Request().Header.Get("If-None-Match"), etag) {
			return c.NoContent(http.StatusNotModified)
		}
	}
	return c.Blob(status, "application/json; charset=UTF-8", body)
}

// etagMatches is If-None-Match's weak comparison: a list of tags, W/ ignored, or "*".
func etagMatches(header, etag string) bool {
	for _, tag := range strings.Split(header, ",") {
		tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
		if tag == etag || tag == "*" {
			return true
		}
	}
	return false
}
