package repotest

import (
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// With a real server configured, the fixture goes onto it and onto the embedded engine
// side by side, and the repository's statements must answer alike on both: the same
// column types, the same values of the same Go types, NULLs in the same places. This is
// what lets `go test ./...` on a machine with Go alone stand for the MariaDB run.
func TestEnginesAgree(t *testing.T) {
	if os.Getenv(EnvDSN) == "" {
		t.Skipf("needs a real server to compare with: set %s", EnvDSN)
	}
	onServer := newDatabaseOn(t, chooseServer(t))
	emb := newDatabaseOn(t, embeddedServer(t))
	for _, d := range []*Database{onServer, emb} {
		began := time.Now()
		d.LoadFixture(t)
		t.Logf("fixture loaded in %v on %s", time.Since(began).Round(time.Millisecond), d.server)
	}
	realDB, embDB := openPool(t, onServer.ReadOnlyDSN(t)), openPool(t, emb.ReadOnlyDSN(t))

	interactions := "SELECT `date`, `count` FROM wp_chatbot_chatgpt_interactions"
	options := "SELECT option_name, option_value FROM wp_options WHERE option_name IN (?, ?, ?)"
	meta := "SELECT meta_value FROM wp_usermeta WHERE user_id = ? AND meta_key = ? ORDER BY umeta_id LIMIT 1"
	user := "SELECT ID, user_login, user_pass, user_nicename, user_email, display_name FROM wp_users"
	queries := []struct {
		query string
		args  []any
		how   comparison
	}{
		{interactions + " WHERE `date` >= ? AND `date` <= ? ORDER BY `date` ASC", []any{"2024-11-01", "2026-11-30"}, exactly},
		{interactions + " WHERE `date` >= ? AND `date` <= ? ORDER BY `date` ASC",
			[]any{time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 1, 31, 0, 0, 0, 0, time.UTC)}, exactly},
		{interactions + " ORDER BY `date` ASC", nil, exactly}, // no arguments: the text protocol
		{"SELECT COUNT(*) FROM wp_chatbot_chatgpt_interactions WHERE `date` >= ? AND `date` <= ?", []any{"2025-01-01", "2025-12-31"}, exactly},
		{"SELECT COUNT(*) FROM wp_chatbot_chatgpt_interactions", nil, exactly},
		{interactions + " WHERE `date` >= ? ORDER BY `date` DESC LIMIT ? OFFSET ?", []any{"2025-06-01", 10, 20}, exactly},
		{options, []any{"wp_user_roles", "timezone_string", "start_of_week"}, exactly},
		// utf8mb4_unicode_520_ci ignores case and accents on both engines...
		{options, []any{"WP_USER_ROLES", "Timezone_String", "Start_Of_Week"}, exactly},
		{user + " WHERE user_login = ? OR user_email = ? OR display_name = ?", []any{"ADMIN", "Editor@Example.test", "admin sixty-eight"}, exactly},
		// ...but only MariaDB pads with spaces (PAD SPACE): 'start_of_week ' finds
		// start_of_week there and nothing on the embedded engine.
		{options, []any{"wp_user_roles", "timezone_string", "start_of_week "}, apart},
		{meta, []any{3, "wp_capabilities"}, exactly},
		{meta, []any{"3", "WP_Capabilities"}, exactly},
		{meta, []any{3, "no_such_key"}, exactly},
		{user + " WHERE ID = ?", []any{3}, exactly},
		// The literal 1 is INT on MariaDB, TINYINT on the embedded engine; both give int64(1).
		{"SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?", []any{"wp_chatbot_chatgpt_interactions"}, byValue},
		{"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?", []any{"wp_chatbot_chatgpt_interactions"}, exactly},
		{"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?", []any{"wp_no_such_table"}, exactly},
		// The embedded engine calls the ENUM column user_type CHAR; the values agree,
		// NULL sentiment scores included.
		{"SELECT * FROM wp_chatbot_chatgpt_conversation_log WHERE id IN (?, ?, ?, ?) ORDER BY id", []any{1, 11, 12, 396}, byValue},
		// SUM of a comparison is DECIMAL on MariaDB (text to the driver) and DOUBLE on
		// the embedded engine (float64); both scan into an int.
		{"SELECT DATE(`interaction_time`) AS day, COUNT(*), COALESCE(SUM(`user_type` = 'Visitor'), 0) FROM wp_chatbot_chatgpt_conversation_log" +
			" WHERE `interaction_time` >= ? AND `interaction_time` < ? GROUP BY DATE(`interaction_time`) ORDER BY day", []any{"2026-11-01", "2026-11-25"}, byValue},
		{"SELECT DATE(`interaction_time`), `session_id` FROM wp_chatbot_chatgpt_conversation_log GROUP BY DATE(`interaction_time`), `session_id` ORDER BY 1, 2", nil, exactly},
		// MariaDB compares a DATE with a string that is no date (with a warning); the
		// embedded engine refuses the query.
		{"SELECT COUNT(*) FROM wp_chatbot_chatgpt_interactions WHERE `date` >= ?", []any{"garbage"}, apart},
	}
	for _, q := range queries {
		got, gotErr := snapshot(embDB, q.query, q.args, q.how)
		want, wantErr := snapshot(realDB, q.query, q.args, q.how)
		switch {
		case q.how == apart:
			if gotErr == nil && wantErr == nil && got == want {
				t.Errorf("%s %v: the engines now agree; compare them exactly", q.query, q.args)
			}
		case gotErr != nil || wantErr != nil:
			t.Errorf("%s %v:\nembedded engine: %v\nreal server: %v", q.query, q.args, gotErr, wantErr)
		case got != want:
			t.Errorf("%s %v: the engines differ\n%s", q.query, q.args, firstDifference(got, want))
		}
	}
}

// comparison says how alike two engines' answers to a query must be.
type comparison int

const (
	exactly comparison = iota // column types, Go types and values
	byValue                   // values as text: the engines name the types differently
	apart                     // a known difference in results, kept to notice when it goes
)

func openPool(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// snapshot renders a result in full: each column's database type and each value with
// the Go type the driver chose for it, or with how == byValue the values alone.
func snapshot(db *sql.DB, query string, args []any, how comparison) (string, error) {
	rows, err := db.Query(query, args...)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	types, err := rows.ColumnTypes()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if how != byValue {
		for _, ct := range types {
			fmt.Fprintf(&b, "%s ", ct.DatabaseTypeName())
		}
	}
	b.WriteString("\n")
	vals := make([]any, len(types))
	ptrs := make([]any, len(types))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return "", err
		}
		for _, v := range vals {
			if s, ok := v.([]byte); ok {
				v = string(s)
			}
			if how == byValue {
				fmt.Fprintf(&b, "%q ", fmt.Sprint(v))
			} else {
				fmt.Fprintf(&b, "%T(%q) ", v, fmt.Sprint(v))
			}
		}
		b.WriteString("\n")
		n++
	}
	fmt.Fprintf(&b, "%d rows", n)
	return b.String(), rows.Err()
}

func firstDifference(embedded, server string) string {
	e, r := strings.Split(embedded, "\n"), strings.Split(server, "\n")
	for i := 0; i < max(len(e), len(r)); i++ {
		var el, rl string
		if i < len(e) {
			el = e[i]
		}
		if i < len(r) {
			rl = r[i]
		}
		if el != rl {
			return fmt.Sprintf("line %d:\nembedded engine: %.500s\nreal server:     %.500s", i+1, el, rl)
		}
	}
	return ""
}
