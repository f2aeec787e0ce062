package analysis

import (
	"testing"

	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/analysis/text"
	"github.com/parlance-go/parlance/corpus"
)

func TestTableRowsAreNotBoilerplate(t *testing.T) {
	var recs []corpus.Record
	for i, body := range []string{"Home Office", "HM Treasury", "Cabinet Office", "Ministry of Justice"} {
		recs = append(recs, corpus.Record{
			ID:         "x:" + body,
			Department: body,
			Answer: "The figures for the last five financial years are as follows.\n" +
				" | 2004-05 | 2005-06 | 2006-07 | 2007-08 | 2008-09\n" +
				"Staff | " + string(rune('1'+i)) + " | 2 | 3 | 4 | 5",
		})
	}
	seg := text.NewSegmenter()
	docs, _ := boilerplateDocs(seg, recs, nil)
	bp := boilerplate.Find(docs, Config{}.Boilerplate)
	for _, f := range bp.Families {
		if f.Canonical != "the figures for the last five financial years are as follows." {
			t.Errorf("family from a table row: %q", f.Canonical)
		}
	}
	if len(bp.Families) != 1 {
		t.Errorf("got %d families, want the one prose sentence", len(bp.Families))
	}
}
