package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/loadkit"
)

// sidecarProc is the running kchat-sidecar, its log going to a file.
type sidecarProc struct {
	*loadkit.Sidecar
	logPath string
}

// startSidecar runs the binary with its JSON log going to a file in tmp.
func startSidecar(ctx context.Context, binary, dsn, tmp string, queryTimeout time.Duration) (*sidecarProc, error) {
	logPath := filepath.Join(tmp, "sidecar.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	defer logFile.Close() // the child has its own descriptor
	s, err := loadkit.StartSidecar(ctx, binary, dsn, logFile, "KCHAT_QUERY_TIMEOUT="+queryTimeout.String(), "KCHAT_SHUTDOWN_TIMEOUT=10s")
	if err != nil {
		log, _ := os.ReadFile(logPath)
		return nil, fmt.Errorf("%w\n%s", err, loadkit.Tail(log, 3000))
	}
	return &sidecarProc{Sidecar: s, logPath: logPath}, nil
}

// procSample is one reading of the sidecar's GET /metrics.
type procSample struct {
	at           time.Duration // since traffic started
	rss          int64         // bytes
	threads      int
	fds          int
	goroutines   int
	heapInuse    int64 // bytes
	heapGoal     int64 // bytes: the heap size of the next collection
	gcs          int   // collections since the start
	cpu          time.Duration
	poolInUse    int
	poolMax      int
	poolWaits    int64
	poolWaitSecs float64
}

func (s *sidecarProc) sample() (procSample, error) {
	m, err := s.Metrics()
	if err != nil {
		return procSample{}, err
	}
	return procSample{
		rss:          int64(m["process_resident_memory_bytes"]),
		threads:      int(m["go_threads"]),
		fds:          int(m["process_open_fds"]),
		goroutines:   int(m["go_goroutines"]),
		heapInuse:    int64(m["go_memstats_heap_inuse_bytes"]),
		heapGoal:     int64(m["go_memstats_next_gc_bytes"]),
		gcs:          int(m["go_gc_duration_seconds_count"]),
		cpu:          time.Duration(m["process_cpu_seconds_total"] * float64(time.Second)),
		poolInUse:    int(m["kchat_db_connections_in_use"]),
		poolMax:      int(m["kchat_db_connections_max_open"]),
		poolWaits:    int64(m["kchat_db_connection_waits_total"]),
		poolWaitSecs: m["kchat_db_connection_wait_seconds_total"],
	}, nil
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
