package insights_test

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/insights"
	"github.com/kchat-sidecar/kchat-sidecar/api/period"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// row is a log row for tests: score "" is NULL.
type row struct {
	id                      int64
	session, user, page, at string
	kind                    repository.LogKind
	assistant, name, text   string
	score                   string
}

const (
	V   = repository.KindVisitor
	C   = repository.KindChatbot
	TT  = repository.KindTotalTokens
	PT  = repository.KindPromptTokens
	CT  = repository.KindCompletionTokens
	gap = 30 * time.Minute
)

func (r row) insight() *repository.InsightRow {
	ir := &repository.InsightRow{ID: r.id, Session: []byte(r.session), UserID: []byte(r.user), PageID: []byte(r.page),
		Time: []byte(r.at), Kind: r.kind, AssistantID: []byte(r.assistant), AssistantName: []byte(r.name), Text: []byte(r.text)}
	if r.score != "" {
		f, err := strconv.ParseFloat(r.score, 64)
		if err != nil {
			panic(err)
		}
		ir.Score, ir.Scored = f, true
	}
	return ir
}

func storeOf(rows []row, from string) *insights.Store {
	s := insights.NewStore(wall(from), insights.NewMatcher(insights.DefaultPhrases))
	for _, r := range rows {
		s.Add(r.insight())
	}
	return s
}

func wall(s string) insights.Wall {
	t, err := time.Parse(time.DateTime, s)
	if err != nil {
		panic(err)
	}
	return insights.WallOf(t)
}

func date(s string) period.Date {
	d, err := period.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// theLog exercises every trap: see the comments for what each session tests. Figures
// in TestCompute are worked out by hand from it.
var theLog = []row{
	// A: anonymous; a gap of exactly 30 minutes continues (5), one of 30:01 splits (7);
	// token text " 42 " reads 42, "total_tokens: 42" is unparsed; ’ and capitals in a
	// fallback (6); the same question as G's in other case and spacing (7).
	{1, "A", "0", "5", "2026-12-02 10:00:00", V, "asst1", "Helper", "Where is my order?", "0.5"},
	{2, "A", "0", "5", "2026-12-02 10:00:05", C, "asst1", "Helper", "It ships today.", ""},
	{3, "A", "0", "5", "2026-12-02 10:00:05", TT, "", "", " 42 ", "0"},
	{4, "A", "0", "5", "2026-12-02 10:00:05", PT, "", "", "total_tokens: 42", "0"},
	{5, "A", "0", "6", "2026-12-02 10:30:05", V, "asst1", "", "and the invoice?", "0"},
	{6, "A", "0", "6", "2026-12-02 10:30:06", C, "asst1", "Helper 2", "I’M NOT FOLLOWING, sorry.", ""},
	{7, "A", "", "5", "2026-12-02 11:00:07", V, "", "", "  WHERE is   my order? ", "-0.5"},
	{8, "A", "", "5", "2026-12-02 11:00:10", C, "", "", "Could you rephrase that?", ""},
	// B: logs in mid-chat (user 7); lasts exactly 300 s.
	{9, "B", "0", "7", "2026-12-02 09:00:00", V, "", "", "hi", "0.2"},
	{10, "B", "0", "7", "2026-12-02 09:00:01", C, "", "", "hello, I'm sorry to hear that", "0.3"},
	{11, "B", "7", "7", "2026-12-02 09:02:00", V, "", "", "thanks", ""},
	{12, "B", "7", "7", "2026-12-02 09:05:00", V, "", "", "bye", "0"},
	// C: the chatbot alone: messages, no conversation.
	{13, "C", "0", "0", "2026-12-02 08:00:00", C, "", "", "Welcome!", "0.9"},
	// D: begins the day before and continues into the current window.
	{14, "D", "3", "8", "2026-12-01 23:50:00", V, "", "", "late question", "0.1"},
	{15, "D", "3", "8", "2026-12-02 00:10:00", V, "", "", "still there?", ""},
	{16, "D", "3", "8", "2026-12-02 00:10:30", C, "", "", "yes", ""},
	// E: ids out of time order (the question 18 is earlier than the reply 17), and the
	// conversation runs past the window's end.
	{17, "E", "0", "9", "2026-12-02 23:59:10", C, "", "", "I couldn’t find that.", ""},
	{18, "E", "0", "9", "2026-12-02 23:59:00", V, "", "", "Do you sell gift cards?", "0.4"},
	{19, "E", "0", "9", "2026-12-03 00:05:00", V, "", "", "hello?", ""},
	{20, "E", "0", "9", "2026-12-03 00:05:01", C, "", "", "Yes we do.", ""},
	// F: the day before, in previous_to_date too.
	{21, "F", "0", "5", "2026-12-01 09:00:00", V, "", "", "where is my order?", "0.3"},
	{22, "F", "0", "5", "2026-12-01 09:00:02", C, "", "", "Could you rephrase?", ""},
	{23, "F", "0", "5", "2026-12-01 09:00:02", TT, "", "", "10", "0"},
	// G: a fallback in the same second as its question.
	{24, "G", "0", "0", "2026-12-02 07:00:00", V, "", "", "Where is my ORDER?", ""},
	{25, "G", "0", "0", "2026-12-02 07:00:00", C, "", "", "I don't have information on orders.", ""},
}

func compute(t *testing.T, rows []row, typ insights.Sentiment) (*insights.Answer, []int64) {
	t.Helper()
	s := storeOf(rows, "2026-11-30 23:30:00")
	ws := insights.CustomWindows(date("2026-12-02"), date("2026-12-02"), wall("2026-12-02 12:00:00"))
	texts := map[int64]string{}
	for _, r := range rows {
		texts[r.id] = r.text
	}
	var asked []int64
	a, err := s.Compute(ws, insights.Options{Gap: gap, MinutesPerConversation: 1.4, Sentiment: typ}, func(ids []int64) (map[int64]string, error) {
		asked = append(asked, ids...)
		out := map[int64]string{}
		for _, id := range ids {
			out[id] = texts[id]
		}
		return out, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return a, asked
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func sameJSON(t *testing.T, what string, got any, want string) {
	t.Helper()
	var w any
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("%s: bad want: %v", what, err)
	}
	wb, _ := json.Marshal(w)
	var g any
	if err := json.Unmarshal([]byte(jsonOf(t, got)), &g); err != nil {
		t.Fatal(err)
	}
	if gb, _ := json.Marshal(g); string(gb) != string(wb) {
		t.Errorf("%s:\n got %s\nwant %s", what, gb, wb)
	}
}

func TestCompute(t *testing.T) {
	a, asked := compute(t, theLog, insights.VisitorSentiment)
	if got, want := [3]string{a.Windows[0].Start.String(), a.Windows[1].Start.String(), a.Windows[2].End.String()},
		[3]string{"2026-12-02T00:00:00", "2026-12-01T00:00:00", "2026-12-01T12:00:00"}; got != want {
		t.Errorf("windows %v, want %v", got, want)
	}
	sameJSON(t, "current", a.Metrics[insights.Current], `{"conversations":5,"unique_visitors":5,"logged_in_users":2,"anonymous_visitors":3,
		"messages":{"visitor":9,"chatbot":8,"total":17},"duration_seconds":{"mean":494,"median":300,"p90":1806},
		"tokens":{"prompt":0,"completion":0,"total":42,"unparsed_rows":1,"per_conversation":8.4},
		"avg_turns":1.8,"engagement_rate":60,"sentiment":{"average":0.1,"scored":6,"zero_share":33.3,"positive_share":75},
		"resolved_rate":20,"time_saved_hours":0.1}`)
	sameJSON(t, "previous", a.Metrics[insights.Previous], `{"conversations":2,"unique_visitors":2,"logged_in_users":1,"anonymous_visitors":1,
		"messages":{"visitor":2,"chatbot":1,"total":3},"duration_seconds":{"mean":616,"median":616,"p90":1230},
		"tokens":{"prompt":0,"completion":0,"total":10,"unparsed_rows":0,"per_conversation":5},
		"avg_turns":1.5,"engagement_rate":50,"sentiment":{"average":0.2,"scored":2,"zero_share":0,"positive_share":100},
		"resolved_rate":50,"time_saved_hours":0}`)
	sameJSON(t, "previous_to_date", a.Metrics[insights.PreviousToDate], `{"conversations":1,"unique_visitors":1,"logged_in_users":0,"anonymous_visitors":1,
		"messages":{"visitor":1,"chatbot":1,"total":2},"duration_seconds":{"mean":2,"median":2,"p90":2},
		"tokens":{"prompt":0,"completion":0,"total":10,"unparsed_rows":0,"per_conversation":10},
		"avg_turns":1,"engagement_rate":0,"sentiment":{"average":0.3,"scored":1,"zero_share":0,"positive_share":100},
		"resolved_rate":0,"time_saved_hours":0}`)
	sameJSON(t, "trends", a.Trends, `{"conversations":400,"unique_visitors":400,"logged_in_users":null,"anonymous_visitors":200,
		"messages":{"visitor":800,"chatbot":700,"total":750},"duration_seconds":{"mean":24600,"median":14900,"p90":90200},
		"tokens":{"prompt":null,"completion":null,"total":320,"unparsed_rows":null,"per_conversation":-16},
		"avg_turns":80,"engagement_rate":60,"sentiment":{"average":-0.2,"scored":500,"zero_share":33.3,"positive_share":-25},
		"resolved_rate":20,"time_saved_hours":null}`)
	sameJSON(t, "pages", a.Pages, `[{"ID":5,"Conversations":2},{"ID":6,"Conversations":1},{"ID":7,"Conversations":1},{"ID":9,"Conversations":1}]`)
	sameJSON(t, "assistants", a.Assistants, `[{"ID":"asst1","Name":"Helper 2","Conversations":1}]`)
	sameJSON(t, "questions", a.Questions, `[{"Text":"WHERE is   my order?","Count":2,"LastSeen":`+jsonOf(t, wall("2026-12-02 11:00:07"))+`},
		{"Text":"Do you sell gift cards?","Count":1,"LastSeen":`+jsonOf(t, wall("2026-12-02 23:59:00"))+`},
		{"Text":"and the invoice?","Count":1,"LastSeen":`+jsonOf(t, wall("2026-12-02 10:30:05"))+`}]`)
	// Only the question that came after its reply in id order was not kept.
	if !slices.Equal(asked, []int64{18}) {
		t.Errorf("looked up %v, want [18]", asked)
	}
}

func TestComputeSentimentTypes(t *testing.T) {
	a, _ := compute(t, theLog, insights.ChatbotSentiment)
	sameJSON(t, "chatbot", a.Metrics[insights.Current].Sentiment, `{"average":0.6,"scored":2,"zero_share":0,"positive_share":100}`)
	a, _ = compute(t, theLog, insights.AllSentiment)
	sameJSON(t, "all", a.Metrics[insights.Current].Sentiment, `{"average":0.225,"scored":8,"zero_share":25,"positive_share":75}`)
}

// The answer does not depend on the order rows arrive in, only on their ids and times.
func TestComputeOrderFree(t *testing.T) {
	want, _ := compute(t, theLog, insights.AllSentiment)
	rev := slices.Clone(theLog)
	slices.Reverse(rev)
	got, _ := compute(t, rev, insights.AllSentiment)
	if g, w := jsonOf(t, got), jsonOf(t, want); g != w {
		t.Errorf("reversed rows:\n got %s\nwant %s", g, w)
	}
}

// Added in two parts (the second as an append), the store answers as when filled at once.
func TestComputeAppend(t *testing.T) {
	want, _ := compute(t, theLog, insights.VisitorSentiment)
	s := storeOf(theLog[:12], "2026-11-30 23:30:00")
	ws := insights.CustomWindows(date("2026-12-02"), date("2026-12-02"), wall("2026-12-02 12:00:00"))
	opt := insights.Options{Gap: gap, MinutesPerConversation: 1.4}
	if _, err := s.Compute(ws, opt, nil); err != nil {
		t.Fatal(err)
	}
	for _, r := range theLog[12:] {
		s.Add(r.insight())
	}
	got, err := s.Compute(ws, opt, func(ids []int64) (map[int64]string, error) {
		return map[int64]string{18: "Do you sell gift cards?"}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if g, w := jsonOf(t, got), jsonOf(t, want); g != w {
		t.Errorf("appended:\n got %s\nwant %s", g, w)
	}
}

func TestComputeEmpty(t *testing.T) {
	a, _ := compute(t, nil, insights.VisitorSentiment)
	sameJSON(t, "empty", a.Metrics[insights.Current], `{"conversations":0,"unique_visitors":0,"logged_in_users":0,"anonymous_visitors":0,
		"messages":{"visitor":0,"chatbot":0,"total":0},"duration_seconds":{"mean":null,"median":null,"p90":null},
		"tokens":{"prompt":0,"completion":0,"total":0,"unparsed_rows":0,"per_conversation":null},
		"avg_turns":null,"engagement_rate":null,"sentiment":{"average":null,"scored":0,"zero_share":null,"positive_share":null},
		"resolved_rate":null,"time_saved_hours":0}`)
	if a.Pages == nil || a.Assistants == nil || a.Questions == nil {
		t.Error("empty lists must be empty, not nil")
	}
}

func TestGapBoundary(t *testing.T) {
	for _, c := range []struct {
		second string
		convs  int64
	}{{"10:29:59", 1}, {"10:30:00", 1}, {"10:30:01", 2}} {
		rows := []row{
			{1, "S", "", "", "2026-12-02 10:00:00", V, "", "", "a", ""},
			{2, "S", "", "", "2026-12-02 " + c.second, V, "", "", "b", ""},
		}
		a, _ := compute(t, rows, insights.VisitorSentiment)
		if got := a.Metrics[insights.Current].Conversations; got != c.convs {
			t.Errorf("second message at %s: %d conversations, want %d", c.second, got, c.convs)
		}
	}
}

func TestMatcher(t *testing.T) {
	m := insights.NewMatcher(insights.ParsePhrases("# comment\n\n  Could You Rephrase  \ni’m not following\n"))
	for text, want := range map[string]bool{
		"COULD YOU REPHRASE that?":      true,
		"Sorry, I’m not following.":     true,
		"sorry, I'm NOT following you":  true,
		"I'm sorry, here is the answer": false,
		"could you":                     false,
		"":                              false,
		"ÉCOULD YOU REPHRASE":           true,
	} {
		if got := m.Fallback([]byte(text)); got != want {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
	d := insights.NewMatcher(insights.DefaultPhrases)
	for _, good := range []string{"I'm sorry, your order ships Monday.", "Please contact us at help@example.com.", "As an AI model I think the answer is 4."} {
		if d.Fallback([]byte(good)) {
			t.Errorf("the default list flags a good answer: %q", good)
		}
	}
	for _, p := range insights.DefaultPhrases {
		if p != strings.ToLower(p) || strings.Contains(p, "’") {
			t.Errorf("default phrase %q is not normalized", p)
		}
	}
}

func TestParsePhrases(t *testing.T) {
	got := insights.ParsePhrases("a\r\n# b\n   \n  C’D \n#\n")
	if want := []string{"a", "c'd"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
