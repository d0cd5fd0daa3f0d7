// Package repotest gives each test its own freshly created database, on real MariaDB or
// MySQL when KCHAT_TEST_MYSQL_DSN is set and on the embedded engine otherwise, and loads
// mysqldump scripts such as the repository's WordPress fixture into it. Only tests import
// it.
package repotest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/repository/embedded"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/dump"
)

// Database is one test's own database, dropped when the test ends.
type Database struct {
	Name string
	// DSN reaches the database as a user who may do anything in it.
	DSN string
	// Embedded is true on the in-process engine, false on a real server.
	Embedded bool

	server *mysql.Config // root connection without a database
}

var (
	embeddedOnce sync.Once
	embeddedSrv  *embedded.Server
	embeddedErr  error
)

// NewDatabase creates an empty database for tb. With KCHAT_TEST_MYSQL_DSN set, on that
// server — and if it cannot be reached the test fails, it never skips. Otherwise on one
// embedded engine shared by the test binary.
func NewDatabase(tb testing.TB) *Database {
	tb.Helper()
	var root *mysql.Config
	isEmbedded := false
	if dsn := os.Getenv("KCHAT_TEST_MYSQL_DSN"); dsn != "" {
		c, err := mysql.ParseDSN(dsn)
		if err != nil {
			tb.Fatalf("KCHAT_TEST_MYSQL_DSN: %v", err)
		}
		root = c
	} else {
		embeddedOnce.Do(func() { embeddedSrv, embeddedErr = embedded.Start(context.Background()) })
		if embeddedErr != nil {
			tb.Fatalf("starting the embedded engine: %v", embeddedErr)
		}
		c, err := mysql.ParseDSN(embeddedSrv.DSN(""))
		if err != nil {
			tb.Fatal(err)
		}
		root, isEmbedded = c, true
	}
	root.DBName = ""
	root.ParseTime = true
	root.Loc = time.UTC
	if root.Timeout == 0 {
		root.Timeout = 5 * time.Second
	}

	name := "kchat_test_" + randomHex(6)
	admin := openRoot(tb, root)
	defer admin.Close()
	if _, err := admin.Exec("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"); err != nil {
		if isEmbedded {
			tb.Fatalf("creating test database: %v", err)
		}
		tb.Fatalf("creating test database on KCHAT_TEST_MYSQL_DSN (%s): %v", root.Addr, err)
	}
	tb.Cleanup(func() {
		db := openRoot(tb, root)
		defer db.Close()
		if _, err := db.Exec("DROP DATABASE IF EXISTS `" + name + "`"); err != nil {
			tb.Errorf("dropping test database %s: %v", name, err)
		}
	})
	c := root.Clone()
	c.DBName = name
	return &Database{Name: name, DSN: c.FormatDSN(), Embedded: isEmbedded, server: root}
}

func openRoot(tb testing.TB, c *mysql.Config) *sql.DB {
	tb.Helper()
	db, err := sql.Open("mysql", c.FormatDSN())
	if err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		tb.Fatalf("test database server %s does not answer: %v", c.Addr, err)
	}
	return db
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

func (d *Database) open(tb testing.TB) *sql.DB {
	tb.Helper()
	db, err := sql.Open("mysql", d.DSN)
	if err != nil {
		tb.Fatal(err)
	}
	return db
}

// Exec runs one statement in the database.
func (d *Database) Exec(tb testing.TB, query string, args ...any) {
	tb.Helper()
	db := d.open(tb)
	defer db.Close()
	if _, err := db.Exec(query, args...); err != nil {
		tb.Fatalf("%s: %v", query, err)
	}
}

// LoadSQL runs a mysqldump-style script, statement by statement, on one connection.
func (d *Database) LoadSQL(tb testing.TB, script string) {
	tb.Helper()
	db := d.open(tb)
	defer db.Close()
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close()
	for _, stmt := range SplitStatements(script) {
		if d.Embedded && skipOnEmbedded(stmt) {
			continue
		}
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			tb.Fatalf("loading SQL: %v\nstatement: %.300s", err, stmt)
		}
	}
}

// skipOnEmbedded names the dump statements that only juggle server state the embedded
// engine does not have (table locks, key toggles, saved session variables); the data do
// not depend on them. Anything else must run.
func skipOnEmbedded(stmt string) bool {
	s := strings.ToUpper(strings.TrimSpace(stmt))
	switch {
	case strings.HasPrefix(s, "LOCK TABLES"), strings.HasPrefix(s, "UNLOCK TABLES"):
		return true
	case strings.HasPrefix(s, "/*!40000 ALTER TABLE") && (strings.HasSuffix(s, "DISABLE KEYS */") || strings.HasSuffix(s, "ENABLE KEYS */")):
		return true
	case strings.HasPrefix(s, "/*!") && strings.Contains(s, " SET ") && strings.Contains(s, "@"):
		return true // /*!40101 SET @OLD_… = @@… */ and the restores
	case strings.HasPrefix(s, "/*M!999999"):
		return true // MariaDB's sandbox-mode marker
	}
	return false
}

// FixturePath is the absolute path of testdata/wordpress-6.1-site.sql in this
// repository.
func FixturePath() string { return dump.Path() }

// NetworkFixturePath is the absolute path of testdata/wordpress-network.sql.
func NetworkFixturePath() string { return dump.NetworkPath() }

// scripts holds each dump read once per test binary, by path.
var scripts struct {
	sync.Mutex
	text map[string]string
}

func (d *Database) loadFile(tb testing.TB, path string) {
	tb.Helper()
	scripts.Lock()
	text, ok := scripts.text[path]
	if !ok {
		b, err := os.ReadFile(path)
		if err != nil {
			scripts.Unlock()
			tb.Fatal(err)
		}
		if scripts.text == nil {
			scripts.text = map[string]string{}
		}
		text = string(b)
		scripts.text[path] = text
	}
	scripts.Unlock()
	d.LoadSQL(tb, text)
}

// LoadFixture loads the real WordPress 6.1 site of testdata/ (see its header).
func (d *Database) LoadFixture(tb testing.TB) {
	tb.Helper()
	d.loadFile(tb, FixturePath())
}

// LoadNetworkFixture loads the WordPress multisite network of testdata/ (see its header
// and package netfixture).
func (d *Database) LoadNetworkFixture(tb testing.TB) {
	tb.Helper()
	d.loadFile(tb, NetworkFixturePath())
}

// ReadOnlyDSN reaches this database as a user granted SELECT and nothing else. CI
// provides one with KCHAT_TEST_READONLY_DSN; otherwise one is created for the test and
// dropped after it. The embedded engine has no privilege system worth the name, so there
// it is the ordinary DSN — which is why CI runs the suite against MariaDB too.
func (d *Database) ReadOnlyDSN(tb testing.TB) string {
	tb.Helper()
	if d.Embedded {
		return d.DSN
	}
	if dsn := os.Getenv("KCHAT_TEST_READONLY_DSN"); dsn != "" {
		c, err := mysql.ParseDSN(dsn)
		if err != nil {
			tb.Fatalf("KCHAT_TEST_READONLY_DSN: %v", err)
		}
		c.DBName = d.Name
		c.ParseTime = true
		c.Loc = time.UTC
		return c.FormatDSN()
	}
	user := "kchat_ro_" + randomHex(4)
	pass := randomHex(12)
	admin := openRoot(tb, d.server)
	defer admin.Close()
	for _, stmt := range []string{
		fmt.Sprintf("CREATE USER '%s'@'%%' IDENTIFIED BY '%s'", user, pass),
		fmt.Sprintf("GRANT SELECT ON `%s`.* TO '%s'@'%%'", d.Name, user),
	} {
		if _, err := admin.Exec(stmt); err != nil {
			tb.Fatalf("%s: %v", stmt, err)
		}
	}
	tb.Cleanup(func() {
		db := openRoot(tb, d.server)
		defer db.Close()
		db.Exec(fmt.Sprintf("DROP USER '%s'@'%%'", user))
	})
	c := d.server.Clone()
	c.User, c.Passwd, c.DBName = user, pass, d.Name
	return c.FormatDSN()
}
