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
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
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

// superglobals are the variables whose values come from the environment or the
// request; a value read from one is refused as "read from $_SERVER" and so on.
var superglobals = strings.Fields("$_SERVER $_ENV $GLOBALS $_GET $_POST $_REQUEST $_COOKIE")

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
	return p.kind(i) == tOp && slices.Contains(ops, string(p.text(i)))
}

func (p *parser) isIdent(i int, names ...string) bool {
	return p.kind(i) == tIdent && slices.Contains(names, strings.ToLower(string(p.text(i))))
}

// isGlobalCall reports whether the name at i, which is followed by "(", calls a
// global function rather than a method, a static method or a declaration.
func (p *parser) isGlobalCall(i int) bool {
	return !p.isOp(i-1, "->", "?->", "::") && !p.isIdent(i-1, "function", "fn", "new", "const")
}

// define reads the define( at token i, with PHP 8's named arguments or without:
// define(constant_name: 'X', value: 'y').
func (p *parser) define(v *Values, i int, settled map[string]bool, afterInclude bool) {
	j := i + 2
	named := p.kind(j) == tIdent && p.isOp(j+1, ":")
	if named {
		if string(p.text(j)) != "constant_name" {
			return
		}
		j += 2
	}
	name, ok, _ := p.stringValue(j)
	if _, wanted := envFor[name]; !ok || !p.isOp(j+1, ",", ")") || !wanted || name == tablePrefixKey || settled[name] {
		return // not a define the reader can follow, or not one it wants
	}
	settled[name] = true
	k, value, why := j+2, "", ""
	label := named && p.kind(k) == tIdent && p.isOp(k+1, ":")
	if label {
		k += 2
	}
	switch end := p.spanEnd(k); {
	case p.isOp(j+1, ")"):
		why = whyNoValue
	case !p.isOp(end, ",", ")") || (label && string(p.text(j+2)) != "value"):
		why = whyMalformed
	default:
		value, why = p.classify(k, end)
	}
	if why == "" && afterInclude {
		why = whyAfterInclude
	}
	v.take(name, value, why)
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
	var docker, getenv, concat bool
	depth := 0
	for i := from; i < to; i++ {
		call := p.isOp(i+1, "(")
		docker = docker || (call && p.isIdent(i, "getenv_docker", `\getenv_docker`))
		getenv = getenv || (call && p.isIdent(i, "getenv", `\getenv`))
		if v := string(p.text(i)); why == "" && p.kind(i) == tVar && slices.Contains(superglobals, v) {
			why = "read from " + v
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
	one, first := to-from == 1, p.kind(from)
	switch {
	case from >= to:
		return "", whyNoValue
	case docker:
		return "", whyGetenvDocker
	case getenv:
		return "", whyGetenv
	case why != "":
		return "", why
	case concat:
		return "", whyConcat
	case one && (first == tSingle || first == tDouble):
		if v, ok, _ := p.stringValue(from); ok {
			return v, ""
		}
		return "", whyBadEscape
	case one && first == tInterp && p.text(from)[0] == '`':
		return "", whyShell
	case one && first == tInterp:
		return "", whyInterp
	case one && first == tHeredoc:
		return "", whyHeredoc
	case one && first == tNumber:
		return "", whyNumber
	case first == tIdent && p.isOp(from+1, "("):
		return "", whyCall
	case first == tIdent && (one || p.isOp(from+1, "::")):
		return "", whyConstant
	case first == tVar:
		return "", whyVariable
	}
	return "", whyExpression
}

// stringValue decodes the string literal token at i. ok is false when the token
// is not a plain string literal; bad is true when PHP would reject its escapes.
func (p *parser) stringValue(i int) (value string, ok, bad bool) {
	k, s := p.kind(i), p.text(i)
	if k != tSingle && k != tDouble {
		return "", false, false
	}
	body := s[bytes.IndexAny(s, `'"`)+1 : len(s)-1] // without a b prefix and the quotes
	if k == tSingle {
		return singleQuoted.Replace(string(body)), true, false
	}
	v, good := decodeDouble(body)
	return v, good, !good
}

// singleQuoted decodes the only two escapes of a single-quoted string.
var singleQuoted = strings.NewReplacer(`\\`, `\`, `\'`, `'`)

// doubleEscape matches the escapes of a double-quoted string; others, like \q,
// stay as written, backslash included, as in PHP.
var doubleEscape = regexp.MustCompile(`\\(?:[ntrvef\\$"]|[0-7]{1,3}|x[0-9A-Fa-f]{1,2}|u\{[0-9A-Fa-f]*\}?)`)

// simpleEscapes maps the one-letter escapes of a double-quoted string to their bytes.
var simpleEscapes = map[byte]byte{
	'n': '\n', 't': '\t', 'r': '\r', 'v': '\v', 'e': 0x1b, 'f': '\f', '\\': '\\', '$': '$', '"': '"',
}

// decodeDouble decodes the body of a double-quoted string that has no
// interpolation. ok is false for a \u{...} escape that PHP refuses to compile.
func decodeDouble(body []byte) (string, bool) {
	ok := true
	out := doubleEscape.ReplaceAllFunc(body, func(e []byte) []byte {
		c := e[1]
		switch {
		case c == 'u':
			cp, err := strconv.ParseUint(string(bytes.TrimSuffix(e[3:], []byte("}"))), 16, 32)
			ok = ok && e[len(e)-1] == '}' && err == nil && cp <= 0x10FFFF
			if 0xD800 <= cp && cp < 0xE000 { // a surrogate, which utf8 would turn into U+FFFD
				return []byte{0xED, byte(0x80 | cp>>6&0x3F), byte(0x80 | cp&0x3F)}
			}
			return utf8.AppendRune(nil, rune(cp))
		case c == 'x':
			b, _ := strconv.ParseUint(string(e[2:]), 16, 8)
			return []byte{byte(b)}
		case '0' <= c && c <= '7': // PHP keeps the low byte of \400-\777
			b, _ := strconv.ParseUint(string(e[1:]), 8, 16)
			return []byte{byte(b)}
		}
		return []byte{simpleEscapes[c]}
	})
	return string(out), ok
}
