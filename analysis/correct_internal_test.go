package analysis

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/analysis/stats"
	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/internal/numfmt"
)

// answersOf makes answers of one body with the given verdict stances, the
// last overridden of them marked so.
func answersOf(body string, stances map[classify.Stance]int, overridden int) []Answer {
	var out []Answer
	for _, s := range classify.Stances {
		for range stances[s] {
			out = append(out, Answer{Record: &corpus.Record{Department: body}, Verdict: classify.Verdict{Stance: s}})
		}
	}
	for i := len(out) - overridden; i < len(out); i++ {
		out[i].Verdict.Overridden = true
	}
	return out
}

// resultOf is a Result holding answers and, as the statistics stage would
// count them, each body's name and number of classified answers: all that
// correctBodies reads of BodyStats.
func resultOf(answers []Answer, cfg Config) *Result {
	res := &Result{Answers: answers, Config: cfg}
	n := map[string]int{}
	var order []string
	for _, a := range answers {
		if a.Verdict.Stance == classify.Unanswered {
			continue
		}
		if n[a.Record.Department] == 0 {
			order = append(order, a.Record.Department)
		}
		n[a.Record.Department]++
	}
	for _, b := range order {
		res.Bodies = append(res.Bodies, BodyStats{Body: b, Answers: n[b]})
	}
	return res
}

func TestCorrectBodies(t *testing.T) {
	var answers []Answer
	answers = append(answers, answersOf("Home Office", map[classify.Stance]int{classify.Disclosed: 60, classify.Partial: 25, classify.Declined: 12, classify.Referred: 3}, 0)...)
	answers = append(answers, answersOf("Cabinet Office", map[classify.Stance]int{classify.Disclosed: 5, classify.Declined: 4}, 0)...)
	// All of this body's verdicts are a person's: nothing to correct.
	answers = append(answers, answersOf("HM Treasury", map[classify.Stance]int{classify.Disclosed: 15, classify.Declined: 10}, 25)...)
	// Unanswered records count nowhere.
	answers = append(answers, Answer{Record: &corpus.Record{Department: "Home Office"}, Verdict: classify.Verdict{Stance: classify.Unanswered}})
	res := resultOf(answers, Config{})
	bodies := res.Bodies
	corr := correctBodies(res)
	if corr.Skipped != "" || len(corr.Problems) > 0 {
		t.Fatalf("skipped %q, problems %v", corr.Skipped, corr.Problems)
	}
	cc := classify.CheckConfusion()
	if corr.Labelled != cc.Total() || corr.Confusion != cc.Source || corr.Replicates != stats.DefaultReplicates || corr.MinAnswers != 20 || corr.Condition < 1 {
		t.Errorf("correction %+v", corr)
	}
	if !strings.Contains(corr.Sentence(), "language-model coding agents") {
		t.Errorf("sentence does not say who labelled: %s", corr.Sentence())
	}
	byName := map[string]BodyStats{}
	for _, b := range bodies {
		byName[b.Body] = b
	}
	if c := byName["Cabinet Office"].Corrected; c != nil {
		t.Errorf("a body of 9 answers was corrected: %v", c)
	}
	ho := byName["Home Office"].Corrected
	if ho == nil {
		t.Fatal("Home Office not corrected")
	}
	sum := 0.0
	for _, s := range classify.Stances {
		e := ho[s]
		sum += e.Share
		if e.Low > e.Share || e.Share > e.High || e.Low < 0 || e.High > 1 {
			t.Errorf("Home Office %s: %+v", s, e)
		}
	}
	if math.Abs(sum-1) > 1e-9 {
		t.Errorf("Home Office corrected shares sum to %v", sum)
	}
	// All corrects every body's answers together: 65 disclosed, 25
	// partial, 16 declined and 3 referred by the rules, 15 disclosed and
	// 10 declined overridden, of 134.
	allRules, err := stats.CorrectShares([]int{65, 25, 16, 3, 0}, stats.Confusion(cc.Rows()), stats.CorrectOptions{Seed: correctionSeed})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := corr.All[classify.Declined].Share, (109*allRules.Shares[2].Share+10)/134; math.Abs(got-want) > 1e-12 {
		t.Errorf("all bodies, declined: %v, want %v", got, want)
	}
	// The same numbers CorrectShares gives for the counts.
	want, err := stats.CorrectShares([]int{60, 25, 12, 3, 0}, stats.Confusion(cc.Rows()), stats.CorrectOptions{Seed: correctionSeed})
	if err != nil {
		t.Fatal(err)
	}
	for j, s := range classify.Stances {
		if ho[s] != want.Shares[j] {
			t.Errorf("Home Office %s: %+v, CorrectShares gives %+v", s, ho[s], want.Shares[j])
		}
	}
	// Overridden verdicts are counted as they stand.
	tr := byName["HM Treasury"].Corrected
	if e := tr[classify.Declined]; e.Share != 0.4 || e.Low != 0.4 || e.High != 0.4 {
		t.Errorf("HM Treasury declined, all overridden: %+v, want exactly 0.4", e)
	}
	// A custom lexicon is not what the confusion measured.
	lex := classify.DefaultLexicon()
	lex.Cues = lex.Cues[1:]
	if c := correctBodies(resultOf(answers, Config{Classifier: &classify.Classifier{Lexicon: lex}})); c.Skipped == "" || c.All != nil {
		t.Error("a custom lexicon was corrected with the default rules' confusion")
	}
	// The default lexicon given explicitly is the default.
	if c := correctBodies(resultOf(answers, Config{Classifier: &classify.Classifier{Lexicon: classify.DefaultLexicon()}})); c.Skipped != "" {
		t.Errorf("the default lexicon given explicitly was skipped: %s", c.Skipped)
	}
	// The embedded model is corrected with its own confusion, measured out
	// of sample; a model of one's own is not corrected at all.
	mc := classify.ModelConfusion()
	resModel := resultOf(answers, Config{Classifier: &classify.Classifier{Model: classify.EmbeddedModel()}})
	byModel := correctBodies(resModel)
	if byModel.Skipped != "" || byModel.Confusion != mc.Source || byModel.Labelled != mc.Total() {
		t.Errorf("the embedded model: skipped %q, confusion %q of %d, want ModelConfusion's of %d", byModel.Skipped, byModel.Confusion, byModel.Labelled, mc.Total())
	}
	wantModel, err := stats.CorrectShares([]int{60, 25, 12, 3, 0}, stats.Confusion(mc.Rows()), stats.CorrectOptions{Seed: correctionSeed})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range resModel.Bodies {
		if b.Body != "Home Office" {
			continue
		}
		for j, s := range classify.Stances {
			if b.Corrected[s] != wantModel.Shares[j] {
				t.Errorf("Home Office %s by the embedded model: %+v, CorrectShares with ModelConfusion gives %+v", s, b.Corrected[s], wantModel.Shares[j])
			}
		}
	}
	own, err := classify.Train([]classify.Example{
		{Features: classify.Features{"a": 1}, Stance: classify.Disclosed},
		{Features: classify.Features{"b": 1}, Stance: classify.Declined},
	}, classify.TrainOptions{MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	if c := correctBodies(resultOf(answers, Config{Classifier: &classify.Classifier{Model: own}})); c.Skipped == "" || c.All != nil {
		t.Error("a model of one's own was corrected with a confusion measured for another")
	}
}

// Mixed overridden and rule-decided answers: the corrected share is the
// rule-decided part's corrected share scaled to the body, plus the
// overridden answers as they stand.
func TestCorrectBodiesMixesOverrides(t *testing.T) {
	answers := answersOf("Home Office", map[classify.Stance]int{classify.Disclosed: 40, classify.Partial: 10}, 10) // the last 10 (partial) overridden
	res := resultOf(answers, Config{})
	correctBodies(res)
	got := res.Bodies[0].Corrected
	cc := classify.CheckConfusion()
	rules, err := stats.CorrectShares([]int{40, 0, 0, 0, 0}, stats.Confusion(cc.Rows()), stats.CorrectOptions{Seed: correctionSeed})
	if err != nil {
		t.Fatal(err)
	}
	for j, s := range classify.Stances {
		o := 0.0
		if s == classify.Partial {
			o = 10
		}
		want := (40*rules.Shares[j].Share + o) / 50
		if math.Abs(got[s].Share-want) > 1e-12 {
			t.Errorf("%s: %v, want %v", s, got[s].Share, want)
		}
	}
	if reflect.DeepEqual(got[classify.Partial], rules.Shares[1]) {
		t.Error("overridden answers were not added")
	}
}

// Answers whose text is truncated are a stratum of their own, corrected
// with the errors measured on clipped texts; a body's corrected shares mix
// the two strata (stats.CorrectStrata), and a body counts all its answers
// towards the minimum.
func TestCorrectBodiesStratifiesTruncated(t *testing.T) {
	whole := answersOf("Home Office", map[classify.Stance]int{classify.Disclosed: 60, classify.Partial: 25, classify.Declined: 12, classify.Referred: 3}, 0)
	clipped := answersOf("Home Office", map[classify.Stance]int{classify.Disclosed: 30, classify.Partial: 12, classify.Declined: 5, classify.Referred: 3}, 0)
	// A body whose answers are mostly clipped: 15 whole ones and 25
	// clipped ones make the 40 a correction needs.
	few := answersOf("Cabinet Office", map[classify.Stance]int{classify.Disclosed: 10, classify.Partial: 5}, 0)
	fewClipped := answersOf("Cabinet Office", map[classify.Stance]int{classify.Disclosed: 15, classify.Partial: 7, classify.Declined: 2, classify.Referred: 1}, 0)
	for _, as := range [][]Answer{clipped, fewClipped} {
		for i := range as {
			as[i].Record.Truncated = true
		}
	}
	res := resultOf(append(append(append(append([]Answer(nil), whole...), clipped...), few...), fewClipped...), Config{})
	corr := correctBodies(res)
	if corr.Truncated != len(clipped)+len(fewClipped) {
		t.Errorf("Truncated = %d, want %d", corr.Truncated, len(clipped)+len(fewClipped))
	}
	if corr.TruncatedLeftOut != "" || corr.TruncatedMisfitP < TruncatedFitLevel {
		t.Fatalf("truncated answers left out (misfit %v, p %v): %s", corr.TruncatedMisfit, corr.TruncatedMisfitP, corr.TruncatedLeftOut)
	}
	if want := fmt.Sprintf("The 75 answers whose text is truncated are corrected with the mistakes the classifier made on %s of the labelled answers clipped", numfmt.Thousands(classify.ClippedConfusion().Total())); !strings.Contains(corr.Sentence(), want) {
		t.Errorf("the sentence does not say how truncated answers were corrected: %s", corr.Sentence())
	}
	if want := fmt.Sprintf("a gap that sampling noise alone gives with p = %.2f.", corr.TruncatedMisfitP); !strings.Contains(corr.Sentence(), want) {
		t.Errorf("the sentence does not give the fit test's p-value: %s", corr.Sentence())
	}
	if corr.TruncatedConfusion != classify.ClippedConfusion().Source || !reflect.DeepEqual(corr.TruncatedCounts, classify.ClippedConfusion().Rows()) {
		t.Errorf("TruncatedConfusion, TruncatedCounts = %q, %v: not ClippedConfusion's", corr.TruncatedConfusion, corr.TruncatedCounts)
	}
	wholeRates := stats.Confusion(classify.CheckConfusion().Rows())
	clippedRates := stats.Confusion(classify.ClippedConfusion().Rows())
	for _, c := range []struct {
		body             string
		whole, truncated []int
	}{
		{"Home Office", []int{60, 25, 12, 3, 0}, []int{30, 12, 5, 3, 0}},
		{"Cabinet Office", []int{10, 5, 0, 0, 0}, []int{15, 7, 2, 1, 0}},
	} {
		want, err := stats.CorrectStrata([]stats.Stratum{{Predicted: c.whole, Confusion: wholeRates}, {Predicted: c.truncated, Confusion: clippedRates}}, stats.CorrectOptions{Seed: correctionSeed})
		if err != nil {
			t.Fatal(err)
		}
		alone, err := stats.CorrectShares(c.whole, wholeRates, stats.CorrectOptions{Seed: correctionSeed})
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range res.Bodies {
			if b.Body != c.body {
				continue
			}
			for j, s := range classify.Stances {
				if b.Corrected[s] != want.Shares[j] {
					t.Errorf("%s %s: %+v, want the strata's %+v", c.body, s, b.Corrected[s], want.Shares[j])
				}
			}
			if b.Corrected[classify.Disclosed] == alone.Shares[0] {
				t.Errorf("%s: the truncated answers changed nothing", c.body)
			}
		}
	}
}

// Truncated answers whose predictions the clipped rates cannot explain
// are left out of every correction, and the sentence says why: a body's
// corrected shares are then those of its whole answers, and a body with
// too few of them is not corrected.
func TestCorrectBodiesLeavesOutUnexplainedTruncated(t *testing.T) {
	whole := answersOf("Home Office", map[classify.Stance]int{classify.Disclosed: 60, classify.Partial: 25, classify.Declined: 12, classify.Referred: 3}, 0)
	// Clipped answers all called declined: even truly declined clipped
	// answers are called so only about a third of the time.
	clipped := answersOf("Home Office", map[classify.Stance]int{classify.Declined: 35}, 0)
	few := answersOf("Cabinet Office", map[classify.Stance]int{classify.Disclosed: 10, classify.Partial: 5}, 0)
	fewClipped := answersOf("Cabinet Office", map[classify.Stance]int{classify.Declined: 25}, 0)
	for _, as := range [][]Answer{clipped, fewClipped} {
		for i := range as {
			as[i].Record.Truncated = true
		}
	}
	res := resultOf(append(append(append(append([]Answer(nil), whole...), clipped...), few...), fewClipped...), Config{})
	corr := correctBodies(res)
	if corr.Truncated != 60 || corr.TruncatedMisfitP >= TruncatedFitLevel || corr.TruncatedLeftOut == "" {
		t.Errorf("Truncated %d, misfit %v, p %v, left out %q: want 60 left out for a p below %v", corr.Truncated, corr.TruncatedMisfit, corr.TruncatedMisfitP, corr.TruncatedLeftOut, TruncatedFitLevel)
	}
	if !strings.Contains(corr.Sentence(), "They leave out the 60 answers whose text is truncated: the mistakes measured on clipped answers do not explain") {
		t.Errorf("the sentence does not say what was left out and why: %s", corr.Sentence())
	}
	want, err := stats.CorrectShares([]int{60, 25, 12, 3, 0}, stats.Confusion(classify.CheckConfusion().Rows()), stats.CorrectOptions{Seed: correctionSeed})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range res.Bodies {
		switch b.Body {
		case "Home Office":
			for j, s := range classify.Stances {
				if b.Corrected[s] != want.Shares[j] {
					t.Errorf("Home Office %s: %+v, want the whole answers' %+v", s, b.Corrected[s], want.Shares[j])
				}
			}
		case "Cabinet Office":
			if b.Corrected != nil {
				t.Errorf("Cabinet Office, 15 whole answers of 40, was corrected: %+v", b.Corrected)
			}
		}
	}
}
