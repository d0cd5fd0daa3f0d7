package insights_test

import (
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/insights"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// eachBigRow hands out n exchanges (a Visitor row, a Chatbot row and three token rows
// each: 5n rows) over the year before 2026-12-02, in id order, one reused row at a time
// as the cursor does: about four exchanges per session visit, a visitor coming back now
// and then, one reply in twenty a fallback, texts of realistic length.
func eachBigRow(n int, fn func(*repository.InsightRow)) {
	start := time.Date(2025, 12, 2, 0, 0, 0, 0, time.UTC)
	step := 365 * 24 * time.Hour / time.Duration(n)
	question := []byte("Hello, could you tell me where my order number 12345 is and when it will arrive at my address?")
	answer := []byte("Your order was shipped yesterday and should arrive within three to five business days. You can follow it with the tracking link in your confirmation e-mail, and our support team is glad to help with anything else.")
	fallback := []byte("I'm not sure what you mean. Could you rephrase your question?")
	kinds := []repository.LogKind{repository.KindPromptTokens, repository.KindCompletionTokens, repository.KindTotalTokens}
	tokens := [][]byte{[]byte("100"), []byte("200"), []byte("300")}
	var r repository.InsightRow
	for i := 0; i < n; i++ {
		r.Time = start.Add(time.Duration(i)*step).AppendFormat(r.Time[:0], time.DateTime)
		r.Session = strconv.AppendInt(append(r.Session[:0], "kognetiks_"...), int64(i/4%50000), 10)
		r.UserID = append(r.UserID[:0], '0')
		if i%7 == 0 {
			r.UserID = strconv.AppendInt(r.UserID[:0], int64(i%997), 10)
		}
		r.PageID = strconv.AppendInt(r.PageID[:0], int64(i%300), 10)
		r.AssistantID = strconv.AppendInt(append(r.AssistantID[:0], "asst_"...), int64(i%5), 10)
		r.AssistantName = append(r.AssistantName[:0], "Helper"...)
		r.ID++
		r.Kind, r.Text, r.Score, r.Scored = repository.KindVisitor, question, float64(i%11-5)/10, true
		fn(&r)
		r.ID++
		r.Kind, r.Text, r.Score = repository.KindChatbot, answer, 0
		if i%20 == 0 {
			r.Text = fallback
		}
		fn(&r)
		for k, kind := range kinds {
			r.ID++
			r.Kind, r.Text = kind, tokens[k]
			fn(&r)
		}
	}
}

const benchExchanges = 200_000 // 1,000,000 rows

func heap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkIngest fills a store with a year of a 1,000,000-row log and reports the heap
// it keeps per row read.
func BenchmarkIngest(b *testing.B) {
	match := insights.NewMatcher(insights.DefaultPhrases)
	b.ResetTimer()
	var kept uint64
	var rows int64
	for range b.N {
		b.StopTimer()
		before := heap()
		b.StartTimer()
		s := insights.NewStore(wall("2024-12-31 23:30:00"), match)
		eachBigRow(benchExchanges, s.Add)
		b.StopTimer()
		rows = s.Rows()
		kept = heap() - before
		runtime.KeepAlive(s)
		b.StartTimer()
	}
	b.ReportMetric(float64(kept)/float64(rows), "heap-B/row")
	b.ReportMetric(float64(kept)/(1<<20), "heap-MiB")
}

// BenchmarkCompute answers period=year from that store (all three windows, every
// figure and list).
func BenchmarkCompute(b *testing.B) {
	s := insights.NewStore(wall("2024-12-31 23:30:00"), insights.NewMatcher(insights.DefaultPhrases))
	eachBigRow(benchExchanges, s.Add)
	ws := insights.PeriodWindows(insights.Year, wall("2026-12-02 12:00:00"), time.Monday)
	opt := insights.Options{Gap: gap, MinutesPerConversation: 1.4}
	b.ResetTimer()
	var a *insights.Answer
	for range b.N {
		var err error
		if a, err = s.Compute(ws, opt, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if a.Metrics[insights.Current].Conversations == 0 || len(a.Questions) == 0 {
		b.Fatalf("nothing counted: %+v", a.Metrics[insights.Current])
	}
}
