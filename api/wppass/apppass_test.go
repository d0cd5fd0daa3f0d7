package wppass_test

import (
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/api/wppass"
)

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
	if got, want := wppass.HashApplicationPassword("AbCd EfGh IjKl MnOp QrSt UvWx"), phpHash; got != want {
		t.Errorf("HashApplicationPassword: got %s, want PHP's %s", got, want)
	}
	// Before 6.8 application passwords were stored with wp_hash_password (phpass).
	old := must(t)(wppass.HashPortable("AbCdEfGhIjKlMnOpQrStUvWx"))
	if got, want := wppass.CheckApplicationPassword("AbCd EfGh IjKl MnOp QrSt UvWx", old), true; got != want {
		t.Errorf("CheckApplicationPassword(phpass-era, right): got %v, want %v", got, want)
	}
	if got, want := wppass.CheckApplicationPassword("AbCd", old), false; got != want {
		t.Errorf("CheckApplicationPassword(phpass-era, wrong): got %v, want %v", got, want)
	}
}
