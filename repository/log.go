package repository

import (
	"context"
	"database/sql"
	"math"
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
	if tokensOnly {
		cols = TokenColumns
	}
	where, args := logWhere(r)
	rows, err := db.db.QueryContext(ctx, logExportSQL(db.t.conversationLog, where, tokensOnly), args...)
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

func logExportSQL(table, where string, tokensOnly bool) string {
	cols := LogColumns
	if tokensOnly {
		cols = TokenColumns
		if where == "" {
			where = " WHERE `user_type` IN (" + tokenTypes + ")"
		} else {
			where += " AND `user_type` IN (" + tokenTypes + ")"
		}
	}
	return "SELECT " + logSelect(cols) + " FROM " + table + where + " ORDER BY `id`"
}

// logWhere is the WHERE clause for the site-local days of r on interaction_time.
func logWhere(r DateRange) (string, []any) {
	var from, through string
	if !r.Start.IsZero() {
		from = r.Start.Format(time.DateTime)
	}
	if !r.End.IsZero() {
		// The column is a DATETIME, whole seconds: the last second of the day closes the
		// range exactly, and unlike "before the next day" it exists on 9999-12-31 too.
		through = r.End.Format(time.DateOnly) + " 23:59:59"
	}
	return between("`interaction_time`", from, through)
}

// LogBounds is the lowest and highest id of the conversation log, both 0 when it is
// empty. Both come from the primary key, so this costs the same on a million rows as on
// ten: it is how a cached summary learns whether the log changed.
func (db *DB) LogBounds(ctx context.Context) (lo, hi int64, err error) {
	ctx, cancel := db.short(ctx)
	defer cancel()
	var b struct {
		Lo int64 `db:"lo"`
		Hi int64 `db:"hi"`
	}
	err = db.db.GetContext(ctx, &b, "SELECT COALESCE(MIN(`id`), 0) AS lo, COALESCE(MAX(`id`), 0) AS hi FROM "+db.t.conversationLog)
	return b.Lo, b.Hi, classify(err)
}

// LogKind is what a log row records.
type LogKind uint8

// The user_type values of the log.
const (
	KindOther LogKind = iota // a value the plugin does not write
	KindVisitor
	KindChatbot
	KindPromptTokens
	KindCompletionTokens
	KindTotalTokens
)

var kinds = map[string]LogKind{
	"Visitor": KindVisitor, "Chatbot": KindChatbot,
	"Prompt Tokens": KindPromptTokens, "Completion Tokens": KindCompletionTokens, "Total Tokens": KindTotalTokens,
}

// LogEntry is one log row reduced to what the summaries count.
type LogEntry struct {
	Day     string // site-local date, YYYY-MM-DD
	Session []byte // valid only until fn returns
	Kind    LogKind
	// Tokens is the number a token row stores as text; Numeric is false (and Tokens 0)
	// when that text is not a whole number written plainly.
	Tokens  int64
	Numeric bool
}

// EachLogEntry calls fn with every log row whose id is in (after, upto], reduced to a
// LogEntry. The log has no index on interaction_time (and the sidecar may not add one),
// so a summary costs one scan whatever its window; this streams that scan, and the id
// range lets a caller that has counted up to some id read only what was added since,
// through the primary key. fn must not keep the entry. The short query timeout bounds it.
func (db *DB) EachLogEntry(ctx context.Context, after, upto int64, fn func(*LogEntry) error) error {
	ctx, cancel := db.short(ctx)
	defer cancel()
	// Only token rows need their text; other rows send NULL, which keeps the transfer
	// small. DATE_FORMAT gives the day as text, as cheap to read as it is to send.
	rows, err := db.db.QueryContext(ctx, logEntrySQL(db.t.conversationLog), after, upto)
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	var e LogEntry
	var day, session, kind sql.RawBytes
	var text sql.NullString
	for rows.Next() {
		if err := rows.Scan(&day, &session, &kind, &text); err != nil {
			return classify(err)
		}
		if string(day) != e.Day { // consecutive rows mostly share a day: reuse its string
			e.Day = string(day)
		}
		e.Session = session
		e.Kind = kinds[string(kind)]
		e.Tokens, e.Numeric = 0, false
		if e.Kind >= KindPromptTokens {
			e.Tokens, e.Numeric = wholeNumber(text.String)
		}
		if err := fn(&e); err != nil {
			return err
		}
	}
	return classify(rows.Err())
}

// logEntrySQL is EachLogEntry's statement on table, with the two id bounds as
// placeholders.
func logEntrySQL(table string) string {
	return "SELECT DATE_FORMAT(`interaction_time`, '%Y-%m-%d'), `session_id`, `user_type`," +
		" CASE WHEN `user_type` IN (" + tokenTypes + ") THEN `message_text` END FROM " + table +
		" WHERE `id` > ? AND `id` <= ?"
}

// wholeNumber reads s as the plugin means a token count: decimal digits with no sign, no
// spaces and no leading zero, below 2^63. Anything else is reported, not guessed.
func wholeNumber(s string) (int64, bool) {
	if s == "" || len(s) > 19 || (s[0] == '0' && len(s) > 1) {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	if n > math.MaxInt64 {
		return 0, false
	}
	return int64(n), true
}
