// Package wpconfig reads the settings a read-only sidecar needs from a WordPress
// wp-config.php: DB_NAME, DB_USER, DB_PASSWORD, DB_HOST, $table_prefix and
// JWT_AUTH_SECRET_KEY.
//
// It reads the file as text and never runs it. A PHP tokeniser finds the code
// between <?php and ?> and skips comments (//, # and /* */) and the insides of
// string literals, so a define() that is commented out or sits inside a string
// does not count. In the code it looks for two forms:
//
//	define( 'NAME', 'value' );          // any case, any spacing, an optional third argument
//	$table_prefix = 'value';
//
// A value is taken only when it is one plain string literal: single-quoted (where
// only \\ and \' are escapes) or double-quoted without interpolation (with PHP's
// escapes \n \t \r \v \e \f \\ \$ \" \0-\777 \xHH \u{...}). Anything else —
// getenv(), the Docker image's getenv_docker(), $_SERVER or $_ENV, a variable, a
// constant, a number, a concatenation, a heredoc or nowdoc, an interpolating
// string — is never guessed at: Values.Unsupported records the setting with the
// reason. Its keys are the constant names and "$table_prefix".
//
// The reader does not evaluate conditions or calls. Where PHP's result would
// depend on them it assumes file order:
//
//   - A constant keeps its first define() in the file, as PHP keeps the first
//     define() that runs. Defines inside if/else blocks count like any other, so
//     when two branches define the same constant, the first branch wins even if
//     PHP would take the other one at run time.
//   - $table_prefix takes its last assignment in the file.
//   - include, require (and their _once forms) and eval can run code the reader
//     does not see. A define() that comes after one of them, and a $table_prefix
//     assignment that comes after one or is followed by one (other than the final
//     require of wp-settings.php), is Unsupported. This is why Debian's
//     /usr/share/wordpress/wp-config.php, which requires /etc/wordpress/config-HOST.php
//     and then defines fallbacks under if (!defined(...)), yields no values.
//   - Code inside function bodies is read like any other code.
//   - const NAME = 'value'; is not read: such a setting counts as not defined.
//
// A field of Values is empty when the file does not define the setting, when
// the definition is Unsupported, and when the file defines it as an empty string.
// Neither errors nor Unsupported reasons ever quote the file, so they may be
// logged even though the file holds passwords.
package wpconfig

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// maxSize is the largest file Parse accepts, in bytes.
const maxSize = 1 << 20

// Values holds what was found; a field is "" when the file does not define it.
type Values struct {
	DBName, DBUser, DBPassword, DBHost, TablePrefix, JWTSecret string
	// Unsupported names each wanted setting that the file defines in a form the reader
	// will not guess at (getenv(...), concatenation, constants, heredoc, a variable), with the reason.
	Unsupported map[string]string
}

// Parse reads the settings from the text of a wp-config.php. It returns an error
// only when the whole file is unusable: larger than 1 MiB, without a <?php
// opening tag, or with a string, heredoc or comment that never ends (which PHP
// itself would refuse to compile). Error messages never quote the file.
func Parse(src []byte) (Values, error) {
	v, err := parse(src)
	if err != nil {
		return Values{}, fmt.Errorf("wpconfig: %w", err)
	}
	return v, nil
}

// ReadFile reads and parses the file at path. Its errors name the path but never
// quote the file's contents.
func ReadFile(path string) (Values, error) {
	f, err := os.Open(path)
	if err != nil {
		return Values{}, fmt.Errorf("wpconfig: %w", err)
	}
	defer f.Close()
	// Read one byte more than allowed, so that a huge file (or /dev/zero) is
	// neither read whole nor accepted.
	src, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		return Values{}, fmt.Errorf("wpconfig: %w", err)
	}
	v, err := parse(src)
	if err != nil {
		return Values{}, fmt.Errorf("wpconfig: %s: %w", path, err)
	}
	return v, nil
}

const tablePrefixKey = "$table_prefix"

// envFor names, for each setting, the sidecar's variable that sets it instead.
var envFor = map[string]string{
	"DB_NAME":             "WORDPRESS_DB_NAME",
	"DB_USER":             "WORDPRESS_DB_USER",
	"DB_PASSWORD":         "WORDPRESS_DB_PASSWORD",
	"DB_HOST":             "WORDPRESS_DB_HOST",
	"JWT_AUTH_SECRET_KEY": "JWT_AUTH_SECRET_KEY",
	tablePrefixKey:        "WORDPRESS_TABLE_PREFIX",
}

func (v *Values) set(name, value string) {
	switch name {
	case "DB_NAME":
		v.DBName = value
	case "DB_USER":
		v.DBUser = value
	case "DB_PASSWORD":
		v.DBPassword = value
	case "DB_HOST":
		v.DBHost = value
	case "JWT_AUTH_SECRET_KEY":
		v.JWTSecret = value
	case tablePrefixKey:
		v.TablePrefix = value
	}
}

func (v *Values) unsupported(name, why string) {
	if v.Unsupported == nil {
		v.Unsupported = make(map[string]string)
	}
	v.Unsupported[name] = why + "; set " + envFor[name] + " (or the flag) explicitly"
}

// Reasons a value is not taken. They are fixed strings: a reason never quotes
// the file.
const (
	whyGetenvDocker = "set with getenv_docker()"
	whyGetenv       = "set with getenv()"
	whyConcat       = "built by concatenation"
	whyCall         = "set with a function call"
	whyVariable     = "set from a variable"
	whyConstant     = "set to a constant"
	whyNumber       = "set to a number"
	whyHeredoc      = "set with a heredoc or nowdoc"
	whyInterp       = "set with a double-quoted string that interpolates variables"
	whyShell        = "set with a shell command in backticks"
	whyBadEscape    = "set with a string PHP rejects (a bad \\u{...} escape)"
	whyExpression   = "set with an expression"
	whyNoValue      = "define() without a value"
	whyMalformed    = "a define() call this reader cannot make out"
	whyAfterInclude = "defined after an include, require or eval, whose code may define it first"
	whyTPInclude    = "assigned next to an include, require or eval, whose code may assign it too"
	whyCompound     = "changed with a compound assignment such as .="
)

// superglobals maps the variables whose values come from the environment or the
// request to their reason.
var superglobals = map[string]string{
	"$_SERVER":  "read from $_SERVER",
	"$_ENV":     "read from $_ENV",
	"$GLOBALS":  "read from $GLOBALS",
	"$_GET":     "read from the request",
	"$_POST":    "read from the request",
	"$_REQUEST": "read from the request",
	"$_COOKIE":  "read from the request",
}

// parser walks the token stream once. Every lookahead it makes is either O(1) or
// happens at most once per wanted setting, so the whole pass is linear.
type parser struct {
	src  []byte
	toks []token
}

func (p *parser) text(i int) []byte {
	t := p.toks[i]
	return p.src[t.start:t.end]
}

func (p *parser) isOp(i int, op string) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].kind == tOp && string(p.text(i)) == op
}

func (p *parser) isIdent(i int, names ...string) bool {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != tIdent {
		return false
	}
	for _, name := range names {
		if bytes.EqualFold(p.text(i), []byte(name)) {
			return true
		}
	}
	return false
}

func (p *parser) isEnd(i int) bool {
	return i >= len(p.toks) || p.toks[i].kind == tClose || p.isOp(i, ";")
}

// isGlobalCall reports whether the name at i, which is followed by "(", calls a
// global function rather than a method, a static method or a declaration.
func (p *parser) isGlobalCall(i int) bool {
	return !(p.isOp(i-1, "->") || p.isOp(i-1, "?->") || p.isOp(i-1, "::") ||
		p.isIdent(i-1, "function", "fn", "new", "const"))
}

// stringValue decodes the string literal token at i. ok is false when the token
// is not a plain string literal; bad is true when PHP would reject its escapes.
func (p *parser) stringValue(i int) (value string, ok, bad bool) {
	if i < 0 || i >= len(p.toks) {
		return "", false, false
	}
	t := p.toks[i]
	if t.kind != tSingle && t.kind != tDouble {
		return "", false, false
	}
	s := p.text(i)
	if s[0] == 'b' || s[0] == 'B' {
		s = s[1:]
	}
	body := s[1 : len(s)-1]
	if t.kind == tSingle {
		return decodeSingle(body), true, false
	}
	v, good := decodeDouble(body)
	return v, good, !good
}

// spanEnd returns the index of the first token at or after i, outside any
// brackets opened after i, that is a statement end or a closing bracket, or (when
// atComma) a comma.
func (p *parser) spanEnd(i int, atComma bool) int {
	depth := 0
	for ; i < len(p.toks); i++ {
		t := p.toks[i]
		if t.kind == tClose {
			return i
		}
		if t.kind != tOp {
			continue
		}
		switch string(p.text(i)) {
		case "(", "[", "{", "#[":
			depth++
		case ")", "]", "}":
			if depth == 0 {
				return i
			}
			depth--
		case ";":
			if depth == 0 {
				return i
			}
		case ",":
			if depth == 0 && atComma {
				return i
			}
		}
	}
	return i
}

// classify says whether the tokens toks[from:to] are one plain string literal and
// if not, why not.
func (p *parser) classify(from, to int) (value, why string) {
	if from >= to {
		return "", whyNoValue
	}
	if to-from == 1 {
		t := p.toks[from]
		switch t.kind {
		case tSingle, tDouble:
			v, ok, _ := p.stringValue(from)
			if !ok {
				return "", whyBadEscape
			}
			return v, ""
		case tInterp:
			if p.text(from)[0] == '`' {
				return "", whyShell
			}
			return "", whyInterp
		case tHeredoc:
			return "", whyHeredoc
		case tNumber:
			return "", whyNumber
		case tIdent:
			return "", whyConstant
		case tVar:
			if why, ok := superglobals[string(p.text(from))]; ok {
				return "", why
			}
			return "", whyVariable
		}
		return "", whyExpression
	}
	var docker, getenv, concat bool
	var global string
	depth := 0
	for i := from; i < to; i++ {
		switch t := p.toks[i]; t.kind {
		case tIdent:
			if p.isOp(i+1, "(") {
				docker = docker || p.isIdent(i, "getenv_docker", `\getenv_docker`)
				getenv = getenv || p.isIdent(i, "getenv", `\getenv`)
			}
		case tVar:
			if why, ok := superglobals[string(p.text(i))]; ok && global == "" {
				global = why
			}
		case tOp:
			switch string(p.text(i)) {
			case "(", "[", "{", "#[":
				depth++
			case ")", "]", "}":
				depth--
			case ".":
				concat = concat || depth == 0
			}
		}
	}
	switch {
	case docker:
		return "", whyGetenvDocker
	case getenv:
		return "", whyGetenv
	case global != "":
		return "", global
	case concat:
		return "", whyConcat
	case p.toks[from].kind == tIdent && p.isOp(from+1, "("):
		return "", whyCall
	case p.toks[from].kind == tIdent && p.isOp(from+1, "::"):
		return "", whyConstant
	case p.toks[from].kind == tVar:
		return "", whyVariable
	}
	return "", whyExpression
}

var compoundAssign = map[string]bool{
	".=": true, "+=": true, "-=": true, "*=": true, "/=": true, "%=": true, "**=": true,
	"??=": true, "&=": true, "|=": true, "^=": true, "<<=": true, ">>=": true,
}

var errNotPHP = errors.New("no <?php opening tag: not a PHP file")

func parse(src []byte) (Values, error) {
	var v Values
	if len(src) > maxSize {
		return v, fmt.Errorf("file is larger than %d bytes", maxSize)
	}
	lx, err := lex(src)
	if err != nil {
		return v, err
	}
	if !lx.sawPHP {
		return v, errNotPHP
	}
	p := &parser{src: src, toks: lx.toks}

	settled := make(map[string]bool) // constants whose first define() was seen
	firstInclude := -1               // token index of the first include/require/eval
	lastInclude := -1                // ... and of the last one other than wp-settings.php
	lastTP := -1                     // token index of the last $table_prefix assignment

	for i := 0; i < len(p.toks); i++ {
		t := p.toks[i]
		switch t.kind {
		case tIdent:
			switch {
			case p.isIdent(i, "define", `\define`) && p.isOp(i+1, "(") && p.isGlobalCall(i):
				p.define(&v, i, settled, firstInclude >= 0)
			case p.isIdent(i, "include", "include_once", "require", "require_once", "eval") && p.isGlobalCall(i):
				if firstInclude < 0 {
					firstInclude = i
				}
				if !p.includesSettings(i) {
					lastInclude = i
				}
			}
		case tVar:
			if string(p.text(i)) == tablePrefixKey && !p.isOp(i-1, "$") && !p.isOp(i-1, "->") &&
				!p.isOp(i-1, "?->") && !p.isOp(i-1, "::") && i+1 < len(p.toks) && p.toks[i+1].kind == tOp {
				if op := string(p.text(i + 1)); op == "=" || compoundAssign[op] {
					lastTP = i // a compound assignment is reported below
				}
			}
		}
	}

	if lastTP >= 0 {
		switch {
		case !p.isOp(lastTP+1, "="):
			v.unsupported(tablePrefixKey, whyCompound)
		default:
			value, why := p.classify(lastTP+2, p.spanEnd(lastTP+2, true))
			if why == "" && ((firstInclude >= 0 && firstInclude < lastTP) || lastInclude > lastTP) {
				why = whyTPInclude
			}
			if why != "" {
				v.unsupported(tablePrefixKey, why)
			} else {
				v.TablePrefix = value
			}
		}
	}
	return v, nil
}

// define handles the define( at token i.
func (p *parser) define(v *Values, i int, settled map[string]bool, afterInclude bool) {
	j := i + 2
	named := false
	if p.isOp(j+1, ":") && j < len(p.toks) && p.toks[j].kind == tIdent {
		// PHP 8 named arguments: define(constant_name: 'X', value: 'y').
		if string(p.text(j)) != "constant_name" {
			return
		}
		named = true
		j += 2
	}
	name, ok, _ := p.stringValue(j)
	if !ok || (!p.isOp(j+1, ",") && !p.isOp(j+1, ")")) {
		return // the name is not a plain literal: not a define the reader can follow
	}
	if _, wanted := envFor[name]; !wanted || name == tablePrefixKey || settled[name] {
		return
	}
	settled[name] = true
	if p.isOp(j+1, ")") {
		v.unsupported(name, whyNoValue)
		return
	}
	k := j + 2
	if named && k < len(p.toks) && p.toks[k].kind == tIdent && p.isOp(k+1, ":") {
		if string(p.text(k)) != "value" {
			v.unsupported(name, whyMalformed)
			return
		}
		k += 2
	}
	end := p.spanEnd(k, true)
	if !p.isOp(end, ",") && !p.isOp(end, ")") {
		v.unsupported(name, whyMalformed)
		return
	}
	value, why := p.classify(k, end)
	if why == "" && afterInclude {
		why = whyAfterInclude
	}
	if why != "" {
		v.unsupported(name, why)
		return
	}
	v.set(name, value)
}

// includesSettings reports whether the include at token i loads wp-settings.php,
// which every wp-config.php ends with and which sets none of the wanted settings
// before WordPress reads them. It looks only a few tokens ahead.
func (p *parser) includesSettings(i int) bool {
	for j := i + 1; j < len(p.toks) && j <= i+8 && !p.isEnd(j); j++ {
		if s, ok, _ := p.stringValue(j); ok && strings.HasSuffix(s, "wp-settings.php") {
			return true
		}
	}
	return false
}

func decodeSingle(body []byte) string {
	if bytes.IndexByte(body, '\\') < 0 {
		return string(body)
	}
	out := make([]byte, 0, len(body))
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '\\' && i+1 < len(body) && (body[i+1] == '\\' || body[i+1] == '\'') {
			i++
			c = body[i]
		}
		out = append(out, c)
	}
	return string(out)
}

func hexVal(c byte) (int, bool) {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0'), true
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10, true
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10, true
	}
	return 0, false
}

// decodeDouble decodes the body of a double-quoted string that has no
// interpolation. ok is false for a \u{...} escape that PHP refuses to compile.
// Unknown escapes stay as written, backslash included, as in PHP.
func decodeDouble(body []byte) (string, bool) {
	if bytes.IndexByte(body, '\\') < 0 {
		return string(body), true
	}
	out := make([]byte, 0, len(body))
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' || i+1 >= len(body) {
			out = append(out, c)
			continue
		}
		switch d := body[i+1]; d {
		case 'n':
			out = append(out, '\n')
			i++
		case 't':
			out = append(out, '\t')
			i++
		case 'r':
			out = append(out, '\r')
			i++
		case 'v':
			out = append(out, '\v')
			i++
		case 'e':
			out = append(out, 0x1b)
			i++
		case 'f':
			out = append(out, '\f')
			i++
		case '\\', '$', '"':
			out = append(out, d)
			i++
		case '0', '1', '2', '3', '4', '5', '6', '7':
			// Up to three octal digits; PHP keeps the low byte of \400-\777.
			val, j := 0, i+1
			for ; j < len(body) && j < i+4 && '0' <= body[j] && body[j] <= '7'; j++ {
				val = val*8 + int(body[j]-'0')
			}
			out = append(out, byte(val))
			i = j - 1
		case 'x':
			h, ok := 0, false
			if i+2 < len(body) {
				h, ok = hexVal(body[i+2])
			}
			if !ok {
				out = append(out, '\\') // \x without a hex digit is literal
				continue
			}
			j := i + 3
			if j < len(body) {
				if h2, ok := hexVal(body[j]); ok {
					h = h*16 + h2
					j++
				}
			}
			out = append(out, byte(h))
			i = j - 1
		case 'u':
			if i+2 >= len(body) || body[i+2] != '{' {
				out = append(out, '\\') // \u without { is literal
				continue
			}
			cp, digits, j := 0, 0, i+3
			for ; j < len(body); j++ {
				h, ok := hexVal(body[j])
				if !ok {
					break
				}
				if cp <= 0x10FFFF {
					cp = cp*16 + h
				}
				digits++
			}
			if j >= len(body) || body[j] != '}' || digits == 0 || cp > 0x10FFFF {
				return "", false
			}
			out = appendUTF8(out, cp)
			i = j
		default:
			out = append(out, '\\')
		}
	}
	return string(out), true
}

// appendUTF8 encodes cp the way PHP's \u{} does, surrogates included (which
// unicode/utf8 would replace with U+FFFD).
func appendUTF8(out []byte, cp int) []byte {
	switch {
	case cp < 0x80:
		return append(out, byte(cp))
	case cp < 0x800:
		return append(out, byte(0xC0|cp>>6), byte(0x80|cp&0x3F))
	case cp < 0x10000:
		return append(out, byte(0xE0|cp>>12), byte(0x80|(cp>>6)&0x3F), byte(0x80|cp&0x3F))
	}
	return append(out, byte(0xF0|cp>>18), byte(0x80|(cp>>12)&0x3F), byte(0x80|(cp>>6)&0x3F), byte(0x80|cp&0x3F))
}
