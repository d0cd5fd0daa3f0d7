// Package wpconfig reads the settings a read-only sidecar needs from a WordPress
// wp-config.php: DB_NAME, DB_USER, DB_PASSWORD, DB_HOST, $table_prefix and
// JWT_AUTH_SECRET_KEY.
//
// It reads the file as text and never runs it. A PHP tokenizer finds the code
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
	"strconv"
	"strings"
)

// maxSize is the largest file ReadFile accepts, in bytes.
const maxSize = 1 << 20

// Values holds what was found; a field is "" when the file does not define it.
type Values struct {
	DBName, DBUser, DBPassword, DBHost, TablePrefix, JWTSecret string
	// Unsupported names each wanted setting that the file defines in a form the reader
	// will not guess at (getenv(...), concatenation, constants, heredoc, a variable), with the reason.
	Unsupported map[string]string
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

// take records a setting's value, or when why is not empty, why it is not taken.
func (v *Values) take(name, value, why string) {
	if why != "" {
		if v.Unsupported == nil {
			v.Unsupported = make(map[string]string)
		}
		v.Unsupported[name] = why + "; set " + envFor[name] + " (or the flag) explicitly"
		return
	}
	*map[string]*string{
		"DB_NAME": &v.DBName, "DB_USER": &v.DBUser, "DB_PASSWORD": &v.DBPassword, "DB_HOST": &v.DBHost,
		"JWT_AUTH_SECRET_KEY": &v.JWTSecret, tablePrefixKey: &v.TablePrefix,
	}[name] = value
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

var compoundAssign = strings.Fields(".= += -= *= /= %= **= ??= &= |= ^= <<= >>=")

var errNotPHP = errors.New("no <?php opening tag: not a PHP file")

// parse reads the settings from the text of a wp-config.php. It returns an error
// only when the whole file is unusable: larger than 1 MiB, without a <?php
// opening tag, or with a string, heredoc or comment that never ends (which PHP
// itself would refuse to compile). Error messages never quote the file.
func parse(src []byte) (Values, error) {
	if len(src) > maxSize {
		return Values{}, fmt.Errorf("file is larger than %d bytes", maxSize)
	}
	lx, err := lex(src)
	if err != nil {
		return Values{}, err
	}
	if !lx.sawPHP {
		return Values{}, errNotPHP
	}
	p := &parser{src: src, toks: lx.toks}
	var v Values
	settled := make(map[string]bool) // constants whose first define() was seen
	firstInclude := -1               // token index of the first include/require/eval
	lastInclude := -1                // ... and of the last one other than wp-settings.php
	lastTP := -1                     // token index of the last $table_prefix assignment
	for i := range p.toks {
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
		case p.kind(i) == tVar && string(p.text(i)) == tablePrefixKey && !p.isOp(i-1, "$", "->", "?->", "::") &&
			(p.isOp(i+1, "=") || p.isOp(i+1, compoundAssign...)):
			lastTP = i
		}
	}
	if lastTP >= 0 {
		value, why := "", whyCompound
		if p.isOp(lastTP+1, "=") {
			value, why = p.classify(lastTP+2, p.spanEnd(lastTP+2))
		}
		if why == "" && ((firstInclude >= 0 && firstInclude < lastTP) || lastInclude > lastTP) {
			why = whyTPInclude
		}
		v.take(tablePrefixKey, value, why)
	}
	return v, nil
}

// parser looks at the token stream. Every lookahead it makes is either O(1) or
// happens at most once per wanted setting, so the whole pass is linear.
type parser struct {
	src  []byte
	toks []token
}

func (p *parser) kind(i int) tokKind {
	if i < 0 || i >= len(p.toks) {
		return 0
	}
	return p.toks[i].kind
}

func (p *parser) text(i int) []byte {
	if p.kind(i) == 0 {
		return nil
	}
	return p.src[p.toks[i].start:p.toks[i].end]
}

func (p *parser) isOp(i int, ops ...string) bool {
	for _, op := range ops {
		if p.kind(i) == tOp && string(p.text(i)) == op {
			return true
		}
	}
	return false
}

func (p *parser) isIdent(i int, names ...string) bool {
	for _, name := range names {
		if p.kind(i) == tIdent && bytes.EqualFold(p.text(i), []byte(name)) {
			return true
		}
	}
	return false
}

// isGlobalCall reports whether the name at i, which is followed by "(", calls a
// global function rather than a method, a static method or a declaration.
func (p *parser) isGlobalCall(i int) bool {
	return !p.isOp(i-1, "->", "?->", "::") && !p.isIdent(i-1, "function", "fn", "new", "const")
}

// define reads the define( at token i.
func (p *parser) define(v *Values, i int, settled map[string]bool, afterInclude bool) {
	j, named := i+2, false
	if p.kind(j) == tIdent && p.isOp(j+1, ":") {
		// PHP 8 named arguments: define(constant_name: 'X', value: 'y').
		if string(p.text(j)) != "constant_name" {
			return
		}
		j, named = j+2, true
	}
	name, ok, _ := p.stringValue(j)
	if !ok || !p.isOp(j+1, ",", ")") {
		return // the name is not a plain literal: not a define the reader can follow
	}
	if _, wanted := envFor[name]; !wanted || name == tablePrefixKey || settled[name] {
		return
	}
	settled[name] = true
	value, why := p.defineValue(j+2, named)
	if why == "" && afterInclude {
		why = whyAfterInclude
	}
	v.take(name, value, why)
}

// defineValue reads the value argument of a define() at token k.
func (p *parser) defineValue(k int, named bool) (value, why string) {
	if p.isOp(k-1, ")") {
		return "", whyNoValue
	}
	if named && p.kind(k) == tIdent && p.isOp(k+1, ":") {
		if string(p.text(k)) != "value" {
			return "", whyMalformed
		}
		k += 2
	}
	end := p.spanEnd(k)
	if !p.isOp(end, ",", ")") {
		return "", whyMalformed
	}
	return p.classify(k, end)
}

// includesSettings reports whether the include at token i loads wp-settings.php,
// which every wp-config.php ends with and which sets none of the wanted settings
// before WordPress reads them. It looks only a few tokens ahead.
func (p *parser) includesSettings(i int) bool {
	for j := i + 1; j <= i+8 && p.kind(j) != 0 && p.kind(j) != tClose && !p.isOp(j, ";"); j++ {
		if s, ok, _ := p.stringValue(j); ok && strings.HasSuffix(s, "wp-settings.php") {
			return true
		}
	}
	return false
}

// spanEnd returns the index of the first token at or after i, outside any
// brackets opened after i, that ends a statement or an argument.
func (p *parser) spanEnd(i int) int {
	depth := 0
	for ; p.kind(i) != 0 && p.kind(i) != tClose; i++ {
		switch {
		case p.isOp(i, "(", "[", "{", "#["):
			depth++
		case depth == 0 && p.isOp(i, ")", "]", "}", ";", ","):
			return i
		case p.isOp(i, ")", "]", "}"):
			depth--
		}
	}
	return i
}

// classify says whether the tokens toks[from:to] are one plain string literal and
// if not, why not.
func (p *parser) classify(from, to int) (value, why string) {
	switch {
	case from >= to:
		return "", whyNoValue
	case to-from == 1:
		return p.classifyOne(from)
	}
	var docker, getenv, concat bool
	var global string
	depth := 0
	for i := from; i < to; i++ {
		call := p.isOp(i+1, "(")
		docker = docker || (call && p.isIdent(i, "getenv_docker", `\getenv_docker`))
		getenv = getenv || (call && p.isIdent(i, "getenv", `\getenv`))
		if global == "" && p.kind(i) == tVar {
			global = superglobals[string(p.text(i))]
		}
		switch {
		case p.isOp(i, "(", "[", "{", "#["):
			depth++
		case p.isOp(i, ")", "]", "}"):
			depth--
		case depth == 0 && p.isOp(i, "."):
			concat = true
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
	case p.kind(from) == tIdent && p.isOp(from+1, "("):
		return "", whyCall
	case p.kind(from) == tIdent && p.isOp(from+1, "::"):
		return "", whyConstant
	case p.kind(from) == tVar:
		return "", whyVariable
	}
	return "", whyExpression
}

func (p *parser) classifyOne(i int) (value, why string) {
	switch p.kind(i) {
	case tSingle, tDouble:
		if v, ok, _ := p.stringValue(i); ok {
			return v, ""
		}
		return "", whyBadEscape
	case tInterp:
		if p.text(i)[0] == '`' {
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
		if why, ok := superglobals[string(p.text(i))]; ok {
			return "", why
		}
		return "", whyVariable
	}
	return "", whyExpression
}

// stringValue decodes the string literal token at i. ok is false when the token
// is not a plain string literal; bad is true when PHP would reject its escapes.
func (p *parser) stringValue(i int) (value string, ok, bad bool) {
	k := p.kind(i)
	if k != tSingle && k != tDouble {
		return "", false, false
	}
	s := p.text(i)
	body := s[bytes.IndexAny(s, `'"`)+1 : len(s)-1] // without a b prefix and the quotes
	if k == tSingle {
		return singleQuoted.Replace(string(body)), true, false
	}
	v, good := decodeDouble(body)
	return v, good, !good
}

// singleQuoted decodes the only two escapes of a single-quoted string.
var singleQuoted = strings.NewReplacer(`\\`, `\`, `\'`, `'`)

// simpleEscapes maps the one-letter escapes of a double-quoted string to their bytes.
var simpleEscapes = map[byte]byte{
	'n': '\n', 't': '\t', 'r': '\r', 'v': '\v', 'e': 0x1b, 'f': '\f', '\\': '\\', '$': '$', '"': '"',
}

// decodeDouble decodes the body of a double-quoted string that has no
// interpolation. ok is false for a \u{...} escape that PHP refuses to compile.
// Unknown escapes stay as written, backslash included, as in PHP.
func decodeDouble(body []byte) (string, bool) {
	out := make([]byte, 0, len(body))
	for i := 0; i < len(body); i++ {
		if body[i] != '\\' || i+1 == len(body) {
			out = append(out, body[i])
			continue
		}
		val, n, ok := escape(body[i+1:])
		if !ok {
			return "", false
		}
		if n == 0 {
			out = append(out, '\\')
		}
		out = append(out, val...)
		i += n
	}
	return string(out), true
}

// escape decodes the escape after a backslash at the start of s: its bytes and
// length. n is 0 when the backslash stays as written; ok is false for a bad \u{}.
func escape(s []byte) (val []byte, n int, ok bool) {
	if b, simple := simpleEscapes[s[0]]; simple {
		return []byte{b}, 1, true
	}
	switch {
	case '0' <= s[0] && s[0] <= '7':
		// Up to three octal digits; PHP keeps the low byte of \400-\777.
		b := 0
		for n = 0; n < len(s) && n < 3 && '0' <= s[n] && s[n] <= '7'; n++ {
			b = b*8 + int(s[n]-'0')
		}
		return []byte{byte(b)}, n, true
	case s[0] == 'x' && len(s) > 1 && isHex(s[1]):
		n = 2
		if len(s) > 2 && isHex(s[2]) {
			n = 3
		}
		b, _ := strconv.ParseUint(string(s[1:n]), 16, 8)
		return []byte{byte(b)}, n, true
	case s[0] == 'u' && len(s) > 1 && s[1] == '{':
		n = 2
		for n < len(s) && isHex(s[n]) {
			n++
		}
		cp, err := strconv.ParseUint(string(s[2:n]), 16, 32)
		if n == len(s) || s[n] != '}' || err != nil || cp > 0x10FFFF {
			return nil, 0, false
		}
		return appendUTF8(nil, rune(cp)), n + 1, true
	}
	return nil, 0, true
}

// appendUTF8 encodes cp the way PHP's \u{} does, surrogates included (which
// unicode/utf8 would replace with U+FFFD).
func appendUTF8(out []byte, cp rune) []byte {
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
