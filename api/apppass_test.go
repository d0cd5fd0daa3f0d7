package api_test

import (
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/wppass"
)

// applicationPasswordsMeta is the _application_passwords user meta as WordPress 6.8
// writes it, one item per uuid → password.
func applicationPasswordsMeta(items ...[2]string) string {
	meta := "a:" + strconv.Itoa(len(items)) + ":{"
	for i, it := range items {
		hash := wppass.HashApplicationPassword(it[1])
		meta += "i:" + strconv.Itoa(i) + `;a:7:{s:4:"uuid";s:` + strconv.Itoa(len(it[0])) + `:"` + it[0] +
			`";s:6:"app_id";s:0:"";s:4:"name";s:6:"script";s:8:"password";s:` + strconv.Itoa(len(hash)) + `:"` + hash +
			`";s:7:"created";i:1764000000;s:9:"last_used";N;s:7:"last_ip";N;}`
	}
	return meta + "}"
}

// A token issued for an application password dies with it: once WordPress revokes the
// password (removes its item from the user meta), the token is refused as soon as the
// user cache (10 s) expires. Revoking another application password changes nothing, and
// tokens from a login password are not bound to application passwords at all.
func TestTokenFromApplicationPasswordIsRevokedWithIt(t *testing.T) {
	e := newEnv(t)
	const (
		uuidA, passA = "0f9a7c1e-5b2d-4f6a-8c0e-00000000000a", "AbCd EfGh IjKl MnOp QrSt UvWx"
		uuidB, passB = "0f9a7c1e-5b2d-4f6a-8c0e-00000000000b", "ZyXw VuTs RqPo NmLk JiHg FeDc"
	)
	e.db.Exec(t, "INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES (1, '_application_passwords', ?)",
		applicationPasswordsMeta([2]string{uuidA, passA}, [2]string{uuidB, passB}))
	revoke := func(items ...[2]string) {
		e.db.Exec(t, "UPDATE wp_usermeta SET meta_value = ? WHERE user_id = 1 AND meta_key = '_application_passwords'",
			applicationPasswordsMeta(items...))
	}

	rec := e.post(tokenPath, "", "", "Authorization", basic("admin", passA))
	if rec.Code != http.StatusOK {
		t.Fatalf("token by application password: %d %s", rec.Code, rec.Body.String())
	}
	byApp := "Bearer " + decode[tokenResponse](t, rec).Token
	rec = e.post(tokenPath, "application/json", `{"username":"admin","password":"admin-pass-123"}`)
	if rec.Code != http.StatusOK {
		t.Fatalf("token by password: %d %s", rec.Code, rec.Body.String())
	}
	byPassword := "Bearer " + decode[tokenResponse](t, rec).Token
	for _, auth := range []string{byApp, byPassword} {
		if rec := e.do(http.MethodGet, rowsPath, auth); rec.Code != http.StatusOK {
			t.Fatalf("before revoking: %d %s", rec.Code, rec.Body.String())
		}
	}

	// Revoking the other application password leaves this one's token alone.
	revoke([2]string{uuidA, passA})
	e.clock.Add(11 * time.Second)
	if rec := e.do(http.MethodGet, rowsPath, byApp); rec.Code != http.StatusOK {
		t.Fatalf("after revoking another application password: %d %s", rec.Code, rec.Body.String())
	}

	revoke([2]string{uuidB, passB})
	e.clock.Add(11 * time.Second)
	wantWPError(t, e.do(http.MethodGet, rowsPath, byApp), http.StatusUnauthorized, "jwt_auth_invalid_token")
	wantWPError(t, e.do(http.MethodGet, rowsPath, basic("admin", passA)), http.StatusUnauthorized, "incorrect_password")
	if rec := e.do(http.MethodGet, rowsPath, byPassword); rec.Code != http.StatusOK {
		t.Errorf("a login-password token after an application password was revoked: %d %s", rec.Code, rec.Body.String())
	}

	// Revoking them all deletes the meta.
	e.db.Exec(t, "DELETE FROM wp_usermeta WHERE user_id = 1 AND meta_key = '_application_passwords'")
	e.db.Exec(t, "INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES (1, '_application_passwords', ?)",
		applicationPasswordsMeta([2]string{uuidB, passB}))
	rec = e.post(tokenPath, "", "", "Authorization", basic("admin", passB))
	if rec.Code != http.StatusOK {
		t.Fatalf("token by the other application password: %d %s", rec.Code, rec.Body.String())
	}
	byB := "Bearer " + decode[tokenResponse](t, rec).Token
	e.db.Exec(t, "DELETE FROM wp_usermeta WHERE user_id = 1 AND meta_key = '_application_passwords'")
	e.clock.Add(11 * time.Second)
	wantWPError(t, e.do(http.MethodGet, rowsPath, byB), http.StatusUnauthorized, "jwt_auth_invalid_token")
	wantWPError(t, e.do(http.MethodPost, "/wp-json/jwt-auth/v1/token/validate", byB), http.StatusUnauthorized, "jwt_auth_invalid_token")
}
