package wpcaps

import "slices"

// Names lists the role keys ("administrator", not "Administrator") in stored order, for
// the tests to check what ParseRoles kept.
func (r Roles) Names() []string { return slices.Clone(r.names) }
