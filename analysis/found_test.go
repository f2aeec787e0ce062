package analysis_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/internal/shared"
)

// foundOf feeds recs to a FoundFinder one by one, as the CLI does while
// reading.
func foundOf(recs []corpus.Record) *analysis.Found {
	ff := analysis.NewFoundFinder(boilerplate.Config{})
	for i := range recs {
		ff.Add(&recs[i])
	}
	return ff.Found()
}

// analyzeBoth runs the analysis of records by Run alone and with the
// boilerplate found as the records were given one by one, as the CLI
// finds it while reading, and returns both JSON outputs.
func analyzeBoth(t *testing.T, recs []corpus.Record, sum *corpus.Summary) (one, two []byte, families int) {
	t.Helper()
	var a, b bytes.Buffer
	res, err := analysis.Run(recs, sum, analysis.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := analysis.WriteJSON(&a, res); err != nil {
		t.Fatal(err)
	}
	families = len(res.Families)
	res, err = analysis.Run(recs, sum, analysis.Config{Found: foundOf(recs)})
	if err != nil {
		t.Fatal(err)
	}
	if err := analysis.WriteJSON(&b, res); err != nil {
		t.Fatal(err)
	}
	return a.Bytes(), b.Bytes(), families
}

// TestRunWithFoundIsRun checks that boilerplate found from the records
// given one by one gives the analysis Run gives by itself, byte for byte,
// on two months of real full texts (boilerplate families, round robins
// and all).
func TestRunWithFoundIsRun(t *testing.T) {
	recs, sum, err := corpus.ReadAll([]string{
		shared.Path(t, "data/api/fulltext/2024-07.jsonl.gz"),
		shared.Path(t, "data/api/fulltext/2024-08.jsonl.gz"),
	}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	one, two, families := analyzeBoth(t, recs, sum)
	if families == 0 {
		t.Fatal("no boilerplate family found: the test compares nothing")
	}
	if !bytes.Equal(one, two) {
		t.Fatal("the analysis with boilerplate found beforehand differs from Run's own")
	}
	// And with the boilerplate found by Run from a FoundLater, as the CLI
	// gives it.
	ff := analysis.NewFoundFinder(boilerplate.Config{})
	for i := range recs {
		ff.Add(&recs[i])
	}
	later := ff.FoundLater()
	if later.Result != nil {
		t.Fatal("FoundLater waited for the result")
	}
	res, err := analysis.Run(recs, sum, analysis.Config{Found: later})
	if err != nil {
		t.Fatal(err)
	}
	var three bytes.Buffer
	if err := analysis.WriteJSON(&three, res); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(one, three.Bytes()) {
		t.Fatal("the analysis with boilerplate found later differs from Run's own")
	}
	t.Logf("%d records, %d families: the same JSON (%d bytes)", len(recs), families, len(one))
}

// TestRunWithFoundOfOtherRecords checks that boilerplate found in other
// records is refused, naming the first record that differs.
func TestRunWithFoundOfOtherRecords(t *testing.T) {
	recs, sum := readSample(t)
	found := foundOf(recs)
	for _, tc := range []struct {
		name string
		recs []corpus.Record
		want string
	}{
		{"one fewer", recs[1:], "not " + recs[0].ID},
		{"one more", append(append([]corpus.Record(nil), recs...), corpus.Record{ID: "api:extra", Answer: "An extra answer."}), "api:extra"},
	} {
		_, err := analysis.Run(tc.recs, sum, analysis.Config{Found: found})
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "not the records it was found in") {
			t.Errorf("%s: error %v, want one naming %s", tc.name, err, tc.want)
		}
	}
	if _, err := analysis.Run(recs, sum, analysis.Config{Found: &analysis.Found{}}); err == nil || !strings.Contains(err.Error(), "no result") {
		t.Errorf("a Found with no result: error %v, want one saying so", err)
	}
}
