package api

import (
	"bytes"
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/kchat-sidecar/kchat-sidecar/api/docs"
)

// namespace is the sidecar's own REST namespace under /wp-json/.
const namespace = "kchat/v1"

// arg describes a route parameter in the WordPress index, as register_rest_route's
// "args" would.
type arg struct {
	Type        string   `json:"type"`
	Format      string   `json:"format,omitempty"`
	Description string   `json:"description"`
	Default     any      `json:"default,omitempty"`
	Enum        []string `json:"enum,omitempty"`
	Minimum     *int     `json:"minimum,omitempty"`
	Maximum     *int     `json:"maximum,omitempty"`
	Required    bool     `json:"required"`
}

// dataRoute is one token-protected route of the namespace: registered in the router and
// listed in the indexes from this one table.
type dataRoute struct {
	Path    string
	handler func(*Server) echo.HandlerFunc
	Args    map[string]arg
}

func intp(n int) *int { return &n }

var (
	argStart = arg{Type: "string", Format: "date", Description: "First site-local day, inclusive (YYYY-MM-DD)."}
	argEnd   = arg{Type: "string", Format: "date", Description: "Last site-local day, inclusive (YYYY-MM-DD)."}
)

var summaryArgs = map[string]arg{
	"period": {Type: "string", Description: "daily, weekly, monthly or yearly (any case); default: the plugin's reporting period.",
		Enum: []string{"daily", "weekly", "monthly", "yearly"}},
	"start": argStart,
	"end":   argEnd,
	"fill":  {Type: "string", Description: "Include empty buckets as zeros.", Default: "true", Enum: []string{"true", "false", "1", "0"}},
}

// interactionsSummaryArgs are summaryArgs and compare, which only this summary has.
var interactionsSummaryArgs = map[string]arg{
	"period":  summaryArgs["period"],
	"start":   argStart,
	"end":     argEnd,
	"fill":    summaryArgs["fill"],
	"compare": {Type: "string", Description: "previous: add the window of as many days just before, and the change from it in percent.", Enum: []string{"previous"}},
}

var logExportArgs = map[string]arg{
	"start":           {Type: "string", Format: "date", Description: "First site-local day of interaction_time, inclusive (YYYY-MM-DD)."},
	"end":             {Type: "string", Format: "date", Description: "Last site-local day of interaction_time, inclusive (YYYY-MM-DD)."},
	"bom":             {Type: "string", Description: "Prefix a UTF-8 byte-order mark for Excel.", Default: "false", Enum: []string{"true", "false", "1", "0"}},
	"escape_formulas": {Type: "string", Description: "Neutralize cells a spreadsheet would run as formulas; false gives the database's bytes exactly.", Default: "true", Enum: []string{"true", "false", "1", "0"}},
}

// insightsArgs are the window parameters of every Insights route.
var insightsArgs = map[string]arg{
	"period": {Type: "string", Description: "today, week, month, quarter or year (any case); not with start/end.", Default: "month",
		Enum: []string{"today", "week", "month", "quarter", "year"}},
	"start": {Type: "string", Format: "date", Description: "First site-local day of a custom window, inclusive (YYYY-MM-DD); needs end."},
	"end":   {Type: "string", Format: "date", Description: "Last site-local day of a custom window, inclusive (YYYY-MM-DD); needs start; at most 366 days."},
}

// withArgs is base plus more.
func withArgs(base map[string]arg, more map[string]arg) map[string]arg {
	out := map[string]arg{}
	for _, m := range []map[string]arg{base, more} {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

var argLimit = map[string]arg{"limit": {Type: "integer", Description: "How many entries.", Default: 10, Minimum: intp(1), Maximum: intp(100)}}

var dataRoutes = []dataRoute{
	{
		Path:    "/interactions/summary",
		handler: func(s *Server) echo.HandlerFunc { return s.summary },
		Args:    interactionsSummaryArgs,
	},
	{
		Path:    "/interactions/weekdays",
		handler: func(s *Server) echo.HandlerFunc { return s.weekdays },
		Args: map[string]arg{
			"start": {Type: "string", Format: "date", Description: "First site-local day, inclusive (YYYY-MM-DD); default: 12 complete weeks before the current week."},
			"end":   {Type: "string", Format: "date", Description: "Last site-local day, inclusive (YYYY-MM-DD); default: the day before the current week."},
		},
	},
	{
		Path:    "/interactions",
		handler: func(s *Server) echo.HandlerFunc { return s.list },
		Args: map[string]arg{
			"start":    argStart,
			"end":      argEnd,
			"order":    {Type: "string", Description: "Order by date.", Default: "desc", Enum: []string{"asc", "desc"}},
			"page":     {Type: "integer", Description: "Current page of the collection.", Default: 1, Minimum: intp(1), Maximum: intp(maxPage)},
			"per_page": {Type: "integer", Description: "Maximum number of items to be returned in result set.", Default: 10, Minimum: intp(1), Maximum: intp(100)},
			"_fields":  {Type: "string", Description: "Limit response to specific fields (date, count)."},
		},
	},
	{
		Path:    "/conversations/summary",
		handler: func(s *Server) echo.HandlerFunc { return s.conversationsSummary },
		Args:    summaryArgs,
	},
	{
		Path:    "/tokens/summary",
		handler: func(s *Server) echo.HandlerFunc { return s.tokensSummary },
		Args:    summaryArgs,
	},
	{
		Path:    "/conversations/export",
		handler: func(s *Server) echo.HandlerFunc { return s.exportLog(false) },
		Args:    logExportArgs,
	},
	{
		Path:    "/tokens/export",
		handler: func(s *Server) echo.HandlerFunc { return s.exportLog(true) },
		Args:    logExportArgs,
	},
	{
		Path:    "/insights",
		handler: func(s *Server) echo.HandlerFunc { return s.insights },
		Args: withArgs(insightsArgs, map[string]arg{"type": {Type: "string", Description: "Whose messages the sentiment figures read (any case).",
			Default: "visitor", Enum: []string{"visitor", "chatbot", "all"}}}),
	},
	{
		Path:    "/insights/pages",
		handler: func(s *Server) echo.HandlerFunc { return s.insightsPages },
		Args:    withArgs(insightsArgs, argLimit),
	},
	{
		Path:    "/insights/assistants",
		handler: func(s *Server) echo.HandlerFunc { return s.insightsAssistants },
		Args:    withArgs(insightsArgs, argLimit),
	},
	{
		Path:    "/insights/unanswered",
		handler: func(s *Server) echo.HandlerFunc { return s.insightsUnanswered },
		Args:    withArgs(insightsArgs, argLimit),
	},
	{
		Path:    "/insights/unanswered/export",
		handler: func(s *Server) echo.HandlerFunc { return s.exportUnanswered },
		Args: withArgs(insightsArgs, map[string]arg{
			"bom":             logExportArgs["bom"],
			"escape_formulas": logExportArgs["escape_formulas"],
		}),
	},
	{
		Path:    "/interactions/export",
		handler: func(s *Server) echo.HandlerFunc { return s.export },
		Args: map[string]arg{
			"start": argStart,
			"end":   argEnd,
			"bom":   {Type: "string", Description: "Prefix a UTF-8 byte-order mark for Excel.", Default: "false", Enum: []string{"true", "false", "1", "0"}},
		},
	},
}

// networkRoutes exist only under the main site of a multisite network (each
// network's, when the database holds several), for its super admins (see
// requireNetwork and requireSuperAdmin).
var networkRoutes = []dataRoute{
	{
		Path:    "/network/interactions/summary",
		handler: func(s *Server) echo.HandlerFunc { return s.networkSummary },
		Args: map[string]arg{
			"start": {Type: "string", Format: "date", Description: "First site-local day, inclusive (YYYY-MM-DD); default: 29 days before end."},
			"end":   {Type: "string", Format: "date", Description: "Last site-local day, inclusive (YYYY-MM-DD); default: today on the main site."},
		},
	},
	{
		Path:    "/network/interactions/export",
		handler: func(s *Server) echo.HandlerFunc { return s.networkExport },
		Args:    map[string]arg{"start": argStart, "end": argEnd, "bom": logExportArgs["bom"], "escape_formulas": logExportArgs["escape_formulas"]},
	},
}

type endpoint struct {
	Methods []string       `json:"methods"`
	Args    map[string]arg `json:"args"`
}

type routeInfo struct {
	Namespace string     `json:"namespace"`
	Methods   []string   `json:"methods"`
	Endpoints []endpoint `json:"endpoints"`
}

// tokenNamespace is the JWT Authentication plugin's namespace, which the sidecar serves
// compatibly.
const tokenNamespace = "jwt-auth/v1"

// routeIndex lists the routes of one namespace, or of all when ns is "", the network
// routes only where they exist.
func (s *Server) routeIndex(ctx context.Context, ns string) map[string]routeInfo {
	routes := map[string]routeInfo{}
	add := func(namespace, path, method string, args map[string]arg) {
		if ns == "" || ns == namespace {
			routes[path] = routeInfo{Namespace: namespace, Methods: []string{method},
				Endpoints: []endpoint{{Methods: []string{method}, Args: args}}}
		}
	}
	add(namespace, "/"+namespace, http.MethodGet, map[string]arg{})
	for _, r := range dataRoutes {
		add(namespace, "/"+namespace+r.Path, http.MethodGet, r.Args)
	}
	if facts, err := s.totalsViewOf(ctx); err == nil && facts.served {
		for _, r := range networkRoutes {
			add(namespace, "/"+namespace+r.Path, http.MethodGet, r.Args)
		}
	}
	add(tokenNamespace, "/"+tokenNamespace+"/token", http.MethodPost, map[string]arg{
		"username": {Type: "string", Description: "Login or e-mail address.", Required: true},
		"password": {Type: "string", Description: "The user's password.", Required: true},
	})
	add(tokenNamespace, "/"+tokenNamespace+"/token/validate", http.MethodPost, map[string]arg{})
	return routes
}

func (s *Server) index(c echo.Context) error {
	home, err := s.siteHome(c.Request().Context())
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, map[string]any{
		"name":        "kchat-sidecar",
		"description": "Kognetiks Chatbot interaction data, read from the WordPress database.",
		"url":         home,
		"namespaces":  []string{namespace, tokenNamespace},
		"routes":      s.routeIndex(c.Request().Context(), ""),
	})
}

func (s *Server) namespaceIndex(c echo.Context) error {
	return writeJSON(c, http.StatusOK, map[string]any{
		"namespace": namespace,
		"routes":    s.routeIndex(c.Request().Context(), namespace),
	})
}

func (s *Server) healthz(c echo.Context) error {
	return writeJSON(c, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) readyz(c echo.Context) error {
	if err := s.ready.check(c.Request().Context()); err != nil {
		// Not ready is always 503, whatever the cause, so that probes read it right.
		if e := toError(err); e.Status != http.StatusServiceUnavailable {
			return &Error{Status: http.StatusServiceUnavailable, Code: "kchat_db_unavailable",
				Message: "The WordPress database is not answering. Try again shortly.", Internal: err}
		}
		return err
	}
	return writeJSON(c, http.StatusOK, map[string]string{"status": "ok"})
}

// docsHandler serves one file of the embedded explorer.
func docsHandler(name, contentType string) echo.HandlerFunc {
	return func(c echo.Context) error {
		body, err := docs.File(name)
		if err != nil {
			return err
		}
		if site, ok := networkSiteOf(c.Request().Context()); ok && site.Path != "/" {
			// Under a network site's path the page loads its files, and the explorer
			// its contract, from under that path too.
			body = bytes.ReplaceAll(body, []byte(`"/docs/`), []byte(`"`+site.Path+`docs/`))
			body = bytes.ReplaceAll(body, []byte(`"/openapi.yaml"`), []byte(`"`+site.Path+`openapi.yaml"`))
		}
		h := c.Response().Header()
		if name == "" {
			// Only this server's own scripts, styles and API: the explorer loads nothing
			// from elsewhere and nothing else may be injected into it.
			h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'")
		} else {
			h.Set("Cache-Control", "public, max-age=86400")
		}
		return c.Blob(http.StatusOK, contentType, body)
	}
}

func (s *Server) openAPI(c echo.Context) error {
	spec := s.openapi
	if site, ok := networkSiteOf(c.Request().Context()); ok {
		spec = siteOpenAPI(spec, site.Path)
	}
	return c.Blob(http.StatusOK, "application/yaml", spec)
}
