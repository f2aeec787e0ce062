package analysis_test

import (
	"bytes"
	"fmt"
	"log"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/corpus"
)

func readSample(t testing.TB) ([]corpus.Record, *corpus.Summary) {
	t.Helper()
	recs, sum, err := corpus.ReadSample(corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return recs, sum
}

func TestRunSample(t *testing.T) {
	recs, sum := readSample(t)
	res, err := analysis.Run(recs, sum, analysis.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Answers) != len(recs) {
		t.Fatalf("%d answers for %d records", len(res.Answers), len(recs))
	}
	// Every answer in a group points at a group that lists it.
	members := map[string]string{}
	for _, g := range res.Groups {
		for _, m := range g.Members {
			members[m.ID] = g.ID
		}
	}
	for _, a := range res.Answers {
		if a.Group != members[a.Record.ID] {
			t.Errorf("%s: answer says group %q, groups say %q", a.Record.ID, a.Group, members[a.Record.ID])
		}
		if a.BoilerplateShare < 0 || a.BoilerplateShare > 1 {
			t.Errorf("%s: boilerplate share %v outside [0,1]", a.Record.ID, a.BoilerplateShare)
		}
		for _, sp := range a.Boilerplate {
			if sp.Start < 0 || sp.End > len(a.Record.Answer) || sp.Start >= sp.End {
				t.Errorf("%s: span %+v outside the answer", a.Record.ID, sp)
			}
		}
	}
	// Per-body counts add up to the classified answers.
	total := 0
	for _, b := range res.Bodies {
		n := 0
		for _, s := range classify.Stances {
			n += b.Stances[s].Count
		}
		if n != b.Answers {
			t.Errorf("%s: stances add up to %d of %d answers", b.Body, n, b.Answers)
		}
		total += b.Answers
	}
	if total != len(recs) {
		t.Errorf("bodies account for %d of %d answered records", total, len(recs))
	}
	if res.Correction.Labelled == 0 || res.Correction.MinAnswers != 20 || res.Correction.Skipped != "" || len(res.Correction.Problems) > 0 {
		t.Errorf("correction %+v", res.Correction)
	}
	if res.Version == "" {
		t.Error("result records no version")
	}
}

// Bodies with enough answers get stance shares corrected for classifier
// error, the others none; the JSON export carries both. The sample's bodies
// are small, so the minimum is lowered to reach some.
func TestRunCorrectsBodies(t *testing.T) {
	recs, sum := readSample(t)
	res, err := analysis.Run(recs, sum, analysis.Config{MinBodyAnswers: 4})
	if err != nil {
		t.Fatal(err)
	}
	corrected := 0
	for _, b := range res.Bodies {
		if (b.Corrected != nil) != (b.Answers >= 4) {
			t.Errorf("%s: %d answers, corrected %v", b.Body, b.Answers, b.Corrected)
		}
		if b.Corrected == nil {
			continue
		}
		corrected++
		total := 0.0
		for _, s := range classify.Stances {
			e := b.Corrected[s]
			total += e.Share
			if e.Low > e.Share || e.Share > e.High {
				t.Errorf("%s %s: %+v", b.Body, s, e)
			}
		}
		if total < 1-1e-9 || total > 1+1e-9 {
			t.Errorf("%s: corrected shares sum to %v", b.Body, total)
		}
	}
	if corrected == 0 || corrected == len(res.Bodies) {
		t.Errorf("%d of %d bodies corrected: the test does not tell small from large", corrected, len(res.Bodies))
	}
	var js bytes.Buffer
	if err := analysis.WriteJSON(&js, res); err != nil {
		t.Fatal(err)
	}
	// One block a corrected body, and one for all bodies (overall).
	if n := bytes.Count(js.Bytes(), []byte(`"corrected": {`)); n != corrected+1 {
		t.Errorf("JSON has %d corrected blocks for %d corrected bodies and the whole", n, corrected)
	}
	if !bytes.Contains(js.Bytes(), []byte(`"correction": {`)) {
		t.Error("JSON does not say how the correction was made")
	}
	// The bootstrap is seeded: a second run writes the same bytes.
	again, err := analysis.Run(recs, sum, analysis.Config{MinBodyAnswers: 4})
	if err != nil {
		t.Fatal(err)
	}
	var js2 bytes.Buffer
	if err := analysis.WriteJSON(&js2, again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(js.Bytes(), js2.Bytes()) {
		t.Error("two runs gave different corrected shares")
	}
}

func TestRunDeterministic(t *testing.T) {
	recs, sum := readSample(t)
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		res, err := analysis.Run(recs, sum, analysis.Config{})
		if err != nil {
			t.Fatal(err)
		}
		if err := analysis.WriteJSON(buf, res); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two runs over the same records gave different JSON")
	}
}

func TestExportsAgree(t *testing.T) {
	recs, sum := readSample(t)
	res, err := analysis.Run(recs, sum, analysis.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var jl, csv bytes.Buffer
	if err := analysis.WriteAnswersJSONL(&jl, res); err != nil {
		t.Fatal(err)
	}
	if err := analysis.WriteAnswersCSV(&csv, res); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(jl.Bytes(), []byte("\n")); n != len(recs) {
		t.Errorf("JSON Lines has %d lines for %d answers", n, len(recs))
	}
	header := strings.Join(analysis.AnswerCSVHeader, ",") + "\n"
	if !bytes.HasPrefix(csv.Bytes(), []byte(header)) || !strings.HasPrefix(header, "id,source,uin,house,body,body_as_named,") {
		t.Errorf("CSV header: %q", csv.String()[:80])
	}
}

// Run analyses a corpus in one call: here, the embedded sample.
func ExampleRun() {
	recs, sum, err := corpus.ReadSample(corpus.Options{})
	if err != nil {
		log.Fatal(err)
	}
	res, err := analysis.Run(recs, sum, analysis.Config{})
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range res.Answers {
		if a.Group != "" {
			fmt.Printf("%-55s %s\n", a.Record.Department, a.Verdict.Stance)
		}
	}
	// Output:
	// Ministry of Housing, Communities and Local Government   declined
	// Department of Health and Social Care                    declined
	// HM Treasury                                             declined
	// Department for Transport                                disclosed
	// Department for Work and Pensions                        partial
	// Cabinet Office                                          partial
}

func TestRunReportsBadLexicon(t *testing.T) {
	recs, sum := readSample(t)
	clf := &classify.Classifier{Lexicon: classify.Lexicon{Cues: []classify.Cue{{Ground: "mine", Pattern: "unclosed(("}}}}
	if _, err := analysis.Run(recs, sum, analysis.Config{Classifier: clf}); err == nil {
		t.Fatal("a lexicon pattern that does not compile gave no error")
	}
}

func TestGroupVerdicts(t *testing.T) {
	recs, sum := readSample(t)
	res, err := analysis.Run(recs, sum, analysis.Config{})
	if err != nil {
		t.Fatal(err)
	}
	gv := res.Verdicts()
	if len(gv) != len(res.Groups) {
		t.Fatalf("%d group verdicts for %d groups", len(gv), len(res.Groups))
	}
	stances := map[string]classify.Stance{}
	for _, m := range gv[0].Members {
		stances[m.Body] = m.Stance
	}
	if stances["Department for Transport"] != classify.Disclosed || stances["HM Treasury"] != classify.Declined {
		t.Errorf("group verdicts: %+v", gv[0])
	}
}

// A classifier given to Run is not changed by it: the family grounds Run
// learns belong to one corpus.
func TestRunLeavesCallersClassifierAlone(t *testing.T) {
	recs, sum := readSample(t)
	clf := &classify.Classifier{}
	if _, err := analysis.Run(recs, sum, analysis.Config{Classifier: clf}); err != nil {
		t.Fatal(err)
	}
	if clf.FamilyGrounds != nil || clf.Segmenter != nil {
		t.Errorf("Run changed the caller's classifier: %d family grounds, segmenter %v", len(clf.FamilyGrounds), clf.Segmenter != nil)
	}
}
