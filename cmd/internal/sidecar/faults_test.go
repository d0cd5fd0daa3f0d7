package sidecar_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/sidecar"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
)

// dbSwitch stands between the sidecar and the database at a fixed address: up, it
// forwards connections; down, nothing listens there and every open connection is cut,
// which is what the sidecar sees when the database restarts.
type dbSwitch struct {
	t      *testing.T
	addr   string
	target string

	mu    sync.Mutex
	ln    net.Listener
	conns map[net.Conn]struct{}
}

func newDBSwitch(t *testing.T, target string) *dbSwitch {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &dbSwitch{t: t, addr: ln.Addr().String(), target: target, conns: map[net.Conn]struct{}{}}
	ln.Close() // down until up is called
	t.Cleanup(s.down)
	return s
}

func (s *dbSwitch) up() {
	s.t.Helper()
	ln, err := net.Listen("tcp", s.addr)
	if err != nil {
		s.t.Fatal(err)
	}
	s.mu.Lock()
	s.ln = ln
	s.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go s.forward(c)
		}
	}()
}

func (s *dbSwitch) forward(c net.Conn) {
	d, err := net.Dial("tcp", s.target)
	if err != nil {
		c.Close()
		return
	}
	s.mu.Lock()
	if s.ln == nil { // went down meanwhile
		s.mu.Unlock()
		c.Close()
		d.Close()
		return
	}
	s.conns[c], s.conns[d] = struct{}{}, struct{}{}
	s.mu.Unlock()
	done := make(chan struct{}, 2)
	go func() { io.Copy(d, c); done <- struct{}{} }()
	go func() { io.Copy(c, d); done <- struct{}{} }()
	<-done
	c.Close()
	d.Close()
	s.mu.Lock()
	delete(s.conns, c)
	delete(s.conns, d)
	s.mu.Unlock()
}

func (s *dbSwitch) down() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln != nil {
		s.ln.Close()
		s.ln = nil
	}
	for c := range s.conns {
		c.Close()
		delete(s.conns, c)
	}
}

// dsnVia rewrites dsn to reach the database through addr.
func dsnVia(t *testing.T, dsn, addr string) (via, target string) {
	t.Helper()
	mc, err := mysql.ParseDSN(dsn)
	if err != nil {
		t.Fatal(err)
	}
	target = mc.Addr
	mc.Net, mc.Addr = "tcp", addr
	return mc.FormatDSN(), target
}

type answer struct {
	status int
	code   string
	took   time.Duration
}

func ask(t *testing.T, url, token string) answer {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	start := time.Now()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var e struct{ Code string }
	json.Unmarshal(body, &e)
	return answer{resp.StatusCode, e.Code, time.Since(start)}
}

// settle waits for the goroutine count to come back to at most want.
func settle(want int) int {
	n := runtime.NumGoroutine()
	for deadline := time.Now().Add(3 * time.Second); n > want && time.Now().Before(deadline); n = runtime.NumGoroutine() {
		time.Sleep(50 * time.Millisecond)
	}
	return n
}

// The database is down when the sidecar starts, comes up, goes down again and comes
// back: the sidecar starts anyway, answers 503 kchat_db_unavailable within its query
// timeout while the database is away, and recovers within 5 s each time on its own.
// Afterwards no goroutine and no connection is left behind.
func TestDatabaseFaults(t *testing.T) {
	_, db, _ := startMain(t) // a fixture database and its read-only user
	http.DefaultClient.CloseIdleConnections()
	baseline := runtime.NumGoroutine()
	via, target := dsnVia(t, db.ReadOnlyDSN(t), "")
	sw := newDBSwitch(t, target)
	via, _ = dsnVia(t, via, sw.addr)

	const queryTimeout = time.Second
	m := &sidecar.Main{Config: sidecar.Config{
		Listen: "127.0.0.1:0", ShutdownTimeout: 5 * time.Second, LogFormat: "json",
		Repository: repository.Config{DSN: via, TablePrefix: "wp_", BlogID: 1, QueryTimeout: queryTimeout,
			MaxOpenConns: 4, MaxIdleConns: 4, ConnMaxLifetime: time.Minute, ConnMaxIdleTime: time.Minute},
		API: api.Config{JWTSecret: []byte(fixture.Secret)},
	}}
	if err := m.Run(context.Background()); err != nil {
		t.Fatalf("the sidecar must start while the database is down: %v", err)
	}
	base := "http://" + m.Addr()
	tok := adminToken(t)
	routes := []string{"/wp-json/kchat/v1/interactions/summary", "/wp-json/kchat/v1/conversations/summary", "/wp-json/kchat/v1/interactions?per_page=5"}

	wantDown := func(when string) {
		t.Helper()
		if a := ask(t, base+"/healthz", ""); a.status != http.StatusOK {
			t.Errorf("%s: /healthz %d", when, a.status)
		}
		// /readyz shares one probe a second, so it may tell the news up to a second late.
		for start := time.Now(); ; time.Sleep(50 * time.Millisecond) {
			a := ask(t, base+"/readyz", "")
			if a.status == http.StatusServiceUnavailable {
				break
			}
			if time.Since(start) > 1500*time.Millisecond {
				t.Errorf("%s: /readyz still %d 1.5 s on", when, a.status)
				break
			}
		}
		for _, r := range routes {
			a := ask(t, base+r, tok)
			if a.status != http.StatusServiceUnavailable || a.code != "kchat_db_unavailable" || a.took > queryTimeout+time.Second {
				t.Errorf("%s: %s → %d %s in %v, want 503 kchat_db_unavailable within %v", when, r, a.status, a.code, a.took, queryTimeout)
			}
		}
	}
	wantBack := func(when string) {
		t.Helper()
		start := time.Now()
		var routesBack time.Duration
		for _, r := range append(routes, "/readyz") {
			for {
				a := ask(t, base+r, tok)
				if a.status == http.StatusOK {
					break
				}
				if time.Since(start) > 5*time.Second {
					t.Fatalf("%s: %s still %d %s 5 s after the database came back", when, r, a.status, a.code)
				}
				time.Sleep(100 * time.Millisecond)
			}
			if r != "/readyz" {
				routesBack = time.Since(start)
			}
		}
		// /readyz may repeat its shared failure for up to a second.
		t.Logf("%s: every data route answered 200 %v after the database came back, /readyz %v", when,
			routesBack.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	}

	wantDown("started while the database was down")
	sw.up()
	wantBack("first start")
	sw.down() // a restart: every pooled connection is cut
	wantDown("database restarting")
	sw.up()
	wantBack("after the restart")

	if s := m.DBStats(); s.InUse != 0 || s.OpenConnections > 4 {
		t.Errorf("pool after the faults: %+v", s)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	sw.down()
	http.DefaultClient.CloseIdleConnections()
	if n := settle(baseline); n > baseline {
		buf := make([]byte, 1<<16)
		t.Errorf("goroutines: %d before, %d after\n%s", baseline, n, buf[:runtime.Stack(buf, true)])
	}
}

// A read stuck behind a table lock ends in 503 at the query timeout, and neither the
// sidecar's connection nor the server's thread stays behind waiting.
func TestStalledQuery(t *testing.T) {
	_, db, _ := startMain(t)
	if db.Embedded {
		t.Skip("the embedded engine's LOCK TABLES does not block readers; CI runs this test against MariaDB")
	}
	const queryTimeout = time.Second
	m := &sidecar.Main{Config: sidecar.Config{
		Listen: "127.0.0.1:0", ShutdownTimeout: 5 * time.Second, LogFormat: "json",
		Repository: repository.Config{DSN: db.ReadOnlyDSN(t), TablePrefix: "wp_", BlogID: 1, QueryTimeout: queryTimeout,
			MaxOpenConns: 2, MaxIdleConns: 2, ConnMaxLifetime: time.Minute, ConnMaxIdleTime: time.Minute},
		API: api.Config{JWTSecret: []byte(fixture.Secret)},
	}}
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	base := "http://" + m.Addr()
	tok := adminToken(t)
	if a := ask(t, base+"/wp-json/kchat/v1/interactions/summary", tok); a.status != http.StatusOK {
		t.Fatalf("before the lock: %d", a.status)
	}
	release := holdWriteLock(t, db, "wp_chatbot_chatgpt_interactions")
	// More stalled requests than the pool has connections: each still ends in time.
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := ask(t, base+"/wp-json/kchat/v1/interactions/summary?start=2026-01-01", tok)
			if a.status != http.StatusServiceUnavailable || a.code != "kchat_db_unavailable" || a.took > 2*queryTimeout+time.Second {
				t.Errorf("stalled: %d %s in %v", a.status, a.code, a.took)
			}
		}()
	}
	wg.Wait()
	// The driver may still be closing a canceled connection as the 503 goes out.
	for deadline := time.Now().Add(3 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		s := m.DBStats()
		if s.InUse == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("connections still in use 3 s after the 503s: %+v", s)
			break
		}
	}
	// The server gave up on the waiting reads too (lock_wait_timeout).
	root, err := sql.Open("mysql", db.DSN)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	deadline := time.Now().Add(3 * time.Second)
	for {
		var waiting int
		if err := root.QueryRow("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE STATE LIKE '%lock%' AND INFO LIKE '%chatbot_chatgpt_interactions%' AND INFO NOT LIKE '%PROCESSLIST%'").Scan(&waiting); err != nil {
			t.Fatal(err)
		}
		if waiting == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d server threads still wait for the lock after their requests ended", waiting)
		}
		time.Sleep(100 * time.Millisecond)
	}
	release()
	if a := ask(t, base+"/wp-json/kchat/v1/interactions/summary", tok); a.status != http.StatusOK {
		t.Errorf("after the lock: %d", a.status)
	}
}
