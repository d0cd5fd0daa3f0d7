package decimal_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/api/decimal"
)

func TestQuotient(t *testing.T) {
	tests := []struct {
		num, den int64
		places   int
		want     string // "null" for nil
	}{
		{2, 3, 2, "0.67"},
		{1, 3, 2, "0.33"},
		{1, 8, 2, "0.13"}, // 0.125: half away from zero
		{-1, 8, 2, "-0.13"},
		{1, -8, 2, "-0.13"},
		{-1, -8, 2, "0.13"},
		{1, 200, 2, "0.01"}, // 0.005
		{1, 201, 2, "0"},
		{0, 7, 2, "0"},
		{12, 12, 2, "1"},
		{25, 2, 2, "12.5"},
		{5, 0, 2, "null"},
		{0, 0, 2, "null"},
		{7, 2, 0, "4"},                             // 3.5
		{math.MaxInt64 - 1, math.MaxInt64, 2, "1"}, // no overflow in num × 100
		{math.MaxInt64, math.MaxInt64, 2, "1"},
		{math.MinInt64, math.MaxInt64, 1, "-1"},
	}
	for _, tt := range tests {
		if got := show(decimal.Quotient(tt.num, tt.den, tt.places)); got != tt.want {
			t.Errorf("Quotient(%d, %d, %d) = %s, want %s", tt.num, tt.den, tt.places, got, tt.want)
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
	}
	for _, tt := range tests {
		if got := show(decimal.Percent(tt.part, tt.whole)); got != tt.want {
			t.Errorf("Percent(%d, %d) = %s, want %s", tt.part, tt.whole, got, tt.want)
		}
	}
}

// show prints a result as encoding/json would, the form clients see.
func show(f *float64) string {
	if f == nil {
		return "null"
	}
	b, err := json.Marshal(*f)
	if err != nil {
		return "error: " + err.Error()
	}
	return string(b)
}
