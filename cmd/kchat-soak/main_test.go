package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// The whole soak at a small scale: a private MariaDB, the real sidecar binary, eight
// connections for twelve seconds with the database down for one second early on: a
// mariadbd restarted on a busy CI machine has taken 3.3 s to answer again, and recovery
// must be seen while traffic still runs.
// It needs mariadbd, mariadb-install-db and the mariadb client, so it only runs with
// KCHAT_SOAK_TEST=1 (CI sets it).
func TestSoakSmall(t *testing.T) {
	if os.Getenv("KCHAT_SOAK_TEST") != "1" {
		t.Skip("set KCHAT_SOAK_TEST=1 to run the soak test (it needs mariadbd, mariadb-install-db and the mariadb client)")
	}
	for _, bin := range []string{"/usr/sbin/mariadbd", "/usr/bin/mariadb-install-db"} {
		if _, err := os.Stat(bin); err != nil {
			t.Fatalf("KCHAT_SOAK_TEST=1 but %s is missing: %v", bin, err)
		}
	}
	if _, err := exec.LookPath("mariadb"); err != nil {
		t.Fatal("KCHAT_SOAK_TEST=1 but the mariadb client is not on PATH")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var stdout, stderr bytes.Buffer
	err := run(ctx, []string{"--connections", "8", "--duration", "12s", "--restart-at", "3s", "--down-for", "1s",
		"--rows", "2000", "--settle", "2s"}, &stdout, &stderr)
	report := stdout.String()
	if err != nil {
		t.Fatalf("run: %v\nreport:\n%s\nlog:\n%s", err, report, stderr.String())
	}
	for _, want := range []string{
		"# kchat-soak report", "## Machine", "## Run", "## Requests by class", "## Requests by route",
		"## Database restart", "SIGTERM to mariadbd", "Cut probes: 4 whole-log conversation exports", "the database answers", "First database-backed 2xx after",
		"## Sidecar memory", "**start**", "**end**", "Bound used: end ≤ 1.5 × start + 16 MiB",
		"## Sidecar process and log", "## Verdict", "\n**PASS**\n",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	for _, absent := range []string{"**FAIL**", "**NOT MET**", "## Failures"} {
		if strings.Contains(report, absent) {
			t.Errorf("the report contains %q", absent)
		}
	}
	if t.Failed() {
		t.Logf("report:\n%s", report)
	}
}

// Flags are checked before anything is started.
func TestOptions(t *testing.T) {
	for _, args := range [][]string{
		{"--connections", "0"},
		{"--duration", "10s", "--restart-at", "10s"},
		{"--restart-cmd", "true"},
		{"--database", "no-dashes"},
		{"--rows", "0"},
		{"stray"},
	} {
		if _, err := parseOptions(args, &bytes.Buffer{}); err == nil {
			t.Errorf("%q: accepted", args)
		}
	}
	o, err := parseOptions([]string{"--duration", "20s"}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if o.restartAt != 10*time.Second || o.connections != 200 || o.downFor != 5*time.Second || o.rows != 100_000 {
		t.Errorf("defaults: %+v", o)
	}
	if o, _ := parseOptions([]string{"--dsn", "root@tcp(127.0.0.1:1)/"}, &bytes.Buffer{}); !o.noRestart {
		t.Error("--dsn without --restart-cmd must not restart anything")
	}
}

// A CSV cut at a line break still parses; one cut inside a row or a quoted field does
// not end with a line break or does not parse, and either is caught.
func TestCheckCSV(t *testing.T) {
	whole := "id,text\r\n1,\"a, \"\"b\"\"\r\nc\"\r\n2,d\r\n"
	if n, err := checkCSV([]byte(whole), "id,text"); err != nil || n != 2 {
		t.Fatalf("whole: %d rows, %v", n, err)
	}
	if n, err := checkCSV([]byte("\xef\xbb\xbf"+whole), "id,text"); err != nil || n != 2 {
		t.Fatalf("with a BOM: %d rows, %v", n, err)
	}
	for _, cut := range []string{whole[:len(whole)-2], whole[:14], whole[:20] + "\n", "", "id,other\r\n"} {
		if _, err := checkCSV([]byte(cut), "id,text"); err == nil {
			t.Errorf("%q passed", cut)
		}
	}
}
