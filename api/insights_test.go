package api_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
)

const insightsPath = "/wp-json/kchat/v1/insights"

// insightsLog replaces the fixture's log with a small one around its today, 2026-11-25
// (Berlin; the clock reads 12:00 there).
func insightsLog(e *env) {
	e.t.Helper()
	e.db.Exec(e.t, "DELETE FROM wp_chatbot_chatgpt_conversation_log")
	e.db.Exec(e.t, "CREATE TABLE wp_posts (ID bigint(20) unsigned NOT NULL PRIMARY KEY, post_title text NOT NULL, post_type varchar(20) NOT NULL)")
	e.db.Exec(e.t, "INSERT INTO wp_posts VALUES (5, 'Shipping', 'page'), (6, 'News', 'post')")
	e.db.Exec(e.t, "INSERT INTO wp_chatbot_chatgpt_conversation_log (id, session_id, user_id, page_id, interaction_time, user_type, assistant_id, assistant_name, message_text, sentiment_score) VALUES"+
		// yesterday: one conversation
		" (1, 'y', '0', '5', '2026-11-24 09:00:00', 'Visitor', NULL, NULL, 'old question', 0.2),"+
		" (2, 'y', '0', '5', '2026-11-24 09:00:09', 'Chatbot', NULL, NULL, 'answer', NULL),"+
		// today: a conversation with a fallback, then a logged-in visitor's on another page
		" (3, 'a', '0', '5', '2026-11-25 08:00:00', 'Visitor', 'asst_1', 'Helper', '=HYPERLINK(\"x\")', 0.5),"+
		" (4, 'a', '0', '5', '2026-11-25 08:00:05', 'Chatbot', 'asst_1', 'Helper', 'Sorry, I’m not following.', NULL),"+
		" (5, 'a', '0', '5', '2026-11-25 08:00:05', 'Total Tokens', NULL, NULL, '120', 0),"+
		" (6, 'b', '9', '6', '2026-11-25 10:00:00', 'Visitor', 'asst_2', NULL, 'Where is my order?', 0),"+
		" (7, 'b', '9', '6', '2026-11-25 10:05:00', 'Chatbot', 'asst_2', NULL, 'It ships today.', 0.9),"+
		" (8, 'b', '9', '6', '2026-11-25 10:05:00', 'Total Tokens', NULL, NULL, 'total_tokens: 80', 0),"+
		" (9, 'c', '0', '7', '2026-11-25 11:00:00', 'Visitor', NULL, NULL, '  where IS my   order? ', NULL),"+
		" (10, 'c', '0', '7', '2026-11-25 11:00:01', 'Chatbot', NULL, NULL, 'I couldn''t find that.', NULL)")
}

type insightsBody struct {
	Period, Type, Timezone string
	Windows                map[string]struct{ Start, End string }
	Current, Previous      map[string]any
	PreviousToDate         map[string]any `json:"previous_to_date"`
	Trends                 map[string]any
}

func TestInsights(t *testing.T) {
	e := newEnv(t)
	insightsLog(e)
	b := decode[insightsBody](t, e.get(insightsPath+"?period=TODAY"))
	if b.Period != "today" || b.Type != "visitor" || b.Timezone != "Europe/Berlin" {
		t.Errorf("head: %+v", b)
	}
	if w := b.Windows["current"]; w.Start != "2026-11-25T00:00:00" || w.End != "2026-11-26T00:00:00" {
		t.Errorf("current window %+v", w)
	}
	if w := b.Windows["previous_to_date"]; w.Start != "2026-11-24T00:00:00" || w.End != "2026-11-24T12:00:00" {
		t.Errorf("previous_to_date window %+v", w)
	}
	for key, want := range map[string]string{
		"conversations": "3", "unique_visitors": "3", "logged_in_users": "1", "anonymous_visitors": "2",
		"messages": `{"chatbot":3,"total":6,"visitor":3}`, "duration_seconds": `{"mean":102,"median":5,"p90":300}`,
		"tokens":    `{"completion":0,"per_conversation":40,"prompt":0,"total":120,"unparsed_rows":1}`,
		"avg_turns": "1", "engagement_rate": "33.3", "resolved_rate": "33.3", "time_saved_hours": "0.1",
		"sentiment": `{"average":0.25,"positive_share":100,"scored":2,"zero_share":50}`,
	} {
		if got := jsonText(t, b.Current[key]); got != want {
			t.Errorf("current %s: %s, want %s", key, got, want)
		}
	}
	for key, want := range map[string]string{"conversations": "200", "engagement_rate": "33.3", "time_saved_hours": "null", "avg_turns": "0"} {
		if got := jsonText(t, b.Trends[key]); got != want {
			t.Errorf("trend %s: %s, want %s", key, got, want)
		}
	}
	// The chatbot's scores: 0.9 alone (4 and 10 are NULL).
	b = decode[insightsBody](t, e.get(insightsPath+"?period=today&type=Chatbot"))
	if got := jsonText(t, b.Current["sentiment"]); b.Type != "chatbot" || got != `{"average":0.9,"positive_share":100,"scored":1,"zero_share":0}` {
		t.Errorf("type=chatbot: %s %s", b.Type, got)
	}
	b = decode[insightsBody](t, e.get(insightsPath+"?start=2026-11-24&end=2026-11-24"))
	if b.Period != "custom" || jsonText(t, b.Current["conversations"]) != "1" || b.Windows["previous"].Start != "2026-11-23T00:00:00" {
		t.Errorf("custom: %+v", b)
	}
}

// jsonText is v as JSON: maps with their keys in order.
func jsonText(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestInsightsLists(t *testing.T) {
	e := newEnv(t)
	insightsLog(e)
	rec := e.get(insightsPath + "/pages?period=today")
	if got, want := rec.Body.String(), `[{"page_id":5,"title":"Shipping","url":"`+fixture.Home+`/?page_id=5","conversations":1},`+
		`{"page_id":6,"title":"News","url":"`+fixture.Home+`/?p=6","conversations":1},{"page_id":7,"title":null,"url":null,"conversations":1}]`; got != want {
		t.Errorf("pages:\n got %s\nwant %s", got, want)
	}
	if got := e.get(insightsPath + "/pages?period=today&limit=1").Body.String(); !strings.HasPrefix(got, `[{"page_id":5,`) || strings.Count(got, `"page_id":`) != 1 {
		t.Errorf("pages, limit 1: %s", got)
	}
	if got, want := e.get(insightsPath+"/assistants?period=today").Body.String(),
		`[{"assistant_id":"asst_1","name":"Helper","conversations":1},{"assistant_id":"asst_2","name":null,"conversations":1}]`; got != want {
		t.Errorf("assistants:\n got %s\nwant %s", got, want)
	}
	if got, want := e.get(insightsPath+"/unanswered?period=today").Body.String(),
		`[{"text":"where IS my   order?","count":1,"last_seen":"2026-11-25T11:00:00"},{"text":"=HYPERLINK(\"x\")","count":1,"last_seen":"2026-11-25T08:00:00"}]`; got != want {
		t.Errorf("unanswered:\n got %s\nwant %s", got, want)
	}
}

func TestInsightsExport(t *testing.T) {
	e := newEnv(t)
	insightsLog(e)
	rec := e.get(insightsPath + "/unanswered/export?period=today")
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "text/csv; charset=utf-8" ||
		rec.Header().Get("Content-Disposition") != `attachment; filename="Chatbot-ChatGPT-Unanswered-Questions-2026-11-25.csv"` ||
		rec.Header().Get("Cache-Control") != "no-store" {
		t.Errorf("headers: %d %v", rec.Code, rec.Header())
	}
	if got, want := rec.Body.String(), "question,count,last_seen\r\nwhere IS my   order?,1,2026-11-25T11:00:00\r\n\"'=HYPERLINK(\"\"x\"\")\",1,2026-11-25T08:00:00\r\n"; got != want {
		t.Errorf("body:\n got %q\nwant %q", got, want)
	}
	raw := e.get(insightsPath + "/unanswered/export?period=today&escape_formulas=false&bom=1").Body.String()
	if !strings.HasPrefix(raw, "\uFEFFquestion,count,last_seen\r\n") || !strings.Contains(raw, "\r\n\"=HYPERLINK(\"\"x\"\")\",1,") {
		t.Errorf("raw with BOM: %q", raw)
	}
}

func TestInsightsParams(t *testing.T) {
	e := newEnv(t)
	for _, c := range []struct{ path, query, param string }{
		{"", "period=weekly", "period"},
		{"", "period=month&start=2026-11-01&end=2026-11-02", "period"},
		{"", "start=2026-11-01", "end"},
		{"", "end=2026-11-01", "start"},
		{"", "start=2026-11-02&end=2026-11-01", "start"},
		{"", "start=2025-01-01&end=2026-01-02", "end"},
		{"", "start=2026-02-30&end=2026-03-01", "start"},
		{"", "type=bot", "type"},
		{"", "start=0001-01-01&end=0001-01-01", "start"},
		{"", "period=today&period=week", "period"},
		{"/pages", "limit=0", "limit"},
		{"/assistants", "limit=101", "limit"},
		{"/unanswered", "limit=ten", "limit"},
		{"/unanswered/export", "escape_formulas=no", "escape_formulas"},
		{"/unanswered/export", "start=2026-11-01", "end"},
	} {
		rec := e.get(insightsPath + c.path + "?" + c.query)
		got := wantWPError(t, rec, http.StatusBadRequest, "rest_invalid_param")
		if _, ok := got.Data.Params[c.param]; !ok {
			t.Errorf("%s?%s: params %v, want %s named", c.path, c.query, got.Data.Params, c.param)
		}
	}
	// 366 days is the most; the first possible day has a day before it.
	if rec := e.get(insightsPath + "?start=0001-01-02&end=0001-01-02"); rec.Code != http.StatusOK {
		t.Errorf("0001-01-02: %d %s", rec.Code, rec.Body.String())
	}
	if rec := e.get(insightsPath + "?start=2024-01-01&end=2024-12-31"); rec.Code != http.StatusOK {
		t.Errorf("366 days: %d %s", rec.Code, rec.Body.String())
	}
}

func TestInsightsETagAndGzip(t *testing.T) {
	e := newEnv(t)
	insightsLog(e)
	for _, path := range []string{insightsPath, insightsPath + "/pages", insightsPath + "/assistants", insightsPath + "/unanswered"} {
		rec := e.get(path + "?period=today")
		tag := rec.Header().Get("ETag")
		if rec.Code != http.StatusOK || tag == "" || rec.Header().Get("Cache-Control") != "private, no-cache" {
			t.Fatalf("%s: %d, ETag %q", path, rec.Code, tag)
		}
		req := httptest.NewRequest(http.MethodGet, path+"?period=today", nil)
		req.Header.Set("Authorization", "Bearer "+e.token)
		req.Header.Set("If-None-Match", tag)
		rec = httptest.NewRecorder()
		e.server.ServeHTTP(rec, req)
		validate(t, req, rec)
		if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
			t.Errorf("%s with its tag: %d", path, rec.Code)
		}
	}
	// A new row changes the answer and its tag.
	before := e.get(insightsPath + "?period=today").Header().Get("ETag")
	e.db.Exec(t, "INSERT INTO wp_chatbot_chatgpt_conversation_log (id, session_id, user_id, page_id, interaction_time, user_type, message_text) VALUES (11, 'd', '0', '0', '2026-11-25 11:30:00', 'Visitor', 'new')")
	if after := e.get(insightsPath + "?period=today").Header().Get("ETag"); after == before {
		t.Error("a new row left the tag as it was")
	}

	req := httptest.NewRequest(http.MethodGet, insightsPath+"?period=today", nil)
	req.Header.Set("Authorization", "Bearer "+e.token)
	req.Header.Set("Accept-Encoding", "gzip")
	rec := httptest.NewRecorder()
	e.server.ServeHTTP(rec, req)
	if rec.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("not compressed: %v", rec.Header())
	}
	zr, err := gzip.NewReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(zr)
	if err != nil || !bytes.HasPrefix(body, []byte(`{"period":"today"`)) {
		t.Errorf("gzip body: %v %.80s", err, body)
	}
}
