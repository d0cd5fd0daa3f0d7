package repository

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"
)

// DayCount is one stored row of the interactions table: a site-local calendar date (at
// UTC midnight) and its count, which the schema allows to be NULL.
type DayCount struct {
	Date  time.Time     `db:"date"`
	Count sql.NullInt64 `db:"count"`
}

// DateRange is an inclusive range of site-local dates; a zero Start or End leaves that
// side open.
type DateRange struct {
	Start, End time.Time
}

func (r DateRange) where() (string, []any) {
	var from, through string
	if !r.Start.IsZero() {
		from = r.Start.Format(time.DateOnly)
	}
	if !r.End.IsZero() {
		through = r.End.Format(time.DateOnly)
	}
	return between("`date`", from, through)
}

// between is the WHERE clause keeping col from from through through, both included;
// an empty bound leaves that side open, and two leave out the clause.
func between(col, from, through string) (string, []any) {
	var conds []string
	var args []any
	if from != "" {
		conds = append(conds, col+" >= ?")
		args = append(args, from)
	}
	if through != "" {
		conds = append(conds, col+" <= ?")
		args = append(args, through)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// DailyCounts returns the stored days of r in ascending order.
func (db *DB) DailyCounts(ctx context.Context, r DateRange) ([]DayCount, error) {
	ctx, cancel := db.short(ctx)
	defer cancel()
	where, args := r.where()
	var days []DayCount
	err := db.db.SelectContext(ctx, &days,
		"SELECT `date`, `count` FROM "+db.t.interactions+where+" ORDER BY `date` ASC", args...)
	return days, classify(err)
}

// CountDays returns how many days of r are stored.
func (db *DB) CountDays(ctx context.Context, r DateRange) (int, error) {
	ctx, cancel := db.short(ctx)
	defer cancel()
	where, args := r.where()
	var n int
	err := db.db.GetContext(ctx, &n, "SELECT COUNT(*) FROM "+db.t.interactions+where, args...)
	return n, classify(err)
}

// ListDays returns one page of the stored days of r.
func (db *DB) ListDays(ctx context.Context, r DateRange, descending bool, limit, offset int) ([]DayCount, error) {
	ctx, cancel := db.short(ctx)
	defer cancel()
	where, args := r.where()
	order := "ASC"
	if descending {
		order = "DESC"
	}
	days := []DayCount{}
	err := db.db.SelectContext(ctx, &days,
		"SELECT `date`, `count` FROM "+db.t.interactions+where+" ORDER BY `date` "+order+" LIMIT ? OFFSET ?",
		append(args, limit, offset)...)
	return days, classify(err)
}

// EachDay calls fn for every stored day of r in ascending order, straight from the
// database cursor, so that memory does not grow with the table. It stops at fn's first
// error and returns it. Only ctx bounds it: an export may legitimately run long.
func (db *DB) EachDay(ctx context.Context, r DateRange, fn func(DayCount) error) error {
	where, args := r.where()
	rows, err := db.db.QueryxContext(ctx, "SELECT `date`, `count` FROM "+db.t.interactions+where+" ORDER BY `date` ASC", args...)
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	var d DayCount
	for rows.Next() {
		if err := rows.Scan(&d.Date, &d.Count); err != nil {
			return classify(err)
		}
		if err := fn(d); err != nil {
			return err
		}
	}
	return classify(rows.Err())
}

// InteractionTotals sums the interactions of r on each of many sites of the network
// (blog_ids whose table exists: see Network), in one query per 500 sites. A NULL count
// adds nothing; a site without days in r totals 0. A site whose table does not exist
// fails the whole read with ErrTableMissing naming it.
func (db *DB) InteractionTotals(ctx context.Context, blogIDs []int, r DateRange) (map[int]int64, error) {
	ctx, cancel := db.short(ctx)
	defer cancel()
	where, whereArgs := r.where()
	ids := slices.Compact(slices.Sorted(slices.Values(blogIDs)))
	totals := make(map[int]int64, len(ids))
	for batch := range slices.Chunk(ids, sitesPerQuery) {
		parts := make([]string, len(batch))
		args := make([]any, 0, len(batch)*(1+len(whereArgs)))
		for i, id := range batch {
			view := db.Site(id)
			parts[i] = "SELECT ? AS blog_id, COALESCE(SUM(`count`), 0) AS total FROM " + view.t.interactions + where
			args = append(append(args, view.BlogID()), whereArgs...)
		}
		var rows []struct {
			BlogID int   `db:"blog_id"`
			Total  int64 `db:"total"`
		}
		if err := db.db.SelectContext(ctx, &rows, strings.Join(parts, " UNION ALL "), args...); err != nil {
			return nil, classify(err)
		}
		for _, row := range rows {
			totals[row.BlogID] = row.Total
		}
	}
	return totals, nil
}

// EachSiteDay is EachDay on the site blogID of the network (Site(blogID).EachDay), for
// exports that read every site in turn.
func (db *DB) EachSiteDay(ctx context.Context, blogID int, r DateRange, fn func(DayCount) error) error {
	return db.Site(blogID).EachDay(ctx, r, fn)
}
