package auth

import (
	"encoding/base64"
	"strings"
	"unicode/utf8"
)

// credentials are what an Authorization header carries.
type credentials struct {
	bearer             string
	username, password string // Basic: an application password
}

// parseAuthorization reads an Authorization header: "Bearer <jwt>", or, where allowBasic,
// "Basic base64(user:application-password)".
func parseAuthorization(values []string, allowBasic bool) (credentials, *Error) {
	if len(values) == 0 || (len(values) == 1 && strings.TrimSpace(values[0]) == "") {
		return credentials{}, ErrNotLoggedIn
	}
	if len(values) > 1 {
		return credentials{}, errBadHeader
	}
	scheme, value, ok := strings.Cut(strings.TrimSpace(values[0]), " ")
	value = strings.TrimSpace(value)
	if !ok || value == "" || strings.ContainsAny(value, " \t") {
		return credentials{}, errBadHeader
	}
	switch {
	case strings.EqualFold(scheme, "Bearer"):
		// Only base64url segments and dots: Go's base64 decoder would otherwise skip CR
		// and LF inside a segment and accept a mangled copy of a valid token.
		for i := 0; i < len(value); i++ {
			if c := value[i]; !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
				return credentials{}, invalidToken("The token is malformed")
			}
		}
		return credentials{bearer: value}, nil
	case allowBasic && strings.EqualFold(scheme, "Basic"):
		if c, ok := basicCredentials(value); ok {
			return c, nil
		}
		return credentials{}, errBadHeader
	}
	return credentials{}, errBadHeader
}

// basicCredentials reads a Basic value: strict and canonical, so one header has one
// reading. Strict refuses stray bits after the last character, but Go's decoder still
// skips CR and LF anywhere, so the value must also be exactly the encoding of what it
// decodes to.
func basicCredentials(value string) (credentials, bool) {
	raw, err := base64.StdEncoding.Strict().DecodeString(value)
	if err != nil || base64.StdEncoding.EncodeToString(raw) != value {
		return credentials{}, false
	}
	user, pass, ok := strings.Cut(string(raw), ":")
	if !ok || user == "" || !utf8.ValidString(user) {
		return credentials{}, false
	}
	return credentials{username: user, password: pass}, true
}
