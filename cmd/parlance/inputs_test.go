package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
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

// Reading nothing is not success: an empty directory, or lenient reading
// of inputs that all fail, exits 1 saying what was looked at, and writes
// no output.
func TestNothingReadExits1(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	junk := filepath.Join(dir, "junk.json")
	os.WriteFile(junk, []byte("garbage"), 0o644)
	for _, args := range [][]string{
		{"export", empty},
		{"analyze", empty},
		{"groups", empty},
		{"boilerplate", empty},
		{"report", empty},
		{"export", "--lenient", junk},
		{"report", "--lenient", junk},
	} {
		out := filepath.Join(dir, "out")
		code, _, errs := invoke(t, "", append(args, "-o", out)...)
		in := args[len(args)-1]
		if code != exitInput || !strings.Contains(errs, "no records read from") || !strings.Contains(errs, in) {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 naming %s", args, code, errs, in)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%v: wrote an output although nothing was read", args)
			os.Remove(out)
		}
	}
}

func TestOverridesThatDoNothingAreReported(t *testing.T) {
	_, jsonl, _ := invoke(t, "", "export", "--quiet")
	var first struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal([]byte(strings.SplitN(jsonl, "\n", 2)[0]), &first); err != nil {
		t.Fatal(err)
	}
	bare := strings.TrimPrefix(first.ID, "pp:")
	dir := t.TempDir()
	ov := filepath.Join(dir, "ov.tsv")
	os.WriteFile(ov, []byte(bare+"\tdeclined\tnot-held\tkey without its prefix\n"), 0o644)
	code, _, errs := invoke(t, "", "analyze", "--overrides", ov, "-o", filepath.Join(dir, "out"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "line 1") || !strings.Contains(errs, "did you mean "+first.ID) {
		t.Errorf("no warning naming the line and the likely key:\n%s", errs)
	}
	if !strings.Contains(errs, "skipped: overrides: key matches no record read: 1") {
		t.Errorf("the summary does not count the unmatched key:\n%s", errs)
	}

	os.WriteFile(ov, []byte(first.ID+"\tdeclined\tnational_security\n"), 0o644)
	code, _, errs = invoke(t, "", "analyze", "--quiet", "--overrides", ov, "-o", filepath.Join(dir, "out"))
	if code != exitInput || !strings.Contains(errs, "national_security") || !strings.Contains(errs, "line 1") {
		t.Errorf("misspelt ground: exit %d, stderr %q; want exit 1 naming the line and the ground", code, errs)
	}
	lex := filepath.Join(dir, "lex.tsv")
	os.WriteFile(lex, []byte("national_security\tsecurity reasons\n"), 0o644)
	code, _, errs = invoke(t, "", "analyze", "--quiet", "--overrides", ov, "--lexicon", lex, "-o", filepath.Join(dir, "out"))
	if code != exitOK {
		t.Errorf("a ground the user's lexicon defines: exit %d: %s", code, errs)
	}
}

// The sample's page gives only answer dates: the records keep no tabling
// date, and groups says it placed them by their answer dates.
func TestGroupsSaysWhenDatedByAnswer(t *testing.T) {
	_, jsonl, _ := invoke(t, "", "export", "--quiet")
	if strings.Contains(jsonl, `"date_tabled":"2`) {
		t.Errorf("a Parallel Parliament record was given a tabling date the page does not show")
	}
	code, out, errs := invoke(t, "", "groups")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "9 of 9 records have no tabling date") || !strings.Contains(errs, "answer date") {
		t.Errorf("stderr does not say how the records were dated:\n%s", errs)
	}
	if !strings.Contains(out, "6 bodies") || !strings.Contains(out, "dated (by answer") {
		t.Errorf("groups output:\n%s", out)
	}
}

// fetch shows every retry and its wait on stderr, bounds the time one
// request may take with --max-wait, and fails naming the URL and the last
// error: against a port that refuses connections, and a server that never
// answers. Both are on loopback.
func TestFetchRetriesAreVisibleAndBounded(t *testing.T) {
	refused := httptest.NewServer(http.NotFoundHandler())
	refusedURL := refused.URL
	refused.Close()

	release := make(chan struct{})
	silent := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer silent.Close()
	defer close(release)

	for _, c := range []struct {
		name, api, maxWait string
		retries            bool
	}{
		{"connection refused", refusedURL, "1500ms", true},
		{"server never answers", silent.URL, "1s", false},
	} {
		out := filepath.Join(t.TempDir(), "f.jsonl")
		code, _, errs := invoke(t, "", "fetch", "--api", c.api, "--cache", "", "--max-wait", c.maxWait, "--search", "x", "-o", out)
		if code != exitInput {
			t.Errorf("%s: exit %d, want %d", c.name, code, exitInput)
		}
		if !strings.Contains(errs, "parlance fetch: GET "+c.api+"/questions") || !strings.Contains(errs, "gave up after") || !strings.Contains(errs, "the last error") {
			t.Errorf("%s: the error does not name the URL and the last error:\n%s", c.name, errs)
		}
		if c.retries && !strings.Contains(errs, "attempt 1 of 5 failed") || c.retries && !strings.Contains(errs, "retrying in 1s") {
			t.Errorf("%s: the retry and its wait are not shown:\n%s", c.name, errs)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s: an output was written", c.name)
		}
	}
	// --quiet hides the retries but not the error.
	code, _, errs := invoke(t, "", "fetch", "--quiet", "--api", refusedURL, "--cache", "", "--max-wait", "1500ms", "--search", "x")
	if code != exitInput || strings.Contains(errs, "retrying") || !strings.Contains(errs, refusedURL) {
		t.Errorf("--quiet: exit %d, stderr %q", code, errs)
	}
}
