package insights

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/decimal"
)

// Sentiment chooses whose messages the sentiment figures read.
type Sentiment uint8

// The sentiment types.
const (
	VisitorSentiment Sentiment = iota
	ChatbotSentiment
	AllSentiment
)

// Options are the settings an answer depends on.
type Options struct {
	// Gap splits a session's messages into conversations where two consecutive ones are
	// more than Gap apart (whole seconds count).
	Gap time.Duration
	// MinutesPerConversation prices a conversation in time saved; it is read as the
	// decimal it prints as (1.4 is fourteen tenths), so time saved rounds exactly.
	MinutesPerConversation float64
	Sentiment              Sentiment
}

// TextLookup returns the message_text of log rows by id, for the questions whose text
// the store did not keep.
type TextLookup func(ids []int64) (map[int64]string, error)

// tally is the running sums of one window.
type tally struct {
	visitor, chatbot                   int64
	scoreSum, scored, zeros            int64
	conversations, turns               int64
	engaged, resolved                  int64
	withScore, positive                int64
	durations                          []int64
	prompt, completion, total, badRows int64
	loggedIn, anonymous                int64
}

// span is a window in the store's rel times.
type span struct{ lo, hi int64 }

func (w span) holds(t rel) bool { return int64(t) >= w.lo && int64(t) < w.hi }

// pass is one computation over the store.
type pass struct {
	s    *Store
	ws   [nWindows]span
	opt  Options
	t    [nWindows]tally
	seen [nWindows][]bool // users already counted, per window

	// per session
	hasVisitor [nWindows]bool
	users      [nWindows][]int32

	pageConv, assistantConv   []int64
	pageStamp, assistantStamp []int32 // the conversation that last counted each
	conv                      int32
	questions                 []int32 // message indexes, distinct
	asked                     map[int32]bool
}

// Compute answers ws from the store in one pass over its messages and one over its
// token sums. A conversation's figures use all of its messages, also those after the
// window's end; a conversation belongs to the window of its first message. lookup is
// called (once, if at all) for the question texts the store does not hold.
func (s *Store) Compute(ws Windows, opt Options, lookup TextLookup) (*Answer, error) {
	s.sortMessages()
	p := &pass{s: s, opt: opt, asked: map[int32]bool{},
		pageConv: make([]int64, len(s.pageIDs)), assistantConv: make([]int64, len(s.assistInfo)),
		pageStamp: make([]int32, len(s.pageIDs)), assistantStamp: make([]int32, len(s.assistInfo))}
	for w := range p.seen {
		p.seen[w] = make([]bool, len(s.users))
		p.ws[w] = span{int64(ws[w].Start - s.from), int64(ws[w].End - s.from)}
	}
	p.tokens()
	for a := 0; a < len(s.order); {
		b := a + 1
		for b < len(s.order) && s.msgs.at(int(s.order[b])).session() == s.msgs.at(int(s.order[a])).session() {
			b++
		}
		p.session(s.order[a:b])
		a = b
	}
	ans := &Answer{Windows: ws}
	for w := range ans.Metrics {
		ans.Metrics[w] = p.metrics(&p.t[w])
	}
	ans.Trends = TrendsOf(&ans.Metrics[Current], &ans.Metrics[PreviousToDate])
	ans.Pages, ans.Assistants = p.lists()
	var err error
	ans.Questions, err = p.unanswered(lookup)
	return ans, err
}

func (p *pass) tokens() {
	for i := range p.s.tokens.len() {
		ts := p.s.tokens.at(i)
		for w := range p.ws {
			if p.ws[w].holds(ts.t) {
				t := &p.t[w]
				t.prompt += ts.prompt
				t.completion += ts.completion
				t.total += ts.total
				t.badRows += int64(ts.unparsed)
			}
		}
	}
}

// reads tells whether a message's score counts for the chosen sentiment type.
func (p *pass) reads(m *message) bool {
	switch p.opt.Sentiment {
	case VisitorSentiment:
		return m.flags()&fVisitor != 0
	case ChatbotSentiment:
		return m.flags()&fChatbot != 0
	}
	return true
}

// session counts one session's messages, in (time, id) order.
func (p *pass) session(idx []int32) {
	for w := range p.hasVisitor {
		p.hasVisitor[w] = false
		p.users[w] = p.users[w][:0]
	}
	gap := int64(p.opt.Gap / time.Second)
	lastVisitor := int32(-1)
	start := 0
	for k, i := range idx {
		m := p.s.msgs.at(int(i))
		if k > 0 && int64(m.t)-int64(p.s.msgs.at(int(idx[k-1])).t) > gap {
			p.conversation(idx[start:k])
			start = k
		}
		p.message(m)
		if m.flags()&fVisitor != 0 {
			lastVisitor = i
		} else if m.flags()&fFallback != 0 && lastVisitor >= 0 && p.ws[Current].holds(m.t) && !p.asked[lastVisitor] {
			p.asked[lastVisitor] = true
			p.questions = append(p.questions, lastVisitor)
		}
	}
	p.conversation(idx[start:])
	for w := range p.hasVisitor {
		if !p.hasVisitor[w] {
			continue
		}
		if len(p.users[w]) == 0 {
			p.t[w].anonymous++
		}
		for _, u := range p.users[w] {
			if !p.seen[w][u] {
				p.seen[w][u] = true
				p.t[w].loggedIn++
			}
		}
	}
}

// message counts one message in the windows that hold it.
func (p *pass) message(m *message) {
	for w := range p.ws {
		if !p.ws[w].holds(m.t) {
			continue
		}
		t := &p.t[w]
		if m.flags()&fVisitor != 0 {
			t.visitor++
			p.hasVisitor[w] = true
		} else {
			t.chatbot++
		}
		if m.user >= 0 {
			p.users[w] = append(p.users[w], m.user)
		}
		if m.flags()&fScored != 0 && p.reads(m) {
			t.scored++
			t.scoreSum += int64(m.score)
			if m.score == 0 {
				t.zeros++
			}
		}
	}
}

// conversation counts one piece of a session, if it is a conversation, in the windows
// holding its first message.
func (p *pass) conversation(idx []int32) {
	var turns, scoreSum, scored int64
	fallback := false
	for _, i := range idx {
		m := p.s.msgs.at(int(i))
		if m.flags()&fVisitor != 0 {
			turns++
		}
		if m.flags()&fFallback != 0 {
			fallback = true
		}
		if m.flags()&fScored != 0 && m.score != 0 && p.reads(m) {
			scored++
			scoreSum += int64(m.score)
		}
	}
	if turns == 0 {
		return
	}
	first, last := p.s.msgs.at(int(idx[0])).t, p.s.msgs.at(int(idx[len(idx)-1])).t
	for w := range p.ws {
		if !p.ws[w].holds(first) {
			continue
		}
		t := &p.t[w]
		t.conversations++
		t.turns += turns
		d := int64(last) - int64(first)
		t.durations = append(t.durations, d)
		if turns >= 3 || d >= 300 {
			t.engaged++
		}
		if !fallback {
			t.resolved++
		}
		if scored > 0 {
			t.withScore++
			if scoreSum > 0 {
				t.positive++
			}
		}
	}
	if p.ws[Current].holds(first) {
		p.listConversation(idx)
	}
}

// listConversation counts a current conversation once for each of its pages (of its
// Visitor messages) and assistants.
func (p *pass) listConversation(idx []int32) {
	p.conv++
	for _, i := range idx {
		m := p.s.msgs.at(int(i))
		if m.page >= 0 && m.flags()&fVisitor != 0 && p.pageStamp[m.page] != p.conv {
			p.pageStamp[m.page] = p.conv
			p.pageConv[m.page]++
		}
		if m.assistant >= 0 && p.assistantStamp[m.assistant] != p.conv {
			p.assistantStamp[m.assistant] = p.conv
			p.assistantConv[m.assistant]++
		}
	}
}

func (p *pass) metrics(t *tally) Metrics {
	m := Metrics{
		Conversations: t.conversations, UniqueVisitors: t.loggedIn + t.anonymous,
		LoggedInUsers: t.loggedIn, AnonymousVisitors: t.anonymous,
		Messages: MessageCounts{Visitor: t.visitor, Chatbot: t.chatbot, Total: t.visitor + t.chatbot},
		Tokens: TokenFigures{Prompt: t.prompt, Completion: t.completion, Total: t.total, UnparsedRows: t.badRows,
			PerConversation: decimal.Ratio(t.total, t.conversations, 1)},
		AvgTurns:       decimal.Ratio(t.turns, t.conversations, 2),
		EngagementRate: decimal.Percent(t.engaged, t.conversations),
		ResolvedRate:   decimal.Percent(t.resolved, t.conversations),
		Sentiment: SentimentFigures{
			Average: decimal.Ratio(t.scoreSum, t.scored*1e6, 3), Scored: t.scored,
			ZeroShare: decimal.Percent(t.zeros, t.scored), PositiveShare: decimal.Percent(t.positive, t.withScore),
		},
	}
	num, den := fraction(p.opt.MinutesPerConversation)
	m.TimeSavedHours = decimal.Ratio(t.conversations*num, den*60, 1)
	m.Duration = durations(t.durations)
	return m
}

// durations are the mean (one decimal), median (the middle one, or the mean of the
// middle two) and nearest-rank 90th percentile of ds.
func durations(ds []int64) DurationFigures {
	n := int64(len(ds))
	if n == 0 {
		return DurationFigures{Mean: decimal.Dec{Places: 1}, Median: decimal.Dec{Places: 1}}
	}
	slices.Sort(ds)
	var sum int64
	for _, d := range ds {
		sum += d
	}
	median := decimal.Ratio(ds[(n-1)/2]+ds[n/2], 2, 1)
	rank := (9*n + 9) / 10 // ⌈0.9·n⌉
	return DurationFigures{Mean: decimal.Ratio(sum, n, 1), Median: median, P90: decimal.Whole(ds[rank-1])}
}

// fraction reads f as the shortest decimal that prints it: 1.4 is 14/10.
func fraction(f float64) (num, den int64) {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	den = 1
	if i := strings.IndexByte(s, '.'); i >= 0 {
		frac := s[i+1:]
		if len(frac) > 4 { // keep four places: more cannot change a one-decimal figure much
			frac = frac[:4]
		}
		for range frac {
			den *= 10
		}
		s = s[:i] + frac
	}
	num, _ = strconv.ParseInt(s, 10, 64)
	return num, den
}

func (p *pass) lists() ([]Page, []Assistant) {
	pages := []Page{}
	for i, n := range p.pageConv {
		if n > 0 {
			pages = append(pages, Page{ID: p.s.pageIDs[i], Conversations: n})
		}
	}
	slices.SortFunc(pages, func(a, b Page) int {
		return cmp.Or(cmp.Compare(b.Conversations, a.Conversations), cmp.Compare(a.ID, b.ID))
	})
	assistants := []Assistant{}
	for i, n := range p.assistantConv {
		if n > 0 {
			a := p.s.assistInfo[i]
			assistants = append(assistants, Assistant{ID: a.id, Name: a.name, Conversations: n})
		}
	}
	slices.SortFunc(assistants, func(a, b Assistant) int {
		return cmp.Or(cmp.Compare(b.Conversations, a.Conversations), strings.Compare(a.ID, b.ID))
	})
	return pages, assistants
}

// unanswered groups the questions by their text trimmed, with runs of white space made
// one space, in lower case.
func (p *pass) unanswered(lookup TextLookup) ([]Question, error) {
	if err := p.s.fetchTexts(p.questions, lookup); err != nil {
		return nil, err
	}
	type group struct {
		q             Question
		lastT, lastID int64
	}
	groups := map[string]*group{}
	for _, i := range p.questions {
		m := p.s.msgs.at(int(i))
		text, ok := p.s.texts[i]
		if !ok {
			continue // the row is gone
		}
		g := groups[text.key]
		if g == nil {
			g = &group{lastT: int64(minWall)}
			groups[text.key] = g
		}
		g.q.Count++
		if int64(m.t) > g.lastT || (int64(m.t) == g.lastT && m.id > g.lastID) {
			g.lastT, g.lastID = int64(m.t), m.id
			g.q.Text, g.q.LastSeen = strings.TrimSpace(text.text), p.s.wall(m.t)
		}
	}
	out := make([]Question, 0, len(groups))
	for _, g := range groups {
		out = append(out, g.q)
	}
	slices.SortFunc(out, func(a, b Question) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(b.LastSeen, a.LastSeen), strings.Compare(a.Text, b.Text))
	})
	return out, nil
}

// fetchTexts looks up the texts of the questions the store did not keep, and keeps them.
func (s *Store) fetchTexts(questions []int32, lookup TextLookup) error {
	var ids []int64
	byID := map[int64]int32{}
	for _, i := range questions {
		if _, ok := s.texts[i]; !ok {
			ids = append(ids, s.msgs.at(int(i)).id)
			byID[s.msgs.at(int(i)).id] = i
		}
	}
	if len(ids) == 0 || lookup == nil {
		return nil
	}
	found, err := lookup(ids)
	if err != nil {
		return err
	}
	for id, text := range found {
		if i, ok := byID[id]; ok {
			s.texts[i] = newQuestionText(text)
		}
	}
	return nil
}
