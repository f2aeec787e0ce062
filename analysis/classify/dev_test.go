package classify

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/internal/shared"
)

// loadAPIRecords reads the shared API list files and hydrates the records
// whose IDs are in want from the full-text files. Records of want found
// only in full-text files are returned as read there.
func loadAPIRecords(t testing.TB, want map[string]bool) map[string]*corpus.Record {
	t.Helper()
	return loadAPI(t, want, true)
}

// loadListOnly reads the records of want from the list files alone, as
// the list endpoint gave them: long texts clipped and marked Truncated.
func loadListOnly(t testing.TB, want map[string]bool) map[string]*corpus.Record {
	t.Helper()
	return loadAPI(t, want, false)
}

func loadAPI(t testing.TB, want map[string]bool, hydrate bool) map[string]*corpus.Record {
	t.Helper()
	listDir := shared.Path(t, "data/api/list")
	fullDir := shared.Path(t, "data/api/fulltext")
	out := map[string]*corpus.Record{}
	each := func(pattern string, mk func(io.Reader, string) interface {
		Read() (*corpus.Record, error)
	}, fn func(*corpus.Record)) {
		files, err := filepath.Glob(filepath.Join(pattern))
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(files)
		for _, f := range files {
			fh, err := os.Open(f)
			if err != nil {
				t.Fatal(err)
			}
			zr, err := gzip.NewReader(fh)
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			r := mk(zr, f)
			for {
				rec, err := r.Read()
				if errors.Is(err, io.EOF) {
					break
				}
				var p *corpus.Problem
				if errors.As(err, &p) {
					continue // a bad record elsewhere in the file is not ours to judge
				}
				if err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				if want[rec.ID] {
					fn(rec)
				}
			}
			zr.Close()
			fh.Close()
		}
	}
	each(filepath.Join(listDir, "*.json.gz"), func(r io.Reader, name string) interface {
		Read() (*corpus.Record, error)
	} {
		return corpus.NewAPIReader(r, name, nil, nil)
	}, func(rec *corpus.Record) {
		if _, dup := out[rec.ID]; !dup {
			out[rec.ID] = rec
		}
	})
	if !hydrate {
		return out
	}
	each(filepath.Join(fullDir, "*.jsonl.gz"), func(r io.Reader, name string) interface {
		Read() (*corpus.Record, error)
	} {
		return corpus.NewFullTextReader(r, name, nil, nil)
	}, func(rec *corpus.Record) {
		if l, ok := out[rec.ID]; ok {
			corpus.Hydrate(l, rec)
		} else {
			out[rec.ID] = rec
		}
	})
	return out
}

// Floors the dev-set figures must not drop below: what the rules reach on
// the labels as re-adjudicated under codebook version 2 (macro-F1 0.800,
// referred 0.914, holding 1.000, grounds 0.935), rounded down a little.
// They are not targets: the dev set is in-sample, and a rule that raises
// them by fitting single items is the wrong rule (see TestCheckSets).
const (
	floorMacroF1  = 0.79
	floorReferred = 0.90
	floorHolding  = 0.95
	floorGrounds  = 0.93
)

// TestDevSet measures the classifier against the 200 adjudicated dev labels
// and fails if the figures fall below the floors. It prints a Markdown
// table (also saved to /tmp/dev-scores.md) for the README.
func TestDevSet(t *testing.T) {
	labels := shared.Path(t, "labels/dev.tsv")
	gold := readLabels(t, labels)
	recs := loadLabelled(t, gold)
	var c Classifier
	pred := map[string]Verdict{}
	ids := make([]string, 0, len(gold))
	for id := range gold {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var dbg strings.Builder
	for _, id := range ids {
		rec, ok := recs[id]
		if !ok {
			t.Errorf("dev label %s: record not found in the shared API data", id)
			continue
		}
		v := c.Classify(Input{Record: rec})
		pred[id] = v
		g := gold[id]
		if os.Getenv("CLASSIFY_DEBUG_ALL") != "" || g.Stance != v.Stance || strings.Join(groundStrings(g.Grounds), ",") != strings.Join(groundStrings(v.Grounds), ",") {
			fmt.Fprintf(&dbg, "=== %s gold %s %v pred %s %v (%.2f)\nNOTE: %s\nQ: %s\nA: %s\n", id, g.Stance, g.Grounds, v.Stance, v.Grounds, v.Confidence, g.Note, rec.Question, clip(rec.Answer, 1500))
			for _, e := range v.Evidence {
				fmt.Fprintf(&dbg, "  [%s] %s\n", e.Cue, clip(e.Text, 140))
			}
			dbg.WriteString("\n")
		}
	}
	if p := os.Getenv("CLASSIFY_DEBUG"); p != "" {
		os.WriteFile(p, []byte(dbg.String()), 0o644)
	}
	s := Evaluate(gold.Verdicts(), pred)
	md := s.Markdown()
	t.Logf("dev set (%s):\n%s", labels, md)
	if err := os.WriteFile("/tmp/dev-scores.md", []byte(md), 0o644); err != nil {
		t.Logf("could not save /tmp/dev-scores.md: %v", err)
	}
	check := func(name string, got, floor float64) {
		if got < floor {
			t.Errorf("%s = %.3f, below the floor %.3f", name, got, floor)
		}
	}
	check("macro-F1(disclosed, partial, declined)", s.MacroF1, floorMacroF1)
	check("referred F1", s.Stance[Referred].F1, floorReferred)
	check("holding F1", s.Stance[Holding].F1, floorHolding)
	check("grounds micro-F1", s.Grounds.F1, floorGrounds)
	if m := Measured[0]; m.Answers != s.N || !near(m.Accuracy, s.Accuracy) || !near(m.MacroF1, s.MacroF1) {
		t.Errorf("Measured[0] says %d answers, accuracy %.3f, macro-F1 %.3f; measured %d, %.3f, %.3f: update it", m.Answers, m.Accuracy, m.MacroF1, s.N, s.Accuracy, s.MacroF1)
	}
}

func groundStrings(gs []Ground) []string {
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = string(g)
	}
	return out
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// near reports whether a documented figure (three decimals) is the
// measured one.
func near(documented, measured float64) bool {
	return documented-measured < 0.0005 && measured-documented < 0.0005
}
