package classify

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestStructureFile checks structure.tsv: every cue compiles, the
// classifier uses every cue and finds every cue it asks for, and bad lines
// are refused with their position.
func TestStructureFile(t *testing.T) {
	used := []string{"attached", "cannot-answer", "generic", "holding", "nil-figure", "none", "number-word", "pointer",
		"question-about-data", "question-date", "question-figures", "question-how-long", "question-money", "question-wants-figures", "question-word", "when"}
	var names []string
	for name := range structuralCues {
		names = append(names, name)
		if _, err := regexp.Compile(structuralCue(name)); err != nil {
			t.Errorf("cue %s: %v", name, err)
		}
	}
	sort.Strings(names)
	if !slices.Equal(names, used) {
		t.Errorf("structure.tsv has the cues %q; the classifier uses %q", names, used)
	}
	for _, bad := range []struct{ text, msg string }{
		{"holding\n", "s.tsv:1: want a cue's name and one alternative"},
		{"# c\nHolding\tx\n", `s.tsv:2: field cue: "Holding"`},
		{"holding\tx\ty\n", "s.tsv:1: want a cue's name and one alternative"},
		{"holding\t\n", "s.tsv:1: cue holding: empty alternative"},
	} {
		if _, err := parseStructure(bad.text, "s.tsv"); err == nil || !strings.Contains(err.Error(), bad.msg) {
			t.Errorf("%q: error %v, want one containing %q", bad.text, err, bad.msg)
		}
	}
	got, err := parseStructure("# a cue\nx\tab\nx\tc(d|e)\n\ny\tz\n", "s.tsv")
	if err != nil || got["x"] != "ab|c(d|e)" || got["y"] != "z" {
		t.Errorf("joined: %q, %v", got, err)
	}
}
