package main

import "time"

// The goals the report judges the figures by. A goal that names several figures is met
// only when every one of them meets it.
const (
	exportGoal    = 0.67     // the sidecar's export rows/s over the mariadb client's, at least
	memoryGoal    = 64 << 20 // peak RSS during an export, or answering Insights, below
	flatGoal      = 1.25     // the large log's peak over the small log's, at most
	coldGoal      = 1.3      // a cold summary, or Insights answer, over each SQL reference, at most
	warmGoal      = 20 * time.Millisecond
	httpRatioGoal = 0.5 // interactions/summary's requests/s over a minimal handler's, at least
	httpP99Goal   = 10 * time.Millisecond
)

// exportMet: the export keeps up with the database's own client.
func exportMet(ratio float64) bool { return ratio >= exportGoal }

// memoryMet: the export's memory is small and does not grow with the log.
func memoryMet(smallPeak, largePeak int64) bool {
	return largePeak < memoryGoal && float64(largePeak) <= flatGoal*float64(smallPeak)
}

// coldMet: a cold summary's p50 costs little more than the cache's own scan in the
// mariadb client and than a per-day GROUP BY; both, since beating the slow GROUP BY
// says nothing of the scan's overhead.
func coldMet(overScan, overDay float64) bool {
	return overScan <= coldGoal && overDay <= coldGoal
}

// insightsColdMet: a fresh process's first Insights answer costs little more than the
// mariadb client's read of the same rows.
func insightsColdMet(overRead float64) bool { return overRead <= coldGoal }

// insightsMemoryMet: answering Insights over the whole log keeps the process small.
func insightsMemoryMet(peak int64) bool { return peak > 0 && peak < memoryGoal }

// warmMet: a warm summary answers at once.
func warmMet(p50 time.Duration) bool { return p50 < warmGoal }

// httpMet: the HTTP stack keeps up with a minimal handler, with a short tail.
func httpMet(ratio float64, p99 time.Duration) bool {
	return ratio >= httpRatioGoal && p99 > 0 && p99 < httpP99Goal
}
