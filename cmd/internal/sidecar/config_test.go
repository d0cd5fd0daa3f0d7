package sidecar_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/sidecar"
)

const goodSecret = "0123456789abcdef-secret"

func envOf(kv map[string]string) func(string) string {
	return func(k string) string { return kv[k] }
}

func TestParseConfigDefaults(t *testing.T) {
	cfg, err := sidecar.ParseConfig(nil, envOf(map[string]string{"JWT_AUTH_SECRET_KEY": goodSecret}), &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Listen != "127.0.0.1:8080" || cfg.Repository.TablePrefix != "wp_" || cfg.Repository.BlogID != 1 || cfg.Repository.QueryTimeout != 10*time.Second || cfg.API.CountsTTL != time.Second ||
		cfg.Repository.MaxOpenConns != 10 || cfg.Repository.MaxIdleConns != 10 || cfg.Repository.ConnMaxLifetime != 5*time.Minute || cfg.Repository.ConnMaxIdleTime != time.Minute ||
		cfg.MetricsListen != "" {
		t.Errorf("defaults: %+v", cfg)
	}
	mc, err := mysql.ParseDSN(cfg.Repository.DSN)
	if err != nil {
		t.Fatal(err)
	}
	if mc.User != "root" || mc.Passwd != "" || mc.Net != "tcp" || mc.Addr != "localhost:3306" || mc.DBName != "wordpress" {
		t.Errorf("default DSN: %s", cfg.Repository.DSN)
	}
}

func TestParseConfigWordPressHost(t *testing.T) {
	tests := []struct{ host, net, addr string }{
		{"db", "tcp", "db:3306"},
		{"db:3307", "tcp", "db:3307"},
		{"localhost:/var/run/mysqld/mysqld.sock", "unix", "/var/run/mysqld/mysqld.sock"},
		{"[::1]", "tcp", "[::1]:3306"},
		{"[::1]:3307", "tcp", "[::1]:3307"},
	}
	for _, tt := range tests {
		cfg, err := sidecar.ParseConfig(nil, envOf(map[string]string{
			"JWT_AUTH_SECRET_KEY": goodSecret, "WORDPRESS_DB_HOST": tt.host,
			"WORDPRESS_DB_USER": "wp", "WORDPRESS_DB_PASSWORD": "p@ss:/word", "WORDPRESS_DB_NAME": "site",
		}), &bytes.Buffer{})
		if err != nil {
			t.Errorf("%s: %v", tt.host, err)
			continue
		}
		mc, err := mysql.ParseDSN(cfg.Repository.DSN)
		if err != nil {
			t.Fatal(err)
		}
		if mc.Net != tt.net || mc.Addr != tt.addr || mc.User != "wp" || mc.Passwd != "p@ss:/word" || mc.DBName != "site" {
			t.Errorf("%s: got %s %s %s %s %s", tt.host, mc.Net, mc.Addr, mc.User, mc.Passwd, mc.DBName)
		}
	}
}

func TestParseConfigFlagsOverrideEnvironment(t *testing.T) {
	cfg, err := sidecar.ParseConfig(
		[]string{"--listen", "127.0.0.1:9999", "--table-prefix=site_", "--blog-id", "3", "--db-dsn", "u:p@tcp(h:1)/d", "--metrics-listen", "127.0.0.1:9100"},
		envOf(map[string]string{"JWT_AUTH_SECRET_KEY": goodSecret, "KCHAT_LISTEN": "127.0.0.1:1111", "WORDPRESS_TABLE_PREFIX": "x_"}),
		&bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Listen != "127.0.0.1:9999" || cfg.Repository.TablePrefix != "site_" || cfg.Repository.BlogID != 3 || cfg.Repository.DSN != "u:p@tcp(h:1)/d" || cfg.Repository.ReplicaDSN != "" ||
		cfg.MetricsListen != "127.0.0.1:9100" {
		t.Errorf("got %+v", cfg)
	}
	cfg, err = sidecar.ParseConfig(nil, envOf(map[string]string{"JWT_AUTH_SECRET_KEY": goodSecret,
		"KCHAT_CORS_ORIGINS": "https://Example.test:443, http://admin.test:8080", "KCHAT_TRUSTED_PROXIES": "10.0.0.1, 192.168.0.0/16", "KCHAT_TOKEN_TTL": "15m"}),
		&bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(cfg.API.CORSOrigins, " "); got != "https://example.test http://admin.test:8080" {
		t.Errorf("CORS origins %q", got)
	}
	if len(cfg.API.TrustedProxies) != 2 || cfg.API.TrustedProxies[0].String() != "10.0.0.1/32" || cfg.API.TokenTTL != 15*time.Minute {
		t.Errorf("proxies %v ttl %v", cfg.API.TrustedProxies, cfg.API.TokenTTL)
	}
}

// The Insights settings: defaults, and a phrase file read and normalized.
func TestParseConfigInsights(t *testing.T) {
	cfg, err := sidecar.ParseConfig(nil, envOf(map[string]string{"JWT_AUTH_SECRET_KEY": goodSecret}), &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	in := cfg.API.Insights
	if in.ConversationGap != 30*time.Minute || in.MinutesPerConversation == nil || *in.MinutesPerConversation != 1.4 || in.FallbackPhrases != nil {
		t.Errorf("defaults: %+v", in)
	}
	path := filepath.Join(t.TempDir(), "phrases.txt")
	if err := os.WriteFile(path, []byte("# ours\nSorry, I’m lost\n\n  no idea  \n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err = sidecar.ParseConfig([]string{"--conversation-gap", "45m", "--minutes-per-conversation", "0"},
		envOf(map[string]string{"JWT_AUTH_SECRET_KEY": goodSecret, "KCHAT_FALLBACK_PHRASES": path}), &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	in = cfg.API.Insights
	empty := filepath.Join(t.TempDir(), "empty.txt")
	if err := os.WriteFile(empty, []byte("# no phrase here\n\n   \n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = sidecar.ParseConfig(nil, envOf(map[string]string{"JWT_AUTH_SECRET_KEY": goodSecret, "KCHAT_FALLBACK_PHRASES": empty}), &bytes.Buffer{})
	var ce *sidecar.ConfigError
	if !errors.As(err, &ce) || ce.Env != "KCHAT_FALLBACK_PHRASES" || strings.Contains(err.Error(), "\n") {
		t.Errorf("a file without phrases: %v", err)
	}
	if in.ConversationGap != 45*time.Minute || *in.MinutesPerConversation != 0 || !slices.Equal(in.FallbackPhrases, []string{"sorry, i'm lost", "no idea"}) {
		t.Errorf("set: %+v %q", in, in.FallbackPhrases)
	}
}

// TestParseConfigMemoryLimit: the soft memory limit is KCHAT_MEMORY_LIMIT MiB, 48 by
// default, none at 0, and none whatever it says when the operator set GOMEMLIMIT (the
// runtime has read that already).
func TestParseConfigMemoryLimit(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want int64
	}{
		{"Default", nil, nil, 48 << 20},
		{"Set", map[string]string{"KCHAT_MEMORY_LIMIT": "100"}, nil, 100 << 20},
		{"Flag", nil, []string{"--memory-limit", "40"}, 40 << 20},
		{"Off", map[string]string{"KCHAT_MEMORY_LIMIT": "0"}, nil, 0},
		{"OperatorGOMEMLIMIT", map[string]string{"GOMEMLIMIT": "1GiB"}, nil, 0},
		{"OperatorGOMEMLIMITWins", map[string]string{"GOMEMLIMIT": "1GiB", "KCHAT_MEMORY_LIMIT": "64"}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{"JWT_AUTH_SECRET_KEY": goodSecret}
			for k, v := range tt.env {
				env[k] = v
			}
			cfg, err := sidecar.ParseConfig(tt.args, envOf(env), &bytes.Buffer{})
			if err != nil {
				t.Fatal(err)
			}
			if got := cfg.MemoryLimit; got != tt.want {
				t.Errorf("MemoryLimit = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestParseConfigErrors(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		setting string
	}{
		{"NoSecret", map[string]string{}, nil, "JWT_AUTH_SECRET_KEY"},
		{"ShortSecret", map[string]string{"JWT_AUTH_SECRET_KEY": "short"}, nil, "JWT_AUTH_SECRET_KEY"},
		{"BadPrefix", map[string]string{"WORDPRESS_TABLE_PREFIX": "wp_; DROP TABLE x"}, nil, "WORDPRESS_TABLE_PREFIX"},
		{"BadPrefixFlag", nil, []string{"--table-prefix", "wp-"}, "WORDPRESS_TABLE_PREFIX"},
		{"EmptyPrefix", nil, []string{"--table-prefix="}, "WORDPRESS_TABLE_PREFIX"},
		{"BadDSN", map[string]string{"KCHAT_DB_DSN": "not a dsn"}, nil, "KCHAT_DB_DSN"},
		{"BadReplicaDSN", map[string]string{"KCHAT_DB_REPLICA_DSN": "replica:3306"}, nil, "KCHAT_DB_REPLICA_DSN"},
		{"BadHostPort", map[string]string{"WORDPRESS_DB_HOST": "db:port"}, nil, "WORDPRESS_DB_HOST"},
		{"BadBlog", map[string]string{"KCHAT_BLOG_ID": "0"}, nil, "KCHAT_BLOG_ID"},
		{"BadBlogWord", map[string]string{"KCHAT_BLOG_ID": "two"}, nil, "KCHAT_BLOG_ID"},
		{"BadListen", map[string]string{"KCHAT_LISTEN": "8080"}, nil, "KCHAT_LISTEN"},
		{"BadMetricsListen", map[string]string{"KCHAT_METRICS_LISTEN": "9100"}, nil, "KCHAT_METRICS_LISTEN"},
		{"MetricsOnTheMainAddress", map[string]string{"KCHAT_METRICS_LISTEN": "127.0.0.1:8080"}, nil, "KCHAT_METRICS_LISTEN"},
		{"BadSiteURL", map[string]string{"KCHAT_SITE_URL": "example.com"}, nil, "KCHAT_SITE_URL"},
		{"BadTimeout", map[string]string{"KCHAT_QUERY_TIMEOUT": "soon"}, nil, "KCHAT_QUERY_TIMEOUT"},
		{"BadTokenTTL", map[string]string{"KCHAT_TOKEN_TTL": "-1h"}, nil, "KCHAT_TOKEN_TTL"},
		{"LongCountsTTL", map[string]string{"KCHAT_COUNTS_TTL": "2m"}, nil, "KCHAT_COUNTS_TTL"},
		{"BadMaxOpen", map[string]string{"KCHAT_DB_MAX_OPEN": "0"}, nil, "KCHAT_DB_MAX_OPEN"},
		{"BadMaxIdle", map[string]string{"KCHAT_DB_MAX_IDLE": "many"}, nil, "KCHAT_DB_MAX_IDLE"},
		{"BadLifetime", map[string]string{"KCHAT_DB_CONN_MAX_LIFETIME": "10ms"}, nil, "KCHAT_DB_CONN_MAX_LIFETIME"},
		{"BadIdleTime", nil, []string{"--db-conn-max-idle-time", "forever"}, "KCHAT_DB_CONN_MAX_IDLE_TIME"},
		{"BadCountsTTL", map[string]string{"KCHAT_COUNTS_TTL": "-1s"}, nil, "KCHAT_COUNTS_TTL"},
		{"WildcardCORS", map[string]string{"KCHAT_CORS_ORIGINS": "*"}, nil, "KCHAT_CORS_ORIGINS"},
		{"CORSWithPath", map[string]string{"KCHAT_CORS_ORIGINS": "https://a.test/wp-admin"}, nil, "KCHAT_CORS_ORIGINS"},
		{"BadProxy", map[string]string{"KCHAT_TRUSTED_PROXIES": "proxy.local"}, nil, "KCHAT_TRUSTED_PROXIES"},
		{"ZeroGap", map[string]string{"KCHAT_CONVERSATION_GAP": "0s"}, nil, "KCHAT_CONVERSATION_GAP"},
		{"LongGap", map[string]string{"KCHAT_CONVERSATION_GAP": "25h"}, nil, "KCHAT_CONVERSATION_GAP"},
		{"NegativeMinutes", map[string]string{"KCHAT_MINUTES_PER_CONVERSATION": "-1"}, nil, "KCHAT_MINUTES_PER_CONVERSATION"},
		{"WordMinutes", map[string]string{"KCHAT_MINUTES_PER_CONVERSATION": "two"}, nil, "KCHAT_MINUTES_PER_CONVERSATION"},
		{"NegativeMemoryLimit", map[string]string{"KCHAT_MEMORY_LIMIT": "-1"}, nil, "KCHAT_MEMORY_LIMIT"},
		{"MemoryLimitWithUnit", map[string]string{"KCHAT_MEMORY_LIMIT": "48MiB"}, nil, "KCHAT_MEMORY_LIMIT"},
		{"NoNetworkSites", map[string]string{"KCHAT_NETWORK_SITES": "0"}, nil, "KCHAT_NETWORK_SITES"},
		{"WordNetworkSites", map[string]string{"KCHAT_NETWORK_SITES": "many"}, nil, "KCHAT_NETWORK_SITES"},
		{"ZeroNetworkTTL", map[string]string{"KCHAT_NETWORK_TTL": "0"}, nil, "KCHAT_NETWORK_TTL"},
		{"LongNetworkTTL", map[string]string{"KCHAT_NETWORK_TTL": "2h"}, nil, "KCHAT_NETWORK_TTL"},
		{"BareNetworkTTL", map[string]string{"KCHAT_NETWORK_TTL": "5"}, nil, "KCHAT_NETWORK_TTL"},
		{"NoNetworkCache", map[string]string{"KCHAT_NETWORK_CACHE_MB": "0"}, nil, "KCHAT_NETWORK_CACHE_MB"},
		{"MissingPhrases", map[string]string{"KCHAT_FALLBACK_PHRASES": "/nonexistent/phrases.txt"}, nil, "KCHAT_FALLBACK_PHRASES"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{"JWT_AUTH_SECRET_KEY": goodSecret}
			if tt.name == "NoSecret" || tt.name == "ShortSecret" {
				env = map[string]string{}
			}
			for k, v := range tt.env {
				env[k] = v
			}
			_, err := sidecar.ParseConfig(tt.args, envOf(env), &bytes.Buffer{})
			var ce *sidecar.ConfigError
			if !errors.As(err, &ce) || ce.Env != tt.setting {
				t.Fatalf("got %v, want an error naming %s", err, tt.setting)
			}
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.HasPrefix(msg, tt.setting) {
				t.Errorf("not one line naming the setting: %q", msg)
			}
		})
	}
}

func TestParseConfigHelpListsEverySetting(t *testing.T) {
	var out bytes.Buffer
	_, err := sidecar.ParseConfig([]string{"--help"}, envOf(map[string]string{"JWT_AUTH_SECRET_KEY": "do-not-print-this-secret"}), &out)
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("got %v", err)
	}
	for _, name := range []string{"KCHAT_LISTEN", "KCHAT_DB_DSN", "WORDPRESS_DB_HOST", "WORDPRESS_DB_USER", "WORDPRESS_DB_PASSWORD",
		"WORDPRESS_DB_NAME", "WORDPRESS_TABLE_PREFIX", "KCHAT_BLOG_ID", "JWT_AUTH_SECRET_KEY", "KCHAT_SITE_URL", "-jwt-secret",
		"KCHAT_TOKEN_TTL", "KCHAT_CORS_ORIGINS", "KCHAT_TRUSTED_PROXIES", "KCHAT_METRICS_LISTEN", "-metrics-listen"} {
		if !strings.Contains(out.String(), name) {
			t.Errorf("--help does not mention %s", name)
		}
	}
	if strings.Contains(out.String(), "do-not-print-this-secret") {
		t.Errorf("--help prints the secret")
	}
}

// The site's own wp-config.php, as WordPress's installer writes it, configures the
// database, the prefix and the key; explicit settings win over it.
func TestParseConfigWPConfig(t *testing.T) {
	installer := "../wpconfig/testdata/wp-config-installer.php"
	cfg, err := sidecar.ParseConfig([]string{"--wp-config", installer}, envOf(nil), &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	mc, err := mysql.ParseDSN(cfg.Repository.DSN)
	if err != nil {
		t.Fatal(err)
	}
	if mc.User != "wp_user" || mc.Passwd != `p@ss'w\rd"$HOME\\'{$x}\` || mc.Addr != "127.0.0.1:3307" || mc.DBName != "wordpress" {
		t.Errorf("from wp-config.php: %s@%s/%s (password %q)", mc.User, mc.Addr, mc.DBName, mc.Passwd)
	}
	if len(cfg.API.JWTSecret) < sidecar.MinSecretLength || cfg.Repository.TablePrefix != "kc7_" {
		t.Errorf("JWT_AUTH_SECRET_KEY or $table_prefix not read: %q, %q", cfg.API.JWTSecret, cfg.Repository.TablePrefix)
	}

	cfg, err = sidecar.ParseConfig([]string{"--db-host", "db.internal"}, envOf(map[string]string{
		"KCHAT_WP_CONFIG": installer, "WORDPRESS_DB_USER": "reader", "JWT_AUTH_SECRET_KEY": goodSecret, "WORDPRESS_TABLE_PREFIX": "site_"}), &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	mc, _ = mysql.ParseDSN(cfg.Repository.DSN)
	if mc.User != "reader" || mc.Addr != "db.internal:3306" || mc.DBName != "wordpress" || string(cfg.API.JWTSecret) != goodSecret || cfg.Repository.TablePrefix != "site_" {
		t.Errorf("explicit settings must win: %s@%s/%s prefix %s", mc.User, mc.Addr, mc.DBName, cfg.Repository.TablePrefix)
	}

	// The Docker image's wp-config.php reads the environment: named, never guessed.
	docker := "../wpconfig/testdata/wp-config-docker.php"
	_, err = sidecar.ParseConfig([]string{"--wp-config", docker}, envOf(map[string]string{"JWT_AUTH_SECRET_KEY": goodSecret}), &bytes.Buffer{})
	var ce *sidecar.ConfigError
	if !errors.As(err, &ce) || ce.Env != "WORDPRESS_DB_NAME" || !strings.Contains(err.Error(), "getenv_docker") {
		t.Errorf("docker wp-config.php: %v", err)
	}
	_, err = sidecar.ParseConfig([]string{"--wp-config", docker, "--db-dsn", "u:p@tcp(db:3306)/wp"}, envOf(map[string]string{
		"JWT_AUTH_SECRET_KEY": goodSecret, "WORDPRESS_DB_NAME": "wp", "WORDPRESS_DB_USER": "u", "WORDPRESS_DB_PASSWORD": "p",
		"WORDPRESS_DB_HOST": "db", "WORDPRESS_TABLE_PREFIX": "wp_"}), &bytes.Buffer{})
	if err != nil {
		t.Errorf("every unsupported setting given explicitly: %v", err)
	}

	// A file that cannot be read names the setting and the path, not the contents.
	for _, path := range []string{"testdata/missing-wp-config.php", "config_test.go"} {
		_, err := sidecar.ParseConfig([]string{"--wp-config", path}, envOf(map[string]string{"JWT_AUTH_SECRET_KEY": goodSecret}), &bytes.Buffer{})
		if !errors.As(err, &ce) || ce.Env != "KCHAT_WP_CONFIG" || !strings.Contains(err.Error(), path) || strings.Contains(err.Error(), "package sidecar_test") {
			t.Errorf("%s: %v", path, err)
		}
	}
}

// --help says what each setting takes (a number, a duration, an address…), not "string"
// for all, and tells of the healthcheck subcommand.
func TestParseConfigHelpShowsTypesAndHealthcheck(t *testing.T) {
	var out bytes.Buffer
	if _, err := sidecar.ParseConfig([]string{"--help"}, envOf(nil), &out); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("got %v", err)
	}
	help := out.String()
	for _, want := range []string{
		"--blog-id int", "--db-max-open int", "--db-max-idle int", "--token-ttl duration", "--query-timeout duration",
		"--counts-ttl duration", "--listen host:port", "--metrics-listen host:port", "--site-url url", "--wp-config path",
		"kchat-sidecar healthcheck [URL]", "http://127.0.0.1:8080/readyz", "(default 5m)", "(default 1h)",
	} {
		if !strings.Contains(help, want) {
			t.Errorf("--help does not show %q:\n%s", want, help)
		}
	}
	if strings.Contains(help, "blog-id string") {
		t.Errorf("--help shows a number as a string:\n%s", help)
	}
}

// Network mode: on when wp-config.php defines MULTISITE as true, or by KCHAT_NETWORK;
// KCHAT_BLOG_ID pins one site.
func TestParseConfigNetwork(t *testing.T) {
	dir := t.TempDir()
	write := func(name, multisite string) string {
		path := filepath.Join(dir, name)
		src := "<?php\ndefine( 'DB_NAME', 'wp' );\ndefine( 'JWT_AUTH_SECRET_KEY', '" + goodSecret + "' );\n" + multisite + "\n$table_prefix = 'wp_';\n"
		if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	multi := write("multi.php", "define( 'MULTISITE', true );\ndefine( 'SUBDOMAIN_INSTALL', false );")
	single := write("single.php", "")
	weird := write("weird.php", "define( 'MULTISITE', 1 );")
	for _, c := range []struct {
		name string
		env  map[string]string
		want bool
		bad  string // the setting an error names
	}{
		{"Default", map[string]string{"JWT_AUTH_SECRET_KEY": goodSecret}, false, ""},
		{"MultisiteDefined", map[string]string{"KCHAT_WP_CONFIG": multi}, true, ""},
		{"SingleSite", map[string]string{"KCHAT_WP_CONFIG": single}, false, ""},
		{"Explicit", map[string]string{"JWT_AUTH_SECRET_KEY": goodSecret, "KCHAT_NETWORK": "true"}, true, ""},
		{"ExplicitOff", map[string]string{"KCHAT_WP_CONFIG": multi, "KCHAT_NETWORK": "false"}, false, ""},
		{"BlogIDPins", map[string]string{"KCHAT_WP_CONFIG": multi, "KCHAT_BLOG_ID": "2"}, false, ""},
		{"BlogIDAndNetwork", map[string]string{"KCHAT_WP_CONFIG": multi, "KCHAT_BLOG_ID": "2", "KCHAT_NETWORK": "true"}, false, "KCHAT_NETWORK"},
		{"NotABoolean", map[string]string{"KCHAT_WP_CONFIG": weird}, false, "KCHAT_NETWORK"},
		{"NotABooleanButExplicit", map[string]string{"KCHAT_WP_CONFIG": weird, "KCHAT_NETWORK": "auto"}, false, ""},
		{"BadValue", map[string]string{"JWT_AUTH_SECRET_KEY": goodSecret, "KCHAT_NETWORK": "yes"}, false, "KCHAT_NETWORK"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := sidecar.ParseConfig(nil, envOf(c.env), &bytes.Buffer{})
			var ce *sidecar.ConfigError
			switch {
			case c.bad != "":
				if !errors.As(err, &ce) || ce.Env != c.bad {
					t.Errorf("error %v, want one naming %s", err, c.bad)
				}
			case err != nil:
				t.Fatal(err)
			case cfg.Network != c.want:
				t.Errorf("Network = %v, want %v", cfg.Network, c.want)
			}
		})
	}
}

// SUBDOMAIN_INSTALL (or VHOST) in wp-config.php reaches the API; without it, or
// without the file, the API goes by the stored meta (nil).
func TestParseConfigSubdomainInstall(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name, defines, want string // want: "true", "false" or "" for nil
	}{
		{"True", "define( 'SUBDOMAIN_INSTALL', true );", "true"},
		{"False", "define( 'SUBDOMAIN_INSTALL', false );", "false"},
		{"Absent", "", ""},
		{"VHOST", "define( 'VHOST', 'yes' );", "true"},
		{"NotTaken", "define( 'SUBDOMAIN_INSTALL', getenv( 'X' ) );", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.name+".php")
			src := "<?php\ndefine( 'DB_NAME', 'wp' );\ndefine( 'JWT_AUTH_SECRET_KEY', '" + goodSecret + "' );\ndefine( 'MULTISITE', true );\n" + c.defines + "\n"
			if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
				t.Fatal(err)
			}
			cfg, err := sidecar.ParseConfig(nil, envOf(map[string]string{"KCHAT_WP_CONFIG": path}), &bytes.Buffer{})
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if cfg.API.SubdomainInstall != nil {
				got = strconv.FormatBool(*cfg.API.SubdomainInstall)
			}
			if got != c.want {
				t.Errorf("API.SubdomainInstall = %q, want %q", got, c.want)
			}
		})
	}
	cfg, err := sidecar.ParseConfig(nil, envOf(map[string]string{"JWT_AUTH_SECRET_KEY": goodSecret}), &bytes.Buffer{})
	if err != nil || cfg.API.SubdomainInstall != nil {
		t.Errorf("without wp-config.php: %v, %v", cfg.API.SubdomainInstall, err)
	}
}

// TestParseConfigNetworkSites: KCHAT_NETWORK_SITES bounds the network's site caches,
// api.DefaultMaxSites when unset.
func TestParseConfigNetworkSites(t *testing.T) {
	for _, tt := range []struct {
		env  map[string]string
		want int
	}{
		{map[string]string{"JWT_AUTH_SECRET_KEY": goodSecret}, api.DefaultMaxSites},
		{map[string]string{"JWT_AUTH_SECRET_KEY": goodSecret, "KCHAT_NETWORK_SITES": "10000"}, 10000},
	} {
		cfg, err := sidecar.ParseConfig(nil, envOf(tt.env), &bytes.Buffer{})
		if err != nil {
			t.Fatal(err)
		}
		if cfg.API.MaxSites != tt.want {
			t.Errorf("%v: MaxSites %d, want %d", tt.env, cfg.API.MaxSites, tt.want)
		}
	}
}

// TestParseConfigNetworkTTL: KCHAT_NETWORK_TTL is how long the network's sites list is
// reused, api.DefaultNetworkTTL when unset.
func TestParseConfigNetworkTTL(t *testing.T) {
	for _, tt := range []struct {
		env  map[string]string
		want time.Duration
	}{
		{map[string]string{"JWT_AUTH_SECRET_KEY": goodSecret}, api.DefaultNetworkTTL},
		{map[string]string{"JWT_AUTH_SECRET_KEY": goodSecret, "KCHAT_NETWORK_TTL": "1m"}, time.Minute},
		{map[string]string{"JWT_AUTH_SECRET_KEY": goodSecret, "KCHAT_NETWORK_TTL": "250ms"}, 250 * time.Millisecond},
	} {
		cfg, err := sidecar.ParseConfig(nil, envOf(tt.env), &bytes.Buffer{})
		if err != nil {
			t.Fatal(err)
		}
		if cfg.API.NetworkTTL != tt.want {
			t.Errorf("%v: NetworkTTL %v, want %v", tt.env, cfg.API.NetworkTTL, tt.want)
		}
	}
}

// TestParseConfigNetworkCache: KCHAT_NETWORK_CACHE_MB is the sites' caches' budget in
// MiB, api.DefaultSiteCacheBytes when unset.
func TestParseConfigNetworkCache(t *testing.T) {
	for _, tt := range []struct {
		env  map[string]string
		want int64
	}{
		{map[string]string{"JWT_AUTH_SECRET_KEY": goodSecret}, api.DefaultSiteCacheBytes},
		{map[string]string{"JWT_AUTH_SECRET_KEY": goodSecret, "KCHAT_NETWORK_CACHE_MB": "200"}, 200 << 20},
	} {
		cfg, err := sidecar.ParseConfig(nil, envOf(tt.env), &bytes.Buffer{})
		if err != nil {
			t.Fatal(err)
		}
		if cfg.API.SiteCacheBytes != tt.want {
			t.Errorf("%v: SiteCacheBytes %d, want %d", tt.env, cfg.API.SiteCacheBytes, tt.want)
		}
	}
}
