package analysis

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/analysis/stats"
	"github.com/parlance-go/parlance/corpus"
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

func TestCorrectBodies(t *testing.T) {
	var answers []Answer
	answers = append(answers, answersOf("Home Office", map[classify.Stance]int{classify.Disclosed: 60, classify.Partial: 25, classify.Declined: 12, classify.Referred: 3}, 0)...)
	answers = append(answers, answersOf("Cabinet Office", map[classify.Stance]int{classify.Disclosed: 5, classify.Declined: 4}, 0)...)
	// All of this body's verdicts are a person's: nothing to correct.
	answers = append(answers, answersOf("HM Treasury", map[classify.Stance]int{classify.Disclosed: 15, classify.Declined: 10}, 25)...)
	// Unanswered records count nowhere.
	answers = append(answers, Answer{Record: &corpus.Record{Department: "Home Office"}, Verdict: classify.Verdict{Stance: classify.Unanswered}})
	bodies := bodyStats(answers)
	corr := correctBodies(bodies, answers, nil, 20)
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
	if c := correctBodies(bodyStats(answers), answers, &classify.Classifier{Lexicon: lex}, 20); c.Skipped == "" {
		t.Error("a custom lexicon was corrected with the default rules' confusion")
	}
	// The default lexicon given explicitly is the default.
	if c := correctBodies(bodyStats(answers), answers, &classify.Classifier{Lexicon: classify.DefaultLexicon()}, 20); c.Skipped != "" {
		t.Errorf("the default lexicon given explicitly was skipped: %s", c.Skipped)
	}
}

// Mixed overridden and rule-decided answers: the corrected share is the
// rule-decided part's corrected share scaled to the body, plus the
// overridden answers as they stand.
func TestCorrectBodiesMixesOverrides(t *testing.T) {
	answers := answersOf("Home Office", map[classify.Stance]int{classify.Disclosed: 40, classify.Partial: 10}, 10) // the last 10 (partial) overridden
	bodies := bodyStats(answers)
	correctBodies(bodies, answers, nil, 20)
	got := bodies[0].Corrected
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
