package classify

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/corpus"
)

// TestTrainFits checks that a model fitted to separable examples gives
// their labels back, and that writing and reading it loses nothing.
func TestTrainFits(t *testing.T) {
	var ex []Example
	for i := 0; i < 6; i++ {
		ex = append(ex,
			Example{Features{"cue:figure": 1, "q:how-many": 1}, Disclosed},
			Example{Features{"ground:not-held": 1, "q:how-many": 1}, Declined},
			Example{Features{"ground:not-held": 1, "cue:figure": 1}, Partial},
		)
	}
	m, err := Train(ex, TrainOptions{L2: 0.001, Trained: "toy"})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ex[:3] {
		p := m.Probabilities(e.Features)
		best := 0
		for k := range p {
			if p[k] > p[best] {
				best = k
			}
		}
		if m.Classes[best] != e.Stance {
			t.Errorf("%v: predicted %s, want %s (%v)", e.Features, m.Classes[best], e.Stance, p)
		}
	}
	if _, _, same := roundTrip(t, m); !same {
		t.Error("model changed in a write-read-write round trip")
	}
	if _, err := ReadModel(strings.NewReader(`{"classes":["disclosed","maybe"]}`), "bad.json"); err == nil || !strings.Contains(err.Error(), `bad.json: field classes: "maybe"`) {
		t.Errorf("bad class: %v", err)
	}
}

// labelledPool is every labelled answer the model may learn from: the dev
// set, the check sets and round 3's train split, never its test split.
func labelledPool(t *testing.T) (Overrides, map[string]*corpus.Record) {
	gold := Overrides{}
	for _, p := range []string{filepath.Join("testdata", "check-api.tsv"), filepath.Join("testdata", "check-twfy.tsv")} {
		for k, v := range readLabels(t, p) {
			gold[k] = v
		}
	}
	for k, v := range readLabels(t, sharedDev(t)) {
		gold[k] = v
	}
	for k, v := range round3Gold(t, "train") {
		gold[k] = v
	}
	return gold, loadLabelled(t, gold)
}

func apiNum(key string) int {
	n := 0
	fmt.Sscanf(strings.TrimPrefix(key, "api:"), "%d", &n)
	return n
}

func sharedDev(t *testing.T) string {
	return labelledFiles(t)[0]
}

// roundTrip writes m, reads it back and writes it again: it returns what
// was written first, the model read back, and whether the second writing
// gave the same bytes.
func roundTrip(t *testing.T, m *Model) (written string, back *Model, same bool) {
	t.Helper()
	var a, b bytes.Buffer
	if err := m.Write(&a); err != nil {
		t.Fatal(err)
	}
	back, err := ReadModel(bytes.NewReader(a.Bytes()), "model.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := back.Write(&b); err != nil {
		t.Fatal(err)
	}
	return a.String(), back, a.String() == b.String()
}

// TestModelKeeps checks that a model leaves the verdicts of the rules it
// keeps standing and decides the rest, that Train keeps KeptRules unless
// told otherwise, and that a model naming no rule is refused.
func TestModelKeeps(t *testing.T) {
	var ex []Example
	for i := 0; i < 6; i++ {
		ex = append(ex,
			Example{Features{"rule:ground-with-info": 1}, Disclosed},
			Example{Features{"rule:missing-figures": 1}, Disclosed},
			Example{Features{"rule:ground-only": 1}, Declined},
		)
	}
	rec := &corpus.Record{ID: "k", Question: "To ask the Secretary of State for Transport, how many buses were bought in 2023.",
		Answer: "The Department bought 12 buses in 2023. Information on their cost is not held centrally."}
	rules := (&Classifier{}).Classify(Input{Record: rec})
	if rules.Stance != Partial || rules.rule != "ground-with-info" {
		t.Fatalf("rules: got %s by %q, want partial by ground-with-info", rules.Stance, rules.rule)
	}
	for _, tc := range []struct {
		keeps     []string
		wantKeeps []string
		want      Stance
	}{
		{nil, KeptRules, Partial},    // the default keeps the definition
		{[]string{}, nil, Disclosed}, // told to decide every verdict
		{[]string{"ground-only"}, []string{"ground-only"}, Disclosed},
	} {
		m, err := Train(ex, TrainOptions{Keeps: tc.keeps})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(m.Keeps, tc.wantKeeps) {
			t.Errorf("Keeps %q: model keeps %q, want %q", tc.keeps, m.Keeps, tc.wantKeeps)
		}
		if got := (&Classifier{Model: m}).Classify(Input{Record: rec}); got.Stance != tc.want {
			t.Errorf("Keeps %q: got %s, want %s", tc.keeps, got.Stance, tc.want)
		}
	}
	if _, err := Train(ex, TrainOptions{Keeps: []string{"no-such-rule"}}); err == nil {
		t.Error("Train accepted a rule that does not exist")
	}
	bad := `{"classes":["disclosed","partial"],"features":[],"weights":[[],[]],"bias":[0,0],"keeps":["no-such-rule"]}`
	if _, err := ReadModel(strings.NewReader(bad), "m.json"); err == nil || !strings.Contains(err.Error(), `m.json: field keeps: "no-such-rule" is not a rule`) {
		t.Errorf("ReadModel with an unknown rule: %v", err)
	}
}
