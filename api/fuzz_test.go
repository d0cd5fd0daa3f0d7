package api_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
)

// FuzzRequests sends arbitrary requests through the whole router (every query
// parameter parser, the Authorization header, the token route's JSON and form bodies)
// with a database that always answers. Whatever arrives, the answer is never a 5xx,
// and every error is one whole WordPress error object with its own status.
func FuzzRequests(f *testing.F) {
	paths := []string{
		"/wp-json/kchat/v1/interactions/summary", "/wp-json/kchat/v1/interactions", "/wp-json/kchat/v1/interactions/export",
		"/wp-json/kchat/v1/conversations/summary", "/wp-json/kchat/v1/conversations/export", "/wp-json/kchat/v1/tokens/summary",
		"/wp-json/kchat/v1/tokens/export", "/wp-json/jwt-auth/v1/token", "/wp-json/jwt-auth/v1/token/validate", "/wp-json/", "/readyz",
		"/wp-json/kchat/v1/interactions/weekdays",
	}
	for i := range paths {
		f.Add(uint8(i), false, "period=weekly&start=2026-01-01&fill=true", "", "", []byte(nil))
		f.Add(uint8(i), true, "page=2&per_page=100&order=asc&_fields=date", "", "application/json", []byte(`{"username":"admin","password":"x"}`))
	}
	f.Add(uint8(7), true, "", "Basic YWRtaW46eA==", "application/x-www-form-urlencoded", []byte("username=admin&password=x&username=b"))
	f.Add(uint8(0), false, "start=2026-02-30&end=%zz", "Bearer a.b.c", "", []byte(nil))

	store := &fakeStore{}
	for d := 0; d < 60; d++ {
		day := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d)
		store.days = append(store.days, repository.DayCount{Date: day})
		store.days[d].Count.Int64, store.days[d].Count.Valid = int64(d), true
	}
	srv := newFakeServer(f, store, io.Discard)
	tok, err := api.IssueToken([]byte(fixture.Secret), api.TokenParams{Issuer: fixture.Home, UserID: 1, IssuedAt: fixtureNow, TTL: time.Hour})
	if err != nil {
		f.Fatal(err)
	}

	f.Fuzz(func(t *testing.T, route uint8, post bool, rawQuery, auth, contentType string, body []byte) {
		path := paths[int(route)%len(paths)]
		method := http.MethodGet
		if post {
			method = http.MethodPost
		}
		req := &http.Request{
			Method: method, URL: &url.URL{Path: path, RawQuery: rawQuery}, RequestURI: path + "?" + rawQuery,
			Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, Host: "sidecar.test", RemoteAddr: "192.0.2.1:1234",
			Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)),
		}
		switch {
		case auth == "":
			req.Header.Set("Authorization", "Bearer "+tok)
		case auth != "-":
			req.Header["Authorization"] = []string{auth}
		}
		if contentType != "" {
			req.Header["Content-Type"] = []string{contentType}
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s?%q: %d %s", method, path, rawQuery, rec.Code, rec.Body.String())
		}
		if rec.Code >= 400 {
			var e struct {
				Code string
				Data struct{ Status int }
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Code == "" || e.Data.Status != rec.Code {
				t.Fatalf("%s %s?%q: %d is not a WordPress error: %s", method, path, rawQuery, rec.Code, rec.Body.String())
			}
		} else if strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") && !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("%s %s?%q: %d with a body that is not JSON", method, path, rawQuery, rec.Code)
		}
	})
}
