// Package wpcaps decides what a WordPress user may do on a site, computing what
// WP_User::get_role_caps() and has_cap() compute from three PHP-serialized values: the
// site's {prefix}user_roles option, the user's {prefix}capabilities meta and the network's
// site_admins list. It does no I/O. Whatever is malformed grants nothing, and the error
// that says so is only for logging: the capabilities returned with it are already the
// right answer.
package wpcaps

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kchat-sidecar/kchat-sidecar/repository/phpserial"
)

// phpSpace is what PHP's trim() strips; maybe_unserialize() trims before unserializing,
// so WordPress reads a padded value and so must we.
const phpSpace = " \t\n\r\x00\x0b"

func unserializeArray(serialized, what string) (phpserial.Value, error) {
	v, err := phpserial.Unmarshal([]byte(strings.Trim(serialized, phpSpace)))
	if err != nil {
		return phpserial.Value{}, fmt.Errorf("wpcaps: %s: %w", what, err)
	}
	if v.Kind != phpserial.Array {
		return phpserial.Value{}, fmt.Errorf("wpcaps: %s is a %s, not an array", what, v.Kind)
	}
	return v, nil
}

// Roles are a site's role definitions from its {prefix}user_roles option. The zero
// value is a site without roles.
type Roles struct {
	names []string
	caps  map[string][]phpserial.Entry // role key (as PHP prints it) → its capability map
}

// ParseRoles reads a {prefix}user_roles option. A malformed option is a site without
// roles, which is what the error comes with.
//
// An entry counts as a role only if WP_Roles::is_role() would say so: it must be an array
// whose "name" is set (isset(): present and not null). Entries that are not arrays would
// stop WordPress itself with a TypeError or a warning; here they are simply not roles.
func ParseRoles(serialized string) (Roles, error) {
	v, err := unserializeArray(serialized, "user_roles")
	if err != nil {
		return Roles{}, err
	}
	r := Roles{caps: make(map[string][]phpserial.Entry, len(v.Array))}
	for _, e := range v.Array {
		if e.Value.Kind != phpserial.Array {
			continue
		}
		if name, ok := e.Value.Lookup("name"); !ok || name.Kind == phpserial.Null {
			continue
		}
		// (array) of a scalar capabilities value yields only an int key, which has_cap
		// never reads; so only an array of capabilities can grant anything.
		var caps []phpserial.Entry
		if c, ok := e.Value.Lookup("capabilities"); ok && c.Kind == phpserial.Array {
			caps = c.Array
		}
		key := e.Key.KeyString()
		r.names = append(r.names, key)
		r.caps[key] = caps
	}
	return r, nil
}

// Capabilities is a user's allcaps: capability → PHP truthiness of its value. Role keys
// the user holds are in it too, as in WordPress. Use Has rather than indexing, which
// misses has_cap's fixed answers.
type Capabilities map[string]bool

// Has answers has_cap(capability) for a primitive capability, before map_meta_cap and
// the user_has_cap filter: a numeric capability is the deprecated user level "level_N",
// everyone has "exist", nobody has "do_not_allow". Super admins are the caller's concern.
func (c Capabilities) Has(capability string) bool {
	if isNumeric(capability) {
		capability = "level_" + capability
	}
	switch capability {
	case "exist":
		return true
	case "do_not_allow":
		return false
	}
	return c[capability]
}

// merge is array_merge(allcaps, entries) as far as has_cap can tell: string keys are
// set, the later winning. array_merge renumbers int keys and appends them, so they never
// override anything, and has_cap never asks for one (a numeric capability becomes
// "level_N" first), so they are left out.
func (c Capabilities) merge(entries []phpserial.Entry) {
	for _, e := range entries {
		if e.Key.Kind == phpserial.String {
			c[e.Key.Str] = e.Value.Truthy()
		}
	}
}

// UserCapabilities computes a user's capabilities from their {prefix}capabilities meta as
// WP_User::get_role_caps() does:
//
//	roles   = the meta's keys that are roles, whatever their values (administrator => false still counts)
//	allcaps = array_merge of those roles' capabilities, in the meta's order (a later role wins)
//	allcaps = array_merge(allcaps, the meta itself) (so manage_options => false takes it away)
//
// Empty meta is a user with no role on this site and no error. Meta that is not a
// serialized array gives no capabilities, as in WordPress, and an error saying why.
func UserCapabilities(roles Roles, userMeta string) (Capabilities, error) {
	caps := Capabilities{}
	if strings.Trim(userMeta, phpSpace) == "" {
		return caps, nil
	}
	meta, err := unserializeArray(userMeta, "capabilities meta")
	if err != nil {
		return caps, err
	}
	for _, e := range meta.Array {
		if roleCaps, isRole := roles.caps[e.Key.KeyString()]; isRole {
			caps.merge(roleCaps)
		}
	}
	caps.merge(meta.Array)
	return caps, nil
}

// ParseSiteAdmins reads the multisite site_admins network option: a serialized list of
// user_login strings. Members that are not strings can never match a login (is_super_admin
// compares strictly), so they are dropped. A malformed value is no super admins.
func ParseSiteAdmins(serialized string) ([]string, error) {
	v, err := unserializeArray(serialized, "site_admins")
	if err != nil {
		return nil, err
	}
	logins := make([]string, 0, len(v.Array))
	for _, e := range v.Array {
		if e.Value.Kind == phpserial.String {
			logins = append(logins, e.Value.Str)
		}
	}
	return logins, nil
}

// IsSuperAdmin reports whether login is among siteAdmins, byte for byte as PHP's strict
// in_array() compares: no case folding, no trimming.
func IsSuperAdmin(siteAdmins []string, login string) bool {
	return slices.Contains(siteAdmins, login)
}

// isNumeric is PHP 8's is_numeric() for strings: optional surrounding whitespace, an
// optional sign, digits with at most one decimal point (at least one digit in all), and an
// optional exponent. No hex, no INF or NAN.
func isNumeric(s string) bool {
	const space = " \t\n\r\v\f"
	s = strings.TrimRight(strings.TrimLeft(s, space), space)
	i := 0
	digitsFrom := func() int {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - start
	}
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	mantissa := digitsFrom()
	if i < len(s) && s[i] == '.' {
		i++
		mantissa += digitsFrom()
	}
	if mantissa == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digitsFrom() == 0 {
			return false
		}
	}
	return i == len(s)
}
