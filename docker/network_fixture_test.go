package docker_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/dump"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/netfixture"
)

// TestNetworkFixtureRebuilds runs testdata/wordpress-network/make-network.sh — WordPress's
// own code over Debian's package — into a scratch file and compares what it makes with
// testdata/wordpress-network.sql: the same header (but for the application password,
// new on every build), the same tables, the same chatbot rows. So the committed fixture
// stays what the script makes, and the script keeps working. Needs what the browser test
// needs (KCHAT_E2E=1, MariaDB, wordpress, php-cli, php-mysql).
func TestNetworkFixtureRebuilds(t *testing.T) {
	if os.Getenv("KCHAT_E2E") != "1" {
		t.Skip("rebuilds the network fixture with WordPress: set KCHAT_E2E=1 with MariaDB (KCHAT_TEST_MYSQL_DSN), Debian's wordpress, php-cli and php-mysql installed; .ci/run does")
	}
	dsn := os.Getenv("KCHAT_TEST_MYSQL_DSN")
	if dsn == "" {
		t.Fatal("KCHAT_E2E=1 needs KCHAT_TEST_MYSQL_DSN: WordPress runs on real MariaDB")
	}
	db := dsnParts(t, dsn)
	out := filepath.Join(t.TempDir(), "network.sql")
	cmd := exec.Command("sh", "../testdata/wordpress-network/make-network.sh", out)
	cmd.Env = append(os.Environ(), "KCHAT_DB_USER="+db[1], "KCHAT_DB_PASSWORD="+db[2], "KCHAT_DB_HOST="+db[3],
		"KCHAT_TODAY="+netfixture.Today.Format("2006-01-02"), "WORDPRESS_DIR="+debianWP)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make-network.sh: %v\n%s", err, b)
	}
	rebuilt, err := os.ReadFile(out)
	must(t, err)
	committed, err := os.ReadFile(dump.NetworkPath())
	must(t, err)

	got, want := splitDump(string(rebuilt)), splitDump(string(committed))
	if !slices.Equal(got.header, want.header) {
		t.Errorf("header:\n%s\ncommitted:\n%s", strings.Join(got.header, "\n"), strings.Join(want.header, "\n"))
	}
	if !slices.Equal(got.tables, want.tables) {
		t.Errorf("tables: %q, committed %q", got.tables, want.tables)
	}
	for _, table := range want.tables {
		if strings.Contains(table, "chatbot_chatgpt") && got.rows[table] != want.rows[table] {
			t.Errorf("%s: the rows differ from the committed ones", table)
		}
	}
}

type dumpParts struct {
	header []string          // the "-- " lines, application password left out
	tables []string          // in dump order
	rows   map[string]string // table → its INSERT statement
}

func splitDump(script string) dumpParts {
	p := dumpParts{rows: map[string]string{}}
	lines := strings.Split(script, "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		switch {
		case strings.HasPrefix(line, "-- "):
			if !strings.HasPrefix(line, "-- Application password") {
				p.header = append(p.header, line)
			}
		case strings.HasPrefix(line, "CREATE TABLE `"):
			p.tables = append(p.tables, strings.Split(line, "`")[1])
		case strings.HasPrefix(line, "INSERT INTO `"):
			table := strings.Split(line, "`")[1]
			var b strings.Builder
			for ; i < len(lines); i++ {
				b.WriteString(lines[i] + "\n")
				if strings.HasSuffix(lines[i], ");") {
					break
				}
			}
			p.rows[table] = b.String()
		}
	}
	return p
}
