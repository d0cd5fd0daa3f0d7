package wppass

import (
	"fmt"
	"strings"
)

// Dummy hashes are built rather than computed: an all-zero sum under an all-zero salt has
// the right shape and work factor, and a password matching it would need a preimage of a
// run of zero bytes.
const (
	dummyMD5     = "00000000000000000000000000000000"
	dummySaltSum = "......................" + "..............................." // bcrypt: 22 + 31
	dummyPhpass  = "........" + "......................"                        // phpass: 8 + 22
)

// DummyHash returns a hash that takes Check as long as like does, for the same password,
// but that no password matches: the same format with the same bcrypt cost or phpass
// iteration count. Checking the password of a login for an unknown user against
// DummyHash of a real user's hash keeps the response time from telling that the user does
// not exist. Malformed and unsupported hashes, which Check refuses at once, get an MD5
// dummy, which costs about as little.
func DummyHash(like string) string {
	switch {
	case len(like) <= 32:
		return dummyMD5
	case strings.HasPrefix(like, "$wp"):
		if cost, ok := bcryptCost(like[len("$wp"):]); ok {
			return "$wp" + dummyBcrypt(cost)
		}
	case strings.HasPrefix(like, "$P$"), strings.HasPrefix(like, "$H$"):
		if p, ok := parsePortable(like); ok {
			return p.setting[:4] + dummyPhpass
		}
	default:
		if cost, ok := bcryptCost(like); ok {
			return dummyBcrypt(cost)
		}
	}
	return dummyMD5
}

func dummyBcrypt(cost int) string {
	return fmt.Sprintf("$2y$%02d$%s", cost, dummySaltSum)
}
