package classify

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// verdictsGolden holds the default classifier's verdict on every labelled
// answer outside round 3's frozen test split: key, stance, grounds and the
// rule that decided. Every change to the rules shows, in its diff, which
// verdicts moved. Refresh with
//
//	go test ./analysis/classify -run TestVerdictsGolden -update
const verdictsGolden = "testdata/verdicts.golden"

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
	var c Classifier
	var b strings.Builder
	b.WriteString("# The default classifier's verdicts on the labelled answers outside round 3's test split\n")
	b.WriteString("# (key, stance, grounds, deciding rule); refreshed by: go test ./analysis/classify -run TestVerdictsGolden -update\n")
	for _, k := range sortedKeys(gold) {
		r, ok := recs[k]
		if !ok {
			t.Fatalf("%s: record not found in the shared data", k)
		}
		v := c.Classify(Input{Record: r})
		gs := strings.Join(groundStrings(v.Grounds), ",")
		if gs == "" {
			gs = "-"
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", k, v.Stance, gs, v.rule)
	}
	got := b.String()
	if *updateConfusion {
		if err := os.WriteFile(verdictsGolden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(verdictsGolden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		moved := 0
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				if moved < 10 {
					t.Errorf("verdict moved:\n  was %s\n  now %s", wl[i], gl[i])
				}
				moved++
			}
		}
		t.Errorf("%d verdicts moved (or answers were added); check them and run with -update", moved)
	}
}
