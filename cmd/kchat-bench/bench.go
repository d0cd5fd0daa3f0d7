package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/loadkit"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// The fixture's administrator and JWT key (see the header of the fixture).
const (
	adminLogin    = "admin"
	adminPassword = "admin-pass-123"
	fixtureSecret = "acceptance-secret-7f3a9c1e5b2d4f6a8c0e"
	logTable      = "`" + loadkit.LogTable + "`"
)

type bench struct {
	o      options
	log    io.Writer
	root   *sql.DB
	dbDSN  string // the bench database, for the sidecar
	client *mysql.Config
	tmp    string
	binary string
	seeded int
}

func newBench(ctx context.Context, o options, log io.Writer) (*bench, error) {
	mc, err := mysql.ParseDSN(o.dsn)
	if err != nil {
		return nil, fmt.Errorf("--dsn: %w", err)
	}
	if mc.DBName != "" {
		return nil, errors.New("--dsn must not name a database")
	}
	if !regexp.MustCompile(`^[A-Za-z0-9_]+$`).MatchString(o.database) {
		return nil, errors.New("--database: letters, digits and _ only")
	}
	b := &bench{o: o, log: log, client: mc}
	if b.root, err = sql.Open("mysql", o.dsn); err != nil {
		return nil, err
	}
	if err := b.root.PingContext(ctx); err != nil {
		return nil, fmt.Errorf("MariaDB at %s: %w", mc.Addr, err)
	}
	for _, tool := range []string{"mariadb", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			return nil, fmt.Errorf("%s not found on PATH", tool)
		}
	}
	if b.tmp, err = os.MkdirTemp("", "kchat-bench-"); err != nil {
		return nil, err
	}
	b.step("building kchat-sidecar")
	b.binary = filepath.Join(b.tmp, "kchat-sidecar")
	build := loadkit.BuildSidecar(ctx, ".", b.binary)
	build.Stdout, build.Stderr = log, log
	if err := build.Run(); err != nil {
		return nil, fmt.Errorf("go build: %w", err)
	}
	b.step("loading the fixture site into %s", o.database)
	if _, err := b.root.ExecContext(ctx, "DROP DATABASE IF EXISTS `"+o.database+"`"); err != nil {
		return nil, err
	}
	if _, err := b.root.ExecContext(ctx, "CREATE DATABASE `"+o.database+"` CHARACTER SET utf8mb4"); err != nil {
		return nil, err
	}
	f, err := os.Open(o.fixture)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	load := b.mariadb(ctx)
	load.Stdin = f
	if out, err := load.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("loading the fixture: %v: %s", err, out)
	}
	if _, err := b.root.ExecContext(ctx, "TRUNCATE TABLE `"+o.database+"`."+logTable); err != nil {
		return nil, err
	}
	dc := mc.Clone()
	dc.DBName = o.database
	b.dbDSN = dc.FormatDSN()
	return b, nil
}

func (b *bench) close() {
	if !b.o.keep && b.root != nil {
		b.root.Exec("DROP DATABASE IF EXISTS `" + b.o.database + "`")
	}
	if b.root != nil {
		b.root.Close()
	}
	if b.tmp != "" {
		os.RemoveAll(b.tmp)
	}
}

func (b *bench) step(format string, args ...any) {
	fmt.Fprintf(b.log, "kchat-bench: "+format+"\n", args...)
}

// mariadb is the mariadb client on the bench database.
func (b *bench) mariadb(ctx context.Context, args ...string) *exec.Cmd {
	return loadkit.MariaDB(ctx, b.client, b.o.database, args...)
}

// seed grows the log to n rows (loadkit.SeedLogSQL), spread over two years whatever n.
func (b *bench) seed(ctx context.Context, n int) error {
	if n <= b.seeded {
		return nil
	}
	b.step("seeding the log: rows %d to %d", b.seeded+1, n)
	if _, err := b.root.ExecContext(ctx, loadkit.SeedLogSQL(b.o.database, b.seeded+1, n, b.o.rows)); err != nil {
		return fmt.Errorf("seeding (needs MariaDB's SEQUENCE engine): %w", err)
	}
	b.seeded = n
	return nil
}

// sidecar is one running kchat-sidecar process.
type sidecar struct {
	cmd   *exec.Cmd
	base  string
	token string
}

func (b *bench) startSidecar(ctx context.Context) (*sidecar, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := l.Addr().String()
	l.Close()
	cmd := exec.CommandContext(ctx, b.binary)
	cmd.Env = append(os.Environ(), "KCHAT_LISTEN="+addr, "KCHAT_DB_DSN="+b.dbDSN, "JWT_AUTH_SECRET_KEY="+fixtureSecret,
		"KCHAT_QUERY_TIMEOUT=60s", "KCHAT_LOG_FORMAT=json")
	// Its log goes to /dev/null itself: a pipe would make this process copy every line,
	// on the same cores the measurements share.
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return nil, err
	}
	defer devnull.Close()
	cmd.Stdout, cmd.Stderr = devnull, devnull
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &sidecar{cmd: cmd, base: "http://" + addr}
	deadline := time.Now().Add(15 * time.Second)
	for {
		resp, err := http.Get(s.base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, fmt.Errorf("the sidecar did not become ready: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	resp, err := http.PostForm(s.base+"/wp-json/jwt-auth/v1/token", url.Values{"username": {adminLogin}, "password": {adminPassword}})
	if err != nil {
		s.stop()
		return nil, err
	}
	defer resp.Body.Close()
	var tok struct{ Token string }
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || tok.Token == "" {
		s.stop()
		return nil, fmt.Errorf("logging in: status %d, %v", resp.StatusCode, err)
	}
	s.token = tok.Token
	return s, nil
}

func (s *sidecar) stop() {
	s.cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		s.cmd.Process.Kill()
		<-done
	}
}

// memory reads the process's resident set now and its peak since it started, in bytes.
func (s *sidecar) memory() (rss, peak int64, err error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, value, _ := strings.Cut(sc.Text(), ":")
		kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(value), " kB"), 10, 64)
		switch name {
		case "VmRSS":
			rss = kb << 10
		case "VmHWM":
			peak = kb << 10
		}
	}
	return rss, peak, sc.Err()
}

// get fetches path with the token, reads the whole body as sent (compressed when
// encoding is gzip) and returns its size and time.
func (s *sidecar) get(ctx context.Context, path string, body io.Writer) (int64, time.Duration, error) {
	return s.getEncoded(ctx, path, "identity", body)
}

func (s *sidecar) getEncoded(ctx context.Context, path, encoding string, body io.Writer) (int64, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.base+path, nil)
	if err != nil {
		return 0, 0, err
	}
	req.Header.Set("Authorization", "Bearer "+s.token)
	req.Header.Set("Accept-Encoding", encoding)
	start := time.Now()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, 0, err
	}
	defer resp.Body.Close()
	if body == nil {
		body = io.Discard
	}
	n, err := io.Copy(body, resp.Body)
	took := time.Since(start)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("GET %s: status %d", path, resp.StatusCode)
	}
	return n, took, err
}

// timeClient runs a statement in the mariadb client into /dev/null, as --batch --quick
// streams it, and returns the wall time.
func (b *bench) timeClient(ctx context.Context, query string) (time.Duration, error) {
	cmd := b.mariadb(ctx, "--batch", "--quick", "-e", query)
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return 0, err
	}
	defer devnull.Close()
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = devnull, &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("mariadb: %v: %s", err, stderr.String())
	}
	return time.Since(start), nil
}

func median(d []time.Duration) time.Duration { return quantile(d, 0.5) }

// quantile is the nearest-rank quantile of d.
func quantile(d []time.Duration, q float64) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	i := int(float64(len(s))*q+0.999999) - 1
	return s[max(0, min(i, len(s)-1))]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

func machine() string {
	model := "unknown CPU"
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if name, value, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(name) == "model name" {
				model = strings.TrimSpace(value)
				break
			}
		}
	}
	var mem string
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		first, _, _ := strings.Cut(string(data), "\n")
		if kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(first, "MemTotal:")), " kB"), 10, 64); err == nil {
			mem = fmt.Sprintf(", %.0f GiB RAM", float64(kb)/(1<<20))
		}
	}
	return fmt.Sprintf("%d × %s%s, %s %s/%s", runtime.NumCPU(), model, mem, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

func exportSQL() string { return repository.LogExportSQL(logTable, false) }
