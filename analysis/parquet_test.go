package analysis

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/internal/tabular/tabulartest"
)

// TestWriteAnswersParquet writes the sample's answers as Parquet, reads
// them back with Apache Arrow and compares every value with the CSV export's
// columns and values.
func TestWriteAnswersParquet(t *testing.T) {
	recs, sum, err := corpus.ReadSample(corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// An answer with no date, to see a null.
	recs = append(recs, corpus.Record{ID: "api:1", Source: corpus.SourceAPI, Question: "Q?", Answer: "I refer the hon. Member to the answer I gave."})
	res, err := Run(recs, sum, Config{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteAnswersParquet(&buf, res); err != nil {
		t.Fatal(err)
	}
	tbl, err := tabulartest.ReadParquet(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(tbl.Columns, AnswerCSVHeader) {
		t.Errorf("columns %v, want the CSV's %v", tbl.Columns, AnswerCSVHeader)
	}
	if len(tbl.Rows) != len(res.Answers) {
		t.Fatalf("%d rows for %d answers", len(tbl.Rows), len(res.Answers))
	}
	nulls := 0
	for i := range res.Answers {
		r := res.Answers[i].Row()
		vals := r.Values()
		want := make([]any, len(vals))
		for j, c := range AnswerColumns {
			v := vals[j]
			switch c.Kind {
			case "date":
				if v == "" {
					if c.Name == "date_answered" {
						nulls++
					}
					v = nil
				} else {
					d, err := time.Parse(corpus.DateLayout, v.(string))
					if err != nil {
						t.Fatal(err)
					}
					v = d
				}
			case "json":
				js, err := marshalCompact(v)
				if err != nil {
					t.Fatal(err)
				}
				v = js
			case "int":
				v = int64(v.(int))
			}
			want[j] = v
		}
		if !reflect.DeepEqual(tbl.Rows[i], want) {
			t.Errorf("answer %s:\n got %#v\nwant %#v", r.ID, tbl.Rows[i], want)
		}
	}
	if nulls != 1 {
		t.Errorf("%d answers without a date, want 1", nulls)
	}
	var again bytes.Buffer
	if err := WriteAnswersParquet(&again, res); err != nil || !bytes.Equal(again.Bytes(), buf.Bytes()) {
		t.Errorf("the same result gave different bytes (%v)", err)
	}
}
