// Command kchat-sidecar serves a WordPress site's Kognetiks Chatbot interaction data
// from the site's own database. Run it with --help for its settings.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/sidecar"
)

func main() {
	// "kchat-sidecar healthcheck [URL]" lets a container health check probe /readyz
	// from an image that has no curl or wget.
	if len(os.Args) > 1 && os.Args[1] == "healthcheck" {
		os.Exit(healthcheck(os.Args[2:]))
	}
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
		var bad *sidecar.ConfigError
		if errors.As(err, &bad) {
			os.Exit(2) // as for every other bad setting
		}
		os.Exit(1)
	}
	<-ctx.Done()
	stop() // a second signal now kills the process at once
	if err := m.Close(); err != nil {
		fmt.Fprintf(os.Stderr, "kchat-sidecar: shutdown: %v\n", err)
		os.Exit(1)
	}
}

// healthcheck exits 0 when url (default: this host's /readyz on the default port)
// answers 200 within a few seconds, 1 otherwise.
func healthcheck(args []string) int {
	url := sidecar.HealthcheckURL
	if len(args) > 0 {
		url = args[0]
	}
	client := http.Client{Timeout: 4 * time.Second}
	resp, err := client.Get(url)
	if err != nil {
		fmt.Fprintf(os.Stderr, "kchat-sidecar healthcheck: %v\n", err)
		return 1
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintf(os.Stderr, "kchat-sidecar healthcheck: %s answered %d\n", url, resp.StatusCode)
		return 1
	}
	return 0
}
