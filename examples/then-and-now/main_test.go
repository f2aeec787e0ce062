package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/internal/shared"
)

func TestThenAndNowNotebook(t *testing.T) {
	data := shared.Path(t, "data")
	var out bytes.Buffer
	// Two months of the API keep the test quick; the program reads 2024–26.
	if err := run(&out, []string{data}, "2026-0[12]", ""); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{"answers of 2009", "stances by era", "refusal grounds by era", "national-security", "boilerplate by era", "Caveat"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}
