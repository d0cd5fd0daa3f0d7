package wppass

import (
	"crypto/hmac"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/bcrypt"
)

// bcryptAlphabet is bcrypt's base64 alphabet, which differs from phpass's in order.
const bcryptAlphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// bcryptMaxKey is how much of a password bcrypt reads; the rest is silently ignored, which
// is why WordPress 6.8 pre-hashes.
const bcryptMaxKey = 72

// WP68Cost is the bcrypt cost WordPress 6.8 gets from PHP's default up to PHP 8.3 (PHP 8.4
// raised the default to 12, so sites on it write $wp$2y$12$).
const WP68Cost = 10

// bcryptCost validates a "$2?$NN$<22 salt><31 sum>" hash and returns its cost. The check
// is as strict as PHP's crypt_blowfish, so that a hash PHP would refuse is refused here too:
// Go's bcrypt accepts any minor version letter and keeps a salt's unused low bits as they
// are, whereas crypt_blowfish rewrites them and so never reproduces a hash that has them set.
func bcryptCost(hash string) (int, bool) {
	// $2a$ is the original, $2b$ OpenBSD's 2014 fix of a length wrap-around this code never
	// had, $2y$ PHP's name for the corrected crypt_blowfish: for every password they all
	// compute the same thing as Go's bcrypt. $2x$ marks hashes made by the pre-2011
	// crypt_blowfish that mangled bytes >= 0x80; PHP still accepts it, but neither PHP nor
	// WordPress writes it, and Go cannot reproduce the bug, so it is refused.
	if len(hash) != 60 || hash[:2] != "$2" || strings.IndexByte("aby", hash[2]) < 0 || hash[3] != '$' || hash[6] != '$' {
		return 0, false
	}
	if hash[4] < '0' || hash[4] > '9' || hash[5] < '0' || hash[5] > '9' {
		return 0, false
	}
	cost := int(hash[4]-'0')*10 + int(hash[5]-'0')
	if cost < bcrypt.MinCost || cost > bcrypt.MaxCost {
		return 0, false
	}
	// 22 characters carry the 16-byte salt plus 4 unused bits and 31 carry the 23-byte sum
	// plus 2; canonical encodings leave them zero.
	salt, sum := hash[7:29], hash[29:]
	if !inBcryptAlphabet(salt) || !inBcryptAlphabet(sum) ||
		strings.IndexByte(bcryptAlphabet, salt[21])%16 != 0 || strings.IndexByte(bcryptAlphabet, sum[30])%4 != 0 {
		return 0, false
	}
	return cost, true
}

func inBcryptAlphabet(s string) bool {
	for i := range len(s) {
		if strings.IndexByte(bcryptAlphabet, s[i]) < 0 {
			return false
		}
	}
	return true
}

// checkBcrypt reports whether key matches a PHP bcrypt hash. x/crypto/bcrypt compares in
// constant time.
func checkBcrypt(key []byte, hash string) bool {
	if _, ok := bcryptCost(hash); !ok {
		return false
	}
	// Go writes and expects $2a$/$2b$; its parser happens to take any letter, but the
	// version is rewritten rather than relying on that, since bcryptCost has already
	// established the variants are the same algorithm.
	return bcrypt.CompareHashAndPassword([]byte("$2b$"+hash[4:]), key) == nil
}

// preHash is WordPress 6.8's pre-hash, base64(HMAC-SHA384(key "wp-sha384", password)): 64
// ASCII bytes, under bcrypt's 72, so no part of a long password is lost, and free of NUL
// bytes, which PHP's bcrypt would stop at.
func preHash(password string) []byte {
	mac := hmac.New(sha512.New384, []byte("wp-sha384"))
	mac.Write([]byte(password))
	return []byte(base64.StdEncoding.EncodeToString(mac.Sum(nil)))
}

// checkWP68 checks a "$wp" hash with the prefix already stripped.
func checkWP68(password, hash string) bool {
	return checkBcrypt(preHash(password), hash)
}

// checkPasswordHash stands in for PHP's password_verify, which WordPress 6.8 uses for any
// hash without a prefix of its own. Only bcrypt, password_hash's default, is supported:
// argon2 hashes (password_hash with PASSWORD_ARGON2I/ID, which needs a PHP built with
// libargon2, and a wp_hash_password_algorithm filter) never match here.
func checkPasswordHash(password, hash string) bool {
	// PHP's crypt reads the password as a C string, so it would compare only the part before
	// a NUL byte: "abc\x00anything" matches a hash of "abc". Nobody types a NUL, and
	// refusing is safer than reproducing that.
	if strings.IndexByte(password, 0) >= 0 {
		return false
	}
	// Like PHP, only the first 72 bytes count: a user whose password_hash() value was made
	// from a longer password logs in with it (and with anything sharing its first 72 bytes).
	key := []byte(password)
	if len(key) > bcryptMaxKey {
		key = key[:bcryptMaxKey]
	}
	return checkBcrypt(key, hash)
}

func validCost(cost int) error {
	if cost < bcrypt.MinCost || cost > bcrypt.MaxCost {
		// x/crypto/bcrypt would silently use its default for a cost below the minimum.
		return fmt.Errorf("wppass: bcrypt cost %d outside %d..%d", cost, bcrypt.MinCost, bcrypt.MaxCost)
	}
	return nil
}

// HashWP68 returns a hash of the trimmed password as WordPress 6.8 and later write it,
// "$wp$2y$" + cost + salt + sum, with the given bcrypt cost (WordPress: WP68Cost; tests: 4).
func HashWP68(password string, cost int) (string, error) {
	password = strings.Trim(password, trimSet)
	if len(password) > MaxPasswordLength {
		return "", ErrPasswordTooLong
	}
	h, err := hashBcrypt(preHash(password), cost)
	if err != nil {
		return "", err
	}
	return "$wp" + h, nil
}

// HashBcrypt returns a PHP password_hash(PASSWORD_BCRYPT) value of the trimmed password,
// "$2y$…", as a site using a bcrypt plugin or imported users may hold. Passwords over 72
// bytes are refused rather than silently cut short as PHP does, and so are passwords with
// a NUL byte, which PHP's bcrypt would stop at.
func HashBcrypt(password string, cost int) (string, error) {
	password = strings.Trim(password, trimSet)
	if len(password) > bcryptMaxKey {
		return "", ErrPasswordTooLong
	}
	if strings.IndexByte(password, 0) >= 0 {
		return "", errors.New("wppass: bcrypt cannot hash a password containing a NUL byte")
	}
	return hashBcrypt([]byte(password), cost)
}

// hashBcrypt writes the version as PHP does, $2y$; x/crypto writes $2a$ for the same thing.
func hashBcrypt(key []byte, cost int) (string, error) {
	if err := validCost(cost); err != nil {
		return "", err
	}
	h, err := bcrypt.GenerateFromPassword(key, cost)
	if err != nil {
		return "", err
	}
	return "$2y$" + string(h[len("$2a$"):]), nil
}
