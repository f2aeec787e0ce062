package synth

import (
	"reflect"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/analysis/boilerplate"
)

func all(g *Generator) []boilerplate.Doc {
	var out []boilerplate.Doc
	for {
		d, ok := g.Next()
		if !ok {
			return out
		}
		out = append(out, d)
	}
}

func TestGeneratorDeterministic(t *testing.T) {
	a := all(New(Config{N: 300, Seed: 9}, nil))
	b := all(New(Config{N: 300, Seed: 9}, nil))
	if len(a) != 300 || !reflect.DeepEqual(a, b) {
		t.Fatalf("got %d docs; equal %v", len(a), reflect.DeepEqual(a, b))
	}
	if c := all(New(Config{N: 300, Seed: 10}, nil)); reflect.DeepEqual(a, c) {
		t.Error("different seeds gave the same corpus")
	}
}

// The generated corpus has the structure the benchmarks rely on: seed
// sentences recur across many answers and bodies, and Find recovers the
// most frequent seed as a family.
func TestGeneratorFamilies(t *testing.T) {
	docs := all(New(Config{N: 2000}, nil))
	verbatim, bodies := 0, map[string]bool{}
	for _, d := range docs {
		if d.Text == "" || d.ID == "" || d.Date.IsZero() {
			t.Fatalf("incomplete doc %+v", d)
		}
		if strings.Contains(d.Text, builtinSeeds[0]) {
			verbatim++
			bodies[d.Body] = true
		}
	}
	if verbatim < 100 || len(bodies) < 20 {
		t.Errorf("first seed verbatim in %d answers of %d bodies", verbatim, len(bodies))
	}
	res := boilerplate.Find(docs, boilerplate.Config{})
	if len(res.Families) == 0 || !strings.Contains(res.Families[0].Canonical, "disproportionate cost") || res.Families[0].Answers < verbatim {
		t.Errorf("top family %+v, first seed verbatim in %d answers", res.Families[0], verbatim)
	}
}
