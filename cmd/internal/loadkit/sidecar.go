package loadkit

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
)

// Build is the go build of ./cmd/kchat-sidecar in the repository at dir, into out; the
// compiler's output goes to log.
func Build(ctx context.Context, dir, out string, log io.Writer) error {
	gobin, err := exec.LookPath("go")
	if err != nil {
		gobin = "/usr/local/go/bin/go"
	}
	cmd := exec.CommandContext(ctx, gobin, "build", "-trimpath", "-o", out, "./cmd/kchat-sidecar")
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = ChildAttrs()
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build ./cmd/kchat-sidecar: %w", err)
	}
	return nil
}

// Sidecar is a running kchat-sidecar, logged in as the fixture's administrator.
type Sidecar struct {
	*Proc
	Base    string    // http://127.0.0.1:port
	Token   string    // the administrator's
	Started time.Time // when the process was started

	client *http.Client // for /readyz, the login and /metrics
}

// StartSidecar runs binary on a free loopback port, configured by nothing but the DSN,
// the fixture's JWT key, JSON logs and extra (NAME=value), its output going to out. It
// waits for /readyz and logs in.
func StartSidecar(ctx context.Context, binary, dsn string, out *os.File, extra ...string) (*Sidecar, error) {
	addr, err := FreeAddr()
	if err != nil {
		return nil, err
	}
	return StartSidecarAt(ctx, binary, dsn, addr, out, extra...)
}

// StartSidecarAt is StartSidecar listening on addr (host:port), for a network whose
// domain must be the address requests are sent to.
func StartSidecarAt(ctx context.Context, binary, dsn, addr string, out *os.File, extra ...string) (s *Sidecar, err error) {
	cmd := exec.Command(binary)
	for _, kv := range os.Environ() {
		if !configures(kv) {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "KCHAT_LISTEN="+addr, "KCHAT_DB_DSN="+dsn, "JWT_AUTH_SECRET_KEY="+fixture.Secret,
		"KCHAT_LOG_FORMAT=json")
	cmd.Env = append(cmd.Env, extra...)
	cmd.Stdout, cmd.Stderr = out, out
	s = &Sidecar{Base: "http://" + addr, Started: time.Now(),
		client: &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{Proxy: nil, MaxIdleConnsPerHost: 1}}}
	if s.Proc, err = StartProc(cmd); err != nil {
		return nil, fmt.Errorf("starting kchat-sidecar: %w", err)
	}
	if err = s.waitReady(ctx); err == nil {
		err = s.login()
	}
	if err != nil {
		s.Stop(5 * time.Second)
		return nil, err
	}
	return s, nil
}

// configures tells whether an environment entry would configure the sidecar or its
// runtime: only what StartSidecar sets may.
func configures(kv string) bool {
	name, _, _ := strings.Cut(kv, "=")
	return strings.HasPrefix(name, "KCHAT_") || strings.HasPrefix(name, "WORDPRESS_") || name == "JWT_AUTH_SECRET_KEY" ||
		strings.HasPrefix(name, "GODEBUG") || name == "GOGC" || name == "GOMEMLIMIT" || name == "GOMAXPROCS"
}

func (s *Sidecar) waitReady(ctx context.Context) error {
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := s.client.Get(s.Base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			err = fmt.Errorf("/readyz answered %d", resp.StatusCode)
		}
		if !s.Alive() || time.Now().After(deadline) || ctx.Err() != nil {
			s.Stop(5 * time.Second)
			return fmt.Errorf("the sidecar did not become ready (%v; exit %v)", err, s.Err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (s *Sidecar) login() error {
	body, _ := json.Marshal(map[string]string{"username": fixture.AdminLogin, "password": fixture.AdminPassword})
	resp, err := s.client.Post(s.Base+"/wp-json/jwt-auth/v1/token", "application/json", bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("logging in: %w", err)
	}
	defer resp.Body.Close()
	var tok struct {
		Token string `json:"token"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || resp.StatusCode != http.StatusOK || tok.Token == "" {
		return fmt.Errorf("logging in as %s: status %d, %v", fixture.AdminLogin, resp.StatusCode, err)
	}
	s.Token = tok.Token
	return nil
}

// Metrics is one reading of the sidecar's GET /metrics: each metric's value by name,
// summed over its label sets, and each labeled series' by itself (name{labels}, as
// written).
type Metrics map[string]float64

// Metrics reads GET /metrics as a Prometheus server does, asking for gzip. A body that
// is not the text format (compressed twice, say) is an error, not an empty reading.
func (s *Sidecar) Metrics() (Metrics, error) {
	resp, err := s.client.Get(s.Base + "/metrics")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET /metrics: status %d", resp.StatusCode)
	}
	return ParseMetrics(resp.Body)
}

// ParseMetrics reads the Prometheus text format; it must hold the process collector's
// resident set, which every reading uses.
func ParseMetrics(r io.Reader) (Metrics, error) {
	m := Metrics{}
	in := bufio.NewScanner(r)
	in.Buffer(make([]byte, 64<<10), 1<<20)
	for in.Scan() {
		line := in.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		// name[{labels}] value [timestamp]; a label's value may hold spaces.
		name := line
		if i := strings.IndexAny(line, "{ "); i >= 0 {
			name = line[:i]
		}
		rest, series := line[len(name):], ""
		if strings.HasPrefix(rest, "{") {
			end := strings.LastIndexByte(rest, '}') + 1
			series, rest = name+rest[:end], rest[end:]
		}
		if f := strings.Fields(rest); len(f) > 0 {
			if v, err := strconv.ParseFloat(f[0], 64); err == nil {
				m[name] += v
				if series != "" {
					m[series] = v
				}
			}
		}
	}
	if err := in.Err(); err != nil {
		return nil, err
	}
	if _, ok := m["process_resident_memory_bytes"]; !ok {
		return nil, errors.New("GET /metrics: no process_resident_memory_bytes in the answer")
	}
	return m, nil
}

// FreeAddr is a loopback address with a port free a moment ago.
func FreeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}
