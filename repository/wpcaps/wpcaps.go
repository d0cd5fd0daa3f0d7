// Package wpcaps computes a WordPress user's capabilities the way WP_User::get_role_caps
// does, from the site's {prefix}user_roles option and the user's {prefix}capabilities
// meta, both PHP-serialized. Anything malformed grants nothing.
package wpcaps

import (
	"errors"

	"github.com/kchat-sidecar/kchat-sidecar/repository/phpserial"
)

// Roles are a site's role definitions: role key → its capability map, in stored order.
type Roles struct {
	order []string
	caps  map[string][]phpserial.Entry
}

// ParseRoles reads the {prefix}user_roles option. A malformed option yields no roles
// and an error saying why.
func ParseRoles(serialized string) (Roles, error) {
	v, err := phpserial.Unmarshal([]byte(serialized))
	if err != nil {
		return Roles{}, err
	}
	if v.Kind != phpserial.Array {
		return Roles{}, errors.New("wpcaps: user_roles is not an array")
	}
	r := Roles{caps: map[string][]phpserial.Entry{}}
	for _, e := range v.Array {
		key := e.Key.KeyString()
		var caps []phpserial.Entry
		if c, ok := e.Value.Lookup("capabilities"); ok && c.Kind == phpserial.Array {
			caps = c.Array
		}
		if _, seen := r.caps[key]; !seen {
			r.order = append(r.order, key)
		}
		r.caps[key] = caps
	}
	return r, nil
}

// Names lists the role keys in stored order.
func (r Roles) Names() []string { return append([]string(nil), r.order...) }

func (r Roles) isRole(key string) bool {
	_, ok := r.caps[key]
	return ok
}

// Capabilities maps a capability to whether the user has it.
type Capabilities map[string]bool

// Has reports whether the capability is granted (PHP: !empty($allcaps[$cap])).
func (c Capabilities) Has(capability string) bool { return c[capability] }

// UserCapabilities computes what WP_User::get_role_caps() computes:
//
//	roles   = keys of the user's map that name a role (whatever their value)
//	allcaps = array_merge of those roles' capabilities, in the user's map order
//	allcaps = array_merge(allcaps, the user's own map)
//
// array_merge lets later string keys win and appends integer keys, which therefore
// never override anything. If userMeta is not a serialized array the user has no
// capabilities and the error says why (WordPress treats it the same way).
func UserCapabilities(roles Roles, userMeta string) (Capabilities, error) {
	caps := Capabilities{}
	if userMeta == "" {
		return caps, nil
	}
	v, err := phpserial.Unmarshal([]byte(userMeta))
	if err != nil {
		return caps, err
	}
	if v.Kind != phpserial.Array {
		return caps, errors.New("wpcaps: capabilities meta is not an array")
	}
	merge := func(entries []phpserial.Entry) {
		for _, e := range entries {
			if e.Key.Kind == phpserial.Int {
				continue // appended under a fresh index by array_merge: never a named capability
			}
			caps[e.Key.Str] = e.Value.Truthy()
		}
	}
	for _, e := range v.Array {
		if key := e.Key.KeyString(); roles.isRole(key) {
			merge(roles.caps[key])
		}
	}
	merge(v.Array)
	return caps, nil
}

// ParseSiteAdmins reads the multisite site_admins list of user logins.
func ParseSiteAdmins(serialized string) ([]string, error) {
	v, err := phpserial.Unmarshal([]byte(serialized))
	if err != nil {
		return nil, err
	}
	if v.Kind != phpserial.Array {
		return nil, errors.New("wpcaps: site_admins is not an array")
	}
	var logins []string
	for _, e := range v.Array {
		if e.Value.Kind == phpserial.String {
			logins = append(logins, e.Value.Str)
		}
	}
	return logins, nil
}

// IsSuperAdmin reports whether login is in the site_admins list (exact match, as PHP's
// in_array of strings).
func IsSuperAdmin(siteAdmins []string, login string) bool {
	for _, a := range siteAdmins {
		if a == login {
			return true
		}
	}
	return false
}
