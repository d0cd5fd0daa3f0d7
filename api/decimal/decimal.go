// Package decimal holds the API's decimal figures: quotients of whole numbers rounded to
// a few places, exactly. A figure is kept as an integer V / 10^Places, so the rounding
// is done on the exact quotient, half away from zero (2/3 → 0.67, 1/8 → 0.13), never on
// a float that is already off by a little (math.Round(2.675*100) gives 267), and
// figures computed from figures (trends) start from what was shown. A zero divisor gives
// none, which JSON writes as null.
package decimal

import (
	"encoding/json"
	"math"
	"math/bits"
	"strconv"
)

// Dec is a decimal figure: V / 10^Places, or none (JSON null) when not Valid.
type Dec struct {
	V      int64
	Places uint8 // at most MaxPlaces
	Valid  bool
}

// MaxPlaces is the most places a Dec may have: 10^18 is the largest power of ten an
// int64 holds.
const MaxPlaces = 18

var pow10 = [MaxPlaces + 1]uint64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// Ratio is num / den rounded half away from zero to places decimals (at most
// MaxPlaces). It is none when den is 0, and when the rounded figure is too large for
// V: |num / den| ≥ 2^63 / 10^places, which no count of rows comes near.
func Ratio(num, den int64, places uint8) Dec {
	return quotient(num, den, pow10[places], places)
}

// Percent is part / whole × 100 rounded half away from zero to one decimal; none when
// whole is 0.
func Percent(part, whole int64) Dec {
	return quotient(part, whole, 1000, 1)
}

// Whole is n as a figure with no places.
func Whole(n int64) Dec { return Dec{V: n, Valid: true} }

// quotient is num × scale / den rounded half away from zero, as V of a Dec of places.
// num × scale can pass 2^63, so it is formed in 128 bits (math/bits) and divided there.
func quotient(num, den int64, scale uint64, places uint8) Dec {
	if den == 0 {
		return Dec{Places: places}
	}
	neg := (num < 0) != (den < 0)
	n, d := abs(num), abs(den)
	hi, lo := bits.Mul64(n, scale)
	if hi >= d {
		return Dec{Places: places} // the quotient needs more than 64 bits
	}
	q, r := bits.Div64(hi, lo, d)
	limit := uint64(math.MaxInt64)
	if neg {
		limit++ // -2^63 fits
	}
	up := r >= d-r // 2r ≥ d: a half or more, away from zero
	if q > limit || up && q == limit {
		return Dec{Places: places}
	}
	if up {
		q++
	}
	v := int64(q) // 2^63 wraps to -2^63, which negating leaves as it should be
	if neg {
		v = -v
	}
	return Dec{V: v, Places: places, Valid: true}
}

// abs is |x| as a uint64, which holds |-2^63| too.
func abs(x int64) uint64 {
	if x < 0 {
		return uint64(-(x + 1)) + 1
	}
	return uint64(x)
}

// Scaled is V at places (at least d.Places, at most MaxPlaces), so that two figures can
// be compared or subtracted in the same unit.
func (d Dec) Scaled(places uint8) int64 {
	return d.V * int64(pow10[places-d.Places])
}

// Float is the figure as the float64 nearest to it (NaN when none).
func (d Dec) Float() float64 {
	if !d.Valid {
		return math.NaN()
	}
	if d.V > -1<<53 && d.V < 1<<53 {
		// Both operands are exact and division rounds once: the nearest float.
		return float64(d.V) / float64(pow10[d.Places])
	}
	// float64(V) would round before the division does; strconv rounds only once.
	f, _ := strconv.ParseFloat(strconv.FormatInt(d.V, 10)+"e-"+strconv.Itoa(int(d.Places)), 64)
	return f
}

// MarshalJSON writes a figure with no places as an integer, any other as encoding/json
// writes its float (the shortest form that reads back as it: 0.35, not
// 0.35000000000000003), and none as null.
func (d Dec) MarshalJSON() ([]byte, error) {
	if !d.Valid {
		return []byte("null"), nil
	}
	if d.Places == 0 {
		return strconv.AppendInt(nil, d.V, 10), nil
	}
	return json.Marshal(d.Float())
}
