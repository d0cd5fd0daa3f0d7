package insights

import (
	"unsafe"

	"github.com/kchat-sidecar/kchat-sidecar/api/decimal"
)

// Metrics are the figures of one window. Counts are plain integers; the rest are Decs.
type Metrics struct {
	Conversations     int64            `json:"conversations"`
	UniqueVisitors    int64            `json:"unique_visitors"`
	LoggedInUsers     int64            `json:"logged_in_users"`
	AnonymousVisitors int64            `json:"anonymous_visitors"`
	Messages          MessageCounts    `json:"messages"`
	Duration          DurationFigures  `json:"duration_seconds"`
	Tokens            TokenFigures     `json:"tokens"`
	AvgTurns          decimal.Dec      `json:"avg_turns"`
	EngagementRate    decimal.Dec      `json:"engagement_rate"`
	Sentiment         SentimentFigures `json:"sentiment"`
	ResolvedRate      decimal.Dec      `json:"resolved_rate"`
	TimeSavedHours    decimal.Dec      `json:"time_saved_hours"`
}

// MessageCounts are messages by sender.
type MessageCounts struct {
	Visitor int64 `json:"visitor"`
	Chatbot int64 `json:"chatbot"`
	Total   int64 `json:"total"`
}

// DurationFigures describe conversations' lengths in seconds.
type DurationFigures struct {
	Mean   decimal.Dec `json:"mean"`   // one decimal
	Median decimal.Dec `json:"median"` // one decimal (a half when the middle two differ by an odd number)
	P90    decimal.Dec `json:"p90"`    // whole seconds
}

// TokenFigures are the token rows' sums.
type TokenFigures struct {
	Prompt          int64       `json:"prompt"`
	Completion      int64       `json:"completion"`
	Total           int64       `json:"total"`
	UnparsedRows    int64       `json:"unparsed_rows"`
	PerConversation decimal.Dec `json:"per_conversation"`
}

// SentimentFigures are over the scores of the messages of the chosen type.
type SentimentFigures struct {
	Average       decimal.Dec `json:"average"`
	Scored        int64       `json:"scored"`
	ZeroShare     decimal.Dec `json:"zero_share"`
	PositiveShare decimal.Dec `json:"positive_share"`
}

// Trends compare two Metrics key for key; every field is a Dec (null where no trend
// can be given).
type Trends struct {
	Conversations     decimal.Dec `json:"conversations"`
	UniqueVisitors    decimal.Dec `json:"unique_visitors"`
	LoggedInUsers     decimal.Dec `json:"logged_in_users"`
	AnonymousVisitors decimal.Dec `json:"anonymous_visitors"`
	Messages          struct {
		Visitor decimal.Dec `json:"visitor"`
		Chatbot decimal.Dec `json:"chatbot"`
		Total   decimal.Dec `json:"total"`
	} `json:"messages"`
	Duration struct {
		Mean   decimal.Dec `json:"mean"`
		Median decimal.Dec `json:"median"`
		P90    decimal.Dec `json:"p90"`
	} `json:"duration_seconds"`
	Tokens struct {
		Prompt          decimal.Dec `json:"prompt"`
		Completion      decimal.Dec `json:"completion"`
		Total           decimal.Dec `json:"total"`
		UnparsedRows    decimal.Dec `json:"unparsed_rows"`
		PerConversation decimal.Dec `json:"per_conversation"`
	} `json:"tokens"`
	AvgTurns       decimal.Dec `json:"avg_turns"`
	EngagementRate decimal.Dec `json:"engagement_rate"`
	Sentiment      struct {
		Average       decimal.Dec `json:"average"`
		Scored        decimal.Dec `json:"scored"`
		ZeroShare     decimal.Dec `json:"zero_share"`
		PositiveShare decimal.Dec `json:"positive_share"`
	} `json:"sentiment"`
	ResolvedRate   decimal.Dec `json:"resolved_rate"`
	TimeSavedHours decimal.Dec `json:"time_saved_hours"`
}

// change is a count's or amount's trend: (cur − prev) / prev × 100, one decimal; none
// when prev is 0 or either is none.
func change(cur, prev decimal.Dec) decimal.Dec {
	if !cur.Valid || !prev.Valid || prev.V == 0 {
		return decimal.Dec{Places: 1}
	}
	c, p := scaled(cur, prev)
	return decimal.Percent(c-p, p)
}

// points is a rate's trend: the difference, in the figures' own places.
func points(cur, prev decimal.Dec) decimal.Dec {
	if !cur.Valid || !prev.Valid {
		return decimal.Dec{Places: max(cur.Places, prev.Places)}
	}
	c, p := scaled(cur, prev)
	return decimal.Dec{V: c - p, Places: max(cur.Places, prev.Places), Valid: true}
}

// scaled brings two figures to the same number of places.
func scaled(a, b decimal.Dec) (int64, int64) {
	pl := max(a.Places, b.Places)
	return a.Scaled(pl), b.Scaled(pl)
}

func count(cur, prev int64) decimal.Dec { return change(decimal.Whole(cur), decimal.Whole(prev)) }

// TrendsOf compares cur with prev as the contract says: counts and amounts by relative
// change, rates and shares by percentage points, the sentiment average by difference.
func TrendsOf(cur, prev *Metrics) Trends {
	var t Trends
	t.Conversations = count(cur.Conversations, prev.Conversations)
	t.UniqueVisitors = count(cur.UniqueVisitors, prev.UniqueVisitors)
	t.LoggedInUsers = count(cur.LoggedInUsers, prev.LoggedInUsers)
	t.AnonymousVisitors = count(cur.AnonymousVisitors, prev.AnonymousVisitors)
	t.Messages.Visitor = count(cur.Messages.Visitor, prev.Messages.Visitor)
	t.Messages.Chatbot = count(cur.Messages.Chatbot, prev.Messages.Chatbot)
	t.Messages.Total = count(cur.Messages.Total, prev.Messages.Total)
	t.Duration.Mean = change(cur.Duration.Mean, prev.Duration.Mean)
	t.Duration.Median = change(cur.Duration.Median, prev.Duration.Median)
	t.Duration.P90 = change(cur.Duration.P90, prev.Duration.P90)
	t.Tokens.Prompt = count(cur.Tokens.Prompt, prev.Tokens.Prompt)
	t.Tokens.Completion = count(cur.Tokens.Completion, prev.Tokens.Completion)
	t.Tokens.Total = count(cur.Tokens.Total, prev.Tokens.Total)
	t.Tokens.UnparsedRows = count(cur.Tokens.UnparsedRows, prev.Tokens.UnparsedRows)
	t.Tokens.PerConversation = change(cur.Tokens.PerConversation, prev.Tokens.PerConversation)
	t.AvgTurns = change(cur.AvgTurns, prev.AvgTurns)
	t.EngagementRate = points(cur.EngagementRate, prev.EngagementRate)
	t.Sentiment.Average = points(cur.Sentiment.Average, prev.Sentiment.Average)
	t.Sentiment.Scored = count(cur.Sentiment.Scored, prev.Sentiment.Scored)
	t.Sentiment.ZeroShare = points(cur.Sentiment.ZeroShare, prev.Sentiment.ZeroShare)
	t.Sentiment.PositiveShare = points(cur.Sentiment.PositiveShare, prev.Sentiment.PositiveShare)
	t.ResolvedRate = points(cur.ResolvedRate, prev.ResolvedRate)
	t.TimeSavedHours = change(cur.TimeSavedHours, prev.TimeSavedHours)
	return t
}

// Page is one entry of the pages list.
type Page struct {
	ID            int64
	Conversations int64
}

// Assistant is one entry of the assistants list; Name is empty when it never had one.
type Assistant struct {
	ID, Name      string
	Conversations int64
}

// Question is one unanswered question, its spellings grouped.
type Question struct {
	Text     string
	Count    int64
	LastSeen Wall
}

// Answer is everything the Insights routes show for one set of windows.
type Answer struct {
	Windows    Windows
	Metrics    [nWindows]Metrics
	Trends     Trends
	Pages      []Page      // by conversations, then id
	Assistants []Assistant // by conversations, then id
	Questions  []Question  // by count, then last seen (latest first), then text
}

// bytes is about how much memory the answer holds.
func (a *Answer) bytes() int64 {
	n := int64(unsafe.Sizeof(*a)) + int64(cap(a.Pages))*int64(unsafe.Sizeof(Page{}))
	n += int64(cap(a.Assistants)) * int64(unsafe.Sizeof(Assistant{}))
	for _, x := range a.Assistants {
		n += int64(len(x.ID) + len(x.Name))
	}
	n += int64(cap(a.Questions)) * int64(unsafe.Sizeof(Question{}))
	for _, q := range a.Questions {
		n += int64(len(q.Text))
	}
	return n
}
