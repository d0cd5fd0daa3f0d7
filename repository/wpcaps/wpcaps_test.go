package wpcaps_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/repository/wpcaps"
)

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

// roles are the fixture's real roles plus two custom ones that disagree on a capability.
func roles(t testing.TB) wpcaps.Roles {
	t.Helper()
	raw := fixtureRoles(t)
	extra := `s:8:"reporter";a:2:{s:4:"name";s:8:"Reporter";s:12:"capabilities";a:2:{s:4:"read";b:1;s:14:"manage_options";b:1;}}` +
		`s:7:"blocker";a:2:{s:4:"name";s:7:"Blocker";s:12:"capabilities";a:1:{s:14:"manage_options";b:0;}}`
	raw = "a:7" + raw[strings.Index(raw, ":{"):len(raw)-1] + extra + "}"
	r, err := wpcaps.ParseRoles(raw)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestUserCapabilities(t *testing.T) {
	r := roles(t)
	if got := strings.Join(r.Names(), ","); got != "administrator,editor,author,contributor,subscriber,reporter,blocker" {
		t.Fatalf("roles: %s", got)
	}
	tests := []struct {
		name, meta    string
		manageOptions bool
		also          string // another capability that must be granted
	}{
		{"Administrator", `a:1:{s:13:"administrator";b:1;}`, true, "activate_plugins"},
		{"AdministratorFalseStillGrants", `a:1:{s:13:"administrator";b:0;}`, true, "edit_users"},
		{"Editor", `a:1:{s:6:"editor";b:1;}`, false, "edit_others_posts"},
		{"CustomRole", `a:1:{s:8:"reporter";b:1;}`, true, "read"},
		{"ExplicitFalseTakesAway", `a:2:{s:13:"administrator";b:1;s:14:"manage_options";b:0;}`, false, "activate_plugins"},
		{"ExplicitFalseFirstStillWins", `a:2:{s:14:"manage_options";b:0;s:13:"administrator";b:1;}`, false, "switch_themes"},
		{"PerUserGrant", `a:2:{s:6:"editor";b:1;s:14:"manage_options";b:1;}`, true, "moderate_comments"},
		{"LaterRoleWins", `a:2:{s:8:"reporter";b:1;s:7:"blocker";b:1;}`, false, "read"},
		{"LaterRoleWinsOtherOrder", `a:2:{s:7:"blocker";b:1;s:8:"reporter";b:1;}`, true, "read"},
		{"StringZeroIsFalse", `a:2:{s:13:"administrator";b:1;s:14:"manage_options";s:1:"0";}`, false, "read"},
		{"IntOneIsTrue", `a:1:{s:14:"manage_options";i:1;}`, true, ""},
		{"UnknownRole", `a:1:{s:9:"superuser";b:1;}`, false, "superuser"},
		{"IntegerKeysNeverOverride", `a:2:{s:13:"administrator";b:1;i:0;b:0;}`, true, ""},
		{"Empty", `a:0:{}`, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			caps, err := wpcaps.UserCapabilities(r, tt.meta)
			if err != nil {
				t.Fatal(err)
			}
			if caps.Has("manage_options") != tt.manageOptions {
				t.Errorf("manage_options: got %v, want %v", caps.Has("manage_options"), tt.manageOptions)
			}
			if tt.also != "" && !caps.Has(tt.also) {
				t.Errorf("%s not granted", tt.also)
			}
		})
	}
}

func TestMalformedGrantsNothing(t *testing.T) {
	r := roles(t)
	for _, meta := range []string{`a:1:{s:13:"administrator";b:1;`, `s:13:"administrator";`, `b:1;`, `O:8:"stdClass":0:{}`, "administrator"} {
		caps, err := wpcaps.UserCapabilities(r, meta)
		if err == nil || len(caps) != 0 {
			t.Errorf("%q: caps %v, err %v", meta, caps, err)
		}
	}
	if caps, err := wpcaps.UserCapabilities(r, ""); err != nil || len(caps) != 0 {
		t.Errorf("no meta: %v %v", caps, err)
	}
	broken, err := wpcaps.ParseRoles(`a:1:{s:13:"administrator";`)
	if err == nil {
		t.Errorf("malformed roles accepted")
	}
	caps, _ := wpcaps.UserCapabilities(broken, `a:1:{s:13:"administrator";b:1;}`)
	if caps.Has("manage_options") {
		t.Errorf("malformed roles granted manage_options")
	}
}

func TestSiteAdmins(t *testing.T) {
	admins, err := wpcaps.ParseSiteAdmins(`a:2:{i:0;s:5:"admin";i:1;s:7:"Network";}`)
	if err != nil {
		t.Fatal(err)
	}
	for login, want := range map[string]bool{"admin": true, "Network": true, "network": false, "Admin": false, "": false, "admin ": false} {
		if wpcaps.IsSuperAdmin(admins, login) != want {
			t.Errorf("IsSuperAdmin(%q) = %v", login, !want)
		}
	}
	if _, err := wpcaps.ParseSiteAdmins(`s:5:"admin";`); err == nil {
		t.Errorf("a string is not a list of admins")
	}
}

func FuzzUserCapabilities(f *testing.F) {
	r := roles(f)
	for _, s := range []string{`a:1:{s:13:"administrator";b:1;}`, `a:2:{s:6:"editor";b:1;s:14:"manage_options";b:1;}`, `a:1:{i:0;N;}`, `x`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, meta string) {
		caps, err := wpcaps.UserCapabilities(r, meta)
		if err != nil && len(caps) != 0 {
			t.Fatalf("an error must grant nothing, got %v", caps)
		}
	})
}
