package period

import (
	"math"
	"strconv"
	"time"
)

// maxOffsetHours bounds gmt_offset. WordPress's settings screen offers UTC-12 to UTC+14
// and no place on Earth is further from UTC; a wider value can only come from editing the
// database by hand, and is treated like the garbage PHP reads as 0.
const maxOffsetHours = 14

// SiteZone resolves the site's zone as WordPress's wp_timezone() does and names it as
// wp_timezone_string() does: timezoneString when it is set and Go's tz database knows it,
// else a fixed zone from gmtOffset, named "±HH:MM" ("+05:30", "-00:30" for -0.5).
//
// gmtOffset is read as PHP's (float) cast reads it: its leading number, so "" and
// garbage are 0. The zone's offset is the one its name states, minutes truncated as
// wp_timezone_string() truncates them, because WordPress builds its DateTimeZone, and so
// the plugin's date keys, from that name.
//
// The zone database is read from the system, or from time/tzdata if the program
// imports it; a name it cannot find falls back to gmtOffset.
func SiteZone(timezoneString, gmtOffset string) (loc *time.Location, name string) {
	// Go resolves "Local" and, on many systems, "localtime" to the server's own zone,
	// which is never the site's; PHP knows neither name.
	if timezoneString != "" && !equalFoldASCII(timezoneString, "Local") && !equalFoldASCII(timezoneString, "localtime") {
		if loc, err := time.LoadLocation(timezoneString); err == nil {
			return loc, timezoneString
		}
	}
	offset := phpFloat(gmtOffset)
	if math.IsNaN(offset) || math.Abs(offset) > maxOffsetHours {
		offset = 0
	}
	// wp_timezone_string(): $hours = (int) $offset; $minutes = $offset - $hours;
	// sprintf('%s%02d:%02d', $sign, abs($hours), abs($minutes * 60)), and %d truncates.
	hours := int(offset)
	minutes := int(math.Abs((offset - float64(hours)) * 60))
	if hours < 0 {
		hours = -hours
	}
	sign, seconds := byte('+'), hours*3600+minutes*60
	if offset < 0 { // -0.5 has hours 0: the sign comes from the offset, not the hours
		sign, seconds = '-', -seconds
	}
	b := []byte{sign}
	b = appendPadded(b, hours, 2)
	b = append(b, ':')
	b = appendPadded(b, minutes, 2)
	name = string(b)
	return time.FixedZone(name, seconds), name
}

// phpFloat reads s as PHP 8's (float) cast does: leading whitespace, then the longest
// prefix that is a decimal number (sign, digits, a point, an exponent); 0 when there is
// none. Hexadecimal, "inf" and "nan", which strconv.ParseFloat would take, are not
// numbers to PHP.
func phpFloat(s string) float64 {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\v' || s[i] == '\f') {
		i++
	}
	start := i
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	intDigits := skipDigits(s, &i)
	fracDigits := 0
	if i < len(s) && s[i] == '.' {
		j := i + 1
		if fracDigits = skipDigits(s, &j); intDigits+fracDigits > 0 {
			i = j
		}
	}
	if intDigits+fracDigits == 0 {
		return 0
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if skipDigits(s, &j) > 0 {
			i = j
		}
	}
	// The prefix is well formed, so the only possible error is overflow, which
	// ParseFloat reports with ±Inf, as PHP would read it.
	f, _ := strconv.ParseFloat(s[start:i], 64)
	return f
}

func skipDigits(s string, i *int) int {
	n := 0
	for *i < len(s) && s[*i] >= '0' && s[*i] <= '9' {
		*i++
		n++
	}
	return n
}

// equalFoldASCII compares under ASCII case folding only. strings.EqualFold also folds
// Unicode, so that "wee\u212Aly" (a Kelvin sign) would equal "weekly".
func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
