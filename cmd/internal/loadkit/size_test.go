package loadkit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// The load tools must stay small enough to audit (issue 11): no function of loadkit,
// kchat-bench or kchat-soak longer than 80 lines or with a cyclomatic complexity,
// counted as gocyclo does, above 25.
func TestFunctionSize(t *testing.T) {
	fset := token.NewFileSet()
	for _, dir := range []string{".", "../../kchat-bench", "../../kchat-soak"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		if len(files) == 0 {
			t.Fatalf("no Go files in %s", dir)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, decl := range f.Decls {
				fn, ok := decl.(*ast.FuncDecl)
				if !ok {
					continue
				}
				lines := fset.Position(fn.End()).Line - fset.Position(fn.Pos()).Line + 1
				if c := complexity(fn); lines > 80 || c > 25 {
					t.Errorf("%s: %s has %d lines and complexity %d", fset.Position(fn.Pos()), fn.Name.Name, lines, c)
				}
			}
		}
	}
}

func complexity(fn *ast.FuncDecl) int {
	c := 1
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt:
			c++
		case *ast.CaseClause:
			if n.List != nil {
				c++
			}
		case *ast.CommClause:
			if n.Comm != nil {
				c++
			}
		case *ast.BinaryExpr:
			if n.Op == token.LAND || n.Op == token.LOR {
				c++
			}
		}
		return true
	})
	return c
}
