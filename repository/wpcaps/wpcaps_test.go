package wpcaps_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/repository/phpserial"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/dump"
	"github.com/kchat-sidecar/kchat-sidecar/repository/wpcaps"
)

// fixtureValues returns, in dump order, the value that follows each literal equal to key
// in the fixture's rows: option values after an option_name, meta values after a meta_key.
func fixtureValues(tb testing.TB, key string) []string {
	tb.Helper()
	values, err := dump.ValuesAfter(key)
	if err != nil {
		tb.Fatal(err)
	}
	if len(values) == 0 {
		tb.Fatalf("%s not in the fixture", key)
	}
	return values
}

func str(s string) phpserial.Value { return phpserial.StringValue(s) }

// array builds a PHP array from alternating keys and values.
func array(kv ...phpserial.Value) phpserial.Value {
	v := phpserial.Value{Kind: phpserial.Array}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Array = append(v.Array, phpserial.Entry{Key: kv[i], Value: kv[i+1]})
	}
	return v
}

// role is a user_roles entry as add_role() writes it.
func role(name string, caps ...phpserial.Value) phpserial.Value {
	return array(str("name"), str(name), str("capabilities"), array(caps...))
}

var (
	yes  = phpserial.BoolValue(true)
	no   = phpserial.BoolValue(false)
	null = phpserial.Value{}
)

// testRoles are the fixture's real roles followed by custom ones, some of which
// WordPress would not count as roles at all.
func testRoles(tb testing.TB) (wpcaps.Roles, string) {
	tb.Helper()
	v, err := phpserial.Unmarshal([]byte(fixtureValues(tb, "wp_user_roles")[0]))
	if err != nil {
		tb.Fatal(err)
	}
	extra := array(
		str("reporter"), role("Reporter", str("read"), yes, str("manage_options"), yes),
		str("blocker"), role("Blocker", str("manage_options"), no),
		phpserial.IntValue(7), role("Seven", str("edit_posts"), yes, phpserial.IntValue(0), yes),
		str("falsename"), array(str("name"), no, str("capabilities"), array(str("manage_options"), yes)),
		str("nameless"), array(str("capabilities"), array(str("manage_options"), yes)),
		str("nullname"), array(str("name"), null, str("capabilities"), array(str("manage_options"), yes)),
		str("scalar"), str("manage_options"),
		str("scalarcaps"), array(str("name"), str("Scalar caps"), str("capabilities"), str("manage_options")),
		str("zeroes"), role("Zeroes",
			str("zero_string"), str("0"), str("zero_int"), phpserial.IntValue(0), str("zero_float"), phpserial.Value{Kind: phpserial.Float},
			str("empty_array"), array(), str("null"), null, str("double_zero"), str("00"), str("one"), phpserial.IntValue(1),
			str("do_not_allow"), yes),
	)
	v.Array = append(v.Array, extra.Array...)
	serialized := string(phpserial.Marshal(v))
	r, err := wpcaps.ParseRoles(serialized)
	if err != nil {
		tb.Fatal(err)
	}
	return r, serialized
}

func TestParseRoles(t *testing.T) {
	r, _ := testRoles(t)
	want := []string{"administrator", "editor", "author", "contributor", "subscriber", "reporter", "blocker", "7", "falsename", "scalarcaps", "zeroes"}
	if got := r.Names(); !slices.Equal(got, want) {
		t.Errorf("Names: got %v, want %v", got, want)
	}
	r.Names()[0] = "changed"
	if got := r.Names()[0]; got != "administrator" {
		t.Errorf("Names shares its slice: got %q after changing a copy", got)
	}
	if got := (wpcaps.Roles{}).Names(); len(got) != 0 {
		t.Errorf("zero Roles: got names %v", got)
	}
	padded, err := wpcaps.ParseRoles(" \n" + fixtureValues(t, "wp_user_roles")[0] + "\t\x00")
	if err != nil || len(padded.Names()) != 5 {
		t.Errorf("padded user_roles: %v roles, error %v; want 5, none", padded.Names(), err)
	}
}

func TestParseRolesMalformed(t *testing.T) {
	for _, in := range []string{``, ` `, `a:1:{s:13:"administrator";`, `s:5:"roles";`, `N;`, `b:0;`, `a:0:{}x`, `O:8:"WP_Roles":0:{}`} {
		r, err := wpcaps.ParseRoles(in)
		if err == nil {
			t.Errorf("ParseRoles(%q): no error", in)
		}
		if got := r.Names(); len(got) != 0 {
			t.Errorf("ParseRoles(%q): got roles %v, want none", in, got)
		}
	}
	if r, err := wpcaps.ParseRoles(`a:0:{}`); err != nil || len(r.Names()) != 0 {
		t.Errorf("no roles at all: %v, %v", r.Names(), err)
	}
}

func TestUserCapabilities(t *testing.T) {
	r, _ := testRoles(t)
	tests := []struct {
		name     string
		meta     string
		granted  []string
		refused  []string
		wantCaps bool // false when the result must be empty
	}{
		{"Administrator", `a:1:{s:13:"administrator";b:1;}`,
			[]string{"manage_options", "activate_plugins", "administrator", "level_10", "10", "exist"},
			[]string{"do_not_allow", "superuser", "editor"}, true},
		{"AdministratorFalseStillGrants", `a:1:{s:13:"administrator";b:0;}`,
			[]string{"manage_options", "edit_users"}, []string{"administrator"}, true},
		{"AdministratorAnyValueGrants", `a:1:{s:13:"administrator";s:1:"0";}`, []string{"manage_options"}, nil, true},
		{"Editor", `a:1:{s:6:"editor";b:1;}`,
			[]string{"edit_others_posts", "moderate_comments", "editor", "7", "level_7"},
			[]string{"manage_options", "activate_plugins", "10", "level_10"}, true},
		{"Subscriber", `a:1:{s:10:"subscriber";b:1;}`, []string{"read", "0", "level_0"}, []string{"manage_options", "edit_posts"}, true},
		{"CustomRole", `a:1:{s:8:"reporter";b:1;}`, []string{"manage_options", "read"}, []string{"edit_posts"}, true},
		{"ExplicitFalseTakesAway", `a:2:{s:13:"administrator";b:1;s:14:"manage_options";b:0;}`,
			[]string{"activate_plugins"}, []string{"manage_options"}, true},
		{"ExplicitFalseBeforeTheRoleStillWins", `a:2:{s:14:"manage_options";b:0;s:13:"administrator";b:1;}`,
			[]string{"switch_themes"}, []string{"manage_options"}, true},
		{"PerUserGrant", `a:2:{s:6:"editor";b:1;s:14:"manage_options";b:1;}`, []string{"manage_options", "moderate_comments"}, nil, true},
		{"LaterRoleWins", `a:2:{s:8:"reporter";b:1;s:7:"blocker";b:1;}`, []string{"read", "reporter", "blocker"}, []string{"manage_options"}, true},
		{"LaterRoleWinsOtherOrder", `a:2:{s:7:"blocker";b:1;s:8:"reporter";b:1;}`, []string{"manage_options", "read"}, nil, true},
		{"RoleOverAdministrator", `a:2:{s:13:"administrator";b:1;s:7:"blocker";b:1;}`, []string{"activate_plugins"}, []string{"manage_options"}, true},
		{"UserStringZeroRefuses", `a:2:{s:13:"administrator";b:1;s:14:"manage_options";s:1:"0";}`, nil, []string{"manage_options"}, true},
		{"UserIntZeroRefuses", `a:2:{s:13:"administrator";b:1;s:14:"manage_options";i:0;}`, nil, []string{"manage_options"}, true},
		{"UserEmptyStringRefuses", `a:2:{s:13:"administrator";b:1;s:14:"manage_options";s:0:"";}`, nil, []string{"manage_options"}, true},
		{"UserNullRefuses", `a:2:{s:13:"administrator";b:1;s:14:"manage_options";N;}`, nil, []string{"manage_options"}, true},
		{"UserIntOneGrants", `a:1:{s:14:"manage_options";i:1;}`, []string{"manage_options"}, nil, true},
		{"UserStringDoubleZeroGrants", `a:1:{s:14:"manage_options";s:2:"00";}`, []string{"manage_options"}, nil, true},
		{"UserStringFalseGrants", `a:1:{s:14:"manage_options";s:5:"false";}`, []string{"manage_options"}, nil, true},
		{"UserFloatGrants", `a:1:{s:14:"manage_options";d:0.5;}`, []string{"manage_options"}, nil, true},
		{"UserArrayGrants", `a:1:{s:14:"manage_options";a:1:{i:0;b:0;}}`, []string{"manage_options"}, nil, true},
		{"RoleValuesTruthiness", `a:1:{s:6:"zeroes";b:1;}`, []string{"double_zero", "one", "zeroes"},
			[]string{"zero_string", "zero_int", "zero_float", "empty_array", "null", "do_not_allow"}, true},
		{"UnknownRoleIsJustACapability", `a:1:{s:9:"superuser";b:1;}`, []string{"superuser"}, []string{"manage_options", "read"}, true},
		{"RoleKeysAreCaseSensitive", `a:1:{s:13:"Administrator";b:1;}`, []string{"Administrator"}, []string{"manage_options"}, true},
		{"IntRoleKey", `a:1:{i:7;b:1;}`, []string{"edit_posts"}, []string{"7", "0", "manage_options"}, true},
		{"NumericStringRoleKey", `a:1:{s:1:"7";b:1;}`, []string{"edit_posts"}, nil, true},
		{"IntegerKeysNeverOverride", `a:3:{s:13:"administrator";b:1;i:0;b:0;i:1;b:0;}`, []string{"manage_options", "read", "0", "1"}, nil, true},
		{"FalseNameIsStillARole", `a:1:{s:9:"falsename";b:1;}`, []string{"manage_options"}, nil, true},
		{"NamelessIsNoRole", `a:1:{s:8:"nameless";b:1;}`, []string{"nameless"}, []string{"manage_options"}, true},
		{"NullNameIsNoRole", `a:1:{s:8:"nullname";b:1;}`, nil, []string{"manage_options"}, true},
		{"ScalarIsNoRole", `a:1:{s:6:"scalar";b:1;}`, nil, []string{"manage_options"}, true},
		{"ScalarCapabilitiesGrantNothing", `a:1:{s:10:"scalarcaps";b:1;}`, []string{"scalarcaps"}, []string{"manage_options", "0"}, true},
		{"DoNotAllowIsNeverGranted", `a:2:{s:13:"administrator";b:1;s:12:"do_not_allow";b:1;}`, nil, []string{"do_not_allow"}, true},
		{"ExistCannotBeRemoved", `a:1:{s:5:"exist";b:0;}`, []string{"exist"}, nil, true},
		{"PaddedLikeMaybeUnserialize", " a:1:{s:13:\"administrator\";b:1;}\r\n", []string{"manage_options"}, nil, true},
		{"NoRoles", `a:0:{}`, []string{"exist"}, []string{"manage_options", "read"}, false},
		{"NoMeta", ``, []string{"exist"}, []string{"manage_options"}, false},
		{"BlankMeta", " \n", nil, []string{"manage_options"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			caps, err := wpcaps.UserCapabilities(r, tt.meta)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range tt.granted {
				if !caps.Has(c) {
					t.Errorf("Has(%q): got false, want true", c)
				}
			}
			for _, c := range tt.refused {
				if caps.Has(c) {
					t.Errorf("Has(%q): got true, want false", c)
				}
			}
			if got, want := len(caps) > 0, tt.wantCaps; got != want {
				t.Errorf("capabilities present: got %v (%v), want %v", got, caps, want)
			}
		})
	}
}

func TestUserCapabilitiesMalformed(t *testing.T) {
	r, _ := testRoles(t)
	for _, meta := range []string{
		`a:1:{s:13:"administrator";b:1;`,
		`a:1:{s:13:"administrator";b:1;}x`,
		`a:2:{s:13:"administrator";b:1;}`,
		`s:13:"administrator";`,
		`b:1;`,
		`i:1;`,
		`N;`,
		`O:8:"stdClass":1:{s:13:"administrator";b:1;}`,
		`administrator`,
		`{"administrator":true}`,
	} {
		caps, err := wpcaps.UserCapabilities(r, meta)
		if err == nil {
			t.Errorf("UserCapabilities(%q): no error", meta)
		}
		if len(caps) != 0 || caps.Has("manage_options") || caps == nil {
			t.Errorf("UserCapabilities(%q): got %v, want an empty map", meta, caps)
		}
	}
}

func TestMalformedRolesGrantNothing(t *testing.T) {
	broken, err := wpcaps.ParseRoles(`a:1:{s:13:"administrator";`)
	if err == nil {
		t.Fatal("malformed user_roles accepted")
	}
	for _, roles := range []wpcaps.Roles{broken, {}} {
		caps, err := wpcaps.UserCapabilities(roles, `a:1:{s:13:"administrator";b:1;}`)
		if err != nil {
			t.Fatal(err)
		}
		if caps.Has("manage_options") {
			t.Errorf("manage_options granted without a role table")
		}
		if !caps.Has("administrator") {
			t.Errorf("the user's own entry is missing from allcaps")
		}
	}
}

func TestFixtureUsers(t *testing.T) {
	roles, err := wpcaps.ParseRoles(fixtureValues(t, "wp_user_roles")[0])
	if err != nil {
		t.Fatal(err)
	}
	// The fixture's header: admin and admin68 are administrators, editor1 an editor.
	metas := fixtureValues(t, "wp_capabilities")
	want := []bool{true, false, true}
	if len(metas) != len(want) {
		t.Fatalf("got %d wp_capabilities rows, want %d", len(metas), len(want))
	}
	for i, meta := range metas {
		caps, err := wpcaps.UserCapabilities(roles, meta)
		if err != nil {
			t.Fatalf("user %d: %v", i+1, err)
		}
		if got := caps.Has("manage_options"); got != want[i] {
			t.Errorf("user %d (%s): manage_options got %v, want %v", i+1, meta, got, want[i])
		}
		if !caps.Has("read") {
			t.Errorf("user %d (%s): cannot read", i+1, meta)
		}
	}
}

func TestParseSiteAdmins(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		wantErr  bool
	}{
		{"One", `a:1:{i:0;s:5:"admin";}`, []string{"admin"}, false},
		{"Two", `a:2:{i:0;s:5:"admin";i:1;s:7:"Network";}`, []string{"admin", "Network"}, false},
		{"NonStringsDropped", `a:4:{i:0;s:5:"admin";i:1;i:5;i:2;a:1:{i:0;s:3:"bob";}i:3;b:1;}`, []string{"admin"}, false},
		{"StringKeysKept", `a:1:{s:5:"owner";s:5:"alice";}`, []string{"alice"}, false},
		{"Empty", `a:0:{}`, nil, false},
		{"Padded", "\na:1:{i:0;s:5:\"admin\";}\n", []string{"admin"}, false},
		{"NoValue", ``, nil, true},
		{"NotAList", `s:5:"admin";`, nil, true},
		{"Truncated", `a:1:{i:0;s:5:"admin";`, nil, true},
		{"WrongLength", `a:1:{i:0;s:4:"admin";}`, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := wpcaps.ParseSiteAdmins(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("error: got %v, want an error %v", err, tt.wantErr)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIsSuperAdmin(t *testing.T) {
	admins := []string{"admin", "Network", "ünï"}
	for _, tt := range []struct {
		login string
		want  bool
	}{
		{"admin", true}, {"Network", true}, {"ünï", true},
		{"network", false}, {"Admin", false}, {"admin ", false}, {" admin", false}, {"", false}, {"ÜNÏ", false},
	} {
		if got := wpcaps.IsSuperAdmin(admins, tt.login); got != tt.want {
			t.Errorf("IsSuperAdmin(%q): got %v, want %v", tt.login, got, tt.want)
		}
	}
	if wpcaps.IsSuperAdmin(nil, "admin") {
		t.Errorf("IsSuperAdmin(nil, admin): got true")
	}
}

func TestHasNumericCapabilities(t *testing.T) {
	// has_cap turns whatever is_numeric() accepts into a user level before looking it up,
	// so a capability stored under a numeric name can never be asked for.
	caps := wpcaps.Capabilities{
		"level_7": true, "level_ 7": true, "level_7 ": true, "level_+7": true, "level_7.0": true, "level_7e0": true,
		"level_.5": true, "level_5.": true, "8": true, "level_8": false, "7x": true, ".": true, "1e": true, "0x1A": true,
	}
	for _, tt := range []struct {
		cap  string
		want bool
	}{
		{"7", true}, {" 7", true}, {"7 ", true}, {"+7", true}, {"7.0", true}, {"7e0", true}, {".5", true}, {"5.", true},
		{"8", false}, {"7x", true}, {".", true}, {"1e", true}, {"0x1A", true}, {"level_7", true}, {"", false},
	} {
		if got := caps.Has(tt.cap); got != tt.want {
			t.Errorf("Has(%q): got %v, want %v", tt.cap, got, tt.want)
		}
	}
}

func FuzzUserCapabilities(f *testing.F) {
	_, roles := testRoles(f)
	for _, meta := range []string{
		`a:1:{s:13:"administrator";b:1;}`, `a:2:{s:6:"editor";b:1;s:14:"manage_options";b:1;}`,
		`a:2:{s:7:"blocker";b:1;s:8:"reporter";s:1:"0";}`, `a:1:{i:7;N;}`, `a:1:{i:0;N;}`, `x`, ``,
	} {
		f.Add(roles, meta)
	}
	f.Add(`a:1:{i:0;a:2:{s:4:"name";b:0;s:12:"capabilities";a:1:{s:1:"c";b:1;}}}`, `a:1:{i:0;b:0;}`)
	f.Fuzz(func(t *testing.T, rolesText, meta string) {
		roles, rolesErr := wpcaps.ParseRoles(rolesText)
		if rolesErr != nil && len(roles.Names()) != 0 {
			t.Fatalf("malformed roles came with roles %v", roles.Names())
		}
		caps, err := wpcaps.UserCapabilities(roles, meta)
		if !caps.Has("exist") || caps.Has("do_not_allow") {
			t.Fatalf("has_cap's fixed answers broken: %v", caps)
		}
		if err != nil {
			if len(caps) != 0 {
				t.Fatalf("an error must come with no capabilities, got %v", caps)
			}
			return
		}
		// The user's own string keys always have the last word.
		v, uerr := phpserial.Unmarshal([]byte(strings.Trim(meta, " \t\n\r\x00\x0b")))
		if uerr != nil {
			if len(caps) != 0 {
				t.Fatalf("meta %q does not decode yet granted %v", meta, caps)
			}
			return
		}
		for _, e := range v.Array {
			if e.Key.Kind == phpserial.String {
				if got, ok := caps[e.Key.Str]; !ok || got != e.Value.Truthy() {
					t.Fatalf("%q: got %v, %v; want the meta's own %v", e.Key.Str, got, ok, e.Value.Truthy())
				}
			}
		}
	})
}

func FuzzParseSiteAdmins(f *testing.F) {
	f.Add(`a:1:{i:0;s:5:"admin";}`)
	f.Add(`a:2:{i:0;s:5:"admin";i:1;i:5;}`)
	f.Add(`s:5:"admin";`)
	f.Fuzz(func(t *testing.T, in string) {
		admins, err := wpcaps.ParseSiteAdmins(in)
		if err != nil && admins != nil {
			t.Fatalf("an error must come with no admins, got %q", admins)
		}
		for _, a := range admins {
			if !wpcaps.IsSuperAdmin(admins, a) {
				t.Fatalf("%q is listed but not a super admin", a)
			}
		}
	})
}
