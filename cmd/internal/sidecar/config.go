// Package sidecar is the program behind cmd/kchat-sidecar and cmd/kchat-demo: it reads
// the configuration from environment variables and flags, wires the repository to the
// API, serves, and shuts down gracefully. It is the only place that reads the environment.
package sidecar

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/wpconfig"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// Config is the validated configuration.
type Config struct {
	Listen          string
	MetricsListen   string // "" serves /metrics on Listen
	DSN             string
	ReplicaDSN      string
	TablePrefix     string
	BlogID          int
	JWTSecret       string
	SiteURL         string
	TokenTTL        time.Duration
	CORSOrigins     []string
	TrustedProxies  []*net.IPNet
	QueryTimeout    time.Duration
	CountsTTL       time.Duration
	DBMaxOpen       int
	DBMaxIdle       int
	DBConnLifetime  time.Duration
	DBConnIdleTime  time.Duration
	ShutdownTimeout time.Duration
	LogFormat       string
}

// MinSecretLength is the shortest JWT_AUTH_SECRET_KEY accepted: HS256 with a shorter key
// is guessable.
const MinSecretLength = 16

// ConfigError names the setting that is wrong, so start-up can say so in one line.
type ConfigError struct {
	Env, Flag string
	Reason    string
}

func (e *ConfigError) Error() string {
	return fmt.Sprintf("%s (--%s): %s", e.Env, e.Flag, e.Reason)
}

type setting struct {
	flag, env, def, usage string
	secret                bool
}

var settings = []setting{
	{flag: "wp-config", env: "KCHAT_WP_CONFIG", usage: "the site's wp-config.php: DB_NAME, DB_USER, DB_PASSWORD, DB_HOST, $table_prefix and JWT_AUTH_SECRET_KEY are read from it unless set explicitly"},
	{flag: "listen", env: "KCHAT_LISTEN", def: "127.0.0.1:8080", usage: "address to listen on"},
	{flag: "metrics-listen", env: "KCHAT_METRICS_LISTEN", usage: "serve /metrics on this address only, not on --listen (default: on --listen)"},
	{flag: "db-dsn", env: "KCHAT_DB_DSN", usage: "go-sql-driver/mysql DSN (default: built from the WORDPRESS_DB_* settings)", secret: true},
	{flag: "db-replica-dsn", env: "KCHAT_DB_REPLICA_DSN", usage: "a read replica's DSN: reads go there while it answers, to the primary otherwise", secret: true},
	{flag: "db-host", env: "WORDPRESS_DB_HOST", def: "localhost", usage: "database host: host, host:port or host:/socket/path"},
	{flag: "db-user", env: "WORDPRESS_DB_USER", def: "root", usage: "database user (SELECT privilege is enough)"},
	{flag: "db-password", env: "WORDPRESS_DB_PASSWORD", usage: "database password", secret: true},
	{flag: "db-name", env: "WORDPRESS_DB_NAME", def: "wordpress", usage: "database name"},
	{flag: "table-prefix", env: "WORDPRESS_TABLE_PREFIX", def: "wp_", usage: "WordPress $table_prefix (letters, digits, _)"},
	{flag: "blog-id", env: "KCHAT_BLOG_ID", def: "1", usage: "multisite: which site to read (N > 1 reads {prefix}N_ tables)"},
	{flag: "jwt-secret", env: "JWT_AUTH_SECRET_KEY", usage: "the site's JWT_AUTH_SECRET_KEY, at least 16 bytes (required)", secret: true},
	{flag: "site-url", env: "KCHAT_SITE_URL", usage: "expected token issuer (default: the home option)"},
	{flag: "token-ttl", env: "KCHAT_TOKEN_TTL", def: "1h", usage: "lifetime of tokens the sidecar issues"},
	{flag: "cors-origins", env: "KCHAT_CORS_ORIGINS", usage: "comma-separated browser origins allowed to call (default: the origins of home and siteurl)"},
	{flag: "trusted-proxies", env: "KCHAT_TRUSTED_PROXIES", usage: "comma-separated proxy addresses or CIDRs whose X-Forwarded-For is believed"},
	{flag: "query-timeout", env: "KCHAT_QUERY_TIMEOUT", def: "10s", usage: "time limit of each summary and lookup query"},
	{flag: "db-max-open", env: "KCHAT_DB_MAX_OPEN", def: "10", usage: "most database connections open at once"},
	{flag: "db-max-idle", env: "KCHAT_DB_MAX_IDLE", def: "10", usage: "most idle database connections kept (at most db-max-open)"},
	{flag: "db-conn-max-lifetime", env: "KCHAT_DB_CONN_MAX_LIFETIME", def: "5m", usage: "a database connection is replaced after this long"},
	{flag: "db-conn-max-idle-time", env: "KCHAT_DB_CONN_MAX_IDLE_TIME", def: "1m", usage: "an idle database connection is closed after this long"},
	{flag: "counts-ttl", env: "KCHAT_COUNTS_TTL", def: "1s", usage: "how long interaction counts may be reused (0 reads the table on every request)"},
	{flag: "shutdown-timeout", env: "KCHAT_SHUTDOWN_TIMEOUT", def: "30s", usage: "how long in-flight requests may finish on SIGTERM"},
	{flag: "log-format", env: "KCHAT_LOG_FORMAT", def: "json", usage: "log format: json or text"},
}

// ParseConfig reads the settings: a flag wins over its environment variable, which wins
// over the default. It returns flag.ErrHelp after printing usage for --help.
func ParseConfig(args []string, getenv func(string) string, usage io.Writer) (Config, error) {
	fs := flag.NewFlagSet("kchat-sidecar", flag.ContinueOnError)
	fs.SetOutput(usage)
	values := map[string]*string{}
	for _, s := range settings {
		def := s.def
		if v := getenv(s.env); v != "" {
			def = v
		}
		shown := s.def
		if s.secret {
			shown = ""
		}
		values[s.env] = fs.String(s.flag, def, fmt.Sprintf("%s [$%s]", s.usage, s.env))
		// The default shown in --help must never be a secret taken from the environment.
		fs.Lookup(s.flag).DefValue = shown
	}
	fs.Usage = func() {
		fmt.Fprintf(usage, "Usage: kchat-sidecar [flags]\n\nEvery flag can also be set by the environment variable in brackets.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return Config{}, err
	}
	if fs.NArg() > 0 {
		return Config{}, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	get := func(env string) string { return *values[env] }
	bad := func(env, reason string) error {
		for _, s := range settings {
			if s.env == env {
				return &ConfigError{Env: env, Flag: s.flag, Reason: reason}
			}
		}
		return &ConfigError{Env: env, Reason: reason}
	}
	if path := get("KCHAT_WP_CONFIG"); path != "" {
		explicit := map[string]bool{}
		fs.Visit(func(f *flag.Flag) {
			for _, s := range settings {
				if s.flag == f.Name {
					explicit[s.env] = true
				}
			}
		})
		for _, s := range settings {
			if getenv(s.env) != "" {
				explicit[s.env] = true
			}
		}
		if err := fromWPConfig(path, values, explicit, bad); err != nil {
			return Config{}, err
		}
	}

	cfg := Config{
		Listen:      get("KCHAT_LISTEN"),
		TablePrefix: get("WORDPRESS_TABLE_PREFIX"),
		JWTSecret:   get("JWT_AUTH_SECRET_KEY"),
		SiteURL:     get("KCHAT_SITE_URL"),
		LogFormat:   get("KCHAT_LOG_FORMAT"),
	}
	if _, _, err := net.SplitHostPort(cfg.Listen); err != nil {
		return Config{}, bad("KCHAT_LISTEN", "not a host:port address")
	}
	if cfg.MetricsListen = get("KCHAT_METRICS_LISTEN"); cfg.MetricsListen != "" {
		if _, _, err := net.SplitHostPort(cfg.MetricsListen); err != nil {
			return Config{}, bad("KCHAT_METRICS_LISTEN", "not a host:port address")
		}
		if cfg.MetricsListen == cfg.Listen {
			return Config{}, bad("KCHAT_METRICS_LISTEN", "is KCHAT_LISTEN's address; leave it empty to serve /metrics there")
		}
	}
	if err := repository.ValidatePrefix(cfg.TablePrefix); err != nil {
		return Config{}, bad("WORDPRESS_TABLE_PREFIX", "may hold only letters, digits and underscores")
	}
	blog, err := strconv.Atoi(get("KCHAT_BLOG_ID"))
	if err != nil || blog < 1 {
		return Config{}, bad("KCHAT_BLOG_ID", "must be a whole number, 1 or more")
	}
	cfg.BlogID = blog
	switch {
	case cfg.JWTSecret == "":
		return Config{}, bad("JWT_AUTH_SECRET_KEY", "is required (the site's JWT_AUTH_SECRET_KEY from wp-config.php)")
	case len(cfg.JWTSecret) < MinSecretLength:
		return Config{}, bad("JWT_AUTH_SECRET_KEY", fmt.Sprintf("must be at least %d bytes", MinSecretLength))
	}
	if cfg.SiteURL != "" {
		if u, err := url.Parse(cfg.SiteURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return Config{}, bad("KCHAT_SITE_URL", "must be an http:// or https:// URL")
		}
	}
	for _, d := range []struct {
		env string
		dst *time.Duration
	}{{"KCHAT_QUERY_TIMEOUT", &cfg.QueryTimeout}, {"KCHAT_SHUTDOWN_TIMEOUT", &cfg.ShutdownTimeout}, {"KCHAT_TOKEN_TTL", &cfg.TokenTTL}} {
		v, err := time.ParseDuration(get(d.env))
		if err != nil || v <= 0 {
			return Config{}, bad(d.env, "must be a positive duration such as 10s")
		}
		*d.dst = v
	}
	for _, n := range []struct {
		env string
		dst *int
	}{{"KCHAT_DB_MAX_OPEN", &cfg.DBMaxOpen}, {"KCHAT_DB_MAX_IDLE", &cfg.DBMaxIdle}} {
		v, err := strconv.Atoi(get(n.env))
		if err != nil || v < 1 || v > 1000 {
			return Config{}, bad(n.env, "must be a whole number from 1 to 1000")
		}
		*n.dst = v
	}
	for _, d := range []struct {
		env string
		dst *time.Duration
	}{{"KCHAT_DB_CONN_MAX_LIFETIME", &cfg.DBConnLifetime}, {"KCHAT_DB_CONN_MAX_IDLE_TIME", &cfg.DBConnIdleTime}} {
		v, err := time.ParseDuration(get(d.env))
		if err != nil || v < time.Second {
			return Config{}, bad(d.env, "must be a duration of 1s or more, such as 5m")
		}
		*d.dst = v
	}
	ttl, err := time.ParseDuration(get("KCHAT_COUNTS_TTL"))
	if err != nil || ttl < 0 || ttl > time.Minute {
		return Config{}, bad("KCHAT_COUNTS_TTL", "must be a duration from 0 to 1m, such as 1s")
	}
	cfg.CountsTTL = ttl
	for _, o := range splitList(get("KCHAT_CORS_ORIGINS")) {
		if o == "*" {
			return Config{}, bad("KCHAT_CORS_ORIGINS", "must name origins; * would hand the data to any site")
		}
		u, err := url.Parse(o)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") {
			return Config{}, bad("KCHAT_CORS_ORIGINS", fmt.Sprintf("%q is not an origin such as https://example.com", o))
		}
		cfg.CORSOrigins = append(cfg.CORSOrigins, api.OriginOf(o))
	}
	for _, p := range splitList(get("KCHAT_TRUSTED_PROXIES")) {
		if !strings.Contains(p, "/") {
			if ip := net.ParseIP(p); ip != nil && ip.To4() != nil {
				p += "/32"
			} else {
				p += "/128"
			}
		}
		_, n, err := net.ParseCIDR(p)
		if err != nil {
			return Config{}, bad("KCHAT_TRUSTED_PROXIES", fmt.Sprintf("%q is not an address or CIDR", p))
		}
		cfg.TrustedProxies = append(cfg.TrustedProxies, n)
	}
	if cfg.LogFormat != "json" && cfg.LogFormat != "text" {
		return Config{}, bad("KCHAT_LOG_FORMAT", "must be json or text")
	}

	if dsn := get("KCHAT_DB_REPLICA_DSN"); dsn != "" {
		if _, err := mysql.ParseDSN(dsn); err != nil {
			return Config{}, bad("KCHAT_DB_REPLICA_DSN", "is not a valid go-sql-driver/mysql DSN")
		}
		cfg.ReplicaDSN = dsn
	}
	if dsn := get("KCHAT_DB_DSN"); dsn != "" {
		if _, err := mysql.ParseDSN(dsn); err != nil {
			// The driver's message may quote the DSN, password included; say only where.
			return Config{}, bad("KCHAT_DB_DSN", "is not a valid go-sql-driver/mysql DSN")
		}
		cfg.DSN = dsn
	} else {
		dsn, err := wordpressDSN(get("WORDPRESS_DB_HOST"), get("WORDPRESS_DB_USER"), get("WORDPRESS_DB_PASSWORD"), get("WORDPRESS_DB_NAME"))
		if err != nil {
			return Config{}, bad("WORDPRESS_DB_HOST", err.Error())
		}
		cfg.DSN = dsn
	}
	return cfg, nil
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

// fromWPConfig fills the settings the site's wp-config.php defines, except those set
// explicitly by a flag or variable. A setting the file defines in a form that is not
// read (getenv(), a concatenation…) is an error unless it is set explicitly: the
// sidecar does not guess at the site's database.
func fromWPConfig(path string, values map[string]*string, explicit map[string]bool, bad func(env, reason string) error) error {
	v, err := wpconfig.ReadFile(path)
	if err != nil {
		// wpconfig's errors name the path and a line, never the file's text.
		return bad("KCHAT_WP_CONFIG", err.Error())
	}
	for _, w := range wpConfigSettings {
		if explicit[w.env] {
			continue
		}
		if reason, ok := v.Unsupported[w.name]; ok {
			return bad(w.env, fmt.Sprintf("%s in %s is %s", w.name, path, reason))
		}
		if got := w.value(v); got != "" {
			*values[w.env] = got
		}
	}
	return nil
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
