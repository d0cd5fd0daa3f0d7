// Package docs embeds the interactive OpenAPI explorer served at /docs: Swagger UI
// (swagger-ui-dist 5.35.0 from the npm registry, Apache-2.0, see assets/LICENSE and
// assets/NOTICE) with a page of ours that points it at /openapi.yaml. Everything is in the
// binary, so the explorer works with no internet access.
//
// To update Swagger UI: npm pack swagger-ui-dist@<version>, copy swagger-ui-bundle.js,
// swagger-ui.css and the license files into assets/, drop their sourceMappingURL lines,
// and change the version above.
package docs

import (
	"embed"
	"io/fs"
)

//go:embed assets
var assets embed.FS

// Files maps each served name under /docs/ to its content type; "" is the page itself.
var Files = map[string]string{
	"":                     "text/html; charset=utf-8",
	"swagger-ui-bundle.js": "text/javascript; charset=utf-8",
	"swagger-ui.css":       "text/css; charset=utf-8",
	"init.js":              "text/javascript; charset=utf-8",
}

// File returns the content of a served name.
func File(name string) ([]byte, error) {
	if name == "" {
		name = "index.html"
	}
	return fs.ReadFile(assets, "assets/"+name)
}
