package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/api/period"
	"github.com/kchat-sidecar/kchat-sidecar/api/wppass"
)

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// The README's first command: the demo serves a seeded site, and what it prints works.
func TestDemo(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var out syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"--listen", "127.0.0.1:0"}, func(string) string { return "" }, &out, io.Discard)
	}()
	serving := regexp.MustCompile(`Serving\s+(http://\S+)`)
	token := regexp.MustCompile(`Token\s+(\S+)`)
	deadline := time.Now().Add(60 * time.Second)
	for !serving.MatchString(out.String()) {
		select {
		case err := <-done:
			t.Fatalf("demo stopped: %v\n%s", err, out.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("demo did not start:\n%s", out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	base := serving.FindStringSubmatch(out.String())[1]
	tok := token.FindStringSubmatch(out.String())[1]

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
		tok, err := api.IssueToken([]byte(demoSecret), api.TokenParams{Issuer: "https://demo.example.test", UserID: uint64(i + 1), IssuedAt: time.Now(), TTL: time.Minute})
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
	cancel()
	if err := <-done; err != nil {
		t.Errorf("demo did not stop cleanly: %v", err)
	}
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
