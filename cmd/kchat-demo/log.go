package main

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// logRow is one row of the plugin's conversation log, as the plugin writes it.
type logRow struct {
	session, user, page string
	at                  time.Time // site-local wall time, stored as is
	userType            string
	thread              string
	assistantID         string
	assistantName       string
	text                string
	sentiment           sql.NullFloat64
}

// assistants the demo site's chatbot has run over the years. The first is the plugin's
// plain chat model, which writes empty assistant and thread columns.
var assistants = []struct{ id, name string }{
	{"", ""},
	{"asst_7f3KqLm2Xw9Vb1Zr", "Support Bot"},
	{"asst_Qe81TnY4pDs0HcJa", "Sales Assistant"},
	{"asst_Lz5uWb8cR2mKoN6e", `Docs Helper "beta", EN`},
}

// pages carry the chatbot; '0' is where the plugin found no post (a search page, a 404).
var pages = []string{"2", "2", "2", "14", "14", "27", "103", "103", "211", "0"}

// visitorTexts are what visitors type, the awkward ones included: quotes, commas, line
// breaks, emoji, accents, HTML, and cells a spreadsheet would run as formulas.
var visitorTexts = []string{
	"Hi! How do I reset my password?",
	"What are your opening hours on Sundays?",
	"Do you ship to Canada, and how much does it cost?",
	"I was charged twice for order #10482",
	`The "Pro" plan says "unlimited" – is it really unlimited?`,
	"Can I talk to a human please",
	"¿Hablas español?",
	"My invoice shows 19,99 € but the site said 17,99 €",
	"line one of my question\nand the second line\r\nand a third",
	"thanks 🙏😀",
	"=HYPERLINK(\"http://evil.example\",\"click\")",
	"+44 20 7946 0958 call me back",
	"-1 is what the cart shows for quantity",
	"@support is anyone there?",
	"<script>alert('hi')</script>",
	"How do I cancel?",
	"ok",
	"Where is the API documentation for webhooks?",
	"Does the plugin work with WooCommerce 8?",
	"  leading and trailing spaces  ",
}

// chatbotTexts are the model's answers: markdown, lists, quotes and long paragraphs.
var chatbotTexts = []string{
	"You can reset it from **My Account → Security**. Would you like the link?",
	"We're open 10:00–16:00 on Sundays.",
	"Yes, we ship to Canada. Standard shipping is $12, express $25.",
	"I'm sorry about that! I've flagged order #10482 for a refund; you'll get an e-mail within 2 days.",
	`"Unlimited" means no cap on conversations, but fair use applies (see §4, "Limits").`,
	"I'll connect you with our team. Meanwhile:\n1. Your order number\n2. Your e-mail\n3. What went wrong",
	"¡Sí! Puedo ayudarte en español.",
	"=That price includes VAT; the 17,99 € was before tax.",
	"Here are the steps:\n- Open Settings\n- Choose Billing\n- Click \"Cancel plan\"",
	"You're welcome! 😊",
	"I can't open links, but I can answer questions about our products.",
	"Our webhooks are documented at https://demo.example.test/docs/webhooks (section 3, \"Retries\").",
	"+1: the plugin supports WooCommerce 7.1 and later, 8.x included.",
	"-- That's all from me. Anything else I can help with?",
	strings.Repeat("Our refund policy covers 30 days from delivery. ", 12),
}

// fallbackTexts are the chatbot's replies when it could not answer: what Insights counts
// as fallbacks (the plugin's documentation names "could you rephrase" and "i'm not
// following"), with the typographic apostrophe models write as often as the plain one.
var fallbackTexts = []string{
	"Sorry, could you rephrase that?",
	"I’m not following — could you say it another way?",
	"Hmm, I'm not following. Which order do you mean?",
	"I’m not following, sorry. Could you rephrase the question?",
}

// legacyTokenText is how older plugin versions stored a token count; the sidecar reports
// such rows instead of guessing.
const legacyTokenText = "total_tokens: 161"

// conversationLog makes a log that goes with days: exchanges (a visitor message, the
// chatbot's answer and its three token rows) on the same days as the interactions,
// grouped into sessions of one to a dozen exchanges, on several pages and assistants,
// with scored, unscored and never-scored sentiment. A session_id is the plugin's browser
// cookie, so some browsers come back on later days.
//
// Some visitors log in mid-session; now and then the
// chatbot gives a fallback reply and the visitor asks the same question again. Every
// month starts with two conversations just after midnight, so that a month, quarter or
// year and the one before have every kind of row from their first minutes on (Insights
// compares a window so far with as much of the one before).
//
// It logs one exchange in recentEvery of the last five weeks' interactions and one in
// olderEvery before: the embedded engine writes only a few thousand rows a second, and
// the demo should start in seconds, so the log is a sample of the interactions rather
// than all of them (about 5,000 rows).
func conversationLog(days []dayCount) []logRow {
	l := &logSampler{rng: rand.New(rand.NewPCG(2024, 12)), legacy: 3}
	first := time.Time{}
	if len(days) > 0 {
		first = days[0].date
	}
	last := first
	if len(days) > 0 {
		last = days[len(days)-1].date
	}
	for _, d := range days {
		every := olderEvery
		if last.Sub(d.date) < 35*24*time.Hour {
			every = recentEvery
		}
		// Rounded at random so that quiet days still have an exchange now and then.
		left := d.count / every
		if l.rng.IntN(every) < d.count%every {
			left++
		}
		// The scorer came with a later plugin version: the first half year was never scored.
		scored := d.date.Sub(first) > 180*24*time.Hour
		if d.date.Day() == 1 {
			left -= l.firstOfMonth(d.date, scored)
		}
		for left > 0 {
			n := sessionLength(l.rng, left)
			left -= n
			l.session(d.date, n, scored)
		}
	}
	return l.out
}

// logSampler writes the log one session at a time, from one random source so that the
// demo's log is the same on every run.
type logSampler struct {
	rng      *rand.Rand
	out      []logRow
	browsers []string // recent session ids, for returning visitors
	legacy   int      // the log's first answers come from an older plugin version
}

// session logs n exchanges of one visitor on one page with one assistant, starting at
// its own time of day; the exchanges follow in order and stay in the day.
func (l *logSampler) session(day time.Time, n int, scored bool) {
	rng := l.rng
	base := logRow{session: l.sessionID(), user: "0"}
	login := ""
	switch x := rng.Float64(); {
	case x < 0.2:
		base.user = demoUserIDs[rng.IntN(len(demoUserIDs))]
	case x < 0.3 && n > 1:
		login = demoUserIDs[rng.IntN(len(demoUserIDs))]
	}
	a := assistants[rng.IntN(len(assistants))]
	l.setPlace(&base, pages[rng.IntN(len(pages))], a.id, a.name)
	// Busiest in the afternoon and evening.
	at := day.Add(time.Duration(8*3600+rng.IntN(14*3600)) * time.Second)
	loginAt := 1 + rng.IntN(max(1, n-1))
	repeat := ""
	for e := 0; e < n; e++ {
		if login != "" && e == loginAt {
			base.user = login
		}
		q := visitorTexts[rng.IntN(len(visitorTexts))]
		if repeat != "" {
			q = respell(rng, repeat)
		}
		// A fallback leaves the question unanswered, so the visitor asks it again.
		fallback := e < n-1 && rng.Float64() < 0.07
		at = l.exchange(base, at, q, fallback, scored, sentiment(rng, scored))
		repeat = ""
		if fallback {
			repeat = q
		}
		at = l.pause(day, at, 300, 0.05)
	}
}

// firstOfMonth logs the three conversations that open every month just after midnight:
// an anonymous visitor whose question meets a fallback and who asks it again, one who
// logs in after the first answer and asks three questions, and a logged-in user on a
// page since deleted. It returns the exchanges logged.
func (l *logSampler) firstOfMonth(day time.Time, scored bool) int {
	rng := l.rng
	score := func() sql.NullFloat64 { return sentiment(rng, scored) }
	start := func(user, page string, a int) (logRow, time.Time) {
		r := logRow{session: l.sessionID(), user: user}
		l.setPlace(&r, page, assistants[a].id, assistants[a].name)
		return r, day.Add(time.Duration(rng.IntN(120)) * time.Second)
	}

	a, at := start("0", "2", 1)
	q := "Where is my order? It has not arrived"
	at = l.pause(day, l.exchange(a, at, q, true, scored, score()), 60, 0)
	l.exchange(a, at, respell(rng, q), false, scored, score())

	b, at := start("0", "14", 2)
	at = l.pause(day, l.exchange(b, at, "Do you have a plan for teams?", false, scored, score()), 60, 0)
	b.user = demoUserIDs[rng.IntN(len(demoUserIDs))]
	at = l.pause(day, l.exchange(b, at, "How many seats does it include?", false, scored, score()), 60, 0)
	l.exchange(b, at, "Great, that's what I needed — thanks!", false, scored, sql.NullFloat64{Float64: 0.6, Valid: scored})

	c, at := start(demoUserIDs[rng.IntN(len(demoUserIDs))], "211", 0)
	l.exchange(c, at, visitorTexts[rng.IntN(len(visitorTexts))], false, scored, score())
	return 6
}

// setPlace puts a session on page with the assistant id and name; an assistant's
// sessions have a thread.
func (l *logSampler) setPlace(r *logRow, page, id, name string) {
	r.page, r.assistantID, r.assistantName = page, id, name
	if id != "" {
		r.thread = fmt.Sprintf("thread_%016x", l.rng.Uint64())
	}
}

// pause is the wait before a visitor's next question: usually 20 s to upTo s more, with
// probability long a pause of 45 to 105 minutes (a new conversation in the same browser
// session). It stays in the day.
func (l *logSampler) pause(day, at time.Time, upTo int, long float64) time.Time {
	pause := 20 + l.rng.IntN(upTo)
	if l.rng.Float64() < long {
		pause = 45*60 + l.rng.IntN(3600)
	}
	next := at.Add(time.Duration(pause) * time.Second)
	if next.YearDay() != day.YearDay() {
		next = at.Add(time.Second)
	}
	return next
}

// respell is how a visitor types a question again: in lower case, with spaces around
// or doubled; the same question to whoever groups them.
func respell(rng *rand.Rand, q string) string {
	for _, v := range rng.Perm(3) {
		s := [...]string{strings.ToLower(q), "  " + q + " ", strings.Join(strings.Fields(q), "  ")}[v]
		if s != q {
			return s
		}
	}
	return q + " "
}

// demoUserIDs are the user_ids of logged-in visitors: some of the site's users and some
// since deleted.
var demoUserIDs = []string{"1", "2", "3", "4", "5", "12", "57"}

// sessionID is the plugin's browser cookie: a new one, or now and then a browser
// that comes back.
func (l *logSampler) sessionID() string {
	session := fmt.Sprintf("%013x", l.rng.Uint64()>>12)
	if len(l.browsers) > 0 && l.rng.Float64() < 0.15 {
		return l.browsers[l.rng.IntN(len(l.browsers))]
	}
	l.browsers = append(l.browsers, session)
	if len(l.browsers) > 200 {
		l.browsers = l.browsers[1:]
	}
	return session
}

// exchange logs a visitor's question at at with score, the chatbot's answer (a
// fallback reply if fallback) a few seconds later and the answer's three token rows,
// and returns the time of the answer.
func (l *logSampler) exchange(base logRow, at time.Time, q string, fallback, scored bool, score sql.NullFloat64) time.Time {
	rng := l.rng
	row := func(userType, text string, sentiment sql.NullFloat64) logRow {
		r := base
		r.at, r.userType, r.text, r.sentiment = at, userType, text, sentiment
		return r
	}
	l.out = append(l.out, row("Visitor", q, score))
	at = at.Add(time.Duration(2+rng.IntN(15)) * time.Second)
	answer := chatbotTexts[rng.IntN(len(chatbotTexts))]
	if fallback {
		answer = fallbackTexts[rng.IntN(len(fallbackTexts))]
	}
	l.out = append(l.out, row("Chatbot", answer, sentiment(rng, scored)))
	prompt := 40 + rng.IntN(900)
	completion := 10 + len(answer)/4 + rng.IntN(200)
	tokens := [3]string{strconv.Itoa(prompt), strconv.Itoa(completion), strconv.Itoa(prompt + completion)}
	if l.legacy > 0 {
		tokens[2] = legacyTokenText
		l.legacy--
	}
	for i, kind := range []string{"Prompt Tokens", "Completion Tokens", "Total Tokens"} {
		l.out = append(l.out, row(kind, tokens[i], sql.NullFloat64{Valid: scored})) // the plugin writes 0 on token rows
	}
	return at
}

const (
	recentEvery = 8
	olderEvery  = 90
)

// sessionLength is how many exchanges a session has: most ask one or two questions, a
// few talk at length.
func sessionLength(rng *rand.Rand, left int) int {
	var n int
	switch x := rng.Float64(); {
	case x < 0.45:
		n = 1
	case x < 0.70:
		n = 2
	case x < 0.90:
		n = 3 + rng.IntN(3)
	default:
		n = 6 + rng.IntN(7)
	}
	return min(n, left)
}

// sentiment is a message's score: NULL before the scorer existed; afterwards mostly a
// score in [-1, 1] to one decimal, leaning positive, 0 where it was not scored yet, and
// now and then NULL (a row written while the plugin's column was being migrated).
func sentiment(rng *rand.Rand, scored bool) sql.NullFloat64 {
	if !scored {
		return sql.NullFloat64{}
	}
	switch x := rng.Float64(); {
	case x < 0.05:
		return sql.NullFloat64{}
	case x < 0.25:
		return sql.NullFloat64{Valid: true}
	}
	s := max(-1, min(1, rng.NormFloat64()*0.45+0.25))
	return sql.NullFloat64{Float64: float64(int(s*10)) / 10, Valid: true}
}

const logInsert = "INSERT INTO wp_chatbot_chatgpt_conversation_log (session_id, user_id, page_id, interaction_time, user_type, " +
	"thread_id, assistant_id, assistant_name, message_text, sentiment_score) VALUES "

// insertLog writes rows 500 to a statement: the embedded engine's cost per statement
// grows with the table, so fewer, larger statements load fastest.
func insertLog(ctx context.Context, db *sql.DB, rows []logRow) error {
	for len(rows) > 0 {
		n := min(len(rows), 500)
		var sb strings.Builder
		args := make([]any, 0, 10*n)
		sb.WriteString(logInsert)
		for i, r := range rows[:n] {
			if i > 0 {
				sb.WriteByte(',')
			}
			sb.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			args = append(args, r.session, r.user, r.page, r.at.Format(time.DateTime), r.userType,
				r.thread, r.assistantID, r.assistantName, r.text, r.sentiment)
		}
		if _, err := db.ExecContext(ctx, sb.String(), args...); err != nil {
			return fmt.Errorf("writing the conversation log: %w", err)
		}
		rows = rows[n:]
	}
	return nil
}
