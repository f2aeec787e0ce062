package analysis

import (
	"reflect"
	"testing"

	"github.com/parlance-go/parlance/corpus"
)

// The long stages report records done of the total as they go, ending at
// the total, and the chunking changes no result.
func TestRunAdvance(t *testing.T) {
	recs, sum, err := sampleRecords()
	if err != nil || len(recs) == 0 {
		t.Fatal(err)
	}
	last := map[string][2]int{}
	calls := 0
	res, err := Run(recs, sum, Config{Advance: func(stage string, done, total int) {
		calls++
		if p := last[stage]; done < p[0] {
			t.Errorf("%s went back from %d to %d", stage, p[0], done)
		}
		last[stage] = [2]int{done, total}
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, stage := range []string{"segment", "classify"} {
		if got := last[stage]; got != [2]int{len(recs), len(recs)} {
			t.Errorf("%s ended at %v, want %d of %d", stage, got, len(recs), len(recs))
		}
	}
	plain, err := Run(recs, sum, Config{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range res.Answers {
		if !reflect.DeepEqual(res.Answers[i].Verdict, plain.Answers[i].Verdict) {
			t.Fatalf("answer %d: verdict differs with Advance set", i)
		}
	}
}

func sampleRecords() ([]corpus.Record, *corpus.Summary, error) {
	s, err := corpus.OpenSample(corpus.Options{})
	if err != nil {
		return nil, nil, err
	}
	var out []corpus.Record
	for {
		r, err := s.Read()
		if err != nil {
			return out, s.Summary(), nil
		}
		out = append(out, *r)
	}
}
