package wppass

import (
	"crypto/subtle"
	"encoding/base64"
	"strings"

	"golang.org/x/crypto/blake2b"
)

// fastHashKey is the BLAKE2b key of WordPress 6.8's wp_fast_hash().
const fastHashKey = "wp_fast_hash_6.8+"

// normalizeAppPassword drops everything but ASCII letters and digits, as WordPress does
// with what a user pasted ("abcd efgh ijkl …" and "abcd-efgh-…" are the same password).
func normalizeAppPassword(password string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, password)
}

// fastHash is wp_fast_hash(): "$generic$" + base64url (no padding) of a 30-byte keyed
// BLAKE2b of the message.
func fastHash(message string) string {
	h, err := blake2b.New(30, []byte(fastHashKey))
	if err != nil {
		panic(err) // only for an invalid size or key, both constants here
	}
	h.Write([]byte(message))
	return "$generic$" + base64.RawURLEncoding.EncodeToString(h.Sum(nil))
}

// CheckApplicationPassword reports whether an application password matches one stored
// hash of the _application_passwords user meta: WordPress 6.8+'s "$generic$" BLAKE2b
// form, or the older password hashes (phpass) it wrote before.
func CheckApplicationPassword(password, hash string) bool {
	password = normalizeAppPassword(password)
	if password == "" {
		return false
	}
	if strings.HasPrefix(hash, "$generic$") {
		return subtle.ConstantTimeCompare([]byte(fastHash(password)), []byte(hash)) == 1
	}
	return Check(password, hash)
}

// HashApplicationPassword stores an application password as WordPress 6.8+ does.
func HashApplicationPassword(password string) string {
	return fastHash(normalizeAppPassword(password))
}
