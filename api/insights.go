package api

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/kchat-sidecar/kchat-sidecar/api/insights"
	"github.com/kchat-sidecar/kchat-sidecar/api/period"
)

// InsightsConfig sets what the Insights figures depend on.
type InsightsConfig struct {
	// ConversationGap splits a session into conversations; 30 minutes when zero.
	ConversationGap time.Duration
	// MinutesPerConversation prices a conversation in time saved; 1.4 when nil.
	MinutesPerConversation *float64
	// FallbackPhrases tell fallback replies (normalized, as insights.ParsePhrases gives);
	// insights.DefaultPhrases when nil.
	FallbackPhrases []string
}

// Insights defaults, as kchat-sidecar states them for its settings.
const (
	DefaultConversationGap        = 30 * time.Minute
	DefaultMinutesPerConversation = 1.4
)

func newInsightsCache(store Store, now func() time.Time, cfg InsightsConfig) *insights.Cache {
	opt := insights.Options{Gap: cfg.ConversationGap, MinutesPerConversation: DefaultMinutesPerConversation}
	if opt.Gap <= 0 {
		opt.Gap = DefaultConversationGap
	}
	if cfg.MinutesPerConversation != nil {
		opt.MinutesPerConversation = *cfg.MinutesPerConversation
	}
	phrases := cfg.FallbackPhrases
	if phrases == nil {
		phrases = insights.DefaultPhrases
	}
	return insights.NewCache(store, now, opt, phrases)
}

// maxInsightDays is the longest custom window: a leap year.
const maxInsightDays = 366

// insightsRequest is a validated Insights request and its windows.
type insightsRequest struct {
	period   insights.Period
	typ      insights.Sentiment
	windows  insights.Windows
	zoneName string
}

var sentimentTypes = map[string]insights.Sentiment{"visitor": insights.VisitorSentiment, "chatbot": insights.ChatbotSentiment, "all": insights.AllSentiment}

// insightsInput reads period or start/end (and, for /insights, type) into the windows
// of the site's wall clock at the request's second.
func (s *Server) insightsInput(c echo.Context, q *query, withType bool) (insightsRequest, error) {
	r := insightsRequest{period: insights.Month}
	if v, ok := q.single("period"); ok {
		if r.period, ok = insights.ParsePeriod(v); !ok {
			q.fail("period", "period is not one of today, week, month, quarter, year.")
		}
	}
	_, periodGiven := q.values["period"]
	start, end, custom := customWindow(q, periodGiven)
	if withType {
		if v, ok := q.single("type"); ok {
			if r.typ, ok = sentimentTypes[strings.ToLower(v)]; !ok {
				q.fail("type", "type is not one of visitor, chatbot, all.")
			}
		}
	}
	return r, s.insightWindows(c, q, &r, start, end, custom)
}

// customWindow reads start and end, which come together, never with period, and span at
// most maxInsightDays.
func customWindow(q *query, periodGiven bool) (start, end period.Date, ok bool) {
	start, hasStart := q.date("start")
	end, hasEnd := q.date("end")
	switch {
	case periodGiven && (hasStart || hasEnd || q.failed("start") || q.failed("end")):
		q.fail("period", "period cannot be combined with start and end.")
	case hasStart && !hasEnd && !q.failed("end"):
		q.fail("end", "end is required with start.")
	case hasEnd && !hasStart && !q.failed("start"):
		q.fail("start", "start is required with end.")
	case hasStart && hasEnd && start.After(end):
		q.fail("start", "start must not be after end.")
	case hasStart && hasEnd && end.AddDays(-maxInsightDays+1).After(start):
		q.fail("end", "The window from start to end may hold at most "+strconv.Itoa(maxInsightDays)+" days.")
	case hasStart && hasEnd && !start.AddDays(-int((insights.WallAt(end)-insights.WallAt(start))/86400)-1).Valid():
		q.fail("start", "The window before start, as long as start to end, would begin before 0001-01-01.")
	}
	return start, end, hasStart && hasEnd
}

// insightWindows checks the query, then reads the site's zone and week start for r's windows.
func (s *Server) insightWindows(c echo.Context, q *query, r *insightsRequest, start, end period.Date, custom bool) error {
	if err := q.err(); err != nil {
		return err
	}
	settings, err := s.siteSettings(c.Request().Context())
	if err != nil {
		return err
	}
	now := insights.WallOf(s.now().In(settings.loc))
	r.zoneName = settings.zoneName
	if custom {
		r.period = insights.Custom
		r.windows = insights.CustomWindows(start, end, now)
	} else {
		r.windows = insights.PeriodWindows(r.period, now, settings.StartOfWeek)
	}
	return nil
}

type insightsWindow struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

func windowOf(w insights.Window) insightsWindow {
	return insightsWindow{Start: w.Start.String(), End: w.End.String()}
}

type insightsResponse struct {
	Period   string `json:"period"`
	Type     string `json:"type"`
	Timezone string `json:"timezone"`
	Windows  struct {
		Current        insightsWindow `json:"current"`
		Previous       insightsWindow `json:"previous"`
		PreviousToDate insightsWindow `json:"previous_to_date"`
	} `json:"windows"`
	Current        *insights.Metrics `json:"current"`
	Previous       *insights.Metrics `json:"previous"`
	PreviousToDate *insights.Metrics `json:"previous_to_date"`
	Trends         *insights.Trends  `json:"trends"`
}

// insights answers GET /insights: the plugin's dashboard cards for three windows.
func (s *Server) insights(c echo.Context) error {
	q := newQuery(c.Request().URL.RawQuery)
	r, err := s.insightsInput(c, q, true)
	if err != nil {
		return err
	}
	a, err := s.siteOf(c.Request().Context()).insights.Answer(c.Request().Context(), r.windows, r.typ)
	if err != nil {
		return err
	}
	resp := insightsResponse{Period: r.period.String(), Timezone: r.zoneName,
		Current: &a.Metrics[insights.Current], Previous: &a.Metrics[insights.Previous],
		PreviousToDate: &a.Metrics[insights.PreviousToDate], Trends: &a.Trends}
	for name, t := range sentimentTypes {
		if t == r.typ {
			resp.Type = name
		}
	}
	resp.Windows.Current = windowOf(a.Windows[insights.Current])
	resp.Windows.Previous = windowOf(a.Windows[insights.Previous])
	resp.Windows.PreviousToDate = windowOf(a.Windows[insights.PreviousToDate])
	return writeJSON(c, http.StatusOK, resp)
}

// insightsList reads a list route's parameters and gets the answer of its windows.
func (s *Server) insightsList(c echo.Context) (*insights.Answer, int, error) {
	q := newQuery(c.Request().URL.RawQuery)
	limit := q.integer("limit", 10, 1, 100)
	r, err := s.insightsInput(c, q, false)
	if err != nil {
		return nil, 0, err
	}
	a, err := s.siteOf(c.Request().Context()).insights.Answer(c.Request().Context(), r.windows, insights.VisitorSentiment)
	return a, limit, err
}

type insightsPage struct {
	PageID        int64   `json:"page_id"`
	Title         *string `json:"title"`
	URL           *string `json:"url"`
	Conversations int64   `json:"conversations"`
}

// insightsPages answers GET /insights/pages, with the posts' titles and links.
func (s *Server) insightsPages(c echo.Context) error {
	a, limit, err := s.insightsList(c)
	if err != nil {
		return err
	}
	pages := a.Pages[:min(limit, len(a.Pages))]
	ids := make([]int64, len(pages))
	for i, p := range pages {
		ids[i] = p.ID
	}
	ctx := c.Request().Context()
	posts, err := s.siteOf(ctx).store.Posts(ctx, ids)
	if err != nil {
		return err
	}
	home, err := s.siteHome(ctx)
	if err != nil {
		return err
	}
	out := make([]insightsPage, len(pages))
	for i, p := range pages {
		out[i] = insightsPage{PageID: p.ID, Conversations: p.Conversations}
		if post, ok := posts[p.ID]; ok {
			title, link := post.Title, home+"/?p="+strconv.FormatInt(p.ID, 10)
			if post.Type == "page" {
				link = home + "/?page_id=" + strconv.FormatInt(p.ID, 10)
			}
			out[i].Title, out[i].URL = &title, &link
		}
	}
	return writeJSON(c, http.StatusOK, out)
}

type insightsAssistant struct {
	ID            string  `json:"assistant_id"`
	Name          *string `json:"name"`
	Conversations int64   `json:"conversations"`
}

// insightsAssistants answers GET /insights/assistants.
func (s *Server) insightsAssistants(c echo.Context) error {
	a, limit, err := s.insightsList(c)
	if err != nil {
		return err
	}
	out := make([]insightsAssistant, min(limit, len(a.Assistants)))
	for i := range out {
		x := a.Assistants[i]
		out[i] = insightsAssistant{ID: x.ID, Conversations: x.Conversations}
		if x.Name != "" {
			out[i].Name = &x.Name
		}
	}
	return writeJSON(c, http.StatusOK, out)
}

type unansweredQuestion struct {
	Text     string `json:"text"`
	Count    int64  `json:"count"`
	LastSeen string `json:"last_seen"`
}

// insightsUnanswered answers GET /insights/unanswered.
func (s *Server) insightsUnanswered(c echo.Context) error {
	a, limit, err := s.insightsList(c)
	if err != nil {
		return err
	}
	out := make([]unansweredQuestion, min(limit, len(a.Questions)))
	for i := range out {
		q := a.Questions[i]
		out[i] = unansweredQuestion{Text: q.Text, Count: q.Count, LastSeen: q.LastSeen.String()}
	}
	return writeJSON(c, http.StatusOK, out)
}

// exportUnanswered answers GET /insights/unanswered/export: every question of the
// current window as CSV, formula-like text neutralized unless escape_formulas=false.
func (s *Server) exportUnanswered(c echo.Context) error {
	q := newQuery(c.Request().URL.RawQuery)
	opt := q.csvOptions(true)
	r, err := s.insightsInput(c, q, false)
	if err != nil {
		return err
	}
	record := make([]string, 3)
	return s.streamCSV(c, "Chatbot-ChatGPT-Unanswered-Questions", opt, []string{"question", "count", "last_seen"},
		func(emit func([]string) error) error {
			a, err := s.siteOf(c.Request().Context()).insights.Answer(c.Request().Context(), r.windows, insights.VisitorSentiment)
			if err != nil {
				return err
			}
			for _, x := range a.Questions {
				record[0], record[1], record[2] = x.Text, strconv.FormatInt(x.Count, 10), x.LastSeen.String()
				if err := emit(record); err != nil {
					return err
				}
			}
			return nil
		})
}
