package classify

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateConfusion = flag.Bool("update", false, "rewrite confusion.tsv and testdata/verdicts.golden from the labelled answers")

// TestConfusionFile measures the default rules' confusion on the check sets
// and fails when the embedded confusion.tsv differs, printing the file to
// write; with -update it rewrites it. Run it after any change to the rules
// or to the check sets' labels:
//
//	go test ./analysis/classify -run TestConfusionFile -update
func TestConfusionFile(t *testing.T) {
	var got Confusion
	var sizes []string
	type set struct {
		name string
		gold Overrides
	}
	var sets []set
	for _, cs := range checkSets {
		sets = append(sets, set{"testdata/" + cs.file, readLabels(t, filepath.Join("testdata", cs.file))})
	}
	sets = append(sets, set{round3Labels + ", train split", round3Gold(t, "train")})
	for _, cs := range sets {
		var one Confusion
		path := cs.name
		gold := cs.gold
		recs := loadLabelled(t, gold)
		var c Classifier
		for _, id := range sortedKeys(gold) {
			rec, ok := recs[id]
			if !ok {
				t.Fatalf("%s: %s: record not found in the shared data", path, id)
			}
			g, p := stanceIndex(gold[id].Stance), stanceIndex(c.Classify(Input{Record: rec}).Stance)
			if g < 0 || p < 0 {
				t.Fatalf("%s: %s: gold %q, predicted %q: not one of the five stances", path, id, gold[id].Stance, c.Classify(Input{Record: rec}).Stance)
			}
			got.Counts[g][p]++
			one.Counts[g][p]++
		}
		sizes = append(sizes, fmt.Sprintf("%s (%d answers)", cs.name, len(gold)))
		// Each set's own matrix, to see how far the rates differ by source.
		t.Logf("%s alone:\n%s", cs.name, formatConfusion(nil, one))
	}
	header := []string{
		"Stance confusion of the default rules on labelled answers they were not written against:",
		strings.Join(sizes[:len(sizes)-1], ", ") + " and",
		sizes[len(sizes)-1] + " (four general cues were added after the",
		"check sets' second round was scored; testdata/README.md; round 3's test split is",
		"left out), coded blind from the codebook by language-model coding agents, not",
		"trained human coders, and adjudicated.",
		"",
		"Rows: the coders' stance; columns: the rules' stance. Measured by",
		"TestConfusionFile on the rules of this commit; after changing the rules or the",
		"labels, refresh with: go test ./analysis/classify -run TestConfusionFile -update",
	}
	if !checkMeasuredFile(t, "confusion.tsv", confusionTSV, "TestConfusionFile", formatConfusion(header, got)) {
		return
	}
	c := CheckConfusion()
	if c.Counts != got.Counts {
		t.Errorf("CheckConfusion() = %v, measured %v", c.Counts, got.Counts)
	}
	if len(checkSets) > 0 && !strings.Contains(c.Source, checkSets[0].file) {
		t.Errorf("CheckConfusion().Source = %q does not name the check sets", c.Source)
	}
}

// TestModelConfusionFile measures the learned decision's confusion out of
// sample (5-fold cross-validation over the labelled pool, as
// TestCalibrationFile measures its calibration) on the answers
// CheckConfusion counts, and fails when the embedded confusion-model.tsv
// differs; with -update it rewrites it:
//
//	go test ./analysis/classify -run TestModelConfusionFile -update
func TestModelConfusionFile(t *testing.T) {
	if testing.Short() {
		t.Skip("fits five models")
	}
	api, twfy, gold, _ := timeSplit(t, nil)
	pred := outOfFold(t, cvFolds(api, twfy), gold, keepAll)
	dev := readLabels(t, sharedDev(t))
	var got Confusion
	for _, id := range sortedKeys(gold) {
		if _, ok := dev[id]; ok {
			continue
		}
		g, p := stanceIndex(gold[id].Stance), stanceIndex(pred[id].Stance)
		if g < 0 || p < 0 {
			t.Fatalf("%s: gold %q, predicted %q: not one of the five stances", id, gold[id].Stance, pred[id].Stance)
		}
		got.Counts[g][p]++
	}
	rules := CheckConfusion()
	if got.Total() != rules.Total() {
		t.Fatalf("the model's confusion counts %d answers, the rules' %d: they must count the same ones", got.Total(), rules.Total())
	}
	header := []string{
		fmt.Sprintf("Stance confusion of the learned decision (as EmbeddedModel is fitted: no LSA, keeping %s),", strings.Join(KeptRules, ", ")),
		fmt.Sprintf("out of sample, on the %d labelled answers of confusion.tsv (the check sets and round 3's", got.Total()),
		fmt.Sprintf("train split): each decided by a model fitted to the other folds of a %d-fold", cvK),
		"cross-validation over them and dev.tsv, the API answers in blocks of time. Coded blind",
		"from the codebook by language-model coding agents, not trained human coders, and",
		"adjudicated.",
		"",
		"Rows: the coders' stance; columns: the model's stance. Measured by",
		"TestModelConfusionFile; after changing the rules, the features or the labels,",
		"refresh with: go test ./analysis/classify -run TestModelConfusionFile -update",
	}
	checkConfusionFile(t, "confusion-model.tsv", modelConfusionTSV, "TestModelConfusionFile", header, got, "ModelConfusion", ModelConfusion)
}

// checkConfusionFile checks (or with -update writes) the embedded
// confusion file that test measures, as checkMeasuredFile does, and that
// its accessor, called name, gives the counts measured.
func checkConfusionFile(t *testing.T, file, embedded, test string, header []string, got Confusion, name string, accessor func() Confusion) {
	t.Helper()
	if !checkMeasuredFile(t, file, embedded, test, formatConfusion(header, got)) {
		return
	}
	if c := accessor(); c.Counts != got.Counts {
		t.Errorf("%s() = %v, measured %v", name, c.Counts, got.Counts)
	}
}

// checkMeasuredFile compares an embedded file of measured figures with
// what the test named measured (want); with -update it rewrites the file
// instead and returns false, since there is nothing left to compare.
func checkMeasuredFile(t *testing.T, file, embedded, test, want string) bool {
	t.Helper()
	if *updateConfusion {
		if err := os.WriteFile(file, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s:\n%s", file, want)
		return false
	}
	if embedded != want {
		t.Errorf("%s is not what is measured; run\n\tgo test ./analysis/classify -run %s -update\nto write:\n%s", file, test, want)
	}
	return true
}

// checkREADMEHas fails unless the project's README.md holds markdown, the
// measured table called what.
func checkREADMEHas(t *testing.T, what, markdown string) {
	t.Helper()
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), markdown) {
		t.Errorf("README.md lacks %s; put this in it:\n%s", what, markdown)
	}
}

func stanceIndex(s Stance) int {
	for i, t := range stanceOrder {
		if t == s {
			return i
		}
	}
	return -1
}

func TestStanceOrder(t *testing.T) {
	if len(stanceOrder) != len(Stances) {
		t.Fatalf("stanceOrder has %d stances, Stances %d", len(stanceOrder), len(Stances))
	}
	for i, s := range Stances {
		if stanceOrder[i] != s {
			t.Errorf("stanceOrder[%d] = %s, Stances[%d] = %s", i, stanceOrder[i], i, s)
		}
	}
}

func TestParseConfusion(t *testing.T) {
	var c Confusion
	for i := range c.Counts {
		for j := range c.Counts[i] {
			c.Counts[i][j] = 10*i + j
		}
	}
	text := formatConfusion([]string{"Made up for a test,", "over two lines.", "", "Not the source."}, c)
	got, err := parseConfusion(text, "x.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if got.Counts != c.Counts || got.Source != "Made up for a test, over two lines." {
		t.Errorf("round trip gave %+v", got)
	}
	if got.Total() != 550 || got.Rows()[4][3] != 43 {
		t.Errorf("Total %d, Rows()[4][3] %d", got.Total(), got.Rows()[4][3])
	}
	bad := []struct{ text, want string }{
		{"gold\\predicted\tdisclosed\n", "x.tsv:1: 2 fields"},
		{strings.Replace(text, "\tpartial\tdeclined", "\tdeclined\tpartial", 1), "header column 3"},
		{strings.Replace(text, "\t41\t", "\t-1\t", 1), `holding predicted partial: "-1" is not a count`},
		{strings.Replace(text, "\nreferred\t", "\nholding\t", 1), `row 4 is "holding", want "referred"`},
		{strings.TrimSuffix(text, "holding\t40\t41\t42\t43\t44\n"), "4 stance rows, want 5"},
		{text + "holding\t1\t1\t1\t1\t1\n", "more rows"},
	}
	for _, b := range bad {
		_, err := parseConfusion(b.text, "x.tsv")
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("parseConfusion: error %v, want one containing %q", err, b.want)
		}
	}
}

// TestCheckConfusionParses needs no shared data: the embedded matrix must
// parse and count the answers Measured says the check sets have, and
// round 3's train split.
func TestCheckConfusionParses(t *testing.T) {
	c := CheckConfusion()
	want := 0
	for _, m := range Measured[1 : 1+len(checkSets)] {
		want += m.Answers
	}
	for _, split := range round3Split(t) {
		if split == "train" {
			want++
		}
	}
	if c.Total() != want || c.Source == "" {
		t.Errorf("CheckConfusion() counts %d answers (the check sets and round 3's train split: %d), source %q", c.Total(), want, c.Source)
	}
}

func TestConfusionAccuracy(t *testing.T) {
	var c Confusion
	if c.Accuracy() != 0 {
		t.Errorf("empty confusion: accuracy %v, want 0", c.Accuracy())
	}
	c.Counts[0][0], c.Counts[0][1], c.Counts[1][1], c.Counts[2][0] = 5, 2, 3, 2
	if got := c.Accuracy(); got != 8.0/12 {
		t.Errorf("accuracy %v, want 8/12", got)
	}
}
