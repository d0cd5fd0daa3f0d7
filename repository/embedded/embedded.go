// Package embedded runs an in-process MySQL-compatible server (dolthub/go-mysql-server,
// in memory) that clients reach over TCP with go-sql-driver/mysql exactly as they would
// reach MariaDB. It exists for kchat-demo and for tests on machines with Go alone; the
// kchat-sidecar binary does not import it.
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
	"github.com/go-sql-driver/mysql"
	"github.com/sirupsen/logrus"
)

// Server is a running embedded engine.
type Server struct {
	srv  *server.Server
	addr string
	done chan error
	once sync.Once
}

var quietOnce sync.Once

// Start listens on a free port of 127.0.0.1 and serves until Close. Clients log in as
// root with no password.
func Start(ctx context.Context) (*Server, error) {
	// The engine logs through logrus's global logger; its chatter is not ours to show.
	quietOnce.Do(func() {
		logrus.SetOutput(io.Discard)
		logrus.SetLevel(logrus.ErrorLevel)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("embedded: %w", err)
	}
	pro := memory.NewDBProvider()
	engine := sqle.NewDefault(pro)
	cfg := server.Config{
		Protocol:        "tcp",
		Address:         ln.Addr().String(),
		Listener:        ln,
		Version:         "8.0.33-kchat-embedded",
		ConnReadTimeout: 0,
	}
	srv, err := server.NewServer(cfg, engine, sql.NewContext, memory.NewSessionBuilder(pro), nil)
	if err != nil {
		ln.Close()
		return nil, fmt.Errorf("embedded: %w", err)
	}
	s := &Server{srv: srv, addr: ln.Addr().String(), done: make(chan error, 1)}
	go func() { s.done <- srv.Start() }()
	if err := s.waitReady(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// waitReady dials until the server answers the MySQL handshake.
func (s *Server) waitReady(ctx context.Context) error {
	deadline := time.Now().Add(10 * time.Second)
	for {
		conn, err := net.DialTimeout("tcp", s.addr, time.Second)
		if err == nil {
			conn.Close()
			return nil
		}
		select {
		case err := <-s.done:
			return fmt.Errorf("embedded: server stopped: %v", err)
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return errors.New("embedded: server did not start")
		}
	}
}

// DSN is a go-sql-driver/mysql DSN for database (empty: no default database).
func (s *Server) DSN(database string) string {
	c := mysql.NewConfig()
	c.User = "root"
	c.Net = "tcp"
	c.Addr = s.addr
	c.DBName = database
	c.ParseTime = true
	c.Loc = time.UTC
	c.Params = map[string]string{"charset": "utf8mb4"}
	return c.FormatDSN()
}

// Close stops the server.
func (s *Server) Close() error {
	var err error
	s.once.Do(func() { err = s.srv.Close() })
	return err
}
