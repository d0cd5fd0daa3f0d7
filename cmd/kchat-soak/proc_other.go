//go:build !linux

package main

import (
	"syscall"
	"time"
)

// childAttrs: kchat-soak reads /proc and refuses to run anywhere but Linux; this only
// keeps the package compiling elsewhere.
func childAttrs() *syscall.SysProcAttr { return nil }

func selfCPU() time.Duration { return 0 }
