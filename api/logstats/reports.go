package logstats

import (
	"sort"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/period"
)

// Window is what a report covers: the days from Start to End, in buckets of Period
// whose weeks begin on WeekStart. Bucket i of a report is bucket i of
// period.Summarize over the same window.
type Window struct {
	Period     period.Period
	Start, End period.Date
	WeekStart  time.Weekday
}

// ConversationCounts is messages by sender and distinct sessions.
type ConversationCounts struct {
	VisitorMessages, ChatbotMessages, Sessions int64
}

// Conversations is the conversations report over a window.
type Conversations struct {
	Totals  ConversationCounts
	Buckets []ConversationCounts
	// Active tells which buckets hold at least one day of the log.
	Active []bool
}

// TokenCounts is tokens by kind.
type TokenCounts struct {
	Prompt, Completion, Total int64
}

// Tokens is the token usage report over a window. Its totals are left to the caller,
// who sums the buckets it shows.
type Tokens struct {
	Buckets []TokenCounts
	// Active tells which buckets hold a token row.
	Active []bool
	// NonNumericRows counts token rows whose text is not a number: counted 0, reported.
	NonNumericRows int64
}

// window returns the days of s from start to end.
func (s *Snapshot) window(start, end period.Date) []*logDay {
	i := sort.Search(len(s.days), func(i int) bool { return !s.days[i].date.Before(start) })
	j := sort.Search(len(s.days), func(i int) bool { return s.days[i].date.After(end) })
	if i >= j {
		return nil
	}
	return s.days[i:j]
}

// Conversations counts messages by sender and distinct sessions per bucket of w: a
// session spanning two days is one session in a week.
func (s *Snapshot) Conversations(w Window) Conversations {
	n := period.CountBuckets(w.Period, w.Start, w.End, w.WeekStart)
	r := Conversations{Buckets: make([]ConversationCounts, n), Active: make([]bool, n)}
	// Days come in date order, so buckets do too: a session is new to bucket i when the
	// last bucket it was seen in is another, and new to the window when it was never seen.
	lastBucket := make([]int32, s.nSessions) // bucket index + 1; 0 = not yet seen
	for _, d := range s.window(w.Start, w.End) {
		i := period.BucketOf(w.Period, w.Start, d.date, w.WeekStart)
		b := &r.Buckets[i]
		b.VisitorMessages += d.visitor
		b.ChatbotMessages += d.chatbot
		r.Active[i] = true
		for _, id := range d.sessions {
			switch lastBucket[id] {
			case int32(i + 1):
			case 0:
				r.Totals.Sessions++
				fallthrough
			default:
				b.Sessions++
				lastBucket[id] = int32(i + 1)
			}
		}
		r.Totals.VisitorMessages += d.visitor
		r.Totals.ChatbotMessages += d.chatbot
	}
	return r
}

// Tokens sums prompt, completion and total tokens per bucket of w.
func (s *Snapshot) Tokens(w Window) Tokens {
	n := period.CountBuckets(w.Period, w.Start, w.End, w.WeekStart)
	r := Tokens{Buckets: make([]TokenCounts, n), Active: make([]bool, n)}
	for _, d := range s.window(w.Start, w.End) {
		i := period.BucketOf(w.Period, w.Start, d.date, w.WeekStart)
		b := &r.Buckets[i]
		b.Prompt += d.prompt
		b.Completion += d.completion
		b.Total += d.total
		r.Active[i] = r.Active[i] || d.prompt+d.completion+d.total+d.nonNumber > 0
		r.NonNumericRows += d.nonNumber
	}
	return r
}
