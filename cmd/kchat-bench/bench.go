package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/loadkit"
)

// logTable is the log's quoted name, as the statements below use it.
const logTable = "`" + loadkit.LogTable + "`"

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
	if err := loadkit.Build(ctx, ".", b.binary, log); err != nil {
		return nil, err
	}
	b.step("loading the fixture site into %s", o.database)
	if err := loadkit.LoadSite(ctx, b.root, mc, o.database, o.fixture); err != nil {
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
type sidecar struct{ *loadkit.Sidecar }

func (b *bench) startSidecar(ctx context.Context) (*sidecar, error) {
	addr, err := loadkit.FreeAddr()
	if err != nil {
		return nil, err
	}
	return b.startSidecarAt(ctx, addr)
}

// startSidecarAt starts the sidecar on addr, with extra settings (NAME=value).
func (b *bench) startSidecarAt(ctx context.Context, addr string, extra ...string) (*sidecar, error) {
	// Its log goes to /dev/null itself: a pipe would make this process copy every line,
	// on the same cores the measurements share.
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return nil, err
	}
	defer devnull.Close()
	s, err := loadkit.StartSidecarAt(ctx, b.binary, b.dbDSN, addr, devnull, append([]string{"KCHAT_QUERY_TIMEOUT=60s"}, extra...)...)
	if err != nil {
		return nil, err
	}
	return &sidecar{s}, nil
}

func (s *sidecar) stop() { s.Stop(10 * time.Second) }

// peakRSS is the most memory the process has held resident since it started (the
// kernel's VmHWM): a peak between two readings of /metrics would be missed there.
func (s *sidecar) peakRSS() (int64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.Pid()))
	if err != nil {
		return 0, err
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if value, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(value), " kB"), 10, 64)
			return kb << 10, err
		}
	}
	return 0, fmt.Errorf("no VmHWM for pid %d", s.Pid())
}

// get fetches path with the token, reads the whole body as sent (compressed when
// encoding is gzip) and returns its size and time.
func (s *sidecar) get(ctx context.Context, path string, body io.Writer) (int64, time.Duration, error) {
	return s.getEncoded(ctx, path, "identity", body)
}

func (s *sidecar) getEncoded(ctx context.Context, path, encoding string, body io.Writer) (int64, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.Base+path, nil)
	if err != nil {
		return 0, 0, err
	}
	req.Header.Set("Authorization", "Bearer "+s.Token)
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

// timeClient runs each query in the mariadb client runs times, in turn, into /dev/null
// as --batch --quick streams it, and returns the median wall time of each.
func (b *bench) timeClient(ctx context.Context, runs int, queries ...string) ([]time.Duration, error) {
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return nil, err
	}
	defer devnull.Close()
	took := make([][]time.Duration, len(queries))
	for range runs {
		for i, q := range queries {
			cmd := b.mariadb(ctx, "--batch", "--quick", "-e", q)
			var stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = devnull, &stderr
			start := time.Now()
			if err := cmd.Run(); err != nil {
				return nil, fmt.Errorf("mariadb: %v: %s", err, stderr.String())
			}
			took[i] = append(took[i], time.Since(start))
		}
	}
	medians := make([]time.Duration, len(queries))
	for i := range took {
		medians[i] = median(took[i])
	}
	return medians, nil
}

func median(d []time.Duration) time.Duration { return loadkit.Quantile(d, 0.5) }

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", loadkit.Millis(d)) }

func machine() string {
	h := loadkit.Machine()
	return fmt.Sprintf("%d × %s, %.0f GiB RAM, %s %s/%s", h.Cores, h.Model, h.Memory, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
