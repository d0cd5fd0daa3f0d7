package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/loadkit"
)

// The fixture's administrator and editor, and its site's JWT key (see the header of
// testdata/wordpress-6.1-site.sql).
const (
	adminLogin     = "admin"
	adminPassword  = "admin-pass-123"
	editorID       = "2" // editor1: a real user without manage_options
	fixtureSecret  = "acceptance-secret-7f3a9c1e5b2d4f6a8c0e"
	readerUser     = "kchat_soak_ro"
	interactionsTb = "wp_chatbot_chatgpt_interactions"
)

// proc is a long-lived child process.
type proc struct {
	cmd  *exec.Cmd
	done chan struct{} // closed when it has exited
	err  error         // its exit, once done is closed

	stopOnce sync.Once
	stopped  time.Duration // how long it took to exit when asked
	killed   bool
}

func startProc(cmd *exec.Cmd) (*proc, error) {
	cmd.SysProcAttr = childAttrs()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p := &proc{cmd: cmd, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

func (p *proc) pid() int { return p.cmd.Process.Pid }

func (p *proc) alive() bool {
	select {
	case <-p.done:
		return false
	default:
		return true
	}
}

// stop sends SIGTERM and waits up to grace for the exit, then kills. Only the first
// call acts; later ones wait for the same exit.
func (p *proc) stop(grace time.Duration) {
	p.stopOnce.Do(func() {
		start := time.Now()
		p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.done:
		case <-time.After(grace):
			p.killed = true
			p.cmd.Process.Kill()
			<-p.done
		}
		p.stopped = time.Since(start)
	})
	<-p.done
}

// outage is when the database was stopped and when it answered again.
type outage struct {
	stopAt    time.Time // SIGTERM sent, or the restart command started
	stoppedAt time.Time // the process had exited, or the first failed probe
	startAt   time.Time // a new process started, or the restart command ended
	upAt      time.Time // the first probe that got an answer
}

// dbServer is the MariaDB the site lives in: a private instance this program runs, or
// an existing server reached through --dsn.
type dbServer struct {
	o       options
	log     io.Writer
	admin   *mysql.Config // an account that may create databases; no database name
	root    *sql.DB
	private bool

	// private instance
	args       []string
	errLog     string
	mu         sync.Mutex
	current    *proc
	stoppedCPU time.Duration // CPU time of the instances stopped so far

	created bool // the database and reader account exist (external server: drop them)
}

func startPrivateDB(ctx context.Context, o options, tmp string, log io.Writer) (*dbServer, error) {
	for _, bin := range []string{o.mariadbd, o.installDB} {
		if _, err := os.Stat(bin); err != nil {
			return nil, fmt.Errorf("%s: %w (Debian package mariadb-server)", bin, err)
		}
	}
	if _, err := exec.LookPath("mariadb"); err != nil {
		return nil, errors.New("the mariadb client is not on PATH (Debian package mariadb-client)")
	}
	me, err := user.Current()
	if err != nil {
		return nil, err
	}
	data := filepath.Join(tmp, "data")
	install := exec.CommandContext(ctx, o.installDB, "--no-defaults", "--auth-root-authentication-method=normal",
		"--datadir="+data, "--user="+me.Username, "--skip-test-db")
	install.SysProcAttr = childAttrs()
	if out, err := install.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("mariadb-install-db: %v\n%s", err, tail(out, 2000))
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	d := &dbServer{o: o, log: log, private: true, errLog: filepath.Join(tmp, "mariadb.err")}
	d.args = []string{"--no-defaults", "--datadir=" + data, "--socket=" + filepath.Join(tmp, "mysqld.sock"),
		"--port=" + strconv.Itoa(port), "--bind-address=127.0.0.1", "--pid-file=" + filepath.Join(tmp, "mysqld.pid"),
		"--log-error=" + d.errLog, "--innodb-buffer-pool-size=128M", "--skip-log-bin", "--max-connections=300"}
	if os.Geteuid() == 0 {
		d.args = append(d.args, "--user=root")
	}
	d.admin = mysql.NewConfig()
	d.admin.User, d.admin.Net, d.admin.Addr = "root", "tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	d.admin.Timeout = 2 * time.Second
	if err := d.startProcess(ctx); err != nil {
		d.close(false)
		return nil, err
	}
	if err := d.openRoot(ctx); err != nil {
		d.close(false)
		return nil, err
	}
	return d, nil
}

func externalDB(ctx context.Context, o options) (*dbServer, error) {
	mc, err := mysql.ParseDSN(o.dsn)
	if err != nil {
		return nil, fmt.Errorf("--dsn: %w", err)
	}
	if mc.DBName != "" {
		return nil, errors.New("--dsn must not name a database")
	}
	if mc.Timeout == 0 {
		mc.Timeout = 2 * time.Second
	}
	if _, err := exec.LookPath("mariadb"); err != nil {
		return nil, errors.New("the mariadb client is not on PATH (Debian package mariadb-client)")
	}
	d := &dbServer{o: o, admin: mc}
	if err := d.openRoot(ctx); err != nil {
		return nil, err
	}
	return d, nil
}

func (d *dbServer) openRoot(ctx context.Context) error {
	var err error
	if d.root, err = sql.Open("mysql", d.admin.FormatDSN()); err != nil {
		return err
	}
	if err := d.root.PingContext(ctx); err != nil {
		return fmt.Errorf("MariaDB at %s: %w", d.admin.Addr, err)
	}
	return nil
}

// startProcess starts mariadbd and waits until it answers.
func (d *dbServer) startProcess(ctx context.Context) error {
	cmd := exec.Command(d.o.mariadbd, d.args...)
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard // it logs to --log-error
	p, err := startProc(cmd)
	if err != nil {
		return fmt.Errorf("starting mariadbd: %w", err)
	}
	d.mu.Lock()
	d.current = p
	d.mu.Unlock()
	if err := d.waitUp(ctx, 90*time.Second, p); err != nil {
		errLog, _ := os.ReadFile(d.errLog)
		return fmt.Errorf("%w\n%s", err, tail(errLog, 3000))
	}
	return nil
}

// probe opens a fresh connection and runs a trivial query on it.
func (d *dbServer) probe(ctx context.Context) error {
	c, err := mysql.NewConnector(d.admin)
	if err != nil {
		return err
	}
	db := sql.OpenDB(c)
	defer db.Close()
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	var one int
	return db.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// waitUp polls until the server answers; p, when not nil, is the process that must not
// exit meanwhile.
func (d *dbServer) waitUp(ctx context.Context, limit time.Duration, p *proc) error {
	deadline := time.Now().Add(limit)
	for {
		err := d.probe(ctx)
		if err == nil {
			return nil
		}
		if p != nil && !p.alive() {
			return fmt.Errorf("mariadbd exited during start-up: %v", p.err)
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("MariaDB did not answer within %s: %v", limit, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// restart stops the database, keeps it down for downFor (the private instance) or runs
// --restart-cmd (an external server), and returns once it answers again.
func (d *dbServer) restart(ctx context.Context, downFor time.Duration) (outage, error) {
	var o outage
	if !d.private {
		return d.restartExternal(ctx, downFor)
	}
	d.mu.Lock()
	p := d.current
	if used, err := procCPU(p.pid()); err == nil {
		d.stoppedCPU += used // what its shutdown uses is not counted
	}
	d.current = nil
	d.mu.Unlock()
	o.stopAt = time.Now()
	p.stop(2 * time.Minute)
	o.stoppedAt = time.Now()
	if p.killed {
		return o, errors.New("mariadbd did not stop within 2 minutes of SIGTERM and was killed")
	}
	select {
	case <-ctx.Done():
		return o, ctx.Err()
	case <-time.After(downFor):
	}
	o.startAt = time.Now()
	if err := d.startProcess(ctx); err != nil {
		return o, fmt.Errorf("restarting mariadbd: %w", err)
	}
	o.upAt = time.Now()
	return o, nil
}

func (d *dbServer) restartExternal(ctx context.Context, downFor time.Duration) (outage, error) {
	var o outage
	cmd := exec.CommandContext(ctx, "sh", "-c", d.o.restartCmd)
	cmd.Env = append(os.Environ(), fmt.Sprintf("KCHAT_SOAK_DOWN_FOR=%g", downFor.Seconds()))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.SysProcAttr = childAttrs()
	// Probe meanwhile, to see when the server actually stopped answering.
	probeCtx, stopProbe := context.WithCancel(ctx)
	firstFail := make(chan time.Time, 1)
	go func() {
		defer close(firstFail)
		for probeCtx.Err() == nil {
			if d.probe(probeCtx) != nil && probeCtx.Err() == nil {
				firstFail <- time.Now()
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	}()
	o.stopAt = time.Now()
	err := cmd.Run()
	o.startAt = time.Now()
	stopProbe()
	if t, ok := <-firstFail; ok {
		o.stoppedAt = t
	}
	if err != nil {
		return o, fmt.Errorf("--restart-cmd: %v\n%s", err, tail(out.Bytes(), 2000))
	}
	if err := d.waitUp(ctx, 2*time.Minute, nil); err != nil {
		return o, err
	}
	o.upAt = time.Now()
	return o, nil
}

// cpu is the CPU time the private instances have used so far.
func (d *dbServer) cpu() (time.Duration, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.current == nil {
		return d.stoppedCPU, true
	}
	used, err := procCPU(d.current.pid())
	return d.stoppedCPU + used, err == nil
}

// close stops the private instance, or drops what was created on an external server.
func (d *dbServer) close(keep bool) {
	if !d.private && d.created && !keep && d.root != nil {
		d.root.Exec("DROP DATABASE IF EXISTS `" + d.o.database + "`")
		for _, host := range readerHosts {
			d.root.Exec("DROP USER IF EXISTS '" + readerUser + "'@'" + host + "'")
		}
	}
	if d.root != nil {
		d.root.Close()
	}
	d.mu.Lock()
	p := d.current
	d.mu.Unlock()
	if p != nil {
		p.stop(2 * time.Minute)
	}
}

// mariadb is the mariadb client on the site's database; the password travels in the
// environment, not on the command line.
func (d *dbServer) mariadb(ctx context.Context, args ...string) *exec.Cmd {
	cmd := loadkit.MariaDB(ctx, d.admin, d.o.database, args...)
	cmd.SysProcAttr = childAttrs()
	return cmd
}

// readerHosts are the account hosts of the SELECT-only user: MariaDB matches a loopback
// client as localhost or by address, depending on name resolution.
var readerHosts = []string{"127.0.0.1", "::1", "localhost"}

// setupSite creates the database from the fixture, seeds the conversation log, and
// creates the SELECT-only account the sidecar reads through.
func (s *soak) setupSite(ctx context.Context) error {
	d := s.db
	db := "`" + s.o.database + "`"
	if err := d.root.QueryRowContext(ctx, "SELECT VERSION()").Scan(&s.dbVersion); err != nil {
		return err
	}
	s.step("loading %s into %s", filepath.Base(s.o.fixture), s.o.database)
	if _, err := d.root.ExecContext(ctx, "DROP DATABASE IF EXISTS "+db); err != nil {
		return err
	}
	if _, err := d.root.ExecContext(ctx, "CREATE DATABASE "+db+" CHARACTER SET utf8mb4"); err != nil {
		return err
	}
	d.created = true
	f, err := os.Open(s.o.fixture)
	if err != nil {
		return err
	}
	defer f.Close()
	load := d.mariadb(ctx)
	load.Stdin = f
	if out, err := load.CombinedOutput(); err != nil {
		return fmt.Errorf("loading the fixture: %v\n%s", err, tail(out, 2000))
	}
	s.step("seeding %d conversation log rows", s.o.rows)
	if _, err := d.root.ExecContext(ctx, "TRUNCATE TABLE "+db+".`"+loadkit.LogTable+"`"); err != nil {
		return err
	}
	if _, err := d.root.ExecContext(ctx, loadkit.SeedLogSQL(s.o.database, 1, s.o.rows, s.o.rows)); err != nil {
		return fmt.Errorf("seeding the log (needs MariaDB's SEQUENCE engine): %w", err)
	}
	if err := d.root.QueryRowContext(ctx, "SELECT option_value FROM "+db+".`wp_options` WHERE option_name = 'home'").Scan(&s.home); err != nil {
		return fmt.Errorf("the fixture's home option: %w", err)
	}
	if err := d.root.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+db+".`"+interactionsTb+"`").Scan(&s.storedDays); err != nil {
		return err
	}

	password := make([]byte, 16)
	rand.Read(password)
	pw := hex.EncodeToString(password)
	for _, host := range readerHosts {
		account := "'" + readerUser + "'@'" + host + "'"
		for _, stmt := range []string{
			"DROP USER IF EXISTS " + account,
			"CREATE USER " + account + " IDENTIFIED BY '" + pw + "'",
			"GRANT SELECT ON " + db + ".* TO " + account,
		} {
			if _, err := d.root.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("the SELECT-only account: %w", err)
			}
		}
	}
	rc := d.admin.Clone()
	rc.User, rc.Passwd, rc.DBName = readerUser, pw, s.o.database
	s.siteDSN = rc.FormatDSN()
	// Prove the account reads and cannot write.
	ro, err := sql.Open("mysql", s.siteDSN)
	if err != nil {
		return err
	}
	defer ro.Close()
	var n int
	if err := ro.QueryRowContext(ctx, "SELECT COUNT(*) FROM `"+loadkit.LogTable+"`").Scan(&n); err != nil {
		return fmt.Errorf("the SELECT-only account cannot read: %w", err)
	}
	if n != s.o.rows {
		return fmt.Errorf("seeded %d log rows, want %d", n, s.o.rows)
	}
	if _, err := ro.ExecContext(ctx, "DELETE FROM `"+loadkit.LogTable+"` WHERE id = 0"); err == nil {
		return errors.New("the sidecar's account may write: it must be SELECT-only")
	}
	return nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// tail is the end of a command's output, for error messages.
func tail(b []byte, n int) string {
	if len(b) > n {
		b = append([]byte("…"), b[len(b)-n:]...)
	}
	return strings.TrimSpace(string(b))
}
