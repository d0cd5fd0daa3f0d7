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
	"-- I didn't quite get that. Could you rephrase?",
	strings.Repeat("Our refund policy covers 30 days from delivery. ", 12),
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
		// The scorer came with a later plugin version: the first year was never scored.
		scored := d.date.Sub(first) > 365*24*time.Hour
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
	if rng.Float64() < 0.1 {
		base.user = strconv.Itoa([]int{1, 2, 3, 4, 5, 12, 57}[rng.IntN(7)])
	}
	base.page = pages[rng.IntN(len(pages))]
	a := assistants[rng.IntN(len(assistants))]
	base.assistantID, base.assistantName = a.id, a.name
	if a.id != "" {
		base.thread = fmt.Sprintf("thread_%016x", rng.Uint64())
	}
	// Busiest in the afternoon and evening.
	at := day.Add(time.Duration(8*3600+rng.IntN(14*3600)) * time.Second)
	for e := 0; e < n; e++ {
		at = l.exchange(base, at, scored)
		// The next question: usually within minutes, now and then after a long pause
		// (a new conversation in the same browser session).
		pause := 20 + rng.IntN(300)
		if rng.Float64() < 0.05 {
			pause = 45*60 + rng.IntN(3600)
		}
		next := at.Add(time.Duration(pause) * time.Second)
		if next.YearDay() != day.YearDay() {
			next = at.Add(time.Second)
		}
		at = next
	}
}

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

// exchange logs a visitor's message at at, the chatbot's answer a few seconds later and
// the answer's three token rows, and returns the time of the answer.
func (l *logSampler) exchange(base logRow, at time.Time, scored bool) time.Time {
	rng := l.rng
	row := func(userType, text string, sentiment sql.NullFloat64) logRow {
		r := base
		r.at, r.userType, r.text, r.sentiment = at, userType, text, sentiment
		return r
	}
	q := visitorTexts[rng.IntN(len(visitorTexts))]
	l.out = append(l.out, row("Visitor", q, sentiment(rng, scored)))
	at = at.Add(time.Duration(2+rng.IntN(15)) * time.Second)
	answer := chatbotTexts[rng.IntN(len(chatbotTexts))]
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
	olderEvery  = 80
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
// score in [-1, 1] to one decimal, leaning positive, and 0 where it was not scored yet.
func sentiment(rng *rand.Rand, scored bool) sql.NullFloat64 {
	if !scored {
		return sql.NullFloat64{}
	}
	if rng.Float64() < 0.2 {
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
