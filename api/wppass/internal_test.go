package wppass

import (
	"regexp"
	"strings"
	"testing"
)

// encode64Reference is phpass's encoding restated as a bit stream: the bytes' bits taken
// least significant first, six at a time, the last group padded with zero bits.
func encode64Reference(src []byte) string {
	var out strings.Builder
	bits := 8 * len(src)
	for start := 0; start < bits; start += 6 {
		v := 0
		for i := range 6 {
			if bit := start + i; bit < bits && src[bit/8]>>(bit%8)&1 == 1 {
				v |= 1 << i
			}
		}
		out.WriteByte(itoa64[v])
	}
	return out.String()
}

func FuzzEncode64(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0x01, 0x23, 0x45, 0x67, 0x89, 0xab})
	f.Add([]byte("sixteen bytes!!!"))
	f.Fuzz(func(t *testing.T, src []byte) {
		if got, want := string(encode64(nil, src)), encode64Reference(src); got != want {
			t.Errorf("encode64(% x): got %q, want %q", src, got, want)
		}
	})
}

func FuzzParsePortable(f *testing.F) {
	for _, h := range []string{
		"$P$BImbJC/sYHVYJfVdrOA9QhsJjt1cz1/", "$H$9ABCDEFGHWb/hElxyiAZn7PZqSwZvI0", "$P$B!@#%^&*(f3l9vdYAawYwNQ.IHw5JC1",
		"$P$4ImbJC/sYHVYJfVdrOA9QhsJjt1cz1/", "$P$SImbJC/sYHVYJfVdrOA9QhsJjt1cz1/", "$P$TImbJC/sYHVYJfVdrOA9QhsJjt1cz1/",
		"$P$BImbJC/sYHVYJfVdrOA9QhsJjt1cz1", "$P$", "",
	} {
		f.Add(h, "admin-pass-123")
	}
	f.Fuzz(func(t *testing.T, hash, password string) {
		p, ok := parsePortable(hash)
		count := -1
		if len(hash) > 3 {
			count = strings.IndexByte(itoa64, hash[3])
		}
		wantOK := len(hash) == 34 && (strings.HasPrefix(hash, "$P$") || strings.HasPrefix(hash, "$H$")) && count >= 7 && count <= 30
		if ok != wantOK {
			t.Fatalf("parsePortable(%q): ok %v, want %v", hash, ok, wantOK)
		}
		if !ok {
			return
		}
		if p.setting+p.sum != hash || p.salt != hash[4:12] || p.countLog2 != count {
			t.Errorf("parsePortable(%q) = %+v", hash, p)
		}
		if p.countLog2 <= 12 { // keep the MD5 chain affordable
			sum := string(portableSum(password, p.salt, p.countLog2))
			if len(sum) != 22 || strings.Trim(sum, itoa64) != "" {
				t.Errorf("portableSum(%q, %q, %d) = %q", password, p.salt, p.countLog2, sum)
			}
			if got, want := checkPortable(password, hash), sum == p.sum; got != want {
				t.Errorf("checkPortable(%q, %q) = %v, want %v", password, hash, got, want)
			}
		}
	})
}

// bcryptShape is what crypt_blowfish accepts, written out independently of bcryptCost: the
// last salt character may only be one with its 4 unused bits clear, the last sum character
// one with its 2 unused bits clear.
var bcryptShape = regexp.MustCompile(`^\$2[aby]\$(0[4-9]|[12][0-9]|3[01])\$[./A-Za-z0-9]{21}[.Oeu][./A-Za-z0-9]{30}[.CGKOSWaeimquy26]$`)

func FuzzBcryptCost(f *testing.F) {
	for _, h := range []string{
		"$2y$04$P10DuQWz1eE54Ix0iSzBj.y.lST53fxIsyPOyVS01IZC6SxsPR5u2", "$2a$31$abcdefghijklmnopqrstuuT9BTd3wbYaVKAPPzaosD5YGkIGkmg/G",
		"$2x$04$P10DuQWz1eE54Ix0iSzBj.y.lST53fxIsyPOyVS01IZC6SxsPR5u2", "$2y$04$P10DuQWz1eE54Ix0iSzBj/y.lST53fxIsyPOyVS01IZC6SxsPR5u3",
		"$2y$+4$P10DuQWz1eE54Ix0iSzBj.y.lST53fxIsyPOyVS01IZC6SxsPR5u2", "",
	} {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, hash string) {
		cost, ok := bcryptCost(hash)
		if want := bcryptShape.MatchString(hash); ok != want {
			t.Fatalf("bcryptCost(%q): ok %v, want %v", hash, ok, want)
		}
		if ok && (cost < 4 || cost > 31 || hash[4:6] != string(rune('0'+cost/10))+string(rune('0'+cost%10))) {
			t.Errorf("bcryptCost(%q) = %d", hash, cost)
		}
	})
}
