package apispec_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/api/apispec"
)

// mustLoadRepository loads the repository's own contract.
func mustLoadRepository(t *testing.T) (*apispec.Spec, []byte) {
	t.Helper()
	raw, err := os.ReadFile("../../openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := apispec.Load(raw)
	if err != nil {
		t.Fatalf("the repository's openapi.yaml does not load: %v", err)
	}
	return s, raw
}

// The repository's contract parses, is valid OpenAPI 3.1 and every example in it
// validates against its schema: Load refuses anything less (see TestLoadRefuses).
func TestLoadRepository(t *testing.T) {
	mustLoadRepository(t)
}

// miniSpec is a small contract with an example at every kind of place one can stand.
// The markers are YAML comments, so the base loads as it is.
const miniSpec = `openapi: 3.1.0
info: {title: mini, version: "1"}
paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: integer
            #P_SCHEMA
          #P_EX
      responses:
        "200":
          description: A thing.
          headers:
            X-Count:
              required: true
              schema: {type: integer, minimum: 0}
              #H_EX
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Thing"}
              #M_EX
        default:
          description: Anything else.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Problem"}
    put:
      operationId: putThing
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer}}
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Thing"}
            #R_EX
      responses:
        "204": {description: Stored.}
  /things:
    get:
      operationId: listThings
      responses:
        "200": {description: All of them.}
components:
  schemas:
    Thing:
      type: object
      additionalProperties: false
      required: [n]
      properties:
        n: {type: [integer, "null"]}
        d: {type: string, format: date}
      #S_EX
    Problem:
      type: object
      required: [code]
      properties:
        code: {type: string}
`

// mini returns miniSpec with each marker replaced, in order, by what follows it.
func mini(markerThen ...string) string {
	return strings.NewReplacer(markerThen...).Replace(miniSpec)
}

func TestLoadRefuses(t *testing.T) {
	tests := []struct {
		name string
		spec string
		want string // in the error; "" for a spec that must load
	}{
		{"GoodExamplesEverywhere", mini(
			"#P_SCHEMA", "examples: [1, 2]",
			"#P_EX", "examples: {one: {value: 1}}",
			"#H_EX", "example: 3",
			"#M_EX", "examples: {some: {value: {n: 1, d: '2026-11-25'}}, none: {value: {n: null}}}",
			"#R_EX", "example: {n: 2}",
			"#S_EX", "examples: [{n: null}]"), ""},
		{"NotYAML", "openapi: [3.1.0", "parsing"},
		{"OpenAPI30", strings.Replace(mini(), "openapi: 3.1.0", "openapi: 3.0.3", 1), "want 3.1"},
		{"Invalid", strings.Replace(mini(), `"204": {description: Stored.}`, `"204": {}`, 1), "not valid"},
		{"UnknownFormat", strings.Replace(mini(), "format: date", "format: dat", 1), `'format' value "dat"`},
		{"BadSchemaExample", mini("#S_EX", "example: {n: x}"), `schema "Thing": invalid example`},
		{"BadSchemaExamples", mini("#S_EX", "examples: [{n: 1}, {n: 1, extra: true}]"), "/components/schemas/Thing/examples/1"},
		{"BadParameterSchemaExamples", mini("#P_SCHEMA", "examples: [1, one]"), "/parameters/0/schema/examples/1"},
		{"BadParameterExample", mini("#P_EX", "example: one"), "GET: invalid example"},
		{"BadParameterExamples", mini("#P_EX", "examples: {one: {value: one}}"), "GET: invalid example: one"},
		{"BadHeaderExample", mini("#H_EX", "example: -1"), "header X-Count example"},
		{"BadHeaderExamples", mini("#H_EX", "examples: {negative: {value: -1}}"), "header X-Count example negative"},
		{"BadMediaExample", mini("#M_EX", "example: {n: '3'}"), "want null or integer"},
		{"BadMediaExamples", mini("#M_EX", "examples: {bad: {value: {d: '2026-13-01', n: 1}}}"), "example bad"},
		{"BadRequestExample", mini("#R_EX", "example: {}"), "PUT: invalid example"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := apispec.Load([]byte(tt.spec))
			checkError(t, err, tt.want)
		})
	}
}

func header(kv ...string) http.Header {
	h := http.Header{}
	for i := 0; i+1 < len(kv); i += 2 {
		h.Set(kv[i], kv[i+1])
	}
	return h
}

const (
	jsonCT = "application/json; charset=UTF-8"

	summaryPath = "/wp-json/kchat/v1/interactions/summary"
	rowsPath    = "/wp-json/kchat/v1/interactions"
	exportPath  = "/wp-json/kchat/v1/interactions/export"

	goodSummary = `{"period":"daily","start":"2026-11-24","end":"2026-11-25","timezone":"Europe/Berlin","total":3,` +
		`"buckets":[{"label":"11-24","start":"2026-11-24","end":"2026-11-24","count":3},` +
		`{"label":"11-25","start":"2026-11-25","end":"2026-11-25","count":0}]}`

	notLoggedIn = `{"code":"rest_not_logged_in","message":"You are not currently logged in.","data":{"status":401}}`
	goodCSV     = "date,count\r\n2026-11-22,\r\n2026-11-23,26\r\n"
	goodIndex   = `{"name":"kchat-sidecar","description":"d","url":"http://127.0.0.1:8080","namespaces":["kchat/v1"],"extra":1,` +
		`"routes":{"/kchat/v1":{"namespace":"kchat/v1","methods":["GET"],"endpoints":[{"methods":["GET"],"args":{}}]}}}`
)

// checkError fails t unless err is nil when want is "", or mentions want otherwise: a
// refusal for another reason than the one a case is about would prove nothing.
func checkError(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("got %v, want no error", err)
	case want != "" && err == nil:
		t.Errorf("got no error, want one mentioning %q", want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Errorf("got %v, want an error mentioning %q", err, want)
	}
}

func rowsHeader(kv ...string) http.Header {
	return header(append([]string{"Content-Type", jsonCT, "X-WP-Total", "3", "X-WP-TotalPages", "1"}, kv...)...)
}

func exportHeader(disposition string, kv ...string) http.Header {
	h := header(append([]string{"Content-Type", "text/csv; charset=utf-8"}, kv...)...)
	if disposition != "" {
		h.Set("Content-Disposition", disposition)
	}
	return h
}

// statedCacheControl is the Cache-Control the contract states for an answer, so that
// cases about something else carry the right one.
func statedCacheControl(path string, status int) string {
	switch {
	case status >= 400 || strings.Contains(path, "/export"):
		return "no-store"
	case strings.HasPrefix(path, "/wp-json/kchat/v1/"):
		return "private, no-cache"
	}
	return ""
}

// The validator must be able to say no, or the contract tests built on it prove nothing:
// each refusal here is one kind of drift between code and contract.
func TestValidateResponse(t *testing.T) {
	s, raw := mustLoadRepository(t)
	wwwAuth := header("Content-Type", jsonCT, "WWW-Authenticate", `Bearer realm="kchat-sidecar"`)
	tests := []struct {
		name   string
		path   string
		status int
		header http.Header
		body   string
		want   string // in the error; "" for a response that must validate
	}{
		{"SummaryOK", summaryPath, 200, header("Content-Type", jsonCT), goodSummary, ""},
		{"SummaryMissingTotal", summaryPath, 200, header("Content-Type", jsonCT), strings.Replace(goodSummary, `"total":3,`, "", 1), `"total" is missing`},
		{"SummaryBucketExtraField", summaryPath, 200, header("Content-Type", jsonCT), strings.Replace(goodSummary, `"count":0}`, `"count":0,"x":1}`, 1), `"/buckets/1": property "x"`},
		{"SummaryPeriodNotLowerCase", summaryPath, 200, header("Content-Type", jsonCT), strings.Replace(goodSummary, `"daily"`, `"Daily"`, 1), `"/period"`},
		{"SummaryNotADate", summaryPath, 200, header("Content-Type", jsonCT), strings.Replace(goodSummary, `"end":"2026-11-25","timezone"`, `"end":"2026-13-01","timezone"`, 1), `"/end"`},
		{"SummaryNegativeTotal", summaryPath, 200, header("Content-Type", jsonCT), strings.Replace(goodSummary, `"total":3`, `"total":-3`, 1), `"/total"`},
		{"SummaryUndocumentedStatus", summaryPath, 418, header("Content-Type", jsonCT), `{"code":"x","message":"m","data":{"status":418}}`, "status is not supported"},
		{"SummaryAsHTML", summaryPath, 200, header("Content-Type", "text/html; charset=utf-8"), goodSummary, `"text/html; charset=utf-8" is not documented`},
		{"SummaryAsPlainText", summaryPath, 200, header("Content-Type", "text/plain"), goodSummary, `Content-Type has unexpected value: "text/plain"`},
		{"SummaryNoContentType", summaryPath, 200, http.Header{}, goodSummary, `Content-Type has unexpected value: ""`},
		{"SummaryNotJSON", summaryPath, 200, header("Content-Type", jsonCT), `{"period":`, "failed to decode"},
		// An empty Cache-Control is sent as none (see the loop).
		{"SummaryNoCacheControl", summaryPath, 200, header("Content-Type", jsonCT, "Cache-Control", ""), goodSummary, `"Cache-Control" missing`},
		{"SummarySharedCache", summaryPath, 200, header("Content-Type", jsonCT, "Cache-Control", "public, max-age=60"), goodSummary, `header "Cache-Control"`},
		{"ErrorStored", rowsPath, 403, header("Content-Type", jsonCT, "Cache-Control", "private, no-cache"), `{"code":"rest_forbidden","message":"m","data":{"status":403}}`, `header "Cache-Control"`},
		{"ExportStored", exportPath, 200, exportHeader(`attachment; filename="Chatbot-ChatGPT-Interactions-2026-11-25.csv"`, "Cache-Control", "private, no-cache"), goodCSV, `header "Cache-Control"`},

		{"RowsCountInteger", rowsPath, 200, rowsHeader(), `[{"date":"2026-11-24","count":12}]`, ""},
		{"RowsCountNull", rowsPath, 200, rowsHeader(), `[{"date":"2026-11-24","count":null}]`, ""},
		{"RowsCountString", rowsPath, 200, rowsHeader(), `[{"date":"2026-11-24","count":"12"}]`, `"/0/count"`},
		{"RowsFieldsTrimmed", rowsPath + "?_fields=date", 200, rowsHeader(), `[{"date":"2026-11-24"}]`, ""},
		{"RowsExtraField", rowsPath, 200, rowsHeader(), `[{"date":"2026-11-24","count":3,"id":1}]`, `property "id"`},
		{"RowsWithLink", rowsPath, 200, rowsHeader("Link", `<http://h/wp-json/kchat/v1/interactions?page=2>; rel="next"`), `[]`, ""},
		{"RowsMissingTotal", rowsPath, 200, header("Content-Type", jsonCT, "X-WP-TotalPages", "1"), `[]`, `"X-WP-Total" missing`},
		{"RowsMissingTotalPages", rowsPath, 200, header("Content-Type", jsonCT, "X-WP-Total", "0"), `[]`, `"X-WP-TotalPages" missing`},
		{"RowsTotalNotANumber", rowsPath, 200, header("Content-Type", jsonCT, "X-WP-Total", "many", "X-WP-TotalPages", "1"), `[]`, `header "X-WP-Total"`},
		{"RowsNotAnArray", rowsPath, 200, rowsHeader(), `{"date":"2026-11-24","count":1}`, "must be an array"},

		{"UnauthorizedOK", rowsPath, 401, wwwAuth, notLoggedIn, ""},
		{"UnauthorizedNoChallenge", rowsPath, 401, header("Content-Type", jsonCT), notLoggedIn, `"WWW-Authenticate" missing`},
		{"UnauthorizedBasicChallenge", rowsPath, 401, header("Content-Type", jsonCT, "WWW-Authenticate", "Basic"), notLoggedIn, `"WWW-Authenticate" doesn't match`},
		{"BadRequestWithParams", summaryPath, 400, header("Content-Type", jsonCT), `{"code":"rest_invalid_param","message":"m","data":{"status":400,"params":{"period":"why"}}}`, ""},
		{"BadRequestParamNotString", summaryPath, 400, header("Content-Type", jsonCT), `{"code":"rest_invalid_param","message":"m","data":{"status":400,"params":{"period":1}}}`, `"/data/params/period"`},
		{"ErrorWithoutData", rowsPath, 403, header("Content-Type", jsonCT), `{"code":"rest_forbidden","message":"m"}`, `property 'data'`},
		{"ErrorWithoutStatus", rowsPath, 503, header("Content-Type", jsonCT), `{"code":"kchat_db_unavailable","message":"m","data":{}}`, `property 'status'`},

		{"ExportOK", exportPath, 200, exportHeader(`attachment; filename="Chatbot-ChatGPT-Interactions-2026-11-25.csv"`), goodCSV, ""},
		{"ExportWithBOM", exportPath + "?bom=true", 200, exportHeader(`attachment; filename="Chatbot-ChatGPT-Interactions-2026-11-25.csv"`), "\uFEFF" + goodCSV, ""},
		{"ExportOtherFilename", exportPath, 200, exportHeader(`attachment; filename="export.csv"`), goodCSV, `"Content-Disposition" doesn't match`},
		{"ExportNoDisposition", exportPath, 200, exportHeader(""), goodCSV, `"Content-Disposition" missing`},
		{"ExportAsJSON", exportPath, 200, header("Content-Type", jsonCT, "Content-Disposition", `attachment; filename="Chatbot-ChatGPT-Interactions-2026-11-25.csv"`), `[]`, "Content-Type has unexpected value"},

		{"HealthOK", "/healthz", 200, header("Content-Type", jsonCT), `{"status":"ok"}`, ""},
		{"HealthNotOK", "/healthz", 200, header("Content-Type", jsonCT), `{"status":"fine"}`, `"/status"`},
		{"ReadyUnavailable", "/readyz", 503, header("Content-Type", jsonCT), `{"code":"kchat_table_missing","message":"m","data":{"status":503}}`, ""},
		{"OpenAPIOK", "/openapi.yaml", 200, header("Content-Type", "application/yaml"), string(raw), ""},
		{"OpenAPINotAContract", "/openapi.yaml", 200, header("Content-Type", "application/yaml"), "just: text\n", `'openapi', 'info', 'paths'`},
		{"IndexOK", "/wp-json/", 200, header("Content-Type", jsonCT), goodIndex, ""},
		{"IndexWithoutRoutes", "/wp-json/", 200, header("Content-Type", jsonCT), `{"name":"n","description":"d","url":"u","namespaces":[]}`, `"routes" is missing`},
		{"NamespaceIndexOK", "/wp-json/kchat/v1", 200, header("Content-Type", jsonCT), `{"namespace":"kchat/v1","routes":{}}`, ""},
		// The body of the other index: right for /wp-json/, wrong here.
		{"NamespaceIndexGivenIndex", "/wp-json/kchat/v1", 200, header("Content-Type", jsonCT), goodIndex, `property 'namespace'`},

		// Bodies kin-openapi has no decoder for are checked by apispec itself.
		{"DocsOK", "/docs", 200, header("Content-Type", "text/html; charset=utf-8", "Content-Security-Policy", "default-src 'self'"), "<!doctype html>", ""},
		{"DocsWithoutCSP", "/docs", 200, header("Content-Type", "text/html; charset=utf-8"), "<!doctype html>", `"Content-Security-Policy" missing`},
		{"DocsUndocumentedType", "/docs", 200, header("Content-Type", "image/png", "Content-Security-Policy", "default-src 'self'"), "\x89PNG", `"image/png" is not documented`},
		{"DocsScriptAsCSS", "/docs/init.js", 200, header("Content-Type", "text/css"), "body{}", `"text/css" is not documented`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, tt.path, nil)
			h := tt.header.Clone()
			if _, given := h["Cache-Control"]; !given {
				h.Set("Cache-Control", statedCacheControl(tt.path, tt.status))
			}
			if h.Get("Cache-Control") == "" {
				h.Del("Cache-Control")
			}
			err := s.ValidateResponse(req, tt.status, h, []byte(tt.body))
			checkError(t, err, tt.want)
			if errors.Is(err, apispec.ErrNoOperation) {
				t.Errorf("the request itself was not routed: %v", err)
			}
		})
	}
}

// The router must tell /wp-json/ from /wp-json and /wp-json/kchat/v1 from
// /wp-json/kchat/v1/, as Echo does, and must not care about the host.
func TestValidateResponseRouting(t *testing.T) {
	s, _ := mustLoadRepository(t)
	tests := []struct {
		method, target string
		routed         bool
	}{
		{"GET", "/wp-json/", true},
		{"GET", "/wp-json", false},
		{"GET", "/wp-json/kchat/v1", true},
		{"GET", "/wp-json/kchat/v1/", false},
		{"GET", "/wp-json/kchat/v1/interactions/", false},
		{"GET", "/wp-json/kchat", false},
		{"GET", "/nowhere", false},
		{"POST", "/healthz", false},
		{"GET", "http://203.0.113.7:9999/healthz", true},
		{"GET", "https://wp.example.test/healthz?probe=1", true},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.target, nil)
			// The body is wrong for every route; all that matters is whether it was routed.
			err := s.ValidateResponse(req, 200, header("Content-Type", jsonCT), []byte(`{}`))
			if got, want := !errors.Is(err, apispec.ErrNoOperation), tt.routed; got != want {
				t.Errorf("routed: got %v (%v), want %v", got, err, want)
			}
		})
	}
}

// A status the operation does not list is covered by its "default" response, if any.
func TestValidateResponseDefault(t *testing.T) {
	s, err := apispec.Load([]byte(mini()))
	if err != nil {
		t.Fatal(err)
	}
	plain := header("Content-Type", "application/json")
	tests := []struct {
		name   string
		path   string
		status int
		header http.Header
		body   string
		want   string // in the error; "" for a response that must validate
	}{
		{"DefaultOK", "/things/1", 418, plain, `{"code":"teapot"}`, ""},
		{"DefaultBadBody", "/things/1", 418, plain, `{"message":"no code"}`, `property 'code'`},
		{"NoDefault", "/things", 418, plain, `{"code":"teapot"}`, "status is not supported"},
		{"Documented", "/things/7", 200, header("Content-Type", "application/json", "X-Count", "1"), `{"n":null}`, ""},
		{"DocumentedWithoutRequiredHeader", "/things/7", 200, plain, `{"n":null}`, `"X-Count" missing`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, tt.path, nil)
			h := tt.header.Clone()
			if _, given := h["Cache-Control"]; !given {
				h.Set("Cache-Control", statedCacheControl(tt.path, tt.status))
			}
			if h.Get("Cache-Control") == "" {
				h.Del("Cache-Control")
			}
			err := s.ValidateResponse(req, tt.status, h, []byte(tt.body))
			checkError(t, err, tt.want)
		})
	}
}

func TestOperations(t *testing.T) {
	s, err := apispec.Load([]byte(mini()))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(s.Operations(), "\n"), "GET /things\nGET /things/:id\nPUT /things/:id"; got != want {
		t.Errorf("operations:\ngot\n%s\nwant\n%s", got, want)
	}
}

// What this issue states must be in the repository's contract, in Echo's form, sorted.
func TestOperationsRepository(t *testing.T) {
	s, _ := mustLoadRepository(t)
	ops := s.Operations()
	if !slices.IsSorted(ops) {
		t.Errorf("operations are not sorted: %v", ops)
	}
	for _, op := range []string{
		"GET /healthz",
		"GET /openapi.yaml",
		"GET /readyz",
		"GET /wp-json/",
		"GET /wp-json/kchat/v1",
		"GET /wp-json/kchat/v1/interactions",
		"GET /wp-json/kchat/v1/interactions/export",
		"GET /wp-json/kchat/v1/interactions/summary",
	} {
		if !slices.Contains(ops, op) {
			t.Errorf("operations lack %s: %v", op, ops)
		}
	}
}
