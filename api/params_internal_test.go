package api

import (
	"encoding/base64"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api/period"
)

// FuzzSummaryParams: any query string either yields a window that is ordered and within
// the bucket limit, or a 400 rest_invalid_param naming at least one parameter; never a
// panic.
func FuzzSummaryParams(f *testing.F) {
	for _, seed := range []string{
		"", "period=weekly", "period=Daily&start=2026-01-01&end=2026-01-31&fill=0",
		"start=0001-01-01&end=9999-12-31&period=yearly", "start=9999-12-31", "end=0001-01-01&period=weekly",
		"period=daily&period=daily", "fill=%zz", "start=2026-02-29", "start=2024-02-29&period=monthly",
		"end=0001-01-07&period=weekly", "period=MONTHLY&end=0001-03-31",
	} {
		f.Add(seed, 3)
	}
	today := period.Date{Year: 2026, Month: time.November, Day: 25}
	f.Fuzz(func(t *testing.T, raw string, weekStart int) {
		weekStart = ((weekStart % 7) + 7) % 7
		p, err := parseSummaryParams(raw, today, period.Daily, time.Weekday(weekStart))
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Status != http.StatusBadRequest || e.Code != "rest_invalid_param" || len(e.Params) == 0 {
				t.Fatalf("%q: error %v is not a rest_invalid_param naming a parameter", raw, err)
			}
			return
		}
		if p.Start.After(p.End) {
			t.Fatalf("%q: start %v after end %v", raw, p.Start, p.End)
		}
		n := period.CountBuckets(p.Period, p.Start, p.End, time.Weekday(weekStart))
		if n < 1 || n > maxBuckets {
			t.Fatalf("%q: %d buckets", raw, n)
		}
		if len(period.Summarize(p.Period, p.Start, p.End, time.Weekday(weekStart), nil)) != n {
			t.Fatalf("%q: Summarize disagrees with CountBuckets", raw)
		}
	})
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
			if herr.Status != http.StatusUnauthorized {
				t.Fatalf("%q: status %d", header, herr.Status)
			}
			return
		}
		tok := creds.bearer
		c, terr := verifyToken(secret, tok, "http://x.test", now)
		if terr != nil {
			if terr.Status != http.StatusUnauthorized {
				t.Fatalf("%q: status %d", header, terr.Status)
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

// FuzzAuthorization: any Authorization header is refused with a 401, or yields Bearer
// credentials of base64url and dots only, or Basic credentials that encode back to the
// header exactly (no second reading of a mangled header).
func FuzzAuthorization(f *testing.F) {
	for _, s := range []string{"", "Basic YWRtaW46cGFzcw==", "basic YWRtaW46", "Basic Og==", "Basic !!!", "Bearer a.b.c",
		"Basic YWRtaW46cGFzczp3aXRoOmNvbG9ucw==", "Basic  YWRtaW46cGFzcw==", "Basic YWRtaW46cGFzcw", "Digest x", "Basic w6k6w6k="} {
		f.Add(s, true)
	}
	// Bearer tokens whose JSON a loose reader would take (duplicated keys, crit).
	for _, trick := range [][2]string{
		{`{"alg":"HS256","crit":["exp"]}`, `{"exp":1}`},
		{`{"alg":"none","alg":"HS256"}`, `{"exp":1,"Exp":2,"exp":"3"}`},
	} {
		f.Add("Bearer "+handSigned([]byte("fuzz-secret-0123456789"), trick[0], trick[1]), false)
	}
	f.Fuzz(func(t *testing.T, header string, allowBasic bool) {
		c, err := parseAuthorization([]string{header}, allowBasic)
		if err != nil {
			if err.Status != http.StatusUnauthorized || err.Code == "" {
				t.Fatalf("%q: %d %s", header, err.Status, err.Code)
			}
			return
		}
		switch {
		case c.bearer != "":
			if strings.Trim(c.bearer, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.") != "" {
				t.Fatalf("%q: bearer %q", header, c.bearer)
			}
		case allowBasic && c.username != "":
			scheme, value, _ := strings.Cut(strings.TrimSpace(header), " ")
			if !strings.EqualFold(scheme, "Basic") || base64.StdEncoding.EncodeToString([]byte(c.username+":"+c.password)) != strings.TrimSpace(value) {
				t.Fatalf("%q: user %q password %q", header, c.username, c.password)
			}
		default:
			t.Fatalf("%q: accepted with no credentials", header)
		}
	})
}
