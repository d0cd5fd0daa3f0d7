package api

import (
	"database/sql"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/kchat-sidecar/kchat-sidecar/api/logstats"
	"github.com/kchat-sidecar/kchat-sidecar/api/period"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// exportLog answers GET /conversations/export and /tokens/export: the plugin's
// conversation and token usage downloads, streamed from the cursor. Text a spreadsheet
// would run as a formula is neutralized unless escape_formulas=false asks for the
// database's bytes exactly.
func (s *Server) exportLog(tokensOnly bool) echo.HandlerFunc {
	name, header := "Chatbot-ChatGPT-Conversation-Logs", repository.LogColumns
	if tokensOnly {
		name, header = "Chatbot-ChatGPT-Token-Usage", repository.TokenColumns
	}
	return func(c echo.Context) error {
		q := newQuery(c.Request().URL.RawQuery)
		start, end, hasStart, hasEnd := q.dateRange()
		opt := q.csvOptions(true)
		if err := q.err(); err != nil {
			return err
		}
		record := make([]string, len(header))
		return s.streamCSV(c, name, opt, header, func(emit func([]string) error) error {
			return s.siteOf(c.Request().Context()).store.EachLogRow(c.Request().Context(), dateRange(start, end, hasStart, hasEnd), tokensOnly,
				func(row []sql.NullString) error {
					for i, cell := range row {
						record[i] = cell.String // NULL is an empty cell, as in the plugin's export
					}
					return emit(record)
				})
		})
	}
}

type conversationCounts struct {
	VisitorMessages int64 `json:"visitor_messages"`
	ChatbotMessages int64 `json:"chatbot_messages"`
	Sessions        int64 `json:"sessions"`
}

type tokenCounts struct {
	PromptTokens     int64 `json:"prompt_tokens"`
	CompletionTokens int64 `json:"completion_tokens"`
	TotalTokens      int64 `json:"total_tokens"`
}

// logSummaryHead opens both log summaries.
type logSummaryHead struct {
	Period   string `json:"period"`
	Start    string `json:"start"`
	End      string `json:"end"`
	Timezone string `json:"timezone"`
}

type conversationSummary struct {
	logSummaryHead
	Totals  conversationCounts   `json:"totals"`
	Buckets []conversationBucket `json:"buckets"`
}

type conversationBucket struct {
	Label string `json:"label"`
	Start string `json:"start"`
	End   string `json:"end"`
	conversationCounts
}

type tokenSummary struct {
	logSummaryHead
	Totals  tokenCounts   `json:"totals"`
	Buckets []tokenBucket `json:"buckets"`
	// NonNumericRows counts token rows whose text is not a number: counted 0, reported.
	NonNumericRows int64 `json:"non_numeric_rows"`
}

type tokenBucket struct {
	Label string `json:"label"`
	Start string `json:"start"`
	End   string `json:"end"`
	tokenCounts
}

// conversationsSummary answers GET /conversations/summary: messages by sender and
// distinct sessions per bucket (a session spanning two days is one session in a week).
func (s *Server) conversationsSummary(c echo.Context) error {
	q, err := s.logSummaryInput(c)
	if err != nil {
		return err
	}
	r := q.days.Conversations(q.window)
	resp := conversationSummary{logSummaryHead: q.head, Totals: conversationCountsOf(r.Totals), Buckets: []conversationBucket{}}
	for i, f := range q.frames {
		if !q.fill && !r.Active[i] {
			continue
		}
		resp.Buckets = append(resp.Buckets, conversationBucket{Label: f.Label, Start: f.Start.String(), End: f.End.String(), conversationCounts: conversationCountsOf(r.Buckets[i])})
	}
	return writeJSON(c, http.StatusOK, resp)
}

func conversationCountsOf(n logstats.ConversationCounts) conversationCounts {
	return conversationCounts{VisitorMessages: n.VisitorMessages, ChatbotMessages: n.ChatbotMessages, Sessions: n.Sessions}
}

// tokensSummary answers GET /tokens/summary: prompt, completion and total tokens per
// bucket, from the numbers the plugin stores as text.
func (s *Server) tokensSummary(c echo.Context) error {
	q, err := s.logSummaryInput(c)
	if err != nil {
		return err
	}
	r := q.days.Tokens(q.window)
	resp := tokenSummary{logSummaryHead: q.head, Buckets: []tokenBucket{}, NonNumericRows: r.NonNumericRows}
	for i, f := range q.frames {
		if !q.fill && !r.Active[i] {
			continue
		}
		n := tokenCounts{PromptTokens: r.Buckets[i].Prompt, CompletionTokens: r.Buckets[i].Completion, TotalTokens: r.Buckets[i].Total}
		resp.Totals.PromptTokens += n.PromptTokens
		resp.Totals.CompletionTokens += n.CompletionTokens
		resp.Totals.TotalTokens += n.TotalTokens
		resp.Buckets = append(resp.Buckets, tokenBucket{Label: f.Label, Start: f.Start.String(), End: f.End.String(), tokenCounts: n})
	}
	return writeJSON(c, http.StatusOK, resp)
}

// logSummaryRequest is a validated log summary request and the log counted per day.
type logSummaryRequest struct {
	head   logSummaryHead
	window logstats.Window
	frames []period.Bucket // the window's buckets, in order
	fill   bool            // answer every bucket, not only those with data
	days   *logstats.Snapshot
}

// logSummaryInput validates a summary request, as for interactions, and gets the log
// counted per day.
func (s *Server) logSummaryInput(c echo.Context) (logSummaryRequest, error) {
	ctx := c.Request().Context()
	st, err := s.site(ctx)
	if err != nil {
		return logSummaryRequest{}, err
	}
	p, err := parseSummaryParams(c.Request().URL.RawQuery, st.today, st.defaultPeriod, st.weekStart)
	if err != nil {
		return logSummaryRequest{}, err
	}
	days, err := s.siteOf(ctx).logDays.Get(ctx)
	return logSummaryRequest{
		head:   logSummaryHead{Period: p.Period.String(), Start: p.Start.String(), End: p.End.String(), Timezone: st.zoneName},
		window: logstats.Window{Period: p.Period, Start: p.Start, End: p.End, WeekStart: st.weekStart},
		frames: period.Summarize(p.Period, p.Start, p.End, st.weekStart, nil),
		fill:   p.Fill,
		days:   days,
	}, err
}
