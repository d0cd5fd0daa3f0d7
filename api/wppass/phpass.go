package wppass

import (
	"crypto/md5"
	"crypto/rand"
	"crypto/subtle"
	"fmt"
	"strings"
)

// itoa64 is phpass's alphabet. It is not bcrypt's: the digits come before the letters.
const itoa64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// PortableCountLog2 is the iteration count WordPress up to 6.7 writes, as log2: it creates
// phpass with PasswordHash(8, true), and phpass adds 5 on PHP 5 and later, so 2^13 = 8192
// rounds, shown as the "B" in "$P$B".
const PortableCountLog2 = 13

// Bounds phpass puts on the count character; outside them it refuses the hash.
const (
	minPortableCountLog2 = 7
	maxPortableCountLog2 = 30
)

// portableHashLen is "$P$", the count character, 8 salt characters and the 22-character
// encoding of a 16-byte MD5.
const portableHashLen = 3 + 1 + 8 + 22

// portableHash is a phpass portable hash taken apart.
type portableHash struct {
	setting   string // prefix, count character and salt: what the sum is recomputed under
	countLog2 int
	salt      string // as stored: phpass hashes the characters themselves, never decodes them
	sum       string // the encoded MD5 chain
}

// parsePortable takes a phpass portable hash apart. phpass recomputes the whole 34-byte
// string and compares it with the stored one, so anything of another length can never
// match and is refused here; the salt may hold any bytes, since phpass never decodes it.
func parsePortable(hash string) (portableHash, bool) {
	if len(hash) != portableHashLen || (hash[:3] != "$P$" && hash[:3] != "$H$") {
		return portableHash{}, false
	}
	countLog2 := strings.IndexByte(itoa64, hash[3])
	if countLog2 < minPortableCountLog2 || countLog2 > maxPortableCountLog2 {
		return portableHash{}, false
	}
	return portableHash{setting: hash[:12], countLog2: countLog2, salt: hash[4:12], sum: hash[12:]}, true
}

// checkPortable compares the sums only: the setting is the same on both sides by construction.
func checkPortable(password, hash string) bool {
	p, ok := parsePortable(hash)
	if !ok {
		return false
	}
	return subtle.ConstantTimeCompare(portableSum(password, p.salt, p.countLog2), []byte(p.sum)) == 1
}

// portableSum is phpass's crypt_private without the setting: MD5(salt ‖ password), then
// 2^countLog2 rounds of MD5(previous ‖ password), encoded with encode64.
func portableSum(password, salt string, countLog2 int) []byte {
	h := md5.Sum([]byte(salt + password))
	buf := make([]byte, md5.Size+len(password))
	copy(buf[md5.Size:], password)
	for range 1 << countLog2 {
		copy(buf, h[:])
		h = md5.Sum(buf)
	}
	return encode64(make([]byte, 0, 22), h[:])
}

// encode64 appends phpass's base64 of src to dst. Unlike RFC 4648 it packs each group of
// three bytes little-endian and emits the lowest six bits first, and a short final group
// of n bytes yields n+1 characters with no padding: 6 bytes become 8 characters, 16 become 22.
func encode64(dst, src []byte) []byte {
	for len(src) > 0 {
		n := min(len(src), 3)
		var v uint32
		for i := range n {
			v |= uint32(src[i]) << (8 * i)
		}
		for i := range n + 1 {
			dst = append(dst, itoa64[v>>(6*i)&0x3f])
		}
		src = src[n:]
	}
	return dst
}

// HashPortable returns a phpass portable hash of the trimmed password as WordPress up to
// 6.7 writes it: "$P$B", a random salt, 8192 rounds. It fails only for passwords over
// MaxPasswordLength.
func HashPortable(password string) (string, error) {
	var salt [6]byte
	rand.Read(salt[:]) // never fails: crypto/rand crashes the program instead
	return HashPortableWithSalt(password, salt, PortableCountLog2)
}

// HashPortableWithSalt is HashPortable with the 6 random bytes phpass would draw for the
// salt, and the iteration count (as log2, 7 to 30), given, so that the result is
// reproducible; WordPress's own choice of count is PortableCountLog2. Use HashPortable
// for anything stored: a fixed salt makes equal passwords share a hash.
func HashPortableWithSalt(password string, salt [6]byte, countLog2 int) (string, error) {
	password = strings.Trim(password, trimSet)
	if len(password) > MaxPasswordLength {
		return "", ErrPasswordTooLong
	}
	if countLog2 < minPortableCountLog2 || countLog2 > maxPortableCountLog2 {
		return "", fmt.Errorf("wppass: phpass iteration count 2^%d outside 2^%d..2^%d",
			countLog2, minPortableCountLog2, maxPortableCountLog2)
	}
	setting := append([]byte{'$', 'P', '$', itoa64[countLog2]}, encode64(nil, salt[:])...)
	return string(setting) + string(portableSum(password, string(setting[4:]), countLog2)), nil
}
