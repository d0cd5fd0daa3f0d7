package api_test

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"
)

// logRows reads the conversation log as the database prints it (text protocol, no
// time parsing): the bytes the plugin's PHP export would write.
func logRows(t *testing.T, e *env, cols, where string) [][]string {
	t.Helper()
	cfg, err := mysql.ParseDSN(e.db.DSN)
	if err != nil {
		t.Fatal(err)
	}
	cfg.ParseTime = false
	db, err := sql.Open("mysql", cfg.FormatDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT " + cols + " FROM wp_chatbot_chatgpt_conversation_log " + where + " ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := len(strings.Split(cols, ","))
	var out [][]string
	for rows.Next() {
		vals := make([]sql.NullString, n)
		dest := make([]any, n)
		for i := range vals {
			dest[i] = &vals[i]
		}
		if err := rows.Scan(dest...); err != nil {
			t.Fatal(err)
		}
		rec := make([]string, n)
		for i, v := range vals {
			rec[i] = v.String
		}
		out = append(out, rec)
	}
	return out
}

func readCSV(t *testing.T, body []byte) [][]string {
	t.Helper()
	records, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("the export is not CSV: %v", err)
	}
	return records
}

const allLogColumns = "id,session_id,user_id,page_id,interaction_time,user_type,thread_id,assistant_id,assistant_name,message_text,sentiment_score"

func TestConversationExport(t *testing.T) {
	e := newEnv(t)
	want := logRows(t, e, allLogColumns, "")
	if len(want) != 400 {
		t.Fatalf("fixture has %d log rows", len(want))
	}

	// Byte-faithful: parsing the CSV back gives the database's rows exactly.
	rec := e.get("/wp-json/kchat/v1/conversations/export?escape_formulas=false")
	if got, wantCD := rec.Header().Get("Content-Disposition"), `attachment; filename="Chatbot-ChatGPT-Conversation-Logs-2026-11-25.csv"`; got != wantCD {
		t.Errorf("Content-Disposition %q", got)
	}
	got := readCSV(t, rec.Body.Bytes())
	if strings.Join(got[0], ",") != allLogColumns {
		t.Errorf("header %v", got[0])
	}
	if len(got)-1 != len(want) {
		t.Fatalf("%d rows exported, table has %d", len(got)-1, len(want))
	}
	for i := range want {
		if strings.Join(got[i+1], "\x00") != strings.Join(want[i], "\x00") {
			t.Fatalf("row %d: exported %q, table %q", i+1, got[i+1], want[i])
		}
	}

	// Safe by default: formula-like text is neutralized, numbers and the rest untouched.
	got = readCSV(t, e.get("/wp-json/kchat/v1/conversations/export").Body.Bytes())
	seen := map[string]bool{}
	for i, row := range got[1:] {
		for j, cell := range row {
			orig := want[i][j]
			switch {
			case cell == orig:
				if orig != "" && strings.ContainsRune("=+@\t\r", rune(orig[0])) {
					t.Errorf("row %d column %d: %q was not neutralized", i+1, j, orig)
				}
			case cell == "'"+orig:
				seen[orig[:1]] = true
			default:
				t.Errorf("row %d column %d: %q became %q", i+1, j, orig, cell)
			}
		}
	}
	for _, c := range []string{"=", "@", "+"} {
		if !seen[c] {
			t.Errorf("the fixture's %q text was not neutralized", c)
		}
	}

	// One site-local day of interaction_time.
	got = readCSV(t, e.get("/wp-json/kchat/v1/conversations/export?start=2026-11-09&end=2026-11-09").Body.Bytes())
	day := logRows(t, e, "id", "WHERE interaction_time >= '2026-11-09' AND interaction_time < '2026-11-10'")
	if len(got)-1 != len(day) || len(day) == 0 {
		t.Errorf("2026-11-09: %d rows exported, %d in the table", len(got)-1, len(day))
	}

	for _, q := range []string{"escape_formulas=maybe", "start=2026-11-10&end=2026-11-09", "bom=yes", "end=x"} {
		wantWPError(t, e.get("/wp-json/kchat/v1/conversations/export?"+q), http.StatusBadRequest, "rest_invalid_param")
	}
	wantWPError(t, e.do(http.MethodGet, "/wp-json/kchat/v1/conversations/export", "Bearer "+e.tokenFor(editorID)), http.StatusForbidden, "rest_forbidden")
}

func TestTokenExport(t *testing.T) {
	e := newEnv(t)
	cols := "id,session_id,user_id,interaction_time,user_type,message_text"
	want := logRows(t, e, cols, "WHERE user_type IN ('Prompt Tokens','Completion Tokens','Total Tokens')")
	rec := e.get("/wp-json/kchat/v1/tokens/export?bom=1")
	if got := rec.Header().Get("Content-Disposition"); got != `attachment; filename="Chatbot-ChatGPT-Token-Usage-2026-11-25.csv"` {
		t.Errorf("Content-Disposition %q", got)
	}
	body := rec.Body.Bytes()
	if !bytes.HasPrefix(body, []byte("\uFEFF"+cols+"\r\n")) {
		t.Errorf("BOM and header: %q", body[:min(len(body), 80)])
	}
	got := readCSV(t, bytes.TrimPrefix(body, []byte("\uFEFF")))
	if len(got)-1 != len(want) || len(want) != 240 {
		t.Fatalf("%d token rows exported, table has %d", len(got)-1, len(want))
	}
	for i := range want {
		if strings.Join(got[i+1], ",") != strings.Join(want[i], ",") {
			t.Fatalf("row %d: %v, table %v", i+1, got[i+1], want[i])
		}
	}
}

type convBucket struct {
	Label, Start, End string
	Visitor           int64 `json:"visitor_messages"`
	Chatbot           int64 `json:"chatbot_messages"`
	Sessions          int64 `json:"sessions"`
}

type convSummary struct {
	Period, Start, End string
	Totals             convBucket   `json:"totals"`
	Buckets            []convBucket `json:"buckets"`
}

// logEntry is one log row, for recounting summaries in Go.
type logEntry struct {
	day, session, kind, text string
}

func allLogEntries(t *testing.T, e *env) []logEntry {
	t.Helper()
	var out []logEntry
	for _, r := range logRows(t, e, "interaction_time,session_id,user_type,message_text", "") {
		out = append(out, logEntry{day: r[0][:10], session: r[1], kind: r[2], text: r[3]})
	}
	return out
}

// recount adds up the log over [start, end] the slow, obvious way.
func recount(entries []logEntry, start, end string) (visitor, chatbot, sessions int64, tokens map[string]int64, nonNumeric int64) {
	seen := map[string]bool{}
	tokens = map[string]int64{}
	for _, l := range entries {
		if l.day < start || l.day > end {
			continue
		}
		seen[l.session] = true
		switch l.kind {
		case "Visitor":
			visitor++
		case "Chatbot":
			chatbot++
		default:
			n, err := strconv.ParseUint(l.text, 10, 63)
			if err != nil || strconv.FormatUint(n, 10) != l.text {
				nonNumeric++
				continue
			}
			tokens[l.kind] += int64(n)
		}
	}
	return visitor, chatbot, int64(len(seen)), tokens, nonNumeric
}

// checkConversations asks for a conversations summary and checks every bucket and the
// totals against the log recounted row by row over the bucket's days.
func checkConversations(t *testing.T, e *env, q string) convSummary {
	t.Helper()
	entries := allLogEntries(t, e)
	rec := e.get("/wp-json/kchat/v1/conversations/summary?" + q)
	if rec.Code != http.StatusOK {
		t.Fatalf("%s: %d %s", q, rec.Code, rec.Body.String())
	}
	s := decode[convSummary](t, rec)
	var sumV, sumC int64
	for _, b := range s.Buckets {
		v, c, n, _, _ := recount(entries, b.Start, b.End)
		if b.Visitor != v || b.Chatbot != c || b.Sessions != n {
			t.Errorf("%s bucket %s..%s: got %+v, the log says %d/%d/%d", q, b.Start, b.End, b, v, c, n)
		}
		if strings.Contains(q, "fill=false") && v+c+n == 0 {
			t.Errorf("%s: fill=false kept an empty bucket %s", q, b.Label)
		}
		sumV += b.Visitor
		sumC += b.Chatbot
	}
	_, _, all, _, _ := recount(entries, s.Start, s.End)
	if s.Totals.Visitor != sumV || s.Totals.Chatbot != sumC || s.Totals.Sessions != all {
		t.Errorf("%s totals %+v; buckets add to %d/%d, window has %d sessions", q, s.Totals, sumV, sumC, all)
	}
	return s
}

// Every bucket equals the log recounted row by row over the bucket's days.
func TestConversationsSummary(t *testing.T) {
	e := newEnv(t)
	for _, q := range []string{"", "period=weekly&start=2026-10-01&end=2026-11-25", "period=monthly&start=2026-01-01", "period=daily&start=2026-11-01&end=2026-11-30&fill=false", "period=yearly&start=2020-01-01"} {
		if s := checkConversations(t, e, q); s.Totals.Sessions == 0 {
			t.Errorf("%s: no sessions at all", q)
		}
	}
	wantWPError(t, e.get("/wp-json/kchat/v1/conversations/summary?period=hourly"), http.StatusBadRequest, "rest_invalid_param")
}

// The cached count of the log follows it: messages the plugin appends, the purge of old
// rows, a log emptied; an edit the id bounds cannot see shows within the cache's age.
func TestLogSummaryFollowsChanges(t *testing.T) {
	e := newEnv(t)
	const q = "period=monthly&start=2026-01-01"
	before := checkConversations(t, e, q)
	add := "INSERT INTO wp_chatbot_chatgpt_conversation_log (session_id, user_id, page_id, interaction_time, user_type, message_text) VALUES "
	e.db.Exec(t, add+"('fresh-1', '0', '2', '2026-11-25 09:00:00', 'Visitor', 'hi'), ('fresh-1', '0', '2', '2026-11-25 09:00:01', 'Chatbot', 'hello'),"+
		" ('fresh-2', '0', '2', '2026-03-02 09:00:00', 'Visitor', 'back-dated'), ('fresh-1', '0', '2', '2026-11-25 09:00:02', 'Prompt Tokens', '77')")
	after := checkConversations(t, e, q)
	if after.Totals.Visitor != before.Totals.Visitor+2 || after.Totals.Sessions != before.Totals.Sessions+2 {
		t.Errorf("appended rows: totals %+v, before %+v", after.Totals, before.Totals)
	}
	tokens := func() int64 {
		rec := e.get("/wp-json/kchat/v1/tokens/summary?" + q)
		return decode[struct {
			Totals struct {
				Prompt int64 `json:"prompt_tokens"`
			} `json:"totals"`
		}](t, rec).Totals.Prompt
	}
	_, _, _, tok, _ := recount(allLogEntries(t, e), "2026-01-01", "2026-11-25")
	if got := tokens(); got != tok["Prompt Tokens"] {
		t.Errorf("prompt tokens %d, the log says %d", got, tok["Prompt Tokens"])
	}

	e.db.Exec(t, "DELETE FROM wp_chatbot_chatgpt_conversation_log ORDER BY id LIMIT 150")
	purged := checkConversations(t, e, q)
	if purged.Totals.Visitor >= after.Totals.Visitor {
		t.Errorf("purge not seen: %+v, before %+v", purged.Totals, after.Totals)
	}

	// A hand edit in the middle keeps both bounds: served from the cache until it is
	// logstats.MaxAge (10 minutes) old, then counted again.
	e.db.Exec(t, "UPDATE wp_chatbot_chatgpt_conversation_log SET user_type = 'Chatbot' WHERE user_type = 'Visitor' AND session_id = 'fresh-1'")
	stale := decode[convSummary](t, e.get("/wp-json/kchat/v1/conversations/summary?"+q))
	if stale.Totals != purged.Totals {
		t.Errorf("an edit the bounds cannot see changed the cached answer: %+v, was %+v", stale.Totals, purged.Totals)
	}
	e.clock.Add(10*time.Minute + time.Second)
	edited := checkConversations(t, e, q)
	if edited.Totals.Visitor != purged.Totals.Visitor-1 {
		t.Errorf("edit not seen after the cache's age: %+v", edited.Totals)
	}

	e.db.Exec(t, "DELETE FROM wp_chatbot_chatgpt_conversation_log")
	if empty := checkConversations(t, e, q); empty.Totals != (convBucket{}) {
		t.Errorf("empty log: %+v", empty.Totals)
	}
}

func TestTokensSummary(t *testing.T) {
	e := newEnv(t)
	e.db.Exec(t, "INSERT INTO wp_chatbot_chatgpt_conversation_log (session_id, user_id, page_id, interaction_time, user_type, message_text) VALUES ('sx', '0', '2', '2026-11-20 10:00:00', 'Prompt Tokens', 'unknown')")
	entries := allLogEntries(t, e)
	rec := e.get("/wp-json/kchat/v1/tokens/summary?period=weekly&start=2026-10-01")
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body.String())
	}
	type counts struct {
		Prompt     int64 `json:"prompt_tokens"`
		Completion int64 `json:"completion_tokens"`
		Total      int64 `json:"total_tokens"`
	}
	s := decode[struct {
		Start, End string
		Totals     counts `json:"totals"`
		NonNumeric int64  `json:"non_numeric_rows"`
		Buckets    []struct {
			Start, End string
			counts
		} `json:"buckets"`
	}](t, rec)
	_, _, _, tok, nonNumeric := recount(entries, s.Start, s.End)
	if s.Totals.Prompt != tok["Prompt Tokens"] || s.Totals.Completion != tok["Completion Tokens"] || s.Totals.Total != tok["Total Tokens"] || s.Totals.Total == 0 {
		t.Errorf("totals %+v, the log says %v", s.Totals, tok)
	}
	for _, b := range s.Buckets {
		_, _, _, bt, _ := recount(entries, b.Start, b.End)
		if b.Prompt != bt["Prompt Tokens"] || b.Completion != bt["Completion Tokens"] || b.Total != bt["Total Tokens"] {
			t.Errorf("bucket %s..%s: %+v, the log says %v", b.Start, b.End, b.counts, bt)
		}
	}
	if s.NonNumeric != 1 || nonNumeric != 1 {
		t.Errorf("non_numeric_rows %d (the log has %d)", s.NonNumeric, nonNumeric)
	}
}
