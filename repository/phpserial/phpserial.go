// Package phpserial reads and writes the values of PHP's serialize() that WordPress
// stores in its tables: roles, capabilities, the multisite site_admins list. The reader is
// exact and defensive — it is fed whatever the database holds — so it never panics, never
// recurses without bound and never allocates more than its input could describe.
// Objects, references and other constructs WordPress does not use there are refused.
package phpserial

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
)

// Kind is the type of a PHP value.
type Kind int

// The kinds of value this package reads.
const (
	Null Kind = iota
	Bool
	Int
	Float
	String
	Array
)

// Value is a decoded PHP value. Array members keep PHP's order.
type Value struct {
	Kind  Kind
	Bool  bool
	Int   int64
	Float float64
	Str   string
	Array []Entry
}

// Entry is one member of a PHP array; Key is an Int or a String.
type Entry struct {
	Key   Value
	Value Value
}

// StringValue, BoolValue and IntValue build values (for seeding and tests).
func StringValue(s string) Value { return Value{Kind: String, Str: s} }

// BoolValue builds a PHP bool.
func BoolValue(b bool) Value { return Value{Kind: Bool, Bool: b} }

// IntValue builds a PHP int.
func IntValue(n int64) Value { return Value{Kind: Int, Int: n} }

// Truthy is PHP's boolean conversion, which WordPress's has_cap applies via empty().
func (v Value) Truthy() bool {
	switch v.Kind {
	case Bool:
		return v.Bool
	case Int:
		return v.Int != 0
	case Float:
		return v.Float != 0 // NaN is truthy in PHP, and NaN != 0
	case String:
		return v.Str != "" && v.Str != "0"
	case Array:
		return len(v.Array) > 0
	}
	return false
}

// KeyString is the array key as PHP would print it.
func (v Value) KeyString() string {
	if v.Kind == Int {
		return strconv.FormatInt(v.Int, 10)
	}
	return v.Str
}

// Lookup returns the member with key (compared as PHP compares array keys: "5" and 5
// are the same key). The last duplicate wins, as in PHP.
func (v Value) Lookup(key string) (Value, bool) {
	var found Value
	ok := false
	for _, e := range v.Array {
		if e.Key.KeyString() == key {
			found, ok = e.Value, true
		}
	}
	return found, ok
}

// maxDepth bounds nesting; WordPress's role tables are three levels deep.
const maxDepth = 512

// SyntaxError says where and why input is not a serialized value.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("phpserial: at byte %d: %s", e.Offset, e.Msg)
}

type decoder struct {
	data []byte
	pos  int
}

// Unmarshal decodes exactly one serialized value; trailing bytes are an error.
func Unmarshal(data []byte) (Value, error) {
	d := &decoder{data: data}
	v, err := d.value(0)
	if err != nil {
		return Value{}, err
	}
	if d.pos != len(d.data) {
		return Value{}, d.fail("trailing data after the value")
	}
	return v, nil
}

func (d *decoder) fail(msg string) error { return &SyntaxError{Offset: d.pos, Msg: msg} }

func (d *decoder) expect(c byte) error {
	if d.pos >= len(d.data) || d.data[d.pos] != c {
		return d.fail(fmt.Sprintf("expected %q", c))
	}
	d.pos++
	return nil
}

// until returns the bytes up to (not including) the next c, and moves past c.
func (d *decoder) until(c byte) ([]byte, error) {
	i := bytes.IndexByte(d.data[d.pos:], c)
	if i < 0 {
		return nil, d.fail(fmt.Sprintf("missing %q", c))
	}
	b := d.data[d.pos : d.pos+i]
	d.pos += i + 1
	return b, nil
}

// integer reads PHP's serialized integer syntax: an optional sign and decimal digits.
func (d *decoder) integer(term byte) (int64, error) {
	start := d.pos
	b, err := d.until(term)
	if err != nil {
		return 0, err
	}
	digits := b
	if len(digits) > 0 && (digits[0] == '-' || digits[0] == '+') {
		digits = digits[1:]
	}
	if len(digits) == 0 {
		return 0, &SyntaxError{start, "empty number"}
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, &SyntaxError{start, "not a whole number"}
		}
	}
	n, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return 0, &SyntaxError{start, "number out of range"}
	}
	return n, nil
}

func (d *decoder) value(depth int) (Value, error) {
	if depth > maxDepth {
		return Value{}, d.fail("nested too deeply")
	}
	if d.pos+1 >= len(d.data) {
		return Value{}, d.fail("unexpected end of input")
	}
	tag := d.data[d.pos]
	if tag == 'N' {
		d.pos++
		if err := d.expect(';'); err != nil {
			return Value{}, err
		}
		return Value{Kind: Null}, nil
	}
	d.pos++
	if err := d.expect(':'); err != nil {
		return Value{}, err
	}
	switch tag {
	case 'b':
		n, err := d.integer(';')
		if err != nil || (n != 0 && n != 1) {
			return Value{}, d.fail("a bool is b:0; or b:1;")
		}
		return Value{Kind: Bool, Bool: n == 1}, nil
	case 'i':
		n, err := d.integer(';')
		if err != nil {
			return Value{}, err
		}
		return Value{Kind: Int, Int: n}, nil
	case 'd':
		start := d.pos
		b, err := d.until(';')
		if err != nil {
			return Value{}, err
		}
		f, ok := parseFloat(string(b))
		if !ok {
			return Value{}, &SyntaxError{start, "not a float"}
		}
		return Value{Kind: Float, Float: f}, nil
	case 's':
		n, err := d.integer(':')
		if err != nil {
			return Value{}, err
		}
		if n < 0 || n > int64(len(d.data)-d.pos) {
			return Value{}, d.fail("string length beyond the input")
		}
		if err := d.expect('"'); err != nil {
			return Value{}, err
		}
		if int64(len(d.data)-d.pos) < n+2 {
			return Value{}, d.fail("string runs past the input")
		}
		s := string(d.data[d.pos : d.pos+int(n)])
		d.pos += int(n)
		if err := d.expect('"'); err != nil {
			return Value{}, err
		}
		if err := d.expect(';'); err != nil {
			return Value{}, err
		}
		return Value{Kind: String, Str: s}, nil
	case 'a':
		n, err := d.integer(':')
		if err != nil {
			return Value{}, err
		}
		// Each member takes at least 4 bytes ("i:0;N;" is 6): a count the rest of the
		// input cannot hold is a lie, and must not size an allocation.
		if n < 0 || n > int64(len(d.data)-d.pos)/4 {
			return Value{}, d.fail("array count beyond the input")
		}
		if err := d.expect('{'); err != nil {
			return Value{}, err
		}
		v := Value{Kind: Array, Array: make([]Entry, 0, n)}
		for i := int64(0); i < n; i++ {
			keyAt := d.pos
			k, err := d.value(depth + 1)
			if err != nil {
				return Value{}, err
			}
			if k.Kind != Int && k.Kind != String {
				return Value{}, &SyntaxError{keyAt, "array key is not an int or a string"}
			}
			val, err := d.value(depth + 1)
			if err != nil {
				return Value{}, err
			}
			v.Array = append(v.Array, Entry{Key: k, Value: val})
		}
		if err := d.expect('}'); err != nil {
			return Value{}, err
		}
		return v, nil
	}
	return Value{}, &SyntaxError{d.pos - 2, fmt.Sprintf("unsupported type %q", tag)}
}

// parseFloat reads PHP's float spellings: decimal and exponent forms, INF, -INF, NAN.
func parseFloat(s string) (float64, bool) {
	switch s {
	case "INF":
		return math.Inf(1), true
	case "-INF":
		return math.Inf(-1), true
	case "NAN":
		return math.NaN(), true
	}
	if s == "" {
		return 0, false
	}
	for _, c := range []byte(s) {
		if !(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') {
			return 0, false // Go would also take "Inf", "0x1p3", "1_0"
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return f, true
}

// Marshal writes v as PHP's serialize() would.
func Marshal(v Value) []byte {
	var b []byte
	return appendValue(b, v)
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
		switch {
		case math.IsInf(v.Float, 1):
			b = append(b, "INF"...)
		case math.IsInf(v.Float, -1):
			b = append(b, "-INF"...)
		case math.IsNaN(v.Float):
			b = append(b, "NAN"...)
		default:
			b = strconv.AppendFloat(b, v.Float, 'g', -1, 64)
		}
		return append(b, ';')
	case String:
		b = append(b, "s:"...)
		b = strconv.AppendInt(b, int64(len(v.Str)), 10)
		b = append(b, ":\""...)
		b = append(b, v.Str...)
		return append(b, "\";"...)
	case Array:
		b = append(b, "a:"...)
		b = strconv.AppendInt(b, int64(len(v.Array)), 10)
		b = append(b, ":{"...)
		for _, e := range v.Array {
			b = appendValue(b, e.Key)
			b = appendValue(b, e.Value)
		}
		return append(b, '}')
	}
	return append(b, "N;"...)
}
