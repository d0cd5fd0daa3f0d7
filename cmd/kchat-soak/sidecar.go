package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/loadkit"
)

func buildSidecar(ctx context.Context, repo, out string, log io.Writer) error {
	build := loadkit.BuildSidecar(ctx, repo, out)
	build.Stdout, build.Stderr = log, log
	build.SysProcAttr = childAttrs()
	if err := build.Run(); err != nil {
		return fmt.Errorf("go build ./cmd/kchat-sidecar: %w", err)
	}
	return nil
}

// sidecarProc is the running kchat-sidecar.
type sidecarProc struct {
	*proc
	base    string
	logPath string
	token   string    // the administrator's, from the login route
	started time.Time // when the process was started (gctrace's clock starts there)

	metricsClient *http.Client
	noMetrics     atomic.Bool
}

// startSidecar runs the binary on a free loopback port, its JSON log going to a file,
// waits for /readyz and logs in as the fixture's administrator.
func startSidecar(ctx context.Context, binary, dsn, tmp string, queryTimeout time.Duration, gctrace bool) (*sidecarProc, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	logPath := filepath.Join(tmp, "sidecar.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	defer logFile.Close() // the child has its own descriptor
	cmd := exec.Command(binary)
	// Only what is set here configures it: nothing from this environment leaks in.
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "KCHAT_") || strings.HasPrefix(name, "WORDPRESS_") || name == "JWT_AUTH_SECRET_KEY" ||
			strings.HasPrefix(name, "GODEBUG") || name == "GOGC" || name == "GOMEMLIMIT" || name == "GOMAXPROCS" {
			continue
		}
		cmd.Env = append(cmd.Env, kv)
	}
	cmd.Env = append(cmd.Env, "KCHAT_LISTEN="+addr, "KCHAT_DB_DSN="+dsn, "JWT_AUTH_SECRET_KEY="+fixtureSecret,
		"KCHAT_QUERY_TIMEOUT="+queryTimeout.String(), "KCHAT_LOG_FORMAT=json", "KCHAT_SHUTDOWN_TIMEOUT=10s")
	if gctrace {
		// One line per collection on stderr: the live heap, which RSS alone cannot tell.
		cmd.Env = append(cmd.Env, "GODEBUG=gctrace=1")
	}
	cmd.Stdout, cmd.Stderr = logFile, logFile
	started := time.Now()
	p, err := startProc(cmd)
	if err != nil {
		return nil, fmt.Errorf("starting kchat-sidecar: %w", err)
	}
	s := &sidecarProc{proc: p, base: "http://" + addr, logPath: logPath, started: started,
		metricsClient: &http.Client{Timeout: 2 * time.Second, Transport: &http.Transport{Proxy: nil, MaxIdleConnsPerHost: 1}}}
	client := &http.Client{Timeout: 2 * time.Second, Transport: &http.Transport{Proxy: nil}}
	defer client.CloseIdleConnections()
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := client.Get(s.base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
			err = fmt.Errorf("/readyz answered %d", resp.StatusCode)
		}
		if !p.alive() || time.Now().After(deadline) || ctx.Err() != nil {
			s.stop(5 * time.Second)
			log, _ := os.ReadFile(logPath)
			return nil, fmt.Errorf("the sidecar did not become ready (%v; exit %v):\n%s", err, p.err, tail(log, 3000))
		}
		time.Sleep(50 * time.Millisecond)
	}
	body, _ := json.Marshal(map[string]string{"username": adminLogin, "password": adminPassword})
	resp, err := client.Post(s.base+"/wp-json/jwt-auth/v1/token", "application/json", bytes.NewReader(body))
	if err != nil {
		s.stop(5 * time.Second)
		return nil, fmt.Errorf("logging in: %w", err)
	}
	defer resp.Body.Close()
	var tok struct {
		Token string `json:"token"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || resp.StatusCode != http.StatusOK || tok.Token == "" {
		s.stop(5 * time.Second)
		return nil, fmt.Errorf("logging in as %s: status %d, %v", adminLogin, resp.StatusCode, err)
	}
	s.token = tok.Token
	return s, nil
}

// procSample is one reading of the sidecar's /proc entries and, when it serves them,
// its /metrics.
type procSample struct {
	at      time.Duration // since traffic started
	rss     int64         // bytes
	hwm     int64         // peak resident set since start, bytes
	threads int
	fds     int

	metrics      bool // the figures below were read from /metrics
	goroutines   int
	heapInuse    int64 // bytes
	poolInUse    int
	poolMax      int
	poolWaits    int64
	poolWaitSecs float64
}

// sample reads VmRSS, VmHWM and Threads from /proc/<pid>/status and counts open file
// descriptors (the listening socket, client connections, database connections, the log).
func (s *sidecarProc) sample() (procSample, error) {
	var ps procSample
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", s.pid()))
	if err != nil {
		return ps, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, value, _ := strings.Cut(sc.Text(), ":")
		value = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(value), "kB"))
		n, _ := strconv.ParseInt(value, 10, 64)
		switch name {
		case "VmRSS":
			ps.rss = n << 10
		case "VmHWM":
			ps.hwm = n << 10
		case "Threads":
			ps.threads = int(n)
		}
	}
	if err := sc.Err(); err != nil {
		return ps, err
	}
	if ps.rss == 0 {
		return ps, fmt.Errorf("no VmRSS for pid %d (a zombie?)", s.pid())
	}
	if entries, err := os.ReadDir(fmt.Sprintf("/proc/%d/fd", s.pid())); err == nil {
		ps.fds = len(entries)
	}
	s.readMetrics(&ps)
	return ps, nil
}

// readMetrics adds what GET /metrics says (goroutines, heap, the database pool), when
// the sidecar serves it; an older build without the route is simply not asked again.
func (s *sidecarProc) readMetrics(ps *procSample) {
	if s.noMetrics.Load() {
		return
	}
	req, err := http.NewRequest(http.MethodGet, s.base+"/metrics", nil)
	if err != nil {
		return
	}
	req.Header.Set("Accept-Encoding", "identity") // see metricsGzip
	resp, err := s.metricsClient.Do(req)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		if resp.StatusCode == http.StatusNotFound {
			s.noMetrics.Store(true)
		}
		return
	}
	in := bufio.NewScanner(resp.Body)
	in.Buffer(make([]byte, 64<<10), 1<<20)
	for in.Scan() {
		name, value, ok := strings.Cut(in.Text(), " ")
		if !ok || strings.HasPrefix(name, "#") {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil {
			continue
		}
		switch name {
		case "go_goroutines":
			ps.goroutines, ps.metrics = int(v), true
		case "go_memstats_heap_inuse_bytes":
			ps.heapInuse = int64(v)
		case "kchat_db_connections_in_use":
			ps.poolInUse += int(v) // summed over the pools, should there be several
		case "kchat_db_connections_max_open":
			ps.poolMax += int(v)
		case "kchat_db_connection_waits_total":
			ps.poolWaits += int64(v)
		case "kchat_db_connection_wait_seconds_total":
			ps.poolWaitSecs += v
		}
	}
}

// mintToken writes an HS256 token in the JWT Authentication plugin's format, as a
// WordPress site holding key would issue it. claims may override or drop (nil) fields.
func mintToken(key []byte, iss, userID string, iat, exp time.Time, claims map[string]any) string {
	c := map[string]any{
		"iss":  iss,
		"iat":  iat.Unix(),
		"nbf":  iat.Unix(),
		"exp":  exp.Unix(),
		"data": map[string]any{"user": map[string]any{"id": userID}},
	}
	for k, v := range claims {
		if v == nil {
			delete(c, k)
		} else {
			c[k] = v
		}
	}
	enc := base64.RawURLEncoding
	header, _ := json.Marshal(map[string]string{"typ": "JWT", "alg": "HS256"})
	payload, _ := json.Marshal(c)
	signing := enc.EncodeToString(header) + "." + enc.EncodeToString(payload)
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(signing))
	return signing + "." + enc.EncodeToString(mac.Sum(nil))
}

// metricsGzip checks GET /metrics as a Prometheus server asks for it, with
// Accept-Encoding: gzip: once inflated, the body must be the text format. It returns
// what is wrong, or "" (also when there is no /metrics to check).
func (s *sidecarProc) metricsGzip() string {
	req, err := http.NewRequest(http.MethodGet, s.base+"/metrics", nil)
	if err != nil {
		return ""
	}
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := s.metricsClient.Do(req)
	if err != nil {
		return "GET /metrics with Accept-Encoding: gzip failed: " + err.Error()
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return ""
	}
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return "GET /metrics with Accept-Encoding: gzip: " + err.Error()
	}
	body := raw
	if resp.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return "GET /metrics with Accept-Encoding: gzip: Content-Encoding gzip, but " + err.Error()
		}
		if body, err = io.ReadAll(zr); err != nil {
			return "GET /metrics with Accept-Encoding: gzip: Content-Encoding gzip, but " + err.Error()
		}
	}
	if bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
		return fmt.Sprintf("GET /metrics with Accept-Encoding: gzip answers Content-Encoding: gzip (Vary: %s), "+
			"but the body inflated once is gzip again: it is compressed twice, and a Prometheus scrape (which asks for gzip) cannot parse it",
			strings.Join(resp.Header.Values("Vary"), ", "))
	}
	if !bytes.HasPrefix(body, []byte("# ")) && !bytes.HasPrefix(body, []byte("go_")) {
		return fmt.Sprintf("GET /metrics with Accept-Encoding: gzip: the inflated body does not look like the text format: %q", tailBytes(body, 40))
	}
	return ""
}
