package classify

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// embeddedModelTrained is the provenance the embedded model records.
func embeddedModelTrained(n int) string {
	return fmt.Sprintf("every labelled answer outside round 3's frozen test split (%d: dev.tsv, the check sets, round 3's train split; "+
		"coded by language-model coding agents, adjudicated), no LSA, TrainOptions{}; refit by TestEmbeddedModelFile -update", n)
}

// fitEmbeddedModel fits the embedded model as TestRound3FrozenTest fits its
// model without LSA: the rules' features of every answer of the labelled
// pool, in order of key, and Train with the zero TrainOptions.
func fitEmbeddedModel(t *testing.T) *Model {
	t.Helper()
	pool, recs := labelledPool(t)
	var rules Classifier
	var ex []Example
	for _, k := range sortedKeys(pool) {
		r, ok := recs[k]
		if !ok {
			t.Fatalf("%s: record not found in the shared data", k)
		}
		f, _ := rules.Features(Input{Record: r})
		ex = append(ex, Example{f, pool[k].Stance})
	}
	m, err := Train(ex, TrainOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m.Trained = embeddedModelTrained(len(ex))
	return m
}

// TestEmbeddedModelFile refits the embedded model and fails if the embedded
// model.json is not what the fit writes; with -update it rewrites it.
// Refit after changing the rules, the features or the labels:
//
//	go test ./analysis/classify -run TestEmbeddedModelFile -update
func TestEmbeddedModelFile(t *testing.T) {
	m := fitEmbeddedModel(t)
	var got bytes.Buffer
	if err := m.Write(&got); err != nil {
		t.Fatal(err)
	}
	if *updateConfusion {
		if err := os.WriteFile("model.json", got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(got.Bytes(), embeddedModelJSON) {
		t.Errorf("model.json is not what the fit gives (%d bytes, fitted %d); refit it with\n\tgo test ./analysis/classify -run TestEmbeddedModelFile -update", len(embeddedModelJSON), got.Len())
	}
}

// TestEmbeddedModelReads needs no shared data: the embedded model must
// parse, decide among the five stances without an LSA space (the features
// it was fitted on), be written in Model.Write's canonical form, and
// weigh only features the rules can give.
func TestEmbeddedModelReads(t *testing.T) {
	m := EmbeddedModel()
	if len(m.Classes) != len(Stances) {
		t.Errorf("classes %v, want the %d stances %v", m.Classes, len(Stances), Stances)
	}
	if m.Space != nil {
		t.Error("the embedded model carries an LSA space; it was fitted without one")
	}
	written, _, same := roundTrip(t, m)
	if !same || written != string(embeddedModelJSON) {
		t.Error("model.json is not in Model.Write's form: refit it with -update")
	}
	prefixes := []string{"asks:", "cue:", "flag:", "ground:", "len:", "note:", "overlap", "part-overlap-min", "q:", "rule:", "rules:", "src:", "substance", "x:"}
	for _, f := range m.Features {
		ok := false
		for _, p := range prefixes {
			ok = ok || strings.HasPrefix(f, p)
		}
		if !ok {
			t.Errorf("feature %q is none the rules give (featuresOf)", f)
		}
	}
}

// TestModelConcurrent classifies with one model read from a file from many
// goroutines at once (ClassifyAll), as analyze --model does; run with
// -race.
func TestModelConcurrent(t *testing.T) {
	m, err := ReadModel(bytes.NewReader(embeddedModelJSON), "model.json")
	if err != nil {
		t.Fatal(err)
	}
	m.Keeps = nil // every verdict the model's, so each one exercises it
	c := Classifier{Model: m}
	var ins []Input
	for i := 0; i < 64; i++ {
		ins = append(ins, Input{Record: rec("To ask the Secretary of State how many staff work in the department.",
			fmt.Sprintf("The information is not held centrally and could be obtained only at disproportionate cost. %d staff were recorded in 2024.", i))})
	}
	for i, v := range c.ClassifyAll(ins) {
		if v.rule != "model" {
			t.Fatalf("answer %d: decided by %q, not the model", i, v.rule)
		}
	}
}

// BenchmarkClassifyEmbeddedModel measures classification with the embedded
// model deciding, on the month BenchmarkClassify reads: the rules, their
// features and the model's weighing.
func BenchmarkClassifyEmbeddedModel(b *testing.B) {
	benchClassify(b, &Classifier{Model: EmbeddedModel()}, readFullText(b, "2024-07.jsonl.gz"))
}
