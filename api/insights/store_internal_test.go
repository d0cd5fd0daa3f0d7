package insights

import (
	"fmt"
	"runtime"
	"strconv"
	"testing"
	"time"
	"unsafe"

	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// The memory goal rests on these sizes: a message and a second of token sums are 32
// bytes each.
func TestSizes(t *testing.T) {
	if n := unsafe.Sizeof(message{}); n != 32 {
		t.Errorf("message: %d bytes", n)
	}
	if n := unsafe.Sizeof(tokenSum{}); n != 32 {
		t.Errorf("tokenSum: %d bytes", n)
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"I’M ÉLAN": "i'm élan", "ABC": "abc", "": "", "Straße ÄÖ": "straße äö"} {
		if got := string(normalize(nil, []byte(in))); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

func TestTokenValue(t *testing.T) {
	for in, want := range map[string]int64{" 42 ": 42, "42": 42, "007": 7, "\t9\n": 9, "9223372036854775807": 9223372036854775807} {
		if got, ok := tokenValue([]byte(in)); !ok || got != want {
			t.Errorf("%q: %d %v", in, got, ok)
		}
	}
	for _, in := range []string{"", " ", "total_tokens: 42", "-1", "+1", "4 2", "1.5", "9223372036854775808", "٤٢"} {
		if _, ok := tokenValue([]byte(in)); ok {
			t.Errorf("%q read as a number", in)
		}
	}
}

func TestParseWall(t *testing.T) {
	for in, ok := range map[string]bool{"2026-12-02 10:00:00": true, "0000-00-00 00:00:00": false, "2026-13-01 00:00:00": false,
		"2026-12-02T10:00:00": false, "2026-12-02 24:00:00": false, "2026-12-02 10:00": false} {
		if _, got := parseWall([]byte(in)); got != ok {
			t.Errorf("%q: %v", in, got)
		}
	}
	w, _ := parseWall([]byte("2026-12-02 10:00:01"))
	if w.String() != "2026-12-02T10:00:01" {
		t.Errorf("round trip: %s", w)
	}
}

// heapGrowth is how much the live heap grows while build's result is alive.
func heapGrowth(build func() any) (any, int64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := build()
	runtime.GC()
	runtime.ReadMemStats(&after)
	return v, int64(after.HeapAlloc) - int64(before.HeapAlloc)
}

// Bytes, which a network's cache budget adds up, is within a fifth of the heap a store
// takes: 200,000 rows of 20,000 sessions, every fourth reply a fallback.
func TestStoreBytes(t *testing.T) {
	kinds := []repository.LogKind{repository.KindVisitor, repository.KindChatbot, repository.KindPromptTokens, repository.KindCompletionTokens, repository.KindTotalTokens}
	v, grew := heapGrowth(func() any {
		s := NewStore(0, NewMatcher(DefaultPhrases))
		for i := range 200_000 {
			r := &repository.InsightRow{ID: int64(i + 1), Kind: kinds[i%5],
				Session: fmt.Appendf(nil, "kchat_%08x_%d", i/10, i/10), UserID: []byte(strconv.Itoa(i % 400)),
				PageID: []byte(strconv.Itoa(i % 97)), AssistantID: []byte("asst_" + strconv.Itoa(i%4)),
				Time: []byte(time.Unix(int64(1_700_000_000+i*60), 0).UTC().Format(time.DateTime)), Text: []byte("12")}
			if r.Kind == repository.KindVisitor {
				r.Text = fmt.Appendf(nil, "Where is my order #%d?", i)
			} else if r.Kind == repository.KindChatbot && i%4 == 1 {
				r.Text = []byte("Sorry, could you rephrase that?")
			}
			s.Add(r)
		}
		s.sortMessages()
		return s
	})
	got := v.(*Store).Bytes()
	if ratio := float64(got) / float64(grew); ratio < 0.8 || ratio > 1.2 {
		t.Errorf("Bytes %d, the heap grew %d (%.2f×)", got, grew, ratio)
	}
	t.Logf("Bytes %d, the heap grew %d", got, grew)
}

// A list holds its entries in order across blocks, and a short one takes little room.
func TestChunks(t *testing.T) {
	for _, n := range []int{0, 1, 63, 64, 65, 5000, 8192, 8193, 20000} {
		var l chunks[int32]
		for i := range n {
			l.add(int32(i))
		}
		for i := range n {
			if got := *l.at(i); got != int32(i) {
				t.Fatalf("%d entries: at(%d) = %d", n, i, got)
			}
		}
		if l.len() != n || l.capacity() < n || l.capacity() > max(2*n, firstBlock) {
			t.Errorf("%d entries: len %d, room for %d", n, l.len(), l.capacity())
		}
	}
}
