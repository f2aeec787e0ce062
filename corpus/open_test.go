package corpus

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func openFixture(p string) string { return filepath.Join("testdata", "open", p) }

func recordIDs(recs []Record) []string {
	out := make([]string, len(recs))
	for i, r := range recs {
		out[i] = r.ID
	}
	return out
}

func TestOpenFilesDirsGlobsGzip(t *testing.T) {
	inputs := []string{
		openFixture("one.jsonl"), openFixture("two.csv"), openFixture("three.jsonl.gz"), openFixture("gzipped-without-suffix.jsonl"),
		openFixture("dir"), openFixture("glob/g*"), openFixture("dir/a.jsonl"),
	}
	recs, sum, err := ReadAll(inputs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"api:1", "api:2", "pp:x", "twfy:a", "twfy:b", "pp:d1", "pp:d2", "pp:g1", "pp:g2", "pp:g3"}
	if got := recordIDs(recs); !reflect.DeepEqual(got, want) {
		t.Fatalf("ids %v, want %v", got, want)
	}
	if recs[2].Question != "A question, quoted" || recs[0].Department != "Department for Transport" {
		t.Errorf("fields not read: %+v %+v", recs[0], recs[2])
	}
	wantRead := map[Source]int{SourceAPI: 2, SourceParallelParliament: 6, SourceTheyWorkForYou: 2}
	if !reflect.DeepEqual(sum.Read, wantRead) {
		t.Errorf("Read %v, want %v", sum.Read, wantRead)
	}
	wantSkipped := map[string]int{
		"api: duplicate id":                             1,
		"open: hidden file or directory in a directory": 1,
		"open: file of unknown format in a directory: " + openFixture("dir/README.md"): 1,
		"open: input reached more than once (file)":                                    1,
	}
	if !reflect.DeepEqual(sum.Skipped, wantSkipped) {
		t.Errorf("Skipped %v, want %v", sum.Skipped, wantSkipped)
	}
	if sum.Truncated != 1 {
		t.Errorf("Truncated %d, want 1", sum.Truncated)
	}
	wantFiles := []string{openFixture("one.jsonl"), openFixture("two.csv"), openFixture("three.jsonl.gz"), openFixture("gzipped-without-suffix.jsonl"),
		openFixture("dir/a.jsonl"), openFixture("dir/sub/b.csv"), openFixture("glob/g1.jsonl"), openFixture("glob/g2.jsonl"), openFixture("glob/g3.csv")}
	if !reflect.DeepEqual(sum.Files, wantFiles) {
		t.Errorf("Files %v, want %v", sum.Files, wantFiles)
	}
}

func TestOpenStdin(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("id,source,department,question,answer\npp:s1,pp,,,\npp:s2,pp,,,\n"))
	zw.Close()
	recs, sum, err := ReadAll([]string{"-", openFixture("dir/a.jsonl")}, Options{Stdin: &gz})
	if err != nil {
		t.Fatal(err)
	}
	if got := recordIDs(recs); !reflect.DeepEqual(got, []string{"pp:s1", "pp:s2", "pp:d1"}) {
		t.Fatalf("ids %v", got)
	}
	if sum.Files[0] != "-" {
		t.Errorf("Files %v", sum.Files)
	}
	if _, err := Open([]string{"-", "-"}, Options{Stdin: &gz}); err == nil {
		t.Error(`"-" twice accepted`)
	}
}

func TestOpenForcedFormat(t *testing.T) {
	// Content that Detect would call unknown, read as CSV because told so.
	recs, _, err := ReadAll([]string{"-"}, Options{Format: FormatCSV, Stdin: strings.NewReader("id,source,department,question,answer\napi:9,api,,,\n")})
	if err != nil || len(recs) != 1 || recs[0].ID != "api:9" {
		t.Fatalf("%v %v", recs, err)
	}
	if _, err := Open([]string{openFixture("one.jsonl")}, Options{Format: "xml"}); err == nil {
		t.Error("unknown forced format accepted")
	}
}

func TestOpenInputErrors(t *testing.T) {
	_, err := Open([]string{openFixture("nothing-*.jsonl")}, Options{Lenient: true})
	if err == nil || !strings.Contains(err.Error(), "nothing-*.jsonl") {
		t.Errorf("glob with no match: %v", err)
	}
	_, err = Open([]string{openFixture("missing.jsonl")}, Options{Lenient: true})
	if err == nil || !strings.Contains(err.Error(), "missing.jsonl") {
		t.Errorf("missing file: %v", err)
	}
	// A named file of unknown format: an error when strict …
	_, err = Open([]string{openFixture("unknown.txt"), openFixture("one.jsonl")}, Options{})
	var p *Problem
	if !errors.Is(err, ErrUnknownFormat) || !errors.As(err, &p) || p.File != openFixture("unknown.txt") {
		t.Errorf("unknown format, strict: %v", err)
	}
	// … and a Problem when lenient.
	recs, sum, err := ReadAll([]string{openFixture("unknown.txt"), openFixture("one.jsonl")}, Options{Lenient: true})
	if err != nil || len(recs) != 2 || len(sum.Problems) != 1 || !errors.Is(sum.Problems[0], ErrUnknownFormat) {
		t.Errorf("unknown format, lenient: %v %v %v", recs, sum.Problems, err)
	}
}

func TestOpenStrictAndLenient(t *testing.T) {
	recs, _, err := ReadAll([]string{openFixture("bad.jsonl"), openFixture("one.jsonl")}, Options{})
	var p *Problem
	if !errors.As(err, &p) || p.File != openFixture("bad.jsonl") || p.Record != "line 2" || p.Field != "date_tabled" {
		t.Fatalf("strict: got %v", err)
	}
	if len(recs) != 1 {
		t.Errorf("strict: %d records before the problem, want 1", len(recs))
	}
	s, _ := Open([]string{openFixture("bad.jsonl")}, Options{})
	_, err1 := s.Read()
	_, err2 := s.Read()
	_, err3 := s.Read()
	if err1 != nil || err2 == nil || err3 != err2 {
		t.Errorf("strict errors not sticky: %v %v %v", err1, err2, err3)
	}

	recs, sum, err := ReadAll([]string{openFixture("bad.jsonl"), openFixture("one.jsonl")}, Options{Lenient: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := recordIDs(recs); !reflect.DeepEqual(got, []string{"pp:b1", "pp:b3", "api:1", "api:2"}) {
		t.Errorf("lenient ids %v", got)
	}
	if len(sum.Problems) != 1 || sum.Problems[0].Record != "line 2" {
		t.Errorf("lenient problems %v", sum.Problems)
	}
}

func TestOpenLenientFatalMovesOn(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "a.csv")
	os.WriteFile(bad, []byte("uin,source\n1,api\n"), 0o644) // no id column: fatal for the file
	good := filepath.Join(dir, "b.jsonl")
	os.WriteFile(good, []byte(`{"id":"pp:1","source":"pp"}`+"\n"), 0o644)
	corrupt := filepath.Join(dir, "c.jsonl.gz")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(zw, `{"id":"pp:c%d","source":"pp"}`+"\n", i)
	}
	zw.Close()
	data := gz.Bytes()
	os.WriteFile(corrupt, data[:len(data)-12], 0o644) // cut short

	recs, sum, err := ReadAll([]string{bad, good, corrupt}, Options{Lenient: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) == 0 || recs[0].ID != "pp:1" {
		t.Errorf("records %v", recordIDs(recs))
	}
	if len(sum.Problems) != 2 || sum.Problems[0].File != bad || sum.Problems[1].File != corrupt {
		t.Fatalf("problems %v", sum.Problems)
	}
	if strings.Count(sum.Problems[0].Error(), bad) != 1 {
		t.Errorf("file named other than once: %q", sum.Problems[0])
	}

	_, _, err = ReadAll([]string{good, corrupt}, Options{})
	var p *Problem
	if !errors.As(err, &p) || p.File != corrupt {
		t.Errorf("strict corrupt gzip: %v", err)
	}
}

func TestOpenHydratesFromFullText(t *testing.T) {
	recs, sum, err := ReadAll([]string{openFixture("api")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := recordIDs(recs); !reflect.DeepEqual(got, []string{"api:101", "api:102", "api:103", "api:104"}) {
		t.Fatalf("ids %v", got)
	}
	h := recs[0]
	if h.Truncated || !strings.HasPrefix(h.AnswerHTML, "<p>The Department") || !strings.HasSuffix(h.Answer, "No further information is held.") {
		t.Errorf("api:101 not hydrated: %+v", h)
	}
	if h.Department != "Department for Transport" || h.UIN != "1001" {
		t.Errorf("api:101 lost its list metadata: %+v", h)
	}
	if sum.Hydrated != 1 || sum.Truncated != 0 {
		t.Errorf("Hydrated %d Truncated %d", sum.Hydrated, sum.Truncated)
	}
	if sum.Skipped["api: duplicate id"] != 2 {
		t.Errorf("Skipped %v", sum.Skipped)
	}
	if sum.Read[SourceAPI] != 4 {
		t.Errorf("Read %v", sum.Read)
	}
	// Only the unmatched full-text record with an unknown addressee counts,
	// and as what happened to it: its department is blank, not "kept as
	// given".
	wantNoBody := map[string]int{"addressee not in the registry: To ask the Minister for Nowhere": 1}
	if len(sum.UnknownBodies) != 0 || !reflect.DeepEqual(sum.NoBody, wantNoBody) {
		t.Errorf("UnknownBodies %v, NoBody %v, want %v", sum.UnknownBodies, sum.NoBody, wantNoBody)
	}
	if !reflect.DeepEqual(sum.Files, []string{openFixture("api/fulltext.jsonl"), openFixture("api/list.json")}) {
		t.Errorf("Files %v", sum.Files)
	}

	// Without the full texts, the list record stays clipped.
	_, sum, err = ReadAll([]string{openFixture("api/list.json")}, Options{})
	if err != nil || sum.Truncated != 1 || sum.Hydrated != 0 {
		t.Errorf("list alone: %v %+v", err, sum)
	}
	// A full-text file alone yields its records.
	recs, _, err = ReadAll([]string{openFixture("api/fulltext.jsonl")}, Options{})
	if err != nil || !reflect.DeepEqual(recordIDs(recs), []string{"api:101", "api:103", "api:104"}) {
		t.Errorf("full text alone: %v %v", recordIDs(recs), err)
	}
}

func TestDetect(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(`{"id": 5, "questionText": "To ask …", "answerText": null}`))
	zw.Close()
	for _, tc := range []struct {
		name, head string
		want       Format
	}{
		{"x.json", `[{"value": {"id": 1}}]`, FormatAPIJSON},
		{"x.json", "\ufeff  {\"totalResults\": 20, \"results\": []}", FormatAPIJSON},
		{"x.json", `{"value": {"id": 1679416}}`, FormatAPIJSON},
		{"x.jsonl", `{"id": 1, "askingMemberId": 2, "questionText": "q"}`, FormatAPIJSON},
		{"x.jsonl", `{"id": 1, "questionText": "q", "answerText": "<p>a</p>"}`, FormatAPIFullText},
		{"x.jsonl", `{"id": 1, "questionText": "a very long text cut sho`, FormatAPIFullText},
		{"fulltext-x.jsonl", `{"id": 1, "other": 2}`, FormatAPIFullText},
		{"x.gz", gz.String(), FormatAPIFullText},
		{"x.jsonl", `{"id":"api:1","source":"api","uin":"1"}`, FormatJSONL},
		{"x.txt", "id,source,uin\napi:1,api,1\n", FormatCSV},
		{"x", `"id","source"` + "\r\n", FormatCSV},
		{"x.csv", "uin,house\n", FormatCSV},
		{"x.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE publicwhip [\n", FormatTWFYXML},
		{"x.txt", "View sample alert\n\nWritten Question\nDept: Topic\nAsked by: A (Lab)\n", FormatPPText},
		{"x.txt", "=== URL: https://parallelparliament.co.uk/x\n\nWritten Question\n", FormatPPText},
		{"x.jsonl", "", FormatJSONL},
		{"x.csv.gz", " \n", FormatCSV},
	} {
		got, err := Detect(tc.name, []byte(tc.head))
		if err != nil || got != tc.want {
			t.Errorf("Detect(%q, %.40q) = %q, %v; want %q", tc.name, tc.head, got, err, tc.want)
		}
	}
	for _, tc := range []struct{ name, head string }{
		{"README.md", "# Real data\nthe Written Questions API\n"},
		{"changedates.txt", "1256631489,answers2009-10-26a.xml\n"},
		{"x.html", "<html><body>Written Question</body></html>"},
		{"x.json", `{"name": "something else"}`},
		{"x", ""},
		{"x.gz", "\x1f\x8b garbage"},
	} {
		f, err := Detect(tc.name, []byte(tc.head))
		var p *Problem
		if !errors.Is(err, ErrUnknownFormat) || !errors.As(err, &p) || p.File != tc.name {
			t.Errorf("Detect(%q, %.40q) = %q, %v; want a Problem wrapping ErrUnknownFormat", tc.name, tc.head, f, err)
		}
	}
}

func FuzzDetect(f *testing.F) {
	exportFuzzSeeds(f, func(b []byte) { f.Add("seed", b) })
	f.Add("x.jsonl", []byte(`{"id":`))
	f.Fuzz(func(t *testing.T, name string, head []byte) {
		got, err := Detect(name, head)
		if err != nil {
			if !errors.Is(err, ErrUnknownFormat) || got != "" {
				t.Fatalf("Detect = %q, %v", got, err)
			}
			return
		}
		if _, err := ParseFormat(string(got)); err != nil || got == "" {
			t.Fatalf("Detect returned %q", got)
		}
	})
}

func TestStreamClose(t *testing.T) {
	s, err := Open([]string{openFixture("one.jsonl")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Read(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Read(); err != io.EOF {
		t.Errorf("Read after Close: %v", err)
	}
}

func TestOpenKeepsLatestTWFYScrape(t *testing.T) {
	recs, sum, err := ReadAll([]string{openFixture("twfy")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := recordIDs(recs); !reflect.DeepEqual(got, []string{"twfy:2009-10-26b.1.q0", "twfy:2009-10-27a.2.q0"}) {
		t.Fatalf("ids %v", got)
	}
	if !strings.Contains(recs[0].Question, "second scrape") || recs[0].Department != "Department for Transport" {
		t.Errorf("record %+v", recs[0])
	}
	if sum.Skipped["twfy: superseded scrape version (file)"] != 1 || len(sum.Files) != 2 {
		t.Errorf("Skipped %v Files %v", sum.Skipped, sum.Files)
	}
}

// TestOpenOmit checks that Options.Omit clears the fields it names and
// nothing else, with and without list records to hydrate, and that the
// summary is the same.
func TestOpenOmit(t *testing.T) {
	for _, inputs := range [][]string{
		{openFixture("api")},
		{openFixture("api/fulltext.jsonl")},
		{openFixture("two.csv"), openFixture("twfy"), openFixture("api/fulltext.jsonl")},
	} {
		all, sumAll, err := ReadAll(inputs, Options{Lenient: true})
		if err != nil {
			t.Fatal(err)
		}
		some, sumSome, err := ReadAll(inputs, Options{Lenient: true, Omit: OmitQuestion | OmitAnswerHTML})
		if err != nil {
			t.Fatal(err)
		}
		if len(some) != len(all) {
			t.Fatalf("%v: %d records with Omit, %d without", inputs, len(some), len(all))
		}
		hydrated := false
		for i := range all {
			want := all[i]
			hydrated = hydrated || want.AnswerHTML != ""
			want.Question, want.AnswerHTML = "", ""
			if !reflect.DeepEqual(some[i], want) {
				t.Errorf("%v: record %d with Omit\n%+v\nwant\n%+v", inputs, i, some[i], want)
			}
		}
		if !hydrated {
			t.Errorf("%v: no record has HTML to omit", inputs)
		}
		if !reflect.DeepEqual(sumSome, sumAll) {
			t.Errorf("%v: summary with Omit %+v, without %+v", inputs, sumSome, sumAll)
		}
	}
}

// TestStreamPending checks that Pending counts the records still to come
// once the first Read has read the inputs, down to 0 at the end.
func TestStreamPending(t *testing.T) {
	s, err := Open([]string{openFixture("one.jsonl"), openFixture("two.csv"), openFixture("dir")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := s.Pending(); n != 0 {
		t.Errorf("Pending before the first Read = %d, want 0", n)
	}
	var pending []int
	for {
		_, err := s.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		pending = append(pending, s.Pending())
	}
	if len(pending) < 3 {
		t.Fatalf("read %d records, want at least 3", len(pending))
	}
	for i, n := range pending {
		if want := len(pending) - 1 - i; n != want {
			t.Errorf("Pending after record %d = %d, want %d", i+1, n, want)
		}
	}
}
