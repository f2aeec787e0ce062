package corpus

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/parlance-go/parlance/internal/shared"
	"github.com/parlance-go/parlance/internal/tabular/tabulartest"
)

// parquetWant is r as a Parquet reader should see it, built from the
// Record's fields directly rather than through the writer's mapping.
func parquetWant(t *testing.T, r *Record) []any {
	date := func(d time.Time) any {
		if d.IsZero() {
			return nil
		}
		return d
	}
	list := func(l []string) []string {
		if l == nil {
			return []string{}
		}
		return l
	}
	att := r.Attachments
	if att == nil {
		att = []Attachment{}
	}
	var a bytes.Buffer // as in CSV: compact, HTML characters unescaped
	enc := json.NewEncoder(&a)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(att); err != nil {
		t.Fatal(err)
	}
	return []any{r.ID, string(r.Source), r.UIN, string(r.House), date(r.DateTabled), date(r.DateAnswered), date(r.DateHoldingAnswer),
		r.Department, int64(r.DepartmentID),
		r.Asker.Name, int64(r.Asker.ID), r.Asker.Party, r.Asker.Constituency,
		r.Answerer.Name, int64(r.Answerer.ID), r.Answerer.Party, r.Answerer.Constituency,
		r.Heading, r.Question, r.Answer, r.AnswerHTML,
		r.Holding, r.Withdrawn, r.Corrected, r.Truncated,
		list(r.GroupedUINs), string(bytes.TrimSuffix(a.Bytes(), []byte("\n"))), r.URL}
}

func writeParquet(t *testing.T, recs []Record) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewParquetWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for i := range recs {
		if err := w.Write(&recs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkParquet writes recs as Parquet, reads the file back with Apache
// Arrow and compares every value with the records.
func checkParquet(t *testing.T, recs []Record) []byte {
	t.Helper()
	data := writeParquet(t, recs)
	tbl, err := tabulartest.ReadParquet(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(tbl.Columns, Columns) {
		t.Errorf("columns %v, want %v", tbl.Columns, Columns)
	}
	if len(tbl.Rows) != len(recs) {
		t.Fatalf("%d rows, want %d", len(tbl.Rows), len(recs))
	}
	bad := 0
	for i := range recs {
		if w := parquetWant(t, &recs[i]); !reflect.DeepEqual(tbl.Rows[i], w) {
			if bad++; bad <= 3 {
				t.Errorf("record %s:\n got %#v\nwant %#v", recs[i].ID, tbl.Rows[i], w)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d records differ", bad, len(recs))
	}
	if again := writeParquet(t, recs); !bytes.Equal(again, data) {
		t.Error("the same records gave different bytes")
	}
	return data
}

func TestParquetWriterFixtures(t *testing.T) {
	recs, _, err := ReadSample(Options{})
	if err != nil {
		t.Fatal(err)
	}
	more, _, err := ReadAll([]string{openFixture("twfy")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	recs = append(recs, more...)
	// Every kind of field set: dates before 1970, IDs, flags, lists.
	recs = append(recs, Record{ID: "api:1", Source: SourceAPI, UIN: "HL12", House: Lords,
		DateTabled: exportDay("1969-12-31"), DateAnswered: exportDay("1970-01-01"), DateHoldingAnswer: exportDay("2024-02-29"),
		Department: "Home Office", DepartmentID: 1, Asker: Member{ID: 7, Name: "Lord X", Party: "Crossbench", Constituency: "Life peer"},
		Answerer: Member{ID: -1, Name: "A"}, Heading: "H: “quoted” — ok", Question: "Q?", Answer: "A.\n\nB.", AnswerHTML: "<p>A.</p>",
		Holding: true, Withdrawn: true, Corrected: true, Truncated: true, GroupedUINs: []string{"1", "2"},
		Attachments: []Attachment{{URL: "https://x/y.pdf", Title: "T & <b>", FileType: "pdf", SizeBytes: 12}}, URL: "https://x"})
	checkParquet(t, recs)

	bad := Record{ID: "api:2", Source: SourceAPI, Question: "\xff"}
	w, err := NewParquetWriter(&bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(&bad); err == nil {
		t.Error("a question that is not UTF-8 was written")
	}
}

// TestParquetWriterRealData exports two months of the API's answers,
// hydrated, as Parquet and checks every value read back by Apache Arrow.
func TestParquetWriterRealData(t *testing.T) {
	root := shared.Path(t, "data")
	recs, _, err := ReadAll([]string{
		filepath.Join(root, "api", "list", "2024-07.json.gz"),
		filepath.Join(root, "api", "fulltext", "2024-07.jsonl.gz"),
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	data := checkParquet(t, recs)
	tbl, err := tabulartest.ReadParquet(data)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d records, %d bytes of Parquet in %d row groups", len(recs), len(data), tbl.RowGroups)
}
