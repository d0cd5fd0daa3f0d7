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
// over the two years up to the fixture's last day, so a log can be grown in steps. Each
// session has twelve rows, a quarter of them token rows. The text has quotes, commas,
// line breaks, emoji, accents and leading = + - @, so an export has real quoting and
// escaping to do.
func SeedLogSQL(database string, first, last, total int) string {
	const span = 730 * 86400 // seconds
	r := strings.NewReplacer("{db}", "`"+database+"`", "{log}", "`"+LogTable+"`", "{first}", strconv.Itoa(first),
		"{last}", strconv.Itoa(last), "{total}", strconv.Itoa(total), "{span}", strconv.Itoa(span))
	return r.Replace(`INSERT INTO {db}.{log} (session_id, user_id, page_id, interaction_time, user_type,
	thread_id, assistant_id, assistant_name, message_text, sentiment_score)
SELECT CONCAT('kchat_', LPAD(HEX(CRC32(seq DIV 12)), 8, '0'), '_', seq DIV 12),
	IF(seq % 7 = 0, CAST(seq % 500 AS CHAR), '0'), CAST(seq % 300 AS CHAR),
	TIMESTAMP('2026-11-25 23:59:59') - INTERVAL FLOOR(({total} - seq) * {span} / {total}) SECOND,
	ELT(seq % 12 + 1, 'Visitor', 'Chatbot', 'Prompt Tokens', 'Completion Tokens', 'Total Tokens',
		'Visitor', 'Chatbot', 'Visitor', 'Chatbot', 'Visitor', 'Chatbot', 'Chatbot'),
	CONCAT('thread_', seq DIV 12), 'asst_load', 'Helper "v2", load',
	IF(seq % 12 IN (2, 3, 4), CAST(seq % 900 + 10 AS CHAR),
		CONCAT(ELT(seq % 6 + 1, 'How do I reset my password? ', 'She said "yes, of course", then left. ',
			'line one\nline two\r\n', '=SUM(A1:A9) looks like a formula ', 'emoji 😀 and accents é ü ',
			'@mention +1 -2 '), seq, ' ', REPEAT('lorem ipsum ', seq % 9))),
	IF(seq % 3 = 0, NULL, (seq % 200) / 100 - 1)
FROM {db}.seq_{first}_to_{last}`)
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
