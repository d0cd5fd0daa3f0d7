package api_test

import (
	"encoding/base64"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
	"github.com/kchat-sidecar/kchat-sidecar/api/wppass"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
)

const tokenPath = "/wp-json/jwt-auth/v1/token"

// post sends a POST through the router and validates the response against the contract.
func (e *env) post(target, contentType, body string, header ...string) *httptest.ResponseRecorder {
	e.t.Helper()
	return e.postAs("", target, contentType, body, header...)
}

// postAs is post from a client address ("192.0.2.7:1234"); "" keeps httptest's own.
func (e *env) postAs(addr, target, contentType, body string, header ...string) *httptest.ResponseRecorder {
	e.t.Helper()
	req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
	if addr != "" {
		req.RemoteAddr = addr
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	e.server.ServeHTTP(rec, req)
	validate(e.t, req, rec)
	return rec
}

type tokenResponse struct {
	Token           string `json:"token"`
	UserEmail       string `json:"user_email"`
	UserNicename    string `json:"user_nicename"`
	UserDisplayName string `json:"user_display_name"`
}

func basic(user, pass string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+pass))
}

func TestTokenRoute(t *testing.T) {
	e := newEnv(t, func(c *api.Config) { c.TokenTTL = 20 * time.Minute })
	tests := []struct {
		name, contentType, body, query string
		email, display                 string
	}{
		{"JSON", "application/json", `{"username":"admin","password":"admin-pass-123"}`, "", "admin@example.test", "admin"},
		{"JSONCharset", "application/json; charset=utf-8", `{"username":"admin","password":" admin-pass-123\n"}`, "", "admin@example.test", "admin"},
		{"Form", "application/x-www-form-urlencoded", "username=admin&password=admin-pass-123", "", "admin@example.test", "admin"},
		{"Query", "", "", "?username=admin&password=admin-pass-123", "admin@example.test", "admin"},
		{"Email6_8Hash", "application/json", `{"username":"a68@example.test","password":"six-eight-pass-123"}`, "", "a68@example.test", "Ädmin Sixty-Eight"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := e.post(tokenPath+tt.query, tt.contentType, tt.body)
			if rec.Code != http.StatusOK {
				t.Fatalf("%d %s", rec.Code, rec.Body.String())
			}
			got := decode[tokenResponse](t, rec)
			if got.UserEmail != tt.email || got.UserDisplayName != tt.display {
				t.Errorf("got %+v", got)
			}
			// The plugin's claim layout, the configured lifetime, and a token that works.
			claims := jwt.MapClaims{}
			if _, err := jwt.ParseWithClaims(got.Token, claims, func(*jwt.Token) (any, error) { return []byte(fixture.Secret), nil },
				jwt.WithValidMethods([]string{"HS256"}), jwt.WithTimeFunc(e.clock.Now)); err != nil {
				t.Fatal(err)
			}
			id, _ := claims["data"].(map[string]any)["user"].(map[string]any)["id"].(string)
			if claims["iss"] != fixture.Home || id == "" || claims["exp"].(float64)-claims["iat"].(float64) != 1200 ||
				claims["nbf"] != claims["iat"] || claims["kchat_pwf"] == nil {
				t.Errorf("claims %v", claims)
			}
			if rec := e.do(http.MethodGet, summaryPath, "Bearer "+got.Token); rec.Code != http.StatusOK {
				t.Errorf("the issued token does not work: %d", rec.Code)
			}
			if rec := e.post(tokenPath+"/validate", "", "", "Authorization", "Bearer "+got.Token); rec.Code != http.StatusOK ||
				!strings.Contains(rec.Body.String(), `"code":"jwt_auth_valid_token"`) {
				t.Errorf("validate: %d %s", rec.Code, rec.Body.String())
			}
		})
	}
}

func TestTokenRouteRefusals(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name, contentType, body string
		status                  int
		code                    string
	}{
		{"WrongPassword", "application/json", `{"username":"admin","password":"admin-pass-12"}`, 403, "[jwt_auth] incorrect_password"},
		{"UnknownUser", "application/json", `{"username":"nobody","password":"admin-pass-123"}`, 403, "[jwt_auth] invalid_username"},
		{"UnknownEmail", "application/json", `{"username":"nobody@example.test","password":"x"}`, 403, "[jwt_auth] invalid_username"},
		{"EditorRightPassword", "application/json", `{"username":"editor1","password":"editor-pass-123"}`, 403, "rest_forbidden"},
		{"NoUsername", "application/json", `{"password":"admin-pass-123"}`, 403, "[jwt_auth] empty_username"},
		{"NoPassword", "application/x-www-form-urlencoded", "username=admin", 403, "[jwt_auth] empty_password"},
		{"BadJSON", "application/json", `{"username":`, 400, "rest_invalid_json"},
		{"NonStringPassword", "application/json", `{"username":"admin","password":{"a":1}}`, 403, "[jwt_auth] empty_password"},
		{"TooLarge", "application/json", `{"username":"admin","password":"` + strings.Repeat("x", 70<<10) + `"}`, 413, "rest_request_too_large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantWPError(t, e.post(tokenPath, tt.contentType, tt.body), tt.status, tt.code)
		})
	}
	wantWPError(t, e.post(tokenPath+"/validate", "", ""), 401, "rest_not_logged_in")
	wantWPError(t, e.post(tokenPath+"/validate", "", "", "Authorization", basic("admin", "x")), 401, "jwt_auth_bad_auth_header")
	wantWPError(t, e.post(tokenPath+"/validate", "", "", "Authorization", "Bearer "+e.tokenFor(editorID)), 403, "rest_forbidden")
}

// A token the sidecar issued stops working when the user's password changes; a token
// from the JWT plugin (no fingerprint) is not affected.
func TestTokenRevokedByPasswordChange(t *testing.T) {
	e := newEnv(t)
	tok := decode[tokenResponse](t, e.post(tokenPath, "application/json", `{"username":"admin","password":"admin-pass-123"}`)).Token
	pluginToken := e.tokenFor(adminID)
	if rec := e.do(http.MethodGet, summaryPath, "Bearer "+tok); rec.Code != http.StatusOK {
		t.Fatalf("before: %d", rec.Code)
	}
	newHash, err := wppass.HashPortable("a-new-password-456")
	if err != nil {
		t.Fatal(err)
	}
	e.db.Exec(t, "UPDATE wp_users SET user_pass = ? WHERE ID = 1", newHash)
	e.clock.Add(11 * time.Second)
	wantWPError(t, e.do(http.MethodGet, summaryPath, "Bearer "+tok), http.StatusUnauthorized, "jwt_auth_invalid_token")
	if rec := e.do(http.MethodGet, summaryPath, "Bearer "+pluginToken); rec.Code != http.StatusOK {
		t.Errorf("a plugin token was revoked by the password change: %d", rec.Code)
	}
	fresh := e.post(tokenPath, "application/json", `{"username":"admin","password":"a-new-password-456"}`)
	if rec := e.do(http.MethodGet, summaryPath, "Bearer "+decode[tokenResponse](t, fresh).Token); rec.Code != http.StatusOK {
		t.Errorf("a token for the new password: %d", rec.Code)
	}
}

func TestApplicationPasswords(t *testing.T) {
	e := newEnv(t)
	// What WordPress 6.8 stores: a list of items, each with a $generic$ hash; plus one
	// from before 6.8 (phpass).
	const appPass = "AbCd EfGh IjKl MnOp QrSt UvWx"
	old, _ := wppass.HashPortable("ZyXwVuTsRqPoNmLkJiHgFeDc")
	item := func(uuid, hash string) string {
		return `a:7:{s:4:"uuid";s:36:"` + uuid + `";s:6:"app_id";s:0:"";s:4:"name";s:6:"script";s:8:"password";s:` +
			strconv.Itoa(len(hash)) + `:"` + hash + `";s:7:"created";i:1764000000;s:9:"last_used";N;s:7:"last_ip";N;}`
	}
	meta := "a:2:{i:0;" + item("0f9a7c1e-5b2d-4f6a-8c0e-000000000001", wppass.HashApplicationPassword(appPass)) +
		"i:1;" + item("0f9a7c1e-5b2d-4f6a-8c0e-000000000002", old) + "}"
	e.db.Exec(t, "INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES (1, '_application_passwords', ?)", meta)
	e.db.Exec(t, "INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES (2, '_application_passwords', ?)", meta)

	for _, c := range []struct {
		user, pass string
		status     int
		code       string
	}{
		{"admin", appPass, 200, ""},
		{"admin", strings.ReplaceAll(appPass, " ", ""), 200, ""},
		{"admin@example.test", appPass, 200, ""},
		{"admin", "ZyXw VuTs RqPo NmLk JiHg FeDc", 200, ""},
		{"admin", "admin-pass-123", 401, "incorrect_password"}, // the login password is not an application password
		{"admin", "AbCd EfGh IjKl MnOp QrSt UvWy", 401, "incorrect_password"},
		{"nobody", appPass, 401, "invalid_username"},
		{"editor1", appPass, 403, "rest_forbidden"},
	} {
		rec := e.do(http.MethodGet, rowsPath, basic(c.user, c.pass))
		if c.code == "" {
			if rec.Code != http.StatusOK {
				t.Errorf("%s / %s: %d %s", c.user, c.pass, rec.Code, rec.Body.String())
			}
			continue
		}
		wantWPError(t, rec, c.status, c.code)
	}
	// The token route takes an application password too.
	rec := e.post(tokenPath, "", "", "Authorization", basic("admin", appPass))
	if rec.Code != http.StatusOK || decode[tokenResponse](t, rec).Token == "" {
		t.Errorf("token by application password: %d %s", rec.Code, rec.Body.String())
	}
}

func TestLoginLimits(t *testing.T) {
	limits := auth.LoginLimits{MaxPerAddress: 6, MaxPerUsername: 3, Window: 15 * time.Minute}
	e := newEnv(t, func(c *api.Config) { c.LoginLimits = limits })
	wrong := `{"username":"admin","password":"guess"}`
	right := `{"username":"admin","password":"admin-pass-123"}`
	for i := 0; i < 3; i++ {
		wantWPError(t, e.post(tokenPath, "application/json", wrong), 403, "[jwt_auth] incorrect_password")
	}
	// The username is locked now from this address, even for the right password, and
	// says for how long (other addresses: TestLoginNoLockoutFromOtherAddresses).
	rec := e.post(tokenPath, "application/json", right)
	wantWPError(t, rec, http.StatusTooManyRequests, "kchat_too_many_attempts")
	if ra, _ := strconv.Atoi(rec.Header().Get("Retry-After")); ra < 1 || ra > 900 {
		t.Errorf("Retry-After %q", rec.Header().Get("Retry-After"))
	}
	// Application passwords for the same username count against the same limit.
	wantWPError(t, e.do(http.MethodGet, rowsPath, basic("admin", "AbCdEfGhIjKlMnOpQrStUvWx")), http.StatusTooManyRequests, "kchat_too_many_attempts")

	// Another user from the same address is not locked until the address is: successes
	// never count.
	for i := 0; i < 5; i++ {
		if rec := e.post(tokenPath, "application/json", `{"username":"admin68","password":"six-eight-pass-123"}`); rec.Code != http.StatusOK {
			t.Fatalf("success %d slowed: %d %s", i, rec.Code, rec.Body.String())
		}
	}
	for i := 0; i < 3; i++ {
		wantWPError(t, e.post(tokenPath, "application/json", `{"username":"nobody`+strconv.Itoa(i)+`","password":"x"}`), 403, "[jwt_auth] invalid_username")
	}
	// Six failures from this address: the address is locked for every username.
	wantWPError(t, e.post(tokenPath, "application/json", `{"username":"admin68","password":"six-eight-pass-123"}`), http.StatusTooManyRequests, "kchat_too_many_attempts")
	// X-Forwarded-For from an untrusted peer changes nothing.
	wantWPError(t, e.post(tokenPath, "application/json", `{"username":"admin68","password":"six-eight-pass-123"}`, "X-Forwarded-For", "203.0.113.9"),
		http.StatusTooManyRequests, "kchat_too_many_attempts")

	// The window passes; everything is accepted again.
	e.clock.Add(15*time.Minute + time.Second)
	if rec := e.post(tokenPath, "application/json", right); rec.Code != http.StatusOK {
		t.Errorf("after the window: %d %s", rec.Code, rec.Body.String())
	}
}

// Other spellings of one account share its limit from an address: the e-mail address,
// another case.
func TestLoginLimitsPerAccount(t *testing.T) {
	limits := auth.LoginLimits{MaxPerAddress: 100, MaxPerUsername: 3, Window: 15 * time.Minute}
	e := newEnv(t, func(c *api.Config) { c.LoginLimits = limits })
	for _, name := range []string{"ADMIN", "admin@example.test", "Admin"} {
		wantWPError(t, e.post(tokenPath, "application/json", `{"username":"`+name+`","password":"guess"}`), 403, "[jwt_auth] incorrect_password")
	}
	wantWPError(t, e.post(tokenPath, "application/json", `{"username":"admin","password":"admin-pass-123"}`), http.StatusTooManyRequests, "kchat_too_many_attempts")
	wantWPError(t, e.do(http.MethodGet, rowsPath, basic("admin@example.test", "AbCdEfGhIjKlMnOpQrStUvWx")), http.StatusTooManyRequests, "kchat_too_many_attempts")
	// Another account is not affected.
	if rec := e.post(tokenPath, "application/json", `{"username":"admin68","password":"six-eight-pass-123"}`); rec.Code != http.StatusOK {
		t.Errorf("another account: %d %s", rec.Code, rec.Body.String())
	}
}

// Behind a trusted proxy the client address comes from X-Forwarded-For.
func TestLoginLimitsTrustedProxy(t *testing.T) {
	_, proxy, _ := net.ParseCIDR("192.0.2.0/24") // httptest's RemoteAddr is 192.0.2.1
	limits := auth.LoginLimits{MaxPerAddress: 2, MaxPerUsername: 100, Window: time.Hour}
	e := newEnv(t, func(c *api.Config) { c.LoginLimits = limits; c.TrustedProxies = []*net.IPNet{proxy} })
	for i := 0; i < 2; i++ {
		e.post(tokenPath, "application/json", `{"username":"u`+strconv.Itoa(i)+`","password":"x"}`, "X-Forwarded-For", "203.0.113.1")
	}
	wantWPError(t, e.post(tokenPath, "application/json", `{"username":"u9","password":"x"}`, "X-Forwarded-For", "203.0.113.1"),
		http.StatusTooManyRequests, "kchat_too_many_attempts")
	// Another client behind the same proxy is its own address.
	wantWPError(t, e.post(tokenPath, "application/json", `{"username":"u9","password":"x"}`, "X-Forwarded-For", "203.0.113.2"),
		http.StatusForbidden, "[jwt_auth] invalid_username")
}

func TestCORS(t *testing.T) {
	e := newEnv(t)
	preflight := func(origin string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodOptions, rowsPath, nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "GET")
		req.Header.Set("Access-Control-Request-Headers", "authorization")
		rec := httptest.NewRecorder()
		e.server.ServeHTTP(rec, req)
		return rec
	}
	rec := preflight(fixture.Home)
	if rec.Code != http.StatusNoContent || rec.Header().Get("Access-Control-Allow-Origin") != fixture.Home ||
		!strings.Contains(rec.Header().Get("Access-Control-Allow-Headers"), "Authorization") ||
		!strings.Contains(rec.Header().Get("Access-Control-Allow-Methods"), "GET") {
		t.Errorf("preflight from the site: %d %v", rec.Code, rec.Header())
	}
	rec = preflight("https://evil.example")
	if rec.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight from a foreign origin was granted: %v", rec.Header())
	}

	get := func(origin string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, rowsPath, nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Authorization", "Bearer "+e.token)
		rec := httptest.NewRecorder()
		e.server.ServeHTTP(rec, req)
		validate(t, req, rec)
		return rec
	}
	rec = get(fixture.Home)
	expose := rec.Header().Get("Access-Control-Expose-Headers")
	if rec.Header().Get("Access-Control-Allow-Origin") != fixture.Home {
		t.Errorf("GET from the site: no grant: %v", rec.Header())
	}
	for _, h := range []string{"X-WP-Total", "X-WP-TotalPages", "Link", "Content-Disposition"} {
		if !strings.Contains(expose, h) {
			t.Errorf("%s not exposed: %q", h, expose)
		}
	}
	if rec := get("https://evil.example"); rec.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("GET from a foreign origin was granted")
	}

	// KCHAT_CORS_ORIGINS replaces the default.
	e = newEnv(t, func(c *api.Config) { c.CORSOrigins = []string{"https://dash.example.test"} })
	if rec := preflight("https://dash.example.test"); rec.Header().Get("Access-Control-Allow-Origin") != "https://dash.example.test" {
		t.Errorf("configured origin not granted: %v", rec.Header())
	}
	if rec := preflight(fixture.Home); rec.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("home granted although origins are configured")
	}
}
