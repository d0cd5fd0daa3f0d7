package wpconfig

import (
	"bytes"
	"fmt"
)

// tokKind says what a token is. Whitespace and comments produce no tokens.
type tokKind uint8

const (
	tIdent   tokKind = iota + 1 // a name or keyword, possibly namespace-qualified (\define)
	tVar                        // $name
	tSingle                     // '...' (optionally b'...')
	tDouble                     // "..." without interpolation
	tInterp                     // "..." with interpolation, or a `...` shell command
	tHeredoc                    // <<<LABEL or <<<'LABEL'
	tNumber                     // a numeric literal
	tOp                         // an operator or punctuation
	tClose                      // ?>, which ends a statement like ;
)

// token is a span of the source. Offsets are int32: the input is at most 1 MiB.
type token struct {
	kind       tokKind
	start, end int32
}

// ops lists the operators lexed whole, longest first. Few matter to the reader,
// but lexing them whole keeps "==" from looking like an assignment and ".=" like ".".
var ops = bytes.Fields([]byte("=== !== <=> **= ... <<= >>= ??= ?-> == != <> <= >= && || ++ -- " +
	"+= -= *= /= .= %= &= |= ^= -> => :: << >> ?? ** #["))

// errAt reports a construct starting at pos that never ends, which stops PHP
// itself from compiling the file. It gives the line, counting \n, \r\n and lone
// \r as line breaks as PHP does, and never any of the file's text.
func errAt(what string, src []byte, pos int) error {
	line := 1 + bytes.Count(src[:pos], []byte("\n")) + bytes.Count(src[:pos], []byte("\r")) -
		bytes.Count(src[:pos], []byte("\r\n"))
	return fmt.Errorf("unterminated %s starting on line %d", what, line)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// isLabelStart and isLabelChar follow PHP's LABEL: [a-zA-Z_\x80-\xff][a-zA-Z0-9_\x80-\xff]*.
func isLabelStart(c byte) bool {
	return c == '_' || c >= 0x80 || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

func isLabelChar(c byte) bool { return isLabelStart(c) || isDigit(c) }

func labelEnd(src []byte, p int) int {
	for p < len(src) && isLabelChar(src[p]) {
		p++
	}
	return p
}

// A frame is a construct the lexer is inside of: a string literal, an offset
// "$a[...]" in one, or code interpolated into one with {$...} or ${...}, which may
// hold string literals in turn. The frames live in a slice, so hostile nesting
// cannot exhaust the goroutine's stack.
type frame struct {
	kind  frameKind
	quote byte   // fString: '"' or '`'
	depth int    // fCode: how many { are open inside it
	label []byte // fHeredoc, fNowdoc: the closing label
}

type frameKind uint8

const (
	fString frameKind = iota + 1
	fHeredoc
	fNowdoc
	fOffset
	fCode
)

// lexer turns a file into the tokens of its PHP code, outside any string literal:
// text outside <?php ... ?>, whitespace and comments produce none, and a string
// literal is one token however much code it interpolates. It runs in linear time.
type lexer struct {
	src    []byte
	toks   []token
	sawPHP bool // a <?php opening tag was found

	p        int
	stack    []frame
	arrow    bool    // the last code token was -> or ?->, so a property name follows
	litStart int     // where the outermost open string literal starts
	litKind  tokKind // and its token kind so far
	halted   bool    // __halt_compiler was read
}

func lex(src []byte) (*lexer, error) {
	lx := &lexer{src: src}
	lx.html(0)
	for lx.p < len(src) && !lx.halted {
		var err error
		switch n := len(lx.stack); {
		case n == 0 || lx.stack[n-1].kind == fCode:
			err = lx.code()
		case lx.stack[n-1].kind == fOffset:
			lx.inOffset()
		default:
			lx.inString(&lx.stack[n-1])
		}
		if err != nil {
			return nil, err
		}
	}
	if len(lx.stack) > 0 {
		what := "string"
		if lx.litKind == tHeredoc {
			what = "heredoc"
		}
		return nil, errAt(what, src, lx.litStart)
	}
	return lx, nil
}

// html skips text from p to just past the next opening tag: "<?php" followed by
// whitespace or the end (any case), or "<?=". A short "<?" is text, as in PHP
// with short_open_tag off.
func (lx *lexer) html(p int) {
	src := lx.src
	for {
		i := bytes.Index(src[p:], []byte("<?"))
		if i < 0 {
			lx.p = len(src)
			return
		}
		p += i + 2
		rest := src[p:]
		if len(rest) >= 3 && bytes.EqualFold(rest[:3], []byte("php")) && (len(rest) == 3 || isSpace(rest[3])) {
			lx.p = p + 3
			lx.sawPHP = lx.sawPHP || len(lx.stack) == 0
			return
		}
		if len(rest) > 0 && rest[0] == '=' {
			lx.p = p + 1
			return
		}
	}
}

func (lx *lexer) at(p int) byte {
	if p < len(lx.src) {
		return lx.src[p]
	}
	return 0
}

// emit moves past a token, which is kept when it is not inside a string literal.
func (lx *lexer) emit(kind tokKind, start, end int) {
	if len(lx.stack) == 0 {
		lx.toks = append(lx.toks, token{kind: kind, start: int32(start), end: int32(end)})
	}
	lx.p = end
}

// code reads one token, comment or space of code at lx.p.
func (lx *lexer) code() error {
	src, p := lx.src, lx.p
	c, c1 := src[p], lx.at(p+1)
	arrow := lx.arrow
	if end, err := lx.skip(); end > p || err != nil {
		lx.p = end
		return err
	}
	lx.arrow = false
	switch {
	case c == '?' && c1 == '>':
		// Inside an interpolation too, as in PHP: the next opening tag resumes it.
		lx.emit(tClose, p, p+2)
		lx.html(p + 2)
	case c == '\'' || c == '"' || c == '`' || bytes.HasPrefix(src[p:], []byte("<<<")):
		return lx.literal(p, p)
	case (c == 'b' || c == 'B') && !arrow && (c1 == '\'' || c1 == '"' || bytes.HasPrefix(src[p+1:], []byte("<<<"))):
		return lx.literal(p, p+1) // a binary-string prefix
	case c == '$' && isLabelStart(c1):
		lx.emit(tVar, p, labelEnd(src, p+1))
	case isLabelStart(c) || (c == '\\' && isLabelStart(c1)):
		lx.name(p, arrow)
	case isDigit(c) || (c == '.' && isDigit(c1)):
		lx.emit(tNumber, p, numberEnd(src, p))
	default:
		lx.op(p)
	}
	return nil
}

// skip returns the end of the spaces or comment at lx.p, or lx.p if there are none.
func (lx *lexer) skip() (int, error) {
	src, p := lx.src, lx.p
	c, c1 := src[p], lx.at(p+1)
	switch {
	case isSpace(c):
		for p < len(src) && isSpace(src[p]) {
			p++
		}
	case c == '#' && (c1 != '[' || lx.arrow), c == '/' && c1 == '/':
		// Right after -> PHP wants a property name, and there #[ is a comment.
		for p++; p < len(src) && src[p] != '\n' && src[p] != '\r'; p++ {
			if src[p] == '?' && lx.at(p+1) == '>' {
				break // ?> ends the comment and the code
			}
		}
	case c == '/' && c1 == '*':
		i := bytes.Index(src[p+2:], []byte("*/"))
		if i < 0 {
			return 0, errAt("comment", src, p)
		}
		p += 2 + i + 2
	}
	return p, nil
}

// name reads a name, namespace-qualified unless it follows -> (where PHP reads a
// bare property name).
func (lx *lexer) name(p int, arrow bool) {
	src := lx.src
	property := src[p] != '\\' && arrow
	q := labelEnd(src, p+1)
	for !property && q+1 < len(src) && src[q] == '\\' && isLabelStart(src[q+1]) {
		q = labelEnd(src, q+1)
	}
	lx.emit(tIdent, p, q)
	lx.halted = len(lx.stack) == 0 && !property && bytes.EqualFold(src[p:q], []byte("__halt_compiler"))
}

func (lx *lexer) op(p int) {
	l := 1
	for _, op := range ops {
		if op[0] == lx.src[p] && bytes.HasPrefix(lx.src[p:], op) {
			l = len(op)
			break
		}
	}
	lx.emit(tOp, p, p+l)
	lx.arrow = string(lx.src[p:p+l]) == "->" || string(lx.src[p:p+l]) == "?->"
	if n := len(lx.stack); n > 0 { // in code interpolated into a string
		f := &lx.stack[n-1]
		switch {
		case lx.src[p] == '{':
			f.depth++
		case lx.src[p] == '}' && f.depth > 0:
			f.depth--
		case lx.src[p] == '}':
			lx.pop()
		}
	}
}

// literal reads a string literal whose token starts at start (a b prefix, if
// any) and whose quote or <<< is at q.
func (lx *lexer) literal(start, q int) error {
	src := lx.src
	switch src[q] {
	case '\'':
		for p := q + 1; p < len(src); p++ {
			if src[p] == '\\' {
				p++
			} else if src[p] == '\'' {
				lx.emit(tSingle, start, p+1)
				return nil
			}
		}
		return errAt("string", src, q)
	case '"':
		lx.push(start, tDouble, frame{kind: fString, quote: '"'}, q+1)
	case '`':
		lx.push(start, tInterp, frame{kind: fString, quote: '`'}, q+1)
	default:
		body, label, nowdoc := heredocHeader(src, q)
		switch {
		case body < 0: // not a heredoc (PHP would reject it): "<<" and on
			lx.emit(tOp, q, q+2)
		case nowdoc:
			lx.push(start, tHeredoc, frame{kind: fNowdoc, label: label}, body)
		default:
			lx.push(start, tHeredoc, frame{kind: fHeredoc, label: label}, body)
		}
	}
	return nil
}

// heredocHeader parses "<<<" [ \t]* (LABEL | "LABEL" | 'LABEL') newline at p. It
// returns where the body starts (-1 if this is no heredoc), the label and whether
// it is a nowdoc.
func heredocHeader(src []byte, p int) (body int, label []byte, nowdoc bool) {
	q := p + 3
	for q < len(src) && (src[q] == ' ' || src[q] == '\t') {
		q++
	}
	quote := byte(0)
	if q < len(src) && (src[q] == '\'' || src[q] == '"') {
		quote = src[q]
		q++
	}
	end := labelEnd(src, q)
	if end == q || !isLabelStart(src[q]) {
		return -1, nil, false
	}
	label, q = src[q:end], end
	if quote != 0 {
		if q >= len(src) || src[q] != quote {
			return -1, nil, false
		}
		q++
	}
	if bytes.HasPrefix(src[q:], []byte("\r\n")) {
		q++
	}
	if q >= len(src) || (src[q] != '\n' && src[q] != '\r') {
		return -1, nil, false
	}
	return q + 1, label, quote == '\''
}

// push enters a frame, whose content starts at p; the first one opens a literal
// token of the given kind that starts at start.
func (lx *lexer) push(start int, kind tokKind, f frame, p int) {
	if len(lx.stack) == 0 {
		lx.litStart, lx.litKind = start, kind
	}
	lx.stack = append(lx.stack, f)
	lx.p, lx.arrow = p, false
}

// pop leaves the innermost frame; leaving the last one ends a literal token at lx.p.
func (lx *lexer) pop() {
	lx.stack = lx.stack[:len(lx.stack)-1]
	lx.arrow = false
	if len(lx.stack) == 0 {
		lx.emit(lx.litKind, lx.litStart, lx.p)
	}
}

// inString reads on in a string literal or heredoc.
func (lx *lexer) inString(f *frame) {
	src, p := lx.src, lx.p
	if f.label != nil && (src[p-1] == '\n' || src[p-1] == '\r') {
		// At a line start: is this the closing label? Since PHP 7.3 it may be
		// indented and followed by anything but a label byte.
		q := p
		for q < len(src) && (src[q] == ' ' || src[q] == '\t') {
			q++
		}
		if end := q + len(f.label); bytes.HasPrefix(src[q:], f.label) && (end == len(src) || !isLabelChar(src[end])) {
			lx.p = end
			lx.pop()
			return
		}
	}
	switch c := src[p]; {
	case f.label == nil && c == f.quote:
		lx.p++
		lx.pop()
	case f.kind == fNowdoc:
		lx.p++
	case c == '\\' && (f.label == nil || (lx.at(p+1) != '\n' && lx.at(p+1) != '\r')):
		lx.p += 2 // an escape, but in a heredoc never one that hides a line break
	case !lx.interpolation():
		lx.p++
	}
}

// inOffset follows PHP in "$a[...]": "]" ends the offset, and so (without being
// consumed) do whitespace, \, ' and #. Quotes and braces in there are mere
// tokens: "$a["]" does not end at the second quote.
func (lx *lexer) inOffset() {
	switch lx.src[lx.p] {
	case ']':
		lx.p++
		lx.pop()
	case ' ', '\t', '\n', '\r', '\\', '\'', '#':
		lx.pop()
	default:
		lx.p++
	}
}

// interpolation enters the interpolation at lx.p in a string, if there is one.
func (lx *lexer) interpolation() bool {
	src, p := lx.src, lx.p
	c, c1 := src[p], lx.at(p+1)
	switch {
	case c == '$' && isLabelStart(c1):
		lx.p = labelEnd(src, p+1)
		if lx.at(lx.p) == '[' {
			lx.push(0, 0, frame{kind: fOffset}, lx.p+1)
		}
	case c == '$' && c1 == '{':
		lx.push(0, 0, frame{kind: fCode}, p+2)
	case c == '{' && c1 == '$':
		lx.push(0, 0, frame{kind: fCode}, p+1)
	default:
		return false
	}
	if lx.litKind == tDouble {
		lx.litKind = tInterp
	}
	return true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isHex(c byte) bool { return isDigit(c) || ('a' <= c|0x20 && c|0x20 <= 'f') }

// digitsEnd returns where PHP's digit groups X+(_X+)* that start at q end (q if
// there is no digit there).
func digitsEnd(src []byte, q int, ok func(byte) bool) int {
	start := q
	for q < len(src) && (ok(src[q]) || (src[q] == '_' && q > start && q+1 < len(src) && ok(src[q+1]))) {
		q++
	}
	return q
}

// numberEnd returns where the numeric literal at p ends: 0x1F, 0b101, 0o17, 1_000,
// 1., .5, 1.5e-3 and so on. What follows (0define, say) is a separate token.
func numberEnd(src []byte, p int) int {
	if ok := radixDigit(lowerAt(src, p+1)); src[p] == '0' && ok != nil {
		if q := digitsEnd(src, p+2, ok); q > p+2 {
			return q
		}
	}
	q := digitsEnd(src, p, isDigit)
	if q < len(src) && src[q] == '.' {
		if r := digitsEnd(src, q+1, isDigit); r > q+1 || q > p {
			q = r
		}
	}
	if lowerAt(src, q) == 'e' {
		r := q + 1
		if r < len(src) && (src[r] == '+' || src[r] == '-') {
			r++
		}
		if e := digitsEnd(src, r, isDigit); e > r {
			q = e
		}
	}
	return q
}

// radixDigit returns the digit test for the radix letter of 0x, 0b or 0o.
func radixDigit(letter byte) func(byte) bool {
	switch letter {
	case 'x':
		return isHex
	case 'b':
		return func(c byte) bool { return c == '0' || c == '1' }
	case 'o':
		return func(c byte) bool { return '0' <= c && c <= '7' }
	}
	return nil
}

func lowerAt(src []byte, p int) byte {
	if p < len(src) {
		return src[p] | 0x20
	}
	return 0
}
