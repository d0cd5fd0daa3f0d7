package insights

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DefaultPhrases are the sidecar's own fallback phrases: what a chatbot writes when it
// could not answer. Each is specific enough not to flag a good answer: a bare "i'm
// sorry" or "please contact" opens many helpful replies and is not here. The first two
// are the ones the plugin's documentation names.
var DefaultPhrases = []string{
	"could you rephrase",
	"i'm not following",
	"can you rephrase",
	"please rephrase",
	"could you clarify what you mean",
	"could you please clarify",
	"i'm not sure what you mean",
	"i am not sure what you mean",
	"i'm not sure i understand",
	"i don't understand your question",
	"i didn't understand",
	"i did not understand",
	"i don't have information",
	"i do not have information",
	"i don't have any information",
	"i don't have enough information",
	"i don't have access to that information",
	"i couldn't find",
	"i could not find",
	"i was unable to find",
	"i wasn't able to find",
	"i'm unable to find",
	"i don't know the answer",
	"i do not know the answer",
	"i'm not able to answer",
	"i am not able to answer",
	"i'm unable to answer",
	"i can't answer that",
	"i cannot answer that",
	"i can't help with that",
	"i'm not able to help with that",
	"unable to provide an answer",
	"no information about",
	"not in my knowledge base",
	"outside the scope of what i can",
	"i'm afraid i don't know",
}

// ParsePhrases reads a phrase file: one phrase per line; blank lines and lines whose
// first non-blank character is # are skipped; each phrase is trimmed and normalized as
// message text is (lower case, ’ read as ').
func ParsePhrases(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		out = append(out, string(normalize(nil, []byte(line))))
	}
	return out
}

// normalize appends text lower-cased, with the typographic apostrophe ’ (U+2019) read
// as the ASCII one, to dst; it allocates nothing once dst has grown.
func normalize(dst, text []byte) []byte {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if r == '’' {
			dst = append(dst, '\'')
		} else {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		i += size
	}
	return dst
}

// Matcher tells fallback replies from answers. It looks at each byte pair of the
// normalized text once, through a table of the pairs phrases begin with, so a long
// list of phrases costs about as much as a short one.
type Matcher struct {
	first   [1 << 16 / 64]uint64 // bit set: the phrases' first two bytes
	byFirst map[uint16][][]byte
	short   [][]byte // phrases of one byte
	buf     []byte
}

// NewMatcher builds a matcher for phrases (already normalized, as ParsePhrases gives).
func NewMatcher(phrases []string) *Matcher {
	m := &Matcher{byFirst: map[uint16][][]byte{}}
	for _, p := range phrases {
		b := []byte(p)
		switch len(b) {
		case 0:
			continue
		case 1:
			m.short = append(m.short, b)
			continue
		}
		k := uint16(b[0])<<8 | uint16(b[1])
		m.first[k/64] |= 1 << (k % 64)
		m.byFirst[k] = append(m.byFirst[k], b)
	}
	return m
}

// Fallback reports whether text, normalized, contains a phrase. Not safe for
// concurrent use (it reuses a buffer).
func (m *Matcher) Fallback(text []byte) bool {
	m.buf = normalize(m.buf[:0], text)
	s := m.buf
	for _, p := range m.short {
		if bytes.Contains(s, p) {
			return true
		}
	}
	for i := 0; i+1 < len(s); i++ {
		k := uint16(s[i])<<8 | uint16(s[i+1])
		if m.first[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		for _, p := range m.byFirst[k] {
			if bytes.HasPrefix(s[i:], p) {
				return true
			}
		}
	}
	return false
}
