// Package wppass checks passwords against the hashes WordPress keeps in {prefix}users.user_pass,
// and makes such hashes for demo sites and tests. A site accumulates every format WordPress
// has ever written, because WordPress only rehashes a password when its user next logs in:
// legacy hex MD5, phpass portable hashes ($P$, and phpBB's $H$), WordPress 6.8's "$wp" bcrypt
// over an HMAC-SHA384 pre-hash, and plain PHP password_hash() bcrypt. Check accepts all of
// them the way wp_check_password and wp_authenticate do together; the package does no I/O.
package wppass

import (
	"crypto/md5"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"strings"
)

// MaxPasswordLength is the longest password, in bytes after trimming, that WordPress will
// hash or check: its guard against passwords sent only to burn server time.
const MaxPasswordLength = 4096

// ErrPasswordTooLong is returned by the Hash functions for passwords over MaxPasswordLength,
// for which WordPress writes "*", and by HashBcrypt for passwords over bcrypt's 72 bytes,
// which PHP would silently cut short.
var ErrPasswordTooLong = errors.New("wppass: password too long")

// trimSet is what PHP's trim() removes by default. wp_authenticate trims the password with
// it before wp_check_password sees it, and wp_hash_password trims before hashing, so a
// password typed with a stray space or newline still works. Form feed is not in the set.
const trimSet = " \t\n\r\x00\x0B"

// Check reports whether password matches hash, a stored user_pass value, as a WordPress
// login does: the password is trimmed, passwords over MaxPasswordLength never match, and
// the format is told apart exactly as wp_check_password tells it apart, the length test
// first. Every comparison of secret-dependent bytes is constant-time; a malformed or
// unsupported hash simply does not match.
//
// Where this departs from WordPress it refuses: WordPress checks legacy MD5 hashes before
// applying the length limit; PHP's password_verify accepts formats WordPress never writes
// (argon2, crypt()'s $1$/$5$/$6$/DES, bcrypt's buggy $2x$); and PHP's bcrypt stops reading
// a password at a NUL byte, where Check refuses such a password for a plain bcrypt hash.
// The phpBB variant $H$ is accepted, as WordPress up to 6.7 did.
func Check(password, hash string) bool {
	password = strings.Trim(password, trimSet)
	if len(password) > MaxPasswordLength {
		return false
	}
	switch {
	case len(hash) <= 32:
		return checkMD5(password, hash)
	case strings.HasPrefix(hash, "$wp"):
		return checkWP68(password, hash[len("$wp"):])
	case strings.HasPrefix(hash, "$P$"), strings.HasPrefix(hash, "$H$"):
		return checkPortable(password, hash)
	default:
		return checkPasswordHash(password, hash)
	}
}

// checkMD5 follows WordPress's hash_equals($hash, md5($password)): md5() gives lowercase
// hex and hash_equals is byte-exact, so an uppercase hex hash never matches.
func checkMD5(password, hash string) bool {
	return subtle.ConstantTimeCompare([]byte(HashMD5(password)), []byte(hash)) == 1
}

// HashMD5 returns the lowercase hex MD5 of the trimmed password, the format WordPress
// before 2.5 stored and that admins still write by hand through phpMyAdmin. WordPress
// never refused long passwords here, so neither does this; Check still will.
func HashMD5(password string) string {
	sum := md5.Sum([]byte(strings.Trim(password, trimSet)))
	return hex.EncodeToString(sum[:])
}
