package roundrobin

import "testing"

// FuzzSpacedOnce checks collapseSpace's shortcut: a text spacedOnce
// accepts is what collapseRuns makes of it, unchanged.
func FuzzSpacedOnce(f *testing.F) {
	for _, s := range []string{
		"To ask the Secretary of State for Transport, whether he will.",
		" leading", "trailing ", "two  spaces", "tab\there", "new\nline",
		"nbsp\u00a0here", "line\u2028sep", "", "x", " ", "a b", "café au lait",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if spacedOnce(s) && collapseRuns(s) != s {
			t.Errorf("spacedOnce(%q), but collapseRuns gives %q", s, collapseRuns(s))
		}
	})
}

// TestReplaceSelfRefsReusesNoState checks that the reused part lists
// carry nothing from one question to the next: each question alone and
// after another gives the same text.
func TestReplaceSelfRefsReusesNoState(t *testing.T) {
	qs := []string{
		"whether their department has purchased products manufactured by hikvision; and if he will make a statement.",
		"what steps his majesty's government is taking",
		"he",
		"",
		"how many staff the department employs in his or her office",
	}
	alone := make([]string, len(qs))
	for i, q := range qs {
		alone[i] = replaceSelfRefs(q)
	}
	for round := 0; round < 3; round++ {
		for i := len(qs) - 1; i >= 0; i-- {
			if got := replaceSelfRefs(qs[i]); got != alone[i] {
				t.Fatalf("round %d: replaceSelfRefs(%q) = %q, alone %q", round, qs[i], got, alone[i])
			}
		}
	}
	if alone[0] != "whether [dept] has purchased products manufactured by hikvision; and if [minister] will make a statement." {
		t.Errorf("replaceSelfRefs gave %q", alone[0])
	}
}
