package classify

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"
)

// TestCalibrate checks the tally on a toy set: bands, mean confidence,
// agreement, the Wilson interval, and answers without a prediction.
func TestCalibrate(t *testing.T) {
	gold := map[string]Verdict{"a": {Stance: Disclosed}, "b": {Stance: Partial}, "c": {Stance: Declined}, "d": {Stance: Disclosed}, "e": {Stance: Partial}}
	pred := map[string]Verdict{
		"a": {Stance: Disclosed, Confidence: 0.4}, // [0, 0.5), agrees
		"b": {Stance: Disclosed, Confidence: 0.5}, // [0.5, 0.7): the lower edge belongs to the band
		"c": {Stance: Declined, Confidence: 1},    // [0.85, 1]: the last band includes 1
		"d": {Stance: Disclosed, Confidence: 0.9},
		"x": {Stance: Disclosed, Confidence: 0.9}, // not in gold: ignored
	}
	got := Calibrate(gold, pred, CalibrationCuts)
	want := []struct {
		lo, hi    float64
		n, agreed int
		conf      float64
	}{{0, 0.5, 1, 1, 0.4}, {0.5, 0.7, 1, 0, 0.5}, {0.7, 0.85, 0, 0, 0}, {0.85, 1, 2, 2, 0.95}}
	if len(got) != len(want) {
		t.Fatalf("%d bands, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Lo != w.lo || g.Hi != w.hi || g.N != w.n || g.Agreed != w.agreed || math.Abs(g.Confidence-w.conf) > 1e-12 {
			t.Errorf("band %d = %+v, want [%g, %g) %d verdicts, %d agreed, mean confidence %g", i, g, w.lo, w.hi, w.n, w.agreed, w.conf)
		}
	}
	// 2 of 2: Wilson's interval is (0.342, 1).
	if b := got[3]; b.Agreement != 1 || math.Abs(b.Low-0.342) > 0.001 || b.High != 1 {
		t.Errorf("2 of 2: agreement %.3f, interval %.3f–%.3f, want 1, 0.342–1", b.Agreement, b.Low, b.High)
	}
	// A round trip through the file's layout keeps everything.
	c := Calibration{Source: "toy\nsecond line", Rows: []CalibrationRow{{"rules", got}}}
	back, err := parseCalibration(formatCalibration(c), "toy.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if back.Markdown() != c.Markdown() || back.Source != c.Source {
		t.Errorf("round trip changed the table:\n%s\nwant\n%s", back.Markdown(), c.Markdown())
	}
	for _, bad := range []struct{ text, msg string }{
		{"decision\tlo\n", "toy.tsv:1: header"},
		{calibrationHeader + "\nrules\t0\t0.5\t3\t4\t0.4\n", "toy.tsv:2: field agreed"},
		{calibrationHeader + "\nrules\t0\t0.5\t3\t2\t0.4\nrules\t0.7\t1\t3\t2\t0.9\n", "toy.tsv:3: band [0.7, 1)"},
	} {
		if _, err := parseCalibration(bad.text, "toy.tsv"); err == nil || !strings.Contains(err.Error(), bad.msg) {
			t.Errorf("%q: error %v, want one containing %q", bad.text, err, bad.msg)
		}
	}
}

// TestCalibrationFile measures the calibration of the rules' confidence
// and of the learned model's probability on the labelled answers outside
// round 3's test split that no rule was written against (the check sets
// and round 3's train split), and fails when the embedded calibration.tsv
// or the README's table differs; with -update it rewrites the file. The
// model's verdicts are out of sample: 5-fold cross-validation over the
// labelled pool (cvFolds), without the LSA relevance features, as
// parlance train fits it by default.
//
//	go test ./analysis/classify -run TestCalibrationFile -update
func TestCalibrationFile(t *testing.T) {
	if testing.Short() {
		t.Skip("fits many models")
	}
	api, twfy, gold, _ := timeSplit(t, nil)
	dev := readLabels(t, sharedDev(t))
	scored := map[string]Verdict{}
	all := gold.Verdicts()
	rules := map[string]Verdict{}
	for _, it := range append(append([]splitItem(nil), api...), twfy...) {
		if _, ok := dev[it.key]; !ok {
			scored[it.key] = all[it.key]
			rules[it.key] = it.v
		}
	}
	model := outOfFold(t, cvFolds(api, twfy), gold, keepAll)
	var sizes []string
	for _, cs := range checkSets {
		sizes = append(sizes, fmt.Sprintf("testdata/%s (%d)", cs.file, len(readLabels(t, filepath.Join("testdata", cs.file)))))
	}
	sizes = append(sizes, fmt.Sprintf("round 3's train split (%d)", len(round3Gold(t, "train"))))
	got := Calibration{
		Source: strings.Join([]string{
			fmt.Sprintf("Calibration of the verdicts' confidence on %d labelled answers no rule was written against:", len(scored)),
			strings.Join(sizes, ", ") + ";",
			"coded blind from the codebook by language-model coding agents, not trained human",
			"coders, and adjudicated (round 3's test split is left out). rules: the default",
			"rules' confidence. model: the learned decision as parlance train fits it (no --lsa),",
			fmt.Sprintf("its probability for the stance it gives, out of sample (%d-fold cross-validation", cvK),
			"over these answers and dev.tsv, blocked by time); holding answers keep the rules'",
			"verdict. Measured by TestCalibrationFile; refresh with:",
			"go test ./analysis/classify -run TestCalibrationFile -update",
		}, "\n"),
		Rows: []CalibrationRow{
			{"rules", Calibrate(scored, rules, CalibrationCuts)},
			{"model", Calibrate(scored, model, CalibrationCuts)},
		},
	}
	text := formatCalibration(got)
	t.Logf("calibration:\n%s", got.Markdown())
	if checkMeasuredFile(t, "calibration.tsv", calibrationTSV, "TestCalibrationFile", text) {
		checkREADMEHas(t, "the calibration table", got.Markdown())
	}
}
