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
	var conds []string
	var args []any
	if tokensOnly {
		cols = TokenColumns
		conds = append(conds, "`user_type` IN ("+tokenTypes+")")
	}
	if !r.Start.IsZero() {
		conds = append(conds, "`interaction_time` >= ?")
		args = append(args, r.Start.Format(time.DateTime))
	}
	if !r.End.IsZero() {
		conds = append(conds, "`interaction_time` < ?")
		args = append(args, r.End.AddDate(0, 0, 1).Format(time.DateTime))
	}
	query := "SELECT " + logSelect(cols) + " FROM " + db.t.conversationLog
	if len(conds) > 0 {
		query += " WHERE " + strings.Join(conds, " AND ")
	}
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
