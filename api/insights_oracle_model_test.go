package api_test

// The Insights oracle's second implementation: plain loops over the rows of
// testdata/insights-oracle.sql, parsed here from the file itself, following openapi.yaml's
// /insights* text (design/insights.md section 5). It shares nothing with the product: no
// import of its packages, no SQL. Everything is on the site's wall clock, held in
// time.Time values of location UTC so that no zone rule can move them.

import (
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

const oracleDataset = "../testdata/insights-oracle.sql"

// oRow is one conversation-log row; nil pointers are SQL NULLs.
type oRow struct {
	id       int
	session  string
	user     *string
	page     *string
	t        time.Time // site-local wall clock
	typ      string
	asst     *string
	asstName *string
	text     string
	score    *float64
}

type oPost struct {
	title, typ string
}

type oData struct {
	rows  []oRow
	posts map[int]oPost
}

func (r oRow) isMessage() bool { return r.typ == "Visitor" || r.typ == "Chatbot" }

// before is the (interaction_time, id) order.
func (r oRow) before(o oRow) bool {
	if !r.t.Equal(o.t) {
		return r.t.Before(o.t)
	}
	return r.id < o.id
}

// loadOracleData reads the dataset's rows straight from the SQL file: every line that
// starts with "(" inside the conversation log's and the posts' INSERT statements.
func loadOracleData(t testing.TB) oData {
	t.Helper()
	raw, err := os.ReadFile(oracleDataset)
	if err != nil {
		t.Fatal(err)
	}
	d := oData{posts: map[int]oPost{}}
	table := ""
	for n, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "INSERT INTO `") {
			table = strings.SplitN(line[len("INSERT INTO `"):], "`", 2)[0]
			continue
		}
		if !strings.HasPrefix(line, "(") {
			continue
		}
		vals, err := oParseTuple(line)
		if err != nil {
			t.Fatalf("%s:%d: %v", oracleDataset, n+1, err)
		}
		switch table {
		case "wp_chatbot_chatgpt_conversation_log":
			d.rows = append(d.rows, oRowFromTuple(t, vals))
		case "wp_posts":
			id, _ := strconv.Atoi(*vals[0])
			d.posts[id] = oPost{title: *vals[5], typ: *vals[20]}
		}
	}
	if len(d.rows) < 150 || len(d.posts) < 4 {
		t.Fatalf("%s: read %d log rows and %d posts; the parser lost some", oracleDataset, len(d.rows), len(d.posts))
	}
	return d
}

func oRowFromTuple(t testing.TB, v []*string) oRow {
	t.Helper()
	if len(v) != 11 {
		t.Fatalf("log row with %d values", len(v))
	}
	id, err := strconv.Atoi(*v[0])
	if err != nil {
		t.Fatal(err)
	}
	when, err := time.Parse(time.DateTime, *v[4])
	if err != nil {
		t.Fatal(err)
	}
	r := oRow{id: id, session: *v[1], user: v[2], page: v[3], t: when, typ: *v[5], asst: v[7], asstName: v[8], text: *v[9]}
	if v[10] != nil {
		f, err := strconv.ParseFloat(*v[10], 64)
		if err != nil {
			t.Fatal(err)
		}
		r.score = &f
	}
	return r
}

// oParseTuple reads one "(v, 'text', NULL, …)" row line as MySQL would: quoted strings
// with backslash escapes, bare numbers, NULL.
func oParseTuple(line string) ([]*string, error) {
	var out []*string
	i := 1
	for i < len(line) {
		switch c := line[i]; {
		case c == '\'':
			var b strings.Builder
			i++
			for ; i < len(line) && line[i] != '\''; i++ {
				if line[i] == '\\' && i+1 < len(line) {
					i++
					switch line[i] {
					case 'n':
						b.WriteByte('\n')
						continue
					case 't':
						b.WriteByte('\t')
						continue
					}
				}
				b.WriteByte(line[i])
			}
			s := b.String()
			out = append(out, &s)
			i++
		case c == ',' || c == ' ':
			i++
		case c == ')':
			return out, nil
		default:
			j := i
			for j < len(line) && line[j] != ',' && line[j] != ')' {
				j++
			}
			tok := line[i:j]
			if tok == "NULL" {
				out = append(out, nil)
			} else {
				out = append(out, &tok)
			}
			i = j
		}
	}
	return nil, fmt.Errorf("row not closed: %s", line)
}

// without returns the data minus the rows at or after cut: "now" at a period's start
// must not see rows from its future.
func (d oData) without(cut time.Time) oData {
	out := oData{posts: d.posts}
	for _, r := range d.rows {
		if r.t.Before(cut) {
			out.rows = append(out.rows, r)
		}
	}
	return out
}

// since returns the data minus the rows before cut, as a retention purge leaves it.
func (d oData) since(cut time.Time) oData {
	out := oData{posts: d.posts}
	for _, r := range d.rows {
		if !r.t.Before(cut) {
			out.rows = append(out.rows, r)
		}
	}
	return out
}

// ---- windows

type oWin struct{ start, end time.Time }

func (w oWin) has(t time.Time) bool { return !t.Before(w.start) && t.Before(w.end) }

type oWindows struct{ cur, prev, ptd oWin }

func oWall(y int, m time.Month, d, hh, mm, ss int) time.Time {
	return time.Date(y, m, d, hh, mm, ss, 0, time.UTC)
}

// oracleWindows follows the contract's table: calendar periods on the wall clock,
// weeks on start_of_week, custom inclusive days, and previous_to_date cut at the elapsed
// part of current (at the request's second).
func oracleWindows(period, start, end string, now time.Time, startOfWeek int) oWindows {
	now = now.Truncate(time.Second)
	day := oWall(now.Year(), now.Month(), now.Day(), 0, 0, 0)
	var cur, prev oWin
	switch period {
	case "today":
		cur = oWin{day, day.AddDate(0, 0, 1)}
		prev = oWin{day.AddDate(0, 0, -1), day}
	case "week":
		back := (int(day.Weekday()) - startOfWeek + 7) % 7
		s := day.AddDate(0, 0, -back)
		cur = oWin{s, s.AddDate(0, 0, 7)}
		prev = oWin{s.AddDate(0, 0, -7), s}
	case "month":
		s := oWall(now.Year(), now.Month(), 1, 0, 0, 0)
		cur = oWin{s, s.AddDate(0, 1, 0)}
		prev = oWin{s.AddDate(0, -1, 0), s}
	case "quarter":
		s := oWall(now.Year(), time.Month((int(now.Month())-1)/3*3+1), 1, 0, 0, 0)
		cur = oWin{s, s.AddDate(0, 3, 0)}
		prev = oWin{s.AddDate(0, -3, 0), s}
	case "year":
		s := oWall(now.Year(), 1, 1, 0, 0, 0)
		cur = oWin{s, s.AddDate(1, 0, 0)}
		prev = oWin{s.AddDate(-1, 0, 0), s}
	case "custom":
		s, _ := time.Parse(time.DateOnly, start)
		e, _ := time.Parse(time.DateOnly, end)
		cur = oWin{s, e.AddDate(0, 0, 1)}
		days := int(cur.end.Sub(cur.start) / (24 * time.Hour))
		prev = oWin{s.AddDate(0, 0, -days), s}
	}
	elapsed := now.Sub(cur.start)
	if elapsed < 0 {
		elapsed = 0
	}
	if full := cur.end.Sub(cur.start); elapsed > full {
		elapsed = full
	}
	ptdEnd := prev.start.Add(elapsed)
	if ptdEnd.After(prev.end) {
		ptdEnd = prev.end
	}
	return oWindows{cur: cur, prev: prev, ptd: oWin{prev.start, ptdEnd}}
}

// ---- conversations, fallbacks, visitors

const oracleGap = 30 * time.Minute

// oracleFallbackPhrases are the two phrases the contract guarantees; the dataset's
// other Chatbot texts hold no phrase a sensible list could contain.
var oracleFallbackPhrases = []string{"could you rephrase", "i'm not following"}

func oIsFallback(r oRow) bool {
	if r.typ != "Chatbot" {
		return false
	}
	text := strings.ToLower(strings.ReplaceAll(r.text, "’", "'"))
	for _, p := range oracleFallbackPhrases {
		if strings.Contains(text, p) {
			return true
		}
	}
	return false
}

type oConv struct {
	session string
	msgs    []oRow
}

func (c oConv) first() oRow { return c.msgs[0] }
func (c oConv) last() oRow  { return c.msgs[len(c.msgs)-1] }
func (c oConv) seconds() float64 {
	return c.last().t.Sub(c.first().t).Seconds()
}
func (c oConv) visitorMessages() int {
	n := 0
	for _, m := range c.msgs {
		if m.typ == "Visitor" {
			n++
		}
	}
	return n
}

// oracleConversations cuts every session's messages at pauses of more than the gap and
// keeps the pieces that hold a Visitor message. It reads every row: a conversation's
// first message decides its window, and rows before the contract's read start can only
// belong to conversations that started before every window.
func oracleConversations(rows []oRow) []oConv {
	bySession := map[string][]oRow{}
	for _, r := range rows {
		if r.isMessage() {
			bySession[r.session] = append(bySession[r.session], r)
		}
	}
	var out []oConv
	for s, msgs := range bySession {
		sort.Slice(msgs, func(i, j int) bool { return msgs[i].before(msgs[j]) })
		var piece []oRow
		flush := func() {
			for _, m := range piece {
				if m.typ == "Visitor" {
					out = append(out, oConv{session: s, msgs: piece})
					break
				}
			}
			piece = nil
		}
		for i, m := range msgs {
			if i > 0 && m.t.Sub(msgs[i-1].t) > oracleGap {
				flush()
			}
			piece = append(piece, m)
		}
		flush()
	}
	return out
}

func oConvsOf(convs []oConv, w oWin) []oConv {
	var out []oConv
	for _, c := range convs {
		if w.has(c.first().t) {
			out = append(out, c)
		}
	}
	return out
}

// oPositiveWhole reports whether s is a positive whole number written in digits.
func oPositiveWhole(s *string) (string, bool) {
	if s == nil || *s == "" {
		return "", false
	}
	for _, c := range *s {
		if c < '0' || c > '9' {
			return "", false
		}
	}
	n, err := strconv.ParseUint(*s, 10, 64)
	if err != nil || n == 0 {
		return "", false
	}
	return strconv.FormatUint(n, 10), true
}

// oTokenValue is a token row's number: its text trimmed of spaces, when all digits.
func oTokenValue(text string) (int, bool) {
	s := strings.Trim(text, " ")
	if s == "" {
		return 0, false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	v, err := strconv.Atoi(s)
	return v, err == nil
}

// oVisitorKeys: per session with a Visitor message in w, the u: keys of its messages in
// w, or its s: key.
func oVisitorKeys(rows []oRow, w oWin) (users, anonymous map[string]bool) {
	users, anonymous = map[string]bool{}, map[string]bool{}
	hasVisitor := map[string]bool{}
	ids := map[string]map[string]bool{}
	for _, r := range rows {
		if !r.isMessage() || !w.has(r.t) {
			continue
		}
		if r.typ == "Visitor" {
			hasVisitor[r.session] = true
		}
		if u, ok := oPositiveWhole(r.user); ok {
			if ids[r.session] == nil {
				ids[r.session] = map[string]bool{}
			}
			ids[r.session][u] = true
		}
	}
	for s := range hasVisitor {
		if len(ids[s]) == 0 {
			anonymous["s:"+s] = true
		}
		for u := range ids[s] {
			users["u:"+u] = true
		}
	}
	return users, anonymous
}

// ---- metrics

// oNum is one figure: its exact value, whether it is null, and how many decimals the
// contract shows (-1: an integer as it is).
type oNum struct {
	v    float64
	null bool
	dec  int
}

func oIntNum(n int) oNum { return oNum{v: float64(n), dec: -1} }
func oDecNum(v float64, dec int) oNum {
	return oNum{v: v, dec: dec}
}
func oNullNum() oNum { return oNum{null: true} }

// oMetrics maps the dotted metric keys ("messages.visitor") to their figures.
type oMetrics map[string]oNum

var oracleMetricKeys = []string{
	"conversations", "unique_visitors", "logged_in_users", "anonymous_visitors",
	"messages.visitor", "messages.chatbot", "messages.total",
	"duration_seconds.mean", "duration_seconds.median", "duration_seconds.p90",
	"tokens.prompt", "tokens.completion", "tokens.total", "tokens.unparsed_rows", "tokens.per_conversation",
	"avg_turns", "engagement_rate",
	"sentiment.average", "sentiment.scored", "sentiment.zero_share", "sentiment.positive_share",
	"resolved_rate", "time_saved_hours",
}

func oSentimentType(typ string, r oRow) bool {
	switch typ {
	case "visitor":
		return r.typ == "Visitor"
	case "chatbot":
		return r.typ == "Chatbot"
	}
	return r.isMessage()
}

func oracleMetrics(rows []oRow, all []oConv, w oWin, typ string) oMetrics {
	m := oMetrics{}
	convs := oConvsOf(all, w)
	n := len(convs)
	m["conversations"] = oIntNum(n)

	users, anonymous := oVisitorKeys(rows, w)
	m["unique_visitors"] = oIntNum(len(users) + len(anonymous))
	m["logged_in_users"] = oIntNum(len(users))
	m["anonymous_visitors"] = oIntNum(len(anonymous))

	visitor, chatbot := 0, 0
	tokens := map[string]int{}
	unparsed := 0
	scored, zeros := 0, 0
	var sum int64 // millionths: scores are decimals, and float sums of them are not exact
	for _, r := range rows {
		if !w.has(r.t) {
			continue
		}
		switch r.typ {
		case "Visitor":
			visitor++
		case "Chatbot":
			chatbot++
		default:
			if v, ok := oTokenValue(r.text); ok {
				tokens[r.typ] += v
			} else {
				unparsed++
			}
		}
		if oSentimentType(typ, r) && r.score != nil {
			scored++
			sum += oMillionths(*r.score)
			if *r.score == 0 {
				zeros++
			}
		}
	}
	m["messages.visitor"] = oIntNum(visitor)
	m["messages.chatbot"] = oIntNum(chatbot)
	m["messages.total"] = oIntNum(visitor + chatbot)
	m["tokens.prompt"] = oIntNum(tokens["Prompt Tokens"])
	m["tokens.completion"] = oIntNum(tokens["Completion Tokens"])
	m["tokens.total"] = oIntNum(tokens["Total Tokens"])
	m["tokens.unparsed_rows"] = oIntNum(unparsed)
	m["sentiment.scored"] = oIntNum(scored)
	if scored == 0 {
		m["sentiment.average"], m["sentiment.zero_share"] = oNullNum(), oNullNum()
	} else {
		m["sentiment.average"] = oDecNum(float64(sum)/1e6/float64(scored), 3)
		m["sentiment.zero_share"] = oDecNum(100*float64(zeros)/float64(scored), 1)
	}
	m["sentiment.positive_share"] = oPositiveShare(convs, typ)
	m["time_saved_hours"] = oDecNum(float64(n)*1.4/60, 1)

	if n == 0 {
		for _, k := range []string{"duration_seconds.mean", "duration_seconds.median", "duration_seconds.p90",
			"tokens.per_conversation", "avg_turns", "engagement_rate", "resolved_rate"} {
			m[k] = oNullNum()
		}
		return m
	}
	var secs []float64
	turns, engaged, resolved := 0, 0, 0
	for _, c := range convs {
		s := c.seconds()
		secs = append(secs, s)
		v := c.visitorMessages()
		turns += v
		if v >= 3 || s >= 300 {
			engaged++
		}
		fallback := false
		for _, msg := range c.msgs {
			if oIsFallback(msg) {
				fallback = true
			}
		}
		if !fallback {
			resolved++
		}
	}
	sort.Float64s(secs)
	total := 0.0
	for _, s := range secs {
		total += s
	}
	m["duration_seconds.mean"] = oDecNum(total/float64(n), 1)
	if n%2 == 1 {
		m["duration_seconds.median"] = oNum{v: secs[n/2], dec: -1}
	} else {
		m["duration_seconds.median"] = oNum{v: (secs[n/2-1] + secs[n/2]) / 2, dec: -1}
	}
	m["duration_seconds.p90"] = oNum{v: secs[int(math.Ceil(0.9*float64(n)))-1], dec: -1}
	m["tokens.per_conversation"] = oDecNum(float64(tokens["Total Tokens"])/float64(n), 1)
	m["avg_turns"] = oDecNum(float64(turns)/float64(n), 2)
	m["engagement_rate"] = oDecNum(100*float64(engaged)/float64(n), 1)
	m["resolved_rate"] = oDecNum(100*float64(resolved)/float64(n), 1)
	return m
}

// oMillionths is a score (a decimal of at most six places, as every score here is) in
// millionths, exactly.
func oMillionths(f float64) int64 { return int64(math.Round(f * 1e6)) }

// oPositiveShare: of the conversations with a non-NULL, non-zero score of typ (all their
// messages, past the window's end too), the % whose mean is > 0.
func oPositiveShare(convs []oConv, typ string) oNum {
	having, positive := 0, 0
	for _, c := range convs {
		var sum int64
		k := 0
		for _, msg := range c.msgs {
			if oSentimentType(typ, msg) && msg.score != nil && *msg.score != 0 {
				sum += oMillionths(*msg.score)
				k++
			}
		}
		if k == 0 {
			continue
		}
		having++
		if sum > 0 { // the mean's sign; 0.1 + 0.2 − 0.3 is 0, not 5.6e-17

			positive++
		}
	}
	if having == 0 {
		return oNullNum()
	}
	return oDecNum(100*float64(positive)/float64(having), 1)
}

// ---- trends

type oTrendKind int

const (
	oTrendRelative oTrendKind = iota // (cur − prev) / prev × 100, one decimal
	oTrendPoints                     // cur − prev in percentage points, one decimal
	oTrendPlain                      // cur − prev, three decimals
)

func oTrendKindOf(key string) oTrendKind {
	switch key {
	case "engagement_rate", "resolved_rate", "sentiment.zero_share", "sentiment.positive_share":
		return oTrendPoints
	case "sentiment.average":
		return oTrendPlain
	}
	return oTrendRelative
}

// shown is the figure as the answer shows it: rounded to its decimals. At an exact tie
// (x.x5) the contract names no rule, so both neighbors are returned.
func (n oNum) shown() []float64 {
	if n.null {
		return nil
	}
	return oRoundings(n.v, n.dec)
}

func oRoundings(v float64, dec int) []float64 {
	if dec < 0 {
		return []float64{v}
	}
	p := math.Pow(10, float64(dec))
	x := v * p
	lo := math.Floor(x)
	if math.Abs(x-lo-0.5) < 1e-7 {
		return []float64{lo / p, (lo + 1) / p}
	}
	return []float64{math.Round(x) / p}
}

// oracleTrend gives every value a trend may take: the contract does not say whether a
// trend is taken from the exact figures or from the rounded ones the answer shows ("key
// for key"), so both are accepted; nullOK says null is one of them (a shown previous
// figure of 0 has no relative trend). No values and nullOK: the trend must be null.
func oracleTrend(key string, cur, prev oNum) (values []float64, nullOK bool) {
	if cur.null || prev.null {
		return nil, true
	}
	kind := oTrendKindOf(key)
	pairs := [][2]float64{{cur.v, prev.v}}
	for _, c := range cur.shown() {
		for _, p := range prev.shown() {
			pairs = append(pairs, [2]float64{c, p})
		}
	}
	for _, p := range pairs {
		switch kind {
		case oTrendRelative:
			if p[1] == 0 {
				nullOK = true
				continue
			}
			values = append(values, oRoundings((p[0]-p[1])/p[1]*100, 1)...)
		case oTrendPoints:
			values = append(values, oRoundings(p[0]-p[1], 1)...)
		case oTrendPlain:
			values = append(values, oRoundings(p[0]-p[1], 3)...)
		}
	}
	return values, nullOK
}

// ---- lists

type oQuestion struct {
	text     string
	count    int
	lastSeen time.Time
}

func oNormalizeQuestion(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// oracleUnanswered: for each fallback in w, the latest Visitor message of its session
// before it in (time, id) order among the rows read (from readFrom on); a question
// counts once however many fallbacks it got; grouped, then ordered.
func oracleUnanswered(rows []oRow, w oWin, readFrom time.Time) []oQuestion {
	questions := map[int]oRow{}
	for _, f := range rows {
		if !oIsFallback(f) || !w.has(f.t) {
			continue
		}
		var q *oRow
		for i, r := range rows {
			if r.session != f.session || r.typ != "Visitor" || r.t.Before(readFrom) || !r.before(f) {
				continue
			}
			if q == nil || q.before(r) {
				q = &rows[i]
			}
		}
		if q != nil {
			questions[q.id] = *q
		}
	}
	groups := map[string]*oQuestion{}
	latest := map[string]oRow{}
	for _, q := range questions {
		k := oNormalizeQuestion(q.text)
		g := groups[k]
		if g == nil {
			g = &oQuestion{}
			groups[k] = g
		}
		g.count++
		if l, ok := latest[k]; !ok || l.before(q) {
			latest[k] = q
			g.text = strings.TrimSpace(q.text)
			g.lastSeen = q.t
		}
	}
	var out []oQuestion
	for _, g := range groups {
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.count != b.count {
			return a.count > b.count
		}
		if !a.lastSeen.Equal(b.lastSeen) {
			return a.lastSeen.After(b.lastSeen)
		}
		return a.text < b.text
	})
	return out
}

type oPage struct {
	id            int
	title         *string
	postType      string
	conversations int
}

// oracleTopPages: per positive whole-number page_id, the conversations of w with a
// Visitor message on it.
func oracleTopPages(d oData, all []oConv, w oWin) []oPage {
	count := map[int]int{}
	for _, c := range oConvsOf(all, w) {
		seen := map[int]bool{}
		for _, m := range c.msgs {
			if m.typ != "Visitor" {
				continue
			}
			if p, ok := oPositiveWhole(m.page); ok {
				id, _ := strconv.Atoi(p)
				seen[id] = true
			}
		}
		for id := range seen {
			count[id]++
		}
	}
	var out []oPage
	for id, n := range count {
		p := oPage{id: id, conversations: n}
		if post, ok := d.posts[id]; ok {
			title := post.title
			p.title, p.postType = &title, post.typ
		}
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].conversations != out[j].conversations {
			return out[i].conversations > out[j].conversations
		}
		return out[i].id < out[j].id
	})
	return out
}

type oAssistant struct {
	id            string
	name          *string
	conversations int
}

// oracleTopAssistants: per non-empty assistant_id, the conversations of w with a message
// carrying it; the name is its latest non-empty name in the rows read.
func oracleTopAssistants(rows []oRow, all []oConv, w oWin, readFrom time.Time) []oAssistant {
	count := map[string]int{}
	for _, c := range oConvsOf(all, w) {
		seen := map[string]bool{}
		for _, m := range c.msgs {
			if m.asst != nil && *m.asst != "" {
				seen[*m.asst] = true
			}
		}
		for a := range seen {
			count[a]++
		}
	}
	var out []oAssistant
	for a, n := range count {
		e := oAssistant{id: a, conversations: n}
		var latest *oRow
		for i, r := range rows {
			if r.asst == nil || *r.asst != a || r.asstName == nil || *r.asstName == "" || r.t.Before(readFrom) {
				continue
			}
			if latest == nil || latest.before(r) {
				latest = &rows[i]
			}
		}
		if latest != nil {
			e.name = latest.asstName
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].conversations != out[j].conversations {
			return out[i].conversations > out[j].conversations
		}
		return out[i].id < out[j].id
	})
	return out
}
