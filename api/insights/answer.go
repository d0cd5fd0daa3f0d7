package insights

import (
	"encoding/json"
	"math"
	"strconv"
)

// Dec is a decimal figure: V / 10^Places, or none (JSON null). Figures are computed and
// rounded as integers, so a half is always rounded away from zero and never lost to
// binary fractions, and trends are computed from the figures as shown.
type Dec struct {
	V      int64
	Places uint8
	Valid  bool
}

var pow10 = [...]int64{1, 10, 100, 1000, 10000}

// ratio is num/den rounded half away from zero to places decimals; none when den is 0.
func ratio(num, den int64, places uint8) Dec {
	if den == 0 {
		return Dec{Places: places}
	}
	return Dec{V: divRound(num*pow10[places], den), Places: places, Valid: true}
}

// divRound is a/b rounded half away from zero.
func divRound(a, b int64) int64 {
	if b < 0 {
		a, b = -a, -b
	}
	if a >= 0 {
		return (2*a + b) / (2 * b)
	}
	return -((-2*a + b) / (2 * b))
}

func whole(n int64) Dec { return Dec{V: n, Valid: true} }

// Float is the figure as a float64 (NaN when none).
func (d Dec) Float() float64 {
	if !d.Valid {
		return math.NaN()
	}
	return float64(d.V) / float64(pow10[d.Places])
}

// MarshalJSON writes the figure in decimal, or null.
func (d Dec) MarshalJSON() ([]byte, error) {
	if !d.Valid {
		return []byte("null"), nil
	}
	if d.Places == 0 {
		return strconv.AppendInt(nil, d.V, 10), nil
	}
	return json.Marshal(d.Float()) // shortest form: 0.35, not 0.35000000000000003
}

// Metrics are the figures of one window. Counts are plain integers; the rest are Decs.
type Metrics struct {
	Conversations     int64            `json:"conversations"`
	UniqueVisitors    int64            `json:"unique_visitors"`
	LoggedInUsers     int64            `json:"logged_in_users"`
	AnonymousVisitors int64            `json:"anonymous_visitors"`
	Messages          MessageCounts    `json:"messages"`
	Duration          DurationFigures  `json:"duration_seconds"`
	Tokens            TokenFigures     `json:"tokens"`
	AvgTurns          Dec              `json:"avg_turns"`
	EngagementRate    Dec              `json:"engagement_rate"`
	Sentiment         SentimentFigures `json:"sentiment"`
	ResolvedRate      Dec              `json:"resolved_rate"`
	TimeSavedHours    Dec              `json:"time_saved_hours"`
}

// MessageCounts are messages by sender.
type MessageCounts struct {
	Visitor int64 `json:"visitor"`
	Chatbot int64 `json:"chatbot"`
	Total   int64 `json:"total"`
}

// DurationFigures describe conversations' lengths in seconds.
type DurationFigures struct {
	Mean   Dec `json:"mean"`   // one decimal
	Median Dec `json:"median"` // one decimal (a half when the middle two differ by an odd number)
	P90    Dec `json:"p90"`    // whole seconds
}

// TokenFigures are the token rows' sums.
type TokenFigures struct {
	Prompt          int64 `json:"prompt"`
	Completion      int64 `json:"completion"`
	Total           int64 `json:"total"`
	UnparsedRows    int64 `json:"unparsed_rows"`
	PerConversation Dec   `json:"per_conversation"`
}

// SentimentFigures are over the scores of the messages of the chosen type.
type SentimentFigures struct {
	Average       Dec   `json:"average"`
	Scored        int64 `json:"scored"`
	ZeroShare     Dec   `json:"zero_share"`
	PositiveShare Dec   `json:"positive_share"`
}

// Trends compare two Metrics key for key; every field is a Dec (null where no trend
// can be given).
type Trends struct {
	Conversations     Dec `json:"conversations"`
	UniqueVisitors    Dec `json:"unique_visitors"`
	LoggedInUsers     Dec `json:"logged_in_users"`
	AnonymousVisitors Dec `json:"anonymous_visitors"`
	Messages          struct {
		Visitor Dec `json:"visitor"`
		Chatbot Dec `json:"chatbot"`
		Total   Dec `json:"total"`
	} `json:"messages"`
	Duration struct {
		Mean   Dec `json:"mean"`
		Median Dec `json:"median"`
		P90    Dec `json:"p90"`
	} `json:"duration_seconds"`
	Tokens struct {
		Prompt          Dec `json:"prompt"`
		Completion      Dec `json:"completion"`
		Total           Dec `json:"total"`
		UnparsedRows    Dec `json:"unparsed_rows"`
		PerConversation Dec `json:"per_conversation"`
	} `json:"tokens"`
	AvgTurns       Dec `json:"avg_turns"`
	EngagementRate Dec `json:"engagement_rate"`
	Sentiment      struct {
		Average       Dec `json:"average"`
		Scored        Dec `json:"scored"`
		ZeroShare     Dec `json:"zero_share"`
		PositiveShare Dec `json:"positive_share"`
	} `json:"sentiment"`
	ResolvedRate   Dec `json:"resolved_rate"`
	TimeSavedHours Dec `json:"time_saved_hours"`
}

// change is a count's or amount's trend: (cur − prev) / prev × 100, one decimal; none
// when prev is 0 or either is none.
func change(cur, prev Dec) Dec {
	if !cur.Valid || !prev.Valid || prev.V == 0 {
		return Dec{Places: 1}
	}
	c, p := scaled(cur, prev)
	return ratio((c-p)*100, p, 1)
}

// points is a rate's trend: the difference, in the figures' own places.
func points(cur, prev Dec) Dec {
	if !cur.Valid || !prev.Valid {
		return Dec{Places: max(cur.Places, prev.Places)}
	}
	c, p := scaled(cur, prev)
	return Dec{V: c - p, Places: max(cur.Places, prev.Places), Valid: true}
}

// scaled brings two figures to the same number of places.
func scaled(a, b Dec) (int64, int64) {
	pl := max(a.Places, b.Places)
	return a.V * pow10[pl-a.Places], b.V * pow10[pl-b.Places]
}

func count(cur, prev int64) Dec { return change(whole(cur), whole(prev)) }

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
