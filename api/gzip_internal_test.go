package api

import (
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// Answers are compressed only while a compressor is free; the rest go out plain.
func TestGzipTurns(t *testing.T) {
	s := &Server{gzipSlots: make(chan struct{}, 1)}
	e := echo.New()
	body := strings.Repeat("kchat ", 1000)
	e.Use(s.gzipTurns)
	e.Use(middleware.GzipWithConfig(middleware.GzipConfig{Level: gzip.BestSpeed, MinLength: 1024,
		Skipper: func(c echo.Context) bool { return c.Get(gzipTurnKey) != true }}))
	e.GET("/", func(c echo.Context) error { return c.String(http.StatusOK, body) })
	get := func() *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.Header.Set("Accept-Encoding", "gzip")
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		return rec
	}
	if rec := get(); rec.Header().Get("Content-Encoding") != "gzip" || rec.Body.Len() >= len(body) {
		t.Errorf("a free compressor: %q, %d bytes", rec.Header().Get("Content-Encoding"), rec.Body.Len())
	}
	if len(s.gzipSlots) != 0 {
		t.Fatal("the turn was not given back")
	}
	s.gzipSlots <- struct{}{} // every compressor busy
	rec := get()
	if rec.Header().Get("Content-Encoding") != "" || rec.Body.String() != body || !strings.Contains(rec.Header().Get("Vary"), "Accept-Encoding") {
		t.Errorf("no compressor free: %q, Vary %q, %d bytes", rec.Header().Get("Content-Encoding"), rec.Header().Get("Vary"), rec.Body.Len())
	}
}
