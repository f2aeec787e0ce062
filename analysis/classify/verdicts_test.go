package classify

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The verdicts goldens hold, for every labelled answer outside round 3's
// frozen test split, the default classifier's verdict (key, stance,
// grounds, the rule that decided) and the embedded learned model's (key,
// stance, grounds, what decided: "model" or a rule it keeps, and the
// features that weighed most, with their weights). Every change to the
// rules, the features or the model shows, in its diff, which verdicts
// moved. Refresh with
//
//	go test ./analysis/classify -run TestVerdictsGolden -update
const (
	verdictsGolden      = "testdata/verdicts.golden"
	modelVerdictsGolden = "testdata/verdicts-model.golden"
)

func TestVerdictsGolden(t *testing.T) {
	gold := Overrides{}
	for _, p := range []string{sharedDev(t), filepath.Join("testdata", "check-api.tsv"), filepath.Join("testdata", "check-twfy.tsv")} {
		for k, v := range readLabels(t, p) {
			gold[k] = v
		}
	}
	for k, v := range round3Gold(t, "train") {
		gold[k] = v
	}
	recs := loadLabelled(t, gold)
	for _, g := range []struct {
		file, header string
		c            *Classifier
		extra        func(v Verdict) string
	}{
		{verdictsGolden, "The default classifier's verdicts on the labelled answers outside round 3's test split\n# (key, stance, grounds, deciding rule)", &Classifier{}, nil},
		{modelVerdictsGolden, "The embedded learned model's verdicts on the labelled answers outside round 3's test split\n# (key, stance, grounds, what decided, the features that weighed most: weight:feature;\n# in sample, since the model was fitted to these answers)", &Classifier{Model: EmbeddedModel()}, topFeatures},
	} {
		var b strings.Builder
		b.WriteString("# " + g.header + "; refreshed by: go test ./analysis/classify -run TestVerdictsGolden -update\n")
		for _, k := range sortedKeys(gold) {
			r, ok := recs[k]
			if !ok {
				t.Fatalf("%s: record not found in the shared data", k)
			}
			v := g.c.Classify(Input{Record: r})
			gs := strings.Join(groundStrings(v.Grounds), ",")
			if gs == "" {
				gs = "-"
			}
			fmt.Fprintf(&b, "%s\t%s\t%s\t%s", k, v.Stance, gs, v.rule)
			if g.extra != nil {
				b.WriteString("\t" + g.extra(v))
			}
			b.WriteString("\n")
		}
		compareVerdictsGolden(t, g.file, b.String())
	}
}

// topFeatures lists the features a model's verdict names in its evidence
// as weighing most ("weight:0.53:cue:figure" as "0.53:cue:figure"), or
// "-" for a verdict the model did not weigh.
func topFeatures(v Verdict) string {
	var fs []string
	for _, e := range v.Evidence {
		if w, ok := strings.CutPrefix(e.Cue, "weight:"); ok {
			fs = append(fs, w)
		}
	}
	if len(fs) == 0 {
		return "-"
	}
	return strings.Join(fs, " ")
}

// compareVerdictsGolden compares the verdicts got with the golden file, or
// rewrites it with -update, listing the first verdicts that moved.
func compareVerdictsGolden(t *testing.T, file, got string) {
	t.Helper()
	if *updateConfusion {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		moved := 0
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				if moved < 10 {
					t.Errorf("%s: verdict moved:\n  was %s\n  now %s", file, wl[i], gl[i])
				}
				moved++
			}
		}
		t.Errorf("%s: %d verdicts moved (or answers were added); check them and run with -update", file, moved)
	}
}
