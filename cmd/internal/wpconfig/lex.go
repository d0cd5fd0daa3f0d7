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

// ops lists the multi-byte operators the lexer keeps whole, longest first. Only a
// few matter to the reader ("=", ".", "->", "::", "(", ...), but lexing the others
// whole keeps "==" from looking like an assignment and ".=" from looking like ".".
var ops = [][]byte{
	[]byte("==="), []byte("!=="), []byte("<=>"), []byte("**="), []byte("..."),
	[]byte("<<="), []byte(">>="), []byte("??="), []byte("?->"),
	[]byte("=="), []byte("!="), []byte("<>"), []byte("<="), []byte(">="),
	[]byte("&&"), []byte("||"), []byte("++"), []byte("--"), []byte("+="),
	[]byte("-="), []byte("*="), []byte("/="), []byte(".="), []byte("%="),
	[]byte("&="), []byte("|="), []byte("^="), []byte("->"), []byte("=>"),
	[]byte("::"), []byte("<<"), []byte(">>"), []byte("??"), []byte("**"),
}

// lexError is a problem that stops PHP itself from compiling the file. Its message
// gives a line number and never any of the file's text.
type lexError struct {
	what string
	line int
}

func (e *lexError) Error() string {
	return fmt.Sprintf("unterminated %s starting on line %d", e.what, e.line)
}

// lineOf returns the 1-based line of offset pos, counting \n, \r\n and lone \r as
// line breaks, as PHP does.
func lineOf(src []byte, pos int) int {
	line := 1
	for i := 0; i < pos && i < len(src); i++ {
		if src[i] == '\n' || (src[i] == '\r' && (i+1 >= len(src) || src[i+1] != '\n')) {
			line++
		}
	}
	return line
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// isLabelStart and isLabelChar follow PHP's LABEL: [a-zA-Z_\x80-\xff][a-zA-Z0-9_\x80-\xff]*.
func isLabelStart(c byte) bool {
	return c == '_' || c >= 0x80 || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

func isLabelChar(c byte) bool { return isLabelStart(c) || ('0' <= c && c <= '9') }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// lexer turns a file into the token stream of its PHP code. Text outside
// <?php ... ?> is skipped, as are whitespace and comments. It runs in time linear
// in the input and keeps any nesting (strings inside interpolations inside strings)
// on a heap-allocated stack, never on the goroutine's stack.
type lexer struct {
	src    []byte
	toks   []token
	sawPHP bool // a <?php opening tag was found
}

func lex(src []byte) (*lexer, error) {
	lx := &lexer{src: src}
	p := 0
	for p < len(src) {
		tag, tagLen, isPHP := findOpenTag(src, p)
		if tag < 0 {
			break
		}
		if isPHP {
			lx.sawPHP = true
		}
		var halted bool
		var err error
		p, halted, err = lx.code(tag + tagLen)
		if err != nil {
			return nil, err
		}
		if halted {
			break
		}
	}
	return lx, nil
}

// findOpenTag finds the next opening tag at or after from: "<?php" followed by
// whitespace or the end of the input (any case), or "<?=". Short "<?" tags are
// treated as text, as PHP does with short_open_tag off.
func findOpenTag(src []byte, from int) (pos, length int, isPHP bool) {
	for from < len(src) {
		i := bytes.Index(src[from:], []byte("<?"))
		if i < 0 {
			return -1, 0, false
		}
		j := from + i
		rest := src[j+2:]
		if len(rest) >= 3 && bytes.EqualFold(rest[:3], []byte("php")) && (len(rest) == 3 || isSpace(rest[3])) {
			return j, 5, true
		}
		if len(rest) >= 1 && rest[0] == '=' {
			return j, 3, false
		}
		from = j + 2
	}
	return -1, 0, false
}

func (lx *lexer) emit(kind tokKind, start, end int) {
	lx.toks = append(lx.toks, token{kind: kind, start: int32(start), end: int32(end)})
}

// prevIsArrow reports whether the last token is -> or ?->.
func (lx *lexer) prevIsArrow() bool {
	if len(lx.toks) == 0 {
		return false
	}
	t := lx.toks[len(lx.toks)-1]
	s := string(lx.src[t.start:t.end])
	return t.kind == tOp && (s == "->" || s == "?->")
}

// lineCommentEnd returns where a // or # comment that starts before p ends: at the
// line break, or just before a ?> closing tag, which ends the comment and the code.
func lineCommentEnd(src []byte, p int) int {
	for ; p < len(src); p++ {
		switch src[p] {
		case '\n', '\r':
			return p
		case '?':
			if p+1 < len(src) && src[p+1] == '>' {
				return p
			}
		}
	}
	return p
}

// blockCommentEnd returns the offset just past the */ that ends a comment whose
// /* is at p.
func blockCommentEnd(src []byte, p int) (int, error) {
	i := bytes.Index(src[p+2:], []byte("*/"))
	if i < 0 {
		return 0, &lexError{"comment", lineOf(src, p)}
	}
	return p + 2 + i + 2, nil
}

// singleEnd returns the offset just past the ' that ends a single-quoted string
// whose body starts at p; the opening quote is at open.
func singleEnd(src []byte, open, p int) (int, error) {
	for p < len(src) {
		switch src[p] {
		case '\\':
			p += 2
		case '\'':
			return p + 1, nil
		default:
			p++
		}
	}
	return 0, &lexError{"string", lineOf(src, open)}
}

// heredocHeader parses "<<<" [ \t]* (LABEL | "LABEL" | 'LABEL') newline at p. It
// returns where the body starts, the label and whether it is a nowdoc.
func heredocHeader(src []byte, p int) (body int, label []byte, nowdoc, ok bool) {
	q := p + 3
	for q < len(src) && (src[q] == ' ' || src[q] == '\t') {
		q++
	}
	var quote byte
	if q < len(src) && (src[q] == '\'' || src[q] == '"') {
		quote = src[q]
		q++
	}
	if q >= len(src) || !isLabelStart(src[q]) {
		return 0, nil, false, false
	}
	ls := q
	for q < len(src) && isLabelChar(src[q]) {
		q++
	}
	label = src[ls:q]
	if quote != 0 {
		if q >= len(src) || src[q] != quote {
			return 0, nil, false, false
		}
		q++
	}
	switch {
	case q < len(src) && src[q] == '\n':
		q++
	case q < len(src) && src[q] == '\r':
		q++
		if q < len(src) && src[q] == '\n' {
			q++
		}
	default:
		return 0, nil, false, false
	}
	return q, label, quote == '\'', true
}

// code lexes PHP code from p until a ?> closing tag (returning the offset after it),
// __halt_compiler (halted) or the end of the input.
func (lx *lexer) code(p int) (next int, halted bool, err error) {
	src := lx.src
	n := len(src)
	for p < n {
		c := src[p]
		var c1 byte
		if p+1 < n {
			c1 = src[p+1]
		}
		switch {
		case isSpace(c):
			p++
		case c == '#' && c1 == '[' && !lx.prevIsArrow():
			// An attribute, not a comment (but right after -> PHP looks for a
			// property name, and there #[ starts a comment).
			lx.emit(tOp, p, p+2)
			p += 2
		case c == '#':
			p = lineCommentEnd(src, p+1)
		case c == '/' && c1 == '/':
			p = lineCommentEnd(src, p+2)
		case c == '/' && c1 == '*':
			if p, err = blockCommentEnd(src, p); err != nil {
				return 0, false, err
			}
		case c == '?' && c1 == '>':
			lx.emit(tClose, p, p+2)
			return p + 2, false, nil
		case (c == 'b' || c == 'B') && (c1 == '\'' || c1 == '"' || bytes.HasPrefix(src[p+1:], []byte("<<<"))) && !lx.prevIsArrow():
			// A binary-string prefix: b'...', b"...", b<<<EOT (but $o->b is a
			// property).
			if p, err = lx.literal(p, p+1); err != nil {
				return 0, false, err
			}
		case c == '\'' || c == '"' || c == '`' || (c == '<' && bytes.HasPrefix(src[p:], []byte("<<<"))):
			if p, err = lx.literal(p, p); err != nil {
				return 0, false, err
			}
		case c == '$' && p+1 < n && isLabelStart(c1):
			q := p + 2
			for q < n && isLabelChar(src[q]) {
				q++
			}
			lx.emit(tVar, p, q)
			p = q
		case isLabelStart(c) || (c == '\\' && p+1 < n && isLabelStart(c1)):
			// A name, namespace-qualified unless it follows -> (where PHP
			// reads a bare property name).
			q := p
			if c == '\\' {
				q++
			}
			property := c != '\\' && lx.prevIsArrow()
			for {
				for q < n && isLabelChar(src[q]) {
					q++
				}
				if !property && q+1 < n && src[q] == '\\' && isLabelStart(src[q+1]) {
					q++
					continue
				}
				break
			}
			lx.emit(tIdent, p, q)
			if !property && bytes.EqualFold(src[p:q], []byte("__halt_compiler")) {
				// (Foo::__halt_compiler does not compile, so halting there too
				// is harmless.)
				return q, true, nil
			}
			p = q
		case isDigit(c) || (c == '.' && isDigit(c1)):
			q := numberEnd(src, p)
			lx.emit(tNumber, p, q)
			p = q
		default:
			l := 1
			for _, op := range ops {
				if op[0] == c && bytes.HasPrefix(src[p:], op) {
					l = len(op)
					break
				}
			}
			lx.emit(tOp, p, p+l)
			p += l
		}
	}
	return p, false, nil
}

func isHex(c byte) bool { _, ok := hexVal(c); return ok }

func isBin(c byte) bool { return c == '0' || c == '1' }

func isOct(c byte) bool { return '0' <= c && c <= '7' }

// digitsEnd consumes PHP's digit groups X+(_X+)* from q and returns where they
// end, or q when there is no digit there.
func digitsEnd(src []byte, q int, ok func(byte) bool) int {
	if q >= len(src) || !ok(src[q]) {
		return q
	}
	for q < len(src) && ok(src[q]) {
		q++
	}
	for q+1 < len(src) && src[q] == '_' && ok(src[q+1]) {
		for q++; q < len(src) && ok(src[q]); q++ {
		}
	}
	return q
}

// numberEnd returns where the numeric literal at p ends: 0x1F, 0b101, 0o17, 1_000,
// 1., .5, 1.5e-3 and so on. What follows (0define, say) is a separate token.
func numberEnd(src []byte, p int) int {
	if src[p] == '0' && p+1 < len(src) {
		var ok func(byte) bool
		switch src[p+1] {
		case 'x', 'X':
			ok = isHex
		case 'b', 'B':
			ok = isBin
		case 'o', 'O':
			ok = isOct
		}
		if ok != nil {
			if q := digitsEnd(src, p+2, ok); q > p+2 {
				return q
			}
		}
	}
	q := digitsEnd(src, p, isDigit)
	if q < len(src) && src[q] == '.' {
		if r := digitsEnd(src, q+1, isDigit); r > q+1 || q > p {
			q = r
		}
	}
	if q < len(src) && (src[q] == 'e' || src[q] == 'E') {
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

// literal lexes a string literal whose token starts at start (a b prefix, if any)
// and whose quote or <<< is at q, and returns the offset after it.
func (lx *lexer) literal(start, q int) (int, error) {
	src := lx.src
	switch src[q] {
	case '\'':
		end, err := singleEnd(src, q, q+1)
		if err != nil {
			return 0, err
		}
		lx.emit(tSingle, start, end)
		return end, nil
	case '"', '`':
		kind := fDouble
		if src[q] == '`' {
			kind = fShell
		}
		end, interp, err := skipNested(src, q, frame{kind: kind}, q+1)
		if err != nil {
			return 0, err
		}
		switch {
		case kind == fShell || interp:
			lx.emit(tInterp, start, end)
		default:
			lx.emit(tDouble, start, end)
		}
		return end, nil
	}
	// <<<
	body, label, nowdoc, ok := heredocHeader(src, q)
	if !ok {
		// Not a heredoc (PHP would reject it): lex "<<" and go on.
		lx.emit(tOp, q, q+2)
		return q + 2, nil
	}
	kind := fHeredoc
	if nowdoc {
		kind = fNowdoc
	}
	end, _, err := skipNested(src, q, frame{kind: kind, label: label, body: body}, body)
	if err != nil {
		return 0, err
	}
	lx.emit(tHeredoc, start, end)
	return end, nil
}

type frameKind uint8

const (
	fCode    frameKind = iota + 1 // code inside {$...} or ${...}
	fDouble                       // "..."
	fShell                        // `...`
	fHeredoc                      // <<<LABEL body
	fNowdoc                       // <<<'LABEL' body
	fOffset                       // the [...] after "$name[ in a string
)

// simpleVarEnd returns the end of the "$name" that starts at p.
func simpleVarEnd(src []byte, p int) int {
	p++
	for p < len(src) && isLabelChar(src[p]) {
		p++
	}
	return p
}

type frame struct {
	kind  frameKind
	depth int    // fCode: how many { are open inside it
	arrow bool   // fCode: the last token was -> or ?->
	label []byte // fHeredoc, fNowdoc: the closing label
	body  int    // fHeredoc, fNowdoc: where the body starts
}

// skipNested skips a string literal that may contain interpolated code which may
// itself contain string literals, and so on. first is the frame of the outermost
// literal, whose opening is at open and whose content starts at p. It returns the
// offset just past the literal's end and whether the literal interpolates
// anything. The nesting lives in a slice, so hostile input cannot exhaust the
// goroutine stack; every iteration moves p forward or pops a frame, so it runs in
// linear time.
func skipNested(src []byte, open int, first frame, p int) (end int, interp bool, err error) {
	n := len(src)
	stack := []frame{first}
	for len(stack) > 0 {
		if p >= n {
			what := "string"
			switch stack[0].kind {
			case fHeredoc, fNowdoc:
				what = "heredoc"
			}
			return 0, false, &lexError{what, lineOf(src, open)}
		}
		top := len(stack) - 1
		f := &stack[top]
		c := src[p]
		var c1 byte
		if p+1 < n {
			c1 = src[p+1]
		}
		switch f.kind {
		case fDouble, fShell:
			term := byte('"')
			if f.kind == fShell {
				term = '`'
			}
			switch {
			case c == '\\':
				p += 2
			case c == term:
				p++
				stack = stack[:top]
			case c == '$' && isLabelStart(c1):
				interp = true
				p = simpleVarEnd(src, p)
				if p < n && src[p] == '[' {
					p++
					stack = append(stack, frame{kind: fOffset})
				}
			case c == '$' && c1 == '{':
				interp = true
				p += 2
				stack = append(stack, frame{kind: fCode})
			case c == '{' && c1 == '$':
				interp = true
				p++
				stack = append(stack, frame{kind: fCode})
			default:
				p++
			}
		case fHeredoc, fNowdoc:
			if p == f.body || src[p-1] == '\n' || src[p-1] == '\r' {
				// At a line start: is this the closing label (PHP 7.3+ allows it
				// to be indented and followed by anything but a label byte)?
				q := p
				for q < n && (src[q] == ' ' || src[q] == '\t') {
					q++
				}
				if bytes.HasPrefix(src[q:], f.label) && (q+len(f.label) == n || !isLabelChar(src[q+len(f.label)])) {
					p = q + len(f.label)
					stack = stack[:top]
					continue
				}
			}
			if f.kind == fNowdoc {
				p++
				continue
			}
			switch {
			case c == '\\':
				// An escape, except that a backslash never hides a line break
				// from the closing-label check.
				if p+1 < n && c1 != '\n' && c1 != '\r' {
					p += 2
				} else {
					p++
				}
			case c == '$' && isLabelStart(c1):
				interp = true
				p = simpleVarEnd(src, p)
				if p < n && src[p] == '[' {
					p++
					stack = append(stack, frame{kind: fOffset})
				}
			case c == '$' && c1 == '{':
				interp = true
				p += 2
				stack = append(stack, frame{kind: fCode})
			case c == '{' && c1 == '$':
				interp = true
				p++
				stack = append(stack, frame{kind: fCode})
			default:
				p++
			}
		case fOffset:
			// As PHP's ST_VAR_OFFSET state: "]" ends the offset, and so (without
			// being consumed) do whitespace, \, ' and #. Quotes and braces are
			// mere tokens in there: "$a["]" does not end at the second quote.
			switch c {
			case ']':
				p++
				stack = stack[:top]
			case ' ', '\t', '\n', '\r', '\\', '\'', '#':
				stack = stack[:top]
			default:
				p++
			}
		case fCode:
			// Only the tokens that can hide a quote, a brace or a comment from
			// a byte-by-byte scan are skipped whole: names, ->, ?->, ??.
			arrow := false
			switch {
			case isSpace(c):
				arrow = f.arrow
				p++
			case c == '#' && (c1 != '[' || f.arrow):
				arrow = f.arrow
				p = lineCommentEnd(src, p+1)
			case c == '/' && c1 == '/':
				arrow = f.arrow
				p = lineCommentEnd(src, p+2)
			case c == '-' && c1 == '>':
				arrow = true
				p += 2
			case c == '?' && c1 == '-' && p+2 < n && src[p+2] == '>':
				arrow = true
				p += 3
			case c == '?' && c1 == '?':
				p += 2
			case c == '?' && c1 == '>':
				// As in PHP's lexer, ?> switches to HTML without leaving the
				// interpolation, and the next opening tag switches back.
				tag, tagLen, _ := findOpenTag(src, p+2)
				if tag < 0 {
					p = n
				} else {
					p = tag + tagLen
				}
			case c == '/' && c1 == '*':
				arrow = f.arrow
				if p, err = blockCommentEnd(src, p); err != nil {
					return 0, false, err
				}
			case c == '\'':
				if p, err = singleEnd(src, p, p+1); err != nil {
					return 0, false, err
				}
			case c == '"':
				p++
				stack = append(stack, frame{kind: fDouble})
			case c == '`':
				p++
				stack = append(stack, frame{kind: fShell})
			case c == '<' && bytes.HasPrefix(src[p:], []byte("<<<")):
				body, label, nowdoc, ok := heredocHeader(src, p)
				if !ok {
					p += 2 // "<<", as PHP lexes it
					break
				}
				kind := fHeredoc
				if nowdoc {
					kind = fNowdoc
				}
				p = body
				stack = append(stack, frame{kind: kind, label: label, body: body})
			case c == '{':
				f.depth++
				p++
			case c == '}':
				if f.depth == 0 {
					stack = stack[:top]
				} else {
					f.depth--
				}
				p++
			case isLabelChar(c) || c == '$':
				// Skip a whole name at once so that b'...' and the like need
				// no special case: a quote after a name still opens a string.
				p++
				for p < n && isLabelChar(src[p]) {
					p++
				}
			default:
				p++
			}
			if top < len(stack) && stack[top].kind == fCode {
				stack[top].arrow = arrow
			}
		}
	}
	return p, interp, nil
}
