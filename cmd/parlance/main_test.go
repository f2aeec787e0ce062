package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// invoke runs one command line with the given standard input and returns
// the exit status and what was written.
func invoke(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code = run(e, args)
	return code, out.String(), errb.String()
}

func TestHelpForEveryCommand(t *testing.T) {
	code, out, _ := invoke(t, "", "help")
	if code != exitOK || !strings.Contains(out, "Commands:") {
		t.Fatalf("help: exit %d, output %q", code, out)
	}
	for _, c := range commands {
		code, out, errs := invoke(t, "", c.name, "--help")
		if code != exitOK {
			t.Errorf("%s --help: exit %d, stderr %q", c.name, code, errs)
		}
		if out != "" {
			t.Errorf("%s --help wrote to standard output:\n%s", c.name, out)
		}
		if !strings.Contains(errs, "Example:") || !strings.Contains(errs, "parlance "+c.name) {
			t.Errorf("%s --help lacks an example:\n%s", c.name, errs)
		}
		if n := strings.Count(errs, "Usage: parlance "+c.name); n != 1 {
			t.Errorf("%s --help printed its usage %d times, want once:\n%s", c.name, n, errs)
		}
	}
}

// A wrong flag must not write the usage text to standard output, which is
// often redirected into the output file.
func TestFlagErrorKeepsStdoutClean(t *testing.T) {
	for _, args := range [][]string{
		{"export", "--no-such-flag"},
		{"analyze", "--format"},
		{"groups", "-x"},
	} {
		code, out, errs := invoke(t, "", args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
		if out != "" {
			t.Errorf("%v wrote to standard output:\n%s", args, out)
		}
		if strings.Count(errs, "Usage:") > 1 || !strings.Contains(errs, "--help") {
			t.Errorf("%v: stderr %q", args, errs)
		}
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	for _, args := range [][]string{
		{"frobnicate"},
		{"export", "--no-such-flag"},
		{"export", "--format", "xml"},
		{"groups", "--format", "yaml"},
		{"analyze", "--format", "html"},
		{"fetch", "--tabled-from", "July 2023"},
		{"version", "extra"},
	} {
		code, _, errs := invoke(t, "", args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d (stderr %q)", args, code, exitUsage, errs)
		}
	}
}

func TestMissingInputExit1NamesFile(t *testing.T) {
	code, _, errs := invoke(t, "", "export", "--quiet", "no/such/file.json")
	if code != exitInput || !strings.Contains(errs, "no/such/file.json") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
}

func TestExportSampleRoundTrip(t *testing.T) {
	code, jsonl, errs := invoke(t, "", "export", "--quiet")
	if code != exitOK {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	if n := strings.Count(jsonl, "\n"); n != 9 {
		t.Fatalf("export of the sample gave %d lines, want 9", n)
	}
	// JSON Lines back in through standard input, out as CSV, in again and
	// out as JSON Lines: byte-identical.
	code, csv, errs := invoke(t, jsonl, "export", "--quiet", "--format", "csv", "-")
	if code != exitOK {
		t.Fatalf("jsonl→csv: exit %d: %s", code, errs)
	}
	code, again, errs := invoke(t, csv, "export", "--quiet", "-")
	if code != exitOK {
		t.Fatalf("csv→jsonl: exit %d: %s", code, errs)
	}
	if again != jsonl {
		t.Fatalf("round trip changed the export:\nfirst:\n%s\nagain:\n%s", jsonl, again)
	}
}

func TestExportSummaryOnStderr(t *testing.T) {
	code, _, errs := invoke(t, "", "export")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"read 9 records", "Select Committee"} {
		if !strings.Contains(errs, want) {
			t.Errorf("summary lacks %q:\n%s", want, errs)
		}
	}
}

func TestLenientCollectsProblems(t *testing.T) {
	_, jsonl, _ := invoke(t, "", "export", "--quiet")
	lines := strings.SplitAfter(jsonl, "\n")
	bad := strings.Replace(lines[1], `"date_answered":"2023-07-18"`, `"date_answered":"18/07/2023"`, 1)
	if bad == lines[1] {
		t.Fatalf("fixture line has no date_answered to spoil: %s", lines[1])
	}
	input := lines[0] + bad + strings.Join(lines[2:], "")

	code, _, errs := invoke(t, input, "export", "--quiet", "-")
	if code != exitInput || !strings.Contains(errs, "line 2") || !strings.Contains(errs, "date_answered") {
		t.Fatalf("strict: exit %d, stderr %q; want exit 1 naming line 2 and date_answered", code, errs)
	}
	code, out, errs := invoke(t, input, "export", "--lenient", "-")
	if code != exitOK {
		t.Fatalf("lenient: exit %d: %s", code, errs)
	}
	if n := strings.Count(out, "\n"); n != 8 {
		t.Errorf("lenient export kept %d records, want 8", n)
	}
	if !strings.Contains(errs, "problems: 1") {
		t.Errorf("lenient summary does not report the problem:\n%s", errs)
	}
}

func TestAnalyzeSample(t *testing.T) {
	code, out, errs := invoke(t, "", "analyze", "--quiet", "--format", "jsonl")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if n := strings.Count(out, "\n"); n != 9 {
		t.Fatalf("%d answers, want 9", n)
	}
	if !strings.Contains(out, `"stance":"disclosed"`) || !strings.Contains(out, `"stance":"declined"`) {
		t.Errorf("analysis lacks disclosed and declined verdicts:\n%s", out)
	}
}

func TestGroupsAndBoilerplateSample(t *testing.T) {
	code, out, errs := invoke(t, "", "groups", "--quiet")
	if code != exitOK || !strings.Contains(out, "6 bodies") {
		t.Fatalf("groups: exit %d, stderr %q, output:\n%s", code, errs, out)
	}
	code, out, errs = invoke(t, "", "boilerplate", "--quiet", "--format", "csv")
	if code != exitOK || !strings.HasPrefix(out, "family,canonical") {
		t.Fatalf("boilerplate: exit %d, stderr %q, output:\n%s", code, errs, out)
	}
}

func TestReportSample(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.html")
	code, _, errs := invoke(t, "", "report", "--quiet", "-o", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("Department for Transport")) {
		t.Errorf("report does not mention the Department for Transport")
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := invoke(t, "", "version")
	if code != exitOK || !strings.HasPrefix(out, "parlance ") {
		t.Fatalf("exit %d, %q", code, out)
	}
}

// TestFetchFromLocalServer runs fetch against a local server that pages
// through a list of items and serves one detail item, with no cache.
func TestFetchFromLocalServer(t *testing.T) {
	items, err := os.ReadFile("../../corpus/testdata/client/items.json")
	if err != nil {
		t.Fatal(err)
	}
	var all []json.RawMessage
	if err := json.Unmarshal(items, &all); err != nil {
		t.Fatal(err)
	}
	detail, err := os.ReadFile("../../corpus/testdata/client/detail_9000003.json")
	if err != nil {
		t.Fatal(err)
	}
	requests := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests++
		if strings.HasSuffix(r.URL.Path, "/questions/9000003") {
			w.Write(detail)
			return
		}
		skip, _ := strconv.Atoi(r.URL.Query().Get("skip"))
		take, _ := strconv.Atoi(r.URL.Query().Get("take"))
		end := min(skip+take, len(all))
		page := all[min(skip, len(all)):end]
		body, _ := json.Marshal(map[string]any{"totalResults": len(all), "results": page})
		w.Write(body)
	}))
	defer srv.Close()

	out := filepath.Join(t.TempDir(), "fetched.jsonl")
	code, _, errs := invoke(t, "", "fetch", "--api", srv.URL, "--cache", "", "--hydrate", "-o", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, fmt.Sprintf("fetched %d of %d", len(all), len(all))) {
		t.Errorf("stderr: %q", errs)
	}
	// The fetched file is parlance JSON Lines: export reads it back.
	code, back, errs := invoke(t, "", "export", "--quiet", out)
	if code != exitOK {
		t.Fatalf("re-reading the fetch: exit %d: %s", code, errs)
	}
	if n := strings.Count(back, "\n"); n != len(all) {
		t.Errorf("re-read %d records, fetched %d", n, len(all))
	}
	// The clipped answer of 9000003 was hydrated from the detail endpoint.
	var hydrated bool
	for _, line := range strings.Split(strings.TrimSpace(back), "\n") {
		var rec struct {
			ID        string `json:"id"`
			Truncated bool   `json:"truncated"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		if rec.ID == "api:9000003" {
			hydrated = !rec.Truncated
		}
	}
	if !hydrated {
		t.Errorf("api:9000003 is still truncated after --hydrate")
	}
}

func TestProgressOnlyOnATerminal(t *testing.T) {
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, stderrIsTerminal: true}
	if code := run(e, []string{"analyze", "--format", "csv"}); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "5/5 statistics") {
		t.Errorf("no progress bar on a terminal:\n%q", errb.String())
	}
	// Within the long stage, the answers done of the total (segmentation
	// and boilerplate happen as the records are read, which "reading:"
	// counts).
	for _, want := range []string{"reading: 1 records", "4/5 classify: 9 of 9 records"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("no progress within a stage (%q) on a terminal:\n%q", want, errb.String())
		}
	}
	_, _, errs := invoke(t, "", "analyze", "--format", "csv")
	if strings.Contains(errs, "5/5") || strings.Contains(errs, "9 of 9 records,") || strings.Contains(errs, "segment:") {
		t.Errorf("progress shown when stderr is not a terminal:\n%q", errs)
	}
	e = &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, stderrIsTerminal: true}
	errb.Reset()
	run(e, []string{"analyze", "--quiet", "--format", "csv"})
	if errb.Len() != 0 {
		t.Errorf("--quiet printed %q", errb.String())
	}
}
