package period_test

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zone tests must not depend on the host's zone database

	"github.com/kchat-sidecar/kchat-sidecar/api/period"
)

// date parses a date the test itself spells, failing the test on a typo.
func date(t testing.TB, s string) period.Date {
	t.Helper()
	d, err := period.ParseDate(s)
	if err != nil {
		t.Fatalf("bad date %q in test: %v", s, err)
	}
	return d
}

func TestParseDate(t *testing.T) {
	for _, s := range []string{
		"2026-11-25", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "2026-12-31",
		"2026-04-30", "1600-02-29", "0004-02-29",
	} {
		d, err := period.ParseDate(s)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", s, err)
			continue
		}
		if got := d.String(); got != s {
			t.Errorf("ParseDate(%q).String() = %q", s, got)
		}
		if !d.Valid() {
			t.Errorf("ParseDate(%q) = %v, not Valid", s, d)
		}
	}
	for _, s := range []string{
		"", "2026-11-5", "2026-1-05", "26-11-25", "2026/11/25", "2026-11-25 ", " 2026-11-25", "2026-11-25\n",
		"2026-02-29", "1900-02-29", "2100-02-29", "2026-04-31", "2026-06-31", "2026-13-01", "2026-00-10",
		"2026-11-00", "2026-11-32", "0000-01-01", "10000-01-01", "+026-11-25", "-026-11-25", "2026-+1-25",
		"2026-1a-25", "\uff12026-11-25", "2026-11-25T00:00:00Z", "20261125", "2026-11--5", "2026_11_25",
		"2026-11-2\x00", "٢٠٢٦-١١-٢٥",
	} {
		if d, err := period.ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) accepted as %v", s, d)
		} else if err.Error() == "" {
			t.Errorf("ParseDate(%q): empty error message", s)
		}
	}
}

// FuzzParseDate: ParseDate never panics, what it accepts prints back unchanged, and it
// accepts exactly what time.Parse accepts as a DateOnly with an unsigned year 0001-9999
// (time.Parse itself also takes year 0000 and signed years).
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2026-11-25", "0001-01-01", "9999-12-31", "2024-02-29", "2026-02-29", "0000-12-31", "x",
		"2026-1-1", "+001-01-01", "2026-11-25T00:00:00Z", "2026-13-01",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := period.ParseDate(s)
		tm, terr := time.Parse(time.DateOnly, s)
		timeAccepts := terr == nil && len(s) == 10 && strings.Trim(s[:4], "0123456789") == "" && tm.Year() >= 1
		if (err == nil) != timeAccepts {
			t.Fatalf("ParseDate(%q) error %v, but time.Parse gives %v, %v", s, err, tm, terr)
		}
		if err != nil {
			return
		}
		if got := d.String(); got != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, got)
		}
		if got := period.DateOf(tm); got != d || !d.Valid() {
			t.Fatalf("ParseDate(%q) = %#v; time.Parse says %#v", s, d, got)
		}
	})
}

// TestDateArithmetic checks the package's day arithmetic against Go's time package
// across the whole range of years, ends included.
func TestDateArithmetic(t *testing.T) {
	first := time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(9999, time.December, 31, 0, 0, 0, 0, time.UTC)
	allDays := int((last.Unix()-first.Unix())/86400) + 1
	rng := rand.New(rand.NewPCG(3, 4))
	offsets := []int{0, 1, 58, 59, 60, 365, allDays - 366, allDays - 2, allDays - 1}
	for range 20000 {
		offsets = append(offsets, rng.IntN(allDays))
	}
	for _, k := range offsets {
		tm := first.AddDate(0, 0, k)
		d := period.DateOf(tm)
		if got, want := d.String(), tm.Format(time.DateOnly); got != want {
			t.Fatalf("day %d: String() = %s, want %s", k, got, want)
		}
		if got, want := d.Weekday(), tm.Weekday(); got != want {
			t.Fatalf("%v.Weekday() = %v, want %v", d, got, want)
		}
		if !d.Time().Equal(tm) {
			t.Fatalf("%v.Time() = %v, want %v", d, d.Time(), tm)
		}
		j := rng.IntN(2000) - 1000
		if k < 400 && rng.IntN(2) == 0 {
			j = -k // reach 0001-01-01 exactly now and then
		}
		moved := d.AddDays(j)
		if want := period.DateOf(tm.AddDate(0, 0, j)); moved != want {
			t.Fatalf("%v.AddDays(%d) = %v, want %v", d, j, moved, want)
		}
		wantCmp := tm.Compare(tm.AddDate(0, 0, j))
		if got := d.Compare(moved); got != wantCmp {
			t.Fatalf("%v.Compare(%v) = %d, want %d", d, moved, got, wantCmp)
		}
		if d.Before(moved) != (wantCmp < 0) || d.After(moved) != (wantCmp > 0) {
			t.Fatalf("%v.Before/After(%v) disagree with Compare %d", d, moved, wantCmp)
		}
	}
}

// TestDateOutOfRange: hand-built dates read as time.Date reads them, and Valid and
// String say what they are.
func TestDateOutOfRange(t *testing.T) {
	for _, d := range []period.Date{
		{2026, time.February, 30}, {2026, 13, 1}, {2026, 0, 1}, {2026, time.January, 0}, {2026, time.March, -400},
		{0, time.December, 31}, {10000, time.January, 1}, {-5, time.June, 15}, {2024, 25, 70}, {},
	} {
		if d.Valid() {
			t.Errorf("%#v.Valid() = true", d)
		}
		want := d.Time()
		if got := d.AddDays(0).Time(); !got.Equal(want) {
			t.Errorf("%#v.AddDays(0) = %v, want %v", d, got, want)
		}
		if got := d.AddDays(40).Time(); !got.Equal(want.AddDate(0, 0, 40)) {
			t.Errorf("%#v.AddDays(40) = %v, want %v", d, got, want.AddDate(0, 0, 40))
		}
		if got := d.Weekday(); got != want.Weekday() {
			t.Errorf("%#v.Weekday() = %v, want %v", d, got, want.Weekday())
		}
		if got := d.Compare(period.DateOf(want)); got != 0 {
			t.Errorf("%#v.Compare(%v) = %d, want 0", d, period.DateOf(want), got)
		}
	}
	if got, want := (period.Date{2026, 13, 1}).String(), "2026-13-01"; got != want {
		t.Errorf("String of a hand-built date: got %q, want %q", got, want)
	}
}

func TestDateOf(t *testing.T) {
	instant := time.Date(2026, time.November, 24, 23, 30, 0, 0, time.UTC)
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := period.DateOf(instant), date(t, "2026-11-24"); got != want {
		t.Errorf("DateOf in UTC: got %v, want %v", got, want)
	}
	if got, want := period.DateOf(instant.In(tokyo)), date(t, "2026-11-25"); got != want {
		t.Errorf("DateOf in Tokyo: got %v, want %v", got, want)
	}
}

func TestToday(t *testing.T) {
	tests := []struct {
		now  string // a UTC instant
		zone string // a zone name, or "gmt_offset=<value>" for a site with only an offset
		want string
	}{
		{"2026-11-24T22:59:59Z", "Europe/Berlin", "2026-11-24"},
		{"2026-11-24T23:00:00Z", "Europe/Berlin", "2026-11-25"},    // already tomorrow in Berlin
		{"2026-11-25T04:59:59Z", "America/New_York", "2026-11-24"}, // still yesterday in New York
		{"2026-11-25T05:00:00Z", "America/New_York", "2026-11-25"},
		{"2026-11-24T18:29:59Z", "Asia/Kolkata", "2026-11-24"}, // +05:30
		{"2026-11-24T18:30:00Z", "Asia/Kolkata", "2026-11-25"},
		{"2026-11-24T18:14:59Z", "Asia/Kathmandu", "2026-11-24"}, // +05:45
		{"2026-11-24T18:15:00Z", "Asia/Kathmandu", "2026-11-25"},
		{"2026-11-24T13:29:59Z", "Australia/Adelaide", "2026-11-24"}, // +10:30 in the southern summer
		{"2026-11-24T13:30:00Z", "Australia/Adelaide", "2026-11-25"},
		{"2026-07-14T14:29:59Z", "Australia/Adelaide", "2026-07-14"}, // +09:30 in winter
		{"2026-07-14T14:30:00Z", "Australia/Adelaide", "2026-07-15"},
		{"2026-11-24T18:29:59Z", "gmt_offset=5.5", "2026-11-24"},
		{"2026-11-24T18:30:00Z", "gmt_offset=5.5", "2026-11-25"},
		{"2026-11-25T09:29:59Z", "gmt_offset=-9.5", "2026-11-24"},
		{"2026-11-25T09:30:00Z", "gmt_offset=-9.5", "2026-11-25"},
		{"2026-11-24T18:14:59Z", "gmt_offset=5.75", "2026-11-24"},
		{"2026-11-24T18:15:00Z", "gmt_offset=5.75", "2026-11-25"},
		{"2026-11-24T09:59:59Z", "gmt_offset=14", "2026-11-24"},
		{"2026-11-24T10:00:00Z", "gmt_offset=14", "2026-11-25"},
		{"2026-11-25T11:59:59Z", "gmt_offset=-12", "2026-11-24"},
		{"2026-11-25T12:00:00Z", "gmt_offset=-12", "2026-11-25"},
		{"2026-11-24T23:59:59Z", "gmt_offset=", "2026-11-24"},
		{"2026-11-25T00:00:00Z", "gmt_offset=", "2026-11-25"},
		// New York springs forward on 2026-03-08 (a 23-hour day) and falls back on
		// 2026-11-01 (25 hours); the date still turns at local midnight.
		{"2026-03-08T04:59:59Z", "America/New_York", "2026-03-07"}, // 23:59:59 EST
		{"2026-03-08T05:00:00Z", "America/New_York", "2026-03-08"},
		{"2026-03-08T07:30:00Z", "America/New_York", "2026-03-08"}, // 03:30 EDT, just after the gap
		{"2026-03-09T03:59:59Z", "America/New_York", "2026-03-08"}, // 23:59:59 EDT
		{"2026-03-09T04:00:00Z", "America/New_York", "2026-03-09"},
		{"2026-11-01T03:59:59Z", "America/New_York", "2026-10-31"},
		{"2026-11-01T04:00:00Z", "America/New_York", "2026-11-01"},
		{"2026-11-01T05:30:00Z", "America/New_York", "2026-11-01"}, // 01:30 EDT
		{"2026-11-01T06:30:00Z", "America/New_York", "2026-11-01"}, // 01:30 EST, the hour again
		{"2026-11-02T04:59:59Z", "America/New_York", "2026-11-01"},
		{"2026-11-02T05:00:00Z", "America/New_York", "2026-11-02"},
		// Berlin: 2026-03-29 has 23 hours, 2026-10-25 has 25.
		{"2026-03-28T22:59:59Z", "Europe/Berlin", "2026-03-28"},
		{"2026-03-28T23:00:00Z", "Europe/Berlin", "2026-03-29"},
		{"2026-03-29T21:59:59Z", "Europe/Berlin", "2026-03-29"},
		{"2026-03-29T22:00:00Z", "Europe/Berlin", "2026-03-30"},
		{"2026-10-24T21:59:59Z", "Europe/Berlin", "2026-10-24"},
		{"2026-10-24T22:00:00Z", "Europe/Berlin", "2026-10-25"},
		{"2026-10-25T22:59:59Z", "Europe/Berlin", "2026-10-25"},
		{"2026-10-25T23:00:00Z", "Europe/Berlin", "2026-10-26"},
	}
	for _, tt := range tests {
		now, err := time.Parse(time.RFC3339, tt.now)
		if err != nil {
			t.Fatal(err)
		}
		var loc *time.Location
		if offset, ok := strings.CutPrefix(tt.zone, "gmt_offset="); ok {
			loc, _ = period.SiteZone("", offset)
		} else {
			var name string
			loc, name = period.SiteZone(tt.zone, "0")
			if name != tt.zone {
				t.Fatalf("zone %s is not in the zone database (SiteZone fell back to %s)", tt.zone, name)
			}
		}
		if got := period.Today(now, loc).String(); got != tt.want {
			t.Errorf("Today(%s) in %s: got %s, want %s", tt.now, tt.zone, got, tt.want)
		}
		// The clock may arrive in any location; only the instant matters.
		if got := period.Today(now.In(time.FixedZone("elsewhere", -11*3600)), loc).String(); got != tt.want {
			t.Errorf("Today(%s given in -11:00) in %s: got %s, want %s", tt.now, tt.zone, got, tt.want)
		}
	}
	if got, want := period.Today(time.Date(2026, 1, 1, 23, 0, 0, 0, time.FixedZone("", -3600)), nil), date(t, "2026-01-02"); got != want {
		t.Errorf("Today with a nil location: got %v, want %v (UTC)", got, want)
	}
}
