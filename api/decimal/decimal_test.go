package decimal_test

import (
	"encoding/json"
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/api/decimal"
)

func TestRatio(t *testing.T) {
	tests := []struct {
		num, den int64
		places   uint8
		want     string // V / 10^places in decimal, trailing zeros dropped; "null" for none
	}{
		{2, 3, 2, "0.67"},
		{1, 3, 2, "0.33"},
		{1, 8, 2, "0.13"}, // 0.125: half away from zero
		{-1, 8, 2, "-0.13"},
		{1, -8, 2, "-0.13"},
		{-1, -8, 2, "0.13"},
		{1, 200, 2, "0.01"}, // 0.005
		{1, 201, 2, "0"},
		{-1, 201, 2, "0"}, // not -0
		{0, 7, 2, "0"},
		{12, 12, 2, "1"},
		{25, 2, 2, "12.5"},
		{5, 0, 2, "null"},
		{0, 0, 2, "null"},
		{7, 2, 0, "4"},          // 3.5
		{2675, 1000, 2, "2.68"}, // 2.675: math.Round(2.675*100)/100 gives 2.67
		{-2675, 1000, 2, "-2.68"},
		{1005, 1000, 2, "1.01"}, // 1.005, likewise below its float
		{1, 3, 3, "0.333"},
		{1, 3, 4, "0.3333"},
		{1, 3, 18, "0.333333333333333333"},
		// The whole-number rounding the insights figures started from (a/b at 0 places).
		{5, 2, 0, "3"},
		{-5, 2, 0, "-3"},
		{4, 3, 0, "1"},
		{-4, 3, 0, "-1"},
		{1, 4, 0, "0"},
		{3, -2, 0, "-2"},
		{0, 7, 0, "0"},
		// num × 10^places past int64: no overflow.
		{math.MaxInt64 - 1, math.MaxInt64, 2, "1"},
		{math.MaxInt64, math.MaxInt64, 2, "1"},
		{math.MinInt64, math.MaxInt64, 1, "-1"},
		{math.MinInt64, math.MinInt64, 3, "1"},
		{math.MaxInt64, math.MinInt64, 3, "-1"},
		{math.MaxInt64 / 3, math.MaxInt64 / 2, 4, "0.6667"},
		{math.MaxInt64, 1 << 62, 2, "2"},
		{math.MinInt64, 1 << 62, 2, "-2"},
		{1 << 60, 3, 1, "384307168202282325.3"},
		{math.MaxInt64, 10, 1, "922337203685477580.7"},
		{math.MinInt64, 10, 1, "-922337203685477580.8"},
		{math.MaxInt64, 1, 0, "9223372036854775807"},
		{math.MinInt64, 1, 0, "-9223372036854775808"},
		{math.MinInt64, -1, 0, "null"}, // 2^63: no int64 holds the figure
		{math.MaxInt64, 1, 1, "null"},
		{math.MaxInt64, 2, 1, "null"},
		{math.MaxInt64, 11, 1, "838488366986797800.6"},
	}
	for _, tt := range tests {
		if got := exact(decimal.Ratio(tt.num, tt.den, tt.places)); got != tt.want {
			t.Errorf("Ratio(%d, %d, %d) = %s, want %s", tt.num, tt.den, tt.places, got, tt.want)
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		part, whole int64
		want        string
	}{
		{1, 3, "33.3"},
		{2, 3, "66.7"},
		{1, 6, "16.7"},
		{1, 16, "6.3"},   // 6.25
		{-1, 16, "-6.3"}, // half away from zero, also below it
		{-10, 30, "-33.3"},
		{10, 30, "33.3"},
		{30, 10, "300"},
		{0, 10, "0"},
		{1, 0, "null"},
		{3, 3, "100"},
		{1, 2000, "0.1"}, // 0.05
		{1, 2001, "0"},
		{math.MaxInt64, math.MaxInt64, "100"}, // no overflow in part × 100
		{math.MinInt64, math.MaxInt64, "-100"},
		{math.MaxInt64 / 1000, 7, "131762457669353928.6"},
		{math.MaxInt64, 1, "null"}, // beyond any Dec
	}
	for _, tt := range tests {
		if got := exact(decimal.Percent(tt.part, tt.whole)); got != tt.want {
			t.Errorf("Percent(%d, %d) = %s, want %s", tt.part, tt.whole, got, tt.want)
		}
	}
}

func TestWhole(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 7: "7", -7: "-7", math.MaxInt64: "9223372036854775807", math.MinInt64: "-9223372036854775808"} {
		if got := show(t, decimal.Whole(n)); got != want {
			t.Errorf("Whole(%d) = %s, want %s", n, got, want)
		}
	}
}

func TestFloat(t *testing.T) {
	tests := []struct {
		d    decimal.Dec
		want float64
	}{
		{decimal.Dec{V: 35, Places: 2, Valid: true}, 0.35},
		{decimal.Dec{V: -2675, Places: 3, Valid: true}, -2.675},
		{decimal.Dec{V: 7, Valid: true}, 7},
		{decimal.Dec{V: 1, Places: 18, Valid: true}, 1e-18},
		// Past 2^53 float64(V) is already rounded; the figure must still be the float
		// nearest to the decimal, as strconv reads it.
		{decimal.Dec{V: 9007199254740993, Places: 1, Valid: true}, 900719925474099.3},
		{decimal.Dec{V: math.MaxInt64, Places: 1, Valid: true}, 922337203685477580.7},
		{decimal.Dec{V: 1836826651670304819, Places: 1, Valid: true}, 183682665167030481.9}, // found by search: float64(V)/10 is one off
		{decimal.Dec{V: math.MinInt64, Places: 4, Valid: true}, -922337203685477.5808},
	}
	for _, tt := range tests {
		if got := tt.d.Float(); got != tt.want {
			t.Errorf("%+v.Float() = %v, want %v", tt.d, got, tt.want)
		}
	}
	if got := (decimal.Dec{Places: 1}).Float(); !math.IsNaN(got) {
		t.Errorf("none: %v, want NaN", got)
	}
}

func TestScaled(t *testing.T) {
	tests := []struct {
		d      decimal.Dec
		places uint8
		want   int64
	}{
		{decimal.Dec{V: 35, Places: 2, Valid: true}, 2, 35},
		{decimal.Dec{V: 35, Places: 2, Valid: true}, 3, 350},
		{decimal.Dec{V: -7, Valid: true}, 4, -70000},
		{decimal.Dec{V: 1, Valid: true}, 18, 1e18},
	}
	for _, tt := range tests {
		if got := tt.d.Scaled(tt.places); got != tt.want {
			t.Errorf("%+v.Scaled(%d) = %d, want %d", tt.d, tt.places, got, tt.want)
		}
	}
}

// TestRatioAgainstBig compares Ratio with exact rational arithmetic on random values of
// every size, the largest ones the 64-bit path cannot hold.
func TestRatioAgainstBig(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	sized := func() int64 {
		v := int64(rng.Uint64() >> rng.IntN(64))
		if rng.IntN(2) == 0 {
			v = -v
		}
		return v
	}
	for range 20000 {
		num, den, places := sized(), sized(), uint8(rng.IntN(19))
		got, want := decimal.Ratio(num, den, places), plainRatio(num, den, places)
		if got.Valid != (want != "null") || got.Valid && (got.Places != places || strconv.FormatInt(got.V, 10) != want) {
			t.Fatalf("Ratio(%d, %d, %d) = %+v, want V %s", num, den, places, got, want)
		}
	}
}

// plainRatio is num/den × 10^places rounded half away from zero, by big.Rat, as the
// decimal string of V; "null" when den is 0 or V leaves int64.
func plainRatio(num, den int64, places uint8) string {
	if den == 0 {
		return "null"
	}
	x := new(big.Rat).SetFrac(big.NewInt(num), big.NewInt(den))
	x.Mul(x, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)))
	neg := x.Sign() < 0
	x.Abs(x)
	x.Add(x, big.NewRat(1, 2))
	v := new(big.Int).Quo(x.Num(), x.Denom()) // floor of |x| + 1/2
	if neg {
		v.Neg(v)
	}
	if !v.IsInt64() {
		return "null"
	}
	return v.String()
}

// TestMarshalJSON: a figure is written as encoding/json writes its float, the shortest
// form that reads back as it (0.35, not 0.35000000000000003), whole ones as integers, none
// as null.
func TestMarshalJSON(t *testing.T) {
	tests := []struct {
		d    decimal.Dec
		want string
	}{
		{decimal.Dec{V: 35, Places: 2, Valid: true}, "0.35"},
		{decimal.Dec{V: 120, Places: 2, Valid: true}, "1.2"},
		{decimal.Dec{V: 100, Places: 2, Valid: true}, "1"},
		{decimal.Dec{V: -63, Places: 1, Valid: true}, "-6.3"},
		{decimal.Dec{V: 0, Places: 3, Valid: true}, "0"},
		{decimal.Dec{V: math.MaxInt64, Valid: true}, "9223372036854775807"},
		{decimal.Dec{V: math.MaxInt64, Places: 1, Valid: true}, "922337203685477600"},
		{decimal.Dec{V: 1, Places: 7, Valid: true}, "1e-7"},
		{decimal.Dec{Places: 2}, "null"},
		{decimal.Dec{V: 5, Places: 2}, "null"},
	}
	for _, tt := range tests {
		if got := show(t, tt.d); got != tt.want {
			t.Errorf("%+v: %s, want %s", tt.d, got, tt.want)
		}
	}
	// Up to four places and fifteen digits, that shortest form is the decimal itself.
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		d := decimal.Dec{V: rng.Int64N(2e15) - 1e15, Places: uint8(rng.IntN(5)), Valid: true}
		if got, want := show(t, d), exact(d); got != want {
			t.Fatalf("%+v: %s, want %s", d, got, want)
		}
	}
}

// exact writes V / 10^Places in decimal by string surgery, trailing zeros dropped.
func exact(d decimal.Dec) string {
	if !d.Valid {
		return "null"
	}
	s := strconv.FormatInt(d.V, 10)
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	p := int(d.Places)
	for len(s) <= p {
		s = "0" + s
	}
	s = s[:len(s)-p] + "." + s[len(s)-p:]
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "0" {
		sign = ""
	}
	return sign + s
}

// show prints a Dec as encoding/json writes it inside a response, the form clients see.
func show(t *testing.T, d decimal.Dec) string {
	t.Helper()
	b, err := json.Marshal(struct{ X decimal.Dec }{d})
	if err != nil {
		t.Fatalf("marshal %+v: %v", d, err)
	}
	return string(b[len(`{"X":`) : len(b)-1])
}
