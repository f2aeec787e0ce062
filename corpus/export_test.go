package corpus

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

var updateGolden = flag.Bool("update", false, "rewrite golden files under testdata")

func exportDay(s string) time.Time {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

// exportFixture covers every field, the awkward characters of both formats
// and the zero values.
func exportFixture() []Record {
	return []Record{
		{
			ID: "api:1676644", Source: SourceAPI, UIN: "6036", House: Commons,
			DateTabled: exportDay("2023-12-08"), DateAnswered: exportDay("2024-05-24"),
			Department: "Ministry of Justice", DepartmentID: 54,
			Asker:    Member{ID: 4679, Name: "Jane Doe", Party: "Labour", Constituency: "Slough, East"},
			Answerer: Member{ID: 4362, Name: "A Minister", Party: "Conservative", Constituency: "Somewhere"},
			Heading:  "Offenders: Foreign Nationals",
			Question: "To ask the Secretary of State for Justice, how many \"foreign\" offenders; (a) & (b)?",
			Answer:   "First paragraph.\n\nSecond, with a table:\nA\tB\r\nC\tD",
			AnswerHTML: `<p>First paragraph.</p><p>Second &amp; <a href="https://x.test/?a=1&b=2">link</a></p>` +
				"\r\n<table><tr><td>A</td></tr></table>",
			Holding: true, Withdrawn: false, Corrected: true, Truncated: true,
			GroupedUINs: []string{"6037", "HL123"},
			Attachments: []Attachment{{URL: "https://x.test/a.pdf", Title: "Table, \"1\" <draft>", FileType: "PDF", SizeBytes: 12345}},
			URL:         "https://questions-statements.parliament.uk/written-questions/detail/2023-12-08/6036",
		},
		{ID: "twfy:2009-10-26f.295666.q0", Source: SourceTheyWorkForYou, House: Lords, Question: " leading space, trailing\n"},
		{ID: "pp:abc", Source: SourceParallelParliament, Answer: `"quoted"`, Heading: "Ünïcödé — ‘quotes’ €"},
	}
}

func exportBoth(t *testing.T, recs []Record) (jsonl, csv []byte) {
	t.Helper()
	var jb, cb bytes.Buffer
	jw, cw := NewJSONLWriter(&jb), NewCSVWriter(&cb)
	for i := range recs {
		if err := jw.Write(&recs[i]); err != nil {
			t.Fatal(err)
		}
		if err := cw.Write(&recs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := jw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := cw.Flush(); err != nil {
		t.Fatal(err)
	}
	return jb.Bytes(), cb.Bytes()
}

func drainReader(t *testing.T, rr recordReader) []Record {
	t.Helper()
	var out []Record
	for {
		r, err := rr.Read()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("read: %v", err)
		}
		out = append(out, *r)
	}
}

func checkExportGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *updateGolden {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from output (run go test -update if the change is intended):\n%s", path, got)
	}
}

func TestExportGoldenAndRoundTrip(t *testing.T) {
	recs := exportFixture()
	j, c := exportBoth(t, recs)
	checkExportGolden(t, filepath.Join("testdata", "export", "records.jsonl.golden"), j)
	checkExportGolden(t, filepath.Join("testdata", "export", "records.csv.golden"), c)

	for _, tc := range []struct {
		name string
		rr   recordReader
	}{
		{"jsonl", NewJSONLReader(bytes.NewReader(j), "x.jsonl")},
		{"csv", NewCSVReader(bytes.NewReader(c), "x.csv")},
	} {
		got := drainReader(t, tc.rr)
		if !reflect.DeepEqual(got, recs) {
			t.Errorf("%s: records changed in the round trip:\n got %+v\nwant %+v", tc.name, got, recs)
		}
		j2, c2 := exportBoth(t, got)
		if !bytes.Equal(j, j2) || !bytes.Equal(c, c2) {
			t.Errorf("%s: re-export differs", tc.name)
		}
	}
}

func TestCSVHeaderOnlyForNoRecords(t *testing.T) {
	var b bytes.Buffer
	w := NewCSVWriter(&b)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if want := strings.Join(Columns, ",") + "\n"; b.String() != want {
		t.Fatalf("got %q, want %q", b.String(), want)
	}
	got := drainReader(t, NewCSVReader(&b, "empty.csv"))
	if len(got) != 0 {
		t.Fatalf("got %d records from a header-only CSV", len(got))
	}
}

func TestExportRejectsWhatCannotRoundTrip(t *testing.T) {
	for _, r := range []Record{
		{ID: "api:1", Source: SourceAPI, GroupedUINs: []string{"1;2"}},
		{ID: "api:1", Source: SourceAPI, GroupedUINs: []string{""}},
		{ID: "api:1", Source: SourceAPI, Answer: "bad \xff byte"},
	} {
		if err := NewJSONLWriter(io.Discard).Write(&r); err == nil {
			t.Errorf("JSONL wrote %+v", r)
		}
		if err := NewCSVWriter(io.Discard).Write(&r); err == nil {
			t.Errorf("CSV wrote %+v", r)
		}
	}
}

// problemAt reads until the first error and checks it is a Problem at the
// given record and field.
func expectProblem(t *testing.T, rr recordReader, record, field string) {
	t.Helper()
	for {
		_, err := rr.Read()
		if err == io.EOF {
			t.Fatalf("no problem reported; want one at %s field %s", record, field)
		}
		if err == nil {
			continue
		}
		var p *Problem
		if !errors.As(err, &p) {
			t.Fatalf("got fatal error %v, want a *Problem", err)
		}
		if p.Record != record || p.Field != field {
			t.Fatalf("problem %q at (%q, %q), want (%q, %q)", p, p.Record, p.Field, record, field)
		}
		return
	}
}

func TestJSONLReaderProblems(t *testing.T) {
	good := `{"id":"api:1","source":"api"}`
	for _, tc := range []struct {
		line, field string
	}{
		{`{"id":"api:2","source":"api","date_tabled":"2024-13-01"}`, "date_tabled"},
		{`{"id":"api:2","source":"api","colour":"red"}`, "colour"},
		{`{"id":"api:2","source":"api","asker_id":"12"}`, "asker_id"},
		{`{"id":"api:2","source":"api","asker_id":1.5}`, "asker_id"},
		{`{"id":"api:2","source":"api","holding":"yes"}`, "holding"},
		{`{"id":"api:2","source":"api","house":"Senate"}`, "house"},
		{`{"id":"api:2","source":"api","uin":"1","uin":"2"}`, "uin"},
		{`{"source":"api"}`, "id"},
		{`{"id":"api:2"}`, "source"},
		{`{"id":"api:2","source":"api","attachments":[{"url":"u","pages":3}]}`, "attachments"},
		{`{"id":"api:2","source":"api","grouped_uins":"1;2"}`, "grouped_uins"},
		{`{"id":"api:2","source":"api"`, ""},
		{`["api:2"]`, ""},
		{`{"id":"api:2","source":"api"} {}`, ""},
		{"{\"id\":\"api:2\",\"source\":\"api\",\"answer\":\"\xff\"}", "answer"},
	} {
		in := good + "\n\n" + tc.line + "\n" + good + "\n"
		rr := NewJSONLReader(strings.NewReader(in), "t.jsonl")
		expectProblem(t, rr, "line 3", tc.field)
		// reading goes on after the problem
		if r, err := rr.Read(); err != nil || r.ID != "api:1" {
			t.Errorf("%s: after the problem got %v, %v", tc.line, r, err)
		}
	}
}

func TestCSVReaderProblems(t *testing.T) {
	h := "department,question,answer,id,source,date_tabled\n"
	for _, tc := range []struct {
		in, record, field string
	}{
		{h + ",,,api:1,api,2024-02-30\n", "line 2", "date_tabled"},
		{h + ",,,api:1,api\n", "line 2", ""},
		{h + ",,,api:1,\"api,2024-01-01\n", "line 2", ""},
		{h + ",,,api:1,a\"pi,2024-01-01\n", "line 2", ""},
		{h + ",,,api:1,\"api\"x,2024-01-01\n", "line 2", ""},
		{"department,question,answer,id,source,colour\n,,,api:1,api,red\n", "line 1 (header)", "colour"},
		{"department,question,answer,id,source,id\n,,,api:1,api,api:2\n", "line 1 (header)", "id"},
		{"department,question,answer,source,id,holding\n,,,api,api:1,maybe\n", "line 2", "holding"},
		{h + ",,,\"two\nlines\",api,x\n", "line 2", "date_tabled"},
	} {
		expectProblem(t, NewCSVReader(strings.NewReader(tc.in), "t.csv"), tc.record, tc.field)
	}
	// line numbers count the lines inside quoted fields
	in := h + ",,,\"a\nb\",api,\n,,,api:2,api,bad\n"
	expectProblem(t, NewCSVReader(strings.NewReader(in), "t.csv"), "line 4", "date_tabled")

	// unknown columns are reported, then the known ones are read
	rr := NewCSVReader(strings.NewReader("colour,id,source,department,question,answer\nred,api:1,api,,,\n"), "t.csv")
	expectProblem(t, rr, "line 1 (header)", "colour")
	if r, err := rr.Read(); err != nil || r.ID != "api:1" || r.Source != SourceAPI {
		t.Fatalf("after header problem: %v, %v", r, err)
	}
}

func TestCSVReaderMissingIDIsFatal(t *testing.T) {
	for _, in := range []string{"", "source,uin\napi,1\n"} {
		_, err := NewCSVReader(strings.NewReader(in), "dir/x.csv").Read()
		var p *Problem
		if err == nil || errors.As(err, &p) || !strings.Contains(err.Error(), "dir/x.csv") {
			t.Errorf("%q: got %v, want a fatal error naming the file", in, err)
		}
	}
}

// A missing required column was read as blank in every record.
func TestCSVReaderMissingRequiredColumnIsFatal(t *testing.T) {
	for _, col := range RequiredCSVColumns[1:] {
		var cols []string
		for _, c := range RequiredCSVColumns {
			if c != col {
				cols = append(cols, c)
			}
		}
		in := strings.Join(cols, ",") + "\n" + strings.Repeat(",", len(cols)-1) + "\n"
		_, err := NewCSVReader(strings.NewReader(in), "dir/x.csv").Read()
		var p *Problem
		if err == nil || errors.As(err, &p) || !strings.Contains(err.Error(), "dir/x.csv") || !strings.Contains(err.Error(), `"`+col+`"`) {
			t.Errorf("without %s: got %v, want a fatal error naming the file and the column", col, err)
		}
	}
}

func TestCSVReaderAcceptsCRLFAndBOM(t *testing.T) {
	in := "\ufeffid,source,answer,department,question\r\napi:1,api,\"a\r\nb\",,\r\napi:2,api,c,,\r\n"
	got := drainReader(t, NewCSVReader(strings.NewReader(in), "t.csv"))
	if len(got) != 2 || got[0].Answer != "a\r\nb" || got[1].Answer != "c" {
		t.Fatalf("got %+v", got)
	}
}

// fuzzSeeds adds every file under testdata/export and testdata/open as a
// seed.
func exportFuzzSeeds(f *testing.F, add func([]byte)) {
	for _, dir := range []string{"export", "open"} {
		filepath.WalkDir(filepath.Join("testdata", dir), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if b, err := os.ReadFile(p); err == nil {
					add(b)
				}
			}
			return nil
		})
	}
}

func FuzzJSONLReader(f *testing.F) {
	exportFuzzSeeds(f, func(b []byte) { f.Add(b) })
	f.Add([]byte(`{"id":"api:1","source":"api","attachments":null,"grouped_uins":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rr := NewJSONLReader(bytes.NewReader(data), "fuzz")
		for i := 0; ; i++ {
			r, err := rr.Read()
			if err == io.EOF {
				return
			}
			var p *Problem
			if err != nil && !errors.As(err, &p) {
				t.Fatalf("non-Problem error from in-memory input: %v", err)
			}
			if i > len(data)+1 {
				t.Fatal("more results than lines")
			}
			if r != nil {
				// what was read must export and read back the same
				var b bytes.Buffer
				w := NewJSONLWriter(&b)
				if err := w.Write(r); err != nil {
					t.Fatalf("read record does not export: %v", err)
				}
				w.Flush()
				r2, err := NewJSONLReader(&b, "again").Read()
				if err != nil || !reflect.DeepEqual(r, r2) {
					t.Fatalf("round trip: %v\n%+v\n%+v", err, r, r2)
				}
			}
		}
	})
}

func FuzzCSVReader(f *testing.F) {
	exportFuzzSeeds(f, func(b []byte) { f.Add(b) })
	f.Add([]byte("id,source\n\"a\"\"b\",api\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rr := NewCSVReader(bytes.NewReader(data), "fuzz")
		for i := 0; ; i++ {
			r, err := rr.Read()
			if err == io.EOF {
				return
			}
			var p *Problem
			if err != nil && !errors.As(err, &p) {
				return // fatal: header without id
			}
			if i > len(data)+1 {
				t.Fatal("more results than bytes")
			}
			if r != nil {
				var b bytes.Buffer
				w := NewCSVWriter(&b)
				if err := w.Write(r); err != nil {
					t.Fatalf("read record does not export: %v", err)
				}
				w.Flush()
				r2, err := NewCSVReader(&b, "again").Read()
				if err != nil || !reflect.DeepEqual(r, r2) {
					t.Fatalf("round trip: %v\n%+v\n%+v", err, r, r2)
				}
			}
		}
	})
}
