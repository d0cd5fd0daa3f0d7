package loadkit

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"
)

// Quantile is the nearest-rank quantile q of d, which it sorts in place; 0 when d is
// empty.
func Quantile(d []time.Duration, q float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	slices.Sort(d)
	i := int(float64(len(d))*q+0.999999) - 1
	return d[max(0, min(i, len(d)-1))]
}

// Millis is d in milliseconds, to the microsecond.
func Millis(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// MiB writes a size in bytes as mebibytes.
func MiB(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

// Host is what a report says of the machine it ran on.
type Host struct {
	Model  string // the first CPU's model name
	Cores  int
	Memory float64 // GiB
	Kernel string
}

// Machine reads the CPU model, memory and kernel release from /proc.
func Machine() Host {
	h := Host{Model: "unknown CPU", Cores: runtime.NumCPU(), Kernel: "unknown"}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.SplitSeq(string(data), "\n") {
			if name, value, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(name) == "model name" {
				h.Model = strings.TrimSpace(value)
				break
			}
		}
	}
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kb int64
		if _, err := fmt.Sscanf(string(data), "MemTotal: %d kB", &kb); err == nil {
			h.Memory = float64(kb) / (1 << 20)
		}
	}
	if data, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		h.Kernel = strings.TrimSpace(string(data))
	}
	return h
}
