// Package apispec holds openapi.yaml and the code to each other in tests: it lists the
// operations the contract states, so a test can compare them with the routes Echo
// serves, and it validates recorded responses — status, headers, body — against the
// contract. Only tests import it; kin-openapi stays out of the binaries.
package apispec

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"sort"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// Spec is a loaded, validated contract.
type Spec struct {
	Doc    *openapi3.T
	router routers.Router
}

// ErrNoOperation is returned for a request the contract has no operation for.
var ErrNoOperation = errors.New("no operation in openapi.yaml")

// Load parses and validates the contract. Servers are dropped so that requests to any
// host (httptest's example.com, 127.0.0.1:port) match.
func Load(data []byte) (*Spec, error) {
	// The explorer's page, script and style are text as far as the contract goes.
	for _, ct := range []string{"text/html", "text/javascript", "text/css"} {
		if openapi3filter.RegisteredBodyDecoder(ct) == nil {
			openapi3filter.RegisterBodyDecoder(ct, openapi3filter.PlainBodyDecoder)
		}
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return nil, fmt.Errorf("parsing openapi.yaml: %w", err)
	}
	if err := doc.Validate(context.Background(), openapi3.EnableExamplesValidation()); err != nil {
		return nil, fmt.Errorf("openapi.yaml is not valid: %w", err)
	}
	doc.Servers = nil
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("routing openapi.yaml: %w", err)
	}
	return &Spec{Doc: doc, router: router}, nil
}

// ValidateResponse checks a response to req against the contract: the status must be
// documented, required headers present and well-formed, and the body of the documented
// content type and schema.
func (s *Spec) ValidateResponse(req *http.Request, status int, header http.Header, body []byte) error {
	route, params, err := s.router.FindRoute(req)
	if err != nil {
		return fmt.Errorf("%w: %s %s", ErrNoOperation, req.Method, req.URL.Path)
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request: req, PathParams: params, Route: route,
		},
		Status: status,
		Header: header,
		Body:   io.NopCloser(bytes.NewReader(body)),
		Options: &openapi3filter.Options{
			IncludeResponseStatus: true,
			MultiError:            true,
		},
	}
	return openapi3filter.ValidateResponse(context.Background(), in)
}

var pathParam = regexp.MustCompile(`\{([^}]+)\}`)

// Operations lists "METHOD /path" for every operation, with path parameters in Echo's
// ":name" form, sorted.
func (s *Spec) Operations() []string {
	var ops []string
	for path, item := range s.Doc.Paths.Map() {
		for method := range item.Operations() {
			ops = append(ops, method+" "+pathParam.ReplaceAllString(path, ":$1"))
		}
	}
	sort.Strings(ops)
	return ops
}
