package main

import (
	"context"
	"database/sql"
	"net"
	"slices"
	"sync"
	"testing"

	"github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/repository"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
)

// recorder keeps the SQL text of every COM_QUERY and COM_STMT_PREPARE a client sends.
type recorder struct {
	mu    sync.Mutex
	sent  []byte // what the client wrote and was not yet split into packets
	stmts []string
}

type recordingConn struct {
	net.Conn
	r *recorder
}

func (c recordingConn) Write(p []byte) (int, error) {
	c.r.mu.Lock()
	c.r.sent = append(c.r.sent, p...)
	for len(c.r.sent) >= 4 {
		n := int(c.r.sent[0]) | int(c.r.sent[1])<<8 | int(c.r.sent[2])<<16
		if len(c.r.sent) < 4+n {
			break
		}
		if payload := c.r.sent[4 : 4+n]; n > 0 && (payload[0] == 0x03 || payload[0] == 0x16) {
			c.r.stmts = append(c.r.stmts, string(payload[1:]))
		}
		c.r.sent = c.r.sent[4+n:]
	}
	c.r.mu.Unlock()
	return c.Conn.Write(p)
}

func (r *recorder) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.stmts
	r.stmts = nil
	return s
}

// The bench times its own copies of the sidecar's statements in the mariadb client: they
// must be, to the letter, what the repository sends for a whole-log export and for a
// summary's scan of the log and for Insights' range read, or the comparison compares
// different work.
func TestSameSQL(t *testing.T) {
	db := repotest.NewDatabase(t)
	db.LoadFixture(t)
	rec := &recorder{}
	mysql.RegisterDialContext("kchat-bench-record", func(ctx context.Context, addr string) (net.Conn, error) {
		c, err := (&net.Dialer{}).DialContext(ctx, "tcp", addr)
		if err != nil {
			return nil, err
		}
		return recordingConn{c, rec}, nil
	})
	mc, err := mysql.ParseDSN(db.DSN)
	if err != nil {
		t.Fatal(err)
	}
	if mc.Net != "tcp" {
		t.Skipf("the test database is reached over %s", mc.Net)
	}
	mc.Net = "kchat-bench-record"
	repo, err := repository.Open(repository.Config{DSN: mc.FormatDSN()})
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	ctx := context.Background()
	if err := repo.EachLogRow(ctx, repository.DateRange{}, false, func([]sql.NullString) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if got := rec.take(); !slices.Contains(got, exportSQL) {
		t.Errorf("a whole-log export sends %q\nthe bench times %q", got, exportSQL)
	}
	if err := repo.EachLogEntry(ctx, 0, 1<<40, func(*repository.LogEntry) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if got := rec.take(); !slices.Contains(got, entrySQL) {
		t.Errorf("a summary's scan sends %q\nthe bench times %q", got, entrySQL)
	}
	if err := repo.EachInsightRow(ctx, "2024-12-31 23:30:00", 0, 1<<40, func(*repository.InsightRow) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if got, want := rec.take(), insightsRead("2024-12-31 23:30:00", 1<<40); !slices.Contains(got, want) {
		t.Errorf("an Insights range read sends %q\nthe bench times %q", got, want)
	}
}
