package classify

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/internal/shared"
)

// checkSets are the project's own labelled samples, drawn with a fixed seed
// from outside the months of dev.tsv, to check that rules written against
// the dev set generalise. See testdata/README.md for how they were coded.
var checkSets = []struct {
	name, file string
	// floors the figures must not drop below, as for the dev set.
	macroF1, grounds float64
}{
	{"API 2023-26, outside the dev months", "check-api.tsv", 0.62, 0.69},
	{"TheyWorkForYou, October 2009", "check-twfy.tsv", 0.68, 0.86},
}

// TestCheckSets measures the classifier on the check sets and fails if the
// figures fall below their floors. Scores are logged as Markdown (and saved
// to /tmp/check-scores.md) for the README.
func TestCheckSets(t *testing.T) {
	if len(Measured) != 2+len(checkSets) {
		t.Fatalf("Measured has %d samples, want the dev set, %d check sets and round 3's train split", len(Measured), len(checkSets))
	}
	var md strings.Builder
	for i, cs := range checkSets {
		path := filepath.Join("testdata", cs.file)
		gold := readLabels(t, path)
		recs := loadLabelled(t, gold)
		var c Classifier
		pred := map[string]Verdict{}
		var dbg strings.Builder
		for _, id := range sortedKeys(gold) {
			rec, ok := recs[id]
			if !ok {
				t.Errorf("%s: %s: record not found in the shared data", path, id)
				continue
			}
			v := c.Classify(Input{Record: rec})
			pred[id] = v
			if g := gold[id]; g.Stance != v.Stance {
				fmt.Fprintf(&dbg, "=== %s gold %s %v pred %s %v (%.2f)\nNOTE: %s\nQ: %s\nA: %s\n", id, g.Stance, g.Grounds, v.Stance, v.Grounds, v.Confidence, g.Note, rec.Question, clip(rec.Answer, 1500))
				for _, e := range v.Evidence {
					fmt.Fprintf(&dbg, "  [%s] %s\n", e.Cue, clip(e.Text, 140))
				}
				dbg.WriteString("\n")
			}
		}
		if p := os.Getenv("CLASSIFY_CHECK_DEBUG"); p != "" {
			os.WriteFile(p+"."+strings.TrimSuffix(cs.file, ".tsv"), []byte(dbg.String()), 0o644)
		}
		s := Evaluate(gold.Verdicts(), pred)
		fmt.Fprintf(&md, "### %s (%s)\n\n%s\n", cs.name, cs.file, s.Markdown())
		if m := Measured[1+i]; m.Answers != s.N || !near(m.Accuracy, s.Accuracy) || !near(m.MacroF1, s.MacroF1) {
			t.Errorf("Measured[%d] says %d answers, accuracy %.3f, macro-F1 %.3f; measured %d, %.3f, %.3f: update it", 1+i, m.Answers, m.Accuracy, m.MacroF1, s.N, s.Accuracy, s.MacroF1)
		}
		if s.MacroF1 < cs.macroF1 {
			t.Errorf("%s: macro-F1 = %.3f, below the floor %.3f", cs.file, s.MacroF1, cs.macroF1)
		}
		if s.Grounds.F1 < cs.grounds {
			t.Errorf("%s: grounds micro-F1 = %.3f, below the floor %.3f", cs.file, s.Grounds.F1, cs.grounds)
		}
	}
	// How the check sets' kind of coder compares with the dev coders: the
	// dev answers coded the same way, from the codebook alone.
	cb := filepath.Join("testdata", "dev-codebook-only.tsv")
	llm := readLabels(t, cb)
	gold := readLabels(t, shared.Path(t, "labels/dev.tsv"))
	k, n := CohenKappa(gold.Verdicts(), llm.Verdicts())
	if n != len(gold) {
		t.Errorf("%s codes %d of the %d dev answers", cb, n, len(gold))
	}
	s := Evaluate(gold.Verdicts(), llm.Verdicts())
	fmt.Fprintf(&md, "### The check sets' coders on the dev set (%s against dev.tsv)\n\nCohen's κ %.3f over %d answers, accuracy %.3f, macro-F1 %.3f\n\n%s\n", cb, k, n, s.Accuracy, s.MacroF1, s.Markdown())
	t.Logf("check sets:\n%s", md.String())
	if err := os.WriteFile("/tmp/check-scores.md", []byte(md.String()), 0o644); err != nil {
		t.Logf("could not save /tmp/check-scores.md: %v", err)
	}
}

// loadLabelled finds the records of gold's keys in the shared data: API
// records hydrated from the full texts, TheyWorkForYou replies from the
// latest scrape of each day, as corpus.ReadAll reads them. The records of
// every labelled set in the package are read once per test binary (reading
// the API files is the slow part), and handed out as copies.
func loadLabelled(t *testing.T, gold Overrides) map[string]*corpus.Record {
	t.Helper()
	// Skip here, outside the Once, when the shared data is absent.
	shared.Path(t, "data/api")
	labelledOnce.Do(func() { labelledRecs = readLabelled(t) })
	out := map[string]*corpus.Record{}
	var missing Overrides
	for id := range gold {
		if r, ok := labelledRecs[id]; ok {
			c := *r
			out[id] = &c
		} else {
			if missing == nil {
				missing = Overrides{}
			}
			missing[id] = gold[id]
		}
	}
	if missing != nil {
		for id, r := range readRecords(t, missing) {
			out[id] = r
		}
	}
	return out
}

var (
	labelledOnce sync.Once
	labelledRecs map[string]*corpus.Record
)

// labelledFiles are the package's labelled sets, read together.
func labelledFiles(t *testing.T) []string {
	return []string{shared.Path(t, "labels/dev.tsv"), filepath.Join("testdata", "check-api.tsv"), filepath.Join("testdata", "check-twfy.tsv"), filepath.Join("testdata", "dev-codebook-only.tsv"), filepath.FromSlash(round3Labels)}
}

func readLabelled(t *testing.T) map[string]*corpus.Record {
	all := Overrides{}
	for _, path := range labelledFiles(t) {
		for id, v := range readLabels(t, path) {
			all[id] = v
		}
	}
	return readRecords(t, all)
}

// readRecords reads the records of gold's keys from the shared data.
func readRecords(t *testing.T, gold Overrides) map[string]*corpus.Record {
	want := map[string]bool{}
	twfy := false
	for id := range gold {
		want[id] = true
		if strings.HasPrefix(id, "twfy:") {
			twfy = true
		}
	}
	out := loadAPIRecords(t, want)
	if twfy {
		recs, _, err := corpus.ReadAll([]string{shared.Path(t, "data/twfy/wrans")}, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for i := range recs {
			if want[recs[i].ID] {
				out[recs[i].ID] = &recs[i]
			}
		}
	}
	return out
}

// readLabels reads a labels file in the layout of dev.tsv, failing the
// test on any error.
func readLabels(t *testing.T, path string) Overrides {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	o, err := ReadOverrides(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func sortedKeys(o Overrides) []string {
	ids := make([]string, 0, len(o))
	for id := range o {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
