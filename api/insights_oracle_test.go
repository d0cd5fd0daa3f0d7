package api_test

// The Insights oracle: the routes' answers over testdata/insights-oracle.sql, compared
// field by field with a plain second implementation (insights_oracle_model_test.go) and,
// for the headline figures, with values worked out by hand below.

import (
	"compress/gzip"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
)

const (
	oracleZone        = "America/Chicago"
	oracleStartOfWeek = 6 // Saturday
)

// oracleNowWall is "now" on the site's wall clock: Wednesday 2026-12-16 19:30:00.7,
// which is 01:30 UTC on the 17th, so a UTC "today" would be a day late. The fraction
// must not reach the windows ("at the request's second").
var oracleNowWall = oWall(2026, 12, 16, 19, 30, 0).Add(700 * time.Millisecond)

// oracleStartWall is "now" exactly at a period's start: Saturday 2026-12-12 00:00:00, the
// first second of a week (start_of_week 6) and of a day. The site then holds no row of
// its future.
var oracleStartWall = oWall(2026, 12, 12, 0, 0, 0)

// oSiteInstant turns a site wall-clock time into the instant the server's clock returns.
func oSiteInstant(t testing.TB, w time.Time) time.Time {
	t.Helper()
	loc, err := time.LoadLocation(oracleZone)
	if err != nil {
		t.Fatal(err)
	}
	return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), loc)
}

// newOracleEnv serves the oracle's site at the wall-clock time now; rows at or after
// cut (when not zero) are deleted first.
func newOracleEnv(t *testing.T, now, cut time.Time) *env {
	t.Helper()
	return newOracleEnvPrefixed(t, now, cut, "wp_")
}

// newOracleEnvPrefixed is newOracleEnv on a site installed with another table prefix:
// tables, capability meta keys and the roles option renamed.
func newOracleEnvPrefixed(t *testing.T, now, cut time.Time, prefix string) *env {
	t.Helper()
	fixture, err := os.ReadFile(repotest.FixturePath())
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile(oracleDataset)
	if err != nil {
		t.Fatal(err)
	}
	db := repotest.NewDatabase(t)
	db.LoadSQL(t, strings.ReplaceAll(string(fixture), "wp_", prefix))
	db.LoadSQL(t, strings.ReplaceAll(string(script), "wp_", prefix))
	if !cut.IsZero() {
		db.Exec(t, "DELETE FROM "+prefix+"chatbot_chatgpt_conversation_log WHERE interaction_time >= ?", cut.Format(time.DateTime))
	}
	oCheckLoaded(t, db, cut, prefix)
	e := newEnvOn(t, db, prefix)
	e.clock.Set(oSiteInstant(t, now))
	e.token = e.tokenFor(adminID)
	return e
}

// oCheckLoaded holds the database to the rows the oracle parsed from the file, so that
// both read the same site: every row, byte for byte, scores to the bit.
func oCheckLoaded(t *testing.T, db *repotest.Database, cut time.Time, prefix string) {
	t.Helper()
	d := loadOracleData(t)
	if !cut.IsZero() {
		d = d.without(cut)
	}
	want := map[int]string{}
	for _, r := range d.rows {
		want[r.id] = fmt.Sprint(r.session, "|", oDeref(r.user), "|", oDeref(r.page), "|", r.t.Format(time.DateTime), "|",
			r.typ, "|", oDeref(r.asst), "|", oDeref(r.asstName), "|", r.text, "|", oScoreText(r.score))
	}
	conn, err := sql.Open("mysql", db.DSN)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	rows, err := conn.Query("SELECT id, session_id, user_id, page_id, interaction_time, user_type, assistant_id, assistant_name, message_text, sentiment_score FROM " + prefix + "chatbot_chatgpt_conversation_log")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var (
			id                     int
			session, typ, text     string
			user, page, asst, name sql.NullString
			when                   time.Time
			score                  sql.NullFloat64
		)
		if err := rows.Scan(&id, &session, &user, &page, &when, &typ, &asst, &name, &text, &score); err != nil {
			t.Fatal(err)
		}
		var sc *float64
		if score.Valid {
			sc = &score.Float64
		}
		got := fmt.Sprint(session, "|", oNullText(user), "|", oNullText(page), "|", when.Format(time.DateTime), "|",
			typ, "|", oNullText(asst), "|", oNullText(name), "|", text, "|", oScoreText(sc))
		if got != want[id] {
			t.Errorf("row %d in the database: %q, the oracle parsed %q", id, got, want[id])
		}
		n++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n != len(d.rows) {
		t.Fatalf("the database holds %d log rows, the oracle parsed %d", n, len(d.rows))
	}
}

func oDeref(s *string) string {
	if s == nil {
		return "NULL"
	}
	return *s
}

func oNullText(s sql.NullString) string {
	if !s.Valid {
		return "NULL"
	}
	return s.String
}

func oScoreText(f *float64) string {
	if f == nil {
		return "NULL"
	}
	return fmt.Sprint(float32(*f))
}

// oracleGet sends an admin's GET through the whole router, checks it against
// openapi.yaml and wants 200: before the routes exist, it says so.
func oracleGet(t *testing.T, e *env, target string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.Header.Set("Authorization", "Bearer "+e.token)
	rec := httptest.NewRecorder()
	e.server.ServeHTTP(rec, req)
	if rec.Code == http.StatusNotFound {
		t.Fatalf("GET %s: 404, the route is not served (body %s)", target, rec.Body.String())
	}
	validate(t, req, rec)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: status %d, want 200 (body %s)", target, rec.Code, rec.Body.String())
	}
	return rec
}

func oracleJSON(t *testing.T, e *env, target string) any {
	t.Helper()
	rec := oracleGet(t, e, target)
	var v any
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("GET %s: body is not JSON: %v: %s", target, err, rec.Body.String())
	}
	return v
}

// ---- expected answers

// oOneOf accepts any of its values: where the contract leaves a choice (a rounding tie,
// a trend from exact or from shown figures, a url with or without "/").
type oOneOf []any

func oShownJSON(n oNum) any {
	return oCandidates(n.shown())
}

func oCandidates(vs []float64) any {
	var out []float64
	for _, v := range vs {
		dup := false
		for _, o := range out {
			if math.Abs(o-v) < 1e-9 {
				dup = true
			}
		}
		if !dup {
			out = append(out, v)
		}
	}
	switch len(out) {
	case 0:
		return nil
	case 1:
		return out[0]
	}
	alts := oOneOf{}
	for _, v := range out {
		alts = append(alts, v)
	}
	return alts
}

// oNest turns dotted keys into the answer's nested objects.
func oNest(flat map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range flat {
		if group, leaf, ok := strings.Cut(k, "."); ok {
			sub, _ := out[group].(map[string]any)
			if sub == nil {
				sub = map[string]any{}
				out[group] = sub
			}
			sub[leaf] = v
		} else {
			out[k] = v
		}
	}
	return out
}

func oMetricsJSON(m oMetrics) map[string]any {
	flat := map[string]any{}
	for _, k := range oracleMetricKeys {
		flat[k] = oShownJSON(m[k])
	}
	return oNest(flat)
}

func oTrendsJSON(cur, prev oMetrics) map[string]any {
	flat := map[string]any{}
	for _, k := range oracleMetricKeys {
		values, nullOK := oracleTrend(k, cur[k], prev[k])
		want := oCandidates(values)
		switch alts := want.(type) {
		case oOneOf:
			if nullOK {
				want = append(alts, nil)
			}
		case float64:
			if nullOK {
				want = oOneOf{alts, nil}
			}
		}
		flat[k] = want
	}
	return oNest(flat)
}

const oracleTimeLayout = "2006-01-02T15:04:05"

func oWinJSON(w oWin) map[string]any {
	return map[string]any{"start": w.start.Format(oracleTimeLayout), "end": w.end.Format(oracleTimeLayout)}
}

// readStart is where the contract's read begins: one gap before the earliest window.
func (ws oWindows) readStart() time.Time { return ws.prev.start.Add(-oracleGap) }

func oExpectInsights(d oData, ws oWindows, period, typ string) map[string]any {
	convs := oracleConversations(d.rows)
	cur := oracleMetrics(d.rows, convs, ws.cur, typ)
	prev := oracleMetrics(d.rows, convs, ws.prev, typ)
	ptd := oracleMetrics(d.rows, convs, ws.ptd, typ)
	return map[string]any{
		"period":   period,
		"type":     typ,
		"timezone": oracleZone,
		"windows": map[string]any{
			"current": oWinJSON(ws.cur), "previous": oWinJSON(ws.prev), "previous_to_date": oWinJSON(ws.ptd),
		},
		"current":          oMetricsJSON(cur),
		"previous":         oMetricsJSON(prev),
		"previous_to_date": oMetricsJSON(ptd),
		"trends":           oTrendsJSON(cur, ptd),
	}
}

func oLimited[T any](xs []T, limit int) []T {
	if len(xs) > limit {
		return xs[:limit]
	}
	return xs
}

func oExpectUnanswered(d oData, ws oWindows, limit int) []any {
	out := []any{}
	for _, q := range oLimited(oracleUnanswered(d.rows, ws.cur, ws.readStart()), limit) {
		out = append(out, map[string]any{"text": q.text, "count": float64(q.count), "last_seen": q.lastSeen.Format(oracleTimeLayout)})
	}
	return out
}

func oExpectPages(d oData, ws oWindows, limit int) []any {
	out := []any{}
	for _, p := range oLimited(oracleTopPages(d, oracleConversations(d.rows), ws.cur), limit) {
		entry := map[string]any{"page_id": float64(p.id), "title": nil, "url": nil, "conversations": float64(p.conversations)}
		if p.title != nil {
			entry["title"] = *p.title
			q := fmt.Sprintf("?p=%d", p.id)
			if p.postType == "page" {
				q = fmt.Sprintf("?page_id=%d", p.id)
			}
			// "the site's home with ?page_id=N": WordPress's home_url() puts a "/" between.
			entry["url"] = oOneOf{fixture.Home + "/" + q, fixture.Home + q}
		}
		out = append(out, entry)
	}
	return out
}

func oExpectAssistants(d oData, ws oWindows, limit int) []any {
	out := []any{}
	for _, a := range oLimited(oracleTopAssistants(d.rows, oracleConversations(d.rows), ws.cur, ws.readStart()), limit) {
		entry := map[string]any{"assistant_id": a.id, "name": nil, "conversations": float64(a.conversations)}
		if a.name != nil {
			entry["name"] = *a.name
		}
		out = append(out, entry)
	}
	return out
}

// ---- comparison

// oDiffJSON lists where got differs from want, each with its path.
func oDiffJSON(path string, want, got any) []string {
	switch w := want.(type) {
	case oOneOf:
		for _, alt := range w {
			if len(oDiffJSON(path, alt, got)) == 0 {
				return nil
			}
		}
		return []string{fmt.Sprintf("%s: got %s, want one of %s", path, oShow(got), oShow([]any(w)))}
	case nil:
		if got != nil {
			return []string{fmt.Sprintf("%s: got %s, want null", path, oShow(got))}
		}
	case float64:
		g, ok := got.(float64)
		if !ok || math.Abs(g-w) > 1e-9 {
			return []string{fmt.Sprintf("%s: got %s, want %s", path, oShow(got), oShow(w))}
		}
	case string:
		if g, ok := got.(string); !ok || g != w {
			return []string{fmt.Sprintf("%s: got %s, want %s", path, oShow(got), oShow(w))}
		}
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: got %s, want an object", path, oShow(got))}
		}
		var out []string
		keys := make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if _, ok := g[k]; !ok {
				out = append(out, fmt.Sprintf("%s.%s: missing", path, k))
				continue
			}
			out = append(out, oDiffJSON(path+"."+k, w[k], g[k])...)
		}
		for k := range g {
			if _, ok := w[k]; !ok {
				out = append(out, fmt.Sprintf("%s.%s: unexpected key", path, k))
			}
		}
		return out
	case []any:
		g, ok := got.([]any)
		if !ok {
			return []string{fmt.Sprintf("%s: got %s, want an array", path, oShow(got))}
		}
		var out []string
		if len(g) != len(w) {
			out = append(out, fmt.Sprintf("%s: %d entries, want %d\n  got:  %s\n  want: %s", path, len(g), len(w), oShow(g), oShow(w)))
		}
		for i := 0; i < min(len(g), len(w)); i++ {
			out = append(out, oDiffJSON(fmt.Sprintf("%s[%d]", path, i), w[i], g[i])...)
		}
		return out
	default:
		return []string{fmt.Sprintf("%s: the oracle cannot compare %T", path, want)}
	}
	return nil
}

func oShow(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func oWantJSON(t *testing.T, target string, want, got any) {
	t.Helper()
	for _, d := range oDiffJSON("", want, got) {
		t.Errorf("GET %s: %s", target, d)
	}
}

// ---- the requests

type oracleCase struct {
	query              string // after /insights
	period, start, end string // as the oracle computes the windows
	typ                string // the answer's type
}

var oracleCasesAtNow = []oracleCase{
	{query: "?period=today", period: "today", typ: "visitor"},
	{query: "?period=week", period: "week", typ: "visitor"},
	{query: "", period: "month", typ: "visitor"},
	{query: "?period=month&type=chatbot", period: "month", typ: "chatbot"},
	{query: "?period=month&type=all", period: "month", typ: "all"},
	{query: "?period=quarter", period: "quarter", typ: "visitor"},
	{query: "?period=year&type=all", period: "year", typ: "all"},
	{query: "?period=Today&type=ALL", period: "today", typ: "all"},
	{query: "?period=week&type=chatbot", period: "week", typ: "chatbot"},
	// a past window whose last conversation runs past its end
	{query: "?start=2026-11-28&end=2026-11-30", period: "custom", start: "2026-11-28", end: "2026-11-30", typ: "visitor"},
	// a window holding now: previous_to_date cut at the elapsed part
	{query: "?start=2026-12-10&end=2026-12-20&type=all", period: "custom", start: "2026-12-10", end: "2026-12-20", typ: "all"},
	// 366 days, the most a custom window may span
	{query: "?start=2025-12-16&end=2026-12-16", period: "custom", start: "2025-12-16", end: "2026-12-16", typ: "visitor"},
	// a window in the future: nothing elapsed
	{query: "?start=2026-12-20&end=2026-12-31", period: "custom", start: "2026-12-20", end: "2026-12-31", typ: "visitor"},
	// across the new year
	{query: "?start=2025-12-25&end=2026-01-05", period: "custom", start: "2025-12-25", end: "2026-01-05", typ: "visitor"},
}

var oracleCasesAtStart = []oracleCase{
	{query: "?period=today", period: "today", typ: "visitor"},
	{query: "?period=week&type=all", period: "week", typ: "all"},
	{query: "?period=month", period: "month", typ: "visitor"},
}

func oCheckInsightsCase(t *testing.T, e *env, d oData, now time.Time, c oracleCase) {
	t.Helper()
	target := "/wp-json/kchat/v1/insights" + c.query
	got := oracleJSON(t, e, target)
	ws := oracleWindows(c.period, c.start, c.end, now, oracleStartOfWeek)
	oWantJSON(t, target, oExpectInsights(d, ws, c.period, c.typ), got)
}

// oCheckLists compares the three lists of one window, with and without a limit.
func oCheckLists(t *testing.T, e *env, d oData, now time.Time, c oracleCase) {
	t.Helper()
	ws := oracleWindows(c.period, c.start, c.end, now, oracleStartOfWeek)
	for _, limit := range []int{10, 2, 100} {
		q := c.query
		if limit != 10 {
			q = oJoinQuery(q, fmt.Sprintf("limit=%d", limit))
		}
		for _, l := range []struct {
			path string
			want []any
		}{
			{"/insights/unanswered", oExpectUnanswered(d, ws, limit)},
			{"/insights/pages", oExpectPages(d, ws, limit)},
			{"/insights/assistants", oExpectAssistants(d, ws, limit)},
		} {
			target := "/wp-json/kchat/v1" + l.path + q
			oWantJSON(t, target, l.want, oracleJSON(t, e, target))
		}
	}
}

func oJoinQuery(q, param string) string {
	if q == "" {
		return "?" + param
	}
	return q + "&" + param
}

// ---- CSV

func oCsvCell(s string, escapeFormulas bool) string {
	if escapeFormulas && oFormulaLike(s) {
		s = "'" + s
	}
	if strings.ContainsAny(s, ",\"\r\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

func oFormulaLike(s string) bool {
	if s == "" {
		return false
	}
	for _, p := range []string{"=", "+", "-", "@", "\t", "\r", "\n", "\x00", "＝", "＋", "－", "＠"} {
		if strings.HasPrefix(s, p) {
			var f float64
			_, err := fmt.Sscanf(s, "%g", &f)
			return err != nil || fmt.Sprint(f) != strings.TrimPrefix(s, "+")
		}
	}
	return false
}

func oExpectUnansweredCSV(d oData, ws oWindows, escapeFormulas bool) string {
	var b strings.Builder
	b.WriteString("question,count,last_seen\r\n")
	for _, q := range oracleUnanswered(d.rows, ws.cur, ws.readStart()) {
		fmt.Fprintf(&b, "%s,%d,%s\r\n", oCsvCell(q.text, escapeFormulas), q.count, q.lastSeen.Format(oracleTimeLayout))
	}
	return b.String()
}

// oCheckExport compares the CSV with the oracle byte for byte, and with the JSON list.
func oCheckExport(t *testing.T, e *env, d oData, now time.Time, c oracleCase) {
	t.Helper()
	ws := oracleWindows(c.period, c.start, c.end, now, oracleStartOfWeek)
	for _, escape := range []bool{true, false} {
		q := c.query
		if !escape {
			q = oJoinQuery(q, "escape_formulas=false")
		}
		target := "/wp-json/kchat/v1/insights/unanswered/export" + q
		rec := oracleGet(t, e, target)
		if got, want := rec.Body.String(), oExpectUnansweredCSV(d, ws, escape); got != want {
			t.Errorf("GET %s:\ngot  %q\nwant %q", target, got, want)
		}
		day := now.Format(time.DateOnly)
		if got, want := rec.Header().Get("Content-Disposition"), `attachment; filename="Chatbot-ChatGPT-Unanswered-Questions-`+day+`.csv"`; got != want {
			t.Errorf("GET %s: Content-Disposition %q, want %q (the site's date)", target, got, want)
		}
		if ct := rec.Header().Get("Content-Type"); !strings.EqualFold(ct, "text/csv; charset=utf-8") {
			t.Errorf("GET %s: Content-Type %q", target, ct)
		}
	}
	bom := oracleGet(t, e, "/wp-json/kchat/v1/insights/unanswered/export"+oJoinQuery(c.query, "bom=true"))
	if got, want := bom.Body.String(), "\xEF\xBB\xBF"+oExpectUnansweredCSV(d, ws, true); got != want {
		t.Errorf("export with bom=true:\ngot  %q\nwant %q", got, want)
	}
	// The export is the list without a limit: same texts, counts and times, in order.
	list := oracleJSON(t, e, "/wp-json/kchat/v1/insights/unanswered"+oJoinQuery(c.query, "limit=100"))
	rec := oracleGet(t, e, "/wp-json/kchat/v1/insights/unanswered/export"+oJoinQuery(c.query, "escape_formulas=false"))
	lines := strings.Split(strings.TrimSuffix(rec.Body.String(), "\r\n"), "\r\n")
	entries, _ := list.([]any)
	if len(lines)-1 != len(entries) {
		t.Fatalf("export has %d questions, the list %d", len(lines)-1, len(entries))
	}
	for i, raw := range entries {
		q, _ := raw.(map[string]any)
		count, _ := q["count"].(float64)
		text, _ := q["text"].(string)
		lastSeen, _ := q["last_seen"].(string)
		if want := fmt.Sprintf("%s,%d,%s", oCsvCell(text, false), int(count), lastSeen); lines[i+1] != want {
			t.Errorf("export line %d = %q, the list says %q", i+2, lines[i+1], want)
		}
	}
}

// ---- the tests

func TestInsightsOracle(t *testing.T) {
	d := loadOracleData(t)
	e := newOracleEnv(t, oracleNowWall, time.Time{})
	t.Run("HandWorked", func(t *testing.T) {
		oCheckHandWorked(t, func(target string) any { return oracleJSON(t, e, target) })
	})
	for _, c := range oracleCasesAtNow {
		t.Run("Insights"+strings.ReplaceAll(c.query, "/", "_"), func(t *testing.T) {
			oCheckInsightsCase(t, e, d, oracleNowWall, c)
		})
	}
	for _, c := range []oracleCase{
		{query: "?period=today", period: "today"},
		{query: "", period: "month"},
		{query: "?period=week", period: "week"},
		// November: mb-c's page 9 comes from a message past the window's end
		{query: "?start=2026-11-01&end=2026-11-30", period: "custom", start: "2026-11-01", end: "2026-11-30"},
	} {
		t.Run("Lists"+c.query, func(t *testing.T) { oCheckLists(t, e, d, oracleNowWall, c) })
	}
	t.Run("ExportToday", func(t *testing.T) {
		oCheckExport(t, e, d, oracleNowWall, oracleCase{query: "?period=today", period: "today"})
	})
	t.Run("ExportMonth", func(t *testing.T) {
		oCheckExport(t, e, d, oracleNowWall, oracleCase{query: "?period=month", period: "month"})
	})
	t.Run("ErrInvalidParams", func(t *testing.T) { oCheckInvalidParams(t, e) })
	t.Run("HTTP", func(t *testing.T) { oCheckHTTP(t, e) })
	t.Run("Auth", func(t *testing.T) { oCheckAuth(t, e) })

	// The clock moves on to Thursday 08:00: "today" is the 17th, yesterday the 16th, and
	// nothing computed for the 16th may be served for the 17th.
	later := oWall(2026, 12, 17, 8, 0, 0)
	e.clock.Set(oSiteInstant(t, later))
	e.token = e.tokenFor(adminID)
	for _, c := range []oracleCase{
		{query: "?period=today", period: "today", typ: "visitor"},
		{query: "?period=week&type=all", period: "week", typ: "all"},
		{query: "", period: "month", typ: "visitor"},
	} {
		t.Run("NextDay"+c.query, func(t *testing.T) { oCheckInsightsCase(t, e, d, later, c) })
	}
	t.Run("NextDayLists", func(t *testing.T) {
		oCheckLists(t, e, d, later, oracleCase{query: "?period=today", period: "today"})
	})
}

// oCheckHTTP: the routes' ETag, HEAD and gzip as the contract gives them to every route.
func oCheckHTTP(t *testing.T, e *env) {
	for _, target := range []string{
		"/wp-json/kchat/v1/insights?period=week",
		"/wp-json/kchat/v1/insights/pages",
		"/wp-json/kchat/v1/insights/assistants?period=today",
		"/wp-json/kchat/v1/insights/unanswered?limit=3",
	} {
		plain := oracleGet(t, e, target)
		tag := plain.Header().Get("ETag")
		if tag == "" {
			t.Errorf("GET %s: no ETag", target)
			continue
		}
		rec := oracleSend(t, e, http.MethodGet, target, http.Header{"If-None-Match": {tag}})
		if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
			t.Errorf("GET %s with its own ETag: %d %q, want 304 without a body", target, rec.Code, rec.Body.String())
		}
		rec = oracleSend(t, e, http.MethodHead, target, nil)
		if rec.Code != http.StatusOK || rec.Body.Len() != 0 || rec.Header().Get("ETag") != tag {
			t.Errorf("HEAD %s: %d, %d bytes, ETag %q; want 200, no body, ETag %q", target, rec.Code, rec.Body.Len(), rec.Header().Get("ETag"), tag)
		}
		rec = oracleSend(t, e, http.MethodGet, target, http.Header{"Accept-Encoding": {"gzip"}})
		if rec.Header().Get("Content-Encoding") == "gzip" {
			zr, err := gzip.NewReader(rec.Body)
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(zr)
			if err != nil {
				t.Fatal(err)
			}
			if string(body) != plain.Body.String() {
				t.Errorf("GET %s gzipped: another body than without gzip", target)
			}
		}
	}
}

// oCheckAuth: admins only, with the usual 401 and 403.
func oCheckAuth(t *testing.T, e *env) {
	editor := e.tokenFor(editorID)
	for _, target := range []string{
		"/wp-json/kchat/v1/insights", "/wp-json/kchat/v1/insights/pages", "/wp-json/kchat/v1/insights/assistants",
		"/wp-json/kchat/v1/insights/unanswered", "/wp-json/kchat/v1/insights/unanswered/export",
	} {
		for _, c := range []struct {
			authorization string
			status        int
			code          string
		}{
			{"", http.StatusUnauthorized, "rest_not_logged_in"},
			{"Bearer " + editor, http.StatusForbidden, "rest_forbidden"},
		} {
			req := httptest.NewRequest(http.MethodGet, target, nil)
			if c.authorization != "" {
				req.Header.Set("Authorization", c.authorization)
			}
			rec := httptest.NewRecorder()
			e.server.ServeHTTP(rec, req)
			validate(t, req, rec)
			wantWPError(t, rec, c.status, c.code)
		}
	}
}

// oracleSend sends an admin's request with extra headers, unchecked but for the spec.
func oracleSend(t *testing.T, e *env, method, target string, h http.Header) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range h {
		req.Header[k] = v
	}
	req.Header.Set("Authorization", "Bearer "+e.token)
	rec := httptest.NewRecorder()
	e.server.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotFound && method == http.MethodGet && h.Get("Accept-Encoding") == "" {
		validate(t, req, rec)
	}
	return rec
}

func TestInsightsOracleAtPeriodStart(t *testing.T) {
	d := loadOracleData(t).without(oracleStartWall)
	e := newOracleEnv(t, oracleStartWall, oracleStartWall)
	for _, c := range oracleCasesAtStart {
		t.Run("Insights"+c.query, func(t *testing.T) { oCheckInsightsCase(t, e, d, oracleStartWall, c) })
	}
	t.Run("ListsWeek", func(t *testing.T) {
		oCheckLists(t, e, d, oracleStartWall, oracleCase{query: "?period=week", period: "week"})
	})
}

// oracleMonthEndWall is Thursday 2026-12-31 19:30: November is a day shorter than the
// elapsed part of December, so previous_to_date must stop at November's end, before
// mb-b (12-01 00:01) and mb-c's December messages.
var oracleMonthEndWall = oWall(2026, 12, 31, 19, 30, 0)

func TestInsightsOracleAtMonthEnd(t *testing.T) {
	d := loadOracleData(t)
	e := newOracleEnv(t, oracleMonthEndWall, time.Time{})
	for _, c := range []oracleCase{
		{query: "?period=month", period: "month", typ: "visitor"},
		{query: "?period=week", period: "week", typ: "visitor"},
		{query: "?period=quarter&type=chatbot", period: "quarter", typ: "chatbot"},
	} {
		t.Run("Insights"+c.query, func(t *testing.T) { oCheckInsightsCase(t, e, d, oracleMonthEndWall, c) })
	}
	t.Run("HandWorked", func(t *testing.T) {
		month := oracleJSON(t, e, "/wp-json/kchat/v1/insights?period=month")
		for _, h := range []struct {
			path string
			want any
		}{
			{"windows.previous_to_date.end", "2026-12-01T00:00:00"}, // 30 d 19:30 elapsed, clipped
			{"previous_to_date.conversations", 7.0},                 // all of November, no more
			{"previous_to_date.messages.visitor", 13.0},             // November's Visitor rows only
		} {
			if got := oLookup(month, h.path); len(oDiffJSON(h.path, h.want, got)) > 0 {
				t.Errorf("period=month at 12-31: %s = %s, want %s", h.path, oShow(got), oShow(h.want))
			}
		}
	})
}

// oracleLeapWall is Saturday 2025-03-01 12:00: the year's elapsed part is 59 d 12 h, so
// its previous_to_date ends on 2024's leap day at noon, not on "the same date" 2024-03-01.
var oracleLeapWall = oWall(2025, 3, 1, 12, 0, 0)

func TestInsightsOracleLeapYear(t *testing.T) {
	d := loadOracleData(t).without(oracleLeapWall)
	e := newOracleEnv(t, oracleLeapWall, oracleLeapWall)
	for _, c := range []oracleCase{
		{query: "?period=year", period: "year", typ: "visitor"},
		{query: "?period=month&type=all", period: "month", typ: "all"},
		{query: "?period=quarter", period: "quarter", typ: "visitor"},
		{query: "?period=today", period: "today", typ: "visitor"},
		{query: "?period=week", period: "week", typ: "visitor"},
	} {
		t.Run("Insights"+c.query, func(t *testing.T) { oCheckInsightsCase(t, e, d, oracleLeapWall, c) })
	}
	t.Run("HandWorked", func(t *testing.T) {
		year := oracleJSON(t, e, "/wp-json/kchat/v1/insights?period=year")
		month := oracleJSON(t, e, "/wp-json/kchat/v1/insights?period=month")
		for _, h := range []struct {
			answer any
			path   string
			want   any
		}{
			{year, "windows.previous_to_date.end", "2024-02-29T12:00:00"},
			{year, "previous_to_date.conversations", 1.0}, // leap-in; not leap-out (13:00) or mar-2024
			{year, "previous.conversations", 3.0},
			{year, "current.conversations", 3.0}, // jan-2025, feb-end-2025, mar-1-2025
			{year, "trends.conversations", 200.0},
			{month, "current.conversations", 1.0},  // mar-1-2025; feb-end-2025 opened in February
			{month, "previous.conversations", 1.0}, // feb-end-2025
			{month, "trends.conversations", nil},   // February's first 12 hours hold none
		} {
			if got := oLookup(h.answer, h.path); len(oDiffJSON(h.path, h.want, got)) > 0 {
				t.Errorf("at 2025-03-01 12:00: %s = %s, want %s", h.path, oShow(got), oShow(h.want))
			}
		}
	})
}

// TestInsightsOracleAppends: answers follow the log as it grows (rows appended with
// higher ids, whatever their times: one joins two conversations into one, one moves a
// conversation's start into yesterday, one turns a Chatbot-only piece into a
// conversation) and as a retention purge shrinks it.
func TestInsightsOracleAppends(t *testing.T) {
	d := loadOracleData(t)
	e := newOracleEnv(t, oracleNowWall, time.Time{})
	cases := []oracleCase{
		{query: "?period=today", period: "today", typ: "visitor"},
		{query: "?period=month&type=all", period: "month", typ: "all"},
		{query: "?period=quarter", period: "quarter", typ: "visitor"},
	}
	check := func(t *testing.T, d oData) {
		for _, c := range cases {
			oCheckInsightsCase(t, e, d, oracleNowWall, c)
		}
		oCheckLists(t, e, d, oracleNowWall, oracleCase{query: "?period=today", period: "today"})
	}
	t.Run("Before", func(t *testing.T) { check(t, d) })
	const weekTarget = "/wp-json/kchat/v1/insights?period=week"
	var weekTag string
	t.Run("BeforeTag", func(t *testing.T) { weekTag = oracleGet(t, e, weekTarget).Header().Get("ETag") })

	str := func(s string) *string { return &s }
	score := func(f float64) *float64 { return &f }
	added := []oRow{
		// between gap-over's 11:00:02 and 11:30:03: its two conversations become one
		{id: 1003, session: "gap-over", user: str("0"), page: str("10"), t: oWall(2026, 12, 16, 11, 15, 0), typ: "Visitor",
			asst: str("asst_B"), asstName: str("Sales"), text: "is it dishwasher safe?", score: score(0.25)},
		{id: 1001, session: "late-arrival", user: str("0"), page: str("2"), t: oWall(2026, 12, 16, 16, 30, 0), typ: "Visitor",
			asst: str(""), asstName: str(""), text: "WHERE is my order?", score: score(-0.5)},
		{id: 1002, session: "late-arrival", user: str("0"), t: oWall(2026, 12, 16, 16, 30, 4), typ: "Chatbot",
			asst: str(""), asstName: str(""), text: "Sorry — I’m not following.", score: score(0)},
		{id: 1005, session: "late-arrival", user: str("0"), t: oWall(2026, 12, 16, 16, 30, 5), typ: "Total Tokens",
			asst: str(""), asstName: str(""), text: "77", score: score(0)},
		{id: 1000, session: "nov-late", user: str("0"), page: str("5"), t: oWall(2026, 11, 5, 10, 0, 0), typ: "Visitor",
			asst: str(""), asstName: str(""), text: "a november straggler", score: score(0.5)},
		{id: 1004, session: "nov-late", user: str("0"), t: oWall(2026, 11, 5, 10, 0, 3), typ: "Chatbot",
			asst: str(""), asstName: str(""), text: "Noted.", score: score(0)},
		// a greeting at 23:58 yesterday now opens mid-b's conversation: it leaves today
		{id: 1006, session: "mid-b", user: str("0"), t: oWall(2026, 12, 15, 23, 58, 0), typ: "Chatbot",
			asst: str(""), asstName: str(""), text: "Hello there!", score: score(0)},
		// a Visitor message makes bot-only a conversation, and its fallback gets a question
		{id: 1007, session: "bot-only", user: str("0"), t: oWall(2026, 12, 16, 6, 0, 10), typ: "Visitor",
			asst: str(""), asstName: str(""), text: "what is new?", score: score(0.5)},
	}
	for _, r := range added {
		e.db.Exec(t, "INSERT INTO wp_chatbot_chatgpt_conversation_log (id, session_id, user_id, page_id, interaction_time, user_type, thread_id, assistant_id, assistant_name, message_text, sentiment_score) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)",
			r.id, r.session, r.user, r.page, r.t.Format(time.DateTime), r.typ, r.asst, r.asstName, r.text, r.score)
	}
	d.rows = append(append([]oRow(nil), d.rows...), added...)
	t.Run("AfterAppend", func(t *testing.T) {
		check(t, d)
		// the week's answer changed: its old tag must not give 304
		if rec := oracleSend(t, e, http.MethodGet, weekTarget, http.Header{"If-None-Match": {weekTag}}); rec.Code != http.StatusOK {
			t.Errorf("GET %s with the tag of the answer before the appends: %d, want 200", weekTarget, rec.Code)
		}
	})

	// A purge of everything before November: oct-cross's and oct-chain's November
	// messages now open conversations of their own.
	purge := oWall(2026, 11, 1, 0, 0, 0)
	e.db.Exec(t, "DELETE FROM wp_chatbot_chatgpt_conversation_log WHERE interaction_time < ?", purge.Format(time.DateTime))
	d = d.since(purge)
	t.Run("AfterPurge", func(t *testing.T) {
		check(t, d)
		oCheckInsightsCase(t, e, d, oracleNowWall, oracleCase{query: "?period=month", period: "month", typ: "visitor"})
	})

	// The plugin's scorer fills in a score in place, and a fallback is edited by hand: no
	// row is added, so the answer may lag, but no longer than the log summaries' ten
	// minutes ("as the log summaries already do").
	e.db.Exec(t, "UPDATE wp_chatbot_chatgpt_conversation_log SET sentiment_score = 0.75 WHERE session_id = 'visitor-says' AND user_type = 'Visitor'")
	e.db.Exec(t, "UPDATE wp_chatbot_chatgpt_conversation_log SET message_text = 'It costs $12 in red too.' WHERE session_id = 'gap-over' AND interaction_time = '2026-12-16 11:30:05'")
	for i, r := range d.rows {
		switch {
		case r.session == "visitor-says" && r.typ == "Visitor":
			d.rows[i].score = score(0.75)
		case r.session == "gap-over" && r.t.Equal(oWall(2026, 12, 16, 11, 30, 5)):
			d.rows[i].text = "It costs $12 in red too."
		}
	}
	later := oracleNowWall.Add(10*time.Minute + time.Second)
	e.clock.Set(oSiteInstant(t, later))
	e.token = e.tokenFor(adminID)
	t.Run("AfterInPlaceChanges", func(t *testing.T) {
		oCheckInsightsCase(t, e, d, later, oracleCase{query: "?period=today", period: "today", typ: "visitor"})
		oCheckLists(t, e, d, later, oracleCase{query: "?period=today", period: "today"})
	})
}

// TestInsightsOracleOtherPrefix: a site with the table prefix kcx_ reads its own log and
// posts.
func TestInsightsOracleOtherPrefix(t *testing.T) {
	d := loadOracleData(t)
	e := newOracleEnvPrefixed(t, oracleNowWall, time.Time{}, "kcx_")
	oCheckInsightsCase(t, e, d, oracleNowWall, oracleCase{query: "?period=week&type=all", period: "week", typ: "all"})
	oCheckLists(t, e, d, oracleNowWall, oracleCase{query: "?period=month", period: "month"})
}

// TestInsightsOracleOffsetSite: a site with only gmt_offset (-6) reads the same wall
// clock as Chicago in December, so every figure is the same; its zone is written
// "-06:00", as the summaries write it (wp_timezone_string()).
func TestInsightsOracleOffsetSite(t *testing.T) {
	d := loadOracleData(t)
	e := newOracleEnv(t, oracleNowWall, time.Time{})
	e.db.Exec(t, "UPDATE wp_options SET option_value = '' WHERE option_name = 'timezone_string'")
	for _, c := range []oracleCase{
		{query: "?period=today", period: "today", typ: "visitor"},
		{query: "?period=quarter", period: "quarter", typ: "visitor"},
	} {
		target := "/wp-json/kchat/v1/insights" + c.query
		got := oracleJSON(t, e, target)
		want := oExpectInsights(d, oracleWindows(c.period, "", "", oracleNowWall, oracleStartOfWeek), c.period, c.typ)
		want["timezone"] = "-06:00"
		oWantJSON(t, target, want, got)
	}
}

// oCheckInvalidParams: a refused parameter is a 400 naming it, never a crash.
func oCheckInvalidParams(t *testing.T, e *env) {
	// Where two parameters clash, naming either is fair.
	for _, c := range []struct {
		query  string
		params []string
	}{
		{"?period=decade", []string{"period"}},
		{"?type=robot", []string{"type"}},
		{"?start=2026-12-01", []string{"start", "end"}},
		{"?start=2026-12-01&end=2026-11-30", []string{"start", "end"}},
		{"?start=2026-12-01&end=2026-12-05&period=week", []string{"period", "start", "end"}},
		{"?start=2025-01-01&end=2026-12-31", []string{"start", "end"}},
		{"?start=2025-12-16&end=2026-12-17", []string{"start", "end"}}, // 367 days
		{"?start=2026-02-30&end=2026-03-01", []string{"start"}},
		{"/unanswered?limit=0", []string{"limit"}},
		{"/pages?limit=101", []string{"limit"}},
		{"/assistants?limit=ten", []string{"limit"}},
		{"?period=week&period=month", []string{"period"}}, // given twice
		{"/unanswered/export?bom=maybe", []string{"bom"}},
	} {
		path, query, _ := strings.Cut(c.query, "?")
		target := "/wp-json/kchat/v1/insights" + path + "?" + query
		req := httptest.NewRequest(http.MethodGet, target, nil)
		req.Header.Set("Authorization", "Bearer "+e.token)
		rec := httptest.NewRecorder()
		e.server.ServeHTTP(rec, req)
		if rec.Code == http.StatusNotFound {
			t.Errorf("GET %s: 404, the route is not served", target)
			continue
		}
		validate(t, req, rec)
		if rec.Code != http.StatusBadRequest {
			t.Errorf("GET %s: status %d, want 400 (body %s)", target, rec.Code, rec.Body.String())
			continue
		}
		var got wpError
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
			t.Errorf("GET %s: %v", target, err)
			continue
		}
		named := false
		for _, p := range c.params {
			_, ok := got.Data.Params[p]
			named = named || ok
		}
		if !named {
			t.Errorf("GET %s: data.params %v names none of %q", target, got.Data.Params, c.params)
		}
	}
}

// ---- by hand

// oCheckHandWorked checks headline figures worked out by hand from the dataset's comments,
// independently of both implementations. "Now" is Wed 2026-12-16 19:30:00.7 in Chicago.
func oCheckHandWorked(t *testing.T, get func(target string) any) {
	today := get("/wp-json/kchat/v1/insights?period=today")
	hand := []struct {
		path string
		want any
		why  string
	}{
		{"windows.current.start", "2026-12-16T00:00:00", "the site's day, not UTC's (UTC is already on the 17th)"},
		{"windows.previous_to_date.end", "2026-12-15T19:30:00", "yesterday cut at now's second; the .7 s is dropped"},
		// Conversations opened on 12-16: mid-b, bot-first (opened by its 04:00 greeting),
		// login-x's second piece, gap-under (29:59: one), gap-exact (30:00: one), neg-user,
		// two-users, gap-over ×2 (30:01: two), login-7, u7-other, anon-order, tie-sec,
		// tie-sec2, formula, same-sec-a, same-sec-b, asst-empty, visitor-says, login-reply,
		// empty-msg (an empty Visitor message is a message), late-fb (its question alone),
		// late-today.
		// Not: mid-c and y-fb-mid (opened 12-15), greet-mid (its greeting is at 23:55 on
		// 12-15), bot-only and late-fb's fallback piece (no Visitor message).
		{"current.conversations", 23.0, "23 pieces opened today"},
		// s: mid-c, greet-mid, mid-b, bot-first, gap-under, gap-exact, neg-user ('-3'),
		// gap-over, anon-order, tie-sec, tie-sec2, formula, same-sec-a, same-sec-b,
		// asst-empty, visitor-says, empty-msg, late-fb, late-today = 19; u: 5 (login-x),
		// 7 (login-7 and u7-other), 8 and 9 (two-users), 12 (login-reply, on its Chatbot
		// row) = 5.
		{"current.unique_visitors", 24.0, "19 s: keys + 5 u: keys"},
		{"current.logged_in_users", 5.0, "u:5, u:7, u:8, u:9, u:12"},
		{"current.anonymous_visitors", 19.0, "see above"},
		// Durations, sorted: 0 (late-fb), 1, 2×5, 3×4, 4, 5×2, 7, 20, 45, 246, 304, 363,
		// 605, 1804, 1805 (sum 5236 over 23).
		{"current.duration_seconds.mean", 227.7, "5236 / 23 = 227.65"},
		{"current.duration_seconds.median", 4.0, "the 12th of 23"},
		{"current.duration_seconds.p90", 605.0, "⌈0.9 × 23⌉ = 21st smallest"},
		// ≥ 3 Visitor messages: login-7; ≥ 300 s: two-users (304), late-today (363),
		// bot-first (605), gap-exact (1804), gap-under (1805).
		{"current.engagement_rate", 26.1, "6 of 23"},
		// Yesterday until 19:30:00: y-early (09:00) and y-straddle (19:29); y-at-cut is at
		// 19:30:00 exactly, outside the half-open window; neither is engaged.
		{"previous_to_date.conversations", 2.0, "y-early, y-straddle"},
		{"trends.conversations", 1050.0, "(23 − 2) / 2 × 100"},
		{"trends.engagement_rate", 26.1, "26.1 − 0.0 percentage points"},
		// Tokens of rows dated today: prompt 10 (mid-c) + 15 (y-fb-mid) + 30 + 20 + 5 + 5 +
		// 100 = 185; total 15 + 40 + 42 + 30 + 12 + 150 = 289; 'total_tokens: 42' unparsed.
		{"current.tokens.prompt", 185.0, "token rows of today, wherever their conversation began"},
		{"current.tokens.total", 289.0, "see above"},
		{"current.tokens.unparsed_rows", 1.0, "anon-order's 'total_tokens: 42'"},
	}
	for _, h := range hand {
		got := oLookup(today, h.path)
		if len(oDiffJSON(h.path, h.want, got)) > 0 {
			t.Errorf("period=today: %s = %s, want %s (%s)", h.path, oShow(got), oShow(h.want), h.why)
		}
	}

	// The top unanswered question today: "WHERE IS MY ORDER?" (13:00:00), "  where is
	// my order? " (13:00:40) and "Where is my order?" (14:00:00, answered by two
	// fallbacks, counted once): 3, written as its latest spelling.
	un := get("/wp-json/kchat/v1/insights/unanswered?period=today&limit=1")
	oWantJSON(t, "unanswered?period=today&limit=1", []any{map[string]any{
		"text": "Where is my order?", "count": 3.0, "last_seen": "2026-12-16T14:00:00",
	}}, un)

	// December so far: 23 today, 8 opened on 12-15 (y-early, y-straddle, y-at-cut,
	// login-x, mid-a, mid-c, greet-mid, y-fb-mid), and mb-b, dec-2, wk-prev-sun, dec-8,
	// wk-wed-in, wk-wed-out, wk-prev-thu, wk-fri, wk-sat, u7-sun, many-q, u7-mon = 12; mb-c opened
	// in November. November until the 16th 19:30: nov-a, nov-b, nov-c (19:29:59); not
	// oct-cross or oct-chain (opened in October), not nov-d (19:30:00).
	month := get("/wp-json/kchat/v1/insights?period=month")
	for _, h := range []struct {
		path string
		want any
	}{
		{"current.conversations", 43.0},
		{"previous.conversations", 7.0}, // + nov-d, nov-e, mb-a, mb-c
		{"previous_to_date.conversations", 3.0},
		{"trends.conversations", 1333.3}, // (43 − 3) / 3 × 100
		{"windows.previous_to_date.end", "2026-11-16T19:30:00"},
	} {
		if got := oLookup(month, h.path); len(oDiffJSON(h.path, h.want, got)) > 0 {
			t.Errorf("period=month: %s = %s, want %s", h.path, oShow(got), oShow(h.want))
		}
	}
}

// TestInsightsOracleModel holds the second implementation to the figures worked out by
// hand, so that the oracle is checked before it judges anything.
func TestInsightsOracleModel(t *testing.T) {
	d := loadOracleData(t)
	oCheckHandWorked(t, func(target string) any {
		u, err := url.Parse(target)
		if err != nil {
			t.Fatal(err)
		}
		q := u.Query()
		period := q.Get("period")
		if period == "" {
			period = "month"
		}
		ws := oracleWindows(period, "", "", oracleNowWall, oracleStartOfWeek)
		switch u.Path {
		case "/wp-json/kchat/v1/insights":
			return oExpectInsights(d, ws, period, "visitor")
		case "/wp-json/kchat/v1/insights/unanswered":
			return oExpectUnanswered(d, ws, 1)
		}
		t.Fatalf("no model for %s", target)
		return nil
	})
}

func oLookup(v any, path string) any {
	for _, k := range strings.Split(path, ".") {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
}
