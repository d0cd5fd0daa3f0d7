package api_test

import (
	"encoding/base64"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
)

const summaryPath = "/wp-json/kchat/v1/interactions/summary"

func TestAuth(t *testing.T) {
	e := newEnv(t)
	now := e.clock.Now().Unix()
	claims := func(mut func(jwt.MapClaims)) jwt.MapClaims {
		c := jwt.MapClaims{
			"iss": fixture.Home, "iat": now, "nbf": now, "exp": now + 3600,
			"data": map[string]any{"user": map[string]any{"id": "1"}},
		}
		if mut != nil {
			mut(c)
		}
		return c
	}
	bearer := func(c jwt.MapClaims) string { return "Bearer " + signHS256(t, fixture.Secret, c) }
	unsigned := func(alg string, c jwt.MapClaims) string {
		tok := jwt.NewWithClaims(jwt.GetSigningMethod("none"), c)
		tok.Header["alg"] = alg
		s, err := tok.SigningString()
		if err != nil {
			t.Fatal(err)
		}
		return "Bearer " + s + "."
	}
	hs512 := func() string {
		s, err := jwt.NewWithClaims(jwt.SigningMethodHS512, claims(nil)).SignedString([]byte(fixture.Secret))
		if err != nil {
			t.Fatal(err)
		}
		return "Bearer " + s
	}

	tests := []struct {
		name          string
		authorization string
		status        int
		code          string
	}{
		{"OK", bearer(claims(nil)), 200, ""},
		{"OKNumericUserID", bearer(claims(func(c jwt.MapClaims) { c["data"] = map[string]any{"user": map[string]any{"id": 1}} })), 200, ""},
		{"OKIssuerTrailingSlash", bearer(claims(func(c jwt.MapClaims) { c["iss"] = fixture.Home + "/" })), 200, ""},
		{"OKNoIatNbf", bearer(claims(func(c jwt.MapClaims) { delete(c, "iat"); delete(c, "nbf") })), 200, ""},
		{"OKLowercaseScheme", "bearer " + signHS256(t, fixture.Secret, claims(nil)), 200, ""},
		{"OKOtherAdministrator", bearer(claims(func(c jwt.MapClaims) { c["data"] = map[string]any{"user": map[string]any{"id": "3"}} })), 200, ""},

		{"ErrNoHeader", "", 401, "rest_not_logged_in"},
		{"ErrDigestScheme", `Digest username="admin"`, 401, "jwt_auth_bad_auth_header"},
		{"ErrBasicNotBase64", "Basic !!!", 401, "jwt_auth_bad_auth_header"},
		{"ErrBasicNoColon", "Basic " + base64.StdEncoding.EncodeToString([]byte("admin")), 401, "jwt_auth_bad_auth_header"},
		{"ErrBasicLoginPassword", "Basic " + base64.StdEncoding.EncodeToString([]byte("admin:admin-pass-123")), 401, "incorrect_password"},
		{"ErrBasicUnknownUser", "Basic " + base64.StdEncoding.EncodeToString([]byte("nobody:AbCdEfGhIjKlMnOpQrStUvWx")), 401, "invalid_username"},
		{"ErrBearerAlone", "Bearer", 401, "jwt_auth_bad_auth_header"},
		{"ErrBearerTwoWords", "Bearer a b", 401, "jwt_auth_bad_auth_header"},
		{"ErrGarbageToken", "Bearer not-a-jwt", 401, "jwt_auth_invalid_token"},
		{"ErrWrongKey", "Bearer " + signHS256(t, "another-secret-of-enough-length", claims(nil)), 401, "jwt_auth_invalid_token"},
		{"ErrExpired", bearer(claims(func(c jwt.MapClaims) { c["exp"] = now - 1 })), 401, "jwt_auth_invalid_token"},
		{"ErrExpiresNow", bearer(claims(func(c jwt.MapClaims) { c["exp"] = now })), 401, "jwt_auth_invalid_token"},
		{"ErrNoExp", bearer(claims(func(c jwt.MapClaims) { delete(c, "exp") })), 401, "jwt_auth_invalid_token"},
		{"ErrNotYetValid", bearer(claims(func(c jwt.MapClaims) { c["nbf"] = now + 60 })), 401, "jwt_auth_invalid_token"},
		{"ErrIssuedInFuture", bearer(claims(func(c jwt.MapClaims) { c["iat"] = now + 60 })), 401, "jwt_auth_invalid_token"},
		{"ErrAlgNone", unsigned("none", claims(nil)), 401, "jwt_auth_invalid_token"},
		{"ErrAlgHS512", hs512(), 401, "jwt_auth_invalid_token"},
		{"ErrAlgRS256Header", unsigned("RS256", claims(nil)), 401, "jwt_auth_invalid_token"},
		{"ErrWrongIssuer", bearer(claims(func(c jwt.MapClaims) { c["iss"] = "http://evil.test" })), 401, "jwt_auth_bad_iss"},
		{"ErrNoIssuer", bearer(claims(func(c jwt.MapClaims) { delete(c, "iss") })), 401, "jwt_auth_bad_iss"},
		{"ErrIssuerTwoSlashes", bearer(claims(func(c jwt.MapClaims) { c["iss"] = fixture.Home + "//" })), 401, "jwt_auth_bad_iss"},
		{"ErrNoData", bearer(claims(func(c jwt.MapClaims) { delete(c, "data") })), 401, "jwt_auth_bad_request"},
		{"ErrUserIDZero", bearer(claims(func(c jwt.MapClaims) { c["data"] = map[string]any{"user": map[string]any{"id": "0"}} })), 401, "jwt_auth_bad_request"},
		{"ErrUserIDNegative", bearer(claims(func(c jwt.MapClaims) { c["data"] = map[string]any{"user": map[string]any{"id": -1}} })), 401, "jwt_auth_bad_request"},
		{"ErrUserIDFraction", bearer(claims(func(c jwt.MapClaims) { c["data"] = map[string]any{"user": map[string]any{"id": 1.5}} })), 401, "jwt_auth_bad_request"},
		{"ErrUserIDWord", bearer(claims(func(c jwt.MapClaims) { c["data"] = map[string]any{"user": map[string]any{"id": "admin"}} })), 401, "jwt_auth_bad_request"},
		{"ErrUserIDObject", bearer(claims(func(c jwt.MapClaims) { c["data"] = map[string]any{"user": map[string]any{"id": map[string]any{}}} })), 401, "jwt_auth_bad_request"},
		{"ErrEditor", bearer(claims(func(c jwt.MapClaims) { c["data"] = map[string]any{"user": map[string]any{"id": "2"}} })), 403, "rest_forbidden"},
		{"ErrNoSuchUser", bearer(claims(func(c jwt.MapClaims) { c["data"] = map[string]any{"user": map[string]any{"id": "999"}} })), 403, "rest_forbidden"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, path := range []string{summaryPath, "/wp-json/kchat/v1/interactions", "/wp-json/kchat/v1/interactions/export", weekdaysPath} {
				rec := e.do(http.MethodGet, path, tt.authorization)
				if tt.code == "" {
					if rec.Code != http.StatusOK {
						t.Errorf("%s: got %d, want 200: %s", path, rec.Code, rec.Body.String())
					}
					continue
				}
				wantWPError(t, rec, tt.status, tt.code)
			}
		})
	}
}

func TestAuthSiteURLOverridesHome(t *testing.T) {
	e := newEnv(t, func(c *api.Config) { c.SiteURL = "https://proxy.example.test/" })
	rec := e.get(summaryPath) // issued for the home URL
	wantWPError(t, rec, http.StatusUnauthorized, "jwt_auth_bad_iss")

	tok := signHS256(t, fixture.Secret, jwt.MapClaims{
		"iss": "https://proxy.example.test", "exp": e.clock.Now().Add(time.Minute).Unix(),
		"data": map[string]any{"user": map[string]any{"id": "1"}},
	})
	if rec := e.do(http.MethodGet, summaryPath, "Bearer "+tok); rec.Code != http.StatusOK {
		t.Errorf("token for KCHAT_SITE_URL: got %d: %s", rec.Code, rec.Body.String())
	}
}

// A demoted or deleted administrator loses access once the capability cache expires,
// which is at most 30 seconds.
func TestAuthDemotionAndDeletionTakeEffect(t *testing.T) {
	e := newEnv(t)
	if rec := e.get(summaryPath); rec.Code != http.StatusOK {
		t.Fatalf("before demotion: %d %s", rec.Code, rec.Body.String())
	}
	e.db.Exec(t, `UPDATE wp_usermeta SET meta_value = 'a:1:{s:6:"editor";b:1;}' WHERE user_id = 1 AND meta_key = 'wp_capabilities'`)
	e.clock.Add(30 * time.Second)
	wantWPError(t, e.get(summaryPath), http.StatusForbidden, "rest_forbidden")

	tok := e.tokenFor(admin68ID)
	if rec := e.do(http.MethodGet, summaryPath, "Bearer "+tok); rec.Code != http.StatusOK {
		t.Fatalf("admin68: %d", rec.Code)
	}
	e.db.Exec(t, `DELETE FROM wp_users WHERE ID = 3`)
	e.clock.Add(30 * time.Second)
	wantWPError(t, e.do(http.MethodGet, summaryPath, "Bearer "+tok), http.StatusForbidden, "rest_forbidden")
}

// Capabilities are computed as WordPress does: an explicit false takes manage_options
// away from an administrator, and a custom role can grant it.
func TestAuthCapabilities(t *testing.T) {
	e := newEnv(t)
	tok := e.tokenFor(editorID)
	wantWPError(t, e.do(http.MethodGet, summaryPath, "Bearer "+tok), http.StatusForbidden, "rest_forbidden")

	// The editor gets manage_options as a per-user capability.
	e.db.Exec(t, `UPDATE wp_usermeta SET meta_value = 'a:2:{s:6:"editor";b:1;s:14:"manage_options";b:1;}' WHERE user_id = 2 AND meta_key = 'wp_capabilities'`)
	e.clock.Add(31 * time.Second)
	if rec := e.do(http.MethodGet, summaryPath, "Bearer "+tok); rec.Code != http.StatusOK {
		t.Errorf("editor granted manage_options: got %d", rec.Code)
	}

	// The administrator has it taken away explicitly.
	e.db.Exec(t, `UPDATE wp_usermeta SET meta_value = 'a:2:{s:13:"administrator";b:1;s:14:"manage_options";b:0;}' WHERE user_id = 1 AND meta_key = 'wp_capabilities'`)
	e.clock.Add(31 * time.Second)
	wantWPError(t, e.get(summaryPath), http.StatusForbidden, "rest_forbidden")

	// Malformed capabilities grant nothing and crash nothing.
	e.db.Exec(t, `UPDATE wp_usermeta SET meta_value = 'a:1:{s:99:"administrator";b:1;}' WHERE user_id = 3 AND meta_key = 'wp_capabilities'`)
	e.clock.Add(31 * time.Second)
	wantWPError(t, e.do(http.MethodGet, summaryPath, "Bearer "+e.tokenFor(admin68ID)), http.StatusForbidden, "rest_forbidden")
}

func TestAuthCustomRole(t *testing.T) {
	e := newEnv(t)
	// Add a custom role "report_viewer" holding manage_options to the site's roles.
	roles := e.queryString(`SELECT option_value FROM wp_options WHERE option_name = 'wp_user_roles'`)
	custom := `s:13:"report_viewer";a:2:{s:4:"name";s:13:"Report Viewer";s:12:"capabilities";a:2:{s:4:"read";b:1;s:14:"manage_options";b:1;}}`
	n := strings.Index(roles, ":{")
	roles = "a:6" + roles[n:len(roles)-1] + custom + "}"
	e.db.Exec(t, `UPDATE wp_options SET option_value = ? WHERE option_name = 'wp_user_roles'`, roles)
	e.db.Exec(t, `UPDATE wp_usermeta SET meta_value = 'a:1:{s:13:"report_viewer";b:1;}' WHERE user_id = 2 AND meta_key = 'wp_capabilities'`)
	if rec := e.do(http.MethodGet, summaryPath, "Bearer "+e.tokenFor(editorID)); rec.Code != http.StatusOK {
		t.Errorf("custom role with manage_options: got %d: %s", rec.Code, rec.Body.String())
	}
}
