package loadkit

import (
	"syscall"
	"time"
)

// ChildAttrs puts a child in its own process group, so that a Ctrl-C in the terminal
// reaches only this program (which then stops its children in order), and asks the
// kernel to send the child SIGTERM should this program die without cleaning up.
func ChildAttrs() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
}

// SelfCPU is the user and system CPU time this process has used.
func SelfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
