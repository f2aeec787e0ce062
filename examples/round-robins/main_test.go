package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/internal/shared"
)

func TestRoundRobinsNotebook(t *testing.T) {
	data := shared.Path(t, "data")
	var out bytes.Buffer
	report := filepath.Join(t.TempDir(), "rr.html")
	if err := run(&out, []string{data, "2025-01"}, report); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{"questions tabled in 2025-01", "round-robin groups", "rr-0001", "wrote " + report} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

func TestRoundRobinsSaysWhatItNeeds(t *testing.T) {
	err := run(&bytes.Buffer{}, []string{t.TempDir()}, "")
	if err == nil || !strings.Contains(err.Error(), filepath.Join("api", "list")) {
		t.Fatalf("want an error naming api/list, got %v", err)
	}
}
