package classify

import (
	"os"
	"testing"
)

func TestZZFresh(t *testing.T) {
	for _, path := range []string{"/tmp/check2/adj-D.tsv", "/tmp/check2/adj-C.tsv"} {
		f, err := os.Open(path)
		if err != nil {
			continue
		}
		gold, err := ReadOverrides(f, path)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		recs := loadLabelled(t, gold)
		var c Classifier
		pred := map[string]Verdict{}
		for id := range gold {
			pred[id] = c.Classify(Input{Record: recs[id]})
		}
		s := Evaluate(gold.Verdicts(), pred)
		t.Logf("%s:\n%s", path, s.Markdown())
	}
}
