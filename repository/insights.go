package repository

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// InsightRow is one conversation log row as the Insights read returns it. The byte
// slices are the database's own text and are valid only until fn returns; a NULL
// column is an empty slice (NULL and ” mean the same to every Insights figure).
type InsightRow struct {
	ID                         int64
	Session, UserID, PageID    []byte
	Time                       []byte // site-local wall time, "YYYY-MM-DD HH:MM:SS"
	Kind                       LogKind
	AssistantID, AssistantName []byte
	Text                       []byte
	// Score is sentiment_score; Scored is false when it is NULL.
	Score  float64
	Scored bool
}

// EachInsightRow calls fn with every log row whose interaction_time is at or after from
// (site-local "YYYY-MM-DD HH:MM:SS") and whose id is in (after, upto], in id order,
// straight from the cursor. The time test is sargable (the column compared with a
// constant), so an index on interaction_time, where a site has added one, serves it;
// without one it is the single scan every Insights answer costs. The id range lets a
// caller that has read up to some id read only the rows appended since, through the
// primary key. fn must not keep the row. Like an export, and unlike the short queries,
// only ctx bounds it: a year of a million-row log takes seconds to read, as long as the
// mariadb client takes for the same rows, and that may pass the query timeout on a
// loaded server.
func (db *DB) EachInsightRow(ctx context.Context, from string, after, upto int64, fn func(*InsightRow) error) error {
	if !wallTime.MatchString(from) {
		return fmt.Errorf("repository: %q is not a time YYYY-MM-DD HH:MM:SS", from)
	}
	rows, err := db.db.QueryContext(ctx, insightSQL(db.t.conversationLog, from, after, upto))
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	var r InsightRow
	var cols [5]sql.RawBytes
	dest := make([]any, len(cols))
	for i := range cols {
		dest[i] = &cols[i]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return classify(err)
		}
		if err := r.read(cols); err != nil {
			return err
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	return classify(rows.Err())
}

// read fills r from one row of insightSQL's columns, whose first holds the short fields
// joined by tabs.
func (r *InsightRow) read(cols [5]sql.RawBytes) error {
	var f [5][]byte // id, time, score, user_id, page_id; user_type is what is left
	rest := []byte(cols[0])
	for i := range f {
		j := bytes.IndexByte(rest, '\t')
		if j < 0 {
			return fmt.Errorf("repository: an Insights row's fields %q are not tab-separated", cols[0])
		}
		f[i], rest = rest[:j], rest[j+1:]
	}
	id, score := f[0], f[2]
	r.Time, r.UserID, r.PageID = f[1], f[3], f[4]
	r.Session, r.AssistantID, r.AssistantName, r.Text = cols[1], cols[2], cols[3], cols[4]
	var err error
	if r.ID, err = strconv.ParseInt(string(id), 10, 64); err != nil {
		return err
	}
	r.Kind = kinds[string(rest)]
	r.Score, r.Scored = 0, false
	if len(score) > 0 {
		if r.Score, err = strconv.ParseFloat(string(score), 64); err != nil {
			return err
		}
		r.Scored = true
	}
	return nil
}

// wallTime is the only form of EachInsightRow's from: digits and separators, so it can
// be written into the statement.
var wallTime = regexp.MustCompile(`^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$`)

// insightSQL is EachInsightRow's statement on table. The start time (checked against
// wallTime) and the two id bounds are written in as literals rather than sent as
// parameters: a statement without parameters runs over the text protocol, whose rows the
// driver hands out as slices of its own buffer, where a prepared statement's binary rows
// cost an allocation each (a million of them for a year). Every column travels as text
// (the FLOAT score in its short form, which is the value the plugin wrote). The driver
// still boxes each column of each row in an interface, an allocation of garbage apiece,
// so the short fields travel as one column joined by tabs: id, time, score, user_id and
// page_id (a tab in those two read as a space: neither is a number then either), and
// user_type last, taking the rest; the four free texts keep a column each.
func insightSQL(table, from string, after, upto int64) string {
	return "SELECT CONCAT(`id`, '\t', IFNULL(DATE_FORMAT(`interaction_time`, '%Y-%m-%d %H:%i:%s'), ''), '\t'," +
		" IFNULL(CONCAT(`sentiment_score`), ''), '\t', IFNULL(REPLACE(`user_id`, '\t', ' '), ''), '\t'," +
		" IFNULL(REPLACE(`page_id`, '\t', ' '), ''), '\t', IFNULL(CAST(`user_type` AS CHAR), ''))," +
		" `session_id`, `assistant_id`, `assistant_name`, `message_text` FROM " + table +
		" WHERE `interaction_time` >= '" + from + "' AND `id` > " + strconv.FormatInt(after, 10) +
		" AND `id` <= " + strconv.FormatInt(upto, 10) + " ORDER BY `id`"
}

// LogTexts returns the message_text of the log rows with the given ids (those that
// still exist), read through the primary key.
func (db *DB) LogTexts(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	err := db.byIDs(ctx, ids, func(in string) string {
		return "SELECT `id`, `message_text` FROM " + db.t.conversationLog + " WHERE `id` IN (" + in + ")"
	}, func(rows *sql.Rows) error {
		var id int64
		var text sql.NullString
		if err := rows.Scan(&id, &text); err != nil {
			return err
		}
		out[id] = text.String
		return nil
	})
	return out, err
}

// Post is what a pages list shows of a WordPress post.
type Post struct {
	Title, Type string
}

// Posts returns the title and type of the posts with the given ids (those that exist).
// A site without a posts table (not WordPress, or a test database) has no posts: the
// lists that show titles then show none rather than failing.
func (db *DB) Posts(ctx context.Context, ids []int64) (map[int64]Post, error) {
	out := make(map[int64]Post, len(ids))
	err := db.byIDs(ctx, ids, func(in string) string {
		return "SELECT `ID`, `post_title`, `post_type` FROM " + db.t.posts + " WHERE `ID` IN (" + in + ")"
	}, func(rows *sql.Rows) error {
		var id int64
		var p Post
		if err := rows.Scan(&id, &p.Title, &p.Type); err != nil {
			return err
		}
		out[id] = p
		return nil
	})
	if errors.Is(err, ErrTableMissing) {
		return map[int64]Post{}, nil
	}
	return out, err
}

// byIDs runs query for the ids, 500 at a time, as plain numbers in an IN list (ids are
// integers, so nothing can be injected), and calls scan for each row.
func (db *DB) byIDs(ctx context.Context, ids []int64, query func(in string) string, scan func(*sql.Rows) error) error {
	ctx, cancel := db.short(ctx)
	defer cancel()
	for len(ids) > 0 {
		n := min(len(ids), 500)
		list := make([]string, n)
		for i, id := range ids[:n] {
			list[i] = strconv.FormatInt(id, 10)
		}
		ids = ids[n:]
		if err := db.eachRow(ctx, query(strings.Join(list, ",")), scan); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) eachRow(ctx context.Context, query string, scan func(*sql.Rows) error) error {
	rows, err := db.db.QueryContext(ctx, query)
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return classify(err)
		}
	}
	return classify(rows.Err())
}
