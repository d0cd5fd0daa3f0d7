package wpcaps_test

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/repository/phpserial"
	"github.com/kchat-sidecar/kchat-sidecar/repository/wpcaps"
)

// wordPressModel is WordPress's own computation, restated in PHP from WP_Roles::init_roles(),
// WP_Roles::is_role(), WP_User::_init_caps(), WP_User::get_role_caps() and WP_User::has_cap()
// (without map_meta_cap and filters, which primitive capabilities pass through unchanged).
// maybe_unserialize() is unserialize() of the trimmed value for the well-formed inputs the
// test generates. Cases where WordPress itself would stop with an error are marked crashed.
const wordPressModel = `
$out = [];
foreach (json_decode(stream_get_contents(STDIN), true) as $case) {
	set_error_handler(function () { return true; });
	try {
		$roles = unserialize(trim(base64_decode($case['roles'])));
		$role_objects = [];
		$role_names = [];
		if (!empty($roles)) {
			foreach (array_keys($roles) as $role) {
				$role_objects[$role] = $roles[$role]['capabilities'];
				$role_names[$role] = $roles[$role]['name'];
			}
		}
		$caps = unserialize(trim(base64_decode($case['meta'])));
		if (!is_array($caps)) {
			$caps = [];
		}
		$user_roles = array_filter(array_keys($caps), function ($role) use ($role_names) { return isset($role_names[$role]); });
		$allcaps = [];
		foreach ($user_roles as $role) {
			$allcaps = array_merge((array) $allcaps, (array) $role_objects[$role]);
		}
		$allcaps = array_merge((array) $allcaps, (array) $caps);
		$allcaps['exist'] = true;
		unset($allcaps['do_not_allow']);
		$has = [];
		foreach ($case['caps'] as $cap) {
			if (is_numeric($cap)) {
				$cap = 'level_' . $cap;
			}
			$has[] = !empty($allcaps[$cap]);
		}
		$out[] = ['crashed' => false, 'has' => $has];
	} catch (Throwable $e) {
		$out[] = ['crashed' => true, 'has' => []];
	}
	restore_error_handler();
}
echo json_encode($out);
`

type capsCase struct {
	Roles []byte   `json:"roles"`
	Meta  []byte   `json:"meta"`
	Caps  []string `json:"caps"`
}

// TestAgainstWordPress compares UserCapabilities and Has with the PHP model above on
// thousands of generated role tables and user metas, built to hit every rule: roles with
// and without names, scalar and array capabilities, int keys, repeated roles, values of
// every truthiness, numeric capability names. Skipped when there is no php on PATH.
func TestAgainstWordPress(t *testing.T) {
	php, err := exec.LookPath("php")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI must compare with PHP, and there is no php on PATH (.ci/run installs php-cli)")
		}
		t.Skip("no php on PATH to compare with")
	}
	rng := rand.New(rand.NewPCG(2, 6))
	_, fixture := testRoles(t)
	asked := []string{
		"manage_options", "read", "edit_posts", "administrator", "editor", "custom", "exist", "do_not_allow",
		"level_0", "level_7", "0", "7", " 7", "7 ", "+7", "7.0", "1e1", "1e", ".5", "5.", "0x1A", "", "05", "-0", "x",
	}
	roleKeys := []phpserial.Value{
		str("administrator"), str("editor"), str("custom"), str("05"), str("-0"), str(""), str("7"),
		phpserial.IntValue(7), phpserial.IntValue(0), phpserial.IntValue(-1),
	}
	capKeys := append([]phpserial.Value{}, roleKeys...)
	for _, c := range asked {
		capKeys = append(capKeys, str(c))
	}
	anyValue := func() phpserial.Value {
		switch rng.IntN(9) {
		case 0:
			return null
		case 1:
			return yes
		case 2:
			return no
		case 3:
			return phpserial.IntValue(int64(rng.IntN(3)))
		case 4:
			return phpserial.Value{Kind: phpserial.Float, Float: float64(rng.IntN(2)) / 2}
		case 5:
			return str([]string{"", "0", "00", "1", "false"}[rng.IntN(5)])
		case 6:
			return array()
		case 7:
			return array(phpserial.IntValue(0), no)
		}
		return yes
	}
	capMap := func() phpserial.Value {
		m := array()
		for range rng.IntN(6) {
			m.Array = append(m.Array, phpserial.Entry{Key: capKeys[rng.IntN(len(capKeys))], Value: anyValue()})
		}
		return m
	}
	roleTable := func() []byte {
		if rng.IntN(20) == 0 {
			return phpserial.Marshal(anyValue())
		}
		table := array()
		for range rng.IntN(5) {
			def := array()
			switch rng.IntN(6) {
			case 0: // no name
			case 1:
				def.Array = append(def.Array, phpserial.Entry{Key: str("name"), Value: null})
			default:
				def.Array = append(def.Array, phpserial.Entry{Key: str("name"), Value: []phpserial.Value{str("Role"), no, phpserial.IntValue(0)}[rng.IntN(3)]})
			}
			switch rng.IntN(5) {
			case 0: // no capabilities
			case 1:
				def.Array = append(def.Array, phpserial.Entry{Key: str("capabilities"), Value: anyValue()})
			default:
				def.Array = append(def.Array, phpserial.Entry{Key: str("capabilities"), Value: capMap()})
			}
			if rng.IntN(10) == 0 {
				def = anyValue()
			}
			table.Array = append(table.Array, phpserial.Entry{Key: roleKeys[rng.IntN(len(roleKeys))], Value: def})
		}
		return phpserial.Marshal(table)
	}
	var cases []capsCase
	for range 4000 {
		c := capsCase{Roles: roleTable(), Meta: phpserial.Marshal(capMap()), Caps: asked}
		switch rng.IntN(10) {
		case 0:
			c.Roles = []byte(fixture)
		case 1:
			c.Meta = phpserial.Marshal(anyValue())
		case 2:
			c.Meta = append([]byte(" \n"), append(c.Meta, '\t')...)
		}
		cases = append(cases, c)
	}

	in, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(php, "-n", "-r", wordPressModel)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("php: %v: %s", err, stderr.Bytes())
	}
	var verdicts []struct {
		Crashed bool   `json:"crashed"`
		Has     []bool `json:"has"`
	}
	if err := json.Unmarshal(out, &verdicts); err != nil {
		t.Fatalf("php answered %.200q: %v", out, err)
	}
	if len(verdicts) != len(cases) {
		t.Fatalf("php answered %d of %d cases", len(verdicts), len(cases))
	}

	failures, compared, granted := 0, 0, 0
	for i, c := range cases {
		if verdicts[i].Crashed {
			continue
		}
		compared++
		roles, _ := wpcaps.ParseRoles(string(c.Roles))
		caps, _ := wpcaps.UserCapabilities(roles, string(c.Meta))
		for j, capability := range c.Caps {
			want := verdicts[i].Has[j]
			if want && capability != "exist" {
				granted++
			}
			if got := caps.Has(capability); got != want {
				t.Errorf("roles %q, meta %q: Has(%q) got %v, WordPress %v", c.Roles, c.Meta, capability, got, want)
				if failures++; failures == 10 {
					t.Fatal("too many differences")
				}
			}
		}
	}
	if compared < len(cases)*3/4 || granted < compared/2 {
		t.Errorf("%d cases compared, %d grants: too few to prove anything", compared, granted)
	}
	t.Logf("%d of %d cases compared, %d capabilities granted", compared, len(cases), granted)
}
