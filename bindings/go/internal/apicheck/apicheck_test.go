// Package apicheck holds one test: every function of the ABI description
// (api/docker_containers.api.json) is called by the Go package through cgo, or is listed in
// bindings/go/unwrapped.txt with the reason it is not. Both directions are checked, so the list
// cannot go stale. Types are cgo's business: it compiles every call against the header itself.
package apicheck

import (
	"bufio"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"text/scanner"
)

const pkgDir = "../.."

func described(t *testing.T) map[string]bool {
	data, err := os.ReadFile(filepath.Join(pkgDir, "..", "..", "api", "docker_containers.api.json"))
	if err != nil {
		t.Fatal(err)
	}
	var api struct {
		Functions []struct{ Name string } `json:"functions"`
	}
	if err := json.Unmarshal(data, &api); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range api.Functions {
		names[f.Name] = true
	}
	if len(names) == 0 {
		t.Fatal("the description lists no functions")
	}
	return names
}

// called: the docker_* functions the package's non-test files reach, as C.name in Go code or
// as a call in a cgo preamble (the comment above import "C"; C wrappers such as
// dcgo_put_archive live there).
func called(t *testing.T, names map[string]bool) map[string]string {
	files, err := filepath.Glob(filepath.Join(pkgDir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	fset := token.NewFileSet()
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == "C" && names[sel.Sel.Name] {
					got[sel.Sel.Name] = filepath.Base(path)
				}
			}
			return true
		})
		for _, preamble := range preambles(f) {
			var s scanner.Scanner
			s.Init(strings.NewReader(preamble))
			s.Mode = scanner.ScanIdents | scanner.ScanInts | scanner.ScanStrings | scanner.ScanChars
			s.Error = func(*scanner.Scanner, string) {}
			prev := ""
			for tok := s.Scan(); tok != scanner.EOF; tok = s.Scan() {
				text := s.TokenText()
				if text == "(" && names[prev] {
					got[prev] = filepath.Base(path) + " (cgo preamble)"
				}
				prev = text
			}
		}
	}
	return got
}

// preambles: the cgo preambles of a file, the comment right above import "C" (on the import
// spec inside parentheses, else on the import declaration).
func preambles(f *ast.File) []string {
	var out []string
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, spec := range gd.Specs {
			imp := spec.(*ast.ImportSpec)
			if imp.Path.Value != `"C"` {
				continue
			}
			doc := imp.Doc
			if doc == nil && !gd.Lparen.IsValid() {
				doc = gd.Doc
			}
			if doc != nil {
				out = append(out, doc.Text())
			}
		}
	}
	return out
}

func unwrapped(t *testing.T) map[string]string {
	f, err := os.Open(filepath.Join(pkgDir, "unwrapped.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	list := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(reason) == "" {
			t.Errorf("unwrapped.txt: %q: want `name: reason`", line)
			continue
		}
		list[strings.TrimSpace(name)] = strings.TrimSpace(reason)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return list
}

func TestEveryExportWrappedOrListed(t *testing.T) {
	names := described(t)
	got := called(t, names)
	list := unwrapped(t)
	var missing, stale, unknown []string
	for n := range names {
		_, wrapped := got[n]
		_, listed := list[n]
		switch {
		case !wrapped && !listed:
			missing = append(missing, n)
		case wrapped && listed:
			stale = append(stale, n+" (called in "+got[n]+")")
		}
	}
	for n := range list {
		if !names[n] {
			unknown = append(unknown, n)
		}
	}
	sort.Strings(missing)
	sort.Strings(stale)
	sort.Strings(unknown)
	if len(missing) > 0 {
		t.Errorf("functions with no Go wrapper, not listed in unwrapped.txt: %v", missing)
	}
	if len(stale) > 0 {
		t.Errorf("unwrapped.txt lists functions the package does call: %v", stale)
	}
	if len(unknown) > 0 {
		t.Errorf("unwrapped.txt lists functions the description does not have: %v", unknown)
	}
	t.Logf("%d functions: %d called through cgo, %d listed as not wrapped", len(names), len(got), len(list))
}
