package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/loadkit"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
)

const (
	networkSummaryPath = "/wp-json/kchat/v1/network/interactions/summary"
	// networkDays is how many days each generated site's interactions table holds.
	networkDays = 400
	// networkColdRuns is how many fresh processes time their first answer.
	networkColdRuns = 3
	// networkWindows is how many other windows the warm process answers once each.
	networkWindows = 10
)

// networkFigures are the network summary's at one size of network.
type networkFigures struct {
	sites            int
	build            time.Duration // generating the sites added for this size
	cold             []time.Duration
	coldP50          time.Duration
	window           time.Duration // median first answer of another window, process warm
	warm             []time.Duration
	warmP50, warmP99 time.Duration
	answerBytes      int64
	peakRSS          int64
}

// networkSchema turns the fixture site into the main site of a subdirectory network
// whose super admin is the fixture's administrator.
func networkSchema(db string) []string {
	q := func(t string) string { return "`" + db + "`.`" + t + "`" }
	return []string{
		"CREATE TABLE " + q("wp_blogs") + " (blog_id bigint NOT NULL AUTO_INCREMENT, site_id bigint NOT NULL DEFAULT 0," +
			" domain varchar(200) NOT NULL DEFAULT '', path varchar(100) NOT NULL DEFAULT ''," +
			" public tinyint NOT NULL DEFAULT 1, archived tinyint NOT NULL DEFAULT 0, mature tinyint NOT NULL DEFAULT 0," +
			" spam tinyint NOT NULL DEFAULT 0, deleted tinyint NOT NULL DEFAULT 0, PRIMARY KEY (blog_id))",
		"CREATE TABLE " + q("wp_site") + " (id bigint NOT NULL AUTO_INCREMENT, domain varchar(200) NOT NULL DEFAULT ''," +
			" path varchar(100) NOT NULL DEFAULT '', PRIMARY KEY (id))",
		"CREATE TABLE " + q("wp_sitemeta") + " (meta_id bigint NOT NULL AUTO_INCREMENT, site_id bigint NOT NULL DEFAULT 0," +
			" meta_key varchar(255) DEFAULT NULL, meta_value longtext, PRIMARY KEY (meta_id))",
		"INSERT INTO " + q("wp_site") + " VALUES (1, '127.0.0.1:8088', '/')",
		"INSERT INTO " + q("wp_sitemeta") + " (site_id, meta_key, meta_value) VALUES (1, 'site_admins', " +
			fmt.Sprintf("'a:1:{i:0;s:%d:\"%s\";}'", len(fixture.AdminLogin), fixture.AdminLogin) + "), (1, 'subdomain_install', '0')",
		"INSERT INTO " + q("wp_blogs") + " (blog_id, site_id, domain, path) VALUES (1, 1, '127.0.0.1:8088', '/')",
	}
}

// networkSiteSQL creates site n: its options (a handful, as the sidecar reads them)
// and its interactions table with networkDays days ending today, filled by SEQUENCE.
func networkSiteSQL(db string, n int) []string {
	p := fmt.Sprintf("`%s`.`wp_%d_", db, n)
	zones := []string{"Europe/Berlin", "America/New_York", "Asia/Kolkata", ""}
	return []string{
		"CREATE TABLE " + p + "options` LIKE `" + db + "`.`wp_options`",
		fmt.Sprintf("INSERT INTO %soptions` (option_name, option_value) VALUES ('home', 'http://127.0.0.1:8088/s%d'),"+
			" ('siteurl', 'http://127.0.0.1:8088/s%d'), ('blogname', 'Site %d'), ('timezone_string', '%s'), ('gmt_offset', '%d'),"+
			" ('start_of_week', '%d')", p, n, n, n, zones[n%4], n%12-6, n%7),
		"CREATE TABLE " + p + "chatbot_chatgpt_interactions` LIKE `" + db + "`.`wp_chatbot_chatgpt_interactions`",
		fmt.Sprintf("INSERT INTO %schatbot_chatgpt_interactions` (`date`, `count`) SELECT CURDATE() - INTERVAL seq DAY,"+
			" (seq * 7 + %d) %% 53 FROM `%s`.seq_0_to_%d", p, n, db, networkDays-1),
		fmt.Sprintf("INSERT INTO `%s`.`wp_blogs` (blog_id, site_id, domain, path) VALUES (%d, 1, '127.0.0.1:8088', '/s%d/')", db, n, n),
	}
}

// growNetwork adds sites up to n (the main site is site 1).
func (b *bench) growNetwork(ctx context.Context, have, n int) (time.Duration, error) {
	start := time.Now()
	var stmts []string
	if have == 0 {
		stmts = networkSchema(b.o.database)
		have = 1
	}
	for _, s := range stmts {
		if _, err := b.root.ExecContext(ctx, s); err != nil {
			return 0, fmt.Errorf("%.80s: %w", s, err)
		}
	}
	for site := have + 1; site <= n; site++ {
		for _, s := range networkSiteSQL(b.o.database, site) {
			if _, err := b.root.ExecContext(ctx, s); err != nil {
				return 0, fmt.Errorf("site %d: %.80s: %w", site, s, err)
			}
		}
	}
	return time.Since(start), nil
}

// networkAt measures the summary on a network of n sites: the first answer of fresh
// processes (which read information_schema, every site's options, then the totals),
// other windows' first answers in a warm process, and one window answered again.
func (b *bench) networkAt(ctx context.Context, n int, have int) (networkFigures, error) {
	f := networkFigures{sites: n}
	var err error
	b.step("generating the network: sites %d to %d", max(have, 1)+1, n)
	if f.build, err = b.growNetwork(ctx, have, n); err != nil {
		return f, err
	}
	var last *sidecar
	for i := range networkColdRuns {
		if last != nil {
			last.stop()
		}
		if last, err = b.startSidecar(ctx); err != nil {
			return f, err
		}
		size, took, err := last.get(ctx, networkSummaryPath, nil)
		if err != nil {
			last.stop()
			return f, err
		}
		f.cold, f.answerBytes = append(f.cold, took), size
		b.step("%d sites: cold answer %d: %s, %d bytes", n, i+1, ms(took), size)
	}
	defer last.stop()
	var windows []time.Duration
	for i := range networkWindows {
		path := fmt.Sprintf("%s?start=%s", networkSummaryPath, time.Now().AddDate(0, 0, -40-i).Format(time.DateOnly))
		_, took, err := last.get(ctx, path, nil)
		if err != nil {
			return f, err
		}
		windows = append(windows, took)
	}
	for range b.o.samples {
		_, took, err := last.get(ctx, networkSummaryPath, nil)
		if err != nil {
			return f, err
		}
		f.warm = append(f.warm, took)
	}
	f.coldP50, f.window = median(f.cold), median(windows)
	f.warmP50, f.warmP99 = loadkit.Quantile(f.warm, 0.5), loadkit.Quantile(f.warm, 0.99)
	f.peakRSS, err = last.peakRSS()
	return f, err
}

// network measures the network summary at each size of --network-sites, growing one
// generated network.
func (b *bench) network(ctx context.Context) (string, error) {
	var figures []networkFigures
	have := 0
	for _, n := range b.o.networkSites {
		f, err := b.networkAt(ctx, n, have)
		if err != nil {
			return "", err
		}
		figures = append(figures, f)
		have = n
	}
	var r strings.Builder
	fmt.Fprintf(&r, "Network totals (`GET %s`, the default 30 days), on %s; load average %s.\n\n", networkSummaryPath, machine(), loadAverage())
	r.WriteString("| sites (×400 days) | generated in | cold, first answer of a fresh process (median of 3) | another window, process warm (median of 10) | same window again p50 / p99 | answer | peak RSS |\n")
	r.WriteString("|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, f := range figures {
		fmt.Fprintf(&r, "| %d | %.1f s | %s | %s | %s / %s | %d B | %s |\n", f.sites, f.build.Seconds(), ms(f.coldP50), ms(f.window),
			ms(f.warmP50), ms(f.warmP99), f.answerBytes, loadkit.MiB(f.peakRSS))
	}
	return r.String(), nil
}
