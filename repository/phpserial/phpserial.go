// Package phpserial reads and writes the subset of PHP's serialize() format that WordPress
// uses for roles, capabilities and the multisite site_admins list: null, bool, int, float,
// string and array. The reader is fed whatever the database holds, so it decodes exactly
// what PHP's unserialize() would, refuses everything else with the byte offset of the
// fault, and never panics, recurses without bound or allocates more than the input could
// describe. Objects, references, enums and escaped strings are refused rather than read.
package phpserial

import (
	"errors"
	"fmt"
	"math"
	"strconv"
)

// Kind is the PHP type of a Value.
type Kind int

// The kinds of value the format can carry here. The zero Value is Null.
const (
	Null Kind = iota
	Bool
	Int
	Float
	String
	Array
)

func (k Kind) String() string {
	switch k {
	case Null:
		return "null"
	case Bool:
		return "bool"
	case Int:
		return "int"
	case Float:
		return "float"
	case String:
		return "string"
	case Array:
		return "array"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Value is one PHP value; only the field named by Kind is meaningful. Str holds bytes,
// not necessarily UTF-8, exactly as PHP stored them.
type Value struct {
	Kind  Kind
	Bool  bool
	Int   int64
	Float float64
	Str   string
	Array []Entry
}

// Entry is one member of a PHP array. Key is an Int or a String; Unmarshal never yields a
// String key that PHP would have turned into an int ("5"), nor the same key twice.
type Entry struct {
	Key   Value
	Value Value
}

// StringValue builds a PHP string.
func StringValue(s string) Value { return Value{Kind: String, Str: s} }

// BoolValue builds a PHP bool.
func BoolValue(b bool) Value { return Value{Kind: Bool, Bool: b} }

// IntValue builds a PHP int.
func IntValue(n int64) Value { return Value{Kind: Int, Int: n} }

// Truthy is PHP's conversion to bool; WordPress's has_cap tests capabilities with empty(),
// its negation, so a stored "0" or 0 denies as surely as false.
func (v Value) Truthy() bool {
	switch v.Kind {
	case Bool:
		return v.Bool
	case Int:
		return v.Int != 0
	case Float:
		return v.Float != 0 // true for NaN, as in PHP; false for -0
	case String:
		return v.Str != "" && v.Str != "0"
	case Array:
		return len(v.Array) > 0
	}
	return false
}

// KeyString is an array key as PHP prints it; distinct keys of an Unmarshal result have
// distinct KeyStrings, because no String key there looks like an int.
func (v Value) KeyString() string {
	if v.Kind == Int {
		return strconv.FormatInt(v.Int, 10)
	}
	return v.Str
}

// Lookup returns the member of an array under key, which is taken as PHP takes a string
// subscript: "5" finds the int key 5, "05" only the string key "05". Should a hand-built
// array hold a key twice, the later member wins, as assignment would have it in PHP.
func (v Value) Lookup(key string) (Value, bool) {
	n, isInt := intKey(key)
	var found Value
	ok := false
	for _, e := range v.Array {
		if e.Key.Kind == Int && isInt && e.Key.Int == n || e.Key.Kind == String && e.Key.Str == key {
			found, ok = e.Value, true
		}
	}
	return found, ok
}

// intKey reports whether PHP would store the string s as an int array key: only the
// canonical decimal spelling of an int64 ("-0", "05", "+5" and " 5" stay strings).
func intKey(s string) (int64, bool) {
	digits := s
	if len(s) > 0 && s[0] == '-' {
		digits = s[1:]
	}
	if digits == "" || len(s) > 20 || (digits[0] == '0' && len(s) > 1) {
		return 0, false
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil // out of range stays a string in PHP too
}

// SyntaxError reports input that is not exactly one serialized value of the kinds above.
type SyntaxError struct {
	Offset int // byte offset in the input where decoding stopped
	Msg    string
}

func (e *SyntaxError) Error() string {
	return "phpserial: at byte " + strconv.Itoa(e.Offset) + ": " + e.Msg
}

const (
	// maxDepth bounds array nesting, and with it the decoder's recursion. WordPress's
	// role table is three deep; PHP's own default limit is 4096.
	maxDepth = 512
	// minMemberLen is the shortest serialized array member, `i:0;N;`: a count that the
	// rest of the input could not hold that many of is refused before anything is read.
	minMemberLen = 6
	// maxPrealloc caps the capacity reserved from a declared count, so that input which
	// lies about its counts at every level of nesting cannot multiply reservations.
	maxPrealloc = 64
)

// Unmarshal decodes data, which must be exactly one serialized value. PHP's unserialize()
// ignores bytes after the value and turns an out-of-range int into PHP_INT_MAX with a
// warning; both are errors here, because either means the data is not what it claims.
func Unmarshal(data []byte) (Value, error) {
	d := decoder{data: data}
	v, err := d.value(0)
	if err != nil {
		return Value{}, err
	}
	if d.pos != len(data) {
		return Value{}, d.fail(d.pos, "data after the end of the value")
	}
	return v, nil
}

type decoder struct {
	data []byte
	pos  int
}

// fail never quotes more than a byte of the input: an error about a megabyte-long run
// of digits must not carry the megabyte.
func (d *decoder) fail(at int, format string, args ...any) error {
	return &SyntaxError{Offset: at, Msg: fmt.Sprintf(format, args...)}
}

func (d *decoder) literal(c byte) error {
	if d.pos >= len(d.data) {
		return d.fail(d.pos, "input ends where %q belongs", c)
	}
	if d.data[d.pos] != c {
		return d.fail(d.pos, "found %q where %q belongs", d.data[d.pos], c)
	}
	d.pos++
	return nil
}

func (d *decoder) peekIs(c byte) bool { return d.pos < len(d.data) && d.data[d.pos] == c }

func (d *decoder) digits() int {
	start := d.pos
	for d.pos < len(d.data) && d.data[d.pos] >= '0' && d.data[d.pos] <= '9' {
		d.pos++
	}
	return d.pos - start
}

func (d *decoder) sign() {
	if d.peekIs('+') || d.peekIs('-') {
		d.pos++
	}
}

// value decodes one value; depth is the number of arrays around it.
func (d *decoder) value(depth int) (Value, error) {
	start := d.pos
	if start >= len(d.data) {
		return Value{}, d.fail(start, "input ends where a value belongs")
	}
	tag := d.data[start]
	d.pos++
	if tag == 'N' {
		return Value{}, d.literal(';')
	}
	switch tag {
	case 'b', 'i', 'd', 's', 'a':
	case 'O', 'C':
		return Value{}, d.fail(start, "objects are not supported")
	case 'r', 'R':
		return Value{}, d.fail(start, "references are not supported")
	case 'E':
		return Value{}, d.fail(start, "enums are not supported")
	case 'S':
		return Value{}, d.fail(start, "escaped strings are not supported")
	default:
		return Value{}, d.fail(start, "found %q where a value belongs", tag)
	}
	if err := d.literal(':'); err != nil {
		return Value{}, err
	}
	var v Value
	var err error
	switch tag {
	case 'b':
		v, err = d.boolean()
	case 'i':
		v, err = d.integer()
	case 'd':
		v, err = d.float()
	case 's':
		return d.str()
	case 'a':
		return d.array(depth)
	}
	if err != nil {
		return Value{}, err
	}
	return v, d.literal(';')
}

func (d *decoder) boolean() (Value, error) {
	if d.peekIs('0') || d.peekIs('1') {
		d.pos++
		return BoolValue(d.data[d.pos-1] == '1'), nil
	}
	return Value{}, d.fail(d.pos, "a bool is 0 or 1")
}

// integer reads PHP's [+-]?[0-9]+; leading zeros are allowed, as PHP allows them.
func (d *decoder) integer() (Value, error) {
	start := d.pos
	d.sign()
	if d.digits() == 0 {
		return Value{}, d.fail(d.pos, "an int needs digits")
	}
	n, err := strconv.ParseInt(string(d.data[start:d.pos]), 10, 64)
	if err != nil {
		return Value{}, d.fail(start, "int out of the 64-bit range")
	}
	return IntValue(n), nil
}

// float reads what PHP's unserializer accepts after "d:": NAN, INF, -INF, or an optionally
// signed decimal with digits on at least one side of an optional point and an optional
// exponent. strconv parses that grammar to the same double as PHP's strtod, both rounding
// correctly; the narrower check in front keeps out Go's extras (Inf, 0x1p3, 1_0).
func (d *decoder) float() (Value, error) {
	rest := d.data[d.pos:]
	for _, special := range []struct {
		text string
		f    float64
	}{{"NAN", math.NaN()}, {"INF", math.Inf(1)}, {"-INF", math.Inf(-1)}} {
		if len(rest) >= len(special.text) && string(rest[:len(special.text)]) == special.text {
			d.pos += len(special.text)
			return Value{Kind: Float, Float: special.f}, nil
		}
	}
	start := d.pos
	d.sign()
	mantissa := d.digits()
	if d.peekIs('.') {
		d.pos++
		mantissa += d.digits()
	}
	if mantissa == 0 {
		return Value{}, d.fail(start, "a float needs digits")
	}
	if d.peekIs('e') || d.peekIs('E') {
		d.pos++
		d.sign()
		if d.digits() == 0 {
			return Value{}, d.fail(d.pos, "a float's exponent needs digits")
		}
	}
	f, err := strconv.ParseFloat(string(d.data[start:d.pos]), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		// Unreachable unless the grammar above lets through what strconv refuses.
		return Value{}, d.fail(start, "not a float")
	}
	// Out of range, strconv answers ±Inf (and 0 below the smallest denormal), as PHP does.
	return Value{Kind: Float, Float: f}, nil
}

// count reads the unsigned decimal length of a string or array, refusing any above limit
// as soon as it is passed, so no number of digits can overflow it.
func (d *decoder) count(limit int, what string) (int, error) {
	start := d.pos
	if d.digits() == 0 {
		return 0, d.fail(start, "%s needs a length", what)
	}
	n := 0
	for _, c := range d.data[start:d.pos] {
		n = n*10 + int(c-'0')
		if n > limit {
			return 0, d.fail(start, "%s is longer than the rest of the input", what)
		}
	}
	return n, nil
}

// str reads s:N:"...";, where N counts bytes: the bytes inside are taken as they are, so
// quotes, semicolons and multi-byte characters need no escaping and get none.
func (d *decoder) str() (Value, error) {
	n, err := d.count(len(d.data)-d.pos, "a string")
	if err != nil {
		return Value{}, err
	}
	if err := d.literal(':'); err != nil {
		return Value{}, err
	}
	if err := d.literal('"'); err != nil {
		return Value{}, err
	}
	if n > len(d.data)-d.pos {
		return Value{}, d.fail(d.pos, "a string of %d bytes runs past the end of the input", n)
	}
	s := string(d.data[d.pos : d.pos+n])
	d.pos += n
	if err := d.literal('"'); err != nil {
		return Value{}, err
	}
	return StringValue(s), d.literal(';')
}

// array reads a:N:{key;value...}. Like PHP it keeps a repeated key at its first position
// with its last value, and stores numeric string keys as ints.
func (d *decoder) array(depth int) (Value, error) {
	if depth >= maxDepth {
		return Value{}, d.fail(d.pos-2, "arrays nested more than %d deep", maxDepth)
	}
	n, err := d.count((len(d.data)-d.pos)/minMemberLen, "an array")
	if err != nil {
		return Value{}, err
	}
	if err := d.literal(':'); err != nil {
		return Value{}, err
	}
	if err := d.literal('{'); err != nil {
		return Value{}, err
	}
	m := members{entries: make([]Entry, 0, min(n, maxPrealloc))}
	for range n {
		// Only ints and strings can be keys; refusing other tags up front also keeps
		// an array serialized as a key from costing a parse.
		if !d.peekIs('i') && !d.peekIs('s') {
			return Value{}, d.fail(d.pos, "an array key must be an int or a string")
		}
		k, err := d.value(depth + 1)
		if err != nil {
			return Value{}, err
		}
		if k.Kind == String {
			if i, ok := intKey(k.Str); ok {
				k = IntValue(i)
			}
		}
		v, err := d.value(depth + 1)
		if err != nil {
			return Value{}, err
		}
		m.put(k, v)
	}
	if err := d.literal('}'); err != nil {
		return Value{}, err
	}
	return Value{Kind: Array, Array: m.entries}, nil
}

// members collects an array's entries with PHP's rule for repeated keys.
type members struct {
	entries []Entry
	index   map[memberKey]int // built once a linear search would cost more
}

type memberKey struct {
	isInt bool
	n     int64
	s     string
}

const linearSearchLimit = 16

func keyOf(k Value) memberKey {
	if k.Kind == Int {
		return memberKey{isInt: true, n: k.Int}
	}
	return memberKey{s: k.Str}
}

func (m *members) put(k, v Value) {
	key := keyOf(k)
	if m.index != nil {
		if i, ok := m.index[key]; ok {
			m.entries[i].Value = v
			return
		}
	} else {
		for i := range m.entries {
			if keyOf(m.entries[i].Key) == key {
				m.entries[i].Value = v
				return
			}
		}
	}
	m.entries = append(m.entries, Entry{Key: k, Value: v})
	switch {
	case m.index != nil:
		m.index[key] = len(m.entries) - 1
	case len(m.entries) > linearSearchLimit:
		m.index = make(map[memberKey]int, len(m.entries))
		for i, e := range m.entries {
			m.index[keyOf(e.Key)] = i
		}
	}
}

// Marshal writes v as PHP's serialize() writes the same value, floats included. A String
// key that PHP would hold as an int is written as one. Keys of other kinds have no PHP
// equivalent; they are written as they are, and Unmarshal, like PHP, refuses the result.
// kchat-demo writes no floats; the float spelling is there because the tests compare
// Marshal of what Unmarshal decoded with PHP's own serialize() of what PHP decoded, which
// checks every double byte for byte against PHP rather than against this package.
func Marshal(v Value) []byte {
	return appendValue(nil, v)
}

func appendValue(b []byte, v Value) []byte {
	switch v.Kind {
	case Bool:
		if v.Bool {
			return append(b, "b:1;"...)
		}
		return append(b, "b:0;"...)
	case Int:
		b = append(b, "i:"...)
		b = strconv.AppendInt(b, v.Int, 10)
		return append(b, ';')
	case Float:
		b = append(b, "d:"...)
		b = appendFloat(b, v.Float)
		return append(b, ';')
	case String:
		b = append(b, "s:"...)
		b = strconv.AppendInt(b, int64(len(v.Str)), 10)
		b = append(b, ':', '"')
		b = append(b, v.Str...)
		return append(b, '"', ';')
	case Array:
		b = append(b, "a:"...)
		b = strconv.AppendInt(b, int64(len(v.Array)), 10)
		b = append(b, ':', '{')
		for _, e := range v.Array {
			k := e.Key
			if k.Kind == String {
				if n, ok := intKey(k.Str); ok {
					k = IntValue(n)
				}
			}
			b = appendValue(b, k)
			b = appendValue(b, e.Value)
		}
		return append(b, '}')
	}
	return append(b, "N;"...)
}

// appendFloat spells f as PHP does with its default serialize_precision of -1: the
// shortest digits that read back as f, laid out plainly while the decimal point falls
// within 17 digits and no more than three zeros follow it, otherwise as d.dddE±x with at
// least one digit after the point.
func appendFloat(b []byte, f float64) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, "NAN"...)
	case math.IsInf(f, 1):
		return append(b, "INF"...)
	case math.IsInf(f, -1):
		return append(b, "-INF"...)
	case f == 0:
		if math.Signbit(f) {
			return append(b, "-0"...)
		}
		return append(b, '0')
	}
	if f < 0 {
		b = append(b, '-')
		f = -f
	}
	// 'e' with precision -1 gives the shortest round-trip digits as d.ddde±XX.
	sci := strconv.FormatFloat(f, 'e', -1, 64)
	e := 0
	for i := 0; i < len(sci); i++ {
		if sci[i] == 'e' {
			e, _ = strconv.Atoi(sci[i+1:])
			sci = sci[:i]
			break
		}
	}
	digits := sci[:1]
	if len(sci) > 2 {
		digits += sci[2:]
	}
	point := e + 1 // digits before the decimal point; negative means zeros after it

	switch {
	case point < -3 || point > 17:
		b = append(b, digits[0], '.')
		if len(digits) == 1 {
			b = append(b, '0')
		} else {
			b = append(b, digits[1:]...)
		}
		b = append(b, 'E')
		if e < 0 {
			b = append(b, '-')
			e = -e
		} else {
			b = append(b, '+')
		}
		return strconv.AppendInt(b, int64(e), 10)
	case point <= 0:
		b = append(b, '0', '.')
		for range -point {
			b = append(b, '0')
		}
		return append(b, digits...)
	case len(digits) <= point:
		b = append(b, digits...)
		for range point - len(digits) {
			b = append(b, '0')
		}
		return b
	default:
		b = append(b, digits[:point]...)
		b = append(b, '.')
		return append(b, digits[point:]...)
	}
}
