package kchatsidecar

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 11's bar for every function outside tests: short enough to read at once and
// with few enough paths to test. The complexity is counted as gocyclo counts it, so
// that `gocyclo -over 25 -ignore _test.go .` and this test always agree.
const (
	maxFunctionLines      = 80
	maxFunctionComplexity = 25
)

// funcSize is one function as the bar sees it.
type funcSize struct {
	pos        token.Position
	name       string
	lines      int
	complexity int
}

// TestFunctionSize walks the whole module, so a new package is covered without anyone
// remembering to copy a test into it.
func TestFunctionSize(t *testing.T) {
	sizes, err := moduleFunctionSizes(".")
	if err != nil {
		t.Fatal(err)
	}
	if len(sizes) == 0 {
		t.Fatal("no functions found: the walk is broken")
	}
	for _, s := range sizes {
		if s.lines > maxFunctionLines {
			t.Errorf("%s: %s is %d lines long; split it by meaning to at most %d", s.pos, s.name, s.lines, maxFunctionLines)
		}
		if s.complexity > maxFunctionComplexity {
			t.Errorf("%s: %s has cyclomatic complexity %d; split it by meaning to at most %d", s.pos, s.name, s.complexity, maxFunctionComplexity)
		}
	}
}

// moduleFunctionSizes measures every function of every non-test Go file under root,
// skipping the directories the go tool and gocyclo skip (testdata, vendor, .git and
// other dot or underscore directories).
func moduleFunctionSizes(root string) ([]funcSize, error) {
	var sizes []funcSize
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		sizes = append(sizes, fileFunctionSizes(fset, f)...)
		return nil
	})
	return sizes, err
}

// fileFunctionSizes measures what gocyclo measures: function and method declarations,
// and function literals assigned to package-level variables. A closure inside a function
// counts toward that function.
func fileFunctionSizes(fset *token.FileSet, f *ast.File) []funcSize {
	var sizes []funcSize
	add := func(node ast.Node, name string) {
		start, end := fset.Position(node.Pos()), fset.Position(node.End())
		sizes = append(sizes, funcSize{pos: start, name: name, lines: end.Line - start.Line + 1, complexity: cyclomatic(node)})
	}
	for _, decl := range f.Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			add(decl, funcName(decl))
		case *ast.GenDecl:
			for _, spec := range decl.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for _, v := range vs.Values {
					if lit, ok := v.(*ast.FuncLit); ok {
						add(lit, vs.Names[0].Name)
					}
				}
			}
		}
	}
	return sizes
}

// funcName spells a method as gocyclo does: (*T).m or (T).m.
func funcName(fn *ast.FuncDecl) string {
	if fn.Recv == nil || len(fn.Recv.List) == 0 {
		return fn.Name.Name
	}
	typ := fn.Recv.List[0].Type
	star := ""
	if s, ok := typ.(*ast.StarExpr); ok {
		star, typ = "*", s.X
	}
	switch x := typ.(type) { // drop type parameters: T[K] is T
	case *ast.IndexExpr:
		typ = x.X
	case *ast.IndexListExpr:
		typ = x.X
	}
	if id, ok := typ.(*ast.Ident); ok {
		return fmt.Sprintf("(%s%s).%s", star, id.Name, fn.Name.Name)
	}
	return fn.Name.Name
}

// cyclomatic is 1 plus one for each branch point: if, for, range, each case and
// select clause other than default, and each && and ||.
func cyclomatic(node ast.Node) int {
	c := 1
	ast.Inspect(node, func(n ast.Node) bool {
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
