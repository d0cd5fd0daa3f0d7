// Package wpconfig reads the settings a read-only sidecar needs from a WordPress
// wp-config.php (DB_NAME, DB_USER, DB_PASSWORD, DB_HOST, JWT_AUTH_SECRET_KEY and
// $table_prefix; and for a network MULTISITE, SUBDOMAIN_INSTALL and the older VHOST) as
// text, never running it.
//
// A PHP lexer finds the code between <?php and ?>, outside comments and string
// literals, so a define() commented out or inside a string does not count. In
// the code the reader takes two forms, in any case and spacing:
//
//	define( 'NAME', 'value' );   // an optional third argument
//	$table_prefix = 'value';
//
// A value is taken only when it is one plain string literal: single-quoted, or
// double-quoted without interpolation, decoded with PHP's escapes. Anything else
// (getenv_docker(), $_SERVER, a variable, a constant, a concatenation, a heredoc,
// an interpolating string...) is never guessed at: Values.Unsupported names the
// setting, by its constant or "$table_prefix", with the reason and what to set.
//
// Conditions and calls are not evaluated; file order stands in for them. A
// constant keeps its first define(), even in an if branch PHP would skip, and
// $table_prefix its last assignment. As include, require and eval run code the
// reader does not see, a define() after one is Unsupported, and so is a
// $table_prefix assignment after one or before one other than the final require
// of wp-settings.php: Debian's /usr/share/wordpress/wp-config.php, which requires
// /etc/wordpress/config-HOST.php and then defines fallbacks, yields no values.
// const NAME = 'value'; is not read.
//
// A field of Values is empty when the file does not set it, sets it in a way the
// reader refuses, or sets it to "". Neither errors nor reasons quote the file, so
// they may be logged although it holds passwords.
package wpconfig

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// maxSize is the largest file ReadFile accepts, in bytes.
const maxSize = 1 << 20

// Values holds what was found; a field is "" when the file does not define it.
type Values struct {
	DBName, DBUser, DBPassword, DBHost, TablePrefix, JWTSecret string
	// Multisite is true when the file defines MULTISITE as true: WordPress then runs a
	// network (is_multisite()). It is the one boolean read, and only as the literal
	// true or false (any case); anything else is Unsupported.
	Multisite bool
	// SubdomainInstall is is_subdomain_install(): SUBDOMAIN_INSTALL when the file defines
	// it as the literal true or false, else 'yes' === VHOST when the file defines VHOST as
	// a plain string. It is nil when the file defines neither, or the one WordPress goes
	// by in a form the reader does not take (which is not Unsupported: the sidecar then
	// goes by the network's stored subdomain_install).
	SubdomainInstall *bool
	// Unsupported maps each setting defined in a form the reader refuses to the reason.
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
	// One byte more than allowed, so that a huge file (or /dev/zero) is neither
	// read whole nor accepted.
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
	"DB_NAME": "WORDPRESS_DB_NAME", "DB_USER": "WORDPRESS_DB_USER", "DB_PASSWORD": "WORDPRESS_DB_PASSWORD",
	"DB_HOST": "WORDPRESS_DB_HOST", "JWT_AUTH_SECRET_KEY": "JWT_AUTH_SECRET_KEY", tablePrefixKey: "WORDPRESS_TABLE_PREFIX",
	multisiteKey: "KCHAT_NETWORK",
}

const multisiteKey = "MULTISITE"

// The constants is_subdomain_install() reads: the second only when the first is not defined.
const subdomainKey, vhostKey = "SUBDOMAIN_INSTALL", "VHOST"

// whyNotBoolean is why a MULTISITE define is not taken.
const whyNotBoolean = "set to something other than true or false"

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

// Reasons a value is not taken: fixed strings, which never quote the file.
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

var (
	// superglobals come from the environment or the request; a value read from one
	// is refused as "read from $_SERVER" and so on.
	superglobals   = strings.Fields("$_SERVER $_ENV $GLOBALS $_GET $_POST $_REQUEST $_COOKIE")
	compoundAssign = strings.Fields(".= += -= *= /= %= **= ??= &= |= ^= <<= >>=")
	// whyKind is why a value of one token of these kinds is not taken.
	whyKind = map[tokKind]string{tInterp: whyInterp, tHeredoc: whyHeredoc, tNumber: whyNumber, tIdent: whyConstant, tVar: whyVariable}
)

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
	} else if !lx.sawPHP {
		return Values{}, errors.New("no <?php opening tag: not a PHP file")
	}
	p := &parser{src: src, toks: lx.toks, subdomain: make(map[string]*bool)}
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
		case p.kind(i) == tVar && p.text(i) == tablePrefixKey && !p.isOp(i-1, "$", "->", "?->", "::") &&
			(p.isOp(i+1, "=") || p.isOp(i+1, compoundAssign...)):
			lastTP = i
		}
	}
	if lastTP >= 0 {
		value, why := "", whyCompound
		if p.isOp(lastTP+1, "=") {
			value, why, _ = p.classify(lastTP + 2)
		}
		if why == "" && ((firstInclude >= 0 && firstInclude < lastTP) || lastInclude > lastTP) {
			why = whyTPInclude
		}
		v.take(tablePrefixKey, value, why)
	}
	if b, defined := p.subdomain[subdomainKey]; defined {
		v.SubdomainInstall = b
	} else {
		v.SubdomainInstall = p.subdomain[vhostKey]
	}
	return v, nil
}

// parser looks at the token stream. Every lookahead it makes is either O(1) or
// happens at most once per wanted setting, so the whole pass is linear.
type parser struct {
	src  []byte
	toks []token
	// subdomain holds SUBDOMAIN_INSTALL's and VHOST's values once defined, nil where
	// the value is not taken.
	subdomain map[string]*bool
}

func (p *parser) kind(i int) tokKind {
	if i < 0 || i >= len(p.toks) {
		return 0
	}
	return p.toks[i].kind
}

func (p *parser) text(i int) string {
	if p.kind(i) == 0 {
		return ""
	}
	return string(p.src[p.toks[i].start:p.toks[i].end])
}

func (p *parser) isOp(i int, ops ...string) bool {
	return p.kind(i) == tOp && slices.Contains(ops, p.text(i))
}

func (p *parser) isIdent(i int, names ...string) bool {
	return p.kind(i) == tIdent && slices.Contains(names, strings.ToLower(p.text(i)))
}

// isGlobalCall reports whether the name at i, which is followed by "(", calls a
// global function rather than a method, a static method or a declaration.
func (p *parser) isGlobalCall(i int) bool {
	return !p.isOp(i-1, "->", "?->", "::") && !p.isIdent(i-1, "function", "fn", "new", "const")
}

// define reads the define( at token i.
func (p *parser) define(v *Values, i int, settled map[string]bool, afterInclude bool) {
	j, ok := p.arg(i+2, "constant_name")
	name, literal, _ := p.stringValue(j)
	_, wanted := envFor[name]
	wanted = wanted || name == subdomainKey || name == vhostKey
	if !ok || !literal || !p.isOp(j+1, ",", ")") || !wanted || name == tablePrefixKey || settled[name] {
		return // not a define the reader can follow, or not one it wants
	}
	settled[name] = true
	k, ok := p.arg(j+2, "value")
	switch name {
	case multisiteKey:
		p.defineMultisite(v, k, ok, afterInclude)
		return
	case subdomainKey, vhostKey:
		p.defineSubdomain(name, k, ok && !afterInclude)
		return
	}
	value, why, end := p.classify(k)
	switch {
	case p.isOp(j+1, ")"):
		value, why = "", whyNoValue
	case !ok || !p.isOp(end, ",", ")"):
		value, why = "", whyMalformed
	case why == "" && afterInclude:
		value, why = "", whyAfterInclude
	}
	v.take(name, value, why)
}

// defineMultisite reads MULTISITE's value at token k: the literal true or false.
func (p *parser) defineMultisite(v *Values, k int, ok, afterInclude bool) {
	why := ""
	switch {
	case !ok || !p.isIdent(k, "true", "false", `\true`, `\false`) || !p.isOp(k+1, ",", ")"):
		why = whyNotBoolean
	case afterInclude:
		why = whyAfterInclude
	}
	if why != "" {
		v.take(multisiteKey, "", why)
		return
	}
	v.Multisite = strings.TrimPrefix(strings.ToLower(p.text(k)), `\`) == "true"
}

// defineSubdomain reads SUBDOMAIN_INSTALL's value at token k, the literal true or
// false, or VHOST's, a plain string ('yes' means a subdomain install), when ok.
func (p *parser) defineSubdomain(name string, k int, ok bool) {
	p.subdomain[name] = nil
	if !ok {
		return
	}
	if name == subdomainKey {
		if p.isIdent(k, "true", "false", `\true`, `\false`) && p.isOp(k+1, ",", ")") {
			b := strings.TrimPrefix(strings.ToLower(p.text(k)), `\`) == "true"
			p.subdomain[name] = &b
		}
		return
	}
	if value, why, end := p.classify(k); why == "" && p.isOp(end, ",", ")") {
		b := value == "yes"
		p.subdomain[name] = &b
	}
}

// arg skips the label of a PHP 8 named argument at k, if there is one; ok is false
// when the label is not want, as in define(constant_name: 'X', value: 'y').
func (p *parser) arg(k int, want string) (int, bool) {
	if p.kind(k) == tIdent && p.isOp(k+1, ":") {
		return k + 2, p.text(k) == want
	}
	return k, true
}

// includesSettings reports whether the include at token i loads wp-settings.php,
// which ends every wp-config.php and sets none of the settings. It looks a few
// tokens ahead.
func (p *parser) includesSettings(i int) bool {
	for j := i + 1; j <= i+8 && p.kind(j) != 0 && p.kind(j) != tClose && !p.isOp(j, ";"); j++ {
		if s, ok, _ := p.stringValue(j); ok && strings.HasSuffix(s, "wp-settings.php") {
			return true
		}
	}
	return false
}

// classify reads the expression at token from, up to the first token outside
// brackets opened after from that ends an argument or a statement, which it
// returns as end. It says whether the expression is one plain string literal and
// if not, why not.
func (p *parser) classify(from int) (value, why string, end int) {
	end, why = p.expr(from)
	one, first := end-from == 1, p.kind(from)
	switch {
	case why != "":
		return "", why, end
	case end == from:
		return "", whyNoValue, end
	case one && (first == tSingle || first == tDouble):
		if v, ok, _ := p.stringValue(from); ok {
			return v, "", end
		}
		return "", whyBadEscape, end
	case one && p.text(from)[0] == '`':
		return "", whyShell, end
	case one && whyKind[first] != "":
		return "", whyKind[first], end
	case first == tIdent && p.isOp(from+1, "("):
		return "", whyCall, end
	case first == tIdent && p.isOp(from+1, "::"):
		return "", whyConstant, end
	case first == tVar:
		return "", whyVariable, end
	}
	return "", whyExpression, end
}

// expr finds the end of the expression at from for classify, and the reason to
// refuse it that any of its tokens gives.
func (p *parser) expr(from int) (end int, why string) {
	var docker, getenv, concat bool
	depth := 0
	for end = from; p.kind(end) != 0 && p.kind(end) != tClose && (depth > 0 || !p.isOp(end, ")", "]", "}", ";", ",")); end++ {
		call := p.isOp(end+1, "(")
		docker = docker || (call && p.isIdent(end, "getenv_docker", `\getenv_docker`))
		getenv = getenv || (call && p.isIdent(end, "getenv", `\getenv`))
		if why == "" && p.kind(end) == tVar && slices.Contains(superglobals, p.text(end)) {
			why = "read from " + p.text(end)
		}
		switch {
		case p.isOp(end, "(", "[", "{", "#["):
			depth++
		case p.isOp(end, ")", "]", "}"):
			depth--
		case depth == 0 && p.isOp(end, "."):
			concat = true
		}
	}
	switch {
	case docker:
		return end, whyGetenvDocker
	case getenv:
		return end, whyGetenv
	case why == "" && concat:
		return end, whyConcat
	}
	return end, why
}

// stringValue decodes the string literal token at i. ok is false when the token
// is not a plain string literal; bad is true when PHP would reject its escapes.
func (p *parser) stringValue(i int) (value string, ok, bad bool) {
	k, s := p.kind(i), p.text(i)
	if k != tSingle && k != tDouble {
		return "", false, false
	}
	body := s[strings.IndexAny(s, `'"`)+1 : len(s)-1] // without a b prefix and the quotes
	if k == tSingle {
		return singleQuoted.Replace(body), true, false
	}
	value = doubleEscape.ReplaceAllStringFunc(body, func(e string) string {
		if r, simple := simpleEscapes[e[1]]; simple {
			return r
		} else if e[1] == 'u' {
			cp, err := strconv.ParseUint(strings.TrimSuffix(e[3:], "}"), 16, 32)
			bad = bad || !strings.HasSuffix(e, "}") || err != nil || cp > 0x10FFFF
			if 0xD800 <= cp && cp < 0xE000 { // a surrogate, which Go would turn into U+FFFD
				return string([]byte{0xED, byte(0x80 | cp>>6&0x3F), byte(0x80 | cp&0x3F)})
			}
			return string(rune(cp))
		}
		digits, base := e[1:], 8 // PHP keeps the low byte of \400-\777
		if e[1] == 'x' {
			digits, base = e[2:], 16
		}
		b, _ := strconv.ParseUint(digits, base, 16)
		return string([]byte{byte(b)})
	})
	return value, !bad, bad
}

var (
	// singleQuoted decodes the only two escapes of a single-quoted string.
	singleQuoted = strings.NewReplacer(`\\`, `\`, `\'`, `'`)
	// doubleEscape matches the escapes of a double-quoted string; others, like \q,
	// stay as written, backslash included, as in PHP.
	doubleEscape  = regexp.MustCompile(`\\(?:[ntrvef\\$"]|[0-7]{1,3}|x[0-9A-Fa-f]{1,2}|u\{[0-9A-Fa-f]*\}?)`)
	simpleEscapes = map[byte]string{'n': "\n", 't': "\t", 'r': "\r", 'v': "\v", 'e': "\x1b", 'f': "\f", '\\': `\`, '$': "$", '"': `"`}
)
