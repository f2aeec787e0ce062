package classify

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// scanDisagrees returns the registered literals whose presence in s the
// automaton reports otherwise than strings.Contains.
func scanDisagrees(s string) []string {
	sc := scanText(s)
	var bad []string
	literals.mu.Lock()
	list := append([]string(nil), literals.list...)
	literals.mu.Unlock()
	for id, l := range list {
		if sc.contains(gateLit{id, l}) != strings.Contains(sc.lower, l) {
			bad = append(bad, l)
		}
	}
	return bad
}

// TestScanFindsEveryLiteral checks the automaton against a substring
// search for every literal the classifier's gates registered, on texts
// built from overlapping literals (one a suffix or prefix of another, as
// "not held" and "held") and on real wordings.
func TestScanFindsEveryLiteral(t *testing.T) {
	allGated(t) // registers the structural gates' literals
	if err := new(Classifier).Prepare(); err != nil {
		t.Fatal(err)
	}
	literals.mu.Lock()
	list := append([]string(nil), literals.list...)
	literals.mu.Unlock()
	if len(list) < 100 {
		t.Fatalf("only %d literals registered", len(list))
	}
	texts := []string{
		"It is not our policy to comment on operational matters.",
		"THE INFORMATION IS NOT HELD CENTRALLY.",
		"It could only be obtained at disproportionate cost.",
		"I refer the hon. Member to the answer given on 3 May 2024 to Question 12345.",
		"",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 300; i++ {
		var b strings.Builder
		for j := 0; j < 1+rng.IntN(6); j++ {
			l := list[rng.IntN(len(list))]
			if rng.IntN(3) == 0 && len(l) > 2 {
				l = l[rng.IntN(len(l)/2):] // a suffix: overlaps other literals
			}
			b.WriteString(l)
			if rng.IntN(2) == 0 {
				b.WriteByte(' ')
			}
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if bad := scanDisagrees(s); len(bad) > 0 {
			t.Errorf("%q: the scan disagrees with strings.Contains on %q", s, bad)
		}
	}
}

func FuzzScan(f *testing.F) {
	f.Add("It is not held centrally; NOT HELD. ſecurity")
	allGated(f)
	f.Fuzz(func(t *testing.T, s string) {
		if bad := scanDisagrees(s); len(bad) > 0 {
			t.Errorf("%q: the scan disagrees with strings.Contains on %q", s, bad)
		}
	})
}
