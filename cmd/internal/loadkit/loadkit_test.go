package loadkit_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/loadkit"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
)

// The seed grows a log in steps to exactly the rows asked for, in the plugin's mix and
// inside the two years before the fixture's last day, with everything Insights reads.
// The wanted counts are worked out by hand from the seed's description, for 24,000 rows:
// 1,201 sessions (s = seq DIV 20 runs 0 to 1,200), 4,800 exchanges.
func TestSeedLogSQL(t *testing.T) {
	db := repotest.NewDatabase(t)
	if db.Embedded {
		t.Skip("the seed uses MariaDB's SEQUENCE engine, which the embedded engine lacks; CI runs this test against MariaDB")
	}
	db.LoadFixture(t)
	conn, err := sql.Open("mysql", db.DSN)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ctx := context.Background()
	if _, err := conn.ExecContext(ctx, "TRUNCATE TABLE `"+loadkit.LogTable+"`"); err != nil {
		t.Fatal(err)
	}
	const total = 24000
	for _, step := range [][2]int{{1, 10000}, {10001, total}} {
		if _, err := conn.ExecContext(ctx, loadkit.SeedLogSQL(db.Name, step[0], step[1], total)); err != nil {
			t.Fatal(err)
		}
	}
	const messages = "user_type IN ('Visitor', 'Chatbot')"
	log := "`" + loadkit.LogTable + "`"
	rows := func(where string) string { return "SELECT COUNT(*) FROM " + log + " WHERE " + where }
	distinct := func(col, where string) string {
		return "SELECT COUNT(DISTINCT " + col + ") FROM " + log + " WHERE " + where
	}
	// The gaps between a thread's Visitor messages; the thread is the session's own (a
	// returning browser's too).
	gaps := func(where string) string {
		return "SELECT COUNT(*) FROM (SELECT TIMESTAMPDIFF(SECOND, LAG(interaction_time) OVER (PARTITION BY thread_id ORDER BY interaction_time), " +
			"interaction_time) AS gap FROM " + log + " WHERE user_type = 'Visitor') AS g WHERE " + where
	}
	for _, c := range []struct {
		why, query string
		want       int
	}{
		{"rows", rows("TRUE"), total},
		{"a fifth Visitor", rows("user_type = 'Visitor'"), 4800},
		{"a fifth Chatbot", rows("user_type = 'Chatbot'"), 4800},
		{"three fifths tokens", rows("user_type LIKE '% Tokens'"), 14400},
		{"1,201 sessions less 116 returning browsers (s ≡ 5 mod 10, s ≥ 45)", distinct("session_id", "TRUE"), 1085},
		{"inside the two years", rows("interaction_time < '2024-11-25' OR interaction_time > '2026-11-25 23:59:59'"), 0},
		{"the last day: 1 + 20 + 20 rows of the last three sessions", rows("interaction_time >= '2026-11-25'"), 41},
		{"exchanges 90 s apart: 3 a session, less session 0's missing first and 1,200's lone row, less the pauses", gaps("gap = 90"), 3*1201 - 1 - 3 - 400},
		{"a 40-minute pause in every third session but session 1,200, a lone row", gaps("gap > 1800"), 400},
		{"users: s % 400 + 1 for s ≡ 0 or 1 mod 5", distinct("user_id", "user_id <> '0'"), 160},
		{"anonymous then logged in: 240 log in at the third exchange, 116 browsers come back logged in",
			distinct("session_id", "session_id IN (SELECT session_id FROM "+log+" WHERE user_id = '0') AND user_id <> '0'"), 356},
		{"page ids 0 to 96", distinct("page_id", "TRUE"), 97},
		{"three named assistants", distinct("assistant_name", "assistant_id <> ''"), 3},
		{"a fallback for sessions s ≡ 3 mod 8",
			rows("user_type = 'Chatbot' AND (message_text LIKE '%could you rephrase%' OR REPLACE(message_text, '’', '''') LIKE '%i''m not following%')"), 150},
		{"a third of them with ’", rows("user_type = 'Chatbot' AND message_text LIKE '%’%'"), 50},
		{"the question asked twice", rows("user_type = 'Visitor' AND LOWER(message_text) LIKE '%order #%'"), 300},
		{"legacy token text every 5,000th row", rows("user_type LIKE '% Tokens' AND message_text NOT RLIKE '^[0-9]+$'"), 4},
		{"token rows score 0", rows("user_type LIKE '% Tokens' AND (sentiment_score IS NULL OR sentiment_score <> 0)"), 0},
		{"a tenth of the messages NULL", rows(messages + " AND sentiment_score IS NULL"), 960},
		{"a fifth 0", rows(messages + " AND sentiment_score = 0"), 1920},
		{"two fifths positive", rows(messages + " AND sentiment_score > 0"), 3840},
		{"three tenths negative", rows(messages + " AND sentiment_score < 0"), 2880},
	} {
		var got int
		if err := conn.QueryRowContext(ctx, c.query).Scan(&got); err != nil {
			t.Fatalf("%s: %v", c.why, err)
		}
		if got != c.want {
			t.Errorf("%s: %s = %d, want %d", c.why, c.query, got, c.want)
		}
	}
}
