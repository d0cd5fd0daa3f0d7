package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/loadkit"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
)

// The network memory run: every site of a generated network read over HTTP, round-robin,
// by a super admin, as a network's dashboards would be.
const (
	// memoryDays is how many days each generated site's interactions table holds: fewer
	// than --network's 400, so that 10,000 sites generate in minutes.
	memoryDays = 30
	// memoryLogRows is how many of the main log's latest rows each small site's log holds.
	memoryLogRows = 60
	// memoryWorkers are the clients sending requests at once.
	memoryWorkers = 4
	// memoryWarmSites are the sites read again, warm: well within KCHAT_NETWORK_SITES.
	memoryWarmSites = 100
	// memoryBigRounds is how many times the big sites are read round-robin.
	memoryBigRounds = 3
)

// memoryRoutes are what a site's dashboard reads: Insights over a year, the heaviest.
var memoryRoutes = []string{
	"/wp-json/kchat/v1/interactions/summary",
	"/wp-json/kchat/v1/insights?period=year",
	"/wp-json/kchat/v1/conversations/summary",
}

// memorySiteSQL creates site n for the memory run: its options, memoryDays of
// interactions, and a log: the main log's latest memoryLogRows rows, or all of it for a
// big site.
func memorySiteSQL(db string, n int, big bool) string {
	p := fmt.Sprintf("`%s`.`wp_%d_", db, n)
	main := "`" + db + "`.`" + loadkit.LogTable + "`"
	rows := fmt.Sprintf("SELECT * FROM %s WHERE id > (SELECT MAX(id) FROM %s) - %d", main, main, memoryLogRows)
	if big {
		rows = "SELECT * FROM " + main
	}
	return strings.Join([]string{
		"CREATE TABLE " + p + "options` LIKE `" + db + "`.`wp_options`",
		fmt.Sprintf("INSERT INTO %soptions` (option_name, option_value) VALUES ('home', 'http://127.0.0.1:8088/s%d'),"+
			" ('siteurl', 'http://127.0.0.1:8088/s%d'), ('blogname', 'Site %d'), ('timezone_string', 'Europe/Berlin'), ('start_of_week', '1')", p, n, n, n),
		"CREATE TABLE " + p + "chatbot_chatgpt_interactions` LIKE `" + db + "`.`wp_chatbot_chatgpt_interactions`",
		fmt.Sprintf("INSERT INTO %schatbot_chatgpt_interactions` (`date`, `count`) SELECT CURDATE() - INTERVAL seq DAY,"+
			" (seq * 7 + %d) %% 53 FROM `%s`.seq_0_to_%d", p, n, db, memoryDays-1),
		"CREATE TABLE " + p + "chatbot_chatgpt_conversation_log` LIKE " + main,
		"INSERT INTO " + p + "chatbot_chatgpt_conversation_log` " + rows,
		fmt.Sprintf("INSERT INTO `%s`.`wp_blogs` (blog_id, site_id, domain, path) VALUES (%d, 1, '127.0.0.1:8088', '/s%d/')", db, n, n),
	}, ";\n")
}

// growMemoryNetwork adds sites up to n, sites 2 to bigSites+1 with the whole main log,
// memoryWorkers at a time, each site's statements in one round trip.
func (b *bench) growMemoryNetwork(ctx context.Context, have, n, bigSites int) (time.Duration, error) {
	start := time.Now()
	mc := b.client.Clone()
	mc.MultiStatements = true
	db, err := sql.Open("mysql", mc.FormatDSN())
	if err != nil {
		return 0, err
	}
	defer db.Close()
	if have == 0 {
		for _, s := range networkSchema(b.o.database) {
			if _, err := db.ExecContext(ctx, s); err != nil {
				return 0, fmt.Errorf("%.80s: %w", s, err)
			}
		}
		have = 1
	}
	sites := make(chan int)
	errs := make(chan error, memoryWorkers)
	var wg sync.WaitGroup
	for range memoryWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for site := range sites {
				if _, err := db.ExecContext(ctx, memorySiteSQL(b.o.database, site, site <= bigSites+1)); err != nil {
					errs <- fmt.Errorf("site %d: %w", site, err)
					return
				}
			}
		}()
	}
	var failed error
feed:
	for site := have + 1; site <= n; site++ {
		select {
		case sites <- site:
		case failed = <-errs:
			break feed
		}
	}
	close(sites)
	wg.Wait()
	if failed == nil && len(errs) > 0 {
		failed = <-errs
	}
	return time.Since(start), failed
}

// startNetworkSidecar starts the sidecar in network mode on a free address, which
// becomes the network's domain first: a site is chosen by the request's host and path.
func (b *bench) startNetworkSidecar(ctx context.Context, extra ...string) (*sidecar, error) {
	addr, err := loadkit.FreeAddr()
	if err != nil {
		return nil, err
	}
	for _, table := range []string{"wp_site", "wp_blogs"} {
		if _, err := b.root.ExecContext(ctx, "UPDATE `"+b.o.database+"`.`"+table+"` SET domain = ?", addr); err != nil {
			return nil, err
		}
	}
	return b.startSidecarAt(ctx, addr, append([]string{"KCHAT_NETWORK=true"}, extra...)...)
}

// siteReader sends a super admin's requests to the sites of a network, each with the
// token that site would issue.
type siteReader struct {
	base   string
	client *http.Client
	tokens map[int]string
}

func (b *bench) newSiteReader(ctx context.Context, s *sidecar, n int) (*siteReader, error) {
	var admin uint64
	if err := b.root.QueryRowContext(ctx, "SELECT ID FROM `"+b.o.database+"`.wp_users WHERE user_login = ?", fixture.AdminLogin).Scan(&admin); err != nil {
		return nil, err
	}
	r := &siteReader{base: s.Base, tokens: map[int]string{},
		client: &http.Client{Timeout: 120 * time.Second, Transport: &http.Transport{Proxy: nil, MaxIdleConnsPerHost: memoryWorkers}}}
	for site := 2; site <= n; site++ {
		tok, err := auth.IssueToken([]byte(fixture.Secret), auth.TokenParams{Issuer: fmt.Sprintf("http://127.0.0.1:8088/s%d", site),
			UserID: admin, IssuedAt: time.Now(), TTL: 2 * time.Hour})
		if err != nil {
			return nil, err
		}
		r.tokens[site] = tok
	}
	return r, nil
}

// get reads route of site, timed.
func (r *siteReader) get(ctx context.Context, site int, route string) (time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/s%d%s", r.base, site, route), nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", "Bearer "+r.tokens[site])
	start := time.Now()
	resp, err := r.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	took := time.Since(start)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("GET /s%d%s: status %d", site, route, resp.StatusCode)
	}
	return took, err
}

// readAll reads routes of every site in sites, in turn, memoryWorkers at a time, and
// returns every request's time.
func (r *siteReader) readAll(ctx context.Context, sites []int, routes []string) ([]time.Duration, error) {
	type job struct {
		site  int
		route string
	}
	jobs := make(chan job)
	var mu sync.Mutex
	var took []time.Duration
	var failed error
	var wg sync.WaitGroup
	for range memoryWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				d, err := r.get(ctx, j.site, j.route)
				mu.Lock()
				took = append(took, d)
				if err != nil && failed == nil {
					failed = err
				}
				mu.Unlock()
			}
		}()
	}
	for _, site := range sites {
		for _, route := range routes {
			jobs <- job{site, route}
		}
	}
	close(jobs)
	wg.Wait()
	return took, failed
}

// sitesFrom lists the blog ids first to last.
func sitesFrom(first, last int) []int {
	var ids []int
	for id := first; id <= last; id++ {
		ids = append(ids, id)
	}
	return ids
}

// memoryFigures are one run's: a fresh sidecar reading every site of a network.
type memoryFigures struct {
	label           string
	sites           int
	build           time.Duration
	cold, warm      []time.Duration
	pass            time.Duration // the cold pass, wall time
	peakRSS         int64
	liveHeap        float64
	cached, bytes   float64
	byCount, bySize float64
}

// readMetrics fills f's figures from the sidecar's /metrics and /proc.
func (f *memoryFigures) readMetrics(s *sidecar) error {
	m, err := s.Metrics()
	if err != nil {
		return err
	}
	f.liveHeap, f.cached, f.bytes = m["go_gc_heap_live_bytes"], m["kchat_network_sites_cached"], m["kchat_network_cache_bytes"]
	f.byCount, f.bySize = m[`kchat_network_site_evictions_total{reason="count"}`], m[`kchat_network_site_evictions_total{reason="bytes"}`]
	f.peakRSS, err = s.peakRSS()
	return err
}

// memoryAt reads every site of a network of n sites round-robin on a fresh sidecar
// (cold: no site is cached), then memoryWarmSites of them again (warm).
func (b *bench) memoryAt(ctx context.Context, n int) (memoryFigures, error) {
	f := memoryFigures{label: fmt.Sprintf("%d sites", n), sites: n}
	s, err := b.startNetworkSidecar(ctx)
	if err != nil {
		return f, err
	}
	defer s.stop()
	r, err := b.newSiteReader(ctx, s, n)
	if err != nil {
		return f, err
	}
	b.step("%d sites: reading every site's %d routes, round-robin, %d clients", n, len(memoryRoutes), memoryWorkers)
	start := time.Now()
	if f.cold, err = r.readAll(ctx, sitesFrom(2, n), memoryRoutes); err != nil {
		return f, err
	}
	f.pass = time.Since(start)
	warm := sitesFrom(max(2, n-memoryWarmSites+1), n)
	for range 3 {
		took, err := r.readAll(ctx, warm, memoryRoutes)
		if err != nil {
			return f, err
		}
		f.warm = append(f.warm, took...)
	}
	return f, f.readMetrics(s)
}

// memoryBig reads the big sites round-robin, memoryBigRounds times, on a fresh sidecar:
// what the budget holds when the logs are large.
func (b *bench) memoryBig(ctx context.Context, n, bigSites int, extra ...string) (memoryFigures, error) {
	f := memoryFigures{label: fmt.Sprintf("%d big sites", bigSites), sites: bigSites}
	if len(extra) > 0 {
		f.label += ", " + strings.Join(extra, " ")
	}
	s, err := b.startNetworkSidecar(ctx, extra...)
	if err != nil {
		return f, err
	}
	defer s.stop()
	r, err := b.newSiteReader(ctx, s, n)
	if err != nil {
		return f, err
	}
	b.step("%s: %d rows each, read round-robin %d times", f.label, b.seeded, memoryBigRounds)
	big := sitesFrom(2, bigSites+1)
	start := time.Now()
	if f.cold, err = r.readAll(ctx, big, memoryRoutes); err != nil {
		return f, err
	}
	f.pass = time.Since(start)
	for range memoryBigRounds - 1 {
		took, err := r.readAll(ctx, big, memoryRoutes)
		if err != nil {
			return f, err
		}
		f.warm = append(f.warm, took...)
	}
	return f, f.readMetrics(s)
}

// networkMemory is --network-memory: the main log seeded, the big sites, then the
// network grown to each size of --network-sites, every site read; then the big sites.
func (b *bench) networkMemory(ctx context.Context) (string, error) {
	if err := b.seed(ctx, b.o.rows); err != nil {
		return "", err
	}
	var figures []memoryFigures
	have := 0
	for _, n := range b.o.networkSites {
		b.step("generating the network: sites %d to %d", max(have, 1)+1, n)
		build, err := b.growMemoryNetwork(ctx, have, n, b.o.bigSites)
		if err != nil {
			return "", err
		}
		b.step("generated in %.1f s", build.Seconds())
		f, err := b.memoryAt(ctx, n)
		if err != nil {
			return "", err
		}
		f.build = build
		figures = append(figures, f)
		have = n
	}
	for _, extra := range [][]string{nil, {"KCHAT_NETWORK_CACHE_MB=256", "KCHAT_MEMORY_LIMIT=512"}} {
		f, err := b.memoryBig(ctx, have, b.o.bigSites, extra...)
		if err != nil {
			return "", err
		}
		figures = append(figures, f)
	}
	return b.memoryReport(figures), nil
}

func (b *bench) memoryReport(figures []memoryFigures) string {
	var r strings.Builder
	fmt.Fprintf(&r, "Network memory (every site's %s read round-robin by %d clients, a fresh process each row; small sites %d days and %d log rows, big sites %d log rows), on %s; load average %s.\n\n",
		strings.Join(memoryRoutes, ", "), memoryWorkers, memoryDays, memoryLogRows, b.seeded, machine(), loadAverage())
	r.WriteString("| run | generated in | cold pass | cold p50 / p99 | warm p50 / p99 | sites cached | evicted (count / bytes) | cache bytes | live heap | peak RSS |\n")
	r.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, f := range figures {
		build := ""
		if f.build > 0 {
			build = fmt.Sprintf("%.0f s", f.build.Seconds())
		}
		fmt.Fprintf(&r, "| %s | %s | %.1f s | %s / %s | %s / %s | %.0f | %.0f / %.0f | %s | %s | %s |\n", f.label, build, f.pass.Seconds(),
			ms(loadkit.Quantile(f.cold, 0.5)), ms(loadkit.Quantile(f.cold, 0.99)), ms(loadkit.Quantile(f.warm, 0.5)), ms(loadkit.Quantile(f.warm, 0.99)),
			f.cached, f.byCount, f.bySize, loadkit.MiB(int64(f.bytes)), loadkit.MiB(int64(f.liveHeap)), loadkit.MiB(f.peakRSS))
	}
	return r.String()
}
