package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stances runs analyze on the embedded sample and returns each record's
// stance.
func stances(t *testing.T, extra ...string) map[string]string {
	t.Helper()
	code, out, errs := invoke(t, "", append([]string{"analyze", "--quiet"}, extra...)...)
	if code != exitOK {
		t.Fatalf("analyze %v: exit %d: %s", extra, code, errs)
	}
	got := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct{ ID, Stance string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		got[r.ID] = r.Stance
	}
	return got
}

// TestTrainChangesAnalyze trains on labels that contradict the rules and
// checks that analyze --model then follows the labels, not the rules.
func TestTrainChangesAnalyze(t *testing.T) {
	rules := stances(t)
	dir := t.TempDir()
	labels := filepath.Join(dir, "labels.tsv")
	// A codebook of one's own: every answer to this round robin that the
	// rules call declined is "partial" here, the others "referred".
	var b strings.Builder
	want := map[string]string{}
	for id, s := range rules {
		l := "referred"
		if s == "declined" {
			l = "partial"
		}
		want[id] = l
		b.WriteString(id + "\t" + l + "\t-\tmy codebook\n")
	}
	if err := os.WriteFile(labels, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	// Another codebook need not share this one's definitions: --keep ""
	// lets the model decide every verdict the rules would have kept.
	model := filepath.Join(dir, "model.json")
	code, _, errs := invoke(t, "", "train", "--lsa", "--keep", "", "--labels", labels, "--l2", "0.001", "-o", model)
	if code != exitOK || !strings.Contains(errs, "fitted on 9 labelled answers") {
		t.Fatalf("train: exit %d: %s", code, errs)
	}
	// Nine answers are too few to learn the LSA space --lsa asks for: the model has
	// none, and train says why rather than dropping it silently.
	if !strings.Contains(errs, "train: no LSA space, so no relevance features: classify: building an LSA space: ") {
		t.Errorf("train on nine answers does not say that it learned no LSA space: %s", errs)
	}
	withModel := stances(t, "--model", model)
	for id, w := range want {
		if withModel[id] != w {
			t.Errorf("%s: with the model %s, labelled %s (rules: %s)", id, withModel[id], w, rules[id])
		}
	}
	// By default the model leaves the codebook's definitional verdicts
	// (classify.KeptRules) as the rules give them.
	kept := filepath.Join(dir, "kept.json")
	if code, _, errs := invoke(t, "", "train", "--quiet", "--labels", labels, "--l2", "0.001", "-o", kept); code != exitOK {
		t.Fatalf("train with the default --keep: exit %d: %s", code, errs)
	}
	withKept, differ := stances(t, "--model", kept), 0
	for id, w := range want {
		if withKept[id] != w {
			differ++
			if withKept[id] != rules[id] {
				t.Errorf("%s: with the default --keep %s, labelled %s, rules %s: neither the labels nor a kept verdict", id, withKept[id], w, rules[id])
			}
		}
	}
	if differ == 0 {
		t.Error("with the default --keep every verdict follows the labels: no rule's verdict was kept")
	}
	// Training again gives the same bytes.
	again := filepath.Join(dir, "again.json")
	invoke(t, "", "train", "--lsa", "--keep", "", "--quiet", "--labels", labels, "--l2", "0.001", "-o", again)
	a, _ := os.ReadFile(model)
	c, _ := os.ReadFile(again)
	if string(a) != string(c) {
		t.Error("the same labels gave two different models")
	}
	if code, _, errs := invoke(t, "", "train", "-o", model); code != exitUsage || !strings.Contains(errs, "--labels is required") {
		t.Errorf("train without labels: exit %d: %s", code, errs)
	}
}
