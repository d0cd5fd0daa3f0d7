package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
	"github.com/kchat-sidecar/kchat-sidecar/api/period"
	"github.com/kchat-sidecar/kchat-sidecar/api/wppass"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
)

// TestMain lets a test run the real main as a process, to see its exit status.
func TestMain(m *testing.M) {
	if os.Getenv("KCHAT_DEMO_AS_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// demo is a running kchat-demo.
type demo struct {
	base, token    string
	stdout, stderr *repotest.Buffer
	stop           func() error
}

func startDemo(t *testing.T, args ...string) *demo {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	d := &demo{stdout: &repotest.Buffer{}, stderr: &repotest.Buffer{}}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"--listen", "127.0.0.1:0"}, args...), func(string) string { return "" }, d.stdout, d.stderr)
	}()
	var once sync.Once
	var runErr error
	d.stop = func() error {
		once.Do(func() { cancel(); runErr = <-done })
		return runErr
	}
	t.Cleanup(func() { d.stop() })
	serving := regexp.MustCompile(`Serving\s+(http://\S+)`)
	token := regexp.MustCompile(`TOKEN=(\S+)`)
	deadline := time.Now().Add(120 * time.Second)
	for !token.MatchString(d.stdout.String()) {
		select {
		case err := <-done:
			done <- err // for stop
			t.Fatalf("demo stopped: %v\n%s", err, d.stdout.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("demo did not start:\n%s", d.stdout.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	d.base = serving.FindStringSubmatch(d.stdout.String())[1]
	d.token = token.FindStringSubmatch(d.stdout.String())[1]
	return d
}

// The README's first command: the demo serves a seeded site, and what it prints works.
func TestDemo(t *testing.T) {
	d := startDemo(t)
	base, tok := d.base, d.token

	get := func(path, tok string) (int, []byte) {
		req, _ := http.NewRequest(http.MethodGet, base+path, nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, b
	}

	status, body := get("/wp-json/kchat/v1/interactions/summary?period=monthly", tok)
	if status != http.StatusOK {
		t.Fatalf("summary: %d %s", status, body)
	}
	var s struct {
		Start, End string
		Total      int64
		Timezone   string
	}
	if err := json.Unmarshal(body, &s); err != nil {
		t.Fatal(err)
	}
	// The same numbers, straight from the generator.
	loc, _ := period.SiteZone("America/New_York", "")
	today := period.Today(time.Now(), loc)
	var want int64
	for _, d := range interactions(today.Time()) {
		if ds := period.DateOf(d.date).String(); ds >= s.Start && ds <= s.End {
			want += int64(d.count)
		}
	}
	if s.Total != want || s.Total == 0 || s.Timezone != "America/New_York" || s.End != today.String() {
		t.Errorf("summary %+v, generator says total %d up to %s", s, want, today)
	}

	// The seeded users: each password checks against its stored format, and the
	// capability rules decide who may read.
	for i, u := range demoUsers {
		tok, err := auth.IssueToken([]byte(demoSecret), auth.TokenParams{Issuer: "https://demo.example.test", UserID: uint64(i + 1), IssuedAt: time.Now(), TTL: time.Minute})
		if err != nil {
			t.Fatal(err)
		}
		status, _ := get("/wp-json/kchat/v1/interactions?per_page=1", tok)
		wantStatus := http.StatusForbidden
		if u.Login == "admin" || u.Login == "owner68" || u.Login == "analyst" {
			wantStatus = http.StatusOK
		}
		if status != wantStatus {
			t.Errorf("%s: %d, want %d", u.Login, status, wantStatus)
		}
	}
	// The printed login line: a WordPress 6.8 hash, through the JWT plugin's route.
	resp, err := http.PostForm(base+"/wp-json/jwt-auth/v1/token", map[string][]string{"username": {"owner68"}, "password": {"demo-owner-pass"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("demo login: %d", resp.StatusCode)
	}

	// Every data route of the server, as its own index lists them, answers with data
	// to the README's curl -u line.
	routes := dataRoutes(t, base)
	if len(routes) < 7 {
		t.Fatalf("the index lists %d data routes: %v", len(routes), routes)
	}
	for _, r := range routes {
		status, body, ctype := getBasic(t, base+"/wp-json"+r, "admin", readmeAppPassword)
		if status != http.StatusOK {
			t.Errorf("%s: %d %.300s", r, status, body)
			continue
		}
		if why := noData(ctype, body); why != "" {
			t.Errorf("%s: %s: %.300s", r, why, body)
		}
	}

	checkInsights(t, base)

	// Each application password the demo prints, in WordPress 6.8's and 6.1's formats.
	for _, u := range demoUsers {
		for _, p := range u.AppPasswords {
			if !strings.Contains(d.stdout.String(), p.Password) {
				t.Errorf("%s's application password is not printed", u.Login)
			}
			if status, body, _ := getBasic(t, base+"/wp-json/kchat/v1/tokens/summary", u.Login, p.Password); status != http.StatusOK {
				t.Errorf("%s's application password %q: %d %s", u.Login, p.Password, status, body)
			}
		}
	}
	if status, _, _ := getBasic(t, base+"/wp-json/kchat/v1/tokens/summary", "admin", "abcd EFGH 1234 ijkl MNOP 0000"); status != http.StatusUnauthorized {
		t.Errorf("a wrong application password: %d", status)
	}
	// Every curl -u line of the README works on the demo as written.
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	curls := regexp.MustCompile(`curl -u '([^:']+):([^']+)' '?http://127\.0\.0\.1:8080([^\s']+)`).FindAllStringSubmatch(string(readme), -1)
	if len(curls) == 0 {
		t.Fatal("no curl -u example in README.md")
	}
	for _, c := range curls {
		if status, body, _ := getBasic(t, base+c[3], c[1], c[2]); status != http.StatusOK {
			t.Errorf("README: curl -u '%s:%s' %s: %d %s", c[1], c[2], c[3], status, body)
		}
	}
	// Every user the demo makes is printed with the password.
	for _, u := range demoUsers {
		if !regexp.MustCompile(`(?m)^\s+` + u.Login + `\s+` + regexp.QuoteMeta(u.Password) + `\s`).MatchString(d.stdout.String()) {
			t.Errorf("user %s and password not printed:\n%s", u.Login, d.stdout.String())
		}
	}

	if err := d.stop(); err != nil {
		t.Errorf("demo did not stop cleanly: %v", err)
	}
	// The log goes to stderr by default, as text, a line per request.
	if logs := d.stderr.String(); !strings.Contains(logs, "msg=request") || !strings.Contains(logs, "route=/wp-json/kchat/v1/tokens/summary") {
		t.Errorf("no request log on stderr:\n%.2000s", logs)
	}
}

// -q keeps stderr quiet, and the banner still comes.
func TestDemoQuiet(t *testing.T) {
	d := startDemo(t, "-q")
	if status, body, _ := getBasic(t, d.base+"/wp-json/kchat/v1/interactions", "admin", readmeAppPassword); status != http.StatusOK {
		t.Fatalf("%d %s", status, body)
	}
	if err := d.stop(); err != nil {
		t.Fatal(err)
	}
	if logs := d.stderr.String(); logs != "" {
		t.Errorf("-q, yet stderr has:\n%s", logs)
	}
}

// kchat-demo --help prints its usage to stdout and exits 0; a bad flag exits 2.
func TestDemoHelp(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		arg    string
		status int
	}{{"--help", 0}, {"-h", 0}, {"--no-such-flag", 2}} {
		cmd := exec.Command(exe, c.arg)
		cmd.Env = append(os.Environ(), "KCHAT_DEMO_AS_MAIN=1")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		status := 0
		if ee, ok := err.(*exec.ExitError); ok {
			status = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if status != c.status {
			t.Errorf("kchat-demo %s: exit %d, want %d\nstdout: %s\nstderr: %s", c.arg, status, c.status, stdout.String(), stderr.String())
		}
		if usage := stdout.String() + stderr.String(); !strings.Contains(usage, "-q") || !strings.Contains(usage, "-listen") {
			t.Errorf("kchat-demo %s: no usage:\n%s", c.arg, usage)
		}
		if c.status == 0 && !strings.Contains(stdout.String(), "Usage") {
			t.Errorf("kchat-demo %s: usage not on stdout", c.arg)
		}
	}
}

// dataRoutes are the token-protected routes the server's own index lists, relative to
// /wp-json: whatever route is added is checked too.
func dataRoutes(t *testing.T, base string) []string {
	t.Helper()
	resp, err := http.Get(base + "/wp-json/kchat/v1")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var index struct {
		Routes map[string]struct {
			Methods []string `json:"methods"`
		} `json:"routes"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&index); err != nil {
		t.Fatal(err)
	}
	var out []string
	for path, r := range index.Routes {
		if path != "/kchat/v1" && slices.Contains(r.Methods, http.MethodGet) {
			out = append(out, path)
		}
	}
	sort.Strings(out)
	return out
}

func getBasic(t *testing.T, url, user, password string) (int, []byte, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.SetBasicAuth(user, password)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b, resp.Header.Get("Content-Type")
}

// noData says why a 200 answer shows no data, or "" when it does: a CSV needs rows
// under its header; JSON a non-empty list, or an object whose totals are all non-zero
// and that holds some non-zero number.
func noData(contentType string, body []byte) string {
	if strings.HasPrefix(contentType, "text/csv") {
		if lines := strings.Count(strings.TrimSpace(string(body)), "\n"); lines < 1 {
			return "a CSV with no rows"
		}
		return ""
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return "neither CSV nor JSON (" + contentType + ")"
	}
	switch v := v.(type) {
	case []any:
		if len(v) == 0 {
			return "an empty list"
		}
		return ""
	case map[string]any:
		if t, ok := v["total"].(float64); ok && t == 0 {
			return "total is 0"
		}
		if totals, ok := v["totals"].(map[string]any); ok {
			for k, n := range totals {
				if n == 0.0 {
					return "totals." + k + " is 0"
				}
			}
		}
		if !hasNonZero(v) {
			return "no non-zero number"
		}
		return ""
	}
	return "not a list or an object"
}

func hasNonZero(v any) bool {
	switch v := v.(type) {
	case float64:
		return v != 0
	case []any:
		return slices.ContainsFunc(v, hasNonZero)
	case map[string]any:
		for _, x := range v {
			if hasNonZero(x) {
				return true
			}
		}
	}
	return false
}

func TestDemoHashes(t *testing.T) {
	for _, u := range demoUsers {
		h, err := u.hash(u.Password)
		if err != nil {
			t.Fatal(err)
		}
		if !wppass.Check(u.Password, h) || wppass.Check(u.Password+"x", h) {
			t.Errorf("%s: hash %s does not check", u.Login, h)
		}
	}
}

func TestInteractionsHaveGapsAndRhythm(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	days := interactions(today)
	if n := len(days); n < 600 || n > 731 {
		t.Errorf("%d days over two years", n)
	}
	var weekday, weekend, wdN, weN int
	for _, d := range days {
		if d.date.Weekday() == time.Saturday || d.date.Weekday() == time.Sunday {
			weekend += d.count
			weN++
		} else {
			weekday += d.count
			wdN++
		}
	}
	if weekday/wdN < 2*weekend/weN {
		t.Errorf("no weekly rhythm: weekday mean %d, weekend mean %d", weekday/wdN, weekend/weN)
	}
}

// The log looks like the plugin's: sessions of varied length, three token rows after
// each answer, several pages and assistants, every kind of sentiment, awkward text, and
// only on days the interactions table has, this week included.
func TestConversationLogIsRealistic(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	days := interactions(today)
	rows := conversationLog(days)
	if n := len(rows); n < 2000 || n > 8000 {
		t.Errorf("%d rows: too few to show, or too many for the embedded engine to load quickly", n)
	}
	stored := map[string]bool{}
	for _, d := range days {
		if d.count > 0 {
			stored[d.date.Format(time.DateOnly)] = true
		}
	}
	exchanges := map[string]int{} // per session and day
	pages, assistants, awkward := map[string]bool{}, map[string]bool{}, 0
	var nullScore, zeroScore, positive, negative, thisWeek, legacy int
	for i, r := range rows {
		day := r.at.Format(time.DateOnly)
		if !stored[day] {
			t.Fatalf("row %d on %s, a day without interactions", i, day)
		}
		if today.Sub(r.at.Truncate(24*time.Hour)) < 7*24*time.Hour {
			thisWeek++
		}
		pages[r.page] = true
		assistants[r.assistantID] = true
		switch r.userType {
		case "Visitor":
			exchanges[r.session+day]++
			if strings.ContainsAny(r.text[:1], "=+-@") || strings.ContainsAny(r.text, "\n\",") {
				awkward++
			}
			switch s := r.sentiment; {
			case !s.Valid:
				nullScore++
			case s.Float64 == 0:
				zeroScore++
			case s.Float64 > 0:
				positive++
			default:
				negative++
			}
		case "Chatbot":
			if rows[i-1].userType != "Visitor" {
				t.Fatalf("row %d: an answer without a question", i)
			}
			tok := rows[i+1 : i+4]
			if tok[0].userType != "Prompt Tokens" || tok[1].userType != "Completion Tokens" || tok[2].userType != "Total Tokens" {
				t.Fatalf("row %d: the answer is not followed by its three token rows", i)
			}
			p, _ := strconv.Atoi(tok[0].text)
			c, _ := strconv.Atoi(tok[1].text)
			if total, err := strconv.Atoi(tok[2].text); err != nil {
				legacy++
			} else if p <= 0 || c <= 0 || total != p+c {
				t.Errorf("row %d: tokens %d + %d != %d", i, p, c, total)
			}
		}
	}
	lengths := map[int]bool{}
	for _, n := range exchanges {
		lengths[min(n, 6)] = true
	}
	if !lengths[1] || !lengths[2] || !lengths[6] {
		t.Errorf("session lengths seen (6 = six or more): %v", lengths)
	}
	if len(pages) < 4 || len(assistants) < 3 {
		t.Errorf("%d pages, %d assistants", len(pages), len(assistants))
	}
	if nullScore == 0 || zeroScore == 0 || positive == 0 || negative == 0 || positive < negative {
		t.Errorf("sentiment: %d NULL, %d zero, %d positive, %d negative", nullScore, zeroScore, positive, negative)
	}
	if awkward == 0 || legacy == 0 || thisWeek < 20 {
		t.Errorf("%d awkward visitor texts, %d legacy token rows, %d rows this week", awkward, legacy, thisWeek)
	}
}
