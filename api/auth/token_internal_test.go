package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"testing"
	"time"
)

// handSigned signs header and payload exactly as written, so a test can send JSON that
// no encoder would produce: duplicated keys, other cases, strings for numbers.
func handSigned(secret []byte, header, payload string) string {
	enc := base64.RawURLEncoding
	input := enc.EncodeToString([]byte(header)) + "." + enc.EncodeToString([]byte(payload))
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(input))
	return input + "." + enc.EncodeToString(mac.Sum(nil))
}

// Tokens are decoded strictly: what Go's JSON decoder forgives (other cases, numbers as
// strings, duplicated keys, trailing data) and what the JOSE rules forbid ignoring (crit)
// are refused, while the JWT Authentication plugin's own tokens keep working.
func TestVerifyTokenStrictly(t *testing.T) {
	secret := []byte("strict-secret-0123456789")
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	const iss = "http://x.test"
	n := strconv.FormatInt(now.Unix(), 10)
	later := strconv.FormatInt(now.Unix()+3600, 10)
	past := strconv.FormatInt(now.Unix()-3600, 10)
	const hs256 = `{"typ":"JWT","alg":"HS256"}`
	claims := func(extra string) string {
		return `{"iss":"` + iss + `","iat":` + n + `,"nbf":` + n + `,"exp":` + later + `,"data":{"user":{"id":"1"}}` + extra + `}`
	}

	tests := []struct {
		name, header, payload string
		code                  string // "" when the token must be accepted
	}{
		{"OKPlugin", hs256, claims(""), ""},
		{"OKNumericID", hs256, `{"iss":"` + iss + `","exp":` + later + `,"data":{"user":{"id":1}}}`, ""},
		{"OKHeaderAlgFirst", `{"alg":"HS256","typ":"JWT"}`, claims(""), ""},
		{"OKNoTyp", `{"alg":"HS256"}`, claims(""), ""},
		{"OKFractionalExp", hs256, `{"iss":"` + iss + `","exp":` + later + `.5,"data":{"user":{"id":"1"}}}`, ""},
		{"OKOtherClaims", hs256, claims(`,"jti":"x","sub":"1","data2":{"a":1}`), ""},
		{"OKSpaces", " { \"alg\" : \"HS256\" } ", " " + claims("") + "\n", ""},
		{"OKFingerprint", hs256, claims(`,"kchat_pwf":"abc"`), ""},
		{"OKAppPassword", hs256, claims(`,"kchat_app":"0f9a7c1e-5b2d-4f6a-8c0e-00000000000a"`), ""},

		{"ErrExpCapitalized", hs256, `{"iss":"` + iss + `","Exp":` + later + `,"data":{"user":{"id":"1"}}}`, "jwt_auth_invalid_token"},
		{"ErrExpUppercaseOverridesPast", hs256, `{"iss":"` + iss + `","exp":` + past + `,"EXP":` + later + `,"data":{"user":{"id":"1"}}}`, "jwt_auth_invalid_token"},
		{"ErrExpString", hs256, `{"iss":"` + iss + `","exp":"` + later + `","data":{"user":{"id":"1"}}}`, "jwt_auth_invalid_token"},
		{"ErrExpNull", hs256, `{"iss":"` + iss + `","exp":null,"data":{"user":{"id":"1"}}}`, "jwt_auth_invalid_token"},
		{"ErrExpHuge", hs256, `{"iss":"` + iss + `","exp":1e300,"data":{"user":{"id":"1"}}}`, "jwt_auth_invalid_token"},
		{"ErrIatString", hs256, `{"iss":"` + iss + `","iat":"` + n + `","exp":` + later + `,"data":{"user":{"id":"1"}}}`, "jwt_auth_invalid_token"},
		{"ErrNbfString", hs256, `{"iss":"` + iss + `","nbf":"` + n + `","exp":` + later + `,"data":{"user":{"id":"1"}}}`, "jwt_auth_invalid_token"},
		{"ErrExpDuplicated", hs256, `{"iss":"` + iss + `","exp":` + past + `,"exp":` + later + `,"data":{"user":{"id":"1"}}}`, "jwt_auth_invalid_token"},
		{"ErrExpDuplicatedEscaped", hs256, `{"iss":"` + iss + `","exp":` + past + `,"\u0065xp":` + later + `,"data":{"user":{"id":"1"}}}`, "jwt_auth_invalid_token"},
		{"ErrIssDuplicated", hs256, `{"iss":"http://evil.test","iss":"` + iss + `","exp":` + later + `,"data":{"user":{"id":"1"}}}`, "jwt_auth_invalid_token"},
		{"ErrDataDuplicated", hs256, claims(`,"data":{"user":{"id":"3"}}`), "jwt_auth_invalid_token"},
		{"ErrUserIDDuplicated", hs256, `{"iss":"` + iss + `","exp":` + later + `,"data":{"user":{"id":"1","id":"3"}}}`, "jwt_auth_invalid_token"},
		{"ErrUserDuplicated", hs256, `{"iss":"` + iss + `","exp":` + later + `,"data":{"user":{"id":"1"},"user":{"id":"3"}}}`, "jwt_auth_invalid_token"},
		{"ErrDataCapitalized", hs256, `{"iss":"` + iss + `","exp":` + later + `,"Data":{"User":{"ID":"1"}}}`, "jwt_auth_bad_request"},
		{"ErrIssCapitalized", hs256, `{"ISS":"` + iss + `","exp":` + later + `,"data":{"user":{"id":"1"}}}`, "jwt_auth_bad_iss"},
		{"ErrIssNotString", hs256, `{"iss":["` + iss + `"],"exp":` + later + `,"data":{"user":{"id":"1"}}}`, "jwt_auth_invalid_token"},
		{"ErrTrailingObject", hs256, claims("") + `{"exp":` + past + `}`, "jwt_auth_invalid_token"},
		{"ErrPayloadNull", hs256, `null`, "jwt_auth_invalid_token"},
		{"ErrPayloadArray", hs256, `[` + claims("") + `]`, "jwt_auth_invalid_token"},
		{"ErrCrit", `{"typ":"JWT","alg":"HS256","crit":["exp"]}`, claims(""), "jwt_auth_invalid_token"},
		{"ErrCritEmpty", `{"alg":"HS256","crit":[]}`, claims(""), "jwt_auth_invalid_token"},
		{"ErrAlgDuplicated", `{"alg":"none","alg":"HS256"}`, claims(""), "jwt_auth_invalid_token"},
		{"ErrAlgCapitalized", `{"ALG":"HS256"}`, claims(""), "jwt_auth_invalid_token"},
		{"ErrHeaderTrailing", hs256 + `{}`, claims(""), "jwt_auth_invalid_token"},
		{"ErrFingerprintEmpty", hs256, claims(`,"kchat_pwf":""`), "jwt_auth_invalid_token"},
		{"ErrFingerprintNull", hs256, claims(`,"kchat_pwf":null`), "jwt_auth_invalid_token"},
		{"ErrFingerprintNumber", hs256, claims(`,"kchat_pwf":1`), "jwt_auth_invalid_token"},
		{"ErrFingerprintDuplicated", hs256, claims(`,"kchat_pwf":"abc","kchat_pwf":"def"`), "jwt_auth_invalid_token"},
		{"ErrAppPasswordEmpty", hs256, claims(`,"kchat_app":""`), "jwt_auth_invalid_token"},
		{"ErrAppPasswordNumber", hs256, claims(`,"kchat_app":1`), "jwt_auth_invalid_token"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok := handSigned(secret, tt.header, tt.payload)
			c, err := verifyToken(secret, tok, iss, now)
			if tt.code == "" {
				if err != nil || c.userID == 0 {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted as user %d", c.userID)
			}
			if err.Code != tt.code || err.Kind != Unauthenticated {
				t.Errorf("got %d %s (%s), want Unauthenticated %s", err.Kind, err.Code, err.Message, tt.code)
			}
		})
	}
}

// Segments are base64url without padding, each read one way only: a signature with
// stray low bits, or padding, is not a second spelling of a valid token.
func TestVerifyTokenCanonicalBase64(t *testing.T) {
	secret := []byte("strict-secret-0123456789")
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	tok, err := IssueToken(secret, TokenParams{Issuer: "http://x.test", UserID: 7, IssuedAt: now, TTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := verifyToken(secret, tok, "http://x.test", now); err != nil {
		t.Fatalf("issued token refused: %v", err)
	}
	// A 32-byte signature is 43 characters: the last one carries 2 unused bits.
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	last := strings.IndexByte(alphabet, tok[len(tok)-1])
	mangled := tok[:len(tok)-1] + string(alphabet[last^1])
	if _, err := verifyToken(secret, mangled, "http://x.test", now); err == nil {
		t.Errorf("signature with stray bits accepted")
	}
	if _, err := verifyToken(secret, tok+"=", "http://x.test", now); err == nil {
		t.Errorf("padded signature accepted")
	}
}

// FuzzBearerAndToken: arbitrary Authorization headers never panic, and anything but a
// correctly signed token is refused with a 401.
func FuzzBearerAndToken(f *testing.F) {
	secret := []byte("fuzz-secret-0123456789")
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	good, _ := IssueToken(secret, TokenParams{Issuer: "http://x.test", UserID: 7, IssuedAt: now, TTL: time.Hour})
	for _, s := range []string{"", "Bearer", "Bearer " + good, "bearer  " + good, "Basic abc", "Bearer a.b.c", "Bearer " + good + "x", "Bearer eyJhbGciOiJub25lIn0.e30."} {
		f.Add(s)
	}
	// Correctly signed tokens that a loose reader would take (see TestVerifyTokenStrictly).
	exp := strconv.FormatInt(now.Unix()+3600, 10)
	user := `"data":{"user":{"id":"7"}}`
	for _, trick := range [][2]string{
		{`{"alg":"HS256"}`, `{"iss":"http://x.test","Exp":` + exp + `,` + user + `}`},
		{`{"alg":"HS256"}`, `{"iss":"http://x.test","exp":"` + exp + `",` + user + `}`},
		{`{"alg":"HS256"}`, `{"iss":"http://x.test","exp":1,"exp":` + exp + `,` + user + `}`},
		{`{"alg":"HS256"}`, `{"iss":"http://x.test","exp":` + exp + `,"data":{"user":{"id":"7","id":"8"}}}`},
		{`{"alg":"HS256","crit":["exp"]}`, `{"iss":"http://x.test","exp":` + exp + `,` + user + `}`},
		{`{"alg":"none","alg":"HS256"}`, `{"iss":"http://x.test","exp":` + exp + `,` + user + `}`},
		{`{"alg":"HS256"}`, `{"iss":"http://x.test","exp":` + exp + `,` + user + `,"kchat_pwf":""}`},
		{`{"alg":"HS256"}`, `{"iss":"http://x.test","exp":` + exp + `,` + user + `}{}`},
	} {
		f.Add("Bearer " + handSigned(secret, trick[0], trick[1]))
	}
	f.Fuzz(func(t *testing.T, header string) {
		creds, herr := parseAuthorization([]string{header}, false)
		if herr != nil {
			if herr.Kind != Unauthenticated {
				t.Fatalf("%q: kind %d", header, herr.Kind)
			}
			return
		}
		tok := creds.bearer
		c, terr := verifyToken(secret, tok, "http://x.test", now)
		if terr != nil {
			if terr.Kind != Unauthenticated {
				t.Fatalf("%q: kind %d", header, terr.Kind)
			}
			return
		}
		if tok != good || c.userID != 7 {
			t.Fatalf("%q accepted as user %d", header, c.userID)
		}
	})
}

func TestParseUserID(t *testing.T) {
	tests := []struct {
		raw  string
		id   uint64
		okay bool
	}{
		{`"1"`, 1, true}, {`1`, 1, true}, {`"42"`, 42, true}, {`18446744073709551615`, 18446744073709551615, true},
		{`"0"`, 0, false}, {`0`, 0, false}, {`-1`, 0, false}, {`"-1"`, 0, false}, {`1.5`, 0, false}, {`1e3`, 0, false},
		{`""`, 0, false}, {`null`, 0, false}, {``, 0, false}, {`true`, 0, false}, {`{}`, 0, false}, {`"1 "`, 0, false},
		{`18446744073709551616`, 0, false}, {`"\u0031"`, 1, true},
	}
	for _, tt := range tests {
		id, ok := parseUserID([]byte(tt.raw))
		if id != tt.id || ok != tt.okay {
			t.Errorf("parseUserID(%s) = %d, %v; want %d, %v", tt.raw, id, ok, tt.id, tt.okay)
		}
	}
}

// A remembered token is good only for its issuer, never past its expiry, and never
// before the moment it was checked.
func TestVerifiedTokens(t *testing.T) {
	secret := []byte("cache-secret-0123456789")
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	tok, _ := IssueToken(secret, TokenParams{Issuer: "http://x.test", UserID: 7, IssuedAt: now, TTL: 30 * time.Second})
	var v verifiedTokens
	if c, err := v.verify(secret, tok, "http://x.test", now); err != nil || c.userID != 7 {
		t.Fatalf("first check: %d %v", c.userID, err)
	}
	if c, err := v.verify(secret, tok, "http://x.test", now.Add(29*time.Second)); err != nil || c.userID != 7 {
		t.Fatalf("remembered: %d %v", c.userID, err)
	}
	if _, err := v.verify(secret, tok, "http://other.test", now.Add(time.Second)); err == nil || err.Code != "jwt_auth_bad_iss" {
		t.Errorf("another issuer: %v", err)
	}
	if _, err := v.verify(secret, tok, "http://x.test", now.Add(30*time.Second)); err == nil || err.Message != "Expired token" {
		t.Errorf("at expiry: %v", err)
	}
	if _, err := v.verify(secret, tok, "http://x.test", now.Add(-time.Second)); err == nil {
		t.Errorf("before it was issued: accepted")
	}
	if _, err := v.verify([]byte("another-secret-0123456"), tok+"x", "http://x.test", now); err == nil {
		t.Errorf("a changed token: accepted")
	}
}
