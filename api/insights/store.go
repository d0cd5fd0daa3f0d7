// Package insights computes the plugin's Insights dashboard correctly: every metric of
// an answer (three windows, their trends, the top pages, assistants and unanswered
// questions) in one pass over a compact in-memory copy of the conversation log rows of
// one time range. The copy is filled by one range read and then kept current by reading
// only the rows appended since; Cache decides when to read. It knows nothing of HTTP.
package insights

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// message is a Visitor or Chatbot row, reduced to what the metrics read: 32 bytes.
// Strings are interned: sessions, users, pages and assistants are numbers here.
type message struct {
	id        int64
	t         rel
	sf        uint32 // the session number (low 28 bits) and the flags (high 4)
	user      int32  // a positive whole-number user_id, interned; -1 for none
	page      int32  // a positive whole-number page_id, interned; -1 for none
	assistant int32  // a non-empty assistant_id, interned; -1 for none
	score     int32  // sentiment_score in millionths (when scored)
}

const (
	fVisitor uint8 = 1 << iota
	fChatbot
	fScored
	fFallback
)

const sessionBits = 28

func (m *message) session() int32 { return int32(m.sf & (1<<sessionBits - 1)) }
func (m *message) flags() uint8   { return uint8(m.sf >> sessionBits) }
func (m *message) set(f uint8)    { m.sf |= uint32(f) << sessionBits }

// rel is a time as seconds after the store's from: 68 years fit, and a row further in
// the future than that (no real row) is held at the last of them.
type rel int32

func (s *Store) rel(t Wall) rel { return rel(min(int64(t-s.from), math.MaxInt32)) }

func (s *Store) wall(t rel) Wall { return s.from + Wall(t) }

// tokenSum adds up the token rows of one second: the plugin writes an exchange's three
// token rows in the same second, so 600,000 token rows keep about 200,000 of these.
type tokenSum struct {
	t                         rel
	unparsed                  uint32
	prompt, completion, total int64
}

type assistantInfo struct {
	id, name string
	nameT    Wall
	nameID   int64
}

// maxSpare bounds the spare buffers kept.
const maxSpare = 256

// questionText is a question's text and the key its spellings group by.
type questionText struct{ text, key string }

func newQuestionText(text string) questionText {
	return questionText{text: text, key: strings.ToLower(strings.Join(strings.Fields(text), " "))}
}

type pendingQuestion struct {
	msg  int32
	text []byte
}

// Store is the log rows read from one time onward, up to one id. It is not safe for
// concurrent use; Cache serializes it.
type Store struct {
	from Wall  // rows at or after this time
	hi   int64 // the highest id read
	rows int64 // rows ingested

	msgs   chunks[message]
	order  []int32 // msgs by (session, time, id)
	tokens chunks[tokenSum]

	sessions   map[string]int32
	keyBytes   int64 // the session ids' and assistant ids' lengths, summed
	users      map[uint64]int32
	pages      map[int64]int32
	pageIDs    []int64
	assistants map[string]int32
	assistInfo []assistantInfo

	// Question texts: a Visitor message's text is kept only once a fallback reply
	// follows it, and only until its session's next reply otherwise. Whatever that
	// misses (rows out of time order) the answer looks up by id.
	pending map[int32]pendingQuestion
	spare   [][]byte // buffers of dropped pending texts, for reuse: no garbage per row
	texts   map[int32]questionText

	match *Matcher
}

// NewStore is an empty store of the rows from time from onward; match tells fallback
// replies.
func NewStore(from Wall, match *Matcher) *Store {
	return &Store{
		from: from, match: match,
		sessions: map[string]int32{}, users: map[uint64]int32{}, pages: map[int64]int32{},
		assistants: map[string]int32{}, pending: map[int32]pendingQuestion{}, texts: map[int32]questionText{},
	}
}

// Rows is how many rows the store has taken in.
func (s *Store) Rows() int64 { return s.rows }

// Add takes in one row. Rows come in id order (Hi grows); their times may be in any
// order. A row before From, or with a time that is not a real wall time, is skipped.
func (s *Store) Add(r *repository.InsightRow) {
	s.hi = max(s.hi, r.ID)
	t, ok := parseWall(r.Time)
	if !ok || t < s.from {
		return
	}
	s.rows++
	if len(r.AssistantName) > 0 && len(r.AssistantID) > 0 {
		a := &s.assistInfo[s.assistant(r.AssistantID)]
		if t > a.nameT || (t == a.nameT && r.ID > a.nameID) || a.name == "" {
			if a.name != string(r.AssistantName) { // compared without a copy
				a.name = string(r.AssistantName)
			}
			a.nameT, a.nameID = t, r.ID
		}
	}
	switch r.Kind {
	case repository.KindVisitor, repository.KindChatbot:
		s.addMessage(r, t)
	case repository.KindPromptTokens, repository.KindCompletionTokens, repository.KindTotalTokens:
		s.addTokens(r, t)
	}
}

func (s *Store) addMessage(r *repository.InsightRow, t Wall) {
	m := message{t: s.rel(t), id: r.ID, sf: uint32(s.session(r.Session)), user: -1, page: -1, assistant: -1}
	if n, ok := positive(r.UserID); ok {
		m.user = intern(s.users, n)
	}
	if n, ok := positive(r.PageID); ok && n <= 1<<62 {
		if i, ok := s.pages[int64(n)]; ok {
			m.page = i
		} else {
			m.page = int32(len(s.pageIDs))
			s.pages[int64(n)] = m.page
			s.pageIDs = append(s.pageIDs, int64(n))
		}
	}
	if len(r.AssistantID) > 0 {
		m.assistant = s.assistant(r.AssistantID)
	}
	if r.Scored {
		m.set(fScored)
		m.score = micro(r.Score)
	}
	idx := int32(s.msgs.len())
	if r.Kind == repository.KindVisitor {
		m.set(fVisitor)
		p, ok := s.pending[m.session()]
		if !ok && len(s.spare) > 0 {
			p.text, s.spare = s.spare[len(s.spare)-1], s.spare[:len(s.spare)-1]
		}
		s.pending[m.session()] = pendingQuestion{msg: idx, text: append(p.text[:0], r.Text...)}
	} else {
		m.set(fChatbot)
		if s.match.Fallback(r.Text) {
			m.set(fFallback)
			if p, ok := s.pending[m.session()]; ok {
				if _, kept := s.texts[p.msg]; !kept {
					s.texts[p.msg] = newQuestionText(string(p.text))
				}
			}
		} else if p, ok := s.pending[m.session()]; ok {
			delete(s.pending, m.session())
			if len(s.spare) < maxSpare && cap(p.text) <= 4<<10 {
				s.spare = append(s.spare, p.text)
			}
		}
	}
	s.msgs.add(m)
}

func (s *Store) addTokens(r *repository.InsightRow, t Wall) {
	if s.tokens.len() == 0 || s.tokens.last().t != s.rel(t) {
		s.tokens.add(tokenSum{t: s.rel(t)})
	}
	ts := s.tokens.last()
	n, ok := tokenValue(r.Text)
	switch {
	case !ok:
		ts.unparsed++
	case r.Kind == repository.KindPromptTokens:
		ts.prompt += n
	case r.Kind == repository.KindCompletionTokens:
		ts.completion += n
	default:
		ts.total += n
	}
}

func (s *Store) session(b []byte) int32 {
	if i, ok := s.sessions[string(b)]; ok { // no allocation for a known key
		return i
	}
	i := int32(len(s.sessions))
	s.sessions[string(b)] = i
	s.keyBytes += int64(len(b))
	return i
}

func (s *Store) assistant(b []byte) int32 {
	if i, ok := s.assistants[string(b)]; ok {
		return i
	}
	i := int32(len(s.assistInfo))
	s.assistants[string(b)] = i
	s.keyBytes += int64(len(b))
	s.assistInfo = append(s.assistInfo, assistantInfo{id: string(b), nameT: minWall})
	return i
}

const minWall = Wall(-1 << 62)

func intern(m map[uint64]int32, n uint64) int32 {
	if i, ok := m[n]; ok {
		return i
	}
	i := int32(len(m))
	m[n] = i
	return i
}

// positive reads a positive whole number written in ASCII digits alone (leading zeros
// allowed, as the number they write); anything else, zero included, is none.
func positive(b []byte) (uint64, bool) {
	if len(b) == 0 || len(b) > 19 {
		return 0, false
	}
	var n uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	return n, n > 0
}

// tokenValue reads a token row's text: its trimmed text when that is all digits.
// Leading zeros are allowed; a number beyond int64 is not read.
func tokenValue(b []byte) (int64, bool) {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	if len(b) == 0 {
		return 0, false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(string(b), 10, 64)
	return n, err == nil
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// micro is a score in millionths, rounded half away from zero: exact for the plugin's
// scores (multiples of 0.1 within ±1), held within int32.
func micro(f float64) int32 {
	f *= 1e6
	switch {
	case f >= 2e9:
		return 2e9
	case f <= -2e9:
		return -2e9
	case f < 0:
		return int32(f - 0.5)
	}
	return int32(f + 0.5)
}

// parseWall reads "YYYY-MM-DD HH:MM:SS" as a Wall.
func parseWall(b []byte) (Wall, bool) {
	if len(b) != 19 || b[4] != '-' || b[7] != '-' || b[10] != ' ' || b[13] != ':' || b[16] != ':' {
		return 0, false
	}
	var f [6]int64
	for i, at := range [6]int{0, 5, 8, 11, 14, 17} {
		n := 2
		if i == 0 {
			n = 4
		}
		for _, c := range b[at : at+n] {
			if c < '0' || c > '9' {
				return 0, false
			}
			f[i] = f[i]*10 + int64(c-'0')
		}
	}
	y, m, d := f[0], f[1], f[2]
	if y < 1 || m < 1 || m > 12 || d < 1 || d > 31 || f[3] > 23 || f[4] > 59 || f[5] > 59 {
		return 0, false
	}
	return Wall(daysFromCivil(y, m, d)*86400 + f[3]*3600 + f[4]*60 + f[5]), true
}

// daysFromCivil counts days from 1970-01-01 (Howard Hinnant's algorithm).
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// sortMessages brings order up to date: the messages added since the last call are
// sorted and merged in, so an append costs its own size plus one linear merge.
func (s *Store) sortMessages() {
	if len(s.order) == s.msgs.len() {
		return
	}
	less := func(a, b int32) int {
		x, y := s.msgs.at(int(a)), s.msgs.at(int(b))
		switch {
		case x.session() != y.session():
			return int(x.session() - y.session())
		case x.t != y.t:
			if x.t < y.t {
				return -1
			}
			return 1
		case x.id < y.id:
			return -1
		case x.id > y.id:
			return 1
		}
		return 0
	}
	fresh := make([]int32, 0, s.msgs.len()-len(s.order))
	for i := len(s.order); i < s.msgs.len(); i++ {
		fresh = append(fresh, int32(i))
	}
	slices.SortFunc(fresh, less)
	if len(s.order) == 0 {
		s.order = fresh
		return
	}
	merged := make([]int32, 0, s.msgs.len())
	i, j := 0, 0
	for i < len(s.order) && j < len(fresh) {
		if less(fresh[j], s.order[i]) < 0 {
			merged = append(merged, fresh[j])
			j++
		} else {
			merged = append(merged, s.order[i])
			i++
		}
	}
	merged = append(append(merged, s.order[i:]...), fresh[j:]...)
	s.order = merged
}

// Approximate sizes, in bytes, of what a store holds besides its lists: a map entry
// (key and value, the bucket's share of hashes and overflow), a string's header.
const (
	mapEntryBytes = 48
	stringBytes   = 16
)

// Bytes is about how much memory the store holds: its lists at their capacity, its maps
// by entry, its kept texts by length. It is an estimate for a cache's budget (within a
// few percent of the heap a store of a million rows takes), not an account.
func (s *Store) Bytes() int64 {
	const msgSize, tokenSize = int64(unsafe.Sizeof(message{})), int64(unsafe.Sizeof(tokenSum{}))
	n := int64(unsafe.Sizeof(*s))
	n += int64(s.msgs.capacity())*msgSize + int64(s.tokens.capacity())*tokenSize
	n += int64(cap(s.order)) * 4
	n += int64(len(s.sessions))*(mapEntryBytes+stringBytes) + s.keyBytes
	n += int64(len(s.users)+len(s.pages)+len(s.assistants)+len(s.pending)) * mapEntryBytes
	n += int64(cap(s.pageIDs))*8 + int64(cap(s.assistInfo))*int64(unsafe.Sizeof(assistantInfo{}))
	for _, a := range s.assistInfo {
		n += int64(len(a.name)) // the id is the map key's string
	}
	for _, p := range s.pending {
		n += int64(cap(p.text))
	}
	for _, b := range s.spare {
		n += int64(cap(b)) + 24
	}
	for _, q := range s.texts {
		n += mapEntryBytes + int64(len(q.text)+len(q.key))
	}
	return n
}
