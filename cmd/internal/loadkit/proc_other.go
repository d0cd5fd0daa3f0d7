//go:build !linux

package loadkit

import (
	"syscall"
	"time"
)

// ChildAttrs: the load tools read /proc and refuse to run anywhere but Linux; this only
// keeps the package compiling elsewhere.
func ChildAttrs() *syscall.SysProcAttr { return nil }

// SelfCPU is 0: no getrusage here.
func SelfCPU() time.Duration { return 0 }
