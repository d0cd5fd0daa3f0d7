package sidecar_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/sidecar"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/netfixture"
)

// startMain runs the real program on 127.0.0.1:0 against the fixture, reading through a
// database user that may only SELECT.
func startMain(t *testing.T) (*sidecar.Main, *repotest.Database, *repotest.Buffer) {
	t.Helper()
	db := repotest.NewDatabase(t)
	db.LoadFixture(t)
	logs := &repotest.Buffer{}
	m := &sidecar.Main{
		Config: sidecar.Config{
			Listen: "127.0.0.1:0", ShutdownTimeout: 10 * time.Second, LogFormat: "json",
			Repository: repository.Config{DSN: db.ReadOnlyDSN(t), TablePrefix: "wp_", BlogID: 1, QueryTimeout: 5 * time.Second},
			API:        api.Config{JWTSecret: []byte(fixture.Secret)},
		},
		Log: logs,
	}
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return m, db, logs
}

func adminToken(t *testing.T) string {
	t.Helper()
	tok, err := auth.IssueToken([]byte(fixture.Secret), auth.TokenParams{Issuer: fixture.Home, UserID: 1, IssuedAt: time.Now(), TTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func get(t *testing.T, url, token string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func TestEndToEndReadOnly(t *testing.T) {
	m, db, logs := startMain(t)
	defer m.Close()
	base := "http://" + m.Addr()
	tok := adminToken(t)

	if resp, body := get(t, base+"/readyz", ""); resp.StatusCode != http.StatusOK {
		t.Fatalf("readyz: %d %s", resp.StatusCode, body)
	}
	resp, body := get(t, base+"/wp-json/kchat/v1/interactions/summary?period=monthly&start=2025-01-01&end=2025-12-31", tok)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("summary: %d %s", resp.StatusCode, body)
	}
	var s struct {
		Total   int64 `json:"total"`
		Buckets []struct {
			Count int64 `json:"count"`
		} `json:"buckets"`
	}
	if err := json.Unmarshal(body, &s); err != nil {
		t.Fatal(err)
	}
	var want int64
	root, err := sql.Open("mysql", db.DSN)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	if err := root.QueryRow("SELECT COALESCE(SUM(`count`),0) FROM wp_chatbot_chatgpt_interactions WHERE `date` BETWEEN '2025-01-01' AND '2025-12-31'").Scan(&want); err != nil {
		t.Fatal(err)
	}
	if s.Total != want || len(s.Buckets) != 12 {
		t.Errorf("2025 total %d in %d buckets, table says %d", s.Total, len(s.Buckets), want)
	}

	resp, body = get(t, base+"/wp-json/kchat/v1/interactions/export", tok)
	records, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if resp.StatusCode != http.StatusOK || err != nil {
		t.Fatalf("export: %d %v", resp.StatusCode, err)
	}
	var rows int
	if err := root.QueryRow("SELECT COUNT(*) FROM wp_chatbot_chatgpt_interactions").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if len(records) != rows+1 {
		t.Errorf("export has %d rows, table %d", len(records)-1, rows)
	}

	resp, _ = get(t, base+"/wp-json/kchat/v1/interactions", "")
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("no token: %d", resp.StatusCode)
	}
	if strings.Contains(logs.String(), tok) {
		t.Errorf("the log holds a token")
	}
}

// In-flight requests finish when the program is asked to stop; new ones are refused.
func TestGracefulShutdown(t *testing.T) {
	m, db, _ := startMain(t)
	base := "http://" + m.Addr()
	tok := adminToken(t)

	if db.Embedded {
		t.Skip("the embedded engine's LOCK TABLES does not block readers; CI runs this test against MariaDB")
	}
	// Hold a write lock so that the summary's read waits inside the handler.
	release := holdWriteLock(t, db, "wp_chatbot_chatgpt_interactions")
	type result struct {
		status int
		body   []byte
	}
	done := make(chan result, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodGet, base+"/wp-json/kchat/v1/interactions/summary", nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			done <- result{status: -1, body: []byte(err.Error())}
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		done <- result{resp.StatusCode, b}
	}()
	time.Sleep(500 * time.Millisecond) // let the request reach the database

	closed := make(chan error, 1)
	go func() { closed <- m.Close() }()
	time.Sleep(200 * time.Millisecond)
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Errorf("a new request was accepted during shutdown")
	}
	select {
	case <-closed:
		t.Fatalf("Close returned while a request was in flight")
	default:
	}
	release()
	r := <-done
	if r.status != http.StatusOK {
		t.Errorf("in-flight request: %d %s", r.status, r.body)
	}
	if err := <-closed; err != nil {
		t.Errorf("Close: %v", err)
	}
}

// The binary refuses a bad configuration with one line naming the setting, exit 2.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "kchat-sidecar")
	build := exec.Command("go", "build", "-o", bin, "../../kchat-sidecar")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

func TestBinaryBadConfiguration(t *testing.T) {
	bin := buildBinary(t)
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	secret := "JWT_AUTH_SECRET_KEY=" + fixture.Secret
	tests := []struct {
		env     []string
		setting string
	}{
		{nil, "JWT_AUTH_SECRET_KEY"},
		{[]string{"JWT_AUTH_SECRET_KEY=short"}, "JWT_AUTH_SECRET_KEY"},
		{[]string{secret, "WORDPRESS_TABLE_PREFIX=wp-"}, "WORDPRESS_TABLE_PREFIX"},
		{[]string{secret, "KCHAT_DB_DSN=nonsense"}, "KCHAT_DB_DSN"},
		// Addresses that cannot be bound: not an address, a port out of range, a port in
		// use, a name that does not resolve, an address of no interface here.
		{[]string{secret, "KCHAT_LISTEN=8080"}, "KCHAT_LISTEN"},
		{[]string{secret, "KCHAT_LISTEN=127.0.0.1:99999"}, "KCHAT_LISTEN"},
		{[]string{secret, "KCHAT_LISTEN=" + taken.Addr().String()}, "KCHAT_LISTEN"},
		{[]string{secret, "KCHAT_LISTEN=no-such-host.invalid:8080"}, "KCHAT_LISTEN"},
		{[]string{secret, "KCHAT_LISTEN=192.0.2.1:8080"}, "KCHAT_LISTEN"},
		{[]string{secret, "KCHAT_LISTEN=127.0.0.1:0", "KCHAT_METRICS_LISTEN=" + taken.Addr().String()}, "KCHAT_METRICS_LISTEN"},
	}
	for _, tt := range tests {
		// A setting taken for good starts the server, which would then serve forever.
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin)
		cmd.Env = append([]string{"PATH=" + os.Getenv("PATH")}, tt.env...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) || exitErr.ExitCode() != 2 {
			t.Errorf("%v: got %v, want exit status 2", tt.env, err)
		}
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		if len(lines) != 1 || !strings.Contains(lines[0], tt.setting) {
			t.Errorf("%v: stderr %q should be one line naming %s", tt.env, stderr.String(), tt.setting)
		}
	}

	// SIGTERM with nothing in flight: a clean exit.
	cmd := exec.Command(bin, "--listen", "127.0.0.1:0", "--db-dsn", "root@tcp(127.0.0.1:1)/none")
	cmd.Env = []string{"JWT_AUTH_SECRET_KEY=" + fixture.Secret}
	stderr := &repotest.Buffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(stderr.String(), `"serving"`) && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("exit after SIGTERM: %v\n%s", err, stderr.String())
	}
}

// holdWriteLock takes a write lock on table in its own session until release is called.
func holdWriteLock(t *testing.T, db *repotest.Database, table string) (release func()) {
	t.Helper()
	root, err := sql.Open("mysql", db.DSN)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := root.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(context.Background(), "LOCK TABLES `"+table+"` WRITE"); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	release = func() {
		once.Do(func() {
			conn.ExecContext(context.Background(), "UNLOCK TABLES")
			conn.Close()
			root.Close()
		})
	}
	t.Cleanup(release)
	return release
}

// SIGTERM while an export is running: the process stops accepting, lets the export
// finish whole, and exits 0.
func TestSIGTERMDrainsExport(t *testing.T) {
	db := repotest.NewDatabase(t)
	db.LoadFixture(t)
	if db.Embedded {
		t.Skip("holding the export needs a blocking LOCK TABLES, which the embedded engine lacks; CI runs this test against MariaDB")
	}
	bin := buildBinary(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "--listen", addr, "--db-dsn", db.ReadOnlyDSN(t), "--shutdown-timeout", "20s")
	cmd.Env = []string{"JWT_AUTH_SECRET_KEY=" + fixture.Secret}
	stderr := &repotest.Buffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(stderr.String(), `"serving"`) && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}

	release := holdWriteLock(t, db, "wp_chatbot_chatgpt_conversation_log")
	type result struct {
		status int
		body   []byte
		err    error
	}
	done := make(chan result, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodGet, "http://"+addr+"/wp-json/kchat/v1/conversations/export?escape_formulas=false", nil)
		req.Header.Set("Authorization", "Bearer "+adminToken(t))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			done <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		done <- result{resp.StatusCode, b, err}
	}()
	time.Sleep(300 * time.Millisecond) // the export waits for the lock, inside its handler
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		c.Close()
		t.Errorf("still accepting connections after SIGTERM")
	}
	release()
	r := <-done
	if r.err != nil || r.status != http.StatusOK {
		t.Fatalf("the in-flight export: %d %v", r.status, r.err)
	}
	records, err := csv.NewReader(bytes.NewReader(r.body)).ReadAll()
	if err != nil || len(records) != 401 || len(records[0]) != 11 {
		t.Errorf("the export is not whole: %d records, %v", len(records), err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("exit after draining: %v\n%s", err, stderr.String())
	}
}

// With KCHAT_METRICS_LISTEN, /metrics is served there and only there: the main address,
// the one a proxy forwards, no longer shows it; the metrics address shows nothing else.
func TestMetricsListen(t *testing.T) {
	db := repotest.NewDatabase(t)
	db.LoadFixture(t)
	m := &sidecar.Main{Config: sidecar.Config{
		Listen: "127.0.0.1:0", MetricsListen: "127.0.0.1:0", ShutdownTimeout: 5 * time.Second, LogFormat: "json",
		Repository: repository.Config{DSN: db.ReadOnlyDSN(t), TablePrefix: "wp_", BlogID: 1, QueryTimeout: 5 * time.Second},
		API:        api.Config{JWTSecret: []byte(fixture.Secret)},
	}}
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	closed := false
	defer func() {
		if !closed {
			m.Close()
		}
	}()
	if m.MetricsAddr() == "" || m.MetricsAddr() == m.Addr() {
		t.Fatalf("metrics address %q, main %q", m.MetricsAddr(), m.Addr())
	}
	main, metrics := "http://"+m.Addr(), "http://"+m.MetricsAddr()
	if resp, body := get(t, main+"/wp-json/kchat/v1/interactions/summary", adminToken(t)); resp.StatusCode != http.StatusOK {
		t.Fatalf("summary: %d %s", resp.StatusCode, body)
	}
	resp, body := get(t, metrics+"/metrics", "")
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `route="/wp-json/kchat/v1/interactions/summary"`) {
		t.Errorf("/metrics on its own address: %d\n%.2000s", resp.StatusCode, body)
	}
	if a := ask(t, main+"/metrics", ""); a.status != http.StatusNotFound || a.code != "rest_no_route" {
		t.Errorf("/metrics on the main address: %d %s, want 404 rest_no_route", a.status, a.code)
	}
	for _, path := range []string{"/readyz", "/wp-json/kchat/v1/interactions/summary", "/"} {
		if a := ask(t, metrics+path, adminToken(t)); a.status != http.StatusNotFound {
			t.Errorf("%s on the metrics address: %d, want 404", path, a.status)
		}
	}
	closed = true
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get(metrics + "/metrics"); err == nil {
		t.Errorf("the metrics address still answers after Close")
	}
}

// TestRunSetsMemoryLimit: Run hands the configured soft memory limit to the runtime.
func TestRunSetsMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
	db := repotest.NewDatabase(t)
	db.LoadFixture(t)
	const limit = 123 << 20
	m := &sidecar.Main{
		Config: sidecar.Config{
			Listen: "127.0.0.1:0", ShutdownTimeout: 10 * time.Second, LogFormat: "json", MemoryLimit: limit,
			Repository: repository.Config{DSN: db.ReadOnlyDSN(t), TablePrefix: "wp_", BlogID: 1, QueryTimeout: 5 * time.Second},
			API:        api.Config{JWTSecret: []byte(fixture.Secret)},
		},
		Log: &repotest.Buffer{},
	}
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("memory limit %d, want %d", got, limit)
	}
}

// With Network, the real program serves every site of the network fixture at its path.
func TestEndToEndNetwork(t *testing.T) {
	db := repotest.NewDatabase(t)
	db.LoadNetworkFixture(t)
	m := &sidecar.Main{
		Config: sidecar.Config{
			Listen: "127.0.0.1:0", ShutdownTimeout: 10 * time.Second, LogFormat: "json", Network: true,
			Repository: repository.Config{DSN: db.ReadOnlyDSN(t), TablePrefix: netfixture.BasePrefix, BlogID: 1, QueryTimeout: 5 * time.Second},
			API:        api.Config{JWTSecret: []byte(netfixture.Secret)},
		},
		Log: &repotest.Buffer{},
	}
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	tok, err := auth.IssueToken([]byte(netfixture.Secret), auth.TokenParams{Issuer: netfixture.Shop.Home,
		UserID: netfixture.ShopAdmin.ID, IssuedAt: time.Now(), TTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	send := func(host, path string) (int, string) {
		req, err := http.NewRequest(http.MethodGet, "http://"+m.Addr()+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = host
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	if code, body := send(netfixture.Domain, "/shop/wp-json/kchat/v1/interactions/summary"); code != http.StatusOK || !strings.Contains(body, `"timezone":"America/New_York"`) {
		t.Errorf("Shop's summary: %d %s", code, body)
	}
	if code, body := send(netfixture.Domain, "/wp-json/kchat/v1/interactions/summary"); code != http.StatusUnauthorized || !strings.Contains(body, "jwt_auth_bad_iss") {
		t.Errorf("Shop's token on the main site: %d %s", code, body)
	}
	if code, body := send("other.example.test", "/shop/wp-json/kchat/v1/interactions/summary"); code != http.StatusNotFound || !strings.Contains(body, "rest_no_route") {
		t.Errorf("unknown host: %d %s", code, body)
	}
	if code, _ := send("127.0.0.1", "/readyz"); code != http.StatusOK {
		t.Errorf("/readyz on the address: %d", code)
	}
}
