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
	"sync"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/loadkit"
)

const (
	editorID       = "2" // the fixture's editor1: a real user without manage_options
	readerUser     = "kchat_soak_ro"
	interactionsTb = "wp_chatbot_chatgpt_interactions"
)

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
	admin   *mysql.Config // an account that may create databases; no database name
	root    *sql.DB
	private bool

	// private instance
	args       []string
	errLog     string
	mu         sync.Mutex
	current    *loadkit.Proc
	stoppedCPU time.Duration // CPU time of the instances stopped so far

	created bool // the database and reader account exist (external server: drop them)
}

func startPrivateDB(ctx context.Context, o options, tmp string) (*dbServer, error) {
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
	install.SysProcAttr = loadkit.ChildAttrs()
	if out, err := install.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("mariadb-install-db: %v\n%s", err, loadkit.Tail(out, 2000))
	}
	addr, err := loadkit.FreeAddr()
	if err != nil {
		return nil, err
	}
	_, port, _ := net.SplitHostPort(addr)
	d := &dbServer{o: o, private: true, errLog: filepath.Join(tmp, "mariadb.err")}
	d.args = []string{"--no-defaults", "--datadir=" + data, "--socket=" + filepath.Join(tmp, "mysqld.sock"),
		"--port=" + port, "--bind-address=127.0.0.1", "--pid-file=" + filepath.Join(tmp, "mysqld.pid"),
		"--log-error=" + d.errLog, "--innodb-buffer-pool-size=128M", "--skip-log-bin", "--max-connections=300"}
	if os.Geteuid() == 0 {
		d.args = append(d.args, "--user=root")
	}
	d.admin = mysql.NewConfig()
	d.admin.User, d.admin.Net, d.admin.Addr = "root", "tcp", addr
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
	p, err := loadkit.StartProc(cmd)
	if err != nil {
		return fmt.Errorf("starting mariadbd: %w", err)
	}
	d.mu.Lock()
	d.current = p
	d.mu.Unlock()
	if err := d.waitUp(ctx, 90*time.Second, p); err != nil {
		errLog, _ := os.ReadFile(d.errLog)
		return fmt.Errorf("%w\n%s", err, loadkit.Tail(errLog, 3000))
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
func (d *dbServer) waitUp(ctx context.Context, limit time.Duration, p *loadkit.Proc) error {
	deadline := time.Now().Add(limit)
	for {
		err := d.probe(ctx)
		if err == nil {
			return nil
		}
		if p != nil && !p.Alive() {
			return fmt.Errorf("mariadbd exited during start-up: %v", p.Err)
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
	if used, err := procCPU(p.Pid()); err == nil {
		d.stoppedCPU += used // what its shutdown uses is not counted
	}
	d.current = nil
	d.mu.Unlock()
	o.stopAt = time.Now()
	p.Stop(2 * time.Minute)
	o.stoppedAt = time.Now()
	if p.Killed {
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
	cmd.SysProcAttr = loadkit.ChildAttrs()
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
		return o, fmt.Errorf("--restart-cmd: %v\n%s", err, loadkit.Tail(out.Bytes(), 2000))
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
	used, err := procCPU(d.current.Pid())
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
		p.Stop(2 * time.Minute)
	}
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
	d.created = true
	if err := loadkit.LoadSite(ctx, d.root, d.admin, s.o.database, s.o.fixture); err != nil {
		return err
	}
	s.step("seeding %d conversation log rows", s.o.rows)
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
