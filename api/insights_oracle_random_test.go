package api_test

// The Insights oracle on a generated log: hundreds of sessions with pauses around the gap,
// starts around every kind of boundary, logins, odd page ids, renamed assistants,
// fallbacks in several spellings, token rows in several forms, same-second rows and
// shuffled ids, compared with the plain implementation for every period and type.

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

type oGen struct {
	r *rand.Rand
}

func (g oGen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

func (g oGen) optional(xs []string) *string {
	s := g.pick(xs)
	if s == "NULL" {
		return nil
	}
	return &s
}

var (
	oGenUsers      = []string{"0", "0", "0", "0", "NULL", "", "3", "7", "11", "-1", "abc"}
	oGenPages      = []string{"0", "2", "2", "5", "9", "10", "99", "abc", "", "NULL", "5"}
	oGenAssistants = []string{"", "NULL", "asst_A", "asst_A", "asst_B", "asst_C"}
	oGenNames      = map[string][]string{
		"": {"", "Ghost"}, "NULL": {"NULL"},
		"asst_A": {"Helper", "Helper v2", ""}, "asst_B": {"Sales", "NULL"}, "asst_C": {"", "Concierge"},
	}
	oGenQuestions = []string{
		"Where is my order?", "where is my order?", "  WHERE IS   MY ORDER? ", "where is\tmy\norder?",
		"Do you ship to Canada?", "do you ship to canada?", "Can I return a mug?", "über uns?", "ÜBER UNS?",
		"=1+1", "price, please", "", "order 1234", "hello",
	}
	oGenReplies = []string{
		"Yes.", "It ships Monday.", "Here is the link.", "Thanks!", "Of course: we ship daily.",
		"Could you rephrase that?", "COULD YOU REPHRASE", "I’m not following.", "Sorry, I'm NOT FOLLOWING you.",
		"I’M NOT FOLLOWING", "could you rephrase, please?",
	}
	oGenTokens = []string{"12", " 42 ", "7", "100", "total_tokens: 42", "", "0", "3 4"}
	oGenScores = []string{"NULL", "0", "0", "0.5", "-0.25", "0.75", "-0.5", "0.125", "1", "-1", "0.3", "-0.7", "0.1", "0.9", "-0.3", "0.6"}
	// pauses between exchanges: around the 30-minute gap, and far from it
	oGenPauses = []time.Duration{
		3 * time.Second, 40 * time.Second, 5 * time.Minute, 29*time.Minute + 59*time.Second,
		30 * time.Minute, 30*time.Minute + time.Second, 45 * time.Minute, 3 * time.Hour, 26 * time.Hour,
	}
)

// oGenStart picks a session's first time: often a minute or two around a boundary
// (midnight, Saturday, the 1st of a month, a quarter), otherwise anywhere.
func (g oGen) start(from, to time.Time) time.Time {
	days := int(to.Sub(from).Hours() / 24)
	day := from.AddDate(0, 0, g.r.IntN(days))
	switch g.r.IntN(6) {
	case 0: // around midnight
		return day.Add(time.Duration(g.r.IntN(240)-120) * time.Second)
	case 1: // around a Saturday's start
		for day.Weekday() != time.Saturday {
			day = day.AddDate(0, 0, 1)
		}
		return day.Add(time.Duration(g.r.IntN(240)-120) * time.Second)
	case 2: // around a month's or a quarter's start
		m := oWall(day.Year(), day.Month(), 1, 0, 0, 0)
		if g.r.IntN(2) == 0 {
			m = oWall(day.Year(), time.Month((int(day.Month())-1)/3*3+1), 1, 0, 0, 0)
		}
		return m.Add(time.Duration(g.r.IntN(3600)-1800) * time.Second)
	}
	return day.Add(time.Duration(g.r.IntN(86400)) * time.Second)
}

func (g oGen) score() *float64 {
	s := g.pick(oGenScores)
	if s == "NULL" {
		return nil
	}
	f, _ := strconv.ParseFloat(s, 64)
	return &f
}

// oGenerate makes the rows of n sessions between from and to (none at or after to),
// ids following time in shuffled blocks.
func oGenerate(seed uint64, n int, from, to time.Time) []oRow {
	g := oGen{r: rand.New(rand.NewPCG(seed, 12))}
	var rows []oRow
	for s := 0; s < n; s++ {
		session := fmt.Sprintf("gen-%d-%d", seed, s)
		t := g.start(from, to)
		user := g.optional(oGenUsers)
		asst := g.pick(oGenAssistants)
		add := func(typ, text string, score *float64, page *string) {
			r := oRow{session: session, user: user, page: page, t: t, typ: typ, text: text, score: score}
			if asst != "NULL" {
				a := asst
				r.asst = &a
				r.asstName = g.optional(oGenNames[asst])
			}
			rows = append(rows, r)
		}
		if g.r.IntN(10) == 0 { // a greeting first
			add("Chatbot", "Hi! Ask me anything.", g.score(), nil)
			t = t.Add(time.Duration(g.r.IntN(900)) * time.Second)
		}
		exchanges := 1 + g.r.IntN(5)
		if g.r.IntN(12) == 0 {
			exchanges = 0 // Chatbot only
			add("Chatbot", g.pick(oGenReplies), g.score(), nil)
		}
		for x := 0; x < exchanges; x++ {
			if x > 0 {
				t = t.Add(oGenPauses[g.r.IntN(len(oGenPauses))])
			}
			if g.r.IntN(6) == 0 { // logs in (or out) mid-session
				user = g.optional(oGenUsers)
			}
			add("Visitor", g.pick(oGenQuestions), g.score(), g.optional(oGenPages))
			t = t.Add(time.Duration(g.r.IntN(8)) * time.Second) // 0: the same second
			replies := 1
			if g.r.IntN(8) == 0 {
				replies = 2
			}
			for k := 0; k < replies; k++ {
				add("Chatbot", g.pick(oGenReplies), g.score(), g.optional(oGenPages))
			}
			if g.r.IntN(10) < 7 {
				t = t.Add(time.Duration(g.r.IntN(2)) * time.Second)
				for _, typ := range []string{"Prompt Tokens", "Completion Tokens", "Total Tokens"} {
					zero := 0.0
					add(typ, g.pick(oGenTokens), &zero, nil)
				}
			}
		}
	}
	var kept []oRow
	for _, r := range rows {
		if r.t.Before(to) {
			kept = append(kept, r)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].t.Before(kept[j].t) })
	ids := make([]int, len(kept))
	for i := range ids {
		ids[i] = i + 1
	}
	for b := 0; b < len(ids); b += 8 {
		block := ids[b:min(b+8, len(ids))]
		g.r.Shuffle(len(block), func(i, j int) { block[i], block[j] = block[j], block[i] })
	}
	for i := range kept {
		kept[i].id = ids[i]
	}
	return kept
}

// oInsertRows replaces the log's rows with rows, 200 to a statement.
func oInsertRows(t *testing.T, e *env, rows []oRow) {
	t.Helper()
	e.db.Exec(t, "DELETE FROM wp_chatbot_chatgpt_conversation_log")
	for b := 0; b < len(rows); b += 200 {
		var (
			marks []string
			args  []any
		)
		for _, r := range rows[b:min(b+200, len(rows))] {
			marks = append(marks, "(?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)")
			args = append(args, r.id, r.session, r.user, r.page, r.t.Format(time.DateTime), r.typ, r.asst, r.asstName, r.text, r.score)
		}
		e.db.Exec(t, "INSERT INTO wp_chatbot_chatgpt_conversation_log (id, session_id, user_id, page_id, interaction_time, user_type, thread_id, assistant_id, assistant_name, message_text, sentiment_score) VALUES "+
			strings.Join(marks, ", "), args...)
	}
}

// TestInsightsOracleRandom compares every period and type, the lists and the export on
// a generated log; KCHAT_ORACLE_SEED picks another log.
func TestInsightsOracleRandom(t *testing.T) {
	seed := uint64(12)
	if s := os.Getenv("KCHAT_ORACLE_SEED"); s != "" {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("KCHAT_ORACLE_SEED: %v", err)
		}
		seed = v
	}
	d := loadOracleData(t)
	d.rows = oGenerate(seed, 400, oWall(2025, 12, 1, 0, 0, 0), oracleNowWall.Truncate(time.Second))
	e := newOracleEnv(t, oracleNowWall, time.Time{})
	oInsertRows(t, e, d.rows)
	t.Logf("seed %d: %d rows", seed, len(d.rows))
	for _, period := range []string{"today", "week", "month", "quarter", "year"} {
		for _, typ := range []string{"visitor", "chatbot", "all"} {
			c := oracleCase{query: "?period=" + period + "&type=" + typ, period: period, typ: typ}
			t.Run("Insights"+c.query, func(t *testing.T) { oCheckInsightsCase(t, e, d, oracleNowWall, c) })
		}
		c := oracleCase{query: "?period=" + period, period: period}
		t.Run("Lists"+c.query, func(t *testing.T) { oCheckLists(t, e, d, oracleNowWall, c) })
	}
	for _, w := range [][2]string{{"2026-11-28", "2026-12-01"}, {"2026-06-15", "2026-09-30"}, {"2025-12-16", "2026-12-16"}} {
		c := oracleCase{query: "?start=" + w[0] + "&end=" + w[1] + "&type=all", period: "custom", start: w[0], end: w[1], typ: "all"}
		t.Run("Insights"+c.query, func(t *testing.T) { oCheckInsightsCase(t, e, d, oracleNowWall, c) })
		l := oracleCase{query: "?start=" + w[0] + "&end=" + w[1], period: "custom", start: w[0], end: w[1]}
		t.Run("Lists"+l.query, func(t *testing.T) { oCheckLists(t, e, d, oracleNowWall, l) })
	}
	t.Run("ExportMonth", func(t *testing.T) {
		oCheckExport(t, e, d, oracleNowWall, oracleCase{query: "?period=month", period: "month"})
	})
}

// TestInsightsOracleConcurrent: answers asked for at once, on a cold server, narrow and
// wide windows mixed, are each the oracle's (run it with -race too).
func TestInsightsOracleConcurrent(t *testing.T) {
	d := loadOracleData(t)
	d.rows = oGenerate(7, 300, oWall(2025, 12, 1, 0, 0, 0), oracleNowWall.Truncate(time.Second))
	e := newOracleEnv(t, oracleNowWall, time.Time{})
	oInsertRows(t, e, d.rows)
	var cases []oracleCase
	for _, period := range []string{"year", "today", "quarter", "week", "month"} {
		for _, typ := range []string{"visitor", "chatbot", "all"} {
			cases = append(cases, oracleCase{query: "?period=" + period + "&type=" + typ, period: period, typ: typ})
		}
	}
	cases = append(cases, oracleCase{query: "?start=2026-06-15&end=2026-09-30&type=all", period: "custom", start: "2026-06-15", end: "2026-09-30", typ: "all"})
	const rounds = 3
	bodies := make([][]byte, len(cases)*rounds)
	statuses := make([]int, len(bodies))
	done := make(chan struct{})
	for i := range bodies {
		go func() {
			defer func() { done <- struct{}{} }()
			req := httptest.NewRequest(http.MethodGet, "/wp-json/kchat/v1/insights"+cases[i%len(cases)].query, nil)
			req.Header.Set("Authorization", "Bearer "+e.token)
			rec := httptest.NewRecorder()
			e.server.ServeHTTP(rec, req)
			statuses[i], bodies[i] = rec.Code, rec.Body.Bytes()
		}()
	}
	for range bodies {
		<-done
	}
	for i, body := range bodies {
		c := cases[i%len(cases)]
		target := "/wp-json/kchat/v1/insights" + c.query
		if statuses[i] != http.StatusOK {
			t.Errorf("GET %s: status %d (body %s)", target, statuses[i], body)
			continue
		}
		var got any
		if err := json.Unmarshal(body, &got); err != nil {
			t.Fatalf("GET %s: %v", target, err)
		}
		ws := oracleWindows(c.period, c.start, c.end, oracleNowWall, oracleStartOfWeek)
		oWantJSON(t, target, oExpectInsights(d, ws, c.period, c.typ), got)
	}
}

// TestInsightsOracleAppendsUnderLoad: rows appended one by one while answers are asked
// for without pause; once the appends stop, every answer holds every row.
func TestInsightsOracleAppendsUnderLoad(t *testing.T) {
	d := loadOracleData(t)
	all := oGenerate(5, 160, oWall(2026, 9, 1, 0, 0, 0), oracleNowWall.Truncate(time.Second))
	first, rest := all[:len(all)/2], all[len(all)/2:]
	// the rest arrive later, with higher ids whatever their times, in id order as
	// AUTO_INCREMENT hands them out (a row committed below an id already read is the
	// one case appends by id cannot see; the contract's Cost section accepts that)
	for i := range rest {
		rest[i].id += 100000
	}
	byID := append([]oRow(nil), rest...)
	sort.Slice(byID, func(i, j int) bool { return byID[i].id < byID[j].id })
	d.rows = first
	e := newOracleEnv(t, oracleNowWall, time.Time{})
	if e.db.Embedded {
		// go-mysql-server's memory tables lose writes made while other sessions read
		// (400 inserts beside a reading loop left 264 rows), so there is nothing to judge.
		t.Skip("the embedded engine loses rows inserted while other sessions read; run with KCHAT_TEST_MYSQL_DSN")
	}
	oInsertRows(t, e, d.rows)
	queries := []string{"?period=today", "?period=week&type=all", "?period=month", "?period=quarter&type=chatbot", "?period=year"}
	stop := make(chan struct{})
	done := make(chan struct{})
	for w := 0; w < 4; w++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := w; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				req := httptest.NewRequest(http.MethodGet, "/wp-json/kchat/v1/insights"+queries[i%len(queries)], nil)
				req.Header.Set("Authorization", "Bearer "+e.token)
				e.server.ServeHTTP(httptest.NewRecorder(), req)
			}
		}()
	}
	for _, r := range byID {
		e.db.Exec(t, "INSERT INTO wp_chatbot_chatgpt_conversation_log (id, session_id, user_id, page_id, interaction_time, user_type, thread_id, assistant_id, assistant_name, message_text, sentiment_score) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)",
			r.id, r.session, r.user, r.page, r.t.Format(time.DateTime), r.typ, r.asst, r.asstName, r.text, r.score)
	}
	close(stop)
	for w := 0; w < 4; w++ {
		<-done
	}
	d.rows = all
	for _, q := range queries {
		c := oracleCase{query: q, typ: "visitor"}
		c.period, _, _ = strings.Cut(strings.TrimPrefix(q, "?period="), "&type=")
		if _, typ, ok := strings.Cut(q, "&type="); ok {
			c.typ = typ
		}
		t.Run("After"+q, func(t *testing.T) { oCheckInsightsCase(t, e, d, oracleNowWall, c) })
	}
	t.Run("AfterLists", func(t *testing.T) {
		oCheckLists(t, e, d, oracleNowWall, oracleCase{query: "?period=quarter", period: "quarter"})
	})
}
