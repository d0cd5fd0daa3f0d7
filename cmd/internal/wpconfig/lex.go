package wpconfig

import (
	"bytes"
	"fmt"
	"regexp"
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

// maxNesting bounds how deep strings nest through interpolation ("{$a["{$b[...").
const maxNesting = 64

var (
	// heredoc is "<<<" [ \t]* (LABEL | "LABEL" | 'LABEL') newline. A LABEL's bytes from
	// 0x80 up are read by Go as UTF-8 or, when invalid, one by one.
	heredoc = regexp.MustCompile(`^<<<[ \t]*(["']?)((?:[A-Za-z_]|[^\x00-\x7f])(?:\w|[^\x00-\x7f])*)(["']?)(?:\r\n?|\n)`)
	number  = regexp.MustCompile(`^(?:0[xX][0-9a-fA-F]+(?:_[0-9a-fA-F]+)*|0[bB][01]+(?:_[01]+)*|0[oO][0-7]+(?:_[0-7]+)*|` +
		`(?:(?:\d+(?:_\d+)*)?\.\d+(?:_\d+)*|\d+(?:_\d+)*\.?)(?:[eE][+-]?\d+(?:_\d+)*)?)`)
	// ops lists the operators lexed whole, longest first, so that "==" does not
	// look like an assignment nor ".=" like ".".
	ops = bytes.Fields([]byte("=== !== <=> **= ... <<= >>= ??= ?-> == != <> <= >= && || ++ -- " +
		"+= -= *= /= .= %= &= |= ^= -> => :: << >> ?? ** #["))
)

// lexer turns a file into the tokens of its PHP code: text outside <?php ... ?>,
// whitespace and comments produce none, and a string literal is one token however
// much code it interpolates. It runs in linear time.
type lexer struct {
	src    []byte
	toks   []token
	sawPHP bool // a <?php opening tag was found
	depth  int  // how many string literals the scan is inside of
	arrow  bool // the last code token was -> or ?->, so a property name follows
	halted bool // __halt_compiler was read
}

// lex reads src. Its errors report a string, heredoc or comment that never ends,
// which stops PHP itself from compiling the file.
func lex(src []byte) (*lexer, error) {
	lx := &lexer{src: src}
	_, err := lx.code(lx.html(0))
	return lx, err
}

// errAt reports a construct starting at pos. It gives the line, counting \n, \r\n
// and lone \r as line breaks as PHP does, and never any of the file's text.
func errAt(src []byte, pos int, what string) error {
	line := 1 + bytes.Count(src[:pos], []byte("\n")) + bytes.Count(src[:pos], []byte("\r")) -
		bytes.Count(src[:pos], []byte("\r\n"))
	return fmt.Errorf("%s starting on line %d", what, line)
}

func isLabelStart(c byte) bool { return c == '_' || c >= 0x80 || ('a' <= c|0x20 && c|0x20 <= 'z') }

func isLabelChar(c byte) bool { return isLabelStart(c) || isDigit(c) }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func labelEnd(src []byte, p int) int {
	for p < len(src) && isLabelChar(src[p]) {
		p++
	}
	return p
}

func (lx *lexer) at(p int) byte {
	if p < len(lx.src) {
		return lx.src[p]
	}
	return 0
}

// html returns where the code after the next opening tag at or after p starts:
// "<?php" and a space or the end (any case), or "<?=". A short "<?" is text, as
// in PHP with short_open_tag off.
func (lx *lexer) html(p int) int {
	for {
		i := bytes.Index(lx.src[p:], []byte("<?"))
		if i < 0 {
			return len(lx.src)
		}
		p += i + 2
		if rest := lx.src[p:]; len(rest) >= 3 && bytes.EqualFold(rest[:3], []byte("php")) &&
			len(bytes.TrimLeft(rest[3:min(4, len(rest))], " \t\n\r")) == 0 {
			lx.sawPHP = lx.sawPHP || lx.depth == 0
			return p + 3
		} else if len(rest) > 0 && rest[0] == '=' {
			return p + 1
		}
	}
}

// code scans code from p to the end of the file or, in code interpolated into a
// string, to the } that closes it, and returns where it stopped. Only code outside
// string literals yields tokens.
func (lx *lexer) code(p int) (int, error) {
	braces := 0
	for p < len(lx.src) && !lx.halted {
		arrow := lx.arrow
		kind, end, err := lx.token(p, arrow)
		if err != nil {
			return p, err
		}
		op := string(lx.src[p:end])
		lx.arrow = (kind == 0 && arrow) || (kind == tOp && (op == "->" || op == "?->"))
		if kind != 0 && lx.depth == 0 {
			lx.toks = append(lx.toks, token{kind: kind, start: int32(p), end: int32(end)})
		}
		switch {
		case kind == tClose: // inside an interpolation too, as in PHP: the next opening tag resumes it
			end = lx.html(end)
		case kind == tOp && op == "{":
			braces++
		case kind == tOp && op == "}" && lx.depth > 0 && braces == 0:
			return end, nil
		case kind == tOp && op == "}":
			braces--
		}
		p = end
	}
	return p, nil
}

// token returns the kind and the end of the token at p, kind 0 for spaces and
// comments. Right after -> (arrow) PHP wants a property name: there #[ starts a
// comment and b'...' is no binary string.
func (lx *lexer) token(p int, arrow bool) (tokKind, int, error) {
	if end, err := lx.skip(p, arrow); end > p || err != nil {
		return 0, end, err
	}
	src, c, c1 := lx.src, lx.src[p], lx.at(p+1)
	switch {
	case c == '?' && c1 == '>':
		return tClose, p + 2, nil
	case c == '`' || lx.isQuote(p):
		return lx.literal(p, p)
	case c|0x20 == 'b' && !arrow && lx.isQuote(p+1):
		return lx.literal(p, p+1) // a binary-string prefix
	case c == '$' && isLabelStart(c1):
		return tVar, labelEnd(src, p+1), nil
	case isLabelStart(c) || (c == '\\' && isLabelStart(c1)):
		return tIdent, lx.name(p, arrow), nil
	case isDigit(c) || (c == '.' && isDigit(c1)):
		return tNumber, p + len(number.Find(src[p:])), nil
	}
	for _, op := range ops {
		if bytes.HasPrefix(src[p:], op) {
			return tOp, p + len(op), nil
		}
	}
	return tOp, p + 1, nil
}

// skip returns the end of the spaces or the comment at p, or p if there are none.
func (lx *lexer) skip(p int, arrow bool) (int, error) {
	src, c, c1 := lx.src, lx.src[p], lx.at(p+1)
	switch {
	case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		return len(src) - len(bytes.TrimLeft(src[p:], " \t\n\r")), nil
	case c == '#' && (c1 != '[' || arrow), c == '/' && c1 == '/':
		for p++; p < len(src) && src[p] != '\n' && src[p] != '\r' && (src[p] != '?' || lx.at(p+1) != '>'); p++ {
		}
		return p, nil // ?> ends the comment and the code
	case c == '/' && c1 == '*':
		if i := bytes.Index(src[p+2:], []byte("*/")); i >= 0 {
			return p + 4 + i, nil
		}
		return p, errAt(src, p, "unterminated comment")
	}
	return p, nil
}

// name returns the end of the name at p, which may be namespace-qualified.
func (lx *lexer) name(p int, arrow bool) int {
	q := labelEnd(lx.src, p+1)
	for q+1 < len(lx.src) && lx.src[q] == '\\' && isLabelStart(lx.src[q+1]) {
		q = labelEnd(lx.src, q+1)
	}
	lx.halted = lx.depth == 0 && !arrow && bytes.EqualFold(lx.src[p:q], []byte("__halt_compiler"))
	return q
}

func (lx *lexer) isQuote(p int) bool {
	return p < len(lx.src) && (lx.src[p] == '\'' || lx.src[p] == '"' || bytes.HasPrefix(lx.src[p:], []byte("<<<")))
}

// literal scans the string literal that starts at start (at a b prefix, if any)
// and whose quote or <<< is at q.
func (lx *lexer) literal(start, q int) (tokKind, int, error) {
	src := lx.src
	if src[q] != '<' {
		end, interp, err := lx.str(start, q+1, src[q], nil)
		kind := map[byte]tokKind{'\'': tSingle, '"': tDouble, '`': tInterp}[src[q]]
		if interp {
			kind = tInterp
		}
		return kind, end, err
	}
	var h [][]byte
	if c := bytes.TrimLeft(src[q+3:], " \t"); len(c) > 0 && (isLabelStart(c[0]) || c[0] == '"' || c[0] == '\'') {
		h = heredoc.FindSubmatch(src[q:]) // only then, as the regexp takes its time to fail
	}
	if h == nil || string(h[1]) != string(h[3]) {
		return tOp, q + 2, nil // not a heredoc (PHP would reject it): "<<" and on
	}
	end, _, err := lx.str(start, q+len(h[0]), (string(h[1]) + "\x00")[0], h[2]) // the quote or 0
	return tHeredoc, end, err
}

// str scans, from p, the rest of the string literal that starts at start: a '...',
// "..." or `...` string up to its closing quote, or a heredoc up to its closing
// label (a nowdoc when quote is '). It returns where the literal ends and whether
// it interpolates.
func (lx *lexer) str(start, p int, quote byte, label []byte) (end int, interp bool, err error) {
	src := lx.src
	if lx.depth++; lx.depth > maxNesting {
		return 0, false, errAt(src, start, fmt.Sprintf("strings nested more than %d deep", maxNesting))
	}
	defer func() { lx.depth-- }()
	for p < len(src) && err == nil {
		if end := closingLabel(src, p, label); end > 0 {
			return end, interp, nil
		}
		switch c, c1 := src[p], lx.at(p+1); {
		case label == nil && c == quote:
			return p + 1, interp, nil
		case quote == '\'' && (label != nil || c != '\\'):
			p++ // no interpolation in '...', and in a nowdoc not even escapes
		case c == '\\' && (label == nil || (c1 != '\n' && c1 != '\r')):
			p += 2 // an escape, but in a heredoc never one that hides a line break
		case c == '{' && c1 == '$', c == '$' && c1 == '{':
			p, err = lx.code(p + 1 + bytes.IndexByte(src[p:p+2], '{')) // from just past the {
			interp = true
		default:
			interp = interp || (c == '$' && isLabelStart(c1))
			p++
		}
	}
	if err == nil {
		err = errAt(src, start, "unterminated "+map[bool]string{false: "string", true: "heredoc"}[label != nil])
	}
	return 0, false, err
}

// closingLabel returns the end of a heredoc's closing label at p, or 0 if there is
// none. Since PHP 7.3 the label may be indented and followed by anything but a
// label byte; it must start a line.
func closingLabel(src []byte, p int, label []byte) int {
	if label == nil || (src[p-1] != '\n' && src[p-1] != '\r') {
		return 0
	}
	q := len(src) - len(bytes.TrimLeft(src[p:], " \t"))
	if end := q + len(label); bytes.HasPrefix(src[q:], label) && (end == len(src) || !isLabelChar(src[end])) {
		return end
	}
	return 0
}
