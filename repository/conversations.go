package repository

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// LogColumns are the conversation log's columns in table order, as the plugin's
// conversation export writes them.
var LogColumns = []string{"id", "session_id", "user_id", "page_id", "interaction_time", "user_type",
	"thread_id", "assistant_id", "assistant_name", "message_text", "sentiment_score"}

// TokenColumns are the columns of the plugin's token usage export.
var TokenColumns = []string{"id", "session_id", "user_id", "interaction_time", "user_type", "message_text"}

// tokenTypes are the user_type values under which the plugin stores token counts.
const tokenTypes = "'Prompt Tokens','Completion Tokens','Total Tokens'"

// logSelect lists columns as text exactly as the database prints them (what PHP's
// mysqli hands the plugin): a DATETIME as "YYYY-MM-DD HH:MM:SS", a FLOAT in its short
// form. NULL stays NULL.
func logSelect(cols []string) string {
	out := make([]string, len(cols))
	for i, c := range cols {
		switch c {
		case "interaction_time":
			out[i] = "DATE_FORMAT(`interaction_time`, '%Y-%m-%d %H:%i:%s')"
		case "id", "sentiment_score":
			out[i] = "CONCAT(`" + c + "`)"
		default:
			out[i] = "`" + c + "`"
		}
	}
	return strings.Join(out, ", ")
}

// EachLogRow calls fn with every conversation log row whose site-local interaction_time
// falls on a day of r, in id order, straight from the cursor; tokensOnly keeps the
// plugin's token rows and their six columns. fn must not keep the slice. Only ctx
// bounds it, as for EachDay.
func (db *DB) EachLogRow(ctx context.Context, r DateRange, tokensOnly bool, fn func([]sql.NullString) error) error {
	cols := LogColumns
	where, args := logWhere(r)
	if tokensOnly {
		cols = TokenColumns
		if where == "" {
			where = " WHERE `user_type` IN (" + tokenTypes + ")"
		} else {
			where += " AND `user_type` IN (" + tokenTypes + ")"
		}
	}
	query := "SELECT " + logSelect(cols) + " FROM " + db.t.conversationLog + where
	rows, err := db.db.QueryContext(ctx, query+" ORDER BY `id`", args...)
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	row := make([]sql.NullString, len(cols))
	dest := make([]any, len(cols))
	for i := range row {
		dest[i] = &row[i]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return classify(err)
		}
		if err := fn(row); err != nil {
			return err
		}
	}
	return classify(rows.Err())
}

// LogDay is one site-local day of the conversation log, aggregated in SQL.
type LogDay struct {
	Date             time.Time `db:"day"`
	VisitorMessages  int64     `db:"visitor_messages"`
	ChatbotMessages  int64     `db:"chatbot_messages"`
	PromptTokens     int64     `db:"prompt_tokens"`
	CompletionTokens int64     `db:"completion_tokens"`
	TotalTokens      int64     `db:"total_tokens"`
	// NonNumericTokens counts token rows whose message_text is not a whole number;
	// they count 0 and are reported rather than failing the summary.
	NonNumericTokens int64 `db:"non_numeric_tokens"`
}

// logWhere is the WHERE clause for the site-local days of r on interaction_time.
func logWhere(r DateRange) (string, []any) {
	var conds []string
	var args []any
	if !r.Start.IsZero() {
		conds = append(conds, "`interaction_time` >= ?")
		args = append(args, r.Start.Format(time.DateTime))
	}
	if !r.End.IsZero() {
		conds = append(conds, "`interaction_time` < ?")
		args = append(args, r.End.AddDate(0, 0, 1).Format(time.DateTime))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// LogDays aggregates the log per day of r: messages by sender and tokens by kind. The
// log has no index on interaction_time (and the sidecar may not add one), so this is one
// scan; bucketing into weeks, months and years is left to the caller.
func (db *DB) LogDays(ctx context.Context, r DateRange) ([]LogDay, error) {
	ctx, cancel := db.short(ctx)
	defer cancel()
	where, args := logWhere(r)
	// A whole number written plainly: its CAST back to text is itself ("12abc", "-5",
	// "" and "084" are not). Cheaper than REGEXP, which the embedded engine runs slowly.
	const number = "CONCAT(CAST(`message_text` AS UNSIGNED)) = `message_text`"
	tokens := func(kind string) string {
		return "COALESCE(SUM(CASE WHEN `user_type` = '" + kind + "' AND " + number + " THEN CAST(`message_text` AS UNSIGNED) ELSE 0 END), 0)"
	}
	query := "SELECT DATE(`interaction_time`) AS day," +
		" COALESCE(SUM(`user_type` = 'Visitor'), 0) AS visitor_messages," +
		" COALESCE(SUM(`user_type` = 'Chatbot'), 0) AS chatbot_messages," +
		" " + tokens("Prompt Tokens") + " AS prompt_tokens," +
		" " + tokens("Completion Tokens") + " AS completion_tokens," +
		" " + tokens("Total Tokens") + " AS total_tokens," +
		" COALESCE(SUM(`user_type` IN (" + tokenTypes + ") AND NOT " + number + "), 0) AS non_numeric_tokens" +
		" FROM " + db.t.conversationLog + where + " GROUP BY DATE(`interaction_time`) ORDER BY day"
	days := []LogDay{}
	err := db.db.SelectContext(ctx, &days, query, args...)
	return days, classify(err)
}

// EachSessionDay calls fn once per (day, session_id) pair of r, so that the caller can
// count distinct sessions per bucket: a session that spans two days is one session in
// a week.
func (db *DB) EachSessionDay(ctx context.Context, r DateRange, fn func(day time.Time, session string) error) error {
	ctx, cancel := db.short(ctx)
	defer cancel()
	where, args := logWhere(r)
	rows, err := db.db.QueryContext(ctx, "SELECT DATE(`interaction_time`), `session_id` FROM "+db.t.conversationLog+where+
		" GROUP BY DATE(`interaction_time`), `session_id`", args...)
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	var day time.Time
	var session string
	for rows.Next() {
		if err := rows.Scan(&day, &session); err != nil {
			return classify(err)
		}
		if err := fn(day, session); err != nil {
			return err
		}
	}
	return classify(rows.Err())
}
