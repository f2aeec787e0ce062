package classify

import (
	"fmt"
	"strings"
	"testing"
)

// TestValidationFile measures the learned decision against the rules on
// the labelled answers outside round 3's test split, and fails when the
// embedded validation.tsv or the README's tables differ; with -update it
// rewrites the file:
//
//   - by time: the API answers in order of ID (the API numbers questions
//     as they are tabled), the model fitted to the 2009 replies and the
//     250, 500, 1,000 or all API answers before the latest fifth, and
//     scored on that fifth, beside the rules on it: a learning curve;
//   - by 5-fold cross-validation over the pool (cvFolds), scored on the
//     answers no rule was written against (the dev set left out), beside
//     the rules on the same answers.
//
// It also fails if the model, fitted to all the earlier answers, does
// worse than the rules on the latest fifth.
//
//	go test ./analysis/classify -run TestValidationFile -update
func TestValidationFile(t *testing.T) {
	if testing.Short() {
		t.Skip("fits many models")
	}
	if cvK != validationFolds {
		t.Fatalf("cross-validation uses %d folds, the file says %d", cvK, validationFolds)
	}
	api, twfy, gold, _ := timeSplit(t, nil)
	all := gold.Verdicts()
	score := func(items []splitItem, pred map[string]Verdict) Scores {
		g := map[string]Verdict{}
		for _, it := range items {
			g[it.key] = all[it.key]
		}
		return Evaluate(g, pred)
	}
	rulesOf := func(items []splitItem) map[string]Verdict {
		pred := map[string]Verdict{}
		for _, it := range items {
			pred[it.key] = it.v
		}
		return pred
	}
	row := func(split, decision string, trainAPI, train2009 int, s Scores) ValidationRow {
		return ValidationRow{Split: split, Decision: decision, TrainAPI: trainAPI, Train2009: train2009, Scored: s.N,
			Accuracy: s.Accuracy, MacroF1: s.MacroF1, PartialF1: s.Stance[Partial].F1, GroundsF1: s.Grounds.F1}
	}
	var got Validation
	cut := len(api) * 4 / 5
	later := api[cut:]
	rules := score(later, rulesOf(later))
	got.Rows = append(got.Rows, row("time", "rules", 0, 0, rules))
	var last Scores
	for _, n := range []int{250, 500, 1000, cut} {
		train := append(append([]splitItem(nil), twfy...), api[cut-n:cut]...)
		pred := map[string]Verdict{}
		predictItems(fitItems(t, train, gold, keepAll), later, keepAll, pred)
		last = score(later, pred)
		got.Rows = append(got.Rows, row("time", "model", n, len(twfy), last))
	}
	if last.MacroF1 < rules.MacroF1 {
		t.Errorf("the model's macro-F1 on later answers, %.3f, is below the rules' %.3f", last.MacroF1, rules.MacroF1)
	}
	dev := readLabels(t, sharedDev(t))
	var unseen []splitItem
	for _, it := range append(append([]splitItem(nil), api...), twfy...) {
		if _, ok := dev[it.key]; !ok {
			unseen = append(unseen, it)
		}
	}
	got.Rows = append(got.Rows,
		row("cv", "rules", 0, 0, score(unseen, rulesOf(unseen))),
		row("cv", "model", len(api), len(twfy), score(unseen, outOfFold(t, cvFolds(api, twfy), gold, keepAll))))
	got.Source = strings.Join([]string{
		fmt.Sprintf("The learned decision (as parlance train fits it by default) against the rules, on the %d labelled", len(api)+len(twfy)),
		"answers outside round 3's test split, coded blind from the codebook by language-model coding",
		"agents, not trained human coders, and adjudicated. time: fitted to the 2009 replies and the",
		fmt.Sprintf("API answers before the latest fifth (in order of ID), scored on that fifth (%s … %s).", later[0].key, later[len(later)-1].key),
		fmt.Sprintf("cv: %d-fold cross-validation over all of them (the API answers in blocks of time), scored", cvK),
		"on those no rule was written against (dev.tsv left out). Measured by TestValidationFile;",
		"refresh with: go test ./analysis/classify -run TestValidationFile -update",
	}, "\n")
	text := formatValidation(got)
	t.Logf("validation:\n%s", got.Markdown())
	if !checkMeasuredFile(t, "validation.tsv", validationTSV, "TestValidationFile", text) {
		return
	}
	back, err := parseValidation(text, "validation.tsv")
	if err != nil || formatValidation(back) != text {
		t.Errorf("validation.tsv does not survive a round trip: %v", err)
	}
	checkREADMEHas(t, "the validation tables", got.Markdown())
}

func TestParseValidationErrors(t *testing.T) {
	for _, bad := range []struct{ text, msg string }{
		{"split\tdecision\n", "v.tsv:1: header"},
		{validationHeader + "\nlater\tmodel\t1\t2\t3\t0.5\t0.5\t0.5\t0.5\n", "v.tsv:2: field split"},
		{validationHeader + "\ntime\tmodel\t1\tx\t3\t0.5\t0.5\t0.5\t0.5\n", "v.tsv:2: field train 2009"},
		{validationHeader + "\ntime\tmodel\t1\t2\t3\t0.5\t1.5\t0.5\t0.5\n", "v.tsv:2: field macro-F1"},
		{validationHeader + "\ntime\tmodel\t1\t2\n", "v.tsv:2: want 9"},
	} {
		if _, err := parseValidation(bad.text, "v.tsv"); err == nil || !strings.Contains(err.Error(), bad.msg) {
			t.Errorf("%q: error %v, want one containing %q", bad.text, err, bad.msg)
		}
	}
}
