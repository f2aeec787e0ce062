package corpus

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/internal/shared"
)

// apiIDsIn collects the question ids of the API list files (JSON arrays of
// {"value": {"id"}}) and full-text files (JSON Lines of {"id"}) with plain
// encoding/json, independently of the readers under test.
func apiIDsIn(t *testing.T, files []string, lines bool) map[int]bool {
	t.Helper()
	out := map[int]bool{}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(fh)
		if err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(zr)
		if lines {
			for {
				var v struct{ ID int }
				if err := dec.Decode(&v); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				out[v.ID] = true
			}
		} else {
			var items []struct{ Value struct{ ID int } }
			if err := dec.Decode(&items); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			for _, it := range items {
				out[it.Value.ID] = true
			}
		}
		fh.Close()
	}
	return out
}

// TestOpenSharedDataTree reads the whole shared data directory strictly and
// checks the API numbers against an independent count of the ids.
func TestOpenSharedDataTree(t *testing.T) {
	root := shared.Path(t, "data")
	opt := Options{} // strict: every file of the shared data must read without a problem
	s, err := Open([]string{root}, opt)
	if err != nil {
		t.Fatal(err)
	}
	bySource := map[Source]int{}
	truncated, answered := 0, 0
	seen := map[string]bool{}
	for {
		rec, err := s.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if seen[rec.ID] {
			t.Fatalf("%s delivered twice", rec.ID)
		}
		seen[rec.ID] = true
		bySource[rec.Source]++
		if rec.Truncated {
			truncated++
		}
		if rec.Answered() {
			answered++
		}
	}
	sum := s.Summary()
	var b strings.Builder
	sum.WriteTo(&b)
	t.Logf("per source %v, answered %d\n%s", bySource, answered, b.String())

	for src, n := range bySource {
		if sum.Read[src] != n {
			t.Errorf("Summary.Read[%s] = %d, delivered %d", src, sum.Read[src], n)
		}
	}
	if sum.Truncated != truncated {
		t.Errorf("Summary.Truncated = %d, delivered %d", sum.Truncated, truncated)
	}

	list, _ := filepath.Glob(filepath.Join(root, "api", "list", "*.json.gz"))
	full, _ := filepath.Glob(filepath.Join(root, "api", "fulltext", "*.jsonl.gz"))
	listIDs := apiIDsIn(t, list, false)
	fullIDs := apiIDsIn(t, full, true)
	// The fixtures hold a few more questions, possibly outside the months.
	fixtureIDs := map[int]bool{}
	for _, f := range []string{"list_response_envelope.json", "detail_response_question_1679416.json"} {
		data, err := os.ReadFile(filepath.Join(root, "api", "fixtures", f))
		if err != nil {
			t.Fatal(err)
		}
		for _, part := range strings.Split(string(data), `"id": `)[1:] {
			end := strings.IndexAny(part, ",\n")
			if n, err := strconv.Atoi(strings.TrimSpace(part[:end])); err == nil {
				fixtureIDs[n] = true
			}
		}
	}
	union := map[int]bool{}
	matched := 0
	for id := range listIDs {
		union[id] = true
		if fullIDs[id] {
			matched++
		}
	}
	for id := range fullIDs {
		union[id] = true
	}
	for id := range fixtureIDs {
		union[id] = true
	}
	if len(listIDs) != 58173 || matched != 15695 {
		t.Errorf("independent count: %d list ids, %d matched by full texts; the data README says 58,173 and 15,695", len(listIDs), matched)
	}
	for id := range fixtureIDs {
		if !listIDs[id] && fullIDs[id] {
			matched++ // a fixture list record hydrated
		}
	}
	if sum.Read[SourceAPI] != len(union) {
		t.Errorf("API records delivered %d, want %d distinct ids (list ∪ full text ∪ fixtures)", sum.Read[SourceAPI], len(union))
	}
	if sum.Hydrated > matched || sum.Hydrated < matched*9/10 {
		t.Errorf("Hydrated %d of %d list records with full texts", sum.Hydrated, matched)
	}
	if sum.Read[SourceParallelParliament] < 9 {
		t.Errorf("Parallel Parliament records: %d", sum.Read[SourceParallelParliament])
	}
}

// TestExportRoundTripRealData exports real records of every source to JSON
// Lines and CSV, reads each back and exports again: byte-identical. Then
// CSV → JSON Lines → CSV.
func TestExportRoundTripRealData(t *testing.T) {
	root := shared.Path(t, "data")
	inputs := []string{
		filepath.Join(root, "api", "list", "2024-07.json.gz"),
		filepath.Join(root, "api", "list", "2024-08.json.gz"),
		filepath.Join(root, "api", "fulltext", "2024-07.jsonl.gz"),
		filepath.Join(root, "api", "fulltext", "2024-08.jsonl.gz"),
		filepath.Join(root, "parallelparliament"),
	}
	if _, ok := readerFor(FormatTWFYXML); ok {
		inputs = append(inputs, filepath.Join(root, "twfy"))
	}
	recs, sum, err := ReadAll(inputs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d records: %v", len(recs), sum.Read)
	j1, c1 := exportBoth(t, recs)

	fromJ := drainReader(t, NewJSONLReader(bytes.NewReader(j1), "export.jsonl"))
	fromC := drainReader(t, NewCSVReader(bytes.NewReader(c1), "export.csv"))
	if len(fromJ) != len(recs) || len(fromC) != len(recs) {
		t.Fatalf("re-read %d (JSONL) and %d (CSV) of %d records", len(fromJ), len(fromC), len(recs))
	}
	j2, _ := exportBoth(t, fromJ)
	j3, c3 := exportBoth(t, fromC)
	if !bytes.Equal(j1, j2) {
		t.Error("JSONL → read → JSONL differs")
	}
	if !bytes.Equal(c1, c3) {
		t.Error("CSV → read → CSV differs")
	}
	if !bytes.Equal(j1, j3) {
		t.Error("CSV → read → JSONL differs from the direct JSONL")
	}
	// And through Open, with detection, in both directions.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.jsonl"), j1, 0o644)
	os.WriteFile(filepath.Join(dir, "b.csv"), c1, 0o644)
	viaJ, _, err := ReadAll([]string{filepath.Join(dir, "a.jsonl")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	viaC, _, err := ReadAll([]string{filepath.Join(dir, "b.csv")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, c4 := exportBoth(t, viaJ)
	j4, _ := exportBoth(t, viaC)
	if !bytes.Equal(c1, c4) || !bytes.Equal(j1, j4) {
		t.Error("round trip through Open differs")
	}
}

// benchInputs is one month of the API with its full texts.
func benchInputs(b *testing.B) []string {
	root := shared.Path(b, "data/api")
	return []string{
		filepath.Join(root, "list", "2024-07.json.gz"),
		filepath.Join(root, "fulltext", "2024-07.jsonl.gz"),
	}
}

// BenchmarkOpenAPIMonth streams a month of list records hydrated from its
// full texts, through detection, gunzip and dedup.
func BenchmarkOpenAPIMonth(b *testing.B) {
	inputs := benchInputs(b)
	n := 0
	for b.Loop() {
		s, err := Open(inputs, Options{})
		if err != nil {
			b.Fatal(err)
		}
		_, _, err = drain(s)
		if err != nil {
			b.Fatal(err)
		}
		n = s.Summary().Total()
	}
	b.ReportMetric(float64(n), "records/op")
}

// BenchmarkExport writes a month of records as JSON Lines and CSV and reads
// them back.
func BenchmarkExport(b *testing.B) {
	recs, _, err := ReadAll(benchInputs(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	var jb, cb bytes.Buffer
	for _, f := range []struct {
		name  string
		write func(io.Writer) error
		read  func(io.Reader) recordReader
		buf   *bytes.Buffer
	}{
		{"jsonl", func(w io.Writer) error {
			jw := NewJSONLWriter(w)
			for i := range recs {
				if err := jw.Write(&recs[i]); err != nil {
					return err
				}
			}
			return jw.Flush()
		}, func(r io.Reader) recordReader { return NewJSONLReader(r, "b") }, &jb},
		{"csv", func(w io.Writer) error {
			cw := NewCSVWriter(w)
			for i := range recs {
				if err := cw.Write(&recs[i]); err != nil {
					return err
				}
			}
			return cw.Flush()
		}, func(r io.Reader) recordReader { return NewCSVReader(r, "b") }, &cb},
	} {
		b.Run(f.name+"/write", func(b *testing.B) {
			for b.Loop() {
				f.buf.Reset()
				if err := f.write(f.buf); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(f.buf.Len()))
		})
		b.Run(f.name+"/read", func(b *testing.B) {
			for b.Loop() {
				rr := f.read(bytes.NewReader(f.buf.Bytes()))
				for {
					_, err := rr.Read()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
				}
			}
			b.SetBytes(int64(f.buf.Len()))
		})
	}
}
