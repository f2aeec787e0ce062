package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/internal/shared"
)

// TestAnalyzeTwoPassesIsOnePass checks that reading the inputs twice
// (boilerplate first, from the answers alone) gives what reading them once
// gives, byte for byte, on real list and full-text files together, and
// with the summary and the problems of lenient reading on stderr alike.
func TestAnalyzeTwoPassesIsOnePass(t *testing.T) {
	list := shared.Path(t, "data/api/list")
	full := shared.Path(t, "data/api/fulltext/2024-07.jsonl.gz")
	lists, err := filepath.Glob(filepath.Join(list, "*2024-07*"))
	if err != nil || len(lists) == 0 {
		t.Skipf("no July 2024 list pages under %s", list)
	}
	args := append([]string{"analyze", "--lenient", "--format", "json"}, append(lists, full)...)
	code1, out1, err1 := invoke(t, "", append(args, "--passes", "1")...)
	code2, out2, err2 := invoke(t, "", append(args, "--passes", "2")...)
	if code1 != 0 || code2 != 0 {
		t.Fatalf("exit %d and %d: %s %s", code1, code2, err1, err2)
	}
	if out1 != out2 {
		t.Fatal("two passes gave other output than one")
	}
	if err1 != err2 {
		t.Errorf("two passes gave another summary than one:\n%s\n---\n%s", err1, err2)
	}
	if !strings.Contains(out1, `"families"`) {
		t.Fatal("no analysis written")
	}
}

// TestPassesFlag checks --passes: its values, and that only files are
// read twice.
func TestPassesFlag(t *testing.T) {
	code, _, stderr := invoke(t, "", "analyze", "--passes", "3")
	if code != exitUsage || !strings.Contains(stderr, `--passes "3"`) {
		t.Errorf("--passes 3: exit %d, %q", code, stderr)
	}
	dir := t.TempDir()
	small := filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(small, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		value  string
		inputs []string
		want   bool
	}{
		{"auto", []string{small}, false},
		{"auto", []string{dir}, false},
		{"2", []string{small}, true},
		{"2", []string{filepath.Join(dir, "*.jsonl")}, true},
		{"2", []string{small, "-"}, false},
		{"2", nil, false},
		{"1", []string{small}, false},
	} {
		p := passesFlag{tc.value}
		got, err := p.two(tc.inputs)
		if err != nil || got != tc.want {
			t.Errorf("--passes %s %v: %v, %v; want %v", tc.value, tc.inputs, got, err, tc.want)
		}
	}
	if n := inputBytes([]string{dir, filepath.Join(dir, "*.jsonl"), small}); n != 3 {
		t.Errorf("inputBytes counted %d bytes, want 3 (one file of 3 bytes, named three ways)", n)
	}
}
