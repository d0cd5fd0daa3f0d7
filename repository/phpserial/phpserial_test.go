package phpserial_test

import (
	"math"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/repository/phpserial"
)

// fixtureRoles is the wp_user_roles value WordPress 6.1 wrote into the fixture.
func fixtureRoles(t testing.TB) string {
	t.Helper()
	raw, err := os.ReadFile("../../testdata/wordpress-6.1-site.sql")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`\(\d+,'wp_user_roles','((?:[^'\\]|\\.)*)'`).FindSubmatch(raw)
	if m == nil {
		t.Fatal("wp_user_roles not found in the fixture")
	}
	return strings.NewReplacer(`\"`, `"`, `\'`, `'`, `\\`, `\`).Replace(string(m[1]))
}

func TestUnmarshal(t *testing.T) {
	tests := []struct {
		in   string
		want phpserial.Value
	}{
		{`N;`, phpserial.Value{Kind: phpserial.Null}},
		{`b:1;`, phpserial.BoolValue(true)},
		{`b:0;`, phpserial.BoolValue(false)},
		{`i:-12;`, phpserial.IntValue(-12)},
		{`i:+7;`, phpserial.IntValue(7)},
		{`i:9223372036854775807;`, phpserial.IntValue(math.MaxInt64)},
		{`d:0.5;`, phpserial.Value{Kind: phpserial.Float, Float: 0.5}},
		{`d:1.0E+25;`, phpserial.Value{Kind: phpserial.Float, Float: 1e25}},
		{`d:-INF;`, phpserial.Value{Kind: phpserial.Float, Float: math.Inf(-1)}},
		{`s:0:"";`, phpserial.StringValue("")},
		{`s:5:"a";b:";`, phpserial.StringValue(`a";b:`)},
		{`s:2:"Ä";`, phpserial.StringValue("Ä")},
		{`s:4:"😀";`, phpserial.StringValue("😀")},
		{`a:0:{}`, phpserial.Value{Kind: phpserial.Array, Array: []phpserial.Entry{}}},
		{`a:2:{i:0;s:5:"admin";s:1:"x";a:1:{i:3;N;}}`, phpserial.Value{Kind: phpserial.Array, Array: []phpserial.Entry{
			{Key: phpserial.IntValue(0), Value: phpserial.StringValue("admin")},
			{Key: phpserial.StringValue("x"), Value: phpserial.Value{Kind: phpserial.Array, Array: []phpserial.Entry{
				{Key: phpserial.IntValue(3), Value: phpserial.Value{Kind: phpserial.Null}}}}},
		}}},
	}
	for _, tt := range tests {
		got, err := phpserial.Unmarshal([]byte(tt.in))
		if err != nil {
			t.Errorf("Unmarshal(%s): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Unmarshal(%s) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestUnmarshalRejects(t *testing.T) {
	for _, in := range []string{
		``, `N`, `b:2;`, `b:1`, `i:;`, `i:1.5;`, `i:9223372036854775808;`, `i:0x10;`, `d:;`, `d:Inf;`, `d:0x1p3;`,
		`s:3:"ab";`, `s:1:"ab";`, `s:-1:"";`, `s:99999999999999999999:"a";`, `s:2:"ab"`, `s:2:'ab';`,
		`a:1:{}`, `a:1:{i:0;}`, `a:2:{i:0;N;}`, `a:1:{N;N;}`, `a:1:{a:0:{}N;}`, `a:1:{i:0;N;`, `a:-1:{}`,
		`a:999999999:{i:0;N;}`, `O:8:"stdClass":0:{}`, `C:3:"Foo":0:{}`, `r:1;`, `R:1;`, `E:3:"a:b";`, `S:1:"\61";`,
		`b:1;b:1;`, `i:1; `, `a:1:{s:13:"administrator";b:1;`,
		strings.Repeat("a:1:{i:0;", 600) + "N;" + strings.Repeat("}", 600),
	} {
		if v, err := phpserial.Unmarshal([]byte(in)); err == nil {
			t.Errorf("Unmarshal(%q) accepted: %+v", in, v)
		}
	}
}

func TestFixtureRoles(t *testing.T) {
	raw := fixtureRoles(t)
	v, err := phpserial.Unmarshal([]byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	if got := string(phpserial.Marshal(v)); got != raw {
		t.Errorf("Marshal does not give back what WordPress wrote")
	}
	var keys []string
	for _, e := range v.Array {
		keys = append(keys, e.Key.Str)
	}
	if got := strings.Join(keys, ","); got != "administrator,editor,author,contributor,subscriber" {
		t.Errorf("roles %s", got)
	}
	admin, _ := v.Lookup("administrator")
	caps, _ := admin.Lookup("capabilities")
	if mo, ok := caps.Lookup("manage_options"); !ok || !mo.Truthy() || len(caps.Array) != 61 {
		t.Errorf("administrator: %d caps, manage_options %v", len(caps.Array), mo)
	}
}

func TestTruthy(t *testing.T) {
	for in, want := range map[string]bool{
		`N;`: false, `b:0;`: false, `b:1;`: true, `i:0;`: false, `i:-1;`: true, `d:0;`: false, `d:-0;`: false,
		`d:0.1;`: true, `d:NAN;`: true, `s:0:"";`: false, `s:1:"0";`: false, `s:2:"00";`: true, `s:3:"0.0";`: true,
		`s:5:"false";`: true, `a:0:{}`: false, `a:1:{i:0;b:0;}`: true,
	} {
		v, err := phpserial.Unmarshal([]byte(in))
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if v.Truthy() != want {
			t.Errorf("Truthy(%s) = %v, want %v", in, v.Truthy(), want)
		}
	}
}

func TestLookup(t *testing.T) {
	v, _ := phpserial.Unmarshal([]byte(`a:3:{i:5;s:1:"a";s:1:"x";i:1;s:1:"x";i:2;}`))
	if got, ok := v.Lookup("5"); !ok || got.Str != "a" {
		t.Errorf(`Lookup("5") = %v, %v`, got, ok)
	}
	if got, _ := v.Lookup("x"); got.Int != 2 {
		t.Errorf("duplicate keys: the last one wins in PHP, got %d", got.Int)
	}
	if _, ok := v.Lookup("y"); ok {
		t.Errorf("missing key found")
	}
}

func FuzzUnmarshal(f *testing.F) {
	for _, s := range []string{`N;`, `b:1;`, `i:-3;`, `d:0.25;`, `d:NAN;`, `s:3:"a"b";`, `a:1:{s:13:"administrator";b:1;}`,
		`a:2:{i:0;s:5:"admin";i:1;a:1:{s:1:"k";d:1.0E+25;}}`, `a:1:{i:0;`, `s:9:"short";`} {
		f.Add([]byte(s))
	}
	f.Add([]byte(fixtureRoles(f)))
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := phpserial.Unmarshal(data)
		if err != nil {
			return
		}
		again, err := phpserial.Unmarshal(phpserial.Marshal(v))
		if err != nil {
			t.Fatalf("Marshal wrote what Unmarshal refuses: %v", err)
		}
		if !equal(v, again) {
			t.Fatalf("round trip changed %+v into %+v", v, again)
		}
	})
}

// equal compares values treating NaN as equal to NaN.
func equal(a, b phpserial.Value) bool {
	if a.Kind != b.Kind || a.Bool != b.Bool || a.Int != b.Int || a.Str != b.Str || len(a.Array) != len(b.Array) {
		return false
	}
	if a.Float != b.Float && !(math.IsNaN(a.Float) && math.IsNaN(b.Float)) {
		return false
	}
	for i := range a.Array {
		if !equal(a.Array[i].Key, b.Array[i].Key) || !equal(a.Array[i].Value, b.Array[i].Value) {
			return false
		}
	}
	return true
}
