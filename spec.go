// Package kchatsidecar holds what belongs to the repository as a whole: the OpenAPI
// contract, embedded so that the binary serves the very file the repository holds.
package kchatsidecar

import _ "embed"

// OpenAPI is openapi.yaml, byte for byte.
//
//go:embed openapi.yaml
var OpenAPI []byte
