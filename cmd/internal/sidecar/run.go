package sidecar

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"sync"
	"time"

	// The sidecar must know every zone a WordPress site may name, even in a scratch image.
	_ "time/tzdata"

	"github.com/go-sql-driver/mysql"

	kchatsidecar "github.com/kchat-sidecar/kchat-sidecar"
	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// Main is the running program.
type Main struct {
	Config Config
	// Log receives the structured logs; nil means discard.
	Log io.Writer
	// Now is the clock; nil means time.Now.
	Now func() time.Time

	db *repository.DB

	stopIdle, idleDone chan struct{}
	logBuf             *logBuffer
	http               *http.Server
	ln                 net.Listener
	done               chan error
	// metricsHTTP serves /metrics on Config.MetricsListen, when set.
	metricsHTTP *http.Server
	metricsLn   net.Listener
	metricsDone chan error
}

// Run opens the database pool, builds the API and starts serving; it returns once the
// listener is open. It does not wait for the database: /readyz tells when it answers.
// An address that cannot be listened on is a *ConfigError naming its setting.
func (m *Main) Run(ctx context.Context) (err error) {
	logger := m.logger()
	defer func() {
		if err != nil { // nothing started: give back what was opened
			if m.db != nil {
				m.db.Close()
				m.db = nil
			}
			if m.logBuf != nil {
				m.logBuf.Close()
				m.logBuf = nil
			}
		}
	}()
	// The driver's own complaints (a bad idle connection after a database restart) go
	// to the same structured log instead of a bare line on stderr.
	mysql.SetLogger(driverLog{logger})
	if m.Config.MemoryLimit > 0 {
		debug.SetMemoryLimit(m.Config.MemoryLimit)
	}
	db, err := repository.Open(m.Config.Repository)
	if err != nil {
		return err
	}
	m.db = db
	srv, err := m.newAPI(db, logger)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", m.Config.Listen)
	if err != nil {
		// Malformed, in use, unresolvable or not this host's: the setting is wrong.
		return badSetting("KCHAT_LISTEN", "cannot be listened on: "+err.Error())
	}
	var metricsLn net.Listener
	if m.Config.MetricsListen != "" {
		if metricsLn, err = net.Listen("tcp", m.Config.MetricsListen); err != nil {
			ln.Close()
			return badSetting("KCHAT_METRICS_LISTEN", "cannot be listened on: "+err.Error())
		}
	}
	m.ln = ln
	// No WriteTimeout: a large CSV export legitimately takes minutes. Each of its chunks
	// has a write deadline instead (api's exportWriteTimeout).
	m.http = httpServer(srv, logger)
	m.http.BaseContext = func(net.Listener) context.Context { return context.WithoutCancel(ctx) }
	m.done = make(chan error, 1)
	go func() { m.done <- m.http.Serve(ln) }()
	if metricsLn != nil {
		m.metricsLn = metricsLn
		m.metricsHTTP = httpServer(srv.MetricsHandler(), logger)
		m.metricsHTTP.WriteTimeout = 30 * time.Second // a scrape is small
		m.metricsDone = make(chan error, 1)
		go func() { m.metricsDone <- m.metricsHTTP.Serve(metricsLn) }()
	}
	m.stopIdle = make(chan struct{})
	m.idleDone = make(chan struct{})
	go m.releaseWhenIdle(srv.Served, idleCheck)

	// One probe, and serving whatever it says: the database may come later, or be put
	// right rather than the sidecar. A configuration error gets the one line that says
	// which setting to check; the routes answer with its code meanwhile.
	if err := db.CheckReady(ctx); err != nil {
		if check := settingToCheck(err); check != "" {
			logger.Error("the database does not fit the settings; check "+check+"; serving anyway", "err", err.Error())
		} else {
			logger.Warn("database not ready yet; serving anyway", "err", err.Error())
		}
	}
	logger.Info("serving", "addr", ln.Addr().String(), "metrics_addr", m.MetricsAddr(), "table", db.InteractionsTable(), "network", m.Config.Network)
	return nil
}

// newAPI builds the API on db from the configuration and what only Main knows.
func (m *Main) newAPI(db *repository.DB, logger *slog.Logger) (*api.Server, error) {
	a := m.Config.API
	a.Store, a.Logger, a.Now, a.OpenAPI = db, logger, m.Now, kchatsidecar.OpenAPI
	a.MetricsApart = m.Config.MetricsListen != ""
	if m.Config.Network {
		a.Network = api.RepositoryNetwork(db)
	}
	if a.MaxExports == 0 {
		a.MaxExports = api.ExportSlots(m.Config.Repository.MaxOpenConns)
	}
	return api.New(a)
}

// httpServer is an http.Server with the limits the main and the metrics listener share.
func httpServer(h http.Handler, logger *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
}

// settingToCheck names the settings behind a configuration error from the database,
// or "" for any other error.
func settingToCheck(err error) string {
	switch {
	case errors.Is(err, repository.ErrTableMissing):
		return "WORDPRESS_TABLE_PREFIX and KCHAT_BLOG_ID"
	case errors.Is(err, repository.ErrAccessDenied):
		return "WORDPRESS_DB_USER and WORDPRESS_DB_PASSWORD (or KCHAT_DB_DSN) and the user's SELECT grant"
	case errors.Is(err, repository.ErrUnknownDatabase):
		return "WORDPRESS_DB_NAME (or the database in KCHAT_DB_DSN)"
	}
	return ""
}

// MetricsAddr is the address /metrics is served on when it has its own, else "".
func (m *Main) MetricsAddr() string {
	if m.metricsLn == nil {
		return ""
	}
	return m.metricsLn.Addr().String()
}

// Addr is the address actually listened on (useful with port 0).
func (m *Main) Addr() string {
	if m.ln == nil {
		return ""
	}
	return m.ln.Addr().String()
}

// Close stops accepting connections, lets in-flight requests finish for up to the
// shutdown timeout, then closes the database pool.
func (m *Main) Close() error {
	if m.stopIdle != nil {
		close(m.stopIdle)
		<-m.idleDone
		m.stopIdle = nil
	}
	var errs []error
	if m.http != nil {
		ctx, cancel := context.WithTimeout(context.Background(), m.Config.ShutdownTimeout)
		defer cancel()
		if err := m.http.Shutdown(ctx); err != nil {
			errs = append(errs, err)
		}
		if err := <-m.done; err != nil && !errors.Is(err, http.ErrServerClosed) {
			errs = append(errs, err)
		}
	}
	if m.metricsHTTP != nil {
		// Scrapes are short: no need to wait for them as for exports.
		if err := m.metricsHTTP.Close(); err != nil {
			errs = append(errs, err)
		}
		if err := <-m.metricsDone; err != nil && !errors.Is(err, http.ErrServerClosed) {
			errs = append(errs, err)
		}
	}
	if m.db != nil {
		errs = append(errs, m.db.Close())
	}
	if m.logBuf != nil {
		errs = append(errs, m.logBuf.Close())
	}
	return errors.Join(errs...)
}

func (m *Main) logger() *slog.Logger {
	var w io.Writer = io.Discard
	if m.Log != nil {
		m.logBuf = newLogBuffer(m.Log, logFlushEvery)
		w = m.logBuf
	}
	if m.Config.LogFormat == "text" {
		return slog.New(slog.NewTextHandler(w, nil))
	}
	return slog.New(slog.NewJSONHandler(w, nil))
}

// driverLog hands go-sql-driver/mysql's messages to slog. They name connections and
// packets, never credentials.
type driverLog struct{ l *slog.Logger }

func (d driverLog) Print(v ...any) { d.l.Warn("mysql driver", "detail", fmt.Sprint(v...)) }

// idleCheck is how often the idle watcher looks at the request count.
const idleCheck = 5 * time.Second

// releaseWhenIdle hands memory back to the system once no request has come for a
// whole check period after a busy one. A burst (200 clients, each with a gzip
// compressor) leaves a large heap that Go would otherwise collect only at its next
// forced cycle, two minutes on; a sidecar should shrink back as soon as it is quiet.
func (m *Main) releaseWhenIdle(served func() uint64, every time.Duration) {
	defer close(m.idleDone)
	t := time.NewTicker(every)
	defer t.Stop()
	last, released := served(), served()
	for {
		select {
		case <-m.stopIdle:
			return
		case <-t.C:
		}
		now := served()
		if now == last && now != released {
			debug.FreeOSMemory()
			released = now
		}
		last = now
	}
}

// logFlushEvery is how long a log line may wait in memory before it is written.
const logFlushEvery = 100 * time.Millisecond

// logBuffer gathers log lines and writes them in batches: one write system call per
// request was a quarter of the sidecar's CPU under load. Lines reach the output within
// logFlushEvery, at once when 32 KiB have gathered, and on Close.
type logBuffer struct {
	mu   sync.Mutex
	w    *bufio.Writer
	stop chan struct{}
	done chan struct{}
}

func newLogBuffer(out io.Writer, every time.Duration) *logBuffer {
	b := &logBuffer{w: bufio.NewWriterSize(out, 32<<10), stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(b.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-b.stop:
				return
			case <-t.C:
				b.mu.Lock()
				b.w.Flush()
				b.mu.Unlock()
			}
		}
	}()
	return b
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.w.Write(p)
}

// Close writes what is left and stops the flusher.
func (b *logBuffer) Close() error {
	close(b.stop)
	<-b.done
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.w.Flush()
}
