package docker_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
)

// The question both seeded fallback replies leave unanswered, spelled two ways; the
// later spelling, trimmed, is the one the list shows.
const (
	seededQuestion = "where is my ORDER?"
	seededPage     = "Sample Page" // wp_posts ID 2, a page: the fixture's conversations are on it
	seededAssist   = "E2E Helper"
)

// seedInsights adds what the fixture's conversation log lacks for the Insights view: two
// fallback replies to one question, an assistant, sentiment scores, a page with a post
// (ID 2, where every fixture conversation is) and one without (777). Everything lies
// today, site-local, between midnight and now, so it is inside every period's window.
// WordPress's own tables must exist (wp_posts).
func seedInsights(t *testing.T, db *repotest.Database, zone *time.Location) {
	t.Helper()
	now := time.Now().In(zone)
	midnight := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, zone)
	if since := now.Sub(midnight); since < 20*time.Second {
		time.Sleep(20*time.Second - since)
		now = time.Now().In(zone)
	}
	t0 := midnight.Add(now.Sub(midnight) / 2)
	at := func(s int) string { return t0.Add(time.Duration(s) * time.Second).Format("2006-01-02 15:04:05") }
	rows := []struct {
		session, user, page, kind, assistant, name, text string
		score                                            any
		sec                                              int
	}{
		{"e2e-a", "1", "2", "Visitor", "asst_e2e", seededAssist, "Where is my order?", 0.5, 0},
		{"e2e-a", "1", "2", "Chatbot", "asst_e2e", seededAssist, "Sorry, could you rephrase that?", -0.25, 1},
		{"e2e-b", "0", "777", "Visitor", "", "", "  " + seededQuestion + " ", nil, 2},
		{"e2e-b", "0", "777", "Chatbot", "", "", "I’m not following.", nil, 3},
	}
	for _, r := range rows {
		db.Exec(t, "INSERT INTO wp_chatbot_chatgpt_conversation_log (session_id, user_id, page_id, interaction_time, user_type, thread_id, assistant_id, assistant_name, message_text, sentiment_score) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?)",
			r.session, r.user, r.page, at(r.sec), r.kind, r.assistant, r.name, r.text, r.score)
	}
	db.Exec(t, "INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_type) VALUES (2, 1, NOW(), NOW(), '', ?, '', 'publish', 'sample-page', '', '', NOW(), NOW(), '', 'page')", seededPage)
}

// checkInsightsView opens the Insights view from the tab, compares every period's cards,
// lists and chart with the sidecar's answers to the same requests, and downloads the
// unanswered questions.
func checkInsightsView(t *testing.T, ctx context.Context, home, sidecarURL, token, artifacts string) {
	t.Helper()
	if state := pageState(t, ctx, chromedp.Click(`a.nav-tab[href*="tab=insights"]`, chromedp.ByQuery)); state != "loaded" {
		saveScreenshot(t, ctx, filepath.Join(artifacts, "failed-insights.png"))
		t.Fatalf("the Insights view is %q: %s", state, noticesText(t, ctx))
	}
	var period, kind string
	must(t, chromedp.Run(ctx, chromedp.Value(`#kchat-insights-period`, &period, chromedp.ByQuery), chromedp.Value(`#kchat-insights-type`, &kind, chromedp.ByQuery)))
	if period != "month" || kind != "visitor" {
		t.Errorf("the Insights view opens on %s/%s, want month/visitor", period, kind)
	}
	api := sidecarClient{base: sidecarURL, token: token}
	var trends, none int
	check := func(period, kind string) {
		t.Helper()
		a, n := checkCards(t, ctx, api, period, kind)
		trends, none = trends+a, none+n
	}
	check("month", "visitor")
	checkLists(t, ctx, api, home, "month")
	for _, p := range []string{"today", "week", "quarter", "year"} {
		if state := pageState(t, ctx, chromedp.SetValue(`#kchat-insights-period`, p, chromedp.ByQuery)); state != "loaded" {
			t.Fatalf("after choosing %s the Insights view is %q: %s", p, state, noticesText(t, ctx))
		}
		check(p, "visitor")
		checkLists(t, ctx, api, home, p)
		if p == "week" { // the fixture's last days: trends both ways
			saveScreenshot(t, ctx, filepath.Join(artifacts, "admin-insights.png"))
		}
	}
	for _, k := range []string{"chatbot", "all"} {
		if state := pageState(t, ctx, chromedp.SetValue(`#kchat-insights-type`, k, chromedp.ByQuery)); state != "loaded" {
			t.Fatalf("after choosing %s the Insights view is %q: %s", k, state, noticesText(t, ctx))
		}
		check("year", k)
	}
	// A period and then a type, chosen before the first answer arrives: the period's lists
	// must still be drawn, and the cards must be of both choices.
	if state := pageState(t, ctx,
		chromedp.SetValue(`#kchat-insights-period`, "today", chromedp.ByQuery),
		chromedp.SetValue(`#kchat-insights-type`, "visitor", chromedp.ByQuery)); state != "loaded" {
		t.Fatalf("after choosing today and visitor at once the Insights view is %q: %s", state, noticesText(t, ctx))
	}
	check("today", "visitor")
	checkLists(t, ctx, api, home, "today")
	// The fixture spans the last 17 days: "today" compares with yesterday's data, "month"
	// with days of last month that hold none.
	if trends == 0 || none == 0 {
		t.Errorf("over every period the cards show %d trend arrows and %d \"no comparison\": the fixture should give both", trends, none)
	}
	checkWeekdays(t, ctx, api)

	// The download: the current window's questions, as the sidecar's export gives them.
	file := download(t, ctx, `#kchat-download-unanswered`)
	if name := filepath.Base(file); !strings.HasPrefix(name, "Chatbot-ChatGPT-Unanswered-Questions-") || !strings.HasSuffix(name, ".csv") {
		t.Errorf("downloaded file name %s", name)
	}
	got, err := os.ReadFile(file)
	must(t, err)
	want := api.get(t, "/insights/unanswered/export", url.Values{"period": {"today"}})
	if !bytes.Equal(got, want) {
		t.Errorf("the downloaded questions differ from the sidecar's export:\n%s\nwant\n%s", got, want)
	}
	records, err := csv.NewReader(bytes.NewReader(got)).ReadAll()
	must(t, err)
	if len(records) < 2 || strings.Join(records[0], ",") != "question,count,last_seen" || records[1][0] != seededQuestion || records[1][1] != "2" {
		t.Errorf("downloaded questions: %q, want the header and %q twice", records, seededQuestion)
	}
}

// noticesText is what the page's notices say, for failure messages.
func noticesText(t *testing.T, ctx context.Context) string {
	t.Helper()
	var s string
	must(t, chromedp.Run(ctx, chromedp.Evaluate(`Array.from(document.querySelectorAll('.wrap .notice')).map(n => n.textContent).join(' | ')`, &s)))
	return s
}

type sidecarClient struct{ base, token string }

// get answers a kchat/v1 route's body, failing the test on anything but 200.
func (c sidecarClient) get(t *testing.T, path string, q url.Values) []byte {
	t.Helper()
	u := c.base + "/wp-json/kchat/v1" + path + "?" + q.Encode()
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := http.DefaultClient.Do(req)
	must(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	must(t, err)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("sidecar %s: %d %s", u, resp.StatusCode, b)
	}
	return b
}

func (c sidecarClient) getJSON(t *testing.T, path string, q url.Values, v any) {
	t.Helper()
	if err := json.Unmarshal(c.get(t, path, q), v); err != nil {
		t.Fatalf("sidecar %s: %v", path, err)
	}
}

// card is one Insights card as the page shows it, or as the test expects it.
type card struct{ Metric, Value, Detail, Trend string }

// checkCards compares the cards with /insights for the same period and type, and returns
// how many show a trend arrow and how many say "no comparison". The window's end moves
// with the clock, so the page is compared with the sidecar's answer just before and just
// after reading it; it must equal one of them.
func checkCards(t *testing.T, ctx context.Context, api sidecarClient, period, kind string) (arrows, none int) {
	t.Helper()
	q := url.Values{"period": {period}, "type": {kind}}
	var before, after map[string]any
	api.getJSON(t, "/insights", q, &before)
	var got []card
	var window string
	must(t, chromedp.Run(ctx, chromedp.Text(`#kchat-insights-window`, &window, chromedp.ByQuery), chromedp.Evaluate(`Array.from(document.querySelectorAll('#kchat-cards .kchat-card')).map(c => ({
		Metric: c.dataset.metric,
		Value: c.querySelector('.kchat-card-value').textContent,
		Detail: (c.querySelector('.kchat-card-detail') || {}).textContent || '',
		Trend: c.querySelector('.kchat-trend').textContent}))`, &got)))
	api.getJSON(t, "/insights", q, &after)
	if window != wantWindow(before) && window != wantWindow(after) {
		t.Errorf("%s/%s window line %q, want %q", period, kind, window, wantWindow(after))
	}
	want := wantCards(before, period, kind)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		if alt := wantCards(after, period, kind); fmt.Sprint(got) != fmt.Sprint(alt) {
			for i := range max(len(got), len(want)) {
				var g, w card
				if i < len(got) {
					g = got[i]
				}
				if i < len(want) {
					w = want[i]
				}
				if g != w {
					t.Errorf("%s/%s card %d:\n page    %q\n sidecar %q", period, kind, i, g, w)
				}
			}
		}
	}
	for _, c := range got {
		switch {
		case c.Trend == "no comparison":
			none++
		case strings.HasPrefix(c.Trend, "▲ ") || strings.HasPrefix(c.Trend, "▼ ") || strings.HasPrefix(c.Trend, "— "):
			arrows++
		}
	}
	return arrows, none
}

// wantCards is the cards as the page should draw them from an /insights body, written
// out plainly: en_US numbers, the test site's language.
func wantCards(b map[string]any, period, kind string) []card {
	cur := func(path string) any { return dig(b["current"], path) }
	trend := func(path, unit string) string { return wantTrend(dig(b["trends"], path), unit, period) }
	whose := map[string]string{"visitor": "visitor messages", "chatbot": "chatbot messages", "all": "all messages"}[kind]
	tokens := fmt.Sprintf("%s prompt · %s completion · %s per conversation",
		count(cur("tokens.prompt")), count(cur("tokens.completion")), decimal(cur("tokens.per_conversation"), 1))
	if n := cur("tokens.unparsed_rows").(float64); n > 0 {
		tokens += fmt.Sprintf(" · token rows not counted: %s", count(n))
	}
	sentiment := fmt.Sprintf("messages scored: %s", count(cur("sentiment.scored")))
	if z := cur("sentiment.zero_share"); z != nil {
		sentiment += fmt.Sprintf(", %s of them 0", percent(z))
	}
	return []card{
		{"conversations", count(cur("conversations")), "", trend("conversations", "%")},
		{"unique_visitors", count(cur("unique_visitors")),
			fmt.Sprintf("%s logged in · %s anonymous", count(cur("logged_in_users")), count(cur("anonymous_visitors"))),
			trend("unique_visitors", "%")},
		{"messages", count(cur("messages.total")),
			fmt.Sprintf("%s from visitors · %s from the chatbot", count(cur("messages.visitor")), count(cur("messages.chatbot"))),
			trend("messages.total", "%")},
		{"duration", humanSeconds(cur("duration_seconds.median")),
			fmt.Sprintf("mean %s · 90th percentile %s", humanSeconds(cur("duration_seconds.mean")), humanSeconds(cur("duration_seconds.p90"))),
			trend("duration_seconds.median", "%")},
		{"tokens", count(cur("tokens.total")), tokens, trend("tokens.total", "%")},
		{"avg_turns", decimal(cur("avg_turns"), 2), "visitor messages per conversation", trend("avg_turns", "%")},
		{"engagement_rate", percent(cur("engagement_rate")), "of conversations have 3 or more visitor messages or last 5 minutes or more", trend("engagement_rate", "pts")},
		{"sentiment", decimal(cur("sentiment.average"), 3), sentiment + " (" + whose + ")", trend("sentiment.average", "")},
		{"positive_share", percent(cur("sentiment.positive_share")), "of conversations with a sentiment score (" + whose + ")", trend("sentiment.positive_share", "pts")},
		{"resolved_rate", percent(cur("resolved_rate")), "of conversations had no fallback reply", trend("resolved_rate", "pts")},
		{"time_saved_hours", decimal(cur("time_saved_hours"), 1) + " h", "estimated from the number of conversations", trend("time_saved_hours", "%")},
	}
}

// wantWindow is the line above the cards: the period's start, and the same part of the
// previous period, to the minute.
func wantWindow(b map[string]any) string {
	clock := func(path string) string { return strings.Replace(dig(b["windows"], path).(string)[:16], "T", " ", 1) }
	return fmt.Sprintf("Since %s (%s), compared with %s to %s.", clock("current.start"), b["timezone"],
		clock("previous_to_date.start"), clock("previous_to_date.end"))
}

// dig follows a dotted path through decoded JSON objects.
func dig(v any, path string) any {
	for _, k := range strings.Split(path, ".") {
		v = v.(map[string]any)[k]
	}
	return v
}

// wantTrend is a trend line: unit "%" for a relative change, "pts" for percentage points,
// "" for a plain difference (three decimals).
func wantTrend(v any, unit, period string) string {
	if v == nil {
		return "no comparison"
	}
	x := v.(float64)
	arrow := "—"
	if x > 0 {
		arrow = "▲"
	} else if x < 0 {
		arrow = "▼"
	}
	var change string
	switch unit {
	case "%":
		change = grouped(math.Abs(x), 1) + "%"
	case "pts":
		change = grouped(math.Abs(x), 1) + " pts"
	default:
		change = grouped(math.Abs(x), 3)
	}
	vs := map[string]string{"today": "yesterday", "week": "last week", "month": "last month", "quarter": "last quarter", "year": "last year"}[period]
	return arrow + " " + change + " vs. the same part of " + vs
}

// grouped writes x with dec decimals and commas between thousands, as en-US does.
func grouped(x float64, dec int) string {
	s := strconv.FormatFloat(x, 'f', dec, 64)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	if frac != "" {
		frac = "." + frac
	}
	return sign + whole + frac
}

func count(v any) string { return grouped(v.(float64), 0) }

// decimal is a nullable number with dec decimals; null is a dash.
func decimal(v any, dec int) string {
	if v == nil {
		return "—"
	}
	return grouped(v.(float64), dec)
}

func percent(v any) string {
	if v == nil {
		return "—"
	}
	return grouped(v.(float64), 1) + "%"
}

// humanSeconds writes a duration the way a person reads one, to the second.
func humanSeconds(v any) string {
	if v == nil {
		return "—"
	}
	s := int64(math.Floor(v.(float64) + 0.5))
	switch {
	case s < 60:
		return fmt.Sprintf("%d s", s)
	case s < 3600:
		return fmt.Sprintf("%d min %d s", s/60, s%60)
	case s < 86400:
		return fmt.Sprintf("%d h %d min", s/3600, s%3600/60)
	default:
		return fmt.Sprintf("%d d %d h", s/86400, s%86400/3600)
	}
}

// checkLists compares the three lists with the sidecar's, and finds the seeded entries.
func checkLists(t *testing.T, ctx context.Context, api sidecarClient, home, period string) {
	t.Helper()
	q := url.Values{"period": {period}}
	read := func(id string) [][]string {
		var rows [][]string
		must(t, chromedp.Run(ctx, chromedp.Evaluate(`Array.from(document.querySelectorAll('#`+id+` tbody tr')).map(tr => {
			const a = tr.querySelector('a');
			return Array.from(tr.cells).map(c => c.textContent).concat(a ? [a.getAttribute('href')] : []);
		})`, &rows)))
		return rows
	}
	same := func(id string, got, want [][]string) {
		t.Helper()
		if len(want) == 0 {
			want = [][]string{{"Nothing in this period."}}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s %s:\n page    %q\n sidecar %q", period, id, got, want)
		}
	}

	var pages []struct {
		PageID        int64   `json:"page_id"`
		Title         *string `json:"title"`
		URL           *string `json:"url"`
		Conversations int64   `json:"conversations"`
	}
	api.getJSON(t, "/insights/pages", q, &pages)
	var want [][]string
	for _, p := range pages {
		row := []string{fmt.Sprintf("Page #%d", p.PageID), count(float64(p.Conversations))}
		if p.Title != nil {
			row[0] = *p.Title
		}
		if p.URL != nil {
			row = append(row, *p.URL)
		}
		want = append(want, row)
	}
	got := read("kchat-pages")
	same("top pages", got, want)
	if !hasRow(got, seededPage, "", home+"/?page_id=2") || !hasRow(got, "Page #777", "1") {
		t.Errorf("%s top pages %q: want %q linking to its page and Page #777 unlinked", period, got, seededPage)
	}

	var assistants []struct {
		ID            string  `json:"assistant_id"`
		Name          *string `json:"name"`
		Conversations int64   `json:"conversations"`
	}
	api.getJSON(t, "/insights/assistants", q, &assistants)
	want = nil
	for _, a := range assistants {
		name := a.ID
		if a.Name != nil {
			name = *a.Name
		}
		want = append(want, []string{name, count(float64(a.Conversations))})
	}
	got = read("kchat-assistants")
	same("top assistants", got, want)
	if !hasRow(got, seededAssist, "1") {
		t.Errorf("%s top assistants %q: want %q with 1 conversation", period, got, seededAssist)
	}

	var questions []struct {
		Text     string `json:"text"`
		Count    int64  `json:"count"`
		LastSeen string `json:"last_seen"`
	}
	api.getJSON(t, "/insights/unanswered", q, &questions)
	want = nil
	for _, u := range questions {
		want = append(want, []string{u.Text, count(float64(u.Count)), strings.Replace(u.LastSeen, "T", " ", 1)})
	}
	got = read("kchat-unanswered")
	same("unanswered questions", got, want)
	if !hasRow(got, seededQuestion, "2") {
		t.Errorf("%s unanswered questions %q: want %q twice", period, got, seededQuestion)
	}
}

// hasRow reports whether a row starts with these cells; an empty one matches any.
func hasRow(rows [][]string, cells ...string) bool {
	for _, r := range rows {
		ok := len(r) >= len(cells)
		for i := 0; ok && i < len(cells); i++ {
			ok = cells[i] == "" || r[i] == cells[i]
		}
		if ok {
			return true
		}
	}
	return false
}

// checkWeekdays compares the weekday chart with /interactions/weekdays: seven bars in the
// site's week order (the fixture's weeks start on Monday), each labeled with its average,
// taller for a higher average.
func checkWeekdays(t *testing.T, ctx context.Context, api sidecarClient) {
	t.Helper()
	var body struct {
		Start, End string
		Weekdays   []struct {
			Weekday int      `json:"weekday"`
			Name    string   `json:"name"`
			Average *float64 `json:"average"`
		} `json:"weekdays"`
	}
	api.getJSON(t, "/interactions/weekdays", url.Values{}, &body)
	type bar struct {
		Weekday, Label, Value string
		Height                float64
	}
	var bars []bar
	var caption string
	must(t, chromedp.Run(ctx,
		chromedp.Evaluate(`Array.from(document.querySelectorAll('#kchat-weekdays svg g.day')).map(g => ({
			Weekday: g.dataset.weekday,
			Label: g.querySelector('text.label').textContent,
			Value: g.querySelector('text.value').textContent,
			Height: parseFloat(g.querySelector('rect.bar').getAttribute('height'))}))`, &bars),
		chromedp.Text(`#kchat-weekdays-caption`, &caption, chromedp.ByQuery)))
	if len(bars) != 7 || len(body.Weekdays) != 7 {
		t.Fatalf("weekday chart: %d bars, the sidecar %d weekdays", len(bars), len(body.Weekdays))
	}
	if bars[0].Weekday != "1" || bars[0].Label != "Mon" || bars[6].Label != "Sun" {
		t.Errorf("weekday chart starts %v and ends %v: the site's weeks start on Monday", bars[0], bars[6])
	}
	for i, w := range body.Weekdays {
		avg := 0.0
		if w.Average != nil {
			avg = *w.Average
		}
		if b := bars[i]; b.Weekday != strconv.Itoa(w.Weekday) || b.Label != w.Name[:3] || b.Value != decimal(anyOrNil(w.Average), 2) {
			t.Errorf("weekday bar %d: page %+v, sidecar %s average %v", i, b, w.Name, avg)
		}
		for j, v := range body.Weekdays {
			if v.Average != nil && *v.Average < avg && bars[j].Height >= bars[i].Height {
				t.Errorf("%s (%v) is drawn no shorter than %s (%v)", v.Name, *v.Average, w.Name, avg)
			}
		}
	}
	if !strings.Contains(caption, body.Start) || !strings.Contains(caption, body.End) {
		t.Errorf("weekday caption %q does not name %s to %s", caption, body.Start, body.End)
	}
}

func anyOrNil(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
