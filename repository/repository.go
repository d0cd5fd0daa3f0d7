// Package repository reads a WordPress site's own tables — options, users, user meta and
// the Kognetiks Chatbot plugin's interactions table — with sqlx. It only ever reads: every
// statement here is a SELECT, so it works through a database user granted SELECT alone.
package repository

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"math"
	"net"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/jmoiron/sqlx"
)

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("not found")

// ErrUnavailable wraps errors that mean the database could not answer in time (refused
// connections, broken connections, timeouts, too many connections). Callers answer those
// with 503 rather than 500.
var ErrUnavailable = errors.New("database unavailable")

// ErrBusy marks an ErrUnavailable that came from waiting for a pooled connection while
// every one was in use: the database may be fine, the sidecar's pool is the limit.
var ErrBusy = errors.New("every database connection is busy")

// The configuration errors: the database answers, but not for the site the settings
// describe. Retrying cannot help; an operator must fix a setting, so callers tell them
// apart from ErrUnavailable.
var (
	// ErrTableMissing means a table the sidecar reads does not exist: the table prefix or
	// blog id does not match the site, or the plugin never created its tables. The error
	// is a *TableMissingError naming the table.
	ErrTableMissing = errors.New("table missing")
	// ErrAccessDenied means the server refused the sidecar's user: a wrong user name or
	// password, or a user not granted SELECT on the site's database or one of its tables.
	ErrAccessDenied = errors.New("database access denied")
	// ErrUnknownDatabase means the server has no database of the configured name.
	ErrUnknownDatabase = errors.New("unknown database")
)

// TableMissingError is ErrTableMissing for one named table.
type TableMissingError struct {
	// Table is the unquoted name, as the database named it; empty if it did not say.
	Table string
	// Err is the database's own error, if the table was missing from a query.
	Err error
}

func (e *TableMissingError) Error() string {
	msg := "table missing: " + e.Table
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *TableMissingError) Is(target error) bool { return target == ErrTableMissing }

func (e *TableMissingError) Unwrap() error { return e.Err }

// Config's zero fields take these; kchat-sidecar states them as its settings' defaults.
const (
	DefaultTablePrefix     = "wp_"
	DefaultQueryTimeout    = 10 * time.Second
	DefaultMaxOpenConns    = 10
	DefaultConnMaxLifetime = 5 * time.Minute
	DefaultConnMaxIdleTime = time.Minute
)

// Config says where the WordPress database is and which site of it to read.
type Config struct {
	// DSN is a go-sql-driver/mysql DSN. ParseTime and the UTC location are forced on,
	// because dates are scanned as civil dates at UTC midnight.
	DSN string
	// TablePrefix is WordPress's base $table_prefix, e.g. "wp_".
	TablePrefix string
	// BlogID selects the multisite site; 0 or 1 is the main site.
	BlogID int
	// QueryTimeout bounds every short query (summaries, lookups). Exports are bounded by
	// their request instead, since a large export legitimately takes long.
	QueryTimeout time.Duration
	// MaxOpenConns caps the pool. A request that finds every connection busy waits for
	// one, within its query timeout.
	MaxOpenConns int
	// MaxIdleConns is how many idle connections are kept; 0 means MaxOpenConns.
	MaxIdleConns int
	// ConnMaxLifetime retires a connection after this long (0: the default), so that
	// a failover or a changed DNS name is picked up; ConnMaxIdleTime closes one idle
	// this long (0: the default).
	ConnMaxLifetime, ConnMaxIdleTime time.Duration
	// ReplicaDSN, when set, is a read replica that serves every read while it answers;
	// the primary (DSN) takes over when it does not (see pool).
	ReplicaDSN string
}

var validPrefix = regexp.MustCompile(`^[A-Za-z0-9_]+$`)

// ValidatePrefix checks a table prefix the way wp-config.php's own check does: letters,
// digits and underscores only. Prefixes are spliced into SQL as identifiers, so this is
// also what keeps them from being an injection route.
func ValidatePrefix(prefix string) error {
	if !validPrefix.MatchString(prefix) {
		return fmt.Errorf("table prefix %q may hold only letters, digits and underscores", prefix)
	}
	return nil
}

// tables holds the fully prefixed, backtick-quoted table names and meta keys for one site.
type tables struct {
	base                      string // WordPress's base $table_prefix
	users, usermeta, sitemeta string // network-wide: base prefix
	blogs, site               string // multisite only: the network's sites, the networks
	blogID                    int    // this site's blog_id: 1 for the main site
	options, interactions     string // per site
	conversationLog, posts    string
	interactionsName          string // unquoted, for the existence check
	capabilitiesKey           string // user meta key holding the site's roles and caps
	userRolesOption           string // option holding the site's role definitions
}

func newTables(base string, blogID int) tables {
	q := func(name string) string { return "`" + name + "`" }
	t := tables{
		base:     base,
		users:    q(base + "users"),
		usermeta: q(base + "usermeta"),
		sitemeta: q(base + "sitemeta"),
		blogs:    q(base + "blogs"),
		site:     q(base + "site"),
	}
	t.setSite(blogID)
	return t
}

// setSite sets the per-site names for blogID (1 for anything below 2). They are cut
// from one string, written once, so that a view of another site costs two allocations.
func (t *tables) setSite(blogID int) {
	var digits [24]byte
	id := digits[:0]
	if blogID > 1 {
		id = append(strconv.AppendInt(id, int64(blogID), 10), '_')
	} else {
		blogID = 1
	}
	t.blogID = blogID
	var b strings.Builder
	b.Grow(6*(len(t.base)+len(id)) + 130)
	name := func(suffix string, quoted bool) (from, to int) {
		from = b.Len()
		if quoted {
			b.WriteByte('`')
		}
		b.WriteString(t.base)
		b.Write(id)
		b.WriteString(suffix)
		if quoted {
			b.WriteByte('`')
		}
		return from, b.Len()
	}
	o1, o2 := name("options", true)
	i1, i2 := name("chatbot_chatgpt_interactions", true)
	l1, l2 := name("chatbot_chatgpt_conversation_log", true)
	p1, p2 := name("posts", true)
	c1, c2 := name("capabilities", false)
	r1, r2 := name("user_roles", false)
	all := b.String()
	t.options, t.interactions, t.conversationLog, t.posts = all[o1:o2], all[i1:i2], all[l1:l2], all[p1:p2]
	t.interactionsName = all[i1+1 : i2-1]
	t.capabilitiesKey, t.userRolesOption = all[c1:c2], all[r1:r2]
}

// DB is the WordPress database of one site: its own tables, and the network's.
type DB struct {
	db      *pool
	t       tables
	timeout time.Duration
}

// Site is a view of blog blogID of the same multisite network (the main site for
// anything below 2) over the same connection pool: that site's options, chatbot tables
// and roles, the network's users. It is cheap enough to make for every request; closing
// it closes the pool.
func (db *DB) Site(blogID int) *DB {
	v := &DB{db: db.db, t: db.t, timeout: db.timeout}
	v.t.setSite(blogID)
	return v
}

// BlogID is the blog_id of the site this DB reads: 1 for the main site.
func (db *DB) BlogID() int { return db.t.blogID }

// Open prepares a connection pool; it does not wait for the database to answer, so the
// service can start while the database is still down.
func Open(cfg Config) (*DB, error) {
	if cfg.TablePrefix == "" {
		cfg.TablePrefix = DefaultTablePrefix
	}
	if err := ValidatePrefix(cfg.TablePrefix); err != nil {
		return nil, err
	}
	if cfg.BlogID < 0 {
		return nil, fmt.Errorf("blog id %d is not a site number", cfg.BlogID)
	}
	if cfg.QueryTimeout <= 0 {
		cfg.QueryTimeout = DefaultQueryTimeout
	}
	if cfg.MaxOpenConns <= 0 {
		cfg.MaxOpenConns = DefaultMaxOpenConns
	}
	if cfg.MaxIdleConns <= 0 || cfg.MaxIdleConns > cfg.MaxOpenConns {
		cfg.MaxIdleConns = cfg.MaxOpenConns
	}
	if cfg.ConnMaxLifetime <= 0 {
		cfg.ConnMaxLifetime = DefaultConnMaxLifetime
	}
	if cfg.ConnMaxIdleTime <= 0 {
		cfg.ConnMaxIdleTime = DefaultConnMaxIdleTime
	}
	primary, err := openPool(cfg, cfg.DSN)
	if err != nil {
		return nil, fmt.Errorf("database DSN: %w", err)
	}
	p := &pool{primary: primary}
	if cfg.ReplicaDSN != "" {
		if p.replica, err = openPool(cfg, cfg.ReplicaDSN); err != nil {
			primary.Close()
			return nil, fmt.Errorf("replica DSN: %w", err)
		}
	}
	return &DB{db: p, t: newTables(cfg.TablePrefix, cfg.BlogID), timeout: cfg.QueryTimeout}, nil
}

// openPool opens one connection pool on dsn with cfg's limits.
func openPool(cfg Config, dsn string) (*sqlx.DB, error) {
	mc, err := mysql.ParseDSN(dsn)
	if err != nil {
		return nil, err
	}
	mc.ParseTime = true
	mc.Loc = time.UTC
	if mc.Timeout == 0 {
		mc.Timeout = 5 * time.Second
	}
	// A read that waits for a table lock (LOCK TABLES, an ALTER) gives up on the server
	// as soon as the sidecar stops waiting for it: otherwise the server thread would wait
	// on after the request has had its 503, up to a year by default. Only lock waits are
	// bounded this way; a long export's reading is not.
	if _, set := mc.Params["lock_wait_timeout"]; !set {
		if mc.Params == nil {
			mc.Params = map[string]string{}
		}
		mc.Params["lock_wait_timeout"] = strconv.Itoa(int(math.Ceil(cfg.QueryTimeout.Seconds())))
	}
	connector, err := mysql.NewConnector(mc)
	if err != nil {
		return nil, err
	}
	sdb := sqlx.NewDb(sql.OpenDB(connector), "mysql")
	sdb.SetMaxOpenConns(cfg.MaxOpenConns)
	sdb.SetMaxIdleConns(cfg.MaxIdleConns)
	sdb.SetConnMaxLifetime(cfg.ConnMaxLifetime)
	sdb.SetConnMaxIdleTime(cfg.ConnMaxIdleTime)
	return sdb, nil
}

// Stats reports the connection pool's state.
func (db *DB) Stats() sql.DBStats { return db.db.Stats() }

// Close closes the pool.
func (db *DB) Close() error { return db.db.Close() }

// InteractionsTable is the unquoted name of the interactions table this DB reads.
func (db *DB) InteractionsTable() string { return db.t.interactionsName }

func (db *DB) short(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, db.timeout)
}

// CheckReady reports whether the database answers and the interactions table exists.
func (db *DB) CheckReady(ctx context.Context) error {
	ctx, cancel := db.short(ctx)
	defer cancel()
	var n int
	err := db.db.GetContext(ctx, &n,
		`SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?`,
		db.t.interactionsName)
	if err != nil {
		return classify(err)
	}
	if n == 0 {
		return &TableMissingError{Table: db.t.interactionsName}
	}
	return nil
}

// classify marks errors that mean "the database did not answer" with ErrUnavailable, so
// that the API can tell an outage (503, try again) from a bug (500), and errors that
// mean "the settings do not fit this database" with the configuration errors (503,
// fix a setting).
func classify(err error) error {
	if err == nil {
		return nil
	}
	var myErr *mysql.MySQLError
	if errors.As(err, &myErr) {
		switch {
		case myErr.Number == erNoSuchTable:
			return &TableMissingError{Table: missingTable(myErr.Message), Err: err}
		case myErr.Number == erBadDB:
			return fmt.Errorf("%w: %w", ErrUnknownDatabase, err)
		case accessDenied(myErr.Number):
			return fmt.Errorf("%w: %w", ErrAccessDenied, err)
		}
	}
	if unavailable(err) {
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	return err
}

// MySQL's numbers for the configuration errors; MariaDB and the embedded engine use
// the same ones.
const (
	erDBAccessDenied     = 1044 // the user may not use this database
	erAccessDenied       = 1045 // wrong user name or password
	erBadDB              = 1049 // unknown database
	erTableAccessDenied  = 1142 // SELECT not granted on a table
	erColumnAccessDenied = 1143 // …or on a column
	erNoSuchTable        = 1146
)

func accessDenied(number uint16) bool {
	switch number {
	case erDBAccessDenied, erAccessDenied, erTableAccessDenied, erColumnAccessDenied:
		return true
	}
	return false
}

// misconfigured reports a configuration error straight from the driver.
func misconfigured(err error) bool {
	var myErr *mysql.MySQLError
	return errors.As(err, &myErr) &&
		(myErr.Number == erNoSuchTable || myErr.Number == erBadDB || accessDenied(myErr.Number))
}

// MySQL and MariaDB say "Table 'db.name' doesn't exist", the embedded engine "table not
// found: name".
var missingTablePatterns = []*regexp.Regexp{
	regexp.MustCompile(`^Table '(?:[^'.]*\.)?([^']+)' doesn't exist`),
	regexp.MustCompile(`^table not found: (\S+)`),
}

// missingTable finds the table's name in error 1146's message.
func missingTable(message string) string {
	for _, re := range missingTablePatterns {
		if m := re.FindStringSubmatch(message); m != nil {
			return m[1]
		}
	}
	return ""
}

func unavailable(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, driver.ErrBadConn) ||
		errors.Is(err, mysql.ErrInvalidConn) {
		return true
	}
	var netErr net.Error
	if errors.As(err, &netErr) {
		return true
	}
	var myErr *mysql.MySQLError
	if errors.As(err, &myErr) {
		switch myErr.Number {
		case 1040, // too many connections
			1053, // server shutdown in progress
			1205, // lock wait timeout
			1969, // MariaDB: query execution was interrupted (max_statement_time)
			3024: // MySQL: maximum statement execution time exceeded
			return true
		}
	}
	return false
}
