package main

import (
	"math"
	"testing"
	"time"
)

// A goal that names several figures is met only when each of them meets it: one good
// figure must not hide a bad one.
func TestGoals(t *testing.T) {
	const MiB = 1 << 20
	ms := time.Millisecond
	for _, c := range []struct {
		name string
		got  bool
		want bool
	}{
		{"export 1.00×", exportMet(1.00), true},
		{"export 0.67×", exportMet(0.67), true},
		{"export 0.66×", exportMet(0.66), false},
		{"export NaN", exportMet(math.NaN()), false},

		{"memory 18 → 20 MiB", memoryMet(18*MiB, 20*MiB), true},
		{"memory small but growing", memoryMet(10*MiB, 20*MiB), false},
		{"memory flat but large", memoryMet(70*MiB, 70*MiB), false},

		{"cold 0.94× scan, 0.42× per-day", coldMet(0.94, 0.42), true},
		{"cold 1.30× both", coldMet(1.3, 1.3), true},
		{"cold slower than the scan, faster than per-day", coldMet(1.8, 0.6), false},
		{"cold faster than the scan, slower than per-day", coldMet(0.9, 1.4), false},
		{"cold slower than both", coldMet(2, 2), false},
		{"cold NaN scan", coldMet(math.NaN(), 0.5), false},

		{"insights cold 1.12× the read", insightsColdMet(1.12), true},
		{"insights cold 1.30× the read", insightsColdMet(1.3), true},
		{"insights cold 1.31× the read", insightsColdMet(1.31), false},
		{"insights cold NaN", insightsColdMet(math.NaN()), false},
		{"insights memory 30 MiB", insightsMemoryMet(30 * MiB), true},
		{"insights memory 64 MiB", insightsMemoryMet(64 * MiB), false},
		{"insights memory unread", insightsMemoryMet(0), false},

		{"warm 0.9 ms", warmMet(900 * time.Microsecond), true},
		{"warm 20 ms", warmMet(20 * ms), false},

		{"http 0.55×, p99 9 ms", httpMet(0.55, 9*ms), true},
		{"http 0.55×, p99 23.6 ms", httpMet(0.55, 23600*time.Microsecond), false},
		{"http 0.40×, p99 5 ms", httpMet(0.40, 5*ms), false},
		{"http p99 unparsed", httpMet(0.9, 0), false},
	} {
		if c.got != c.want {
			t.Errorf("%s: met = %v, want %v", c.name, c.got, c.want)
		}
	}
}
