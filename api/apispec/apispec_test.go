package apispec_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/api/apispec"
)

func load(t *testing.T) *apispec.Spec {
	t.Helper()
	raw, err := os.ReadFile("../../openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := apispec.Load(raw)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

const goodSummary = `{"period":"daily","start":"2026-11-24","end":"2026-11-25","timezone":"Europe/Berlin","total":3,` +
	`"buckets":[{"label":"11-24","start":"2026-11-24","end":"2026-11-24","count":3},{"label":"11-25","start":"2026-11-25","end":"2026-11-25","count":0}]}`

func header(kv ...string) http.Header {
	h := http.Header{}
	for i := 0; i < len(kv); i += 2 {
		h.Set(kv[i], kv[i+1])
	}
	return h
}

// The validator must be able to say no, or the contract tests prove nothing.
func TestValidateResponse(t *testing.T) {
	s := load(t)
	jsonCT := "application/json; charset=UTF-8"
	tests := []struct {
		name   string
		path   string
		status int
		header http.Header
		body   string
		ok     bool
	}{
		{"SummaryOK", "/wp-json/kchat/v1/interactions/summary", 200, header("Content-Type", jsonCT), goodSummary, true},
		{"SummaryMissingTotal", "/wp-json/kchat/v1/interactions/summary", 200, header("Content-Type", jsonCT), strings.Replace(goodSummary, `"total":3,`, "", 1), false},
		{"BucketExtraField", "/wp-json/kchat/v1/interactions/summary", 200, header("Content-Type", jsonCT), strings.Replace(goodSummary, `"count":0}`, `"count":0,"x":1}`, 1), false},
		{"BadPeriod", "/wp-json/kchat/v1/interactions/summary", 200, header("Content-Type", jsonCT), strings.Replace(goodSummary, `"daily"`, `"Daily"`, 1), false},
		{"UndocumentedStatus", "/wp-json/kchat/v1/interactions/summary", 418, header("Content-Type", jsonCT), `{}`, false},
		{"WrongContentType", "/wp-json/kchat/v1/interactions/summary", 200, header("Content-Type", "text/html"), goodSummary, false},
		{"RowsOK", "/wp-json/kchat/v1/interactions", 200, header("Content-Type", jsonCT, "X-WP-Total", "2", "X-WP-TotalPages", "1"), `[{"date":"2026-11-24","count":null},{"date":"2026-11-23"}]`, true},
		{"RowsMissingTotal", "/wp-json/kchat/v1/interactions", 200, header("Content-Type", jsonCT, "X-WP-TotalPages", "1"), `[]`, false},
		{"RowsCountString", "/wp-json/kchat/v1/interactions", 200, header("Content-Type", jsonCT, "X-WP-Total", "1", "X-WP-TotalPages", "1"), `[{"date":"2026-11-24","count":"3"}]`, false},
		{"RowsExtraField", "/wp-json/kchat/v1/interactions", 200, header("Content-Type", jsonCT, "X-WP-Total", "1", "X-WP-TotalPages", "1"), `[{"date":"2026-11-24","count":3,"id":1}]`, false},
		{"UnauthorizedOK", "/wp-json/kchat/v1/interactions", 401, header("Content-Type", jsonCT, "WWW-Authenticate", "Bearer"), `{"code":"rest_not_logged_in","message":"m","data":{"status":401}}`, true},
		{"UnauthorizedNoChallenge", "/wp-json/kchat/v1/interactions", 401, header("Content-Type", jsonCT), `{"code":"rest_not_logged_in","message":"m","data":{"status":401}}`, false},
		{"ErrorWithoutData", "/wp-json/kchat/v1/interactions", 403, header("Content-Type", jsonCT), `{"code":"rest_forbidden","message":"m"}`, false},
		{"ExportOK", "/wp-json/kchat/v1/interactions/export", 200, header("Content-Type", "text/csv; charset=utf-8", "Content-Disposition", `attachment; filename="Chatbot-ChatGPT-Interactions-2026-11-25.csv"`), "date,count\r\n", true},
		{"ExportBadFilename", "/wp-json/kchat/v1/interactions/export", 200, header("Content-Type", "text/csv; charset=utf-8", "Content-Disposition", `attachment; filename="export.csv"`), "date,count\r\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, tt.path, nil)
			err := s.ValidateResponse(req, tt.status, tt.header, []byte(tt.body))
			if (err == nil) != tt.ok {
				t.Errorf("got %v, want ok=%v", err, tt.ok)
			}
		})
	}
	if err := s.ValidateResponse(httptest.NewRequest(http.MethodGet, "/nowhere", nil), 200, http.Header{}, nil); err == nil {
		t.Errorf("a path outside the contract validated")
	}
}

func TestOperations(t *testing.T) {
	got := strings.Join(load(t).Operations(), "\n")
	for _, op := range []string{"GET /healthz", "GET /wp-json/", "GET /wp-json/kchat/v1/interactions/summary"} {
		if !strings.Contains(got, op) {
			t.Errorf("operations lack %s:\n%s", op, got)
		}
	}
}
