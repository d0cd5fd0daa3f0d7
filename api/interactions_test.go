package api_test

import (
	"bytes"
	"compress/gzip"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
)

type bucket struct {
	Label string `json:"label"`
	Start string `json:"start"`
	End   string `json:"end"`
	Count int64  `json:"count"`
}

type summary struct {
	Period   string   `json:"period"`
	Start    string   `json:"start"`
	End      string   `json:"end"`
	Timezone string   `json:"timezone"`
	Total    int64    `json:"total"`
	Buckets  []bucket `json:"buckets"`
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// checkAgainstTable verifies a summary by SQL straight on the table: buckets tile the
// window exactly, start where the period says, carry the plugin's labels, and each count
// is the table's sum over the bucket's days.
func checkAgainstTable(t *testing.T, e *env, s summary, fill bool, startOfWeek time.Weekday) {
	t.Helper()
	db, err := sql.Open("mysql", e.db.DSN)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var total int64
	prevEnd := day(s.Start).AddDate(0, 0, -1)
	for i, b := range s.Buckets {
		bs, be := day(b.Start), day(b.End)
		if be.Before(bs) {
			t.Fatalf("bucket %d ends before it starts: %+v", i, b)
		}
		if fill && !bs.Equal(prevEnd.AddDate(0, 0, 1)) {
			t.Errorf("bucket %d starts %s, want the day after %s", i, b.Start, prevEnd.Format(time.DateOnly))
		}
		if !fill && !bs.After(prevEnd) {
			t.Errorf("bucket %d overlaps the previous one", i)
		}
		prevEnd = be
		var want, rows int64
		if err := db.QueryRow("SELECT COALESCE(SUM(`count`), 0), COUNT(*) FROM wp_chatbot_chatgpt_interactions WHERE `date` BETWEEN ? AND ?",
			b.Start, b.End).Scan(&want, &rows); err != nil {
			t.Fatal(err)
		}
		if b.Count != want {
			t.Errorf("bucket %s (%s..%s): count %d, table says %d", b.Label, b.Start, b.End, b.Count, want)
		}
		if !fill && rows == 0 {
			t.Errorf("fill=false returned bucket %s with no stored row", b.Label)
		}
		total += b.Count
		// The bucket's boundaries and label follow the period.
		var wantLabel string
		switch s.Period {
		case "daily":
			wantLabel = bs.Format("01-02")
			if !bs.Equal(be) {
				t.Errorf("daily bucket spans %s..%s", b.Start, b.End)
			}
		case "weekly":
			ws := bs
			for ws.Weekday() != startOfWeek {
				ws = ws.AddDate(0, 0, -1)
			}
			wantLabel = ws.Format(time.DateOnly)
			if i > 0 && fill && bs.Weekday() != startOfWeek {
				t.Errorf("weekly bucket %s starts on a %s", b.Start, bs.Weekday())
			}
			if be.Sub(ws) > 6*24*time.Hour {
				t.Errorf("weekly bucket %s..%s is longer than its week", b.Start, b.End)
			}
		case "monthly":
			wantLabel = bs.Format("2006-01")
			if bs.Month() != be.Month() || bs.Year() != be.Year() {
				t.Errorf("monthly bucket %s..%s crosses a month", b.Start, b.End)
			}
		case "yearly":
			wantLabel = bs.Format("2006")
			if bs.Year() != be.Year() {
				t.Errorf("yearly bucket %s..%s crosses a year", b.Start, b.End)
			}
		}
		if b.Label != wantLabel {
			t.Errorf("bucket %s..%s: label %q, want %q", b.Start, b.End, b.Label, wantLabel)
		}
	}
	if fill && len(s.Buckets) > 0 {
		if s.Buckets[0].Start != s.Start || s.Buckets[len(s.Buckets)-1].End != s.End {
			t.Errorf("buckets cover %s..%s, window is %s..%s", s.Buckets[0].Start, s.Buckets[len(s.Buckets)-1].End, s.Start, s.End)
		}
	}
	if total != s.Total {
		t.Errorf("total %d, buckets add up to %d", s.Total, total)
	}
}

func TestSummaryDefaults(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		query            string
		period           string
		start, end       string
		buckets          int
		firstBucketLabel string
	}{
		// The fixture's today is Wednesday 2026-11-25 in Europe/Berlin, weeks start Monday,
		// and its reporting period is Daily.
		{"", "daily", "2026-11-18", "2026-11-25", 8, "11-18"},
		{"period=daily", "daily", "2026-11-18", "2026-11-25", 8, "11-18"},
		{"period=Weekly", "weekly", "2026-10-05", "2026-11-25", 8, "2026-10-05"},
		{"period=MONTHLY", "monthly", "2026-08-01", "2026-11-25", 4, "2026-08"},
		{"period=yearly", "yearly", "2023-01-01", "2026-11-25", 4, "2023"},
		{"period=daily&end=2026-03-01", "daily", "2026-02-22", "2026-03-01", 8, "02-22"},
		{"period=monthly&end=2026-05-31", "monthly", "2026-02-01", "2026-05-31", 4, "2026-02"},
		{"period=weekly&start=2026-11-04", "weekly", "2026-11-04", "2026-11-25", 4, "2026-11-02"},
		{"period=yearly&start=2025-06-15&end=2026-01-10", "yearly", "2025-06-15", "2026-01-10", 2, "2025"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			rec := e.get(summaryPath + "?" + tt.query)
			if rec.Code != http.StatusOK {
				t.Fatalf("got %d: %s", rec.Code, rec.Body.String())
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=UTF-8" {
				t.Errorf("Content-Type %q", ct)
			}
			s := decode[summary](t, rec)
			if s.Period != tt.period || s.Start != tt.start || s.End != tt.end || s.Timezone != "Europe/Berlin" {
				t.Errorf("got %s %s..%s %s, want %s %s..%s Europe/Berlin", s.Period, s.Start, s.End, s.Timezone, tt.period, tt.start, tt.end)
			}
			if len(s.Buckets) != tt.buckets || s.Buckets[0].Label != tt.firstBucketLabel {
				t.Errorf("got %d buckets starting %q, want %d starting %q", len(s.Buckets), s.Buckets[0].Label, tt.buckets, tt.firstBucketLabel)
			}
			checkAgainstTable(t, e, s, true, time.Monday)
		})
	}
}

func TestSummaryAgainstTable(t *testing.T) {
	e := newEnv(t)
	for _, p := range []string{"daily", "weekly", "monthly", "yearly"} {
		for _, w := range [][2]string{{"2024-09-01", "2026-11-25"}, {"2025-12-30", "2026-01-02"}, {"2026-11-20", "2026-11-20"}, {"2024-01-01", "2024-09-30"}} {
			for _, fill := range []string{"true", "false", "1", "0"} {
				rec := e.get(fmt.Sprintf("%s?period=%s&start=%s&end=%s&fill=%s", summaryPath, p, w[0], w[1], fill))
				if rec.Code != http.StatusOK {
					t.Fatalf("%s %v: %d %s", p, w, rec.Code, rec.Body.String())
				}
				s := decode[summary](t, rec)
				checkAgainstTable(t, e, s, fill == "true" || fill == "1", time.Monday)
			}
		}
	}
}

func TestSummaryFill(t *testing.T) {
	e := newEnv(t)
	// 2026-11-14 has no row; 2026-11-20 has a stored 0, which counts as data.
	rec := e.get(summaryPath + "?start=2026-11-13&end=2026-11-20&fill=false")
	s := decode[summary](t, rec)
	var labels []string
	for _, b := range s.Buckets {
		labels = append(labels, b.Label)
	}
	if got, want := strings.Join(labels, " "), "11-13 11-15 11-16 11-17 11-18 11-19 11-20"; got != want {
		t.Errorf("fill=false labels: got %s, want %s", got, want)
	}
	rec = e.get(summaryPath + "?start=2026-11-13&end=2026-11-20")
	s = decode[summary](t, rec)
	if len(s.Buckets) != 8 || s.Buckets[1].Label != "11-14" || s.Buckets[1].Count != 0 {
		t.Errorf("fill=true: got %+v", s.Buckets)
	}
	// A window holding no stored day at all.
	rec = e.get(summaryPath + "?start=2020-01-01&end=2020-01-31&fill=false")
	s = decode[summary](t, rec)
	if len(s.Buckets) != 0 || s.Total != 0 || !strings.Contains(rec.Body.String(), `"buckets":[]`) {
		t.Errorf("empty window, fill=false: %s", rec.Body.String())
	}
}

// "Today" is the site's date, never the server's: shortly after midnight in Berlin it
// is already the 25th while UTC still says the 24th.
func TestSummaryTodayIsSiteLocal(t *testing.T) {
	e := newEnv(t)
	e.clock.Set(time.Date(2026, 11, 24, 23, 30, 0, 0, time.UTC)) // 00:30 on the 25th in Berlin
	e.token = e.tokenFor(adminID)
	s := decode[summary](t, e.get(summaryPath))
	if s.End != "2026-11-25" {
		t.Errorf("end: got %s, want 2026-11-25", s.End)
	}
	// The same instant on a site with a plain UTC-3 offset is still the 24th.
	e.db.Exec(t, `UPDATE wp_options SET option_value = '' WHERE option_name = 'timezone_string'`)
	e.db.Exec(t, `UPDATE wp_options SET option_value = '-3' WHERE option_name = 'gmt_offset'`)
	e.clock.Add(11 * time.Second) // past the settings cache
	s = decode[summary](t, e.get(summaryPath))
	if s.End != "2026-11-24" || s.Timezone != "-03:00" {
		t.Errorf("gmt_offset -3: got end %s zone %s, want 2026-11-24 -03:00", s.End, s.Timezone)
	}
}

// The site's settings decide the default period and the first day of the week.
func TestSummarySiteSettings(t *testing.T) {
	e := newEnv(t)
	e.db.Exec(t, `UPDATE wp_options SET option_value = 'Monthly' WHERE option_name = 'chatbot_chatgpt_reporting_period'`)
	e.db.Exec(t, `UPDATE wp_options SET option_value = '0' WHERE option_name = 'start_of_week'`)
	e.clock.Add(11 * time.Second)
	s := decode[summary](t, e.get(summaryPath))
	if s.Period != "monthly" || s.Start != "2026-08-01" {
		t.Errorf("default period Monthly: got %s from %s", s.Period, s.Start)
	}
	s = decode[summary](t, e.get(summaryPath+"?period=weekly"))
	if s.Start != "2026-10-04" || s.Buckets[0].Label != "2026-10-04" { // a Sunday
		t.Errorf("weeks from Sunday: got start %s label %s", s.Start, s.Buckets[0].Label)
	}
	checkAgainstTable(t, e, s, true, time.Sunday)
}

func TestSummaryInvalid(t *testing.T) {
	e := newEnv(t)
	tests := []struct{ query, param string }{
		{"period=hourly", "period"},
		{"period=", "period"},
		{"period=daily&period=weekly", "period"},
		{"start=2026-02-30", "start"},
		{"start=2026-2-3", "start"},
		{"start=26-02-03", "start"},
		{"end=tomorrow", "end"},
		{"end=2026-11-25T00:00:00Z", "end"},
		{"start=", "start"},
		{"end=%EF%BC%92026-01-01", "end"},
		{"fill=yes", "fill"},
		{"fill=TRUE", "fill"},
		{"fill=1&fill=1", "fill"},
		{"start=2026-11-26&end=2026-11-25", "start"},
		{"start=2026-11-26", "start"}, // after today
		{"period=daily&start=0001-01-01&end=9999-12-31", "start"},
		{"period=daily&start=1999-01-01&end=2026-12-31", "start"},
		{"start=2026-01-01'%20OR%201=1--", "start"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := wantWPError(t, e.get(summaryPath+"?"+tt.query), http.StatusBadRequest, "rest_invalid_param")
			if got.Data.Params[tt.param] == "" {
				t.Errorf("data.params.%s missing: %+v", tt.param, got.Data.Params)
			}
		})
	}
	// At the limit: exactly 10,000 daily buckets are allowed.
	start := day("2026-11-25").AddDate(0, 0, -9999).Format(time.DateOnly)
	if rec := e.get(summaryPath + "?start=" + start); rec.Code != http.StatusOK {
		t.Errorf("10,000 buckets: got %d", rec.Code)
	} else if s := decode[summary](t, rec); len(s.Buckets) != 10000 {
		t.Errorf("10,000 buckets: got %d", len(s.Buckets))
	}
	// Several bad parameters are all named.
	got := wantWPError(t, e.get(summaryPath+"?period=x&fill=y&end=z"), http.StatusBadRequest, "rest_invalid_param")
	for _, p := range []string{"period", "fill", "end"} {
		if got.Data.Params[p] == "" || !strings.Contains(got.Message, p) {
			t.Errorf("%s not named in %+v", p, got)
		}
	}
}

type row struct {
	Date  string `json:"date"`
	Count *int64 `json:"count"`
}

const rowsPath = "/wp-json/kchat/v1/interactions"

func TestListRows(t *testing.T) {
	e := newEnv(t)
	total, _ := strconv.Atoi(e.queryString("SELECT COUNT(*) FROM wp_chatbot_chatgpt_interactions"))
	latest := e.queryString("SELECT DATE_FORMAT(MAX(`date`), '%Y-%m-%d') FROM wp_chatbot_chatgpt_interactions")

	rec := e.get(rowsPath)
	rows := decode[[]row](t, rec)
	if len(rows) != 10 || rows[0].Date != day(latest).Format(time.DateOnly) || !(rows[0].Date > rows[1].Date) {
		t.Errorf("default page: %d rows, first %v", len(rows), rows[0])
	}
	if got := rec.Header().Get("X-WP-Total"); got != strconv.Itoa(total) {
		t.Errorf("X-WP-Total %s, want %d", got, total)
	}
	pages := (total + 9) / 10
	if got := rec.Header().Get("X-WP-TotalPages"); got != strconv.Itoa(pages) {
		t.Errorf("X-WP-TotalPages %s, want %d", got, pages)
	}
	if link := rec.Header().Get("Link"); !strings.Contains(link, `page=2>; rel="next"`) || strings.Contains(link, "prev") {
		t.Errorf("Link on page 1: %q", link)
	}

	// Walking every page in ascending order gives the table, row for row.
	var all []row
	for page := 1; ; page++ {
		rec := e.get(fmt.Sprintf("%s?order=asc&per_page=100&page=%d", rowsPath, page))
		if rec.Code != http.StatusOK {
			t.Fatalf("page %d: %d %s", page, rec.Code, rec.Body.String())
		}
		all = append(all, decode[[]row](t, rec)...)
		if !strings.Contains(rec.Header().Get("Link"), `rel="next"`) {
			break
		}
	}
	if len(all) != total {
		t.Fatalf("walked %d rows, table has %d", len(all), total)
	}
	for i := 1; i < len(all); i++ {
		if all[i-1].Date >= all[i].Date {
			t.Fatalf("not ascending at %d: %s then %s", i, all[i-1].Date, all[i].Date)
		}
	}
	want := e.queryString("SELECT `count` FROM wp_chatbot_chatgpt_interactions WHERE `date` = ?", all[17].Date)
	if all[17].Count == nil || strconv.FormatInt(*all[17].Count, 10) != want {
		t.Errorf("row %s: count %v, table says %s", all[17].Date, all[17].Count, want)
	}

	// A middle page links both ways.
	rec = e.get(rowsPath + "?page=2&per_page=5&start=2026-11-01")
	if link := rec.Header().Get("Link"); !strings.Contains(link, `rel="prev"`) || !strings.Contains(link, `rel="next"`) ||
		!strings.Contains(link, "start=2026-11-01") || !strings.Contains(link, "per_page=5") {
		t.Errorf("Link on page 2: %q", link)
	}
}

func TestListRowsFieldsAndRanges(t *testing.T) {
	e := newEnv(t)
	rec := e.get(rowsPath + "?_fields=date&start=2026-11-20&end=2026-11-24&order=asc")
	if got, want := rec.Body.String(), `[{"date":"2026-11-20"},{"date":"2026-11-21"},{"date":"2026-11-22"},{"date":"2026-11-23"},{"date":"2026-11-24"}]`; got != want {
		t.Errorf("_fields=date: got %s, want %s", got, want)
	}
	rec = e.get(rowsPath + "?_fields=count,%20unknown&start=2026-11-20&end=2026-11-20")
	if got, want := rec.Body.String(), `[{"count":0}]`; got != want {
		t.Errorf("_fields=count: got %s, want %s", got, want)
	}
	rec = e.get(rowsPath + "?start=2026-11-20&end=2026-11-20")
	if got, want := rec.Body.String(), `[{"date":"2026-11-20","count":0}]`; got != want {
		t.Errorf("one day: got %s, want %s", got, want)
	}

	// An empty result is [] with no pages, whatever the page asked for.
	for _, q := range []string{"start=2030-01-01", "start=2030-01-01&page=3"} {
		rec = e.get(rowsPath + "?" + q)
		if rec.Code != http.StatusOK || rec.Body.String() != "[]" || rec.Header().Get("X-WP-TotalPages") != "0" || rec.Header().Get("X-WP-Total") != "0" {
			t.Errorf("%s: %d %s pages=%s", q, rec.Code, rec.Body.String(), rec.Header().Get("X-WP-TotalPages"))
		}
	}
	// A NULL count is null, not 0.
	e.db.Exec(t, "INSERT INTO wp_chatbot_chatgpt_interactions (`date`, `count`) VALUES ('2026-11-25', NULL)")
	rec = e.get(rowsPath + "?start=2026-11-25")
	if got, want := rec.Body.String(), `[{"date":"2026-11-25","count":null}]`; got != want {
		t.Errorf("NULL count: got %s, want %s", got, want)
	}
	// …and counts 0 in a summary, while still being a stored day.
	s := decode[summary](t, e.get(summaryPath+"?start=2026-11-25&fill=false"))
	if len(s.Buckets) != 1 || s.Buckets[0].Count != 0 {
		t.Errorf("NULL in summary: %+v", s)
	}
}

func TestListRowsInvalid(t *testing.T) {
	e := newEnv(t)
	tests := []struct{ query, param string }{
		{"per_page=0", "per_page"},
		{"per_page=101", "per_page"},
		{"per_page=ten", "per_page"},
		{"page=0", "page"},
		{"page=-1", "page"},
		{"page=1.5", "page"},
		{"page=99999999999999999999999", "page"},
		{"order=random", "order"},
		{"order=ASC", "order"},
		{"start=2026-13-01", "start"},
		{"start=2026-11-25&end=2026-11-01", "start"},
		{"page=1&page=2", "page"},
		{"_fields=date&_fields=count", "_fields"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := wantWPError(t, e.get(rowsPath+"?"+tt.query), http.StatusBadRequest, "rest_invalid_param")
			if got.Data.Params[tt.param] == "" {
				t.Errorf("data.params.%s missing: %+v", tt.param, got.Data.Params)
			}
		})
	}
	wantWPError(t, e.get(rowsPath+"?page=1000"), http.StatusBadRequest, "rest_post_invalid_page_number")
}

const exportPath = "/wp-json/kchat/v1/interactions/export"

func TestExport(t *testing.T) {
	e := newEnv(t)
	rec := e.get(exportPath)
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body.String())
	}
	if got, want := rec.Header().Get("Content-Type"), "text/csv; charset=utf-8"; got != want {
		t.Errorf("Content-Type %q, want %q", got, want)
	}
	if got, want := rec.Header().Get("Content-Disposition"), `attachment; filename="Chatbot-ChatGPT-Interactions-2026-11-25.csv"`; got != want {
		t.Errorf("Content-Disposition %q, want %q", got, want)
	}
	records, err := csv.NewReader(bytes.NewReader(rec.Body.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(records[0], ","); got != "date,count" {
		t.Errorf("header row %q", got)
	}
	// Row for row equal to the table.
	db, err := sql.Open("mysql", e.db.DSN)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT DATE_FORMAT(`date`, '%Y-%m-%d'), `count` FROM wp_chatbot_chatgpt_interactions ORDER BY `date`")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	i := 1
	for ; rows.Next(); i++ {
		var d string
		var c sql.NullInt64
		if err := rows.Scan(&d, &c); err != nil {
			t.Fatal(err)
		}
		if i >= len(records) {
			t.Fatalf("CSV has %d rows, table has more", len(records)-1)
		}
		want := ""
		if c.Valid {
			want = strconv.FormatInt(c.Int64, 10)
		}
		if records[i][0] != d || records[i][1] != want {
			t.Fatalf("CSV row %d = %v, table row = %s,%s", i, records[i], d, want)
		}
	}
	if i != len(records) {
		t.Errorf("CSV has %d rows, table %d", len(records)-1, i-1)
	}
	if !bytes.HasSuffix(rec.Body.Bytes(), []byte("\r\n")) || bytes.HasPrefix(rec.Body.Bytes(), []byte("\uFEFF")) {
		t.Errorf("CSV framing: %q…", rec.Body.String()[:20])
	}

	// The download's date is the site's: just after midnight in Berlin it is the 26th.
	e.clock.Set(time.Date(2026, 11, 25, 23, 30, 0, 0, time.UTC))
	e.token = e.tokenFor(adminID)
	rec = e.get(exportPath + "?start=2026-11-20&end=2026-11-22&bom=true")
	if got, want := rec.Header().Get("Content-Disposition"), `attachment; filename="Chatbot-ChatGPT-Interactions-2026-11-26.csv"`; got != want {
		t.Errorf("Content-Disposition %q, want %q", got, want)
	}
	if got, want := rec.Body.String(), "\uFEFFdate,count\r\n2026-11-20,0\r\n2026-11-21,16\r\n2026-11-22,70\r\n"; got != want {
		t.Errorf("ranged export with BOM: got %q, want %q", got, want)
	}

	// A NULL count is an empty cell.
	e.db.Exec(t, "INSERT INTO wp_chatbot_chatgpt_interactions (`date`, `count`) VALUES ('2026-11-25', NULL)")
	rec = e.get(exportPath + "?start=2026-11-24")
	if got, want := rec.Body.String(), "date,count\r\n2026-11-24,118\r\n2026-11-25,\r\n"; got != want {
		t.Errorf("NULL count: got %q, want %q", got, want)
	}

	for _, q := range []string{"bom=yes", "start=2026-11-25&end=2026-11-24", "start=x", "bom=1&bom=0"} {
		wantWPError(t, e.get(exportPath+"?"+q), http.StatusBadRequest, "rest_invalid_param")
	}
}

func TestExportEmptyTable(t *testing.T) {
	e := newEnv(t)
	e.db.Exec(t, "DELETE FROM wp_chatbot_chatgpt_interactions")
	rec := e.get(exportPath)
	if rec.Code != http.StatusOK || rec.Body.String() != "date,count\r\n" {
		t.Errorf("empty table: %d %q", rec.Code, rec.Body.String())
	}
	if rec := e.get(rowsPath); rec.Body.String() != "[]" {
		t.Errorf("empty rows: %s", rec.Body.String())
	}
	s := decode[summary](t, e.get(summaryPath))
	if s.Total != 0 || len(s.Buckets) != 8 {
		t.Errorf("empty summary: %+v", s)
	}
}

// Another table prefix and another site of a multisite read their own tables.
func TestOtherPrefixAndBlog(t *testing.T) {
	db := newPrefixedFixture(t, "wpx_")
	e := newEnvOn(t, db, "wpx_")
	s := decode[summary](t, e.get(summaryPath+"?start=2026-11-20&end=2026-11-24"))
	if s.Total != 0+16+70+64+118 {
		t.Errorf("prefix wpx_: total %d", s.Total)
	}
	if rec := e.do(http.MethodGet, summaryPath, "Bearer "+e.tokenFor(editorID)); rec.Code != http.StatusForbidden {
		t.Errorf("editor under prefix wpx_: got %d", rec.Code)
	}
}

// newPrefixedFixture loads the fixture as a site installed with another table prefix
// would hold it: tables, capability meta keys and the roles option all renamed.
func newPrefixedFixture(t *testing.T, prefix string) *repotest.Database {
	t.Helper()
	raw, err := os.ReadFile(repotest.FixturePath())
	if err != nil {
		t.Fatal(err)
	}
	db := repotest.NewDatabase(t)
	db.LoadSQL(t, strings.ReplaceAll(string(raw), "wp_", prefix))
	return db
}

// A summary carries an ETag; sending it back gets 304 until the data change, and a
// client that accepts gzip gets the same JSON compressed.
func TestSummaryETagAndGzip(t *testing.T) {
	e := newEnv(t)
	for _, path := range []string{summaryPath, "/wp-json/kchat/v1/conversations/summary", "/wp-json/kchat/v1/tokens/summary"} {
		first := e.get(path + "?period=monthly")
		etag := first.Header().Get("ETag")
		if first.Code != http.StatusOK || !strings.HasPrefix(etag, `"`) {
			t.Fatalf("%s: %d, ETag %q", path, first.Code, etag)
		}
		for _, inm := range []string{etag, "W/" + etag, `"other", ` + etag, "*"} {
			req := httptest.NewRequest(http.MethodGet, path+"?period=monthly", nil)
			req.Header.Set("Authorization", "Bearer "+e.token)
			req.Header.Set("If-None-Match", inm)
			rec := httptest.NewRecorder()
			e.server.ServeHTTP(rec, req)
			if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 || rec.Header().Get("ETag") != etag {
				t.Errorf("%s If-None-Match %s: %d, %d bytes", path, inm, rec.Code, rec.Body.Len())
			}
		}
		if other := e.get(path + "?period=yearly"); other.Header().Get("ETag") == etag {
			t.Errorf("%s: two different answers share an ETag", path)
		}

		req := httptest.NewRequest(http.MethodGet, path+"?period=daily&start=2025-01-01", nil)
		req.Header.Set("Authorization", "Bearer "+e.token)
		req.Header.Set("Accept-Encoding", "gzip")
		rec := httptest.NewRecorder()
		e.server.ServeHTTP(rec, req)
		if rec.Header().Get("Content-Encoding") != "gzip" {
			t.Fatalf("%s: not compressed: %v", path, rec.Header())
		}
		zr, err := gzip.NewReader(rec.Body)
		if err != nil {
			t.Fatal(err)
		}
		unzipped, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		plain := e.get(path + "?period=daily&start=2025-01-01")
		if !bytes.Equal(unzipped, plain.Body.Bytes()) || len(unzipped) < 1024 {
			t.Errorf("%s: gzip body differs from the plain one (%d vs %d bytes)", path, len(unzipped), plain.Body.Len())
		}
	}
	// New data, new tag.
	before := e.get(summaryPath).Header().Get("ETag")
	e.db.Exec(t, "UPDATE wp_chatbot_chatgpt_interactions SET `count` = `count` + 1 WHERE `date` = '2026-11-24'")
	if after := e.get(summaryPath).Header().Get("ETag"); after == before {
		t.Errorf("the ETag did not change with the data")
	}
}

// With CountsTTL, a window's counts are reused for that long and then read again.
func TestSummaryCountsTTL(t *testing.T) {
	e := newEnv(t, func(c *api.Config) { c.CountsTTL = time.Second })
	total := func() int64 { return decode[summary](t, e.get(summaryPath+"?start=2026-11-20")).Total }
	before := total()
	e.db.Exec(t, "INSERT INTO wp_chatbot_chatgpt_interactions (date, count) VALUES ('2026-11-24', 5) ON DUPLICATE KEY UPDATE count = count + 5")
	if got := total(); got != before {
		t.Errorf("within the TTL: total %d, want the cached %d", got, before)
	}
	e.clock.Add(time.Second)
	if got := total(); got != before+5 {
		t.Errorf("after the TTL: total %d, want %d", got, before+5)
	}
}
