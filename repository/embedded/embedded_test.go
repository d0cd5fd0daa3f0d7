package embedded_test

import (
	"context"
	"database/sql"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/repository/embedded"
)

func start(t *testing.T) *embedded.Server {
	t.Helper()
	s, err := embedded.Start(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func open(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func exec(t *testing.T, db *sql.DB, query string, args ...any) {
	t.Helper()
	if _, err := db.Exec(query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

func TestDSN(t *testing.T) {
	s := start(t)
	host, port, err := net.SplitHostPort(s.Addr())
	if err != nil || host != "127.0.0.1" || port == "0" {
		t.Errorf("Addr %q: want 127.0.0.1 and a port", s.Addr())
	}
	dsn := s.DSN("site")
	c, err := mysql.ParseDSN(dsn)
	if err != nil {
		t.Fatal(err)
	}
	if c.User != "root" || c.Passwd != "" || c.Net != "tcp" || c.Addr != s.Addr() || c.DBName != "site" ||
		!c.ParseTime || c.Loc != time.UTC || !strings.Contains(dsn, "charset=utf8mb4") {
		t.Errorf("DSN %s: want root without password over TCP to %s, database site, parseTime, UTC, utf8mb4", dsn, s.Addr())
	}
	var charset string
	if err := open(t, s.DSN("")).QueryRow("SELECT @@character_set_client").Scan(&charset); err != nil || charset != "utf8mb4" {
		t.Errorf("character_set_client: got %q, %v; want utf8mb4", charset, err)
	}
}

// Databases come and go through SQL, and DATE and DATETIME arrive as time.Time in UTC.
func TestDatabasesThroughSQL(t *testing.T) {
	s := start(t)
	root := open(t, s.DSN(""))
	exec(t, root, "CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci")
	db := open(t, s.DSN("wordpress"))
	exec(t, db, "CREATE TABLE days (`date` date PRIMARY KEY, at datetime, label varchar(20))")
	exec(t, db, "INSERT INTO days VALUES (?, ?, ?)", "2026-11-25", "2026-11-25 13:14:15", "emoji 😀")
	var date, at time.Time
	var label string
	if err := db.QueryRow("SELECT `date`, at, label FROM days").Scan(&date, &at, &label); err != nil {
		t.Fatal(err)
	}
	if got, want := date, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC); !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("date: got %v, want %v", got, want)
	}
	if got, want := at, time.Date(2026, 11, 25, 13, 14, 15, 0, time.UTC); !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("datetime: got %v, want %v", got, want)
	}
	if label != "emoji 😀" {
		t.Errorf("label: got %q", label)
	}
	exec(t, root, "DROP DATABASE wordpress")
	if _, err := db.Exec("SELECT 1 FROM days"); err == nil {
		t.Error("the dropped database still answers")
	}
}

// Grants are enforced: an account granted SELECT reads and cannot write, and a wrong
// password is refused.
func TestAccounts(t *testing.T) {
	s := start(t)
	root := open(t, s.DSN(""))
	exec(t, root, "CREATE DATABASE shop")
	exec(t, root, "CREATE TABLE shop.items (id int PRIMARY KEY)")
	exec(t, root, "INSERT INTO shop.items VALUES (1)")
	exec(t, root, "CREATE USER 'reader'@'%' IDENTIFIED BY 'pw-123'")
	exec(t, root, "GRANT SELECT ON shop.* TO 'reader'@'%'")

	c, _ := mysql.ParseDSN(s.DSN("shop"))
	c.User, c.Passwd = "reader", "pw-123"
	reader := open(t, c.FormatDSN())
	var n int
	if err := reader.QueryRow("SELECT COUNT(*) FROM items").Scan(&n); err != nil || n != 1 {
		t.Errorf("reader: %d rows, %v", n, err)
	}
	for _, stmt := range []string{"INSERT INTO items VALUES (2)", "DELETE FROM items", "CREATE TABLE x (a int)", "CREATE DATABASE other"} {
		if _, err := reader.Exec(stmt); err == nil {
			t.Errorf("reader could run %s", stmt)
		}
	}
	c.Passwd = "wrong"
	if err := open(t, c.FormatDSN()).Ping(); err == nil {
		t.Error("a wrong password was accepted")
	}
}

// Servers started at the same time hold separate data, and a closed server stops
// answering.
func TestConcurrentServers(t *testing.T) {
	servers := make([]*embedded.Server, 3)
	var wg sync.WaitGroup
	for i := range servers {
		wg.Go(func() {
			s, err := embedded.Start(context.Background())
			if err != nil {
				t.Error(err)
				return
			}
			servers[i] = s
		})
	}
	wg.Wait()
	for _, s := range servers {
		if s == nil {
			t.FailNow()
		}
		t.Cleanup(func() { s.Close() })
	}
	for i, s := range servers {
		root := open(t, s.DSN(""))
		exec(t, root, "CREATE DATABASE d")
		exec(t, root, "CREATE TABLE d.t (v int)")
		exec(t, root, "INSERT INTO d.t VALUES (?)", i)
	}
	for i, s := range servers {
		var got []int
		rows, err := open(t, s.DSN("d")).Query("SELECT v FROM t")
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var v int
			if err := rows.Scan(&v); err != nil {
				t.Fatal(err)
			}
			got = append(got, v)
		}
		if len(got) != 1 || got[0] != i {
			t.Errorf("server %d holds %v, want [%d]", i, got, i)
		}
	}

	s := servers[0]
	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if conn, err := net.DialTimeout("tcp", s.Addr(), time.Second); err == nil {
		conn.Close()
		t.Error("a closed server still accepts connections")
	}
}

func TestStartHonoursContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if s, err := embedded.Start(ctx); err == nil {
		s.Close()
		t.Error("Start with a cancelled context succeeded")
	}
}
