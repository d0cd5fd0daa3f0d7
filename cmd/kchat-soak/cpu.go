package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/loadkit"
)

// userHZ is the unit of the CPU times in /proc: USER_HZ, 100 on every Linux build that
// matters (reading it properly needs sysconf, hence cgo).
const userHZ = 100

func ticks(n int64) time.Duration { return time.Duration(n) * time.Second / userHZ }

// procCPU is the user and system time pid (mariadbd) has used, from /proc/<pid>/stat.
func procCPU(pid int) (time.Duration, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name is in parentheses and may hold anything: count from the last ')'.
	i := strings.LastIndexByte(string(data), ')')
	if i < 0 {
		return 0, fmt.Errorf("/proc/%d/stat: no command name", pid)
	}
	f := strings.Fields(string(data[i+1:]))
	if len(f) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: %d fields", pid, len(f))
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64) // field 14
	stime, err2 := strconv.ParseInt(f[12], 10, 64) // field 15
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("/proc/%d/stat: bad times", pid)
	}
	return ticks(utime + stime), nil
}

// machineCPU is the CPU time all cores have spent busy (everything but idle and iowait),
// from /proc/stat.
func machineCPU() (time.Duration, error) {
	data, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0, err
	}
	line, _, _ := strings.Cut(string(data), "\n")
	f := strings.Fields(line)
	if len(f) < 6 || f[0] != "cpu" {
		return 0, fmt.Errorf("/proc/stat: unexpected first line %q", line)
	}
	var busy int64
	for i, v := range f[1:] {
		if i >= 8 { // guest time is already counted in user
			break
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return 0, err
		}
		if i != 3 && i != 4 { // idle, iowait
			busy += n
		}
	}
	return ticks(busy), nil
}

func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// cpuReading is one reading of who has used how much CPU so far.
type cpuReading struct {
	at                         time.Time
	machine, sidecar, db, self time.Duration
	machineOK, sidecarOK, dbOK bool
	load                       string
}

func (s *soak) readCPU() cpuReading {
	r := cpuReading{at: time.Now(), self: loadkit.SelfCPU(), load: loadAverage()}
	var err error
	r.machine, err = machineCPU()
	r.machineOK = err == nil
	if s.sc != nil {
		// The sidecar tells its own; mariadbd's is read from /proc.
		var m procSample
		m, err = s.sc.sample()
		r.sidecar, r.sidecarOK = m.cpu, err == nil
	}
	if s.db != nil && s.db.private {
		r.db, r.dbOK = s.db.cpu()
	}
	return r
}
