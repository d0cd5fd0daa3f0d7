package wppass_test

import (
	"strings"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/api/wppass"
)

// Hashes written by WordPress itself, from testdata/wordpress-6.1-site.sql.
const (
	adminHash   = "$P$BImbJC/sYHVYJfVdrOA9QhsJjt1cz1/"                              // admin-pass-123
	editorHash  = "$P$B1nAnkw6OBX4Mb73cNPpjOed6eMc/8."                              // editor-pass-123
	admin68Hash = "$wp$2y$10$Cc2ZcqCKKsIc6Xucq85xU.OPAPm5U7i9JS4kcrMtVrXantcdr0ThW" // six-eight-pass-123
)

func TestCheckWordPressHashes(t *testing.T) {
	tests := []struct {
		password, hash string
		want           bool
	}{
		{"admin-pass-123", adminHash, true},
		{" admin-pass-123\n", adminHash, true},
		{"\x00\x0Badmin-pass-123\t\r", adminHash, true},
		{"admin-pass-12", adminHash, false},
		{"admin-pass-1234", adminHash, false},
		{"Admin-pass-123", adminHash, false},
		{"admin pass-123", adminHash, false},
		{"", adminHash, false},
		{"editor-pass-123", editorHash, true},
		{"admin-pass-123", editorHash, false},
		{"six-eight-pass-123", admin68Hash, true},
		{"six-eight-pass-123 ", admin68Hash, true},
		{"six-eight-pass-12", admin68Hash, false},
		{"six-eight-pass-123", admin68Hash[3:], false}, // the bare bcrypt is of the pre-hash, not the password
		// Written by PHP 8.2: password_hash($p, PASSWORD_BCRYPT, ['cost' => 4]) and md5($p).
		{"php-bcrypt-pass", "$2y$04$DtJ1khk1uHUw2n1u6E1ap.xmyn5D6EdfNHZMP9oANY8HQKmZ9cUKu", true},
		{"php-bcrypt-pas", "$2y$04$DtJ1khk1uHUw2n1u6E1ap.xmyn5D6EdfNHZMP9oANY8HQKmZ9cUKu", false},
		{"php-md5-pass", "c9f0128007b4ddd9c3215865f30d36ed", true},
		{"php-md5-pass", "C9F0128007B4DDD9C3215865F30D36ED", false},
		{"admin-pass-123", "$P$BImbJC/sYHVYJfVdrOA9QhsJjt1cz1", false},
		{"admin-pass-123", "$P$!ImbJC/sYHVYJfVdrOA9QhsJjt1cz1/", false},
		{"admin-pass-123", "$P$", false},
		{"admin-pass-123", "", false},
	}
	for _, tt := range tests {
		if got := wppass.Check(tt.password, tt.hash); got != tt.want {
			t.Errorf("Check(%q, %q) = %v, want %v", tt.password, tt.hash, got, tt.want)
		}
	}
}

func TestRoundTrips(t *testing.T) {
	long := strings.Repeat("x", 100)
	p68a, err := wppass.HashWP68(long+"a", 4)
	if err != nil {
		t.Fatal(err)
	}
	if !wppass.Check(long+"a", p68a) || wppass.Check(long+"b", p68a) {
		t.Errorf("6.8 hashes must tell apart passwords that differ after byte 72")
	}
	portable, err := wppass.HashPortable("hello world")
	if err != nil {
		t.Fatal(err)
	}
	if len(portable) != 34 || !strings.HasPrefix(portable, "$P$B") || !wppass.Check("hello world", portable) || wppass.Check("hello", portable) {
		t.Errorf("portable: %s", portable)
	}
	again, _ := wppass.HashPortable("hello world")
	if again == portable {
		t.Errorf("two portable hashes share a salt")
	}
	bc, err := wppass.HashBcrypt("hello world", 4)
	if err != nil || !strings.HasPrefix(bc, "$2y$04$") || !wppass.Check("hello world", bc) || wppass.Check("hello", bc) {
		t.Errorf("bcrypt: %s %v", bc, err)
	}
	md := wppass.HashMD5("hello world")
	if md != "5eb63bbbe01eeed093cb22bb8f5acdc3" || !wppass.Check("hello world", md) || wppass.Check("hello", md) {
		t.Errorf("md5: %s", md)
	}
	huge := strings.Repeat("p", wppass.MaxPasswordLength+1)
	if wppass.Check(huge, wppass.HashMD5(huge)) {
		t.Errorf("a password over 4096 bytes matched")
	}
	ok := strings.Repeat("p", wppass.MaxPasswordLength)
	if !wppass.Check(ok, wppass.HashMD5(ok)) {
		t.Errorf("a 4096-byte password did not match")
	}
}

func FuzzCheck(f *testing.F) {
	for _, h := range []string{adminHash, editorHash, admin68Hash, "5eb63bbbe01eeed093cb22bb8f5acdc3", "$H$9abcdefgh", "$2y$04$" + strings.Repeat(".", 53), "$wp"} {
		f.Add("admin-pass-123", h)
	}
	f.Fuzz(func(t *testing.T, password, hash string) {
		if strings.HasPrefix(hash, "$P$") || strings.HasPrefix(hash, "$H$") {
			// Cap the work a fuzzed count character may ask for.
			if len(hash) > 3 && strings.IndexByte("./0123456789ABCD", hash[3]) < 0 {
				return
			}
		}
		wppass.Check(password, hash) // must not panic
	})
}

func TestApplicationPasswords(t *testing.T) {
	// Written by PHP 8.2's sodium exactly as WordPress 6.8's wp_fast_hash() writes it:
	// '$generic$' . sodium_bin2base64(sodium_crypto_generichash($p, 'wp_fast_hash_6.8+', 30), URLSAFE_NO_PADDING)
	const phpHash = "$generic$k3_hPLQD1L552VGPPlnSsQJhufKMWtuFppLAlSr5"
	tests := []struct {
		password string
		want     bool
	}{
		{"AbCdEfGhIjKlMnOpQrStUvWx", true},
		{"AbCd EfGh IjKl MnOp QrSt UvWx", true}, // as WordPress displays it
		{"AbCd-EfGh-IjKl-MnOp-QrSt-UvWx", true},
		{"abcdefghijklmnopqrstuvwx", false}, // case matters
		{"AbCdEfGhIjKlMnOpQrStUvW", false},
		{"", false},
		{"    ", false},
	}
	for _, tt := range tests {
		if got := wppass.CheckApplicationPassword(tt.password, phpHash); got != tt.want {
			t.Errorf("CheckApplicationPassword(%q) = %v, want %v", tt.password, got, tt.want)
		}
	}
	if got := wppass.HashApplicationPassword("AbCd EfGh IjKl MnOp QrSt UvWx"); got != phpHash {
		t.Errorf("HashApplicationPassword = %s, want PHP's %s", got, phpHash)
	}
	// Before 6.8 application passwords were stored with wp_hash_password (phpass).
	old, _ := wppass.HashPortable("AbCdEfGhIjKlMnOpQrStUvWx")
	if !wppass.CheckApplicationPassword("AbCd EfGh IjKl MnOp QrSt UvWx", old) || wppass.CheckApplicationPassword("AbCd", old) {
		t.Errorf("phpass-era application password")
	}
}
