// Package loadkit holds what kchat-bench and kchat-soak both need to put a real sidecar
// under load: the fixture site with a seeded conversation log, the mariadb client, the
// sidecar binary and its /metrics, and the few statistics their reports share.
package loadkit

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"github.com/go-sql-driver/mysql"
)

// LogTable is the fixture site's conversation log.
const LogTable = "wp_chatbot_chatgpt_conversation_log"

// SeedLogSQL is an INSERT … SELECT (MariaDB's SEQUENCE engine) that adds rows first to
// last of a log of total rows into database's LogTable. The total rows are spread evenly
// over the two years up to the fixture's last day, so a log can be grown in steps.
//
// The rows are the plugin's mix: an exchange is a Visitor row, a Chatbot row and three
// token rows (Prompt, Completion, Total; the bare integer), and a session is four
// exchanges a minute and a half apart. A third of the sessions pause 40 minutes after
// their second exchange (two conversations), and one in ten is a returning browser
// (another session's id). Every fifth visitor is logged in, as many log in at their third
// exchange; sessions spread over 97 page ids (0 among them) and four assistants, three of
// them named. Messages carry every kind of sentiment score (NULL, 0, positive, negative;
// token rows 0, as the plugin writes). One session in eight gets a fallback reply to its
// second question, which the visitor then asks again, spelled differently. A few token
// rows have the legacy "total_tokens: N" text. The text has quotes, commas, line breaks,
// emoji, accents and leading = + - @, so an export has real quoting and escaping to do.
func SeedLogSQL(database string, first, last, total int) string {
	const span = 730 * 86400 // seconds
	r := strings.NewReplacer("{db}", "`"+database+"`", "{log}", "`"+LogTable+"`", "{first}", strconv.Itoa(first),
		"{last}", strconv.Itoa(last), "{total}", strconv.Itoa(total), "{span}", strconv.Itoa(span))
	// In the SELECT: s is seq's session, k its row in the session, j (k DIV 5) its
	// exchange and p (seq % 5) its row in the exchange; b is the session's browser.
	return r.Replace(`INSERT INTO {db}.{log} (session_id, user_id, page_id, interaction_time, user_type,
	thread_id, assistant_id, assistant_name, message_text, sentiment_score)
SELECT CONCAT('kchat_', LPAD(HEX(CRC32(b)), 8, '0'), '_', b),
	IF(s % 5 = 0 OR (s % 5 = 1 AND j >= 2), CAST(s % 400 + 1 AS CHAR), '0'),
	CAST(IF(s % 13 = 0, 0, s % 97) AS CHAR),
	TIMESTAMP('2026-11-25 23:59:59') - INTERVAL FLOOR(GREATEST({total} - CAST(s * 20 + 19 AS SIGNED), 0) * {span} / {total}) SECOND
		- INTERVAL ((3 - j) * 90 + (4 - p) * 3 + IF(s % 3 = 0 AND j < 2, 2400, 0)) SECOND,
	ELT(p + 1, 'Visitor', 'Chatbot', 'Prompt Tokens', 'Completion Tokens', 'Total Tokens'),
	CONCAT('thread_', s), ELT(s % 4 + 1, '', 'asst_load', 'asst_sales', 'asst_docs'),
	ELT(s % 4 + 1, '', 'Helper "v2", load', 'Sales Assistant', 'Docs Helper'),
	CASE
	WHEN p = 4 AND seq % 5000 = 4999 THEN 'total_tokens: 161'
	WHEN p >= 2 THEN CAST(seq % 900 + 10 AS CHAR)
	WHEN s % 8 = 3 AND j = 1 AND p = 1 THEN ELT(s DIV 8 % 3 + 1, 'Sorry, could you rephrase that?',
		'I’m not following, sorry. What do you mean?', 'Hmm, I''m not following. Could you rephrase the question?')
	WHEN s % 8 = 3 AND j = 1 AND p = 0 THEN CONCAT('Where is my order #', s % 250, '?')
	WHEN s % 8 = 3 AND j = 2 AND p = 0 THEN CONCAT('  where is my  ORDER #', s % 250, '? ')
	ELSE CONCAT(ELT(seq % 6 + 1, 'How do I reset my password? ', 'She said "yes, of course", then left. ',
			'line one\nline two\r\n', '=SUM(A1:A9) looks like a formula ', 'emoji 😀 and accents é ü ',
			'@mention +1 -2 '), seq, ' ', REPEAT('lorem ipsum ', seq % 9))
	END,
	IF(p >= 2, 0, ELT((seq DIV 5 + p * 3) % 10 + 1, NULL, 0, 0.5, -0.3, 0.8, 0, -0.6, 0.2, -0.1, 0.4))
FROM (SELECT seq, seq DIV 20 AS s, seq % 20 DIV 5 AS j, seq % 5 AS p,
		IF(seq DIV 20 % 10 = 5 AND seq DIV 20 >= 37, seq DIV 20 - 37, seq DIV 20) AS b
	FROM {db}.seq_{first}_to_{last}) AS q`)
}

// MariaDB is the mariadb client on database through the account of mc; the password
// travels in the environment, not on the command line.
func MariaDB(ctx context.Context, mc *mysql.Config, database string, args ...string) *exec.Cmd {
	base := []string{"--no-defaults", "-u", mc.User}
	if mc.Net == "unix" {
		base = append(base, "--protocol=socket", "-S", mc.Addr)
	} else {
		host, port, err := net.SplitHostPort(mc.Addr)
		if err != nil {
			host, port = mc.Addr, "3306"
		}
		base = append(base, "--protocol=tcp", "-h", host, "-P", port)
	}
	cmd := exec.CommandContext(ctx, "mariadb", append(append(base, args...), database)...)
	cmd.Env = append(os.Environ(), "MYSQL_PWD="+mc.Passwd)
	cmd.SysProcAttr = ChildAttrs()
	return cmd
}

// LoadSite creates database afresh on the server root is connected to, loads the fixture
// dump into it through the mariadb client as admin, and empties its conversation log
// for SeedLogSQL.
func LoadSite(ctx context.Context, root *sql.DB, admin *mysql.Config, database, fixture string) error {
	db := "`" + database + "`"
	for _, stmt := range []string{"DROP DATABASE IF EXISTS " + db, "CREATE DATABASE " + db + " CHARACTER SET utf8mb4"} {
		if _, err := root.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	f, err := os.Open(fixture)
	if err != nil {
		return err
	}
	defer f.Close()
	load := MariaDB(ctx, admin, database)
	load.Stdin = f
	if out, err := load.CombinedOutput(); err != nil {
		return fmt.Errorf("loading the fixture: %v\n%s", err, Tail(out, 2000))
	}
	_, err = root.ExecContext(ctx, "TRUNCATE TABLE "+db+".`"+LogTable+"`")
	return err
}

// Tail is the end of a command's output, for error messages.
func Tail(b []byte, n int) string {
	if len(b) > n {
		b = append([]byte("…"), b[len(b)-n:]...)
	}
	return strings.TrimSpace(string(b))
}
