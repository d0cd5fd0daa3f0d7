// Command kchat-soak is a bounded soak test of the real kchat-sidecar binary: many
// keep-alive clients send a weighted mix of good and bad requests for a fixed time while
// the database is stopped and started again half-way, and it prints a Markdown report
// with a PASS/FAIL verdict (exit status 1 on FAIL).
//
//	go run ./cmd/kchat-soak                                    # 200 connections, 60 s
//	go run ./cmd/kchat-soak --connections 50 --duration 20s --rows 20000
//
// By default it runs its own MariaDB (mariadb-install-db and mariadbd, in a temporary
// directory, on a free 127.0.0.1 port), so that stopping the database disturbs nothing
// else on the machine. With --dsn it uses an existing server instead, and --restart-cmd
// is the shell command that restarts that server. Everything listens on 127.0.0.1 only,
// and everything it starts is stopped and removed when it ends, Ctrl-C included.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/loadkit"
)

// errFailed is returned after a report whose verdict is FAIL.
var errFailed = errors.New("verdict: FAIL")

type options struct {
	connections    int
	duration       time.Duration
	maxRequests    int64
	restartAt      time.Duration
	downFor        time.Duration
	noRestart      bool
	rows           int
	fixture        string
	repo           string
	dsn            string
	restartCmd     string
	database       string
	requestTimeout time.Duration
	queryTimeout   time.Duration
	settle         time.Duration
	mariadbd       string
	installDB      string
	keep           bool
	gzipShare      float64
	cutProbes      int
	weights        map[string]int
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	case errors.Is(err, errFailed):
		os.Exit(1)
	default:
		fmt.Fprintf(os.Stderr, "kchat-soak: %v\n", err)
		os.Exit(1)
	}
}

func parseOptions(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("kchat-soak", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&o.connections, "connections", 200, "concurrent clients, each on its own keep-alive connection")
	fs.DurationVar(&o.duration, "duration", 60*time.Second, "how long traffic runs")
	fs.Int64Var(&o.maxRequests, "max-requests", 2_000_000, "stop earlier once this many requests were sent")
	fs.DurationVar(&o.restartAt, "restart-at", 0, "when, from the start of traffic, the database is stopped (0: half of --duration)")
	fs.DurationVar(&o.downFor, "down-for", 5*time.Second, "how long the database stays stopped (private instance only)")
	fs.BoolVar(&o.noRestart, "no-restart", false, "leave the database running throughout")
	fs.IntVar(&o.rows, "rows", 100_000, "conversation log rows to seed")
	fs.StringVar(&o.fixture, "fixture", "testdata/wordpress-6.1-site.sql", "WordPress dump to load (relative paths: from the current directory, else from the repository root)")
	fs.StringVar(&o.repo, "repo", "", "repository root holding ./cmd/kchat-sidecar (default: found from the current directory)")
	fs.StringVar(&o.dsn, "dsn", "", "use this existing server instead of a private one: a go-sql-driver DSN of an account that may create databases and users, without a database name")
	fs.StringVar(&o.restartCmd, "restart-cmd", "", "with --dsn: shell command that restarts that server (it gets KCHAT_SOAK_DOWN_FOR in seconds); empty: no restart")
	fs.StringVar(&o.database, "database", "kchat_soak", "database to create and fill")
	fs.DurationVar(&o.requestTimeout, "request-timeout", 30*time.Second, "client timeout of each request, body included")
	fs.DurationVar(&o.queryTimeout, "query-timeout", 10*time.Second, "the sidecar's KCHAT_QUERY_TIMEOUT (its default)")
	fs.DurationVar(&o.settle, "settle", 10*time.Second, "wait after traffic before the last memory reading")
	fs.StringVar(&o.mariadbd, "mariadbd", "/usr/sbin/mariadbd", "MariaDB server binary for the private instance")
	fs.StringVar(&o.installDB, "install-db", "/usr/bin/mariadb-install-db", "mariadb-install-db for the private instance")
	fs.Float64Var(&o.gzipShare, "gzip", 2.0/3, "share of requests that accept gzip (the rest ask for identity)")
	fs.IntVar(&o.cutProbes, "cut-probes", 4, "whole-log exports read slowly across the database stop, each of which must end whole or broken, never short")
	var weights string
	fs.StringVar(&weights, "weights", "", "change the mix: comma-separated id=weight (ids: isum csum tsum rows iexport cexport texport badtoken notoken editor badparam noroute)")
	fs.BoolVar(&o.keep, "keep", false, "keep the temporary directory (logs, data) and, with --dsn, the database")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	o.weights = map[string]int{}
	for _, kv := range strings.FieldsFunc(weights, func(r rune) bool { return r == ',' || r == ' ' }) {
		id, w, ok := strings.Cut(kv, "=")
		n, err := strconv.Atoi(w)
		if !ok || err != nil || n < 0 {
			return o, fmt.Errorf("--weights: %q is not id=weight", kv)
		}
		o.weights[id] = n
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	if o.restartAt == 0 {
		o.restartAt = o.duration / 2
	}
	if o.dsn != "" && o.restartCmd == "" {
		o.noRestart = true
	}
	return o, o.check()
}

// check refuses options that make no sense together, before anything is started.
func (o options) check() error {
	switch {
	case o.connections < 1:
		return errors.New("--connections must be at least 1")
	case o.duration <= 0:
		return errors.New("--duration must be positive")
	case o.maxRequests < 1:
		return errors.New("--max-requests must be at least 1")
	case o.rows < 1 || o.rows > 16_000_000:
		return errors.New("--rows must be between 1 and 16,000,000 (the log's id is a MEDIUMINT)")
	case o.downFor < 0 || o.restartAt < 0:
		return errors.New("--down-for and --restart-at must not be negative")
	case o.cutProbes < 0 || o.cutProbes > 64:
		return errors.New("--cut-probes: 0 to 64")
	case o.gzipShare < 0 || o.gzipShare > 1:
		return errors.New("--gzip is a share between 0 and 1")
	case o.requestTimeout <= 0 || o.queryTimeout <= 0 || o.settle < 0:
		return errors.New("--request-timeout and --query-timeout must be positive, --settle not negative")
	case o.restartCmd != "" && o.dsn == "":
		return errors.New("--restart-cmd needs --dsn (the private instance restarts itself)")
	case !regexp.MustCompile(`^[A-Za-z0-9_]{1,48}$`).MatchString(o.database):
		return errors.New("--database: letters, digits and _ only")
	case !o.noRestart && o.restartAt >= o.duration:
		return errors.New("--restart-at must fall within --duration")
	}
	return nil
}

// run is the whole soak: it returns errFailed after printing a failing report.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, err := parseOptions(args, stderr)
	if err != nil {
		return err
	}
	if runtime.GOOS != "linux" {
		return errors.New("CPU times are read from /proc: Linux only")
	}
	if o.repo == "" {
		if o.repo, err = findRepo(); err != nil {
			return err
		}
	}
	if o.fixture, err = resolveFixture(o.fixture, o.repo); err != nil {
		return err
	}
	// The driver would print each failed probe of the stopped database on stderr.
	mysql.SetLogger(log.New(io.Discard, "", 0))
	s := &soak{o: o, log: &syncWriter{w: stderr}}
	defer s.cleanup()
	rep, err := s.run(ctx)
	if err != nil {
		return err
	}
	// The sidecar's exit is part of the report: stop it first.
	s.stopSidecar()
	text, pass := rep.markdown(s)
	if _, err := io.WriteString(stdout, text); err != nil {
		return err
	}
	if !pass {
		return errFailed
	}
	return nil
}

// findRepo walks up from the current directory to this module's go.mod.
func findRepo() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.Contains(string(data), "module github.com/kchat-sidecar/kchat-sidecar\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("not inside the kchat-sidecar repository: pass --repo")
		}
		dir = parent
	}
}

func resolveFixture(path, repo string) (string, error) {
	candidates := []string{path}
	if !filepath.IsAbs(path) {
		candidates = append(candidates, filepath.Join(repo, path))
	}
	for _, c := range candidates {
		if st, err := os.Stat(c); err == nil && !st.IsDir() {
			return filepath.Abs(c)
		}
	}
	return "", fmt.Errorf("fixture %s not found (tried %s)", path, strings.Join(candidates, ", "))
}

// soak holds what one run started, so that cleanup can stop and remove all of it.
type soak struct {
	o   options
	log io.Writer // a syncWriter: the traffic, restart and sampling goroutines all write
	tmp string
	db  *dbServer
	sc  *sidecarProc

	siteDSN    string // the SELECT-only account on the site's database
	home       string
	storedDays int
	dbVersion  string
}

func (s *soak) step(format string, args ...any) {
	fmt.Fprintf(s.log, "kchat-soak: "+format+"\n", args...)
}

// syncWriter serializes writes from several goroutines (and child processes' copiers).
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.w.Write(p)
}

func (s *soak) run(ctx context.Context) (*report, error) {
	var err error
	if s.tmp, err = os.MkdirTemp("", "kchat-soak-"); err != nil {
		return nil, err
	}
	if s.o.dsn == "" {
		s.step("starting a private MariaDB in %s", s.tmp)
		s.db, err = startPrivateDB(ctx, s.o, s.tmp)
	} else {
		s.db, err = externalDB(ctx, s.o)
	}
	if err != nil {
		return nil, err
	}
	if err := s.setupSite(ctx); err != nil {
		return nil, err
	}
	binary := filepath.Join(s.tmp, "kchat-sidecar")
	s.step("building ./cmd/kchat-sidecar")
	if err := loadkit.Build(ctx, s.o.repo, binary, s.log); err != nil {
		return nil, err
	}
	s.step("starting the sidecar (log: %s)", filepath.Join(s.tmp, "sidecar.log"))
	if s.sc, err = startSidecar(ctx, binary, s.siteDSN, s.tmp, s.o.queryTimeout); err != nil {
		return nil, err
	}
	return s.soak(ctx)
}

func (s *soak) stopSidecar() {
	if s.sc != nil {
		s.sc.Stop(15 * time.Second)
	}
}

func (s *soak) cleanup() {
	s.stopSidecar()
	if s.db != nil {
		s.db.close(s.o.keep)
	}
	if s.tmp == "" {
		return
	}
	if s.o.keep {
		s.step("kept %s", s.tmp)
		return
	}
	os.RemoveAll(s.tmp)
}
