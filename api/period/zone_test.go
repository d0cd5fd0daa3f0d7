package period_test

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/period"
)

func TestSiteZone(t *testing.T) {
	const h, m = 3600, 60
	tests := []struct {
		timezoneString, gmtOffset string
		name                      string
		offset                    int // seconds east of UTC on 2026-01-15 (northern winter)
	}{
		// A named zone wins over gmt_offset, as in wp_timezone_string().
		{"Europe/Berlin", "0", "Europe/Berlin", 1 * h},
		{"America/New_York", "7", "America/New_York", -5 * h},
		{"Asia/Kolkata", "", "Asia/Kolkata", 5*h + 30*m},
		{"Asia/Kathmandu", "", "Asia/Kathmandu", 5*h + 45*m},
		{"Australia/Adelaide", "", "Australia/Adelaide", 10*h + 30*m},
		{"UTC", "3", "UTC", 0},
		{"Etc/GMT+5", "", "Etc/GMT+5", -5 * h},
		// Offsets, formatted as wp_timezone_string() formats them.
		{"", "0", "+00:00", 0},
		{"", "", "+00:00", 0},
		{"", "5.5", "+05:30", 5*h + 30*m},
		{"", "5.75", "+05:45", 5*h + 45*m},
		{"", "-3", "-03:00", -3 * h},
		{"", "-3.5", "-03:30", -(3*h + 30*m)},
		{"", "-9.5", "-09:30", -(9*h + 30*m)},
		{"", "-0.5", "-00:30", -30 * m},
		{"", "-0.25", "-00:15", -15 * m},
		{"", "-0", "+00:00", 0},
		{"", "12.75", "+12:45", 12*h + 45*m},
		{"", "14", "+14:00", 14 * h},
		{"", "-12", "-12:00", -12 * h},
		// Minutes are truncated, and the zone keeps the offset its name states.
		{"", "5.3333", "+05:19", 5*h + 19*m},
		{"", "-5.99", "-05:59", -(5*h + 59*m)},
		// PHP's (float) cast: leading blanks and a leading number count, the rest is ignored.
		{"", " 5.5", "+05:30", 5*h + 30*m},
		{"", "\t-2", "-02:00", -2 * h},
		{"", "5.5 hours", "+05:30", 5*h + 30*m},
		{"", "5,5", "+05:00", 5 * h},
		{"", ".5", "+00:30", 30 * m},
		{"", "3.", "+03:00", 3 * h},
		{"", "1e1", "+10:00", 10 * h},
		{"", "1e", "+01:00", 1 * h},
		{"", "+2", "+02:00", 2 * h},
		// Garbage is 0, as in PHP; so is what PHP reads as a number but no zone can be.
		{"", "garbage", "+00:00", 0},
		{"", "NaN", "+00:00", 0},
		{"", "inf", "+00:00", 0},
		{"", "0x10", "+00:00", 0},
		{"", "- 5", "+00:00", 0},
		{"", ".", "+00:00", 0},
		{"", "15", "+00:00", 0},
		{"", "-14.5", "+00:00", 0},
		{"", "1e400", "+00:00", 0},
		// A name Go does not know, and names that would be the server's own zone, fall
		// back to the offset.
		{"Mars/Olympus_Mons", "2", "+02:00", 2 * h},
		{"../../etc/passwd", "", "+00:00", 0},
		{"america/new_york_typo", "-4", "-04:00", -4 * h},
		{"Local", "5.5", "+05:30", 5*h + 30*m},
		{"localtime", "-1", "-01:00", -1 * h},
		{"LOCAL", "", "+00:00", 0},
	}
	winter := time.Date(2026, time.January, 15, 12, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		loc, name := period.SiteZone(tt.timezoneString, tt.gmtOffset)
		if name != tt.name {
			t.Errorf("SiteZone(%q, %q) name: got %q, want %q", tt.timezoneString, tt.gmtOffset, name, tt.name)
		}
		if got := loc.String(); got != tt.name {
			t.Errorf("SiteZone(%q, %q) location named %q, want %q", tt.timezoneString, tt.gmtOffset, got, tt.name)
		}
		if _, got := winter.In(loc).Zone(); got != tt.offset {
			t.Errorf("SiteZone(%q, %q) offset: got %d s, want %d s", tt.timezoneString, tt.gmtOffset, got, tt.offset)
		}
	}
}

// TestSiteZoneKeepsDST: a named zone is the real zone, with its rules, not a snapshot of
// today's offset.
func TestSiteZoneKeepsDST(t *testing.T) {
	loc, _ := period.SiteZone("America/New_York", "")
	for _, tt := range []struct {
		at     time.Time
		offset int
	}{
		{time.Date(2026, time.January, 15, 12, 0, 0, 0, time.UTC), -5 * 3600},
		{time.Date(2026, time.July, 15, 12, 0, 0, 0, time.UTC), -4 * 3600},
	} {
		if _, got := tt.at.In(loc).Zone(); got != tt.offset {
			t.Errorf("offset at %v: got %d, want %d", tt.at, got, tt.offset)
		}
	}
}

// FuzzSiteZoneOffset: any gmt_offset gives a zone named ±HH:MM, within ±14:00, whose
// offset is the one its name states; a plain decimal gives the name
// wp_timezone_string() would print for it.
func FuzzSiteZoneOffset(f *testing.F) {
	for _, s := range []string{"", "0", "5.5", "-9.5", "5.75", "-0.5", "14", "-12", "garbage", " 3", "1e1", "0x10", "NaN", "1e400", "5.3333"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, gmtOffset string) {
		loc, name := period.SiteZone("", gmtOffset)
		if len(name) != 6 || (name[0] != '+' && name[0] != '-') || name[3] != ':' {
			t.Fatalf("SiteZone(%q) name %q is not ±HH:MM", gmtOffset, name)
		}
		hh, err1 := strconv.Atoi(name[1:3])
		mm, err2 := strconv.Atoi(name[4:6])
		if err1 != nil || err2 != nil || mm > 59 || hh*60+mm > 14*60 {
			t.Fatalf("SiteZone(%q) name %q is out of range", gmtOffset, name)
		}
		want := (hh*60 + mm) * 60
		if name[0] == '-' {
			want = -want
		}
		if _, got := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).In(loc).Zone(); got != want || loc.String() != name {
			t.Fatalf("SiteZone(%q) = %s with offset %d s, want %d s", gmtOffset, loc, got, want)
		}
		if strings.Trim(gmtOffset, "0123456789.-") != "" || strings.LastIndex(gmtOffset, "-") > 0 {
			return // not a plain decimal: PHP's reading of it is checked by TestSiteZone
		}
		v, err := strconv.ParseFloat(gmtOffset, 64)
		if err != nil || math.Abs(v) > 14 {
			return
		}
		sign := "+"
		if v < 0 {
			sign = "-"
		}
		whole := math.Trunc(v)
		php := fmt.Sprintf("%s%02d:%02d", sign, int(math.Abs(whole)), int(math.Abs((v-whole)*60)))
		if name != php {
			t.Fatalf("SiteZone(%q) = %q, wp_timezone_string() gives %q", gmtOffset, name, php)
		}
	})
}
