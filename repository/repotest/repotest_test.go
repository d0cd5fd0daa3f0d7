package repotest_test

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
)

func engineName(d *repotest.Database) string {
	if d.Embedded {
		return "embedded engine"
	}
	return "MariaDB/MySQL"
}

func open(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func fixtureText(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(repotest.FixturePath())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// dumpedString finds the string literal that the fixture's dump gives as the value of
// the row starting with prefix and undoes mysqldump's escaping, independently of the
// loader under test.
func dumpedString(t *testing.T, prefix string) string {
	t.Helper()
	dump := fixtureText(t)
	i := strings.Index(dump, prefix)
	if i < 0 {
		t.Fatalf("fixture has no %q", prefix)
	}
	var b strings.Builder
	for j := i + len(prefix); j < len(dump); j++ {
		switch c := dump[j]; c {
		case '\'':
			return b.String()
		case '\\':
			j++
			if r, ok := map[byte]byte{'0': 0, 'n': '\n', 'r': '\r', 't': '\t', 'Z': 0x1a}[dump[j]]; ok {
				b.WriteByte(r)
			} else {
				b.WriteByte(dump[j]) // \\, \' and \" stand for themselves
			}
		default:
			b.WriteByte(c)
		}
	}
	t.Fatalf("unterminated value after %q", prefix)
	return ""
}

// dumpedInteractions reads the interactions table straight from the dump's text.
func dumpedInteractions(t *testing.T) map[string]int {
	t.Helper()
	dump := fixtureText(t)
	start := strings.Index(dump, "INSERT INTO `wp_chatbot_chatgpt_interactions` VALUES")
	if start < 0 {
		t.Fatal("fixture has no interactions")
	}
	end := strings.Index(dump[start:], ";\n")
	rows := map[string]int{}
	for _, m := range regexp.MustCompile(`\('(\d{4}-\d\d-\d\d)',(\d+)\)`).FindAllStringSubmatch(dump[start:start+end], -1) {
		var n int
		fmt.Sscan(m[2], &n)
		rows[m[1]] = n
	}
	if len(rows) < 100 {
		t.Fatalf("only %d interaction rows found in the dump", len(rows))
	}
	return rows
}

// The fixture loads whole and intact on whichever engine runs the tests; CI runs this
// once on each.
func TestLoadFixture(t *testing.T) {
	d := repotest.NewDatabase(t)
	began := time.Now()
	d.LoadFixture(t)
	t.Logf("fixture loaded in %v on the %s", time.Since(began).Round(time.Millisecond), engineName(d))
	db := open(t, d.DSN)

	counts := map[string]int{
		"wp_users":                            3,
		"wp_usermeta":                         43,
		"wp_options":                          105,
		"wp_chatbot_chatgpt_interactions":     len(dumpedInteractions(t)),
		"wp_chatbot_chatgpt_conversation_log": 400,
	}
	for table, want := range counts {
		var got int
		if err := db.QueryRow("SELECT COUNT(*) FROM " + table).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s: got %d rows, want %d", table, got, want)
		}
	}
	var tables []string
	rows, err := db.Query("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	if got, want := len(tables), len(counts); got != want {
		t.Errorf("tables: got %q, want the %d of the dump", tables, want)
	}

	text := []struct{ query, want string }{
		{"SELECT option_value FROM wp_options WHERE option_name = 'wp_user_roles'",
			dumpedString(t, "(100,'wp_user_roles','")},
		{"SELECT display_name FROM wp_users WHERE ID = 3", "Ädmin Sixty-Eight"},
		{"SELECT message_text FROM wp_chatbot_chatgpt_conversation_log WHERE id = 12", "emoji 😀 ünïcödé"},
		{"SELECT message_text FROM wp_chatbot_chatgpt_conversation_log WHERE id = 11", "line one\nline two"},
		{"SELECT meta_value FROM wp_usermeta WHERE umeta_id = 12", `a:1:{s:13:"administrator";b:1;}`},
	}
	for _, tt := range text {
		var got []byte
		if err := db.QueryRow(tt.query).Scan(&got); err != nil {
			t.Fatalf("%s: %v", tt.query, err)
		}
		if string(got) != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.query, got, tt.want)
		}
	}
	if roles := dumpedString(t, "(100,'wp_user_roles','"); !strings.HasPrefix(roles, `a:5:{s:13:"administrator";`) || len(roles) < 1000 {
		t.Errorf("the test read the wrong value from the dump: %.60q (%d bytes)", roles, len(roles))
	}
}

// The statements the repository runs give the same answers on both engines: the
// expectations come from the dump's text, not from either engine.
func TestRepositoryQueries(t *testing.T) {
	d := repotest.NewDatabase(t)
	d.LoadFixture(t)
	// Through the read-only account, as the sidecar reads.
	db := open(t, d.ReadOnlyDSN(t))
	dumped := dumpedInteractions(t)

	from, to := "2024-11-01", "2024-11-30"
	var want []string
	for date := range dumped {
		if date >= from && date <= to {
			want = append(want, date)
		}
	}
	slices.Sort(want)

	const rangeQuery = "SELECT `date`, `count` FROM wp_chatbot_chatgpt_interactions WHERE `date` >= ? AND `date` <= ? ORDER BY `date` ASC"
	t.Run("date range scanned into time.Time", func(t *testing.T) {
		for _, args := range [][]any{
			{from, to},
			{time.Date(2024, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 11, 30, 0, 0, 0, 0, time.UTC)},
		} {
			rows, err := db.Query(rangeQuery, args...)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for rows.Next() {
				var date time.Time
				var count sql.NullInt64
				if err := rows.Scan(&date, &count); err != nil {
					t.Fatal(err)
				}
				if date.Location() != time.UTC || date.Hour() != 0 || date.Minute() != 0 {
					t.Errorf("DATE %v: want midnight UTC", date)
				}
				day := date.Format(time.DateOnly)
				if !count.Valid || int(count.Int64) != dumped[day] {
					t.Errorf("%s: got count %v, want %d", day, count, dumped[day])
				}
				got = append(got, day)
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("args %T: got days\n%v\nwant\n%v", args[0], got, want)
			}
		}
	})
	t.Run("DATE scanned into a string", func(t *testing.T) {
		var got string
		if err := db.QueryRow(rangeQuery+" LIMIT 1", from, to).Scan(&got, new(int)); err != nil {
			t.Fatal(err)
		}
		// With parseTime=true the driver hands database/sql a time.Time, which it
		// formats as RFC 3339 for a string destination, on either engine.
		if want := want[0] + "T00:00:00Z"; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("COUNT", func(t *testing.T) {
		var got int
		if err := db.QueryRow("SELECT COUNT(*) FROM wp_chatbot_chatgpt_interactions WHERE `date` >= ? AND `date` <= ?", from, to).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != len(want) {
			t.Errorf("got %d, want %d", got, len(want))
		}
	})
	t.Run("page in descending order", func(t *testing.T) {
		rows, err := db.Query(rangeQuery[:strings.Index(rangeQuery, " ORDER")]+" ORDER BY `date` DESC LIMIT ? OFFSET ?", from, to, 5, 3)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for rows.Next() {
			var date time.Time
			var count sql.NullInt64
			if err := rows.Scan(&date, &count); err != nil {
				t.Fatal(err)
			}
			got = append(got, date.Format(time.DateOnly))
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		var page []string
		for i := len(want) - 1 - 3; i >= 0 && len(page) < 5; i-- {
			page = append(page, want[i])
		}
		if fmt.Sprint(got) != fmt.Sprint(page) {
			t.Errorf("got %v, want %v", got, page)
		}
	})
	t.Run("options by name", func(t *testing.T) {
		names := []string{"timezone_string", "start_of_week", "no_such_option"}
		rows, err := db.Query("SELECT option_name, option_value FROM wp_options WHERE option_name IN (?, ?, ?)", names[0], names[1], names[2])
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for rows.Next() {
			var name, value string
			if err := rows.Scan(&name, &value); err != nil {
				t.Fatal(err)
			}
			got[name] = value
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{
			"timezone_string": dumpedString(t, "'timezone_string','"),
			"start_of_week":   dumpedString(t, "'start_of_week','"),
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("got %v, want %v", got, want)
		}
	})
	t.Run("user meta", func(t *testing.T) {
		const q = "SELECT meta_value FROM wp_usermeta WHERE user_id = ? AND meta_key = ? ORDER BY umeta_id LIMIT 1"
		var got sql.NullString
		if err := db.QueryRow(q, 2, "wp_capabilities").Scan(&got); err != nil {
			t.Fatal(err)
		}
		if want := dumpedString(t, "(27,2,'wp_capabilities','"); !got.Valid || got.String != want {
			t.Errorf("got %v, want %q", got, want)
		}
		if err := db.QueryRow(q, 2, "no_such_key").Scan(&got); err != sql.ErrNoRows {
			t.Errorf("missing key: got %v, want sql.ErrNoRows", err)
		}
	})
	t.Run("table existence", func(t *testing.T) {
		const q = "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?"
		for table, want := range map[string]int{"wp_chatbot_chatgpt_interactions": 1, "wp_options": 1, "wp_no_such_table": 0} {
			var got int
			if err := db.QueryRow(q, table).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("%s: got %d, want %d", table, got, want)
			}
		}
	})
}

// A NULL count, which the plugin's schema allows, reads back as NULL on both engines.
func TestNullCount(t *testing.T) {
	d := repotest.NewDatabase(t)
	d.Exec(t, "CREATE TABLE wp_chatbot_chatgpt_interactions (`date` date NOT NULL PRIMARY KEY, `count` int DEFAULT NULL)")
	d.Exec(t, "INSERT INTO wp_chatbot_chatgpt_interactions (`date`) VALUES (?)", "2026-01-02")
	d.Exec(t, "INSERT INTO wp_chatbot_chatgpt_interactions VALUES (?, ?)", "2026-01-01", 7)
	rows, err := open(t, d.DSN).Query("SELECT `date`, `count` FROM wp_chatbot_chatgpt_interactions ORDER BY `date`")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for rows.Next() {
		var date time.Time
		var count sql.NullInt64
		if err := rows.Scan(&date, &count); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%s=%v/%v", date.Format(time.DateOnly), count.Int64, count.Valid))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(got, " "), "2026-01-01=7/true 2026-01-02=0/false"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// The read-only account reads and cannot change anything, on MariaDB and on the
// embedded engine alike; the account is gone once its test ends.
func TestReadOnlyDSN(t *testing.T) {
	d := repotest.NewDatabase(t)
	d.Exec(t, "CREATE TABLE t (id int PRIMARY KEY, v varchar(10))")
	d.Exec(t, "INSERT INTO t VALUES (1, 'one')")

	var roDSN string
	t.Run("inside", func(t *testing.T) {
		roDSN = d.ReadOnlyDSN(t)
		ro := open(t, roDSN)
		var v string
		if err := ro.QueryRow("SELECT v FROM t WHERE id = ?", 1).Scan(&v); err != nil || v != "one" {
			t.Fatalf("read-only account reads %q, %v", v, err)
		}
		for _, stmt := range []string{
			"INSERT INTO t VALUES (2, 'two')",
			"UPDATE t SET v = 'changed'",
			"DELETE FROM t",
			"CREATE TABLE u (a int)",
			"DROP TABLE t",
			"ALTER TABLE t ADD COLUMN w int",
			"CREATE DATABASE kchat_test_ro_escape",
		} {
			if _, err := ro.Exec(stmt); err == nil {
				t.Errorf("read-only account could run %s", stmt)
			}
		}
		var n int
		if err := open(t, d.DSN).QueryRow("SELECT COUNT(*) FROM t WHERE v = 'one'").Scan(&n); err != nil || n != 1 {
			t.Errorf("after the refused writes: %d rows as they were, %v", n, err)
		}
	})
	if os.Getenv(repotest.EnvReadOnlyDSN) != "" && !d.Embedded {
		return // CI's shared account stays
	}
	db := open(t, roDSN)
	if err := db.Ping(); err == nil {
		t.Errorf("the read-only account outlived its test")
	}
}

// Each test's database is its own, while tests run at the same time.
func TestParallelDatabasesAreIsolated(t *testing.T) {
	var arrived sync.WaitGroup
	arrived.Add(2)
	for _, name := range []string{"one", "two"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var once sync.Once
			here := func() { once.Do(arrived.Done) }
			defer here() // a subtest that stops early must not leave the other waiting
			d := repotest.NewDatabase(t)
			d.Exec(t, "CREATE TABLE marker (v varchar(10))")
			d.Exec(t, "INSERT INTO marker VALUES (?)", name)
			here()
			arrived.Wait() // both databases now exist and hold their rows

			rows, err := open(t, d.DSN).Query("SELECT v FROM marker")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for rows.Next() {
				var v string
				if err := rows.Scan(&v); err != nil {
					t.Fatal(err)
				}
				got = append(got, v)
			}
			if fmt.Sprint(got) != fmt.Sprint([]string{name}) {
				t.Errorf("%s sees %v", d.Name, got)
			}
		})
	}
}

func TestDatabaseIsDroppedAfterItsTest(t *testing.T) {
	var d *repotest.Database
	t.Run("owner", func(t *testing.T) {
		d = repotest.NewDatabase(t)
		if !strings.HasPrefix(d.Name, "kchat_test_") || len(d.Name) <= len("kchat_test_") {
			t.Errorf("name %q", d.Name)
		}
		c, err := mysql.ParseDSN(d.DSN)
		if err != nil {
			t.Fatal(err)
		}
		if c.DBName != d.Name || !c.ParseTime || c.Loc != time.UTC {
			t.Errorf("DSN %s: want database %s, parseTime and UTC", d.DSN, d.Name)
		}
		var charset string
		if err := open(t, d.DSN).QueryRow("SELECT @@character_set_database").Scan(&charset); err != nil || charset != "utf8mb4" {
			t.Errorf("character set %q, %v", charset, err)
		}
	})
	other := repotest.NewDatabase(t)
	var n int
	if err := open(t, other.DSN).QueryRow("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?", d.Name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%s still exists after its test", d.Name)
	}
}

func TestFixturePath(t *testing.T) {
	p := repotest.FixturePath()
	if !filepath.IsAbs(p) {
		t.Errorf("%s is not absolute", p)
	}
	_, here, _, _ := runtime.Caller(0)
	if want := filepath.Join(filepath.Dir(here), "..", "..", "testdata", "wordpress-6.1-site.sql"); p != want {
		t.Errorf("got %s, want %s", p, want)
	}
	if _, err := os.Stat(p); err != nil {
		t.Error(err)
	}
}

// fatalRecorder stands in for a test so that a test can watch NewDatabase and LoadSQL
// fail: its Fatal and Skip methods record and end the goroutine as the real ones do.
type fatalRecorder struct {
	testing.TB
	mu       sync.Mutex
	failures []string
}

func (r *fatalRecorder) record(s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failures = append(r.failures, s)
}

func (r *fatalRecorder) Errorf(format string, args ...any) { r.record(fmt.Sprintf(format, args...)) }
func (r *fatalRecorder) Fatalf(format string, args ...any) {
	r.record(fmt.Sprintf(format, args...))
	runtime.Goexit()
}
func (r *fatalRecorder) Fatal(args ...any) { r.record(fmt.Sprint(args...)); runtime.Goexit() }
func (r *fatalRecorder) Skipf(format string, args ...any) {
	r.record("SKIP " + fmt.Sprintf(format, args...))
	runtime.Goexit()
}
func (r *fatalRecorder) Skip(args ...any) { r.record("SKIP " + fmt.Sprint(args...)); runtime.Goexit() }
func (r *fatalRecorder) SkipNow()         { r.record("SKIP"); runtime.Goexit() }

// run calls f with r as its test and reports whether f returned normally.
func (r *fatalRecorder) run(f func(testing.TB)) (completed bool) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
		completed = true
	}()
	<-done
	return completed
}

// An unreachable KCHAT_TEST_MYSQL_DSN fails the test, saying where it looked, never
// skips it and never leaks the password.
func TestUnreachableServerFails(t *testing.T) {
	for _, ci := range []string{"", "true"} {
		t.Run("CI="+ci, func(t *testing.T) {
			t.Setenv("CI", ci)
			t.Setenv(repotest.EnvDSN, "root:s3cret-pw@tcp(127.0.0.1:1)/")
			r := &fatalRecorder{TB: t}
			if r.run(func(tb testing.TB) { repotest.NewDatabase(tb) }) {
				t.Fatal("NewDatabase returned")
			}
			if len(r.failures) != 1 {
				t.Fatalf("failures: %q", r.failures)
			}
			msg := r.failures[0]
			for _, want := range []string{repotest.EnvDSN, "127.0.0.1:1", "connection refused"} {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q does not mention %q", msg, want)
				}
			}
			if strings.Contains(msg, "s3cret-pw") || strings.HasPrefix(msg, "SKIP") {
				t.Errorf("message %q leaks the password or skips", msg)
			}
		})
	}
}

// LoadSQL stops at the first statement the server refuses and says where it is.
func TestLoadSQLFailsLoudly(t *testing.T) {
	d := repotest.NewDatabase(t)
	r := &fatalRecorder{TB: t}
	script := "CREATE TABLE a (x int);\n-- fine so far\nINSERT INTO a VALUES (1);\nTHIS IS NOT SQL;\nINSERT INTO a VALUES (2);\n"
	if r.run(func(tb testing.TB) { d.LoadSQL(tb, script) }) {
		t.Fatal("LoadSQL accepted a broken script")
	}
	if len(r.failures) != 1 || !strings.Contains(r.failures[0], "line 4") || !strings.Contains(r.failures[0], "THIS IS NOT SQL") {
		t.Errorf("failures: %q", r.failures)
	}
	var n int
	if err := open(t, d.DSN).QueryRow("SELECT COUNT(*) FROM a").Scan(&n); err != nil || n != 1 {
		t.Errorf("rows before the failure: %d, %v; want 1 and nothing after", n, err)
	}

	r = &fatalRecorder{TB: t}
	if r.run(func(tb testing.TB) { d.LoadSQL(tb, "SELECT 'unterminated;\n") }) || len(r.failures) != 1 || !strings.Contains(r.failures[0], "unterminated") {
		t.Errorf("unterminated quote: failures %q", r.failures)
	}
}
