package auth

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// wpClaims is the claim layout of the "JWT Authentication for WP REST API" plugin:
// {"iss": home, "iat", "nbf", "exp", "data": {"user": {"id": "1"}}}.
type wpClaims struct {
	jwt.RegisteredClaims
	Data struct {
		User struct {
			// The plugin writes the id as a JSON string; others write a number.
			ID json.RawMessage `json:"id"`
		} `json:"user"`
	} `json:"data"`
	// PasswordFingerprint is the sidecar's private claim: a keyed digest of the user's
	// stored password hash when the token was issued. When the password changes, the
	// hash changes and the token stops working. Tokens without it (the plugin's) are
	// not affected.
	PasswordFingerprint string `json:"kchat_pwf,omitempty"`
	// ApplicationPassword is the sidecar's private claim on tokens issued for an
	// application password: its uuid. When WordPress revokes the application password,
	// the token stops working too.
	ApplicationPassword string `json:"kchat_app,omitempty"`
}

// passwordFingerprint digests a stored password hash with the site's secret, so the
// claim reveals nothing about the hash.
func passwordFingerprint(secret []byte, storedHash string) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte("kchat-password-fingerprint\x00"))
	mac.Write([]byte(storedHash))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil)[:12])
}

// TokenParams are the claims of a token the sidecar issues.
type TokenParams struct {
	Issuer   string
	UserID   uint64
	IssuedAt time.Time
	TTL      time.Duration
	// PasswordHash, when set, binds the token to the user's current password.
	PasswordHash string
	// ApplicationPassword, when set, binds the token to the application password of
	// this uuid.
	ApplicationPassword string
}

// IssueToken signs a token in the JWT plugin's exact layout (the user id as a string),
// so that it works with the plugin as well as with the sidecar.
func IssueToken(secret []byte, p TokenParams) (string, error) {
	iat := jwt.NewNumericDate(p.IssuedAt)
	claims := wpClaims{RegisteredClaims: jwt.RegisteredClaims{
		Issuer:    strings.TrimSuffix(p.Issuer, "/"),
		IssuedAt:  iat,
		NotBefore: iat,
		ExpiresAt: jwt.NewNumericDate(p.IssuedAt.Add(p.TTL)),
	}}
	claims.Data.User.ID = json.RawMessage(strconv.Quote(strconv.FormatUint(p.UserID, 10)))
	if p.PasswordHash != "" {
		claims.PasswordFingerprint = passwordFingerprint(secret, p.PasswordHash)
	}
	claims.ApplicationPassword = p.ApplicationPassword
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(secret)
}

// tokenClaims are what a verified token says.
type tokenClaims struct {
	userID uint64
	// fingerprint is kchat_pwf, empty for tokens without it (the plugin's).
	fingerprint string
	// appPassword is kchat_app, the uuid of the application password the token was
	// issued for; empty for tokens issued for a login password.
	appPassword string
	expires     time.Time
}

// verifyToken checks a bearer token and returns its claims. Issuer is the expected iss.
// The checks and their order follow the JWT plugin; the error codes are its own, with
// 401 where it says 403 (see the Unauthorized response in openapi.yaml). Header and
// claims are decoded strictly (see strictjson.go): a token is read one way or refused.
func verifyToken(secret []byte, raw, issuer string, now time.Time) (tokenClaims, *Error) {
	claims, bad := signedClaims(secret, raw)
	if bad != nil {
		return tokenClaims{}, bad
	}
	exp, bad := tokenLifetime(claims, now)
	if bad != nil {
		return tokenClaims{}, bad
	}
	iss, _, err := optionalString(claims, "iss")
	if err != nil {
		return tokenClaims{}, invalidToken("The token's iss must be a string")
	}
	fingerprint, hasFingerprint, err := optionalString(claims, "kchat_pwf")
	if err != nil || (hasFingerprint && fingerprint == "") {
		// An empty fingerprint would otherwise read as "no password binding".
		return tokenClaims{}, invalidToken("The token's kchat_pwf is not a password fingerprint")
	}
	appPassword, hasAppPassword, err := optionalString(claims, "kchat_app")
	if err != nil || (hasAppPassword && appPassword == "") {
		return tokenClaims{}, invalidToken("The token's kchat_app is not an application password's uuid")
	}
	if strings.TrimSuffix(iss, "/") != strings.TrimSuffix(issuer, "/") || issuer == "" {
		return tokenClaims{}, unauthenticated("jwt_auth_bad_iss", "The iss do not match with this server")
	}
	id, ok := tokenUserID(claims)
	if !ok {
		return tokenClaims{}, unauthenticated("jwt_auth_bad_request", "User ID not found in the token")
	}
	return tokenClaims{userID: id, fingerprint: fingerprint, appPassword: appPassword, expires: exp}, nil
}

// invalidToken is the plugin's answer to every token it cannot accept as a token.
func invalidToken(message string) *Error {
	return unauthenticated("jwt_auth_invalid_token", message)
}

// signedClaims splits a compact JWS, checks its header and HS256 signature, and only
// then decodes the claims: nothing in an unsigned payload is read.
func signedClaims(secret []byte, raw string) (map[string]json.RawMessage, *Error) {
	malformed := invalidToken("The token is malformed")
	segs := strings.Split(raw, ".")
	if len(segs) != 3 {
		return nil, malformed
	}
	headerJSON, err := decodeSegment(segs[0])
	if err != nil {
		return nil, malformed
	}
	header, err := decodeStrictObject(headerJSON)
	if err != nil {
		return nil, malformed
	}
	// RFC 7515 §4.1.11: a recipient that does not understand every extension named in
	// crit must refuse the token. The sidecar understands none.
	if _, ok := header["crit"]; ok {
		return nil, invalidToken("The token has critical header parameters (crit), which are not supported")
	}
	if alg, _, err := optionalString(header, "alg"); err != nil || alg != jwt.SigningMethodHS256.Alg() {
		return nil, invalidToken("The token is not signed with HS256")
	}
	sig, err := decodeSegment(segs[2])
	if err != nil {
		return nil, malformed
	}
	if jwt.SigningMethodHS256.Verify(segs[0]+"."+segs[1], sig, secret) != nil {
		return nil, invalidToken("Signature verification failed")
	}
	payload, err := decodeSegment(segs[1])
	if err != nil {
		return nil, malformed
	}
	claims, err := decodeStrictObject(payload)
	if err != nil {
		return nil, malformed
	}
	return claims, nil
}

// tokenLifetime checks exp, nbf and iat against now and returns the expiry, which every
// accepted token must have.
func tokenLifetime(claims map[string]json.RawMessage, now time.Time) (time.Time, *Error) {
	exp, hasExp, expErr := numericDate(claims, "exp")
	nbf, hasNbf, nbfErr := numericDate(claims, "nbf")
	iat, hasIat, iatErr := numericDate(claims, "iat")
	switch {
	case expErr != nil, nbfErr != nil, iatErr != nil:
		return time.Time{}, invalidToken("The token's exp, nbf and iat must be numbers of seconds")
	case !hasExp:
		return time.Time{}, invalidToken("The token has no expiry (exp)")
	case !now.Before(exp):
		return time.Time{}, invalidToken("Expired token")
	case hasNbf && now.Before(nbf), hasIat && now.Before(iat):
		return time.Time{}, invalidToken("The token is not valid yet")
	}
	return exp, nil
}

// tokenUserID reads data.user.id, by exact names as the plugin's PHP reads it.
func tokenUserID(claims map[string]json.RawMessage) (uint64, bool) {
	var data, user map[string]json.RawMessage
	if json.Unmarshal(claims["data"], &data) != nil || json.Unmarshal(data["user"], &user) != nil {
		return 0, false
	}
	return parseUserID(user["id"])
}

// verifiedTokens remembers tokens whose signature and claims have been checked, so that
// a dashboard polling with one token does not pay for base64, JSON and HMAC on every
// request. An entry lasts until the token expires or for a minute, whichever is first;
// the user behind it is still looked up (and its password fingerprint compared) on
// every request.
type verifiedTokens struct {
	mu sync.Mutex
	m  map[string]verifiedToken
}

type verifiedToken struct {
	issuer      string
	claims      tokenClaims
	from, until time.Time
}

const (
	verifiedTokenTTL = time.Minute
	verifiedTokenMax = 4096
)

func (v *verifiedTokens) verify(secret []byte, raw, issuer string, now time.Time) (tokenClaims, *Error) {
	v.mu.Lock()
	e, ok := v.m[raw]
	v.mu.Unlock()
	if ok && e.issuer == issuer && !now.Before(e.from) && now.Before(e.until) {
		return e.claims, nil
	}
	claims, terr := verifyToken(secret, raw, issuer, now)
	if terr != nil {
		return tokenClaims{}, terr
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.m == nil || len(v.m) >= verifiedTokenMax {
		v.m = map[string]verifiedToken{} // many live tokens at once: start again
	}
	until := now.Add(verifiedTokenTTL)
	if claims.expires.Before(until) {
		until = claims.expires
	}
	v.m[raw] = verifiedToken{issuer: issuer, claims: claims, from: now, until: until}
	return claims, nil
}

// parseUserID accepts a positive integer written as a JSON number or a JSON string of
// decimal digits, and nothing else.
func parseUserID(raw json.RawMessage) (uint64, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return 0, false
	}
	s := string(raw)
	if raw[0] == '"' {
		if err := json.Unmarshal(raw, &s); err != nil {
			return 0, false
		}
	}
	if s == "" || strings.TrimLeft(s, "0123456789") != "" {
		return 0, false
	}
	id, err := strconv.ParseUint(s, 10, 64)
	if err != nil || id == 0 {
		return 0, false
	}
	return id, true
}
