package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"strings"
	"testing"
	"time"
)

// demoPostTitle is the title of the demo's post with id page, if the site has one.
func demoPostTitle(page string) (string, bool) {
	for _, p := range demoPosts {
		if fmt.Sprint(p.id) == page {
			return p.title, true
		}
	}
	return "", false
}

// fallback is how the demo test recognizes a fallback reply, written apart from the
// sidecar's list: the two phrases the plugin's documentation names.
func fallback(r logRow) bool {
	t := strings.ToLower(strings.ReplaceAll(r.text, "’", "'"))
	return r.userType == "Chatbot" && (strings.Contains(t, "could you rephrase") || strings.Contains(t, "i'm not following"))
}

// sameQuestion is the sidecar's grouping of questions, written plainly: trimmed, runs of
// spaces as one, lower case.
func sameQuestion(a, b string) bool {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	return norm(a) == norm(b)
}

// Every Insights card and list has something to show for month and year, in the
// current window and in the previous window to date (so that trends are numbers), at
// any time of day, at the start of a month or a year too.
func TestConversationLogFillsInsights(t *testing.T) {
	times := []time.Time{time.Date(2026, 11, 30, 23, 59, 0, 0, time.UTC), time.Date(2026, 12, 2, 3, 0, 0, 0, time.UTC)}
	// Half an hour into each month (and so into each quarter and year), and mid-month.
	for m := range 24 {
		month := time.Date(2026, time.Month(m+1), 1, 0, 0, 0, 0, time.UTC)
		times = append(times, month.Add(30*time.Minute), month.AddDate(0, 0, 14).Add(14*time.Hour))
	}
	for _, now := range times {
		today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
		rows := conversationLog(interactions(today))
		for _, p := range []string{"month", "year"} {
			cur, prev := calendarWindows(p, today)
			ptdEnd := prev[0].Add(now.Sub(cur[0]))
			if ptdEnd.After(prev[1]) {
				ptdEnd = prev[1]
			}
			for _, w := range []struct {
				name     string
				from, to time.Time
			}{{"current", cur[0], cur[1]}, {"previous to date", prev[0], ptdEnd}} {
				if why := missingInsight(rows, w.from, w.to); why != "" {
					t.Errorf("now %s, %s %s [%s, %s): %s", now.Format(time.DateTime), p, w.name, w.from.Format(time.DateTime), w.to.Format(time.DateTime), why)
				}
			}
		}
	}
}

// calendarWindows are the calendar month or year holding today and the one before, as
// [start, end) pairs.
func calendarWindows(p string, today time.Time) (cur, prev [2]time.Time) {
	y, m, _ := today.Date()
	if p == "year" {
		m = time.January
	}
	start := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	step := func(t time.Time, n int) time.Time {
		if p == "year" {
			return t.AddDate(n, 0, 0)
		}
		return t.AddDate(0, n, 0)
	}
	return [2]time.Time{start, step(start, 1)}, [2]time.Time{step(start, -1), start}
}

// missingInsight says what a window [from, to) of the log lacks for some Insights card
// or list, or "" when it lacks nothing.
func missingInsight(rows []logRow, from, to time.Time) string {
	seen := map[string]bool{}
	lastQuestion := map[string]string{} // per session
	visitorSessions, loggedIn := map[string]int{}, map[string]bool{}
	for _, r := range rows {
		if r.at.Before(from) || !r.at.Before(to) {
			continue
		}
		if r.user != "0" {
			loggedIn[r.session] = true
		}
		switch r.userType {
		case "Visitor":
			seen["a visitor message"] = true
			visitorSessions[r.session]++
			lastQuestion[r.session] = r.text
			if _, ok := demoPostTitle(r.page); ok {
				seen["a page with a post"] = true
			}
			if r.sentiment.Valid && r.sentiment.Float64 > 0 {
				seen["a positive visitor score"] = true
			}
		case "Chatbot":
			seen["a chatbot message"] = true
			if fallback(r) && lastQuestion[r.session] != "" {
				seen["an unanswered question"] = true
			}
		case "Total Tokens":
			seen["a token row"] = true
		}
		if r.assistantName != "" {
			seen["a named assistant"] = true
		}
	}
	// A session is a logged-in visitor when any of its rows in the window has a user.
	// Three sessions make enough conversations to save a tenth of an hour (1.4 minutes
	// each), and one with three questions is an engaged conversation.
	if len(visitorSessions) >= 3 {
		seen["three conversations"] = true
	}
	for s, n := range visitorSessions {
		if n >= 3 {
			seen["an engaged conversation"] = true
		}
		if loggedIn[s] {
			seen["a logged-in visitor"] = true
		} else {
			seen["an anonymous visitor"] = true
		}
	}
	var missing []string
	for _, want := range []string{"a visitor message", "a chatbot message", "an anonymous visitor", "a logged-in visitor",
		"a page with a post", "a positive visitor score", "an unanswered question", "a token row", "a named assistant",
		"three conversations", "an engaged conversation"} {
		if !seen[want] {
			missing = append(missing, want)
		}
	}
	return strings.Join(missing, ", ")
}

// The log has what the Insights lists dwell on: fallbacks in both spellings of the
// apostrophe after questions that the visitor then asks again, visitors who log in
// mid-session, pages with and without a post, and NULL scores where the scorer ran.
func TestConversationLogHasInsightsTraps(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	rows := conversationLog(interactions(today))
	var fallbacks, curly, repeated, midLogin, withPost, withoutPost, nullScored int
	userOf := map[string]string{} // the session's user so far
	for i, r := range rows {
		if r.userType == "Visitor" {
			if u, ok := userOf[r.session]; ok && u == "0" && r.user != "0" {
				midLogin++
			}
			userOf[r.session] = r.user
			if _, ok := demoPostTitle(r.page); ok {
				withPost++
			} else if r.page != "0" {
				withoutPost++
			}
			if !r.sentiment.Valid && today.Sub(r.at) < 300*24*time.Hour {
				nullScored++
			}
		}
		if !fallback(r) {
			continue
		}
		fallbacks++
		if strings.Contains(r.text, "’") {
			curly++
		}
		// The visitor asks again: the next Visitor message of the session, after the
		// three token rows, is the question before the fallback, spelled otherwise.
		if i+4 < len(rows) && rows[i+4].userType == "Visitor" && rows[i+4].session == r.session &&
			sameQuestion(rows[i+4].text, rows[i-1].text) && rows[i+4].text != rows[i-1].text {
			repeated++
		}
	}
	if fallbacks < 20 || curly == 0 || curly == fallbacks || repeated < fallbacks/2 {
		t.Errorf("%d fallbacks, %d with ’, %d followed by the question asked again", fallbacks, curly, repeated)
	}
	if midLogin < 5 || withPost == 0 || withoutPost == 0 || nullScored == 0 {
		t.Errorf("%d mid-session logins, %d questions on a page with a post and %d without, %d NULL scores in the last 300 days",
			midLogin, withPost, withoutPost, nullScored)
	}
}

// checkInsights asks the demo for Insights by month and by year, as the README's curl
// line does, and wants every card filled in both windows a trend compares, every trend a
// number, and the lists to show titled and untitled pages, named assistants and
// unanswered questions.
func checkInsights(t *testing.T, base string) {
	t.Helper()
	for _, p := range []string{"month", "year"} {
		status, body, _ := getBasic(t, base+"/wp-json/kchat/v1/insights?period="+p, "admin", readmeAppPassword)
		var a map[string]any
		if err := json.Unmarshal(body, &a); status != http.StatusOK || err != nil {
			t.Fatalf("insights?period=%s: %d %v %.300s", p, status, err, body)
		}
		for _, window := range []string{"current", "previous_to_date", "trends"} {
			for path, v := range leaves(a[window], window) {
				// Only legacy token rows are unparsed, and the demo's are two years old.
				if path == window+".tokens.unparsed_rows" {
					continue
				}
				// A trend may be 0; a card of either window may not.
				if v == nil || (window != "trends" && v == 0.0 && path != window+".sentiment.zero_share") {
					t.Errorf("insights?period=%s: %s is %v", p, path, v)
				}
			}
		}
		if cur, _ := a["current"].(map[string]any); cur["resolved_rate"] == 100.0 {
			t.Errorf("insights?period=%s: no fallback reply in the current window", p)
		}
	}
	var pages []struct {
		Title *string `json:"title"`
	}
	_, body, _ := getBasic(t, base+"/wp-json/kchat/v1/insights/pages?limit=100", "admin", readmeAppPassword)
	if err := json.Unmarshal(body, &pages); err != nil {
		t.Fatalf("insights/pages: %v %.300s", err, body)
	}
	titled, untitled := 0, 0
	for _, p := range pages {
		if p.Title == nil {
			untitled++
		} else if *p.Title != "" {
			titled++
		}
	}
	if titled == 0 || untitled == 0 {
		t.Errorf("insights/pages: want pages with and without a post: %s", body)
	}
}

// leaves maps the path of every leaf of a decoded JSON object to its value.
func leaves(v any, path string) map[string]any {
	out := map[string]any{}
	if m, ok := v.(map[string]any); ok {
		for k, x := range m {
			maps.Copy(out, leaves(x, path+"."+k))
		}
		return out
	}
	out[path] = v
	return out
}
