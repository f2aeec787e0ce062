package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/internal/shared"
)

// TestAnalyzeFindsBoilerplateWhileReading checks that analyze, which finds
// the boilerplate as records are read (readFinding), writes what
// analysis.Run writes when it finds the boilerplate itself, byte for byte,
// on real list and full-text files together.
func TestAnalyzeFindsBoilerplateWhileReading(t *testing.T) {
	lists, err := filepath.Glob(filepath.Join(shared.Path(t, "data/api/list"), "*2024-07*"))
	if err != nil || len(lists) == 0 {
		t.Skip("no July 2024 list pages in the shared data")
	}
	inputs := append(lists, shared.Path(t, "data/api/fulltext/2024-07.jsonl.gz"))
	code, got, stderr := invoke(t, "", append([]string{"analyze", "--quiet", "--format", "json"}, inputs...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}

	recs, sum, err := corpus.ReadAll(inputs, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range recs {
		recs[i].AnswerHTML = ""
	}
	res, err := analysis.Run(recs, sum, analysis.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Families) == 0 {
		t.Fatal("no boilerplate family: the test compares nothing")
	}
	var want bytes.Buffer
	if err := analysis.WriteJSON(&want, res); err != nil {
		t.Fatal(err)
	}
	if got != want.String() {
		t.Fatalf("analyze wrote %d bytes, analysis.Run's own boilerplate gives %d: they differ", len(got), want.Len())
	}
}
