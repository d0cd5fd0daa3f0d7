// Package wppass checks and makes the password hashes WordPress stores in
// {prefix}users.user_pass, in every format a site accumulates over the years: legacy MD5,
// phpass portable ($P$, $H$), WordPress 6.8's $wp$ bcrypt over HMAC-SHA384, and plain
// PHP password_hash() bcrypt. Checking follows wp_check_password: the password is trimmed
// first, over-long passwords never match, and every comparison is constant-time.
package wppass

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"strings"

	"golang.org/x/crypto/bcrypt"
)

// MaxPasswordLength is the longest password WordPress will check (bytes).
const MaxPasswordLength = 4096

// trim is PHP's trim() default set, which WordPress applies before hashing and checking.
const trim = " \t\n\r\x00\x0B"

// Check reports whether password matches the stored hash, as wp_check_password does.
func Check(password, hash string) bool {
	password = strings.Trim(password, trim)
	if len(password) > MaxPasswordLength {
		return false
	}
	switch {
	case len(hash) <= 32:
		// Legacy: hex MD5. WordPress compares with hash_equals against md5()'s lowercase hex.
		sum := md5.Sum([]byte(password))
		return subtle.ConstantTimeCompare([]byte(hex.EncodeToString(sum[:])), []byte(hash)) == 1
	case strings.HasPrefix(hash, "$wp"):
		return checkBcrypt(preHash(password), hash[len("$wp"):])
	case strings.HasPrefix(hash, "$P$"), strings.HasPrefix(hash, "$H$"):
		computed, ok := portable(password, hash)
		return ok && subtle.ConstantTimeCompare([]byte(computed), []byte(hash)) == 1
	}
	// password_verify(): bcrypt is what PHP writes by default, and like PHP it reads only
	// the first 72 bytes. Argon2 would need PHP's libargon2 build and is refused here
	// rather than guessed at.
	p := []byte(password)
	if len(p) > 72 {
		p = p[:72]
	}
	return checkBcrypt(p, hash)
}

// preHash is WordPress 6.8's pre-hash: base64(HMAC-SHA384(key "wp-sha384", password)),
// which keeps bcrypt's 72-byte limit from truncating long passwords.
func preHash(password string) []byte {
	mac := hmac.New(sha512.New384, []byte("wp-sha384"))
	mac.Write([]byte(password))
	return []byte(base64.StdEncoding.EncodeToString(mac.Sum(nil)))
}

// checkBcrypt accepts PHP's $2y$ as well as $2a$/$2b$: $2y$ is PHP's name for the same,
// corrected algorithm that Go's bcrypt implements as $2a$/$2b$.
func checkBcrypt(password []byte, hash string) bool {
	if !strings.HasPrefix(hash, "$2") || len(hash) != 60 {
		return false
	}
	if strings.HasPrefix(hash, "$2y$") {
		hash = "$2b$" + hash[4:]
	}
	return bcrypt.CompareHashAndPassword([]byte(hash), password) == nil
}

const itoa64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// portable computes phpass's portable hash of password with the settings (count and
// salt) of setting; ok is false if setting is malformed.
func portable(password, setting string) (string, bool) {
	if len(setting) < 12 || (setting[:3] != "$P$" && setting[:3] != "$H$") {
		return "", false
	}
	countLog2 := strings.IndexByte(itoa64, setting[3])
	if countLog2 < 7 || countLog2 > 30 {
		return "", false
	}
	salt := setting[4:12]
	sum := md5.Sum([]byte(salt + password))
	h := sum[:]
	buf := make([]byte, 0, 16+len(password))
	for i := 1 << countLog2; i > 0; i-- {
		buf = append(append(buf[:0], h...), password...)
		s := md5.Sum(buf)
		h = s[:]
	}
	return setting[:12] + encode64(h), true
}

// encode64 is phpass's base64: 6 bits at a time, little-endian, in itoa64.
func encode64(in []byte) string {
	var out strings.Builder
	for i := 0; i < len(in); {
		v := uint(in[i])
		i++
		out.WriteByte(itoa64[v&0x3f])
		if i < len(in) {
			v |= uint(in[i]) << 8
		}
		out.WriteByte(itoa64[(v>>6)&0x3f])
		if i >= len(in) {
			break
		}
		i++
		if i < len(in) {
			v |= uint(in[i]) << 16
		}
		out.WriteByte(itoa64[(v>>12)&0x3f])
		if i >= len(in) {
			break
		}
		i++
		out.WriteByte(itoa64[(v>>18)&0x3f])
	}
	return out.String()
}

// HashPortable makes a phpass portable hash as WordPress up to 6.7 writes it ($P$B…,
// 8192 rounds) with a random salt.
func HashPortable(password string) (string, error) {
	raw := make([]byte, 6)
	if _, err := rand.Read(raw); err != nil {
		return "", err
	}
	h, _ := portable(strings.Trim(password, trim), "$P$B"+encode64(raw))
	return h, nil
}

// HashWP68 makes a hash as WordPress 6.8+ writes it: "$wp" + bcrypt of the pre-hash.
func HashWP68(password string, cost int) (string, error) {
	h, err := bcrypt.GenerateFromPassword(preHash(strings.Trim(password, trim)), cost)
	if err != nil {
		return "", err
	}
	return "$wp$2y$" + string(h[4:]), nil
}

// HashBcrypt makes a plain password_hash(PASSWORD_BCRYPT) value, "$2y$…".
func HashBcrypt(password string, cost int) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(strings.Trim(password, trim)), cost)
	if err != nil {
		return "", err
	}
	return "$2y$" + string(h[4:]), nil
}

// HashMD5 makes the legacy hash of WordPress before 2.5.
func HashMD5(password string) string {
	sum := md5.Sum([]byte(strings.Trim(password, trim)))
	return hex.EncodeToString(sum[:])
}
