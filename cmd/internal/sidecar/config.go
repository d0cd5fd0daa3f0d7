// Package sidecar is the program behind cmd/kchat-sidecar and cmd/kchat-demo: it reads
// the configuration from environment variables and flags, wires the repository to the
// API, serves, and shuts down gracefully. It is the only place that reads the environment.
package sidecar

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
	"github.com/kchat-sidecar/kchat-sidecar/api/insights"
	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/wpconfig"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// Config is the validated configuration: what the program itself needs, and the
// repository's and the API's own configurations.
type Config struct {
	Listen          string
	MetricsListen   string // "" serves /metrics on Listen
	ShutdownTimeout time.Duration
	LogFormat       string
	// MemoryLimit is the soft limit (bytes) Run gives the Go runtime; 0 leaves it alone
	// (KCHAT_MEMORY_LIMIT=0, or GOMEMLIMIT set by the operator, which the runtime read).
	MemoryLimit int64
	// Network serves every site of the database's multisite network, each at its own
	// path (KCHAT_NETWORK; by default when wp-config.php defines MULTISITE as true and
	// KCHAT_BLOG_ID does not pin one site).
	Network    bool
	Repository repository.Config
	// API's Store, Logger, Now, OpenAPI and MetricsApart are Main's to fill in, and
	// MaxExports too when it is zero.
	API api.Config
}

// MinSecretLength is the shortest JWT_AUTH_SECRET_KEY accepted: HS256 with a shorter key
// is guessable.
const MinSecretLength = 16

// DefaultListen is KCHAT_LISTEN's default, and where the healthcheck subcommand and the
// demo look unless told otherwise.
const DefaultListen = "127.0.0.1:8080"

// DefaultMemoryLimitMiB is KCHAT_MEMORY_LIMIT's default. Left to itself the garbage
// collector lets the heap grow to twice what is live: while an Insights read streams a
// million rows in (about 25 MiB kept, a boxed driver value per column of every row as
// garbage) the process peaked at 77 MiB. Under this limit it collects a little more
// often instead (kchat-bench: 55.9 MiB; 19 collections instead of 16 or 17, under 1% of
// the CPU). A log whose Insights store outgrows the limit makes the collector run far
// more often (the runtime caps it at half the CPU): raise the limit there.
const DefaultMemoryLimitMiB = 48

// HealthcheckURL is what "kchat-sidecar healthcheck" probes when given no URL.
const HealthcheckURL = "http://" + DefaultListen + "/readyz"

// ConfigError names the setting that is wrong, so start-up can say so in one line.
type ConfigError struct {
	Env, Flag string
	Reason    string
}

func (e *ConfigError) Error() string {
	return fmt.Sprintf("%s (--%s): %s", e.Env, e.Flag, e.Reason)
}

// badSetting is the *ConfigError for the setting named env.
func badSetting(env, reason string) error {
	for _, s := range settingsOf(&parsed{}) {
		if s.env == env {
			return &ConfigError{Env: env, Flag: s.flag, Reason: reason}
		}
	}
	return &ConfigError{Env: env, Reason: reason}
}

// parsed is what the settings are parsed into: the configuration, and the parts the
// DSN is built from when KCHAT_DB_DSN is not set.
type parsed struct {
	Config
	dbHost, dbUser, dbPassword, dbName string
	network                            string // KCHAT_NETWORK: auto, true or false
}

// A setting is one environment variable and its flag.
type setting struct {
	env, flag string
	kind      string // what the value is, as --help shows it
	def       string // the default, as it would be written; "" for none
	help      string
	// set parses a value into its place in the configuration; an error's text is the
	// reason, said after the setting's names. Nil for KCHAT_WP_CONFIG, read before the others.
	set func(v string) error
}

// settingsOf lists the settings, each parsing into its place in p. They are parsed in
// this order, and the first that is wrong is the one start-up names.
func settingsOf(p *parsed) []setting {
	return []setting{
		{"KCHAT_WP_CONFIG", "wp-config", "path", "", "the site's wp-config.php: DB_NAME, DB_USER, DB_PASSWORD, DB_HOST, $table_prefix and JWT_AUTH_SECRET_KEY are read from it unless set explicitly; on a network also MULTISITE and SUBDOMAIN_INSTALL", nil},
		{"KCHAT_LISTEN", "listen", "host:port", DefaultListen, "address to listen on", hostPort(&p.Listen)},
		// After KCHAT_LISTEN, which it must differ from.
		{"KCHAT_METRICS_LISTEN", "metrics-listen", "host:port", "", "serve /metrics on this address only, not on --listen (default: on --listen)", metricsAddress(p)},
		{"WORDPRESS_TABLE_PREFIX", "table-prefix", "string", repository.DefaultTablePrefix, "WordPress $table_prefix (letters, digits, _)", tablePrefix(&p.Repository.TablePrefix)},
		{"KCHAT_BLOG_ID", "blog-id", "int", "1", "multisite: which site to read (N > 1 reads {prefix}N_ tables)", wholeNumber(1, math.MaxInt, "must be a whole number, 1 or more", &p.Repository.BlogID)},
		{"KCHAT_NETWORK", "network", "auto|true|false", "auto", "serve every site of a multisite network, each at its own path (auto: when wp-config.php defines MULTISITE as true and KCHAT_BLOG_ID is not set)", networkMode(&p.network)},
		{"KCHAT_NETWORK_SITES", "network-sites", "n", strconv.Itoa(api.DefaultMaxSites), "network mode: how many sites' caches are kept at once (the least recently used go)",
			wholeNumber(1, 1_000_000, "must be a whole number of sites from 1 to 1000000, such as 256", &p.API.MaxSites)},
		{"KCHAT_NETWORK_TTL", "network-ttl", "duration", durationText(api.DefaultNetworkTTL), "network mode: how long the network's sites list is reused before it is read again (above 0, at most 1h)",
			durationIn(1, time.Hour, "must be a duration above 0 and at most 1h, such as 5s", &p.API.NetworkTTL)},
		{"KCHAT_NETWORK_CACHE_MB", "network-cache-mb", "MiB", strconv.Itoa(api.DefaultSiteCacheBytes >> 20),
			"network mode: how much the sites' log and Insights caches may hold together, the main site's included, before the least recently used sites' go (half of the default --memory-limit: raise both together)",
			wholeNumber64(1, 1<<20, "must be a whole number of MiB, 1 or more, such as 24", &p.API.SiteCacheBytes)},
		{"JWT_AUTH_SECRET_KEY", "jwt-secret", "string", "", fmt.Sprintf("the site's JWT_AUTH_SECRET_KEY, at least %d bytes (required)", MinSecretLength), jwtSecret(&p.API.JWTSecret)},
		{"KCHAT_SITE_URL", "site-url", "url", "", "expected token issuer (default: the home option)", siteURL(&p.API.SiteURL)},
		{"KCHAT_QUERY_TIMEOUT", "query-timeout", "duration", durationText(repository.DefaultQueryTimeout), "time limit of each summary and lookup query", positive(&p.Repository.QueryTimeout)},
		{"KCHAT_SHUTDOWN_TIMEOUT", "shutdown-timeout", "duration", "30s", "how long in-flight requests may finish on SIGTERM", positive(&p.ShutdownTimeout)},
		{"KCHAT_TOKEN_TTL", "token-ttl", "duration", durationText(auth.DefaultTokenTTL), "lifetime of tokens the sidecar issues", positive(&p.API.TokenTTL)},
		{"KCHAT_DB_MAX_OPEN", "db-max-open", "int", strconv.Itoa(repository.DefaultMaxOpenConns), "most database connections open at once", poolSize(&p.Repository.MaxOpenConns)},
		{"KCHAT_DB_MAX_IDLE", "db-max-idle", "int", strconv.Itoa(repository.DefaultMaxOpenConns), "most idle database connections kept (at most db-max-open)", poolSize(&p.Repository.MaxIdleConns)},
		{"KCHAT_DB_CONN_MAX_LIFETIME", "db-conn-max-lifetime", "duration", durationText(repository.DefaultConnMaxLifetime), "a database connection is replaced after this long", connTime(&p.Repository.ConnMaxLifetime)},
		{"KCHAT_DB_CONN_MAX_IDLE_TIME", "db-conn-max-idle-time", "duration", durationText(repository.DefaultConnMaxIdleTime), "an idle database connection is closed after this long", connTime(&p.Repository.ConnMaxIdleTime)},
		{"KCHAT_COUNTS_TTL", "counts-ttl", "duration", "1s", "how long interaction counts may be reused (0 reads the table on every request)", durationIn(0, time.Minute, "must be a duration from 0 to 1m, such as 1s", &p.API.CountsTTL)},
		{"KCHAT_CORS_ORIGINS", "cors-origins", "origins", "", "comma-separated browser origins allowed to call (default: the origins of home and siteurl)", corsOrigins(&p.API.CORSOrigins)},
		{"KCHAT_TRUSTED_PROXIES", "trusted-proxies", "cidrs", "", "comma-separated proxy addresses or CIDRs whose X-Forwarded-For is believed", trustedProxies(&p.API.TrustedProxies)},
		{"KCHAT_CONVERSATION_GAP", "conversation-gap", "duration", durationText(api.DefaultConversationGap), "Insights: a session's messages more than this apart are two conversations (above 0, at most 24h)",
			durationIn(1, 24*time.Hour, "must be a duration above 0 and at most 24h, such as 30m", &p.API.Insights.ConversationGap)},
		{"KCHAT_MINUTES_PER_CONVERSATION", "minutes-per-conversation", "number", strconv.FormatFloat(api.DefaultMinutesPerConversation, 'f', -1, 64),
			"Insights: minutes of staff time one conversation saves (0 to 1440)", minutes(&p.API.Insights.MinutesPerConversation)},
		{"KCHAT_FALLBACK_PHRASES", "fallback-phrases", "path", "", "Insights: a file of phrases, one a line, that mark a chatbot reply as a fallback (default: the sidecar's own list)",
			phraseFile(&p.API.Insights.FallbackPhrases)},
		{"KCHAT_MEMORY_LIMIT", "memory-limit", "MiB", strconv.Itoa(DefaultMemoryLimitMiB), "soft limit on the Go heap, in MiB, that the garbage collector works to stay under (0: none; ignored when GOMEMLIMIT is set)",
			wholeNumber64(0, 1<<20, "must be a whole number of MiB, 0 or more, such as 48", &p.MemoryLimit)},
		{"KCHAT_LOG_FORMAT", "log-format", "json|text", "json", "log format: json or text", logFormat(&p.LogFormat)},
		{"KCHAT_DB_REPLICA_DSN", "db-replica-dsn", "dsn", "", "a read replica's DSN: reads go there while it answers, to the primary otherwise", dsn(&p.Repository.ReplicaDSN)},
		// These five make up the DSN, in ParseConfig.
		{"KCHAT_DB_DSN", "db-dsn", "dsn", "", "go-sql-driver/mysql DSN (default: built from the WORDPRESS_DB_* settings)", dsn(&p.Repository.DSN)},
		{"WORDPRESS_DB_HOST", "db-host", "string", "localhost", "database host: host, host:port or host:/socket/path", text(&p.dbHost)},
		{"WORDPRESS_DB_USER", "db-user", "string", "root", "database user (SELECT privilege is enough)", text(&p.dbUser)},
		{"WORDPRESS_DB_PASSWORD", "db-password", "string", "", "database password", text(&p.dbPassword)},
		{"WORDPRESS_DB_NAME", "db-name", "string", "wordpress", "database name", text(&p.dbName)},
	}
}

// ParseConfig reads the settings: a flag wins over its environment variable, which wins
// over the site's wp-config.php (KCHAT_WP_CONFIG), which wins over the default. It
// returns flag.ErrHelp after printing usage for --help.
func ParseConfig(args []string, getenv func(string) string, usage io.Writer) (Config, error) {
	var p parsed
	settings := settingsOf(&p)
	values, explicit, err := readSettings(settings, args, getenv, usage)
	if err != nil {
		return Config{}, err
	}
	var wp wpconfig.Values
	if path := values["KCHAT_WP_CONFIG"]; path != "" {
		if wp, err = fromWPConfig(path, values, explicit); err != nil {
			return Config{}, err
		}
	}
	for _, s := range settings {
		if s.set == nil {
			continue
		}
		if err := s.set(values[s.env]); err != nil {
			return Config{}, &ConfigError{Env: s.env, Flag: s.flag, Reason: err.Error()}
		}
	}
	if p.Network, err = networkOn(p.network, wp.Multisite, explicit["KCHAT_BLOG_ID"]); err != nil {
		return Config{}, err
	}
	p.API.SubdomainInstall = wp.SubdomainInstall
	p.MemoryLimit <<= 20
	p.API.SiteCacheBytes <<= 20
	if getenv("GOMEMLIMIT") != "" {
		p.MemoryLimit = 0 // the operator's, which the runtime has applied
	}
	if p.Repository.DSN == "" {
		if p.Repository.DSN, err = wordpressDSN(p.dbHost, p.dbUser, p.dbPassword, p.dbName); err != nil {
			return Config{}, badSetting("WORDPRESS_DB_HOST", err.Error())
		}
	}
	return p.Config, nil
}

// readSettings gives each setting's value, by its variable: the flag's if given, else
// the variable's, else the default. Explicit tells the settings given by a flag or a
// variable.
func readSettings(settings []setting, args []string, getenv func(string) string, usage io.Writer) (values map[string]string, explicit map[string]bool, err error) {
	fs := flag.NewFlagSet("kchat-sidecar", flag.ContinueOnError)
	fs.SetOutput(usage)
	fs.Usage = func() { printUsage(usage, settings) }
	flags := make([]*string, len(settings))
	for i, s := range settings {
		flags[i] = fs.String(s.flag, "", s.help)
	}
	if err := fs.Parse(args); err != nil {
		return nil, nil, err
	}
	if fs.NArg() > 0 {
		return nil, nil, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	values, explicit = map[string]string{}, map[string]bool{}
	for i, s := range settings {
		switch v := getenv(s.env); {
		case given[s.flag]:
			values[s.env], explicit[s.env] = *flags[i], true
		case v != "":
			values[s.env], explicit[s.env] = v, true
		default:
			values[s.env] = s.def
		}
	}
	return values, explicit, nil
}

// printUsage is --help: the subcommand, then each flag with what it takes, its variable
// and its default. A value from the environment is never shown: it may be a secret.
func printUsage(w io.Writer, settings []setting) {
	fmt.Fprintf(w, `Usage: kchat-sidecar [flags]
       kchat-sidecar healthcheck [URL]

The first form serves; every flag can also be set by the environment variable in
brackets. A flag wins over its variable, which wins over wp-config.php (--wp-config),
which wins over the default.

healthcheck exits 0 if URL answers 200 within a few seconds, 1 otherwise: a container
health check for images without curl or wget. URL defaults to %s.

Flags:
`, HealthcheckURL)
	sorted := slices.Clone(settings)
	slices.SortFunc(sorted, func(a, b setting) int { return strings.Compare(a.flag, b.flag) })
	for _, s := range sorted {
		fmt.Fprintf(w, "  --%s %s\n    \t%s [$%s]", s.flag, s.kind, s.help, s.env)
		if s.def != "" {
			fmt.Fprintf(w, " (default %s)", s.def)
		}
		fmt.Fprintln(w)
	}
}

// durationText writes d as people write it: 5m, not 5m0s.
func durationText(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// wpConfigSettings pairs each setting read from wp-config.php with its variable.
var wpConfigSettings = []struct {
	env, name string
	value     func(wpconfig.Values) string
}{
	{"WORDPRESS_DB_NAME", "DB_NAME", func(v wpconfig.Values) string { return v.DBName }},
	{"WORDPRESS_DB_USER", "DB_USER", func(v wpconfig.Values) string { return v.DBUser }},
	{"WORDPRESS_DB_PASSWORD", "DB_PASSWORD", func(v wpconfig.Values) string { return v.DBPassword }},
	{"WORDPRESS_DB_HOST", "DB_HOST", func(v wpconfig.Values) string { return v.DBHost }},
	{"WORDPRESS_TABLE_PREFIX", "$table_prefix", func(v wpconfig.Values) string { return v.TablePrefix }},
	{"JWT_AUTH_SECRET_KEY", "JWT_AUTH_SECRET_KEY", func(v wpconfig.Values) string { return v.JWTSecret }},
}

// fromWPConfig sets the settings the site's wp-config.php defines, except those given
// explicitly by a flag or variable. A setting the file defines in a form that is not
// read (getenv(), a concatenation…) is an error unless it is given explicitly: the
// sidecar does not guess at the site's database.
//
// It also returns what the file says, for KCHAT_NETWORK's auto (MULTISITE) and the
// network's SUBDOMAIN_INSTALL.
func fromWPConfig(path string, values map[string]string, explicit map[string]bool) (wpconfig.Values, error) {
	v, err := wpconfig.ReadFile(path)
	if err != nil {
		// wpconfig's errors name the path and a line, never the file's text.
		return wpconfig.Values{}, badSetting("KCHAT_WP_CONFIG", err.Error())
	}
	for _, w := range wpConfigSettings {
		if explicit[w.env] {
			continue
		}
		if reason, ok := v.Unsupported[w.name]; ok {
			return wpconfig.Values{}, badSetting(w.env, fmt.Sprintf("%s in %s is %s", w.name, path, reason))
		}
		if got := w.value(v); got != "" {
			values[w.env] = got
		}
	}
	if reason, ok := v.Unsupported["MULTISITE"]; ok && !explicit["KCHAT_NETWORK"] {
		return wpconfig.Values{}, badSetting("KCHAT_NETWORK", fmt.Sprintf("MULTISITE in %s is %s", path, reason))
	}
	return v, nil
}

// networkOn decides network mode from KCHAT_NETWORK (mode), wp-config.php's MULTISITE
// and whether KCHAT_BLOG_ID was given, which pins one site.
func networkOn(mode string, multisite, blogPinned bool) (bool, error) {
	switch {
	case mode == "true" && blogPinned:
		return false, badSetting("KCHAT_NETWORK", "true serves every site, and KCHAT_BLOG_ID pins one: set only one of them")
	case mode == "true":
		return true, nil
	case mode == "auto":
		return multisite && !blogPinned, nil
	}
	return false, nil
}

// The parsers below make a setting's set: each checks a value and stores it in dst.

func networkMode(dst *string) func(string) error {
	return func(v string) error {
		switch v {
		case "auto", "true", "false":
			*dst = v
			return nil
		}
		return errors.New("must be auto, true or false")
	}
}

func text(dst *string) func(string) error {
	return func(v string) error { *dst = v; return nil }
}

func hostPort(dst *string) func(string) error {
	return func(v string) error {
		if _, _, err := net.SplitHostPort(v); err != nil {
			return errors.New("not a host:port address")
		}
		*dst = v
		return nil
	}
}

// metricsAddress is optional, and must not be KCHAT_LISTEN's, parsed before it.
func metricsAddress(p *parsed) func(string) error {
	address := hostPort(&p.MetricsListen)
	return func(v string) error {
		if v == "" {
			return nil
		}
		if err := address(v); err != nil {
			return err
		}
		if v == p.Listen {
			return errors.New("is KCHAT_LISTEN's address; leave it empty to serve /metrics there")
		}
		return nil
	}
}

func tablePrefix(dst *string) func(string) error {
	return func(v string) error {
		if repository.ValidatePrefix(v) != nil {
			return errors.New("may hold only letters, digits and underscores")
		}
		*dst = v
		return nil
	}
}

func wholeNumber(lo, hi int, reason string, dst *int) func(string) error {
	return func(v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n < lo || n > hi {
			return errors.New(reason)
		}
		*dst = n
		return nil
	}
}

func wholeNumber64(lo, hi int64, reason string, dst *int64) func(string) error {
	return func(v string) error {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < lo || n > hi {
			return errors.New(reason)
		}
		*dst = n
		return nil
	}
}

func poolSize(dst *int) func(string) error {
	return wholeNumber(1, 1000, "must be a whole number from 1 to 1000", dst)
}

func durationIn(lo, hi time.Duration, reason string, dst *time.Duration) func(string) error {
	return func(v string) error {
		d, err := time.ParseDuration(v)
		if err != nil || d < lo || d > hi {
			return errors.New(reason)
		}
		*dst = d
		return nil
	}
}

func positive(dst *time.Duration) func(string) error {
	return durationIn(1, math.MaxInt64, "must be a positive duration such as 10s", dst)
}

// connTime is a connection's lifetime or idle time: shorter than a second would
// reconnect all the time.
func connTime(dst *time.Duration) func(string) error {
	return durationIn(time.Second, math.MaxInt64, "must be a duration of 1s or more, such as 5m", dst)
}

// minutes is a number of minutes from 0 to a day.
func minutes(dst **float64) func(string) error {
	return func(v string) error {
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || math.IsNaN(f) || f < 0 || f > 1440 {
			return errors.New("must be a number of minutes from 0 to 1440, such as 1.4")
		}
		*dst = &f
		return nil
	}
}

// phraseFile reads a fallback phrase file: one phrase a line, blank lines and lines
// starting with # skipped. A file that cannot be read or holds no phrase is refused:
// an empty list would call every reply an answer, silently.
func phraseFile(dst *[]string) func(string) error {
	return func(path string) error {
		if path == "" {
			return nil
		}
		body, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("cannot read %s: %w", path, errors.Unwrap(err))
		}
		phrases := insights.ParsePhrases(string(body))
		if len(phrases) == 0 {
			return fmt.Errorf("%s holds no phrase (one a line; blank lines and # lines are skipped)", path)
		}
		*dst = phrases
		return nil
	}
}

func jwtSecret(dst *[]byte) func(string) error {
	return func(v string) error {
		switch {
		case v == "":
			return errors.New("is required (the site's JWT_AUTH_SECRET_KEY from wp-config.php)")
		case len(v) < MinSecretLength:
			return fmt.Errorf("must be at least %d bytes", MinSecretLength)
		}
		*dst = []byte(v)
		return nil
	}
}

func siteURL(dst *string) func(string) error {
	return func(v string) error {
		if v == "" {
			return nil
		}
		if u, err := url.Parse(v); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return errors.New("must be an http:// or https:// URL")
		}
		*dst = v
		return nil
	}
}

func corsOrigins(dst *[]string) func(string) error {
	return func(v string) error {
		for _, o := range splitList(v) {
			if o == "*" {
				return errors.New("must name origins; * would hand the data to any site")
			}
			u, err := url.Parse(o)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") {
				return fmt.Errorf("%q is not an origin such as https://example.com", o)
			}
			*dst = append(*dst, api.OriginOf(o))
		}
		return nil
	}
}

// trustedProxies takes addresses as one-address networks.
func trustedProxies(dst *[]*net.IPNet) func(string) error {
	return func(v string) error {
		for _, p := range splitList(v) {
			if !strings.Contains(p, "/") {
				if ip := net.ParseIP(p); ip != nil && ip.To4() != nil {
					p += "/32"
				} else {
					p += "/128"
				}
			}
			_, n, err := net.ParseCIDR(p)
			if err != nil {
				return fmt.Errorf("%q is not an address or CIDR", p)
			}
			*dst = append(*dst, n)
		}
		return nil
	}
}

func logFormat(dst *string) func(string) error {
	return func(v string) error {
		if v != "json" && v != "text" {
			return errors.New("must be json or text")
		}
		*dst = v
		return nil
	}
}

// dsn is optional.
func dsn(dst *string) func(string) error {
	return func(v string) error {
		if v == "" {
			return nil
		}
		if _, err := mysql.ParseDSN(v); err != nil {
			// The driver's message may quote the DSN, password included; say only where.
			return errors.New("is not a valid go-sql-driver/mysql DSN")
		}
		*dst = v
		return nil
	}
}

// wordpressDSN builds a DSN from DB_HOST as WordPress understands it: "host",
// "host:port" or "host:/path/to/socket".
func wordpressDSN(host, user, password, name string) (string, error) {
	c := mysql.NewConfig()
	c.User, c.Passwd, c.DBName = user, password, name
	c.ParseTime = true
	c.Loc = time.UTC
	switch h, rest, hasColon := strings.Cut(host, ":"); {
	case host == "":
		return "", errors.New("is empty")
	case hasColon && strings.HasPrefix(rest, "/"):
		c.Net, c.Addr = "unix", rest
	case strings.HasPrefix(host, "["): // [::1] or [::1]:3307
		if strings.HasSuffix(host, "]") {
			c.Net, c.Addr = "tcp", net.JoinHostPort(strings.Trim(host, "[]"), "3306")
			break
		}
		hh, port, err := net.SplitHostPort(host)
		if err != nil || !validPort(port) {
			return "", errors.New("is not host, host:port or host:/socket/path")
		}
		c.Net, c.Addr = "tcp", net.JoinHostPort(hh, port)
	case hasColon:
		if !validPort(rest) || h == "" {
			return "", errors.New("is not host, host:port or host:/socket/path")
		}
		c.Net, c.Addr = "tcp", net.JoinHostPort(h, rest)
	default:
		c.Net, c.Addr = "tcp", net.JoinHostPort(host, "3306")
	}
	return c.FormatDSN(), nil
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

func validPort(p string) bool {
	n, err := strconv.Atoi(p)
	return err == nil && n > 0 && n < 65536
}
