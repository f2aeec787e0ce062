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
		var date any
		if r.DateAnswered != "" {
			d, err := time.Parse(corpus.DateLayout, r.DateAnswered)
			if err != nil {
				t.Fatal(err)
			}
			date = d
		} else {
			nulls++
		}
		grounds := []string{}
		for _, g := range r.Grounds {
			grounds = append(grounds, string(g))
		}
		ev, err := marshalCompact(r.Evidence)
		if err != nil {
			t.Fatal(err)
		}
		refs, err := marshalCompact(r.Refs)
		if err != nil {
			t.Fatal(err)
		}
		want := []any{r.ID, r.Source, r.UIN, r.Department, date, r.Heading, r.Group, string(r.Stance), grounds,
			r.BoilerplateShare, r.Confidence, ev, refs, r.Overridden, r.Note}
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
