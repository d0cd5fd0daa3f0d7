package phpserial_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/repository/phpserial"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/dump"
)

var (
	null = phpserial.Value{}
	str  = phpserial.StringValue
	num  = phpserial.IntValue
	flag = phpserial.BoolValue
)

func float(f float64) phpserial.Value { return phpserial.Value{Kind: phpserial.Float, Float: f} }

// array builds an array from alternating keys and values.
func array(kv ...phpserial.Value) phpserial.Value {
	v := phpserial.Value{Kind: phpserial.Array}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Array = append(v.Array, phpserial.Entry{Key: kv[i], Value: kv[i+1]})
	}
	return v
}

// equal compares the meaningful field of each value: floats bit for bit (so -0 is not 0)
// except that any NaN equals any NaN, and a nil array equals an empty one.
func equal(a, b phpserial.Value) bool {
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case phpserial.Bool:
		return a.Bool == b.Bool
	case phpserial.Int:
		return a.Int == b.Int
	case phpserial.Float:
		return math.Float64bits(a.Float) == math.Float64bits(b.Float) || math.IsNaN(a.Float) && math.IsNaN(b.Float)
	case phpserial.String:
		return a.Str == b.Str
	case phpserial.Array:
		if len(a.Array) != len(b.Array) {
			return false
		}
		for i := range a.Array {
			if !equal(a.Array[i].Key, b.Array[i].Key) || !equal(a.Array[i].Value, b.Array[i].Value) {
				return false
			}
		}
	}
	return true
}

// fixtureLiterals returns every string literal of the fixture dump's rows as WordPress
// wrote them.
func fixtureLiterals(tb testing.TB) []string {
	tb.Helper()
	lits, err := dump.Literals()
	if err != nil {
		tb.Fatal(err)
	}
	return lits
}

// fixtureOption returns an option_value of the fixture's wp_options.
func fixtureOption(tb testing.TB, name string) string {
	tb.Helper()
	values, err := dump.ValuesAfter(name)
	if err != nil {
		tb.Fatal(err)
	}
	if len(values) > 0 {
		return values[0]
	}
	tb.Fatalf("option %s not in the fixture", name)
	return ""
}

func TestUnmarshal(t *testing.T) {
	tests := []struct {
		name, in string
		want     phpserial.Value
	}{
		{"Null", `N;`, null},
		{"False", `b:0;`, flag(false)},
		{"True", `b:1;`, flag(true)},
		{"Int", `i:-12;`, num(-12)},
		{"IntPlus", `i:+7;`, num(7)},
		{"IntLeadingZeros", `i:0012;`, num(12)},
		{"IntMinusZero", `i:-0;`, num(0)},
		{"IntMax", `i:9223372036854775807;`, num(math.MaxInt64)},
		{"IntMin", `i:-9223372036854775808;`, num(math.MinInt64)},
		{"Float", `d:0.5;`, float(0.5)},
		{"FloatExponent", `d:1.0E+25;`, float(1e25)},
		{"FloatSmallExponent", `d:-1.5E-7;`, float(-1.5e-7)},
		{"FloatLowerExponent", `d:2e3;`, float(2000)},
		{"FloatNoFraction", `d:1.;`, float(1)},
		{"FloatNoInteger", `d:+.5;`, float(0.5)},
		{"FloatNoFractionExponent", `d:1.e5;`, float(1e5)},
		{"FloatInt", `d:100;`, float(100)},
		{"FloatMinusZero", `d:-0;`, float(math.Copysign(0, -1))},
		{"FloatInf", `d:INF;`, float(math.Inf(1))},
		{"FloatMinusInf", `d:-INF;`, float(math.Inf(-1))},
		{"FloatNaN", `d:NAN;`, float(math.NaN())},
		{"FloatOverflowIsInf", `d:1e400;`, float(math.Inf(1))},
		{"FloatUnderflowIsZero", `d:1e-400;`, float(0)},
		{"FloatDenormal", `d:5.0E-324;`, float(5e-324)},
		{"FloatRoundsCorrectly", `d:0.30000000000000004;`, float(0.30000000000000004)},
		{"EmptyString", `s:0:"";`, str("")},
		{"QuotesInside", `s:5:"a";b:";`, str(`a";b:`)},
		{"TwoByteRune", `s:2:"Ä";`, str("Ä")},
		{"FourByteRune", `s:4:"😀";`, str("😀")},
		{"NotUTF8", "s:3:\"\xff\x00\n\";", str("\xff\x00\n")},
		{"LengthLeadingZero", `s:02:"ab";`, str("ab")},
		{"EmptyArray", `a:0:{}`, array()},
		{"Administrator", `a:1:{s:13:"administrator";b:1;}`, array(str("administrator"), flag(true))},
		{"SiteAdmins", `a:2:{i:0;s:5:"admin";i:1;s:7:"network";}`, array(num(0), str("admin"), num(1), str("network"))},
		{"Nested", `a:2:{i:0;s:5:"admin";s:1:"x";a:1:{i:3;N;}}`,
			array(num(0), str("admin"), str("x"), array(num(3), null))},
		{"ShortestMembersFitTheCount", `a:2:{i:0;N;i:1;N;}`, array(num(0), null, num(1), null)},
		{"NumericStringKeyIsInt", `a:2:{s:1:"5";b:1;s:2:"-7";b:0;}`, array(num(5), flag(true), num(-7), flag(false))},
		{"NonCanonicalKeysStayStrings", `a:4:{s:2:"05";N;s:2:"-0";N;s:2:"+5";N;s:2:" 5";N;}`,
			array(str("05"), null, str("-0"), null, str("+5"), null, str(" 5"), null)},
		{"KeyBeyondIntStaysString", `a:2:{s:19:"9223372036854775808";N;s:20:"-9223372036854775808";N;}`,
			array(str("9223372036854775808"), null, num(math.MinInt64), null)},
		{"RepeatedKeyKeepsPlaceTakesLastValue", `a:3:{s:1:"a";i:1;s:1:"b";i:2;s:1:"a";i:3;}`,
			array(str("a"), num(3), str("b"), num(2))},
		{"RepeatedKeyIntAndString", `a:2:{i:5;b:1;s:1:"5";b:0;}`, array(num(5), flag(false))},
		{"FloatValuesInArray", `a:1:{s:1:"k";d:1.0E+25;}`, array(str("k"), float(1e25))},
		{"NestedFiveHundredTwelve", strings.Repeat("a:1:{i:0;", 511) + "a:0:{}" + strings.Repeat("}", 511), nested(512)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := phpserial.Unmarshal([]byte(tt.in))
			if err != nil {
				t.Fatalf("Unmarshal(%.80q): %v", tt.in, err)
			}
			if !equal(got, tt.want) {
				t.Errorf("Unmarshal(%.80q): got %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

// nested is depth arrays inside each other, the innermost empty.
func nested(depth int) phpserial.Value {
	v := array()
	for range depth - 1 {
		v = array(num(0), v)
	}
	return v
}

func TestUnmarshalRepeatedKeysManyMembers(t *testing.T) {
	// Past a handful of members the decoder switches from scanning to an index; both must
	// give PHP's answer.
	var in bytes.Buffer
	const distinct = 40
	in.WriteString("a:" + strconv.Itoa(2*distinct) + ":{")
	for round := range 2 {
		for k := range distinct {
			key := strconv.Itoa(k)
			if k%2 == 1 {
				key = "k" + key
			}
			in.WriteString(string(phpserial.Marshal(str(key))))
			in.WriteString(string(phpserial.Marshal(num(int64(round)))))
		}
	}
	in.WriteString("}")
	v, err := phpserial.Unmarshal(in.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(v.Array), distinct; got != want {
		t.Fatalf("members: got %d, want %d", got, want)
	}
	for i, e := range v.Array {
		if i%2 == 0 && (e.Key.Kind != phpserial.Int || e.Key.Int != int64(i)) ||
			i%2 == 1 && (e.Key.Kind != phpserial.String || e.Key.Str != "k"+strconv.Itoa(i)) {
			t.Errorf("member %d: key %+v out of place", i, e.Key)
		}
		if e.Value.Int != 1 {
			t.Errorf("member %d: got value %d, want the later 1", i, e.Value.Int)
		}
	}
}

func TestUnmarshalErrors(t *testing.T) {
	tests := []struct {
		name, in string
		offset   int
	}{
		{"Empty", ``, 0},
		{"NullUnterminated", `N`, 1},
		{"NullColon", `N:`, 1},
		{"UnknownTag", `x:1;`, 0},
		{"LeadingSpace", ` i:1;`, 0},
		{"BoolTwo", `b:2;`, 2},
		{"BoolSigned", `b:+1;`, 2},
		{"BoolTwoDigits", `b:10;`, 3},
		{"BoolUnterminated", `b:1`, 3},
		{"IntEmpty", `i:;`, 2},
		{"IntSignOnly", `i:-;`, 3},
		{"IntFraction", `i:1.5;`, 3},
		{"IntHex", `i:0x10;`, 3},
		{"IntSpace", `i: 1;`, 2},
		{"IntOverflow", `i:9223372036854775808;`, 2},
		{"IntUnderflow", `i:-9223372036854775809;`, 2},
		{"IntUnterminated", `i:1`, 3},
		{"FloatEmpty", `d:;`, 2},
		{"FloatPointOnly", `d:.;`, 2},
		{"FloatExponentOnly", `d:.e5;`, 2},
		{"FloatExponentWithoutDigits", `d:1e;`, 4},
		{"FloatExponentSignWithoutDigits", `d:1e+;`, 5},
		{"FloatGoInf", `d:Inf;`, 2},
		{"FloatPlusInf", `d:+INF;`, 2},
		{"FloatMinusNaN", `d:-NAN;`, 2},
		{"FloatNaNSuffix", `d:NANA;`, 5},
		{"FloatHex", `d:0x1p3;`, 3},
		{"FloatUnderscore", `d:1_0;`, 3},
		{"FloatComma", `d:1,5;`, 3},
		{"StringTooShort", `s:3:"ab";`, 8},
		{"StringTooLong", `s:1:"ab";`, 6},
		{"StringNegativeLength", `s:-1:"";`, 2},
		{"StringSignedLength", `s:+1:"a";`, 2},
		{"StringHugeLength", `s:99999999999999999999:"a";`, 2},
		{"StringPastEnd", `s:5:"ab";`, 5},
		{"StringUnterminated", `s:2:"ab"`, 8},
		{"StringSingleQuotes", `s:2:'ab';`, 4},
		{"StringNoColon", `s:2"ab";`, 3},
		{"ArrayCountTooBig", `a:1:{}`, 2},
		{"ArrayCountBeyondInput", `a:999999999:{i:0;N;}`, 2},
		{"ArrayMissingValue", `a:1:{i:0;}`, 9},
		{"ArrayFewerMembers", `a:2:{i:0;N;}`, 2},
		{"ArrayMoreMembers", `a:1:{s:1:"a";N;s:1:"b";N;}`, 15},
		{"ArrayNegativeCount", `a:-1:{}`, 2},
		{"ArrayNullKey", `a:1:{N;N;}`, 5},
		{"ArrayFloatKey", `a:1:{d:1;N;}`, 5},
		{"ArrayBoolKey", `a:1:{b:1;N;}`, 5},
		{"ArrayArrayKey", `a:1:{a:0:{}N;}`, 5},
		{"ArrayUnterminated", `a:1:{i:0;N;`, 11},
		{"ArrayNoBrace", `a:0:}`, 4},
		{"ArrayUnterminatedRole", `a:1:{s:13:"administrator";b:1;`, 30},
		{"Object", `O:8:"stdClass":0:{}`, 0},
		{"CustomObject", `C:3:"Foo":0:{}`, 0},
		{"Reference", `r:1;`, 0},
		{"ValueReference", `R:1;`, 0},
		{"Enum", `E:3:"a:b";`, 0},
		{"EscapedString", `S:1:"\61";`, 0},
		{"ObjectInside", `a:1:{i:0;a:1:{i:0;O:8:"stdClass":0:{}}}`, 18},
		{"TrailingValue", `b:1;b:1;`, 4},
		{"TrailingSpace", `i:1; `, 4},
		{"TrailingBrace", `a:1:{i:0;N;}}`, 12},
		{"NestedFiveHundredThirteen", strings.Repeat("a:1:{i:0;", 512) + "a:0:{}" + strings.Repeat("}", 512), 512 * 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := phpserial.Unmarshal([]byte(tt.in))
			if err == nil {
				t.Fatalf("Unmarshal(%.80q) accepted: %+v", tt.in, v)
			}
			var se *phpserial.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Unmarshal(%.80q): error %T, want *SyntaxError", tt.in, err)
			}
			if got, want := se.Offset, tt.offset; got != want {
				t.Errorf("Unmarshal(%.80q): offset %d (%v), want %d", tt.in, got, err, want)
			}
			if got, want := err.Error(), "at byte "+strconv.Itoa(tt.offset); !strings.Contains(got, want) {
				t.Errorf("error %q does not say %q", got, want)
			}
		})
	}
}

func TestUnmarshalErrorsStaySmall(t *testing.T) {
	// An error about a huge run of digits must not repeat the run.
	for _, in := range []string{"i:" + strings.Repeat("9", 1<<20) + ";", "s:" + strings.Repeat("9", 1<<20) + ":\"\";"} {
		_, err := phpserial.Unmarshal([]byte(in))
		if err == nil {
			t.Fatalf("accepted %d digits", len(in))
		}
		if got := len(err.Error()); got > 200 {
			t.Errorf("error message of %d bytes", got)
		}
	}
}

func TestFixtureRoles(t *testing.T) {
	raw := fixtureOption(t, "wp_user_roles")
	v, err := phpserial.Unmarshal([]byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, e := range v.Array {
		keys = append(keys, e.Key.Str)
	}
	if got, want := strings.Join(keys, ","), "administrator,editor,author,contributor,subscriber"; got != want {
		t.Errorf("roles: got %s, want %s", got, want)
	}
	for _, tt := range []struct {
		role          string
		caps          int
		manageOptions bool
	}{
		{"administrator", 61, true},
		{"editor", 34, false},
		{"subscriber", 2, false},
	} {
		role, _ := v.Lookup(tt.role)
		caps, _ := role.Lookup("capabilities")
		if got, want := len(caps.Array), tt.caps; got != want {
			t.Errorf("%s: got %d capabilities, want %d", tt.role, got, want)
		}
		mo, _ := caps.Lookup("manage_options")
		if got, want := mo.Truthy(), tt.manageOptions; got != want {
			t.Errorf("%s: manage_options got %v, want %v", tt.role, got, want)
		}
	}
}

func TestFixtureValuesRoundTrip(t *testing.T) {
	// Everything WordPress serialized into the fixture must decode, and serialize back to
	// the same bytes: that is Unmarshal and Marshal agreeing with PHP on real data.
	n := 0
	for _, lit := range fixtureLiterals(t) {
		if len(lit) < 2 || !strings.Contains("abisdN", lit[:1]) || !strings.Contains(":;", lit[1:2]) {
			continue
		}
		n++
		v, err := phpserial.Unmarshal([]byte(lit))
		if err != nil {
			t.Errorf("Unmarshal(%.60q): %v", lit, err)
			continue
		}
		if got := string(phpserial.Marshal(v)); got != lit {
			t.Errorf("Marshal(Unmarshal(%.60q)) = %.60q", lit, got)
		}
	}
	if n < 12 {
		t.Errorf("only %d serialized values found in the fixture", n)
	}
}

func TestTruthy(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{`N;`, false},
		{`b:0;`, false},
		{`b:1;`, true},
		{`i:0;`, false},
		{`i:-1;`, true},
		{`d:0;`, false},
		{`d:-0;`, false},
		{`d:0.1;`, true},
		{`d:5.0E-324;`, true},
		{`d:NAN;`, true},
		{`d:-INF;`, true},
		{`s:0:"";`, false},
		{`s:1:"0";`, false},
		{`s:2:"00";`, true},
		{`s:3:"0.0";`, true},
		{`s:2:" 0";`, true},
		{`s:1:" ";`, true},
		{`s:5:"false";`, true},
		{`a:0:{}`, false},
		{`a:1:{i:0;b:0;}`, true},
	}
	for _, tt := range tests {
		v, err := phpserial.Unmarshal([]byte(tt.in))
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if got := v.Truthy(); got != tt.want {
			t.Errorf("Truthy(%s): got %v, want %v", tt.in, got, tt.want)
		}
	}
	if got := (phpserial.Value{Kind: phpserial.Kind(99), Int: 1, Str: "x"}).Truthy(); got {
		t.Errorf("Truthy(unknown kind): got true, want false")
	}
}

func TestLookup(t *testing.T) {
	decoded, err := phpserial.Unmarshal([]byte(
		`a:6:{i:5;s:1:"a";s:2:"05";s:1:"b";s:1:"x";i:1;s:2:"-0";s:1:"c";i:-3;s:1:"d";s:0:"";s:1:"e";}`))
	if err != nil {
		t.Fatal(err)
	}
	// Built by hand, so it can hold what PHP arrays cannot: a repeated key and a numeric
	// string key.
	handBuilt := array(str("x"), str("first"), str("7"), str("seven"), str("x"), str("last"))
	tests := []struct {
		name  string
		in    phpserial.Value
		key   string
		want  string
		found bool
	}{
		{"IntKeyByString", decoded, "5", "a", true},
		{"LeadingZeroIsString", decoded, "05", "b", true},
		{"PlusIsNotInt", decoded, "+5", "", false},
		{"SpaceIsNotInt", decoded, " 5", "", false},
		{"MinusZeroIsString", decoded, "-0", "c", true},
		{"NegativeInt", decoded, "-3", "d", true},
		{"EmptyKey", decoded, "", "e", true},
		{"Missing", decoded, "y", "", false},
		{"LaterWins", handBuilt, "x", "last", true},
		{"NumericStringKey", handBuilt, "7", "seven", true},
		{"NotAnArray", str("x"), "x", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.in.Lookup(tt.key)
			if ok != tt.found || got.Str != tt.want {
				t.Errorf("Lookup(%q): got %q, %v; want %q, %v", tt.key, got.Str, ok, tt.want, tt.found)
			}
		})
	}
	if got, _ := decoded.Lookup("x"); got.Int != 1 {
		t.Errorf(`Lookup("x"): got %+v, want int 1`, got)
	}
}

func TestKeyString(t *testing.T) {
	for _, tt := range []struct {
		key  phpserial.Value
		want string
	}{{num(-42), "-42"}, {str("administrator"), "administrator"}, {str("05"), "05"}} {
		if got := tt.key.KeyString(); got != tt.want {
			t.Errorf("KeyString(%+v): got %q, want %q", tt.key, got, tt.want)
		}
	}
}

func TestMarshal(t *testing.T) {
	// The expected floats are what PHP 8.2's serialize() printed for the same doubles.
	tests := []struct {
		name string
		in   phpserial.Value
		want string
	}{
		{"Null", null, `N;`},
		{"UnknownKindIsNull", phpserial.Value{Kind: phpserial.Kind(99)}, `N;`},
		{"Bools", array(num(0), flag(false), num(1), flag(true)), `a:2:{i:0;b:0;i:1;b:1;}`},
		{"IntMin", num(math.MinInt64), `i:-9223372036854775808;`},
		{"StringBytes", str("a\";\x00Ä"), "s:6:\"a\";\x00Ä\";"},
		{"EmptyArray", array(), `a:0:{}`},
		{"NumericStringKeyBecomesInt", array(str("5"), null, str("-0"), null, str("05"), null), `a:3:{i:5;N;s:2:"-0";N;s:2:"05";N;}`},
		{"Administrator", array(str("administrator"), flag(true)), `a:1:{s:13:"administrator";b:1;}`},
		{"FloatHalf", float(0.5), `d:0.5;`},
		{"FloatWhole", float(100), `d:100;`},
		{"FloatNegative", float(-1.5), `d:-1.5;`},
		{"FloatSixteenDigits", float(1e15), `d:1000000000000000;`},
		{"FloatSeventeenDigits", float(1e16), `d:10000000000000000;`},
		{"FloatEighteenDigits", float(1e17), `d:1.0E+17;`},
		{"FloatRounded", float(123456789012345678), `d:1.2345678901234568E+17;`},
		{"FloatThreeZeros", float(0.0001), `d:0.0001;`},
		{"FloatFourZeros", float(0.00001), `d:1.0E-5;`},
		{"FloatSmall", float(1.5e-7), `d:1.5E-7;`},
		{"FloatNegativeSmall", float(-1e-10), `d:-1.0E-10;`},
		{"FloatBig", float(1e25), `d:1.0E+25;`},
		{"FloatThreeDigitExponent", float(1e100), `d:1.0E+100;`},
		{"FloatShortest", float(0.30000000000000004), `d:0.30000000000000004;`},
		{"FloatDenormal", float(5e-324), `d:5.0E-324;`},
		{"FloatMax", float(math.MaxFloat64), `d:1.7976931348623157E+308;`},
		{"FloatMinusZero", float(math.Copysign(0, -1)), `d:-0;`},
		{"FloatZero", float(0), `d:0;`},
		{"FloatNaN", float(math.NaN()), `d:NAN;`},
		{"FloatInf", float(math.Inf(1)), `d:INF;`},
		{"FloatMinusInf", float(math.Inf(-1)), `d:-INF;`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(phpserial.Marshal(tt.in)); got != tt.want {
				t.Errorf("Marshal(%+v): got %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[phpserial.Kind]string{phpserial.Null: "null", phpserial.Array: "array", phpserial.Kind(9): "Kind(9)"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String(): got %q, want %q", int(k), got, want)
		}
	}
}

func FuzzUnmarshal(f *testing.F) {
	for _, s := range []string{
		`N;`, `b:1;`, `i:-3;`, `d:0.25;`, `d:NAN;`, `d:-1.0E-10;`, `s:3:"a"b";`, `a:1:{s:13:"administrator";b:1;}`,
		`a:2:{i:0;s:5:"admin";i:1;a:1:{s:1:"k";d:1.0E+25;}}`, `a:3:{s:1:"a";i:1;s:1:"5";i:2;s:1:"a";i:3;}`,
		`a:1:{i:0;`, `s:9:"short";`, `O:8:"stdClass":0:{}`,
	} {
		f.Add([]byte(s))
	}
	f.Add([]byte(fixtureOption(f, "wp_user_roles")))
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := phpserial.Unmarshal(data)
		if err != nil {
			var se *phpserial.SyntaxError
			if !errors.As(err, &se) || se.Offset < 0 || se.Offset > len(data) {
				t.Fatalf("error %v does not point into the %d bytes of input", err, len(data))
			}
			return
		}
		out := phpserial.Marshal(v)
		again, err := phpserial.Unmarshal(out)
		if err != nil {
			t.Fatalf("Unmarshal refuses what Marshal wrote (%q): %v", out, err)
		}
		if !equal(v, again) {
			t.Fatalf("round trip changed %+v into %+v", v, again)
		}
		if out2 := phpserial.Marshal(again); !bytes.Equal(out, out2) {
			t.Fatalf("Marshal is not stable: %q then %q", out, out2)
		}
	})
}

// FuzzMarshal builds arbitrary values, including keys PHP would rewrite, and checks that
// Marshal writes something Unmarshal reads back as the value PHP would hold.
func FuzzMarshal(f *testing.F) {
	f.Add([]byte{5, 4, 1, '5', 0, 1, 1, 1, '5', 1, 0})
	f.Add([]byte{3, 0, 0, 0, 0, 0, 0, 0xf0, 0x7f})
	f.Add([]byte{5, 3, 5, 2, 4, 3, 'a', 'b', 'c', 2, 0, 0, 0, 0, 0, 0, 0, 0x80})
	f.Fuzz(func(t *testing.T, data []byte) {
		g := generator{data: data}
		v := g.value(0)
		out := phpserial.Marshal(v)
		got, err := phpserial.Unmarshal(out)
		if err != nil {
			t.Fatalf("Unmarshal(Marshal(%+v)) = %v (%q)", v, err, out)
		}
		if want := phpHeld(v); !equal(got, want) {
			t.Fatalf("Unmarshal(Marshal(%+v)) = %+v, want %+v", v, got, want)
		}
	})
}

// generator turns bytes into a value; running out of bytes reads zeros.
type generator struct{ data []byte }

func (g *generator) byte() byte {
	if len(g.data) == 0 {
		return 0
	}
	b := g.data[0]
	g.data = g.data[1:]
	return b
}

func (g *generator) uint64() uint64 {
	var b [8]byte
	for i := range b {
		b[i] = g.byte()
	}
	return binary.LittleEndian.Uint64(b[:])
}

func (g *generator) bytes(n int) string {
	var b []byte
	for range n {
		b = append(b, g.byte())
	}
	return string(b)
}

func (g *generator) value(depth int) phpserial.Value {
	switch g.byte() % 6 {
	case 1:
		return flag(g.byte()%2 == 1)
	case 2:
		return num(int64(g.uint64()))
	case 3:
		return float(math.Float64frombits(g.uint64()))
	case 4:
		return str(g.bytes(int(g.byte() % 16)))
	case 5:
		if depth < 4 {
			v := array()
			for range g.byte() % 6 {
				v.Array = append(v.Array, phpserial.Entry{Key: g.key(), Value: g.value(depth + 1)})
			}
			return v
		}
	}
	return null
}

func (g *generator) key() phpserial.Value {
	tricky := []string{"5", "-0", "05", "", "-9223372036854775808", "9223372036854775808", "administrator"}
	switch g.byte() % 4 {
	case 0:
		return num(int64(int8(g.byte())))
	case 1:
		return num(int64(g.uint64()))
	case 2:
		return str(tricky[int(g.byte())%len(tricky)])
	}
	return str(g.bytes(int(g.byte() % 4)))
}

// phpHeld is the value PHP holds after building v with assignments: numeric string keys
// become ints, and a repeated key keeps its first place with its last value.
func phpHeld(v phpserial.Value) phpserial.Value {
	if v.Kind != phpserial.Array {
		return v
	}
	held := array()
	at := map[string]int{}
	for _, e := range v.Array {
		k := e.Key
		if n, err := strconv.ParseInt(k.Str, 10, 64); k.Kind == phpserial.String && err == nil && strconv.FormatInt(n, 10) == k.Str {
			k = num(n)
		}
		id := k.Kind.String() + ":" + k.KeyString()
		if i, ok := at[id]; ok {
			held.Array[i].Value = phpHeld(e.Value)
			continue
		}
		at[id] = len(held.Array)
		held.Array = append(held.Array, phpserial.Entry{Key: k, Value: phpHeld(e.Value)})
	}
	return held
}
