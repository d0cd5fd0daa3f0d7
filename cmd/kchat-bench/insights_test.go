package main

import (
	"strings"
	"testing"
	"time"
)

// The range read starts at the previous window's first second less one conversation
// gap, on the site's wall clock, whatever the zone of now.
func TestReadFrom(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no zone database:", err)
	}
	for _, c := range []struct {
		period string
		now    time.Time
		want   string
	}{
		{"year", time.Date(2026, 12, 2, 8, 0, 0, 0, berlin), "2024-12-31 23:30:00"},
		{"year", time.Date(2027, 1, 1, 0, 0, 0, 0, berlin), "2025-12-31 23:30:00"},
		{"month", time.Date(2026, 12, 2, 8, 0, 0, 0, berlin), "2026-10-31 23:30:00"},
		{"month", time.Date(2027, 1, 15, 12, 0, 0, 0, berlin), "2026-11-30 23:30:00"},
		{"month", time.Date(2026, 3, 31, 23, 59, 59, 0, berlin), "2026-01-31 23:30:00"},
		// 23:30 UTC on 31 December is already the new year in Berlin.
		{"year", time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC).In(berlin), "2025-12-31 23:30:00"},
	} {
		if got := readFrom(c.period, c.now); got != c.want {
			t.Errorf("%s at %s: %s, want %s", c.period, c.now, got, c.want)
		}
	}
}

// An answer that counted no conversation, or is not an Insights answer, is refused
// rather than timed.
func TestHasConversations(t *testing.T) {
	for _, c := range []struct {
		body string
		ok   bool
	}{
		{`{"current":{"conversations":12},"previous":{"conversations":0}}`, true},
		{`{"current":{"conversations":0},"previous":{"conversations":3}}`, true},
		{`{"current":{"conversations":0},"previous":{"conversations":0}}`, false},
		{`{"current":{},"previous":{"conversations":3}}`, false},
		{`{"code":"rest_forbidden"}`, false},
		{`not json`, false},
	} {
		if err := hasConversations([]byte(c.body)); (err == nil) != c.ok {
			t.Errorf("%s: %v", c.body, err)
		}
	}
}

// The client's read fills every placeholder of the sidecar's statement.
func TestInsightsRead(t *testing.T) {
	got := insightsRead("2024-12-31 23:30:00", 1_000_000)
	want := " WHERE `interaction_time` >= '2024-12-31 23:30:00' AND `id` > 0 AND `id` <= 1000000 ORDER BY `id`"
	if !strings.HasSuffix(got, want) || strings.Contains(got, "?") {
		t.Errorf("%s\nwants to end in %s", got, want)
	}
}
