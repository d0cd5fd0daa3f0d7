// Package apispec keeps openapi.yaml and the code from drifting apart, in tests. It loads
// the contract (refusing one whose examples contradict its own schemas), lists its
// operations in the form Echo names routes so that a test can compare the two sets, and
// checks recorded responses — status, headers, content type and body — against it, with
// JSON Schema 2020-12 as OpenAPI 3.1 means its schemas. Only _test files import it, so
// kin-openapi stays out of the binaries.
package apispec

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"mime"
	"net/http"
	"regexp"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// Spec is a loaded, validated contract. It is safe for concurrent use.
type Spec struct {
	doc    *openapi3.T
	router routers.Router
}

// ErrNoOperation is returned by ValidateResponse for a request the contract has no
// operation for: an unknown path, or a known path with a method it does not state.
var ErrNoOperation = errors.New("no operation in openapi.yaml")

// Load parses and validates the contract and every example in it.
//
// Requests are routed with kin-openapi's gorillamux router, not its legacy one: legacy
// ignores a trailing slash, so it would route /wp-json to the index at /wp-json/ and
// /wp-json/kchat/v1/ to the namespace index. The server does too (it strips trailing
// slashes, as WordPress does), but the contract names each operation by one path.
func Load(data []byte) (*Spec, error) {
	doc, err := openapi3.NewLoader().LoadFromData(data)
	if err != nil {
		return nil, fmt.Errorf("parsing openapi.yaml: %w", err)
	}
	// Schemas such as type: [integer, "null"] mean what they say only under JSON Schema
	// 2020-12, which OpenAPI 3.0 documents do not use.
	if !doc.IsOpenAPI31OrLater() {
		return nil, fmt.Errorf("openapi.yaml is OpenAPI %q; want 3.1 or later", doc.OpenAPI)
	}
	// Unknown formats are refused so that a misspelt "format: dat" cannot quietly stop
	// dates from being checked.
	if err := doc.Validate(context.Background(), openapi3.EnableSchemaFormatValidation()); err != nil {
		return nil, fmt.Errorf("openapi.yaml is not valid: %w", err)
	}
	if err := checkExamples(doc); err != nil {
		return nil, fmt.Errorf("openapi.yaml has examples its schemas refuse: %w", err)
	}
	// Without servers every host matches: httptest's example.com, 127.0.0.1:port.
	doc.Servers = nil
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("routing openapi.yaml: %w", err)
	}
	return &Spec{doc: doc, router: router}, nil
}

// ValidateResponse checks a response to req against the contract: the operation must
// exist, the status must be documented (or covered by "default"), required headers must
// be present and match their schemas, and the body must be of a documented content type
// and match its schema.
func (s *Spec) ValidateResponse(req *http.Request, status int, header http.Header, body []byte) error {
	route, params, err := s.router.FindRoute(req)
	if err != nil {
		return fmt.Errorf("%w: %s %s (%v)", ErrNoOperation, req.Method, req.URL.Path, err)
	}
	// kin-openapi reads bodies only through its process-wide registry of decoders, which
	// knows nothing of text/html and the like. Rather than add to that shared registry,
	// such bodies are checked here, as the strings they are.
	mediaType, _, _ := mime.ParseMediaType(header.Get("Content-Type"))
	ownBody := mediaType != "" && openapi3filter.RegisteredBodyDecoder(mediaType) == nil
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request: req, PathParams: params, Route: route,
		},
		Status: status,
		Header: header,
		Body:   io.NopCloser(bytes.NewReader(body)),
		Options: &openapi3filter.Options{
			// An undocumented status is drift, not freedom.
			IncludeResponseStatus: true,
			MultiError:            true,
			ExcludeResponseBody:   ownBody,
			// kin-openapi picks 2020-12 for 3.1 documents by itself; saying so keeps
			// nullable counts working should that detection ever change.
			SchemaValidationOptions: []openapi3.SchemaValidationOption{openapi3.EnableJSONSchema2020()},
		},
	}
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		return err
	}
	if ownBody {
		return validateTextBody(route.Operation, status, header.Get("Content-Type"), body)
	}
	return nil
}

// validateTextBody does for a body kin-openapi cannot decode what it does for the others:
// the content type must be documented for the status, and the body must match the schema.
func validateTextBody(op *openapi3.Operation, status int, contentType string, body []byte) error {
	ref := op.Responses.Status(status)
	if ref == nil {
		ref = op.Responses.Default()
	}
	if ref == nil || ref.Value == nil || len(ref.Value.Content) == 0 {
		return nil // as kin-openapi: no documented content, nothing to check
	}
	media := ref.Value.Content.Get(contentType)
	if media == nil {
		return fmt.Errorf("%s: status %d: response content type %q is not documented", op.OperationID, status, contentType)
	}
	if media.Schema == nil || media.Schema.Value == nil {
		return nil
	}
	err := media.Schema.Value.VisitJSON(string(body), openapi3.EnableJSONSchema2020(), openapi3.VisitAsResponse())
	if err != nil {
		return fmt.Errorf("%s: status %d: response body does not match the schema of %s: %w", op.OperationID, status, contentType, err)
	}
	return nil
}

var pathParam = regexp.MustCompile(`\{([^}]+)\}`)

// Operations lists "METHOD /path" for every operation, with path parameters in Echo's
// ":name" form, sorted.
func (s *Spec) Operations() []string {
	var ops []string
	for path, item := range s.doc.Paths.Map() {
		for method := range item.Operations() {
			ops = append(ops, method+" "+pathParam.ReplaceAllString(path, ":$1"))
		}
	}
	slices.Sort(ops)
	return ops
}

// checkExamples validates every example in doc against the schema it illustrates.
// doc.Validate already checks most of them, but not the "examples" keyword of schemas
// (new in 3.1) nor those of response headers; walking them all here keeps the rule
// "every example validates" independent of which kin-openapi version checks what.
// Examples given by externalValue are not fetched, and readOnly/writeOnly are not
// applied by direction: the contract uses neither.
func checkExamples(doc *openapi3.T) error {
	var c exampleChecker
	_ = doc.WalkSchemas(func(pointer string, ref *openapi3.SchemaRef) error {
		if x := ref.Value.Example; x != nil {
			c.value(pointer+"/example", ref, x)
		}
		for i, x := range ref.Value.Examples {
			c.value(fmt.Sprintf("%s/examples/%d", pointer, i), ref, x)
		}
		return nil
	})
	if comps := doc.Components; comps != nil {
		for _, name := range slices.Sorted(maps.Keys(comps.Parameters)) {
			c.parameter("components parameter "+name, comps.Parameters[name])
		}
		for _, name := range slices.Sorted(maps.Keys(comps.Headers)) {
			c.header("components header "+name, comps.Headers[name])
		}
		for _, name := range slices.Sorted(maps.Keys(comps.RequestBodies)) {
			if rb := comps.RequestBodies[name]; rb != nil && rb.Value != nil {
				c.content("components request body "+name, rb.Value.Content)
			}
		}
		for _, name := range slices.Sorted(maps.Keys(comps.Responses)) {
			c.response("components response "+name, comps.Responses[name])
		}
	}
	paths := doc.Paths.Map()
	for _, path := range slices.Sorted(maps.Keys(paths)) {
		item := paths[path]
		for _, p := range item.Parameters {
			c.parameter(path, p)
		}
		ops := item.Operations()
		for _, method := range slices.Sorted(maps.Keys(ops)) {
			op, where := ops[method], method+" "+path
			for _, p := range op.Parameters {
				c.parameter(where, p)
			}
			if rb := op.RequestBody; rb != nil && rb.Value != nil {
				c.content(where+" request body", rb.Value.Content)
			}
			responses := op.Responses.Map()
			for _, status := range slices.Sorted(maps.Keys(responses)) {
				c.response(where+" response "+status, responses[status])
			}
		}
	}
	return errors.Join(c.errs...)
}

// exampleChecker gathers every refused example rather than stopping at the first, so one
// run shows all that needs fixing.
type exampleChecker struct{ errs []error }

func (c *exampleChecker) value(where string, schema *openapi3.SchemaRef, v any) {
	if schema == nil || schema.Value == nil {
		return
	}
	if err := schema.Value.VisitJSON(v, openapi3.EnableJSONSchema2020(), openapi3.MultiErrors()); err != nil {
		c.errs = append(c.errs, fmt.Errorf("%s: %w", where, err))
	}
}

// examples checks the example/examples pair that parameters, headers and media types
// share.
func (c *exampleChecker) examples(where string, schema *openapi3.SchemaRef, example any, examples openapi3.Examples) {
	if example != nil {
		c.value(where+" example", schema, example)
	}
	for _, name := range slices.Sorted(maps.Keys(examples)) {
		if ex := examples[name]; ex != nil && ex.Value != nil && ex.Value.Value != nil {
			c.value(where+" example "+name, schema, ex.Value.Value)
		}
	}
}

func (c *exampleChecker) content(where string, content openapi3.Content) {
	for _, mt := range slices.Sorted(maps.Keys(content)) {
		if m := content[mt]; m != nil {
			c.examples(where+" "+mt, m.Schema, m.Example, m.Examples)
		}
	}
}

func (c *exampleChecker) parameter(where string, ref *openapi3.ParameterRef) {
	if ref == nil || ref.Value == nil {
		return
	}
	p := ref.Value
	where += " parameter " + p.Name
	c.examples(where, p.Schema, p.Example, p.Examples)
	c.content(where, p.Content)
}

func (c *exampleChecker) header(where string, ref *openapi3.HeaderRef) {
	if ref == nil || ref.Value == nil {
		return
	}
	h := ref.Value
	c.examples(where, h.Schema, h.Example, h.Examples)
	c.content(where, h.Content)
}

func (c *exampleChecker) response(where string, ref *openapi3.ResponseRef) {
	if ref == nil || ref.Value == nil {
		return
	}
	for _, name := range slices.Sorted(maps.Keys(ref.Value.Headers)) {
		c.header(where+" header "+name, ref.Value.Headers[name])
	}
	c.content(where, ref.Value.Content)
}
