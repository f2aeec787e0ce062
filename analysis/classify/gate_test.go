package classify

import (
	"regexp"
	"strings"
	"testing"
)

// allGated lists every gated expression the classifier uses: the default
// lexicon's cues and the structural cues.
func allGated(t testing.TB) []gatedRegexp {
	t.Helper()
	var out []gatedRegexp
	for _, c := range DefaultLexicon().Cues {
		out = append(out, gatedRegexp{regexp.MustCompile("(?i)" + c.Pattern), literalGate("(?i)" + c.Pattern)})
	}
	out = append(out, reHolding, reCannotAnswer, rePointer, reGeneric, reAttached, reNilFigure, reNumWord)
	out = append(out, directCues...)
	out = append(out, notFigures...)
	return out
}

// gateHides returns the expressions that match s although their gate is
// shut: a gate must never hide a match.
func gateHides(gs []gatedRegexp, s string) []string {
	var bad []string
	lower := foldLower(s)
	for _, g := range gs {
		if g.MatchString(s) && !g.gate.open(lower) {
			bad = append(bad, g.String())
		}
	}
	return bad
}

func TestLiteralGate(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		want    string // the gate's sets, each joined by "|", joined by " & "
	}{
		{`abc`, "abc"},
		{`(?i)Not Held`, "not held"},
		{`a*`, ""},
		{`(cat|dog)s? bark`, " bark & cat|dog"},
		{`(cat|x*) bark`, " bark"},
		{`\bthe (cost|price) limit\b`, " limit & the  & cost|price"},
		{`(held|held centrally)`, "held"},
		{`x{2,3}yz|w{0,2}`, ""},
		{`ſecurity`, "security"},
	} {
		g := literalGate(tc.pattern)
		var sets []string
		for _, s := range g {
			sets = append(sets, strings.Join(s, "|"))
		}
		if got := strings.Join(sets, " & "); got != tc.want {
			t.Errorf("literalGate(%q) = %q, want %q", tc.pattern, got, tc.want)
		}
	}
}

// TestGatesNeverHideMatches runs every gated expression over sentences that
// match it in odd cases and spellings.
func TestGatesNeverHideMatches(t *testing.T) {
	gs := allGated(t)
	for _, s := range []string{
		"It is not our policy to comment on operational matters.",
		"THE INFORMATION IS NOT HELD CENTRALLY.",
		"We do not routinely comment on the detail of operational matters or specific threats.",
		"It could only be obtained at disproportionate cost.",
		"No. The Department has not purchased any such cameras.",
		"Each Department is responsible for its own procurement decisions.",
		"I refer the hon. Member to the answer given on 3 May 2024 to Question 12345.",
		"Three members of staff; see https://www.gov.uk/x.",
		"The Kelvin sign: the information is not available in the reportable format.",
		"Information on this is not held in the format requested (ſee above).",
	} {
		if bad := gateHides(gs, s); len(bad) > 0 {
			t.Errorf("%q: gates hide matches of %v", s, bad)
		}
	}
}

func FuzzGates(f *testing.F) {
	for _, s := range []string{
		"It is not our policy to comment on security arrangements.",
		"The information requested is not held centrally and could only be obtained at disproportionate cost.",
		"Yes. There are no plans to change this; we will set out our plans in due course.",
		"ſecurity grounds; KELVIN Kk",
	} {
		f.Add(s)
	}
	gs := allGated(f)
	f.Fuzz(func(t *testing.T, s string) {
		if bad := gateHides(gs, s); len(bad) > 0 {
			t.Errorf("%q: gates hide matches of %v", s, bad)
		}
	})
}
