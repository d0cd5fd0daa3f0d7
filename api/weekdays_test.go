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
	"time"
)

const weekdaysPath = "/wp-json/kchat/v1/interactions/weekdays"

// weekdayEntry keeps average and share as the JSON spells them, so that expectations
// are the numbers a client reads, null included.
type weekdayEntry struct {
	Weekday int             `json:"weekday"`
	Name    string          `json:"name"`
	Days    int             `json:"days"`
	Total   int64           `json:"total"`
	Average json.RawMessage `json:"average"`
	Share   json.RawMessage `json:"share"`
}

type weekdaysAnswer struct {
	Start    string         `json:"start"`
	End      string         `json:"end"`
	Timezone string         `json:"timezone"`
	Total    int64          `json:"total"`
	Weekdays []weekdayEntry `json:"weekdays"`
}

// row of the expected tally: weekday, name, days, total, average, share.
type wantDay struct {
	weekday        int
	name           string
	days           int
	total          int64
	average, share string
}

// setInteractions replaces the fixture's interactions with these days ("NULL" for a
// NULL count).
func (e *env) setInteractions(days map[string]string) {
	e.t.Helper()
	e.db.Exec(e.t, "DELETE FROM wp_chatbot_chatgpt_interactions")
	for d, n := range days {
		e.db.Exec(e.t, "INSERT INTO wp_chatbot_chatgpt_interactions (`date`, `count`) VALUES ('"+d+"', "+n+")")
	}
}

// setOption changes a site option and waits out the settings cache.
func (e *env) setOption(name, value string) {
	e.t.Helper()
	e.db.Exec(e.t, "UPDATE wp_options SET option_value = '"+value+"' WHERE option_name = '"+name+"'")
	e.clock.Add(11 * time.Second)
}

func checkWeekdays(t *testing.T, rec *httptest.ResponseRecorder, start, end string, total int64, want []wantDay) {
	t.Helper()
	if rec.Code != http.StatusOK {
		t.Fatalf("got %d: %s", rec.Code, rec.Body.String())
	}
	got := decode[weekdaysAnswer](t, rec)
	if got.Start != start || got.End != end || got.Total != total || got.Timezone != "Europe/Berlin" {
		t.Errorf("got %s..%s total %d zone %s, want %s..%s total %d Europe/Berlin", got.Start, got.End, got.Total, got.Timezone, start, end, total)
	}
	if len(got.Weekdays) != len(want) {
		t.Fatalf("%d entries, want %d: %s", len(got.Weekdays), len(want), rec.Body.String())
	}
	for i, g := range got.Weekdays {
		w := want[i]
		if g.Weekday != w.weekday || g.Name != w.name || g.Days != w.days || g.Total != w.total ||
			string(g.Average) != w.average || string(g.Share) != w.share {
			t.Errorf("entry %d: got %d %s days %d total %d average %s share %s; want %+v",
				i, g.Weekday, g.Name, g.Days, g.Total, g.Average, g.Share, w)
		}
	}
}

// The default window is the 12 complete weeks before the week holding the site's
// today: on Wednesday 2026-11-25, weeks on Monday, 2026-08-31..2026-11-22.
func TestWeekdaysDefaultWindow(t *testing.T) {
	e := newEnv(t)
	e.setInteractions(map[string]string{
		"2026-08-30": "100", // the Sunday before the window
		"2026-08-31": "5",   // its first day, a Monday
		"2026-09-15": "NULL",
		"2026-10-14": "3",   // a Wednesday
		"2026-11-22": "7",   // its last day, a Sunday
		"2026-11-23": "100", // this week: not complete, not in the window
		"2026-11-25": "100",
	})
	checkWeekdays(t, e.get(weekdaysPath), "2026-08-31", "2026-11-22", 15, []wantDay{
		{1, "Monday", 12, 5, "0.42", "33.3"},
		{2, "Tuesday", 12, 0, "0", "0"},
		{3, "Wednesday", 12, 3, "0.25", "20"},
		{4, "Thursday", 12, 0, "0", "0"},
		{5, "Friday", 12, 0, "0", "0"},
		{6, "Saturday", 12, 0, "0", "0"},
		{0, "Sunday", 12, 7, "0.58", "46.7"},
	})

	// 00:30 on Monday the 30th in Berlin (still Sunday in UTC): a new week has begun
	// there, so the window moves on by one week.
	e.clock.Set(time.Date(2026, 11, 29, 23, 30, 0, 0, time.UTC))
	e.token = e.tokenFor(adminID)
	checkWeekdays(t, e.get(weekdaysPath), "2026-09-07", "2026-11-29", 210, []wantDay{
		{1, "Monday", 12, 100, "8.33", "47.6"},
		{2, "Tuesday", 12, 0, "0", "0"},
		{3, "Wednesday", 12, 103, "8.58", "49"},
		{4, "Thursday", 12, 0, "0", "0"},
		{5, "Friday", 12, 0, "0", "0"},
		{6, "Saturday", 12, 0, "0", "0"},
		{0, "Sunday", 12, 7, "0.58", "3.3"},
	})
}

// Weeks on Saturday: the entries start there, and the default window ends on the
// Friday before the week holding today.
func TestWeekdaysStartOfWeekSaturday(t *testing.T) {
	e := newEnv(t)
	e.setOption("start_of_week", "6")
	e.setInteractions(map[string]string{"2026-11-20": "4", "2026-11-21": "2"}) // a Friday, a Saturday
	checkWeekdays(t, e.get(weekdaysPath), "2026-08-29", "2026-11-20", 4, []wantDay{
		{6, "Saturday", 12, 0, "0", "0"},
		{0, "Sunday", 12, 0, "0", "0"},
		{1, "Monday", 12, 0, "0", "0"},
		{2, "Tuesday", 12, 0, "0", "0"},
		{3, "Wednesday", 12, 0, "0", "0"},
		{4, "Thursday", 12, 0, "0", "0"},
		{5, "Friday", 12, 4, "0.33", "100"},
	})
	// A window that is not whole weeks: Monday 2026-11-02 to Thursday 2026-11-12 holds
	// Monday to Thursday twice and the rest once. Missing days count 0 in the average.
	e.setInteractions(map[string]string{
		"2026-11-01": "50",                      // before the window
		"2026-11-02": "3", "2026-11-09": "NULL", // Mondays
		"2026-11-03": "1", "2026-11-10": "2", // Tuesdays
		"2026-11-07": "0",  // a stored zero on the only Saturday
		"2026-11-12": "5",  // one Thursday of two
		"2026-11-13": "50", // after the window
	})
	checkWeekdays(t, e.get(weekdaysPath+"?start=2026-11-02&end=2026-11-12"), "2026-11-02", "2026-11-12", 11, []wantDay{
		{6, "Saturday", 1, 0, "0", "0"},
		{0, "Sunday", 1, 0, "0", "0"},
		{1, "Monday", 2, 3, "1.5", "27.3"},
		{2, "Tuesday", 2, 3, "1.5", "27.3"},
		{3, "Wednesday", 2, 0, "0", "0"},
		{4, "Thursday", 2, 5, "2.5", "45.5"},
		{5, "Friday", 1, 0, "0", "0"},
	})
}

func TestWeekdaysWindows(t *testing.T) {
	e := newEnv(t)
	e.setInteractions(map[string]string{"2026-11-09": "2", "2026-11-10": "4", "2026-11-25": "1"})
	// Rounding: 2 over 3 Mondays is 0.67, and 2 of 6 is 33.3 %.
	checkWeekdays(t, e.get(weekdaysPath+"?start=2026-11-02&end=2026-11-22"), "2026-11-02", "2026-11-22", 6, []wantDay{
		{1, "Monday", 3, 2, "0.67", "33.3"},
		{2, "Tuesday", 3, 4, "1.33", "66.7"},
		{3, "Wednesday", 3, 0, "0", "0"},
		{4, "Thursday", 3, 0, "0", "0"},
		{5, "Friday", 3, 0, "0", "0"},
		{6, "Saturday", 3, 0, "0", "0"},
		{0, "Sunday", 3, 0, "0", "0"},
	})
	// Only start: up to today, as a summary.
	checkWeekdays(t, e.get(weekdaysPath+"?start=2026-11-19"), "2026-11-19", "2026-11-25", 1, []wantDay{
		{1, "Monday", 1, 0, "0", "0"},
		{2, "Tuesday", 1, 0, "0", "0"},
		{3, "Wednesday", 1, 1, "1", "100"},
		{4, "Thursday", 1, 0, "0", "0"},
		{5, "Friday", 1, 0, "0", "0"},
		{6, "Saturday", 1, 0, "0", "0"},
		{0, "Sunday", 1, 0, "0", "0"},
	})
	// Only end: the 12 weeks (84 days) ending there, whatever weekday it is.
	rec := e.get(weekdaysPath + "?end=2026-11-11")
	if got := decode[weekdaysAnswer](t, rec); got.Start != "2026-08-20" || got.End != "2026-11-11" || got.Total != 6 {
		t.Errorf("only end: got %s..%s total %d, want 2026-08-20..2026-11-11 total 6", got.Start, got.End, got.Total)
	}
	// Shorter than a week, nothing in it: no such day → average null; total 0 → share null.
	checkWeekdays(t, e.get(weekdaysPath+"?start=2026-11-06&end=2026-11-07"), "2026-11-06", "2026-11-07", 0, []wantDay{
		{1, "Monday", 0, 0, "null", "null"},
		{2, "Tuesday", 0, 0, "null", "null"},
		{3, "Wednesday", 0, 0, "null", "null"},
		{4, "Thursday", 0, 0, "null", "null"},
		{5, "Friday", 1, 0, "0", "null"},
		{6, "Saturday", 1, 0, "0", "null"},
		{0, "Sunday", 0, 0, "null", "null"},
	})
	// A window that would begin before 0001-01-01 begins on it, as a summary's does.
	if got := decode[weekdaysAnswer](t, e.get(weekdaysPath+"?end=0001-01-05")); got.Start != "0001-01-01" || got.End != "0001-01-05" {
		t.Errorf("end=0001-01-05: got %s..%s, want 0001-01-01..0001-01-05", got.Start, got.End)
	}
	// 10,000 days are allowed.
	if rec := e.get(weekdaysPath + "?start=1999-07-11&end=2026-11-25"); rec.Code != http.StatusOK {
		t.Errorf("10,000 days: %d %s", rec.Code, rec.Body.String())
	}
}

func TestWeekdaysInvalid(t *testing.T) {
	e := newEnv(t)
	for _, tt := range []struct{ query, param string }{
		{"start=2026-11-26&end=2026-11-25", "start"},
		{"start=2026-11-26", "start"}, // after today
		{"start=2026-02-30", "start"},
		{"end=tomorrow", "end"},
		{"start=", "start"},
		{"end=2026-11-01&end=2026-11-02", "end"},
		{"start=1999-07-10&end=2026-11-25", "start"}, // 10,001 days
		{"start=0001-01-01&end=9999-12-31", "start"},
	} {
		t.Run(tt.query, func(t *testing.T) {
			got := wantWPError(t, e.get(weekdaysPath+"?"+tt.query), http.StatusBadRequest, "rest_invalid_param")
			if got.Data.Params[tt.param] == "" {
				t.Errorf("data.params.%s missing: %+v", tt.param, got.Data.Params)
			}
		})
	}
	wantWPError(t, e.do(http.MethodGet, weekdaysPath, ""), http.StatusUnauthorized, "rest_not_logged_in")
	wantWPError(t, e.do(http.MethodGet, weekdaysPath, "Bearer "+e.tokenFor(editorID)), http.StatusForbidden, "rest_forbidden")
}

// ETag and 304 as on every data route; a client accepting gzip gets the same JSON.
func TestWeekdaysETagAndGzip(t *testing.T) {
	e := newEnv(t)
	first := e.get(weekdaysPath)
	etag := first.Header().Get("ETag")
	if first.Code != http.StatusOK || !strings.HasPrefix(etag, `"`) {
		t.Fatalf("%d, ETag %q", first.Code, etag)
	}
	req := httptest.NewRequest(http.MethodGet, weekdaysPath, nil)
	req.Header.Set("Authorization", "Bearer "+e.token)
	req.Header.Set("If-None-Match", etag)
	rec := httptest.NewRecorder()
	e.server.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
		t.Errorf("If-None-Match: %d, %d bytes", rec.Code, rec.Body.Len())
	}
	if other := e.get(weekdaysPath + "?start=2026-01-01"); other.Header().Get("ETag") == etag {
		t.Errorf("two different answers share an ETag")
	}
	// The answer is always seven entries, some 700 bytes: under the 1 KiB below which
	// the server's gzip leaves answers plain, whatever the route. A client that accepts
	// gzip must be able to read it either way.
	req = httptest.NewRequest(http.MethodGet, weekdaysPath, nil)
	req.Header.Set("Authorization", "Bearer "+e.token)
	req.Header.Set("Accept-Encoding", "gzip")
	rec = httptest.NewRecorder()
	e.server.ServeHTTP(rec, req)
	body := rec.Body.Bytes()
	if rec.Header().Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(rec.Body)
		if err != nil {
			t.Fatal(err)
		}
		if body, err = io.ReadAll(zr); err != nil {
			t.Fatal(err)
		}
	}
	if rec.Code != http.StatusOK || !bytes.Equal(body, first.Body.Bytes()) {
		t.Errorf("Accept-Encoding gzip: %d, body differs from the plain one", rec.Code)
	}
	if !strings.Contains(strings.Join(rec.Header().Values("Vary"), ","), "Accept-Encoding") {
		t.Errorf("no Vary: Accept-Encoding: %v", rec.Header())
	}
}
