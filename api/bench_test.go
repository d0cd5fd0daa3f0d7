package api_test

import (
	"database/sql"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
)

// discard is a ResponseWriter that keeps nothing, so a benchmark measures the server.
type discard struct{ h http.Header }

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) Write(b []byte) (int, error) { return len(b), nil }
func (d *discard) WriteHeader(int)             {}
func (d *discard) Flush()                      {}

func days(n int) []repository.DayCount {
	out := make([]repository.DayCount, n)
	first := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -n+1)
	for i := range out {
		out[i] = repository.DayCount{Date: first.AddDate(0, 0, i), Count: sql.NullInt64{Int64: int64(i % 97), Valid: true}}
	}
	return out
}

func benchServer(b *testing.B, n int) (*api.Server, string) {
	f := &fakeStore{days: days(n)}
	srv := newFakeServer(&testing.T{}, f, io.Discard)
	tok, err := auth.IssueToken([]byte(fixture.Secret), auth.TokenParams{Issuer: fixture.Home, UserID: 1, IssuedAt: fixtureNow, TTL: time.Hour})
	if err != nil {
		b.Fatal(err)
	}
	return srv, "Bearer " + tok
}

func benchGet(b *testing.B, srv *api.Server, auth, target string) {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.Header.Set("Authorization", auth)
	w := &discard{h: http.Header{}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		clear(w.h)
		srv.ServeHTTP(w, req)
	}
}

// The sidecar's own cost per summary request (token check, parameters, bucketing, JSON),
// with the database answered from memory.
func BenchmarkSummaryDaily(b *testing.B) {
	srv, auth := benchServer(b, 8)
	benchGet(b, srv, auth, summaryPath)
}

func BenchmarkSummaryWeeklyTenYears(b *testing.B) {
	srv, auth := benchServer(b, 3650)
	benchGet(b, srv, auth, summaryPath+"?period=weekly&start=2016-11-26")
}

// CSV export of 100,000 stored days: rows per second through the encoder and writer.
func BenchmarkExport100k(b *testing.B) {
	srv, auth := benchServer(b, 100000)
	benchGet(b, srv, auth, exportPath)
	b.ReportMetric(float64(100000*b.N)/b.Elapsed().Seconds(), "rows/s")
}
