package auth

import (
	"encoding/base64"
	"strings"
	"testing"
)

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
			if err.Kind != Unauthenticated || err.Code == "" {
				t.Fatalf("%q: %d %s", header, err.Kind, err.Code)
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
