package repotest_test

import (
	"database/sql"
	"strings"
	"testing"

	_ "github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
)

func TestSplitStatements(t *testing.T) {
	script := "-- a comment; not a statement\n" +
		"/*M!999999\\- enable the sandbox mode */ \n" +
		"/*!40101 SET NAMES utf8mb4 */;\n" +
		"INSERT INTO t VALUES ('a;b', 'it''s', 'say \\\"hi\\\";', \"x;y\", `odd;name`); # trailing comment;\n" +
		"/* plain comment; */ SELECT 1;\n" +
		"SELECT 'back\\\\slash;';\n" +
		"SELECT 2"
	got := repotest.SplitStatements(script)
	want := []string{
		"/*M!999999\\- enable the sandbox mode */ \n/*!40101 SET NAMES utf8mb4 */",
		"INSERT INTO t VALUES ('a;b', 'it''s', 'say \\\"hi\\\";', \"x;y\", `odd;name`)",
		"SELECT 1",
		"SELECT 'back\\\\slash;'",
		"SELECT 2",
	}
	if strings.Join(got, "\n|\n") != strings.Join(want, "\n|\n") {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// The fixture loads whole, with its UTF-8 intact, whichever engine runs the tests.
func TestFixtureLoads(t *testing.T) {
	d := repotest.NewDatabase(t)
	d.LoadFixture(t)
	db, err := sql.Open("mysql", d.DSN)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for table, want := range map[string]int{
		"wp_users": 3, "wp_usermeta": 43, "wp_options": 105, "wp_chatbot_chatgpt_interactions": 728, "wp_chatbot_chatgpt_conversation_log": 400,
	} {
		var n int
		if err := db.QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("%s: %d rows, want %d", table, n, want)
		}
	}
	var name, msg string
	if err := db.QueryRow("SELECT display_name FROM wp_users WHERE ID = 3").Scan(&name); err != nil || name != "Ädmin Sixty-Eight" {
		t.Errorf("display_name %q, %v", name, err)
	}
	if err := db.QueryRow("SELECT message_text FROM wp_chatbot_chatgpt_conversation_log WHERE id = 396").Scan(&msg); err != nil || msg != "emoji 😀 ünïcödé" {
		t.Errorf("message %q, %v", msg, err)
	}
	if err := db.QueryRow("SELECT message_text FROM wp_chatbot_chatgpt_conversation_log WHERE id = 1").Scan(&msg); err != nil || msg != `Hello, "bot"` {
		t.Errorf("message %q, %v", msg, err)
	}
}

// Tests running at once each see only their own database.
func TestIsolation(t *testing.T) {
	for _, name := range []string{"one", "two"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			d := repotest.NewDatabase(t)
			d.Exec(t, "CREATE TABLE marker (v varchar(10))")
			d.Exec(t, "INSERT INTO marker VALUES (?)", name)
			db, err := sql.Open("mysql", d.DSN)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var n int
			if err := db.QueryRow("SELECT COUNT(*) FROM marker").Scan(&n); err != nil || n != 1 {
				t.Errorf("marker rows %d, %v", n, err)
			}
		})
	}
}

// On a real server the read-only user can read and cannot write.
func TestReadOnlyDSN(t *testing.T) {
	d := repotest.NewDatabase(t)
	d.LoadFixture(t)
	db, err := sql.Open("mysql", d.ReadOnlyDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM wp_users").Scan(&n); err != nil || n != 3 {
		t.Fatalf("read-only user cannot read: %d %v", n, err)
	}
	if d.Embedded {
		return // the embedded engine has no privileges to check; CI runs this on MariaDB
	}
	for _, stmt := range []string{
		"INSERT INTO wp_chatbot_chatgpt_interactions VALUES ('2030-01-01', 1)",
		"UPDATE wp_users SET user_pass = '' WHERE ID = 1",
		"DELETE FROM wp_options",
		"CREATE TABLE x (a int)",
		"DROP TABLE wp_users",
	} {
		if _, err := db.Exec(stmt); err == nil {
			t.Errorf("read-only user could run %s", stmt)
		}
	}
}
