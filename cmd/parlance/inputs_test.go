package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// cp1252Page writes the embedded Hikvision page as Windows-1252 would save
// it (curly quotes and the pound sign as single bytes).
func cp1252Page(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../corpus/sample/hikvision-2023-07.txt")
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.ReplaceAll(b, []byte("’"), []byte{0x92})
	b = bytes.ReplaceAll(b, []byte("£"), []byte{0xa3})
	p := filepath.Join(t.TempDir(), "hikvision-cp1252.txt")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestWindows1252PageNamedAndRepaired(t *testing.T) {
	page := cp1252Page(t)
	for _, cmd := range []string{"export", "report"} {
		out := filepath.Join(t.TempDir(), "out")
		code, _, errs := invoke(t, "", cmd, "--quiet", "-o", out, page)
		if code != exitInput || !strings.Contains(errs, page) || !strings.Contains(errs, "UTF-8") {
			t.Errorf("%s strict: exit %d, stderr %q; want exit 1 naming the file and the encoding", cmd, code, errs)
		}
		code, _, errs = invoke(t, "", cmd, "--lenient", "-o", out, page)
		if code != exitOK {
			t.Fatalf("%s --lenient: exit %d: %s", cmd, code, errs)
		}
		if !strings.Contains(errs, "invalid UTF-8 replaced by U+FFFD") {
			t.Errorf("%s --lenient: summary does not count the repairs:\n%s", cmd, errs)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(b) {
			t.Errorf("%s --lenient wrote invalid UTF-8", cmd)
		}
	}
}
