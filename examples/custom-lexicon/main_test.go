package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestCustomLexiconNotebook(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, ""); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	// The custom ground fires on the answers that cite Contracts Finder,
	// and the override is marked.
	for _, want := range []string{"published-elsewhere", "overridden", "Contracts Finder"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}
