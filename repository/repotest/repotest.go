// Package repotest gives each test a freshly created database of its own and loads
// mysqldump scripts, such as the repository's WordPress fixture, into it. With
// KCHAT_TEST_MYSQL_DSN set (CI sets it) the databases are made on that MariaDB or MySQL
// server, and a server that does not answer fails the test rather than skipping it;
// otherwise they are made on one embedded engine that the test binary starts the first
// time it needs it, so that `go test ./...` needs nothing but Go. Both engines get the
// same scripts through the same splitter. Only _test files import this package.
package repotest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/repository/embedded"
)

// The environment variables that point the tests at a real server.
const (
	// EnvDSN is a DSN for an account that may create and drop databases and users.
	EnvDSN = "KCHAT_TEST_MYSQL_DSN"
	// EnvReadOnlyDSN, optional, is a DSN for an account granted SELECT on every
	// database; ReadOnlyDSN hands it out instead of creating a user per test.
	EnvReadOnlyDSN = "KCHAT_TEST_READONLY_DSN"
)

// opTimeout bounds each statement this package runs, so that a lock a test forgot to
// release fails that test with a message instead of hanging the binary.
const opTimeout = 30 * time.Second

// Database is one test's own database, dropped when the test ends.
type Database struct {
	Name string
	// DSN reaches the database as the server's root account, with parseTime=true and
	// loc=UTC, as the sidecar connects.
	DSN string
	// Embedded is true on the in-process engine, false on a real server.
	Embedded bool

	server server
	pool   *sql.DB // on DSN, for Exec
}

// server is where test databases are made.
type server struct {
	admin    *mysql.Config // root, no default database
	embedded bool
}

func (s server) String() string {
	if s.embedded {
		return "the embedded engine at " + s.admin.Addr
	}
	return fmt.Sprintf("%s at %s (user %s)", EnvDSN, s.admin.Addr, s.admin.User)
}

// sharedEngine is the embedded engine of this test binary. It is never closed: it
// lives exactly as long as the process, and its data only in memory.
var sharedEngine = sync.OnceValues(func() (*embedded.Server, error) {
	return embedded.Start(context.Background())
})

// NewDatabase creates an empty utf8mb4 database for tb and drops it when tb ends: on the
// server of KCHAT_TEST_MYSQL_DSN if that is set, on the shared embedded engine if not.
func NewDatabase(tb testing.TB) *Database {
	tb.Helper()
	return newDatabaseOn(tb, chooseServer(tb))
}

func chooseServer(tb testing.TB) server {
	tb.Helper()
	dsn := os.Getenv(EnvDSN)
	if dsn == "" {
		return embeddedServer(tb)
	}
	c, err := mysql.ParseDSN(dsn)
	if err != nil {
		// The error may quote the DSN, password included: say only what is wrong.
		tb.Fatalf("%s is not a go-sql-driver/mysql DSN such as root@tcp(127.0.0.1:3306)/", EnvDSN)
	}
	return server{admin: adminConfig(c)}
}

func embeddedServer(tb testing.TB) server {
	tb.Helper()
	engine, err := sharedEngine()
	if err != nil {
		tb.Fatalf("starting the embedded engine: %v", err)
	}
	c, err := mysql.ParseDSN(engine.DSN(""))
	if err != nil {
		tb.Fatalf("the embedded engine's own DSN: %v", err)
	}
	return server{admin: adminConfig(c), embedded: true}
}

func adminConfig(c *mysql.Config) *mysql.Config {
	c = c.Clone()
	c.DBName = ""
	c.ParseTime = true
	c.Loc = time.UTC
	if c.Timeout == 0 {
		c.Timeout = 5 * time.Second
	}
	return c
}

func newDatabaseOn(tb testing.TB, srv server) *Database {
	tb.Helper()
	name := "kchat_test_" + randomHex(8)
	// WordPress's own choice of collation on MariaDB and MySQL 5.6+; tables a test
	// creates without saying inherit it, as they would in a real site's database.
	srv.exec(tb, "CREATE DATABASE "+quoteIdent(name)+" CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci")
	c := srv.admin.Clone()
	c.DBName = name
	d := &Database{Name: name, DSN: c.FormatDSN(), Embedded: srv.embedded, server: srv}
	d.pool, _ = sql.Open("mysql", d.DSN) // only a malformed DSN fails, and this one was just formatted
	tb.Cleanup(func() {
		d.pool.Close()
		if err := srv.try("DROP DATABASE IF EXISTS " + quoteIdent(name)); err != nil {
			tb.Errorf("dropping test database %s on %s: %v", name, srv, err)
		}
	})
	return d
}

// exec runs one administrative statement, failing tb with a message that names the
// server, because an unreachable KCHAT_TEST_MYSQL_DSN must say so plainly.
func (s server) exec(tb testing.TB, stmt string) {
	tb.Helper()
	if err := s.try(stmt); err != nil {
		hint := ""
		if !s.embedded {
			hint = "; start that server or unset " + EnvDSN + " to test on the embedded engine"
			if os.Getenv("CI") == "true" {
				hint = "; CI runs the suite against MariaDB on purpose, so there is no fallback to the embedded engine"
			}
		}
		tb.Fatalf("%s: %s: %v%s", s, redact(stmt), err, hint)
	}
}

func (s server) try(stmt string) error {
	db, err := sql.Open("mysql", s.admin.FormatDSN())
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	_, err = db.ExecContext(ctx, stmt)
	return err
}

// Exec runs one statement with args in the database.
func (d *Database) Exec(tb testing.TB, query string, args ...any) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	if _, err := d.pool.ExecContext(ctx, query, args...); err != nil {
		tb.Fatalf("%s: %v", query, err)
	}
}

// LoadSQL runs a mysqldump-style script, statement by statement and in order, on one
// connection, since dumps set session variables early that later statements rely on.
// The first statement the server refuses fails tb, naming its line in the script.
func (d *Database) LoadSQL(tb testing.TB, script string) {
	tb.Helper()
	stmts, err := SplitStatements(script)
	if err != nil {
		tb.Fatalf("LoadSQL: %v", err)
	}
	// A pool of its own, closed afterwards, so the session state the script leaves
	// behind never reaches a connection of d.pool.
	db, _ := sql.Open("mysql", d.DSN)
	defer db.Close()
	conn, err := db.Conn(context.Background())
	if err != nil {
		tb.Fatalf("LoadSQL: connecting to %s: %v", d.server, err)
	}
	defer conn.Close()
	for _, st := range stmts {
		ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
		_, err := conn.ExecContext(ctx, st.SQL)
		cancel()
		if err != nil {
			tb.Fatalf("LoadSQL: line %d, on %s: %v\n%s", st.Line, d.server, err, abbreviate(st.SQL, 400))
		}
	}
}

// FixturePath is the absolute path of testdata/wordpress-6.1-site.sql in this
// repository, found from this source file so that a test in any package can load it.
// It relies on the compiler recording full source paths, which go test does unless
// -trimpath is given.
func FixturePath() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "wordpress-6.1-site.sql")
}

// LoadFixture loads the real WordPress 6.1 site of testdata/; its header says what is in
// it (users and passwords, JWT secret, the site's "today").
func (d *Database) LoadFixture(tb testing.TB) {
	tb.Helper()
	b, err := os.ReadFile(FixturePath())
	if err != nil {
		tb.Fatalf("LoadFixture: %v", err)
	}
	d.LoadSQL(tb, string(b))
}

// ReadOnlyDSN reaches this database as an account that may SELECT and nothing else, as
// the sidecar is meant to run. On a real server with KCHAT_TEST_READONLY_DSN set that
// account is the one it names, pointed at this database. Otherwise a new account with a
// random password is created, granted SELECT on this database alone, and dropped when
// tb ends — on the embedded engine too, whose account system enforces grants as
// MariaDB's does.
func (d *Database) ReadOnlyDSN(tb testing.TB) string {
	tb.Helper()
	if dsn := os.Getenv(EnvReadOnlyDSN); dsn != "" && !d.Embedded {
		c, err := mysql.ParseDSN(dsn)
		if err != nil {
			tb.Fatalf("%s is not a go-sql-driver/mysql DSN", EnvReadOnlyDSN)
		}
		c.DBName = d.Name
		c.ParseTime = true
		c.Loc = time.UTC
		return c.FormatDSN()
	}
	user, pass := "kchat_ro_"+randomHex(6), randomHex(16)
	account := quoteString(user) + "@'%'"
	d.server.exec(tb, "CREATE USER "+account+" IDENTIFIED BY "+quoteString(pass))
	tb.Cleanup(func() {
		if err := d.server.try("DROP USER " + account); err != nil {
			tb.Errorf("dropping read-only user %s on %s: %v", user, d.server, err)
		}
	})
	d.server.exec(tb, "GRANT SELECT ON "+quoteIdent(d.Name)+".* TO "+account)
	c := d.server.admin.Clone()
	c.User, c.Passwd, c.DBName = user, pass, d.Name
	return c.FormatDSN()
}

func randomHex(nBytes int) string {
	b := make([]byte, nBytes)
	rand.Read(b) // never fails since Go 1.24
	return hex.EncodeToString(b)
}

// quoteIdent and quoteString only ever see names and passwords made here from hex
// digits; they quote anyway so that the SQL reads as what it is.
func quoteIdent(name string) string { return "`" + strings.ReplaceAll(name, "`", "``") + "`" }

func quoteString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// redact hides the password of a CREATE USER statement in a failure message.
func redact(stmt string) string {
	if i := strings.Index(stmt, " IDENTIFIED BY "); i >= 0 {
		return stmt[:i] + " IDENTIFIED BY '…'"
	}
	return stmt
}

// abbreviate shortens s to about n bytes without splitting a UTF-8 sequence.
func abbreviate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + fmt.Sprintf("… (%d bytes in all)", len(s))
}
