// Command kchat-demo shows the sidecar working with nothing installed: it starts an
// embedded MySQL-compatible engine, writes a realistic WordPress site into it, and runs
// the very same server as kchat-sidecar against it. The embedded engine lives only here
// and in tests; the kchat-sidecar binary does not contain it.
package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	_ "github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
	"github.com/kchat-sidecar/kchat-sidecar/api/period"
	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/sidecar"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
	"github.com/kchat-sidecar/kchat-sidecar/repository/embedded"
)

// demoSecret is the demo site's JWT_AUTH_SECRET_KEY. It protects nothing but the demo.
const demoSecret = "kchat-demo-secret-not-for-production"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(exitCode(run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr), os.Stderr))
}

// errUsage marks a bad command line, already explained on stderr.
var errUsage = errors.New("usage")

// exitCode is the process status for what run returned: 0 for a clean stop or --help,
// 2 for a bad command line, 1 for anything else (said on stderr).
func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil || errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	fmt.Fprintf(stderr, "kchat-demo: %v\n", err)
	return 1
}

// run serves the demo until ctx ends.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	listen, quiet, err := parseFlags(args, getenv, stdout, stderr)
	if err != nil {
		return err
	}
	if !quiet {
		// Seeding takes some seconds; say so, or a first run looks hung.
		fmt.Fprintln(stderr, "kchat-demo: writing the demo site into an embedded database…")
	}
	engine, err := embedded.Start(ctx)
	if err != nil {
		return fmt.Errorf("starting the embedded database: %w", err)
	}
	defer engine.Close()

	site := demoSite{Home: "https://demo.example.test", Timezone: "America/New_York", StartOfWeek: 0}
	loc, _ := period.SiteZone(site.Timezone, "")
	site.Today = period.Today(time.Now(), loc).Time()
	if err := seedDatabase(ctx, engine, site); err != nil {
		return err
	}

	var logs io.Writer = stderr
	if quiet {
		logs = nil
	}
	m := &sidecar.Main{
		Config: sidecar.Config{
			Listen: listen, ShutdownTimeout: 5 * time.Second, LogFormat: "text",
			Repository: repository.Config{DSN: engine.DSN("wordpress"), TablePrefix: "wp_", BlogID: 1},
			API:        api.Config{JWTSecret: []byte(demoSecret)},
		},
		Log: logs,
	}
	if err := m.Run(ctx); err != nil {
		var op *net.OpError
		if errors.As(err, &op) && op.Op == "listen" {
			return fmt.Errorf("%w (another address: --listen 127.0.0.1:8081)", err)
		}
		return err
	}
	token, err := auth.IssueToken([]byte(demoSecret), auth.TokenParams{Issuer: site.Home, UserID: 1, IssuedAt: time.Now(), TTL: 24 * time.Hour})
	if err != nil {
		return err
	}
	printBanner(stdout, "http://"+m.Addr(), token, site)

	<-ctx.Done()
	return m.Close()
}

// parseFlags reads the command line: the address to listen on and whether to be quiet.
// Asked-for help goes to stdout and returns flag.ErrHelp; a mistake goes to stderr with
// the usage and returns errUsage.
func parseFlags(args []string, getenv func(string) string, stdout, stderr io.Writer) (listen string, quiet bool, err error) {
	fs := flag.NewFlagSet("kchat-demo", flag.ContinueOnError)
	listenDefault := getenv("KCHAT_LISTEN")
	if listenDefault == "" {
		listenDefault = sidecar.DefaultListen
	}
	fs.StringVar(&listen, "listen", listenDefault, "address to listen on [$KCHAT_LISTEN]")
	fs.BoolVar(&quiet, "q", false, "quiet: no log on stderr (by default every request is logged there, as text)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: kchat-demo [-q] [--listen ADDR]\n\n"+
			"Serves a seeded WordPress site through kchat-sidecar, on an embedded database.\n"+
			"The users, passwords and a token go to stdout; the log to stderr.\n\n")
		fs.PrintDefaults()
	}
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fs.Usage()
			return "", false, err
		}
		fs.SetOutput(stderr)
		fmt.Fprintf(stderr, "kchat-demo: %v\n", err)
		fs.Usage()
		return "", false, errUsage
	}
	if fs.NArg() > 0 {
		fs.SetOutput(stderr)
		fmt.Fprintf(stderr, "kchat-demo: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return "", false, errUsage
	}
	return listen, quiet, nil
}

// seedDatabase creates the wordpress database in the engine and writes site into it.
func seedDatabase(ctx context.Context, engine *embedded.Server, site demoSite) error {
	root, err := sql.Open("mysql", engine.DSN(""))
	if err != nil {
		return err
	}
	defer root.Close()
	if _, err := root.ExecContext(ctx, "CREATE DATABASE wordpress"); err != nil {
		return err
	}
	// Parameters spliced in by the driver: the engine then plans each INSERT once
	// instead of twice (prepare, then execute).
	db, err := sql.Open("mysql", engine.DSN("wordpress")+"&interpolateParams=true")
	if err != nil {
		return err
	}
	defer db.Close()
	return seed(ctx, db, site)
}

// printBanner tells a newcomer where the demo is, who may log in, and what to try.
func printBanner(w io.Writer, base, token string, site demoSite) {
	ns := base + "/wp-json/kchat/v1"
	fmt.Fprintf(w, `kchat-sidecar demo: a WordPress site (%s, weeks from Sunday) with two years of
chatbot interactions and a conversation log.

  Serving     %s
  Routes      %s   (the index; /docs to explore, /openapi.yaml the contract)

Users (login, password, what they are):
`, site.Timezone, base, ns)
	for _, u := range demoUsers {
		fmt.Fprintf(w, "  %-9s %-19s %s\n", u.Login, u.Password, u.Note)
		for _, p := range u.AppPasswords {
			fmt.Fprintf(w, "  %-9s application password '%s' (%s)\n", "", p.Password, p.Name)
		}
	}
	fmt.Fprintf(w, `
Try:
  curl -u 'admin:%s' '%s/conversations/summary?period=weekly'
  curl -u 'admin:%s' '%s/insights?period=month'
  curl -OJ -u 'admin:%s' '%s/interactions/export'
  curl -X POST -d username=owner68 -d password=demo-owner-pass '%s/wp-json/jwt-auth/v1/token'

  TOKEN=%s
  curl -H "Authorization: Bearer $TOKEN" '%s/tokens/summary?period=monthly'
  (the token is admin's, valid 24 hours)

Requests are logged on stderr (-q: none). Ctrl-C stops.
`, readmeAppPassword, ns, readmeAppPassword, ns, readmeAppPassword, ns, base, token, ns)
}
