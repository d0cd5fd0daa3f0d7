package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/period"
	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/loadkit"
)

const (
	insightsYearPath  = "/wp-json/kchat/v1/insights?period=year"
	insightsMonthPath = "/wp-json/kchat/v1/insights?period=month"
	// conversationGap is the sidecar's default KCHAT_CONVERSATION_GAP: its range read
	// starts this long before the previous window.
	conversationGap = 30 * time.Minute
	// timeIndex is the index on interaction_time the bench creates for one measurement
	// and drops again; the sidecar never needs it.
	timeIndex = "kchat_bench_interaction_time"
)

// insightsSQL is the range read that feeds one Insights answer (the repository's
// EachInsightRow, which writes its bounds in as literals): its lower bound on
// interaction_time and its id bounds are placeholders here.
const insightsSQL = "SELECT CONCAT(`id`, '\t', IFNULL(DATE_FORMAT(`interaction_time`, '%Y-%m-%d %H:%i:%s'), ''), '\t'," +
	" IFNULL(CONCAT(`sentiment_score`), ''), '\t', IFNULL(REPLACE(`user_id`, '\t', ' '), ''), '\t'," +
	" IFNULL(REPLACE(`page_id`, '\t', ' '), ''), '\t', IFNULL(CAST(`user_type` AS CHAR), ''))," +
	" `session_id`, `assistant_id`, `assistant_name`, `message_text` FROM " + logTable +
	" WHERE `interaction_time` >= ? AND `id` > ? AND `id` <= ? ORDER BY `id`"

// insightsRead is insightsSQL as a cold answer sends it: every row from from (site-local
// "YYYY-MM-DD HH:MM:SS") among the ids up to upto. TestSameSQL checks it against what the
// repository sends.
func insightsRead(from string, upto int) string {
	return strings.NewReplacer("`interaction_time` >= ?", "`interaction_time` >= '"+from+"'",
		"`id` > ?", "`id` > 0", "`id` <= ?", "`id` <= "+strconv.Itoa(upto)).Replace(insightsSQL)
}

// insightsFigures are one period's: the range read in the mariadb client, the first
// answer of fresh processes, later answers of the last one, and the processes' peak
// memory.
type insightsFigures struct {
	path             string
	from             string // the range read's lower bound, site-local
	rowsRead         int    // rows at or after from
	client           time.Duration
	cold, warm       []time.Duration
	coldP50, coldP99 time.Duration
	warmP50, warmP99 time.Duration
	peakRSS          int64 // the largest VmHWM of the processes
	coldOverClient   float64
}

// indexFigures are period=month's range read and cold answer with an index on
// interaction_time, beside the same without it.
type indexFigures struct {
	without, with insightsFigures
	build         time.Duration
	clientStart   time.Duration // the mariadb client's SELECT 1: its own start, in every read it times
}

// readFrom is the lower bound of the range read for an answer of p at now: the previous
// window's start, less one conversation gap, on the site's wall clock.
func readFrom(p string, now time.Time) string {
	y, m, _ := now.Date()
	var start time.Time
	switch p {
	case "year":
		start = time.Date(y-1, 1, 1, 0, 0, 0, 0, time.UTC)
	case "month":
		start = time.Date(y, m-1, 1, 0, 0, 0, 0, time.UTC)
	default:
		panic("readFrom: " + p)
	}
	return start.Add(-conversationGap).Format(time.DateTime)
}

// siteNow is the site's wall clock, from the bench database's timezone options.
func (b *bench) siteNow(ctx context.Context) (time.Time, error) {
	opts := map[string]string{}
	rows, err := b.root.QueryContext(ctx, "SELECT option_name, option_value FROM `"+b.o.database+
		"`.wp_options WHERE option_name IN ('timezone_string', 'gmt_offset')")
	if err != nil {
		return time.Time{}, err
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return time.Time{}, err
		}
		opts[k] = v
	}
	if err := rows.Err(); err != nil {
		return time.Time{}, err
	}
	loc, _ := period.SiteZone(opts["timezone_string"], opts["gmt_offset"])
	return time.Now().In(loc), nil
}

// insights measures p's answer: the range read alone in the mariadb client, the first
// answer of coldSamples fresh processes and, on the last, warm repeated answers.
func (b *bench) insights(ctx context.Context, p, path string, cold, warm int) (insightsFigures, error) {
	f := insightsFigures{path: path}
	now, err := b.siteNow(ctx)
	if err != nil {
		return f, err
	}
	f.from = readFrom(p, now)
	if err := b.root.QueryRowContext(ctx, "SELECT COUNT(*) FROM `"+b.o.database+"`."+logTable+
		" WHERE `interaction_time` >= ?", f.from).Scan(&f.rowsRead); err != nil {
		return f, err
	}
	b.step("insights %s: the range read from %s (%d rows) in the mariadb client, %d runs", p, f.from, f.rowsRead, cold)
	client, err := b.timeClient(ctx, cold, insightsRead(f.from, b.seeded))
	if err != nil {
		return f, err
	}
	f.client = client[0]
	b.step("insights %s: %d cold starts, then %d warm requests", p, cold, warm)
	for i := range cold {
		if err := b.insightsProcess(ctx, &f, i == cold-1, warm); err != nil {
			return f, err
		}
	}
	f.coldP50, f.coldP99 = loadkit.Quantile(f.cold, 0.5), loadkit.Quantile(f.cold, 0.99)
	f.warmP50, f.warmP99 = loadkit.Quantile(f.warm, 0.5), loadkit.Quantile(f.warm, 0.99)
	f.coldOverClient = f.coldP50.Seconds() / f.client.Seconds()
	return f, nil
}

// insightsProcess times a fresh sidecar's first answer, checks that it has data, times
// warm more answers and reads the process's peak memory.
func (b *bench) insightsProcess(ctx context.Context, f *insightsFigures, last bool, warm int) error {
	s, err := b.startSidecar(ctx)
	if err != nil {
		return err
	}
	defer s.stop()
	var body bytes.Buffer
	_, d, err := s.get(ctx, f.path, &body)
	if err != nil {
		return err
	}
	if err := hasConversations(body.Bytes()); err != nil {
		return fmt.Errorf("%s: %w", f.path, err)
	}
	f.cold = append(f.cold, d)
	if last {
		for range warm {
			_, d, err := s.get(ctx, f.path, nil)
			if err != nil {
				return err
			}
			f.warm = append(f.warm, d)
		}
	}
	peak, err := s.peakRSS()
	f.peakRSS = max(f.peakRSS, peak)
	return err
}

// hasConversations refuses an answer that counted nothing: timing an empty answer
// would say nothing of the sidecar.
func hasConversations(body []byte) error {
	var a struct {
		Current, Previous struct {
			Conversations *int64 `json:"conversations"`
		}
	}
	if err := json.Unmarshal(body, &a); err != nil {
		return err
	}
	if a.Current.Conversations == nil || a.Previous.Conversations == nil {
		return fmt.Errorf("no current.conversations or previous.conversations in %.200s", body)
	}
	if *a.Current.Conversations+*a.Previous.Conversations == 0 {
		return fmt.Errorf("no conversation in either window: %.200s", body)
	}
	return nil
}

// withIndex measures period=month without and then with an index on interaction_time,
// which it creates and drops: what the README's advice to add one buys.
func (b *bench) withIndex(ctx context.Context) (*indexFigures, error) {
	var f indexFigures
	var err error
	if f.without, err = b.insights(ctx, "month", insightsMonthPath, indexSamples, 0); err != nil {
		return nil, err
	}
	table := "`" + b.o.database + "`." + logTable
	b.step("creating the index %s on interaction_time", timeIndex)
	start := time.Now()
	if _, err := b.root.ExecContext(ctx, "CREATE INDEX "+timeIndex+" ON "+table+" (`interaction_time`)"); err != nil {
		return nil, err
	}
	f.build = time.Since(start)
	defer b.root.ExecContext(context.WithoutCancel(ctx), "DROP INDEX "+timeIndex+" ON "+table)
	if f.with, err = b.insights(ctx, "month", insightsMonthPath, indexSamples, 0); err != nil {
		return nil, err
	}
	start1, err := b.timeClient(ctx, indexSamples, "SELECT 1")
	if err != nil {
		return nil, err
	}
	f.clientStart = start1[0]
	return &f, nil
}

// insightsReport writes the Insights rows: period=year against the mariadb client's
// read of the same rows, the plugin's own times as insights.md section 6 measured them,
// and period=month with and without an index on interaction_time.
func (b *bench) insightsReport(w io.Writer, f insightsFigures, idx *indexFigures) {
	fmt.Fprintf(w, "| insights?period=year cold, %d-row log (p50 / p99 of %d fresh processes) | %s / %s | the range read, %d rows from %s (mariadb --batch --quick > /dev/null, median of %d): %s | p50 %.2f× | ≤ 1.3×: %s |\n",
		b.seeded, len(f.cold), ms(f.coldP50), ms(f.coldP99), f.rowsRead, f.from, len(f.cold), ms(f.client), f.coldOverClient, verdict(insightsColdMet(f.coldOverClient)))
	fmt.Fprintf(w, "| insights?period=year warm (p50 / p99 of %d) | %s / %s | | | p50 < 20 ms: %s |\n",
		len(f.warm), ms(f.warmP50), ms(f.warmP99), verdict(warmMet(f.warmP50)))
	fmt.Fprintf(w, "| peak RSS answering insights?period=year (VmHWM, largest of %d processes) | %s | | | < 64 MiB: %s |\n",
		len(f.cold), loadkit.MiB(f.peakRSS), verdict(insightsMemoryMet(f.peakRSS)))
	fmt.Fprintf(w, "| the plugin's Insights dashboard, Month / Year (PHP, 23 statements; quoted from design/insights.md §6, not measured here) | | 26 s (19–41) / 29 s (23–32), medians of 6 | | |\n")
	fmt.Fprintf(w, "| the plugin's Proof-of-Value email, 30 days (5 statements; quoted, not measured here) | | 34.5 s (33–54), median of 6 | | |\n")
	if idx != nil {
		fmt.Fprintf(w, "| insights?period=month cold, no index → index on interaction_time (p50 of %d; read from %s, %d rows) | %s → %s | the range read %s → %s (the client's own start, SELECT 1: %s); the index built in %.1f s, then dropped | %.2f× → %.2f× | |\n",
			len(idx.with.cold), idx.with.from, idx.with.rowsRead, ms(idx.without.coldP50), ms(idx.with.coldP50),
			ms(idx.without.client), ms(idx.with.client), ms(idx.clientStart), idx.build.Seconds(), idx.without.coldOverClient, idx.with.coldOverClient)
	}
}
