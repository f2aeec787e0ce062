package roundrobin

import (
	"testing"
	"time"

	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/internal/shared"
)

// TheyWorkForYou's 2009 answers and Parallel Parliament pages give no
// tabling date; grouping places them by their answer date instead of
// passing them over (which found no round robin in the 2009 data).
func TestNoTablingDateFallsBackToAnswerDate(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2009, 10, d, 0, 0, 0, 0, time.UTC) }
	asker := corpus.Member{Name: "David Davis"}
	q := func(body string) string {
		return "To ask the Secretary of State for " + body + ", what meetings his Department has had with the Consolidated Contractors Corporation in the last five years."
	}
	recs := []corpus.Record{
		{ID: "twfy:a", Source: corpus.SourceTheyWorkForYou, Asker: asker, Department: "Foreign and Commonwealth Office", Question: q("Foreign and Commonwealth Affairs"), Answer: "None.", DateAnswered: day(26)},
		{ID: "twfy:b", Source: corpus.SourceTheyWorkForYou, Asker: asker, Department: "Department of Energy and Climate Change", Question: q("Energy and Climate Change"), Answer: "None.", DateAnswered: day(29)},
		// answered months later: outside the window
		{ID: "twfy:c", Source: corpus.SourceTheyWorkForYou, Asker: asker, Department: "HM Treasury", Question: q("the Treasury"), Answer: "None.", DateAnswered: day(26).AddDate(0, 3, 0)},
	}
	groups, _ := Find(recs, Config{})
	if len(groups) != 1 || len(groups[0].Members) != 2 {
		t.Fatalf("groups %+v, want one group of twfy:a and twfy:b", groups)
	}
	if !groups[0].First.Equal(day(26)) || !groups[0].Last.Equal(day(29)) {
		t.Errorf("group dated %v to %v, want the answer dates", groups[0].First, groups[0].Last)
	}
	if n := DatedByAnswer(recs); n != 3 {
		t.Errorf("DatedByAnswer = %d, want 3", n)
	}
	// A tabling date, where given, is what counts.
	recs[2].DateTabled = day(27)
	if got := GroupingDate(&recs[2]); !got.Equal(day(27)) {
		t.Errorf("GroupingDate = %v, want the tabling date", got)
	}
}

// On the real TheyWorkForYou answers of October 2009, which give no
// tabling dates, grouping by answer date finds round robins (it found none
// when records without a tabling date were passed over).
func TestTWFY2009RoundRobins(t *testing.T) {
	dir := shared.Path(t, "data/twfy/wrans")
	recs, _, err := corpus.ReadAll([]string{dir}, corpus.Options{Lenient: true})
	if err != nil {
		t.Fatal(err)
	}
	if DatedByAnswer(recs) == 0 {
		t.Fatal("the 2009 answers have tabling dates now: this test no longer tests the fallback")
	}
	groups, _ := Find(recs, Config{})
	t.Logf("%d records, %d round robins", len(recs), len(groups))
	if len(groups) == 0 {
		t.Error("no round robin found in the 2009 answers")
	}
}
