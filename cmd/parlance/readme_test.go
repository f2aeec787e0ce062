package main

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/corpus"
)

var updateREADME = flag.Bool("update", false, "rewrite the generated parts of ../../README.md")

// TestREADMEFormats checks that the README's table of input formats is the
// one the format registry makes (rewritten with -update).
func TestREADMEFormats(t *testing.T) {
	const path = "../../README.md"
	const begin, end = "<!-- formats: ", "<!-- /formats -->"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i := strings.Index(s, begin)
	j := strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the %q … %q markers", path, begin, end)
	}
	i += strings.Index(s[i:], "\n") + 1
	want := corpus.FormatsMarkdown()
	if s[i:j] == want {
		return
	}
	if !*updateREADME {
		t.Fatalf("%s's format table is not the registry's (run with -update):\n%s", path, want)
	}
	if err := os.WriteFile(path, []byte(s[:i]+want+s[j:]), 0o644); err != nil {
		t.Fatal(err)
	}
}
