// Package embedded runs an in-process MySQL-compatible server (dolthub/go-mysql-server
// with its in-memory storage) that clients reach over TCP with go-sql-driver/mysql exactly
// as they would reach MariaDB. It exists for kchat-demo and for tests on machines that
// have Go and nothing else; the kchat-sidecar binary must not import it, so that the
// engine is never linked into production. Its account system is switched on, with a
// password-less root, so that tests can create SELECT-only users and see writes refused
// just as on a real server.
package embedded

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"time"

	sqle "github.com/dolthub/go-mysql-server"
	"github.com/dolthub/go-mysql-server/memory"
	"github.com/dolthub/go-mysql-server/server"
	"github.com/dolthub/go-mysql-server/sql"
	"github.com/dolthub/go-mysql-server/sql/analyzer"
	"github.com/dolthub/go-mysql-server/sql/mysql_db"
	"github.com/go-sql-driver/mysql"
	"github.com/sirupsen/logrus"
)

// Server is a running embedded engine. Its data live only in memory and are gone after
// Close.
type Server struct {
	srv    *server.Server
	engine *sqle.Engine
	addr   string
	done   chan struct{}
	close  sync.Once
}

// setupMu serialises building engines: go-mysql-server fills process-wide variable
// tables the first time an engine is made, without a lock of its own, and it writes to
// logrus's process-wide logger.
var setupMu sync.Mutex

// Start listens on a free port of 127.0.0.1 and serves until Close. Clients log in as
// root with no password; CREATE DATABASE, DROP DATABASE, CREATE USER and GRANT work
// through SQL.
func Start(ctx context.Context) (*Server, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("embedded: %w", err)
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("embedded: %w", err)
	}

	setupMu.Lock()
	// The engine logs every connection and every failed query through logrus's
	// package-level functions, so only the global logger can silence it. Nothing else in
	// this module logs through logrus. Errors still reach the client that caused them.
	logrus.SetOutput(io.Discard)
	logrus.SetLevel(logrus.PanicLevel)
	pro := memory.NewDBProvider()
	// IncludeRootAccount switches the account system on; without it every client may do
	// everything and a SELECT-only grant would mean nothing.
	engine := sqle.New(analyzer.NewDefault(pro), &sqle.Config{IncludeRootAccount: true})
	// CREATE USER and GRANT hand the account tables to a persister and crash the
	// connection when there is none; accounts here live in memory like everything else.
	engine.Analyzer.Catalog.MySQLDb.SetPersister(&mysql_db.NoopPersister{})
	srv, err := server.NewServer(server.Config{
		Protocol: "tcp",
		Address:  ln.Addr().String(),
		Listener: ln,
	}, engine, sql.NewContext, memory.NewSessionBuilder(pro), nil)
	setupMu.Unlock()
	if err != nil {
		ln.Close()
		engine.Close()
		return nil, fmt.Errorf("embedded: %w", err)
	}

	s := &Server{srv: srv, engine: engine, addr: ln.Addr().String(), done: make(chan struct{})}
	// The listener is already bound, so clients that dial before Accept runs wait in the
	// backlog rather than fail: no readiness probe is needed.
	go func() {
		defer close(s.done)
		srv.Start() // returns nil once Close shuts the listener
	}()
	return s, nil
}

// Addr is host:port.
func (s *Server) Addr() string { return s.addr }

// DSN is a go-sql-driver/mysql DSN for root on database (empty: no default database),
// with the options the sidecar itself uses: DATE and DATETIME arrive as time.Time in UTC,
// text as utf8mb4.
func (s *Server) DSN(database string) string {
	c := mysql.NewConfig()
	c.User = "root"
	c.Net = "tcp"
	c.Addr = s.addr
	c.DBName = database
	c.ParseTime = true
	c.Loc = time.UTC
	c.Timeout = 5 * time.Second
	c.Params = map[string]string{"charset": "utf8mb4"}
	return c.FormatDSN()
}

// Close stops accepting connections, ends the queries still running and waits for the
// accept loop to finish. Calling it again does nothing.
func (s *Server) Close() error {
	var err error
	s.close.Do(func() {
		err = s.srv.Close()
		// The engine stops its background work by cancelling a context, and its Close
		// returns that cancellation as though it were a failure.
		if e := s.engine.Close(); err == nil && !errors.Is(e, context.Canceled) {
			err = e
		}
		<-s.done
	})
	return err
}
