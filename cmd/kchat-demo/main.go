// Command kchat-demo shows the sidecar working with nothing installed: it starts an
// embedded MySQL-compatible engine, writes a realistic WordPress site into it, and runs
// the very same server as kchat-sidecar against it. The embedded engine lives only here
// and in tests; the kchat-sidecar binary does not contain it.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	_ "github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/api/period"
	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/sidecar"
	"github.com/kchat-sidecar/kchat-sidecar/repository/embedded"
)

// demoSecret is the demo site's JWT_AUTH_SECRET_KEY. It protects nothing but the demo.
const demoSecret = "kchat-demo-secret-not-for-production"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "kchat-demo: %v\n", err)
		os.Exit(1)
	}
}

// run serves the demo until ctx ends.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("kchat-demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	listenDefault := getenv("KCHAT_LISTEN")
	if listenDefault == "" {
		listenDefault = "127.0.0.1:8080"
	}
	listen := fs.String("listen", listenDefault, "address to listen on [$KCHAT_LISTEN]")
	verbose := fs.Bool("v", false, "log every request to stderr")
	if err := fs.Parse(args); err != nil {
		return err
	}

	engine, err := embedded.Start(ctx)
	if err != nil {
		return fmt.Errorf("starting the embedded database: %w", err)
	}
	defer engine.Close()

	site := demoSite{Home: "https://demo.example.test", Timezone: "America/New_York", StartOfWeek: 0}
	loc, _ := period.SiteZone(site.Timezone, "")
	site.Today = period.Today(time.Now(), loc).Time()

	root, err := sql.Open("mysql", engine.DSN(""))
	if err != nil {
		return err
	}
	defer root.Close()
	if _, err := root.ExecContext(ctx, "CREATE DATABASE wordpress"); err != nil {
		return err
	}
	db, err := sql.Open("mysql", engine.DSN("wordpress"))
	if err != nil {
		return err
	}
	defer db.Close()
	if err := seed(ctx, db, site); err != nil {
		return err
	}

	var logs io.Writer
	if *verbose {
		logs = stderr
	}
	m := &sidecar.Main{
		Config: sidecar.Config{
			Listen: *listen, DSN: engine.DSN("wordpress"), TablePrefix: "wp_", BlogID: 1,
			JWTSecret: demoSecret, QueryTimeout: 10 * time.Second, ShutdownTimeout: 5 * time.Second, LogFormat: "text",
		},
		Log: logs,
	}
	if err := m.Run(ctx); err != nil {
		return err
	}
	token, err := api.IssueToken([]byte(demoSecret), api.TokenParams{Issuer: site.Home, UserID: 1, IssuedAt: time.Now(), TTL: 24 * time.Hour})
	if err != nil {
		return err
	}
	base := "http://" + m.Addr()
	fmt.Fprintf(stdout, `kchat-sidecar demo: a WordPress site (%s, weeks from Sunday) with two years of chatbot interactions.

  Serving     %s
  Contract    %s/openapi.yaml
  Token       %s
              (user "admin", valid 24 hours)

  curl -H "Authorization: Bearer %s" '%s/wp-json/kchat/v1/interactions/summary?period=weekly'
  curl -OJ -H "Authorization: Bearer %s" '%s/wp-json/kchat/v1/interactions/export'
  curl -X POST -d username=owner68 -d password=demo-owner-pass '%s/wp-json/jwt-auth/v1/token'

Users: admin / demo-admin-pass (phpass), owner68 / demo-owner-pass (WordPress 6.8 bcrypt),
analyst / demo-analyst-pass (custom role with manage_options), editor / demo-editor-pass
(no access), oldtimer / demo-oldtimer-pass (legacy MD5, author). Ctrl-C stops.
`, site.Timezone, base, base, token, token, base, token, base, base)

	<-ctx.Done()
	return m.Close()
}
