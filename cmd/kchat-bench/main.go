// Command kchat-bench measures the sidecar against the limits of the machine it runs on:
// the database's own speed (the mariadb client) and the HTTP stack's (a minimal Go
// handler). It seeds a MariaDB database with the fixture site and N conversation log
// rows, runs the real kchat-sidecar binary beside it, and prints a Markdown table.
//
//	go run ./cmd/kchat-bench                 # 1,000,000 rows, about 3 minutes
//	go run ./cmd/kchat-bench --rows 200000   # quicker; the memory point --small is a tenth
//	go run ./cmd/kchat-bench --insights-only # the Insights rows alone
//	go run ./cmd/kchat-bench --network       # network totals on 100 and 1,000 generated sites
//	go run ./cmd/kchat-bench --network-memory # every site of 1,000 then 10,000 read over HTTP: memory
//
// It needs MariaDB (the SEQUENCE engine seeds the log), the mariadb client and, for the
// HTTP figures, wrk (Debian package wrk). It drops its database when it is done unless
// --keep is given, and it only ever listens on 127.0.0.1.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
)

type options struct {
	dsn      string // a MariaDB account that may create databases, without a database name
	database string
	rows     int
	small    int // the first RSS point
	fixture  string
	wrkTime  string
	samples  int
	keep     bool
	noWRK    bool
	noIndex  bool // skip the measurement with an index on interaction_time
	insights bool // measure Insights only
	// networkSites, with --network, are the sizes of the generated network measured
	// (and nothing else is).
	networkSites []int
	// networkMemory, with networkSites, reads every site of the generated network over
	// HTTP instead (--network-memory); bigSites of them hold the whole seeded log.
	networkMemory bool
	bigSites      int
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintf(os.Stderr, "kchat-bench: %v\n", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, err := parseOptions(args, os.Getenv, stderr)
	if err != nil {
		return err
	}
	if runtime.GOOS != "linux" {
		return errors.New("peak memory is read from /proc: Linux only")
	}
	if _, err := os.Stat(o.fixture); err != nil {
		return fmt.Errorf("fixture: %w (run from the repository's root)", err)
	}
	fixture, err := filepath.Abs(o.fixture)
	if err != nil {
		return err
	}
	o.fixture = fixture
	b, err := newBench(ctx, o, stderr)
	if err != nil {
		return err
	}
	defer b.close()
	var report string
	switch {
	case o.networkMemory:
		report, err = b.networkMemory(ctx)
	case len(o.networkSites) > 0:
		report, err = b.network(ctx)
	default:
		report, err = b.all(ctx)
	}
	if err != nil {
		return err
	}
	_, err = io.WriteString(stdout, report)
	return err
}

// parseOptions reads the command line; usage and mistakes go to stderr.
func parseOptions(args []string, getenv func(string) string, stderr io.Writer) (o options, err error) {
	fs := flag.NewFlagSet("kchat-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dsn := strings.TrimSpace(getenv("KCHAT_BENCH_DSN"))
	if dsn == "" {
		dsn = "root@tcp(127.0.0.1:3306)/"
	}
	fs.StringVar(&o.dsn, "dsn", dsn, "MariaDB account that may create a database (go-sql-driver DSN, no database name) [$KCHAT_BENCH_DSN]")
	fs.StringVar(&o.database, "database", "kchat_bench", "database to create, fill and drop")
	fs.IntVar(&o.rows, "rows", 1_000_000, "conversation log rows to seed")
	fs.IntVar(&o.small, "small", 0, "the smaller log for the memory comparison (default a tenth of --rows)")
	fs.StringVar(&o.fixture, "fixture", "testdata/wordpress-6.1-site.sql", "WordPress dump to start from (users, options, plugin tables)")
	fs.StringVar(&o.wrkTime, "wrk-duration", "10s", "how long each wrk run lasts")
	fs.IntVar(&o.samples, "samples", 200, "warm summary requests timed per route")
	fs.BoolVar(&o.keep, "keep", false, "keep the database afterwards")
	fs.BoolVar(&o.noWRK, "no-wrk", false, "skip the wrk figures")
	fs.BoolVar(&o.noIndex, "no-index", false, "skip Insights with an index on interaction_time (created, measured, dropped)")
	fs.BoolVar(&o.insights, "insights-only", false, "measure only Insights (no export, log summaries or wrk)")
	network := fs.Bool("network", false, "measure only the network totals, on a network generated from the fixture site")
	sizes := fs.String("network-sites", "100,1000", "with --network or --network-memory (default 1000,10000 there): the network sizes measured, ascending")
	fs.BoolVar(&o.networkMemory, "network-memory", false, "measure only the memory of a network's site caches: every site of a generated network read over HTTP (--rows default 200000: the big sites' log)")
	fs.IntVar(&o.bigSites, "big-sites", 8, "with --network-memory: how many sites hold the whole seeded log")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if *network || o.networkMemory {
		if o.networkMemory && !given["network-sites"] {
			*sizes = "1000,10000"
		}
		if o.networkSites, err = parseSizes(*sizes); err != nil {
			return o, err
		}
	}
	if o.networkMemory && (o.bigSites < 1 || o.bigSites+1 > o.networkSites[0]) {
		return o, errors.New("--big-sites must be at least 1 and fewer than the smallest --network-sites")
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	// The memory comparison wants two logs an order of magnitude apart, as the README's
	// 100,000 → 1,000,000; a --rows alone must not trip over the default of another size.
	small := given["small"]
	if o.networkMemory && !given["rows"] {
		o.rows = 200_000
	}
	if !small && o.rows > 0 {
		o.small = max(1, o.rows/10)
	}
	if o.rows < 1 || o.small < 1 || o.small > o.rows || o.samples < 2 {
		return o, errors.New("--rows and --small must be positive, --small at most --rows, --samples at least 2")
	}
	return o, nil
}

// parseSizes reads --network-sites: ascending whole numbers, each at least 2.
func parseSizes(list string) ([]int, error) {
	var sizes []int
	for _, f := range strings.Split(list, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 2 || len(sizes) > 0 && n <= sizes[len(sizes)-1] {
			return nil, fmt.Errorf("--network-sites %q: ascending site counts of at least 2, comma-separated", list)
		}
		sizes = append(sizes, n)
	}
	return sizes, nil
}
