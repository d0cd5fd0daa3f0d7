package api_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
)

// The routes, spelled out here so that this file stands on its own.
const (
	malSummary      = "/wp-json/kchat/v1/interactions/summary"
	malRows         = "/wp-json/kchat/v1/interactions"
	malExport       = "/wp-json/kchat/v1/interactions/export"
	malConvSummary  = "/wp-json/kchat/v1/conversations/summary"
	malConvExport   = "/wp-json/kchat/v1/conversations/export"
	malTokSummary   = "/wp-json/kchat/v1/tokens/summary"
	malTokExport    = "/wp-json/kchat/v1/tokens/export"
	malToken        = "/wp-json/jwt-auth/v1/token"
	malValidate     = "/wp-json/jwt-auth/v1/token/validate"
	malDeadline     = 10 * time.Second // a hang, not a slow login: password hashing under -race on a busy CI machine took over 2 s
	malJSONType     = "application/json; charset=UTF-8"
	malCSVType      = "text/csv; charset=utf-8"
	malMaxLoginBody = 64 << 10
)

// malNoAuth, as a case's auth, sends no Authorization header at all.
var malNoAuth = []string{}

// malCase is one malformed request and the answer a WordPress-compatible API gives it.
type malCase struct {
	name   string
	method string // GET when empty
	target string // sent as the request line's target, byte for byte
	// auth are the Authorization header values: nil sends the administrator's token
	// (none on the token route, which is for logging in), malNoAuth sends none.
	auth    []string
	ctype   string // Content-Type of body
	body    []byte
	chunked bool // no Content-Length: the body's size is learnt by reading it
	// setup runs before the request, from the same client address.
	setup func(t *testing.T, e *env, addr string)

	status int
	code   string // the WordPress error code; "" for a request that must succeed
	param  string // for rest_invalid_param: the parameter named in data.params
}

// malRequest builds a request the way net/http's server hands one to a handler, by
// hand, so that targets httptest.NewRequest refuses (a path with broken escapes, which a
// proxy may still pass on) can be sent too.
func malRequest(method, target string, body []byte, chunked bool) *http.Request {
	rawPath, rawQuery, _ := strings.Cut(target, "?")
	u, err := url.ParseRequestURI(rawPath)
	if err != nil {
		u = &url.URL{Path: rawPath} // as the bytes came
	}
	u.RawQuery = rawQuery
	req := &http.Request{
		Method: method, URL: u, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{}, Body: http.NoBody, Host: "127.0.0.1:8080",
		RemoteAddr: "192.0.2.1:1234", RequestURI: target,
	}
	if body != nil {
		req.Body = io.NopCloser(bytes.NewReader(body))
		req.ContentLength = int64(len(body))
		if chunked {
			req.ContentLength = -1
			req.TransferEncoding = []string{"chunked"}
		}
	}
	return req
}

// malServe runs req through the whole router under a 2-second deadline: a handler that
// hangs, panics or answers after the deadline fails the case.
func malServe(t *testing.T, e *env, req *http.Request) (*http.Request, *httptest.ResponseRecorder) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), malDeadline)
	defer cancel()
	req = req.WithContext(ctx)
	rec := httptest.NewRecorder()
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		e.server.ServeHTTP(rec, req)
	}()
	select {
	case p := <-done:
		if p != nil {
			t.Fatalf("%s %.200s: the handler panicked: %v", req.Method, req.RequestURI, p)
		}
	case <-ctx.Done():
		t.Fatalf("%s %.200s: no answer within %s", req.Method, req.RequestURI, malDeadline)
	}
	if err := ctx.Err(); err != nil {
		t.Fatalf("%s %.200s: answered after the %s deadline (%v)", req.Method, req.RequestURI, malDeadline, err)
	}
	return req, rec
}

// malLeaks are what a response must never show a client.
var malLeaks = []string{"goroutine", "panic", "runtime.", "sql:", "Error 1064", "SQLSTATE", "Error 1", "dolthub", ".go:"}

func malCheck(t *testing.T, c malCase, req *http.Request, rec *httptest.ResponseRecorder) {
	t.Helper()
	body := rec.Body.Bytes()
	// A download is the site's own text, whatever it says; everything else is ours.
	isDownload := c.code == "" && strings.Contains(req.URL.Path, "/export")
	for _, leak := range malLeaks {
		if isDownload {
			break
		}
		if bytes.Contains(body, []byte(leak)) {
			t.Errorf("the response shows %q: %.500s", leak, body)
		}
	}
	if c.code == "" {
		if rec.Code != c.status {
			t.Fatalf("status: got %d, want %d: %.500s", rec.Code, c.status, body)
		}
		wantCT := malJSONType
		if strings.Contains(req.URL.Path, "/export") {
			wantCT = malCSVType
		}
		if ct := rec.Header().Get("Content-Type"); ct != wantCT {
			t.Errorf("Content-Type: got %q, want %q", ct, wantCT)
		}
		if wantCT == malJSONType {
			malWholeJSON(t, body, false)
		}
		validate(t, req, rec)
		return
	}

	// An error: WordPress's error object, whole, with this status and code.
	if rec.Code != c.status {
		t.Errorf("status: got %d, want %d (body %.500s)", rec.Code, c.status, body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != malJSONType {
		t.Errorf("Content-Type: got %q, want %q", ct, malJSONType)
	}
	malWholeJSON(t, body, true)
	got := wantWPError(t, rec, c.status, c.code)
	if strings.Contains(got.Message, "wp_") {
		t.Errorf("the message names a table: %q", got.Message)
	}
	for name, why := range got.Data.Params {
		if strings.Contains(why, "wp_") || strings.Contains(name, "wp_") {
			t.Errorf("data.params names a table: %q: %q", name, why)
		}
	}
	if c.param != "" && got.Data.Params[c.param] == "" {
		t.Errorf("data.params.%s missing: %+v", c.param, got.Data.Params)
	}
	if c.code == "rest_invalid_param" && c.param != "" && !strings.Contains(got.Message, c.param) {
		t.Errorf("the message does not name %s: %q", c.param, got.Message)
	}
	if c.status == http.StatusTooManyRequests {
		if ra, err := strconv.Atoi(rec.Header().Get("Retry-After")); err != nil || ra < 1 {
			t.Errorf("429 without a Retry-After in seconds: %q", rec.Header().Get("Retry-After"))
		}
	}
	if cd := rec.Header().Get("Content-Disposition"); cd != "" {
		t.Errorf("an error carries a download's Content-Disposition %q", cd)
	}
	validate(t, req, rec)
}

// malWholeJSON checks that body is one complete JSON value (an object when wantObject),
// with nothing cut off and nothing after it.
func malWholeJSON(t *testing.T, body []byte, wantObject bool) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(body))
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("the body is not complete JSON: %v: %.500s", err, body)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		t.Errorf("the body goes on after its JSON value: %.500s", body)
	}
	if _, ok := v.(map[string]any); wantObject && !ok {
		t.Errorf("the body is not a JSON object: %.500s", body)
	}
}

// malCounts counts the rows of every fixture table.
func malCounts(e *env) map[string]string {
	counts := map[string]string{}
	for _, table := range []string{"wp_users", "wp_usermeta", "wp_options", "wp_chatbot_chatgpt_interactions", "wp_chatbot_chatgpt_conversation_log"} {
		counts[table] = e.queryString("SELECT COUNT(*) FROM " + table)
	}
	counts["admin user_pass"] = e.queryString("SELECT user_pass FROM wp_users WHERE ID = 1")
	return counts
}

func malB64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// malRepeat is a query string of n times pair, joined by &.
func malRepeat(pair string, n int) string {
	return strings.TrimSuffix(strings.Repeat(pair+"&", n), "&")
}

func TestMalformedRequests(t *testing.T) {
	// Login failures are limited per client address; every case comes from its own
	// address so that one case's failures never turn another's answer into a 429.
	e := newEnv(t, func(c *api.Config) {
		c.LoginLimits = auth.LoginLimits{MaxPerAddress: 3, MaxPerUsername: 1000, Window: time.Hour}
	})
	before := malCounts(e)

	now := e.clock.Now().Unix()
	claims := func(id any, mut func(jwt.MapClaims)) jwt.MapClaims {
		c := jwt.MapClaims{
			"iss": fixture.Home, "iat": now, "nbf": now, "exp": now + 3600,
			"data": map[string]any{"user": map[string]any{"id": id}},
		}
		if mut != nil {
			mut(c)
		}
		return c
	}
	bearer := func(c jwt.MapClaims) []string { return []string{"Bearer " + signHS256(t, fixture.Secret, c)} }
	unsigned := func(alg string) []string {
		tok := jwt.NewWithClaims(jwt.GetSigningMethod("none"), claims("1", nil))
		tok.Header["alg"] = alg
		s, err := tok.SigningString()
		if err != nil {
			t.Fatal(err)
		}
		return []string{"Bearer " + s + "."}
	}
	basicAuth := func(userColonPass string) []string { return []string{"Basic " + malB64(userColonPass)} }
	admin := "Bearer " + e.token

	huge := strings.Repeat("a", 100<<10)
	b64junk := strings.Repeat("QUJD", 10<<10/4)
	jsonLogin := func(user, pass string) []byte {
		b, _ := json.Marshal(map[string]string{"username": user, "password": pass})
		return b
	}
	// A body of exactly n bytes: a JSON login whose password pads it out.
	loginOfSize := func(n int) []byte {
		head, tail := `{"username":"nobody","password":"`, `"}`
		return []byte(head + strings.Repeat("p", n-len(head)-len(tail)) + tail)
	}
	deep := []byte(`{"username":"admin","password":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`)

	const ip, ij = "rest_invalid_param", "rest_invalid_json"
	const noRoute, badHeader, badToken = "rest_no_route", "jwt_auth_bad_auth_header", "jwt_auth_invalid_token"

	cases := []malCase{
		// Broken percent-encoding: the query cannot be read, and says so.
		{name: "PercentZZ/interactions-summary", target: malSummary + "?period=%zz", status: 400, code: ip, param: "query"},
		{name: "PercentAlone/interactions-rows", target: malRows + "?order=%", status: 400, code: ip, param: "query"},
		{name: "PercentHalf/tokens-export", target: malTokExport + "?start=2026-11-01&bom=%1", status: 400, code: ip, param: "query"},
		{name: "PercentInName/conversations-summary", target: malConvSummary + "?per%zziod=daily", status: 400, code: ip, param: "query"},
		{name: "Semicolon/interactions-summary", target: malSummary + "?period=daily;start=2026-11-01", status: 400, code: ip, param: "query"},
		// Decodable, but not UTF-8 or not the value: truncated and overlong sequences.
		{name: "TruncatedUTF8/interactions-export", target: malExport + "?start=%E0%A4", status: 400, code: ip, param: "start"},
		{name: "TruncatedUTF8/tokens-summary", target: malTokSummary + "?period=daily%E0%A4", status: 400, code: ip, param: "period"},
		{name: "OverlongUTF8/conversations-summary", target: malConvSummary + "?period=%C1%A4aily", status: 400, code: ip, param: "period"},
		{name: "OverlongUTF8/conversations-export", target: malConvExport + "?bom=%C0%B1", status: 400, code: ip, param: "bom"},
		{name: "OverlongUTF8/tokens-export", target: malTokExport + "?escape_formulas=%C0%B0", status: 400, code: ip, param: "escape_formulas"},
		{name: "OverlongUTF8/interactions-rows-page", target: malRows + "?page=%C0%B1", status: 400, code: ip, param: "page"},
		{name: "OverlongSlash/interactions-summary-end", target: malSummary + "?end=2026%C0%AF11%C0%AF25", status: 400, code: ip, param: "end"},
		// NUL bytes.
		{name: "NUL/interactions-summary", target: malSummary + "?period=daily%00", status: 400, code: ip, param: "period"},
		{name: "NUL/interactions-rows", target: malRows + "?per_page=10%00", status: 400, code: ip, param: "per_page"},
		{name: "NUL/interactions-rows-order", target: malRows + "?order=asc%00", status: 400, code: ip, param: "order"},
		{name: "NUL/interactions-export", target: malExport + "?end=2026-11-25%00", status: 400, code: ip, param: "end"},
		{name: "NUL/conversations-summary", target: malConvSummary + "?fill=true%00", status: 400, code: ip, param: "fill"},
		{name: "NUL/conversations-export", target: malConvExport + "?escape_formulas=%00", status: 400, code: ip, param: "escape_formulas"},
		{name: "NULTenBytes/tokens-export", target: malTokExport + "?start=%002026-11-2", status: 400, code: ip, param: "start"},
		// Fullwidth digits.
		{name: "Fullwidth/interactions-rows-page", target: malRows + "?page=%EF%BC%91", status: 400, code: ip, param: "page"},
		{name: "Fullwidth/interactions-rows-per-page", target: malRows + "?per_page=%EF%BC%91%EF%BC%90", status: 400, code: ip, param: "per_page"},
		{name: "Fullwidth/tokens-summary", target: malTokSummary + "?start=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96-11-01", status: 400, code: ip, param: "start"},
		{name: "Fullwidth/interactions-export", target: malExport + "?bom=%EF%BC%91", status: 400, code: ip, param: "bom"},
		// + is a space in a query; %20 too.
		{name: "Plus/interactions-summary", target: malSummary + "?period=daily+", status: 400, code: ip, param: "period"},
		{name: "Percent20/conversations-summary", target: malConvSummary + "?period=%20weekly", status: 400, code: ip, param: "period"},
		{name: "Plus/interactions-rows-page", target: malRows + "?page=+1", status: 400, code: ip, param: "page"},
		{name: "Plus/interactions-export", target: malExport + "?start=2026-11-20+&end=2026-11-25", status: 400, code: ip, param: "start"},
		{name: "Plus/tokens-export", target: malTokExport + "?bom=true+", status: 400, code: ip, param: "bom"},
		// Byte-order marks and right-to-left marks.
		{name: "BOM/interactions-summary", target: malSummary + "?period=%EF%BB%BFdaily", status: 400, code: ip, param: "period"},
		{name: "BOM/conversations-export", target: malConvExport + "?start=%EF%BB%BF2026-11-01", status: 400, code: ip, param: "start"},
		{name: "BOM/tokens-summary", target: malTokSummary + "?fill=%EF%BB%BFtrue", status: 400, code: ip, param: "fill"},
		{name: "RLM/interactions-rows", target: malRows + "?order=%E2%80%8Fasc", status: 400, code: ip, param: "order"},
		{name: "RLM/tokens-export", target: malTokExport + "?end=2026-11-25%E2%80%8F", status: 400, code: ip, param: "end"},
		{name: "RLO/conversations-summary", target: malConvSummary + "?period=%E2%80%AEylliad", status: 400, code: ip, param: "period"},
		{name: "RLM/interactions-export", target: malExport + "?bom=%E2%80%8F1", status: 400, code: ip, param: "bom"},
		{name: "KelvinSign/interactions-summary", target: malSummary + "?period=wee%E2%84%AAly", status: 400, code: ip, param: "period"},

		// Huge values.
		{name: "Value100KB/interactions-summary", target: malSummary + "?period=" + huge, status: 400, code: ip, param: "period"},
		{name: "Value100KB/interactions-rows", target: malRows + "?start=" + huge, status: 400, code: ip, param: "start"},
		{name: "Value100KB/conversations-export", target: malConvExport + "?escape_formulas=" + huge, status: 400, code: ip, param: "escape_formulas"},
		{name: "TenThousandParams/conversations-summary", target: malConvSummary + "?" + malRepeat("period=daily", 10000), status: 400, code: ip, param: "period"},
		{name: "TenThousandParams/tokens-export", target: malTokExport + "?" + malRepeat("bom=1", 10000), status: 400, code: ip, param: "bom"},
		// Go reads at most 10,000 pairs of a query; more are refused, not cut short.
		{name: "TenThousandAndOneParams/tokens-summary", target: malTokSummary + "?" + malRepeat("x=1", 10001), status: 400, code: ip, param: "query"},
		{name: "Year99999/interactions-summary", target: malSummary + "?start=99999-01-01", status: 400, code: ip, param: "start"},
		{name: "Year99999/interactions-rows", target: malRows + "?end=99999-12-31", status: 400, code: ip, param: "end"},
		{name: "Year0000/conversations-summary", target: malConvSummary + "?start=0000-01-01", status: 400, code: ip, param: "start"},
		{name: "NegativeYear/tokens-summary", target: malTokSummary + "?start=-001-01-01", status: 400, code: ip, param: "start"},
		{name: "TooManyBuckets/tokens-summary", target: malTokSummary + "?period=daily&start=1900-01-01", status: 400, code: ip, param: "start"},
		{name: "PerPage20Digits/interactions-rows", target: malRows + "?per_page=99999999999999999999", status: 400, code: ip, param: "per_page"},
		{name: "PageNegative20Digits/interactions-rows", target: malRows + "?page=-99999999999999999999", status: 400, code: ip, param: "page"},
		{name: "PageMinusZero/interactions-rows", target: malRows + "?page=-0", status: 400, code: ip, param: "page"},
		{name: "PerPageNegative/interactions-rows", target: malRows + "?per_page=-1", status: 400, code: ip, param: "per_page"},
		// No page past the calendar's days can exist: refused, with that bound in the message.
		{name: "PageMaxInt64/interactions-rows", target: malRows + "?page=9223372036854775807", status: 400, code: ip, param: "page"},
		{name: "PageMaxInt64EmptyWindow/interactions-rows", target: malRows + "?start=2000-01-01&end=2000-01-02&page=9223372036854775807", status: 400, code: ip, param: "page"},
		{name: "PageAtBound/interactions-rows", target: malRows + "?page=3652059", status: 400, code: "rest_post_invalid_page_number"},
		// The edges of the calendar are dates like any other: answers, not errors.
		{name: "PageAtBoundEmptyWindow/interactions-rows", target: malRows + "?start=2000-01-01&end=2000-01-02&page=3652059", status: 200},
		{name: "WholeCalendarYearly/conversations-summary", target: malConvSummary + "?period=yearly&start=0001-01-01&end=9999-12-31", status: 200},
		{name: "Year0001/tokens-export", target: malTokExport + "?start=0001-01-01&end=0001-01-01", status: 200},
		{name: "Year9999End/conversations-export", target: malConvExport + "?end=9999-12-31", status: 200},
		{name: "Year9999End/tokens-export", target: malTokExport + "?start=2026-11-01&end=9999-12-31", status: 200},

		// Duplicated and nameless parameters.
		{name: "Duplicate/interactions-summary", target: malSummary + "?period=daily&period=daily", status: 400, code: ip, param: "period"},
		{name: "Duplicate/interactions-export", target: malExport + "?bom=1&bom=1", status: 400, code: ip, param: "bom"},
		{name: "Duplicate/conversations-export", target: malConvExport + "?escape_formulas=0&escape_formulas=0", status: 400, code: ip, param: "escape_formulas"},
		{name: "Duplicate/tokens-summary", target: malTokSummary + "?start=2026-11-01&start=2026-11-01", status: 400, code: ip, param: "start"},
		{name: "Duplicate/tokens-export", target: malTokExport + "?end=2026-11-25&end=2026-11-25", status: 400, code: ip, param: "end"},
		{name: "Duplicate/interactions-rows", target: malRows + "?order=asc&order=asc", status: 400, code: ip, param: "order"},
		{name: "Duplicate/interactions-rows-per-page", target: malRows + "?per_page=5&per_page=5", status: 400, code: ip, param: "per_page"},
		{name: "DuplicateEncodedName/conversations-summary", target: malConvSummary + "?fill=true&%66ill=true", status: 400, code: ip, param: "fill"},
		{name: "NoValue/interactions-summary", target: malSummary + "?period", status: 400, code: ip, param: "period"},
		{name: "NoValue/interactions-export", target: malExport + "?bom", status: 400, code: ip, param: "bom"},
		{name: "NoValue/interactions-rows", target: malRows + "?page", status: 400, code: ip, param: "page"},
		// A parameter the route does not know is ignored, as WordPress ignores it; so is a
		// pair with an empty name.
		{name: "EmptyName/interactions-summary", target: malSummary + "?=x", status: 200},
		{name: "EmptyNames/interactions-rows", target: malRows + "?=&=&&", status: 200},
		{name: "UnknownParam/tokens-summary", target: malTokSummary + "?foo=bar", status: 200},
		{name: "BOMInName/interactions-summary", target: malSummary + "?%EF%BB%BFperiod=weekly", status: 200},

		// Path tricks: nothing is cleaned up into a route.
		{name: "DotDot/interactions-summary", target: "/wp-json/kchat/v1/../v1/interactions/summary", status: 404, code: noRoute},
		{name: "DoubleSlash/interactions-summary", target: "//wp-json/kchat/v1/interactions/summary", status: 404, code: noRoute},
		{name: "InnerDoubleSlash/interactions-rows", target: "/wp-json/kchat/v1//interactions", status: 404, code: noRoute},
		{name: "EncodedDotDot/interactions-rows", target: "/wp-json/kchat/v1/%2e%2e/v1/interactions", status: 404, code: noRoute},
		{name: "Dot/interactions-rows", target: "/wp-json/kchat/v1/./interactions", status: 404, code: noRoute},
		{name: "EncodedSlash/interactions-summary", target: "/wp-json/kchat/v1/interactions%2Fsummary", status: 404, code: noRoute},
		// Trailing slashes are stripped from the route, as WordPress strips them.
		{name: "TrailingSlash/interactions-summary", target: malSummary + "/", status: 200},
		{name: "TrailingSlashes/tokens-summary", target: malTokSummary + "///", status: 200},
		{name: "TrailingDot/interactions-export", target: malExport + "/.", status: 404, code: noRoute},
		{name: "Uppercase/interactions-summary", target: "/WP-JSON/KCHAT/V1/INTERACTIONS/SUMMARY", status: 404, code: noRoute},
		{name: "MixedCase/interactions-export", target: "/wp-json/kchat/v1/Interactions/Export", status: 404, code: noRoute},
		{name: "JSessionID/interactions-summary", target: malSummary + ";jsessionid=ABC123", status: 404, code: noRoute},
		{name: "QueryInPath/conversations-summary", target: malConvSummary + "%3Fperiod=daily", status: 404, code: noRoute},
		{name: "LongPath/namespace", target: "/wp-json/kchat/v1/" + huge, status: 404, code: noRoute},
		{name: "NULInPath/tokens-export", target: malTokExport + "%00", status: 404, code: noRoute},
		{name: "BrokenEscapeInPath/tokens-summary", target: malTokSummary + "%zz", status: 404, code: noRoute},
		{name: "Backslash/conversations-export", target: "/wp-json/kchat/v1/conversations\\export", status: 404, code: noRoute},
		{name: "TrailingSlash/token", method: "POST", target: malToken + "/", auth: malNoAuth, ctype: "application/json", body: jsonLogin("admin", "admin-pass-123"), status: 200},
		{name: "TrailingSlashNoAuth/interactions-rows", target: malRows + "/", auth: malNoAuth, status: 401, code: "rest_not_logged_in"},
		{name: "SlashThenDot/interactions-rows", target: malRows + "/./", status: 404, code: noRoute},

		// SQL in every parameter: refused as a bad value, never run, never a 500.
		{name: "SQL/interactions-summary-period", target: malSummary + "?period=%27%20OR%201=1--", status: 400, code: ip, param: "period"},
		{name: "SQL/interactions-summary-end", target: malSummary + "?end=1%3BDROP%20TABLE%20wp_users", status: 400, code: ip, param: "end"},
		{name: "SQL/interactions-summary-fill", target: malSummary + "?fill=1%20UNION%20SELECT%20user_pass%20FROM%20wp_users", status: 400, code: ip, param: "fill"},
		{name: "SQL/interactions-rows-order", target: malRows + "?order=asc%3BDROP%20TABLE%20wp_users", status: 400, code: ip, param: "order"},
		{name: "SQL/interactions-rows-page", target: malRows + "?page=1%3BDROP%20TABLE%20wp_users", status: 400, code: ip, param: "page"},
		{name: "SQL/interactions-rows-per-page", target: malRows + "?per_page=10%20UNION%20SELECT%20user_pass%20FROM%20wp_users", status: 400, code: ip, param: "per_page"},
		{name: "SQL/interactions-rows-start", target: malRows + "?start=2026-11-01'+OR+'1'='1", status: 400, code: ip, param: "start"},
		{name: "SQL/interactions-export-start", target: malExport + "?start=2026-11-01%27%20UNION%20SELECT%201--", status: 400, code: ip, param: "start"},
		{name: "SQL/interactions-export-end", target: malExport + "?end=%5C%27", status: 400, code: ip, param: "end"},
		{name: "SQL/interactions-export-bom", target: malExport + "?bom=1%27--", status: 400, code: ip, param: "bom"},
		{name: "SQL/conversations-summary-fill", target: malConvSummary + "?fill=0x31", status: 400, code: ip, param: "fill"},
		{name: "SQL/conversations-summary-period", target: malConvSummary + "?period=daily%22%20OR%20%22%22=%22", status: 400, code: ip, param: "period"},
		{name: "SQL/conversations-export-start", target: malConvExport + "?start=0x7E0", status: 400, code: ip, param: "start"},
		{name: "SQL/conversations-export-bom", target: malConvExport + "?bom=1%20OR%201=1", status: 400, code: ip, param: "bom"},
		{name: "SQL/tokens-summary-end", target: malTokSummary + "?end=2026-11-25%5C0", status: 400, code: ip, param: "end"},
		{name: "SQL/tokens-summary-start", target: malTokSummary + "?start=%27%3B%20DELETE%20FROM%20wp_users%3B--", status: 400, code: ip, param: "start"},
		{name: "SQL/tokens-export-escape", target: malTokExport + "?escape_formulas=false%27--", status: 400, code: ip, param: "escape_formulas"},
		{name: "SQL/tokens-export-start", target: malTokExport + "?start=2026-11-01%20OR%20SLEEP(5)", status: 400, code: ip, param: "start"},
		// _fields ignores names it does not know, as WordPress does: an answer, not an error.
		{name: "SQL/interactions-rows-fields", target: malRows + "?_fields=date,(SELECT%20user_pass%20FROM%20wp_users)", status: 200},
		{name: "SQL/token-username", method: "POST", target: malToken, ctype: "application/json", body: jsonLogin("admin' OR '1'='1", "x"), status: 403, code: "[jwt_auth] invalid_username"},
		{name: "SQLWildcard/token-username", method: "POST", target: malToken, ctype: "application/json", body: jsonLogin("adm%", "admin-pass-123"), status: 403, code: "[jwt_auth] invalid_username"},
		{name: "SQLUnderscore/token-username", method: "POST", target: malToken, ctype: "application/json", body: jsonLogin("_dmin", "admin-pass-123"), status: 403, code: "[jwt_auth] invalid_username"},
		{name: "SQLHex/token-username", method: "POST", target: malToken, ctype: "application/x-www-form-urlencoded", body: []byte("username=0x61646d696e&password=admin-pass-123"), status: 403, code: "[jwt_auth] invalid_username"},
		{name: "SQLBackslash/token-username", method: "POST", target: malToken, ctype: "application/json", body: jsonLogin(`admin\`, "admin-pass-123"), status: 403, code: "[jwt_auth] invalid_username"},
		{name: "SQL/basic-username", target: malRows, auth: basicAuth("admin' -- :x"), status: 401, code: "invalid_username"},
		{name: "SQL/token-user-id", target: malConvSummary, auth: bearer(claims("1 OR 1=1", nil)), status: 401, code: "jwt_auth_bad_request"},

		// Authorization.
		{name: "NoAuthorization/tokens-summary", target: malTokSummary, auth: malNoAuth, status: 401, code: "rest_not_logged_in"},
		{name: "BlankAuthorization/interactions-export", target: malExport, auth: []string{"   "}, status: 401, code: "rest_not_logged_in"},
		{name: "BearerEmpty/interactions-summary", target: malSummary, auth: []string{"Bearer "}, status: 401, code: badHeader},
		{name: "Bearer10KBJunk/interactions-rows", target: malRows, auth: []string{"Bearer " + b64junk}, status: 401, code: badToken},
		{name: "Bearer10KBSymbols/interactions-export", target: malExport, auth: []string{"Bearer " + strings.Repeat("!$%", 10<<10/3)}, status: 401, code: badToken},
		{name: "BearerNonASCII/tokens-summary", target: malTokSummary, auth: []string{"Bearer é.é.é"}, status: 401, code: badToken},
		{name: "BearerFourSegments/interactions-summary", target: malSummary, auth: []string{admin + ".e30"}, status: 401, code: badToken},
		{name: "TwoAuthorizationHeaders/conversations-summary", target: malConvSummary, auth: []string{admin, admin}, status: 401, code: badHeader},
		{name: "BearerAndBasic/interactions-rows", target: malRows, auth: []string{admin, basicAuth("admin:x")[0]}, status: 401, code: badHeader},
		{name: "BearerTab/interactions-export", target: malExport, auth: []string{"Bearer\t" + e.token}, status: 401, code: badHeader},
		{name: "OtherScheme/tokens-export", target: malTokExport, auth: []string{"Token " + e.token}, status: 401, code: badHeader},
		{name: "BasicBadBase64/tokens-summary", target: malTokSummary, auth: []string{"Basic YWRtaW4"}, status: 401, code: badHeader},
		{name: "BasicNoColon/tokens-export", target: malTokExport, auth: basicAuth("admin"), status: 401, code: badHeader},
		{name: "BasicUserNotUTF8/interactions-summary", target: malSummary, auth: basicAuth("\xff\xfe:x"), status: 401, code: badHeader},
		{name: "BasicEmptyUser/interactions-rows", target: malRows, auth: basicAuth(":x"), status: 401, code: badHeader},
		{name: "AlgNone/validate", method: "POST", target: malValidate, auth: unsigned("none"), status: 401, code: badToken},
		{name: "AlgRS256Header/interactions-summary", target: malSummary, auth: unsigned("RS256"), status: 401, code: badToken},
		{name: "Expired/interactions-rows", target: malRows, auth: bearer(claims("1", func(c jwt.MapClaims) { c["exp"] = now - 1 })), status: 401, code: badToken},
		{name: "WrongIssuer/interactions-export", target: malExport, auth: bearer(claims("1", func(c jwt.MapClaims) { c["iss"] = "https://evil.example" })), status: 401, code: "jwt_auth_bad_iss"},
		{name: "Editor/conversations-summary", target: malConvSummary, auth: []string{"Bearer " + e.tokenFor(editorID)}, status: 403, code: "rest_forbidden"},
		{name: "Editor/validate", method: "POST", target: malValidate, auth: []string{"Bearer " + e.tokenFor(editorID)}, status: 403, code: "rest_forbidden"},
		{name: "UserIDWord/conversations-export", target: malConvExport, auth: bearer(claims("abc", nil)), status: 401, code: "jwt_auth_bad_request"},
		{name: "UserIDExponent/interactions-summary", target: malSummary, auth: bearer(claims(json.Number("1e0"), nil)), status: 401, code: "jwt_auth_bad_request"},
		{name: "UserIDNegative/interactions-rows", target: malRows, auth: bearer(claims("-1", nil)), status: 401, code: "jwt_auth_bad_request"},
		{name: "UserIDHuge/tokens-summary", target: malTokSummary, auth: bearer(claims("99999999999999999999999", nil)), status: 401, code: "jwt_auth_bad_request"},
		{name: "UserIDMaxUint64/tokens-export", target: malTokExport, auth: bearer(claims("18446744073709551615", nil)), status: 403, code: "rest_forbidden"},
		{name: "OtherSecret/validate", method: "POST", target: malValidate, auth: []string{"Bearer " + signHS256(t, "a-different-secret-of-enough-length", claims("1", nil))}, status: 401, code: badToken},
		{name: "ForgedFingerprint/interactions-export", target: malExport, auth: bearer(claims("1", func(c jwt.MapClaims) { c["kchat_pwf"] = "AAAAAAAAAAAAAAAA" })), status: 401, code: badToken},
		{name: "BasicOnValidate/validate", method: "POST", target: malValidate, auth: basicAuth("admin:AbCdEfGhIjKlMnOpQrStUvWx"), status: 401, code: badHeader},
		{name: "BearerOnTokenRoute/token", method: "POST", target: malToken, auth: []string{admin}, status: 401, code: badHeader},
		{name: "TooManyFailures/conversations-export", target: malConvExport, auth: basicAuth("admin:AbCdEfGhIjKlMnOpQrStUvWx"),
			setup: func(t *testing.T, e *env, addr string) {
				for i := 0; i < 3; i++ {
					req := malRequest(http.MethodGet, malConvExport, nil, false)
					req.RemoteAddr = addr
					req.Header.Set("Authorization", "Basic "+malB64("nobody"+strconv.Itoa(i)+":x"))
					if _, rec := malServe(t, e, req); rec.Code != http.StatusUnauthorized {
						t.Fatalf("failure %d: got %d", i, rec.Code)
					}
				}
			},
			status: 429, code: "kchat_too_many_attempts"},
		{name: "LowercaseBearer/conversations-export", target: malConvExport, auth: []string{"bearer " + e.token}, status: 200},

		// The token route's body.
		{name: "TruncatedJSON/token", method: "POST", target: malToken, ctype: "application/json", body: []byte(`{"username":"admin","password":"x"`), status: 400, code: ij},
		{name: "JSONArray/token", method: "POST", target: malToken, ctype: "application/json", body: []byte(`[{"username":"admin","password":"x"}]`), status: 400, code: ij},
		{name: "JSONTrailingGarbage/token", method: "POST", target: malToken, ctype: "application/json", body: append(jsonLogin("admin", "admin-pass-123"), "garbage"...), status: 400, code: ij},
		{name: "JSONWithBOM/token", method: "POST", target: malToken, ctype: "application/json", body: append([]byte("\xEF\xBB\xBF"), jsonLogin("admin", "admin-pass-123")...), status: 400, code: ij},
		{name: "JSONNested20000Deep/token", method: "POST", target: malToken, ctype: "application/json", body: deep, status: 400, code: ij},
		{name: "FormBodyAsJSON/token", method: "POST", target: malToken, ctype: "application/json", body: []byte("username=admin&password=admin-pass-123"), status: 400, code: ij},
		{name: "FormBrokenEscape/token", method: "POST", target: malToken, ctype: "application/x-www-form-urlencoded", body: []byte("username=admin&password=%zz"), status: 400, code: ip},
		{name: "BodyOverLimit/token", method: "POST", target: malToken, ctype: "application/json", body: loginOfSize(malMaxLoginBody + 1), status: 413, code: "rest_request_too_large"},
		{name: "BodyOverLimitChunked/token", method: "POST", target: malToken, ctype: "application/json", body: loginOfSize(1 << 20), chunked: true, status: 413, code: "rest_request_too_large"},
		{name: "FormOverLimit/token", method: "POST", target: malToken, ctype: "application/x-www-form-urlencoded", body: []byte("username=admin&password=" + huge), status: 413, code: "rest_request_too_large"},
		{name: "BodyAtLimit/token", method: "POST", target: malToken, ctype: "application/json", body: loginOfSize(malMaxLoginBody), status: 403, code: "[jwt_auth] invalid_username"},
		{name: "TextPlain/token", method: "POST", target: malToken, ctype: "text/plain", body: jsonLogin("admin", "admin-pass-123"), status: 403, code: "[jwt_auth] empty_username"},
		{name: "XML/token", method: "POST", target: malToken, ctype: "application/xml", body: []byte("<username>admin</username><password>admin-pass-123</password>"), status: 403, code: "[jwt_auth] empty_username"},
		{name: "NoContentType/token", method: "POST", target: malToken, body: jsonLogin("admin", "admin-pass-123"), status: 403, code: "[jwt_auth] empty_username"},
		{name: "Arrays/token", method: "POST", target: malToken, ctype: "application/json", body: []byte(`{"username":["admin"],"password":["admin-pass-123"]}`), status: 403, code: "[jwt_auth] empty_username"},
		{name: "PasswordArray/token", method: "POST", target: malToken, ctype: "application/json", body: []byte(`{"username":"admin","password":["admin-pass-123"]}`), status: 403, code: "[jwt_auth] empty_password"},
		{name: "OperatorObjects/token", method: "POST", target: malToken, ctype: "application/json", body: []byte(`{"username":{"$ne":null},"password":{"$ne":null}}`), status: 403, code: "[jwt_auth] empty_username"},
		{name: "Nulls/token", method: "POST", target: malToken, ctype: "application/json", body: []byte(`{"username":null,"password":null}`), status: 403, code: "[jwt_auth] empty_username"},
		{name: "EmptyObject/token", method: "POST", target: malToken, ctype: "application/json", body: []byte(`{}`), status: 403, code: "[jwt_auth] empty_username"},
		{name: "MissingPassword/token", method: "POST", target: malToken, ctype: "application/json", body: []byte(`{"username":"admin"}`), status: 403, code: "[jwt_auth] empty_password"},
		{name: "BlankUsername/token", method: "POST", target: malToken, ctype: "application/json", body: jsonLogin(" \t ", "admin-pass-123"), status: 403, code: "[jwt_auth] empty_username"},

		// Methods a route does not serve: rest_no_route, as WordPress answers.
		{name: "PUT/interactions-summary", method: "PUT", target: malSummary, status: 404, code: noRoute},
		{name: "DELETE/interactions-rows", method: "DELETE", target: malRows, status: 404, code: noRoute},
		{name: "PATCH/interactions-export", method: "PATCH", target: malExport, status: 404, code: noRoute},
		{name: "POST/conversations-summary", method: "POST", target: malConvSummary, status: 404, code: noRoute},
		{name: "DELETE/conversations-export", method: "DELETE", target: malConvExport, status: 404, code: noRoute},
		{name: "PUT/tokens-summary", method: "PUT", target: malTokSummary, status: 404, code: noRoute},
		{name: "PATCH/tokens-export", method: "PATCH", target: malTokExport, status: 404, code: noRoute},
		{name: "GET/token", target: malToken + "?username=admin&password=admin-pass-123", status: 404, code: noRoute},
		{name: "PUT/validate", method: "PUT", target: malValidate, status: 404, code: noRoute},
		{name: "TRACE/interactions-summary", method: "TRACE", target: malSummary, status: 404, code: noRoute},
		{name: "UnknownMethod/interactions-rows", method: "BREW", target: malRows, status: 404, code: noRoute},
	}

	seen := map[string]bool{}
	for i, c := range cases {
		if seen[c.name] {
			t.Fatalf("two cases are named %s", c.name)
		}
		seen[c.name] = true
		t.Run(c.name, func(t *testing.T) {
			method := c.method
			if method == "" {
				method = http.MethodGet
			}
			addr := fmt.Sprintf("198.18.%d.%d:40000", i/250, i%250+1)
			if c.setup != nil {
				c.setup(t, e, addr)
			}
			req := malRequest(method, c.target, c.body, c.chunked)
			req.RemoteAddr = addr
			if c.ctype != "" {
				req.Header.Set("Content-Type", c.ctype)
			}
			auth := c.auth
			if auth == nil && c.target != malToken {
				auth = []string{admin}
			}
			for _, a := range auth {
				req.Header.Add("Authorization", a)
			}
			req, rec := malServe(t, e, req)
			malCheck(t, c, req, rec)
		})
	}

	if after := malCounts(e); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("the fixture tables changed: before %v, after %v", before, after)
	}
	// And the site still answers.
	if rec := e.get(malSummary); rec.Code != http.StatusOK {
		t.Errorf("after the malformed requests: %d %s", rec.Code, rec.Body.String())
	}
}
