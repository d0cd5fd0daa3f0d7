package api

import (
	"database/sql"
	"net/http"
	"regexp"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/kchat-sidecar/kchat-sidecar/api/insights"
	"github.com/kchat-sidecar/kchat-sidecar/api/logstats"
)

var liveHeap = regexp.MustCompile(`^/gc/heap/live:bytes$`)

// metrics are the sidecar's Prometheus series, served at GET /metrics. Each Server has
// its own registry, so that tests may build many.
type metrics struct {
	registry     *prometheus.Registry
	requests     *prometheus.CounterVec
	duration     *prometheus.HistogramVec
	exportedRows *prometheus.CounterVec
	authFailures *prometheus.CounterVec
	// routes are the route templates the router serves; any other route label is "other".
	routes map[string]bool
}

// statser is what a Store that owns a connection pool offers for its metrics.
type statser interface {
	Stats() sql.DBStats
}

// newMetrics reports, besides the requests it is told of, the log summaries' counts
// (logSummaries), the Insights cache (insightsStats) and the database pool (none when pool is nil).
// With sites (network mode) it reports the network's site caches too.
func newMetrics(logSummaries func() logstats.Stats, insightsStats func() insights.Stats, pool statser, sites *siteLRU) *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kchat_http_requests_total",
			Help: "HTTP requests answered, by route template, method and status.",
		}, []string{"route", "method", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "kchat_http_request_duration_seconds",
			Help:    "Time to answer a request, by route template (exports: until the last byte).",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60},
		}, []string{"route"}),
		exportedRows: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kchat_export_rows_total",
			Help: "CSV rows sent by exports, by file.",
		}, []string{"export"}),
		authFailures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kchat_auth_failures_total",
			Help: "Refused authentications and logins, by WordPress error code.",
		}, []string{"reason"}),
	}
	m.registry.MustRegister(m.requests, m.duration, m.exportedRows, m.authFailures,
		// The live heap as of the last collection: what the caches hold, without the
		// garbage that heap_inuse counts until the collector runs.
		collectors.NewGoCollector(collectors.WithGoCollectorRuntimeMetrics(collectors.GoRuntimeMetricsRule{Matcher: liveHeap})),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	cache := func(name, help string, v func() int64) prometheus.Collector {
		return prometheus.NewCounterFunc(prometheus.CounterOpts{Name: name, Help: help}, func() float64 { return float64(v()) })
	}
	m.registry.MustRegister(
		cache("kchat_log_summary_cache_hits_total", "Log summaries answered from the per-day count as it was.", func() int64 { return logSummaries().Hits }),
		cache("kchat_log_summary_cache_appends_total", "Log summaries that read only the rows appended since.", func() int64 { return logSummaries().Appends }),
		cache("kchat_log_summary_cache_scans_total", "Log summaries that read the whole log.", func() int64 { return logSummaries().Scans }),
		cache("kchat_insights_cache_hits_total", "Insights answers kept from before.", func() int64 { return insightsStats().Hits }),
		cache("kchat_insights_cache_appends_total", "Insights answers that read only the log rows appended since.", func() int64 { return insightsStats().Appends }),
		cache("kchat_insights_cache_scans_total", "Insights answers that read their time range of the log whole.", func() int64 { return insightsStats().Scans }),
	)
	if pool != nil {
		m.registry.MustRegister(poolCollector{pool})
	}
	if sites != nil {
		m.registry.MustRegister(sitesCollector{sites})
	}
	return m
}

// observe counts and times one answered request under its route template, so that a
// scanner probing random paths adds one series ("unmatched"), not one per path.
func (m *metrics) observe(route, method string, status int, took time.Duration) {
	l := metricLabels(m.routes, route, method, status)
	m.requests.WithLabelValues(l[0], l[1], l[2]).Inc()
	m.duration.WithLabelValues(l[0]).Observe(took.Seconds())
}

// metricLabels bounds the route, method and status labels to fixed sets, each with
// "other": Go's server takes any token as a method, up to the 64 KiB header limit, and
// every new label value is a series kept for the life of the process (2,000 invented
// methods once grew it by 110 MB, with no login).
func metricLabels(routes map[string]bool, route, method string, status int) [3]string {
	if route != "unmatched" && !routes[route] {
		route = "other"
	}
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions, http.MethodConnect, http.MethodTrace:
	default:
		method = "other"
	}
	code := "other"
	if status == statusClientClosed || status >= 100 && status <= 599 && http.StatusText(status) != "" {
		code = strconv.Itoa(status)
	}
	return [3]string{route, method, code}
}

func (m *metrics) handler() echo.HandlerFunc {
	h := promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError})
	return echo.WrapHandler(h)
}

// poolCollector reports the database pool as database/sql sees it.
type poolCollector struct{ st statser }

var (
	poolOpen      = prometheus.NewDesc("kchat_db_connections_open", "Database connections open, in use or idle.", nil, nil)
	poolInUse     = prometheus.NewDesc("kchat_db_connections_in_use", "Database connections in use.", nil, nil)
	poolIdle      = prometheus.NewDesc("kchat_db_connections_idle", "Idle database connections.", nil, nil)
	poolMax       = prometheus.NewDesc("kchat_db_connections_max_open", "The pool's limit (KCHAT_DB_MAX_OPEN).", nil, nil)
	poolWaits     = prometheus.NewDesc("kchat_db_connection_waits_total", "Times a request waited for a free connection.", nil, nil)
	poolWaitTime  = prometheus.NewDesc("kchat_db_connection_wait_seconds_total", "Time requests spent waiting for a free connection.", nil, nil)
	poolClosedFor = prometheus.NewDesc("kchat_db_connections_closed_total", "Connections the pool closed, by reason.", []string{"reason"}, nil)
)

func (p poolCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{poolOpen, poolInUse, poolIdle, poolMax, poolWaits, poolWaitTime, poolClosedFor} {
		ch <- d
	}
}

func (p poolCollector) Collect(ch chan<- prometheus.Metric) {
	s := p.st.Stats()
	ch <- prometheus.MustNewConstMetric(poolOpen, prometheus.GaugeValue, float64(s.OpenConnections))
	ch <- prometheus.MustNewConstMetric(poolInUse, prometheus.GaugeValue, float64(s.InUse))
	ch <- prometheus.MustNewConstMetric(poolIdle, prometheus.GaugeValue, float64(s.Idle))
	ch <- prometheus.MustNewConstMetric(poolMax, prometheus.GaugeValue, float64(s.MaxOpenConnections))
	ch <- prometheus.MustNewConstMetric(poolWaits, prometheus.CounterValue, float64(s.WaitCount))
	ch <- prometheus.MustNewConstMetric(poolWaitTime, prometheus.CounterValue, s.WaitDuration.Seconds())
	ch <- prometheus.MustNewConstMetric(poolClosedFor, prometheus.CounterValue, float64(s.MaxIdleClosed), "max_idle")
	ch <- prometheus.MustNewConstMetric(poolClosedFor, prometheus.CounterValue, float64(s.MaxIdleTimeClosed), "max_idle_time")
	ch <- prometheus.MustNewConstMetric(poolClosedFor, prometheus.CounterValue, float64(s.MaxLifetimeClosed), "max_lifetime")
}

// sitesCollector reports a network's site caches as totals. No series is labeled by
// site: a network of 10,000 sites would make 10,000 series of each, kept for the life
// of the process and of every Prometheus that scrapes it.
type sitesCollector struct{ l *siteLRU }

const perSiteNote = " Totals: no series is labeled by site, which would make one per site of the network."

var (
	sitesCached    = prometheus.NewDesc("kchat_network_sites_cached", "Network sites whose caches are kept now, the main site's apart (KCHAT_NETWORK_SITES)."+perSiteNote, nil, nil)
	sitesBytes     = prometheus.NewDesc("kchat_network_cache_bytes", "About how many bytes the network sites' caches hold, the main site's included, as weighed after each request."+perSiteNote, nil, nil)
	sitesBudget    = prometheus.NewDesc("kchat_network_cache_budget_bytes", "What the network sites' caches may hold before the least recently used go (KCHAT_NETWORK_CACHE_MB).", nil, nil)
	sitesEvictions = prometheus.NewDesc("kchat_network_site_evictions_total", "Network sites whose caches were dropped, by the bound passed: count (KCHAT_NETWORK_SITES) or bytes (KCHAT_NETWORK_CACHE_MB)."+perSiteNote, []string{"reason"}, nil)
)

func (c sitesCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{sitesCached, sitesBytes, sitesBudget, sitesEvictions} {
		ch <- d
	}
}

func (c sitesCollector) Collect(ch chan<- prometheus.Metric) {
	s := c.l.stats()
	ch <- prometheus.MustNewConstMetric(sitesCached, prometheus.GaugeValue, float64(s.sites))
	ch <- prometheus.MustNewConstMetric(sitesBytes, prometheus.GaugeValue, float64(s.bytes))
	ch <- prometheus.MustNewConstMetric(sitesBudget, prometheus.GaugeValue, float64(c.l.budget))
	ch <- prometheus.MustNewConstMetric(sitesEvictions, prometheus.CounterValue, float64(s.evictedCount), "count")
	ch <- prometheus.MustNewConstMetric(sitesEvictions, prometheus.CounterValue, float64(s.evictedSize), "bytes")
}
