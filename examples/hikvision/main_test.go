package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHikvisionNotebook(t *testing.T) {
	var out bytes.Buffer
	path := filepath.Join(t.TempDir(), "hikvision.html")
	if err := run(&out, path); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"read 9 written questions",
		"rr-0001: 6 bodies",
		"Department for Transport",
		"disclosed",
		"declined",
		"national-security",
		"wrote " + path,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Errorf("no report written: %v", err)
	}
}
