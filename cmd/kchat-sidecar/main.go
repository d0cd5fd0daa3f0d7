// Command kchat-sidecar serves a WordPress site's Kognetiks Chatbot interaction data
// from the site's own database. Run it with --help for its settings.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/sidecar"
)

func main() {
	cfg, err := sidecar.ParseConfig(os.Args[1:], os.Getenv, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "kchat-sidecar: %v\n", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	m := &sidecar.Main{Config: cfg, Log: os.Stderr}
	if err := m.Run(ctx); err != nil {
		fmt.Fprintf(os.Stderr, "kchat-sidecar: %v\n", err)
		os.Exit(1)
	}
	<-ctx.Done()
	stop() // a second signal now kills the process at once
	if err := m.Close(); err != nil {
		fmt.Fprintf(os.Stderr, "kchat-sidecar: shutdown: %v\n", err)
		os.Exit(1)
	}
}
