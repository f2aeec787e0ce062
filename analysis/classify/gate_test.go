package classify

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/analysis/text"
)

// allGated lists every gated expression the classifier uses: the default
// lexicon's cues and the structural cues.
func allGated(t testing.TB) []gatedRegexp {
	t.Helper()
	var out []gatedRegexp
	for _, c := range DefaultLexicon().Cues {
		out = append(out, mustGated("(?i)"+c.Pattern))
	}
	out = append(out, reHolding, reCannotAnswer, rePointer, reGeneric, reAttached, reNilFigure, reNumWord)
	out = append(out, directCues...)
	out = append(out, notFigures...)
	out = append(out, reRefGave, reRefUIN, reRefStmt, reRefURL, reRefGovUK, reRefPub, reQSplit)
	out = append(out, reQAboutData, reQHowLong, reQMoney, reQCount, reURL, reFigure, reDuration, reNone, reDigits)
	return out
}

// gateHides returns the expressions that match s although their gate, or
// the gate of the branch that matches, is shut, or whose branches, tried
// one by one, find another match than the whole expression: a gate must
// never hide a match, and splitting must not move one.
func gateHides(gs []gatedRegexp, s string) []string {
	var bad []string
	lower := foldLower(s)
	for _, g := range gs {
		whole := g.FindStringIndex(s)
		for _, x := range []textLits{lowerText(lower), scanText(s)} {
			if got := g.find(s, x); !slices.Equal(got, whole) {
				bad = append(bad, fmt.Sprintf("%s (find %v, want %v)", g, got, whole))
			}
			if got := g.match(s, x); got != (whole != nil) {
				bad = append(bad, fmt.Sprintf("%s (match %v)", g, got))
			}
		}
		if all, want := g.findAllIndex(s), g.FindAllStringIndex(s, -1); !slices.EqualFunc(all, want, slices.Equal) {
			bad = append(bad, fmt.Sprintf("%s (findAll %v, want %v)", g, all, want))
		}
		if all, want := g.findAllSubmatch(s, lowerText(lower)), g.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(all, want, slices.Equal) {
			bad = append(bad, fmt.Sprintf("%s (findAllSubmatch %v, want %v)", g, all, want))
		}
		if got := g.first(s); !slices.Equal(got, whole) {
			bad = append(bad, fmt.Sprintf("%s (first %v, want %v)", g, got, whole))
		}
		if got := g.matches(s); got != (whole != nil) {
			bad = append(bad, fmt.Sprintf("%s (matches %v)", g, got))
		}
		if whole != nil && !g.c().lits.open(lowerText(lower)) {
			bad = append(bad, g.String())
		}
		for _, b := range g.c().branches {
			if b.re.MatchString(s) && !b.lits.open(lowerText(lower)) {
				bad = append(bad, "branch "+b.re.String())
			}
		}
	}
	return bad
}

func TestTopBranches(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		want    []string
	}{
		{`abc`, []string{`abc`}},
		{`(?i)a|b(c|d)|e`, []string{`(?i)a`, `(?i)b(c|d)`, `(?i)e`}},
		{`a[|]b|c\|d|(?:e|f)`, []string{`a[|]b`, `c\|d`, `(?:e|f)`}},
		{`[]|]x|y`, []string{`[]|]x`, `y`}},
		{`[^]|]x|[[:alpha:]|]y`, []string{`[^]|]x`, `[[:alpha:]|]y`}},
		{`a(?i)b|c`, []string{`a(?i)b|c`}},      // the flag reaches c
		{`a(?i:b)|c`, []string{`a(?i:b)`, `c`}}, // a scoped flag does not
		{`(?s)a|(?P<x>b|c)`, []string{`(?s)a`, `(?s)(?P<x>b|c)`}},
		{`\Qa|b\E|c`, []string{`\Qa|b\E|c`}},
	} {
		if got := topBranches(tc.pattern); !slices.Equal(got, tc.want) {
			t.Errorf("topBranches(%q) = %q, want %q", tc.pattern, got, tc.want)
		}
	}
}

// TestBranchesFindWhatTheWholeFinds tries every gated expression's
// branches against the whole expression on texts where the leftmost match
// is decided by branch order or by position.
func TestBranchesFindWhatTheWholeFinds(t *testing.T) {
	g := mustGated(`(?i)ab|a|xa`)
	for _, s := range []string{"ab", "xab", "a", "b", "xa ab", "XAB"} {
		if bad := gateHides([]gatedRegexp{g}, s); len(bad) > 0 {
			t.Errorf("%q: %v", s, bad)
		}
	}
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
		"a5 £46 million, 12% of x3,000 in 2024-25 (3) Question 12345 and HL678; the Annual Report",
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

// TestAnchoredSearchOnRealSentences compares, on every sentence of a month
// of real answers, each expression's search at the places a match can
// start with the plain search: the same matches in the same order.
func TestAnchoredSearchOnRealSentences(t *testing.T) {
	recs := readFullText(t, "2024-07.jsonl.gz")
	seg := text.NewSegmenter()
	gs := allGated(t)
	sentences, anchored := 0, 0
	for _, g := range gs {
		if g.c().anchored.get() != nil {
			anchored++
		}
	}
	for _, r := range recs {
		for _, s := range seg.Split(r.Answer) {
			sentences++
			for _, g := range gs {
				if g.c().anchored.get() == nil {
					continue
				}
				if got, want := g.findAllIndex(s.Text), g.FindAllStringIndex(s.Text, -1); !slices.EqualFunc(got, want, slices.Equal) {
					t.Errorf("%s on %q: %v, want %v", g, s.Text, got, want)
				}
			}
			branchesMatch(t, gs, s.Text)
		}
		// ExtractRefs searches whole answers, with submatches.
		for _, g := range gs {
			if g.c().anchored.get() == nil {
				continue
			}
			got, ok := g.c().anchored.get().findAllSubmatch(r.Answer)
			if !ok {
				continue
			}
			if want := g.FindAllStringSubmatchIndex(r.Answer, -1); !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("%s on %q: submatches %v, want %v", g, r.Answer, got, want)
			}
		}
	}
	t.Logf("%d sentences, %d of %d expressions searched where matches can start", sentences, anchored, len(gs))
	if sentences < 1000 || anchored < 10 {
		t.Errorf("only %d sentences, %d anchored expressions", sentences, anchored)
	}
}

// TestAnchoredSearchBeyondASCII searches texts with non-ASCII characters
// where matches start (curly quotes, dashes, accented letters, and the two
// runes that fold to ASCII letters) the anchored way and the plain way.
func TestAnchoredSearchBeyondASCII(t *testing.T) {
	texts := []string{
		"See “Question 12345” – answered on 3 May 2024; Section 5 of the Act, £46 million.",
		"Éire’s key stage 2 results, aged 16, Table 3 and ÉTAT 4: per cent.",
		"\u212aey stage 2, \u212Aey Stage 3 and key stage 4.",
		"ſection 5, Section 6 and ſtage 7; the ſtatement HCWS12.",
		"naïve 2024-25 figures: 12,000 (see Annex B) on GOV.UK",
		"Über-question 7: ‘HL1234’ and «PQ 55»",
		"£46 million, £ 3, ££1,200.50, x£5 and 12% of 3,000; a5 b-12 x2y é7 7é _9 9_ 2024-25",
		"\u212a9 and ſ12 with £\u212a 5 per cent",
		"invalid \xe2£5 and \xc2£6 \xff7",
	}
	gs := allGated(t)
	for _, s := range texts {
		for _, g := range gs {
			if g.c().anchored.get() == nil {
				continue
			}
			if got, want := g.findAllIndex(s), g.FindAllStringIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("%s on %q: %v, want %v", g, s, got, want)
			}
		}
		branchesMatch(t, gs, s)
	}
}

// branchesMatch checks that each branch of each of gs, searched where its
// matches can start, matches s exactly when its expression does.
func branchesMatch(t *testing.T, gs []gatedRegexp, s string) {
	t.Helper()
	for _, g := range gs {
		for _, b := range g.c().branches {
			if got, want := b.matchString(s), b.re.MatchString(s); got != want {
				t.Errorf("%s on %q: matched %v, want %v", b.re, s, got, want)
			}
		}
		if got, want := g.matches(s), g.MatchString(s); got != want {
			t.Errorf("%s on %q: matches %v, want %v", g, s, got, want)
		}
	}
	// The lexicon's cues, branch by branch, as compiledLexicon.match
	// tries them.
	for _, c := range compiledDefault().cues {
		for _, b := range c.branches {
			if got, want := b.find(s), b.re.FindStringIndex(s); !slices.Equal(got, want) {
				t.Errorf("%s on %q: found %v, want %v", b.re, s, got, want)
			}
		}
	}
}

// TestStartScanLowersEachText checks that the scratch's lower-cased text
// is always that of the text asked for: the same text again (the same
// bytes) is served from the scratch, and another text of the same length,
// a substring of the same memory or an empty text is lower-cased anew.
func TestStartScanLowersEachText(t *testing.T) {
	var sc startScan
	whole := "The Department HOLDS No Such Data. the department holds no such data."
	half := len(whole) / 2
	for _, tc := range []string{
		whole, whole, whole[:half], whole[half:], whole[:half], "", "ABC", "abc", strings.Clone(whole),
	} {
		if got, want := string(sc.lowered(tc)), string(asciiLower(tc)); got != want {
			t.Fatalf("lowered(%q) = %q, want %q", tc, got, want)
		}
	}
}

// FuzzFoldLower holds foldLower to its definition: strings.ToLower, then
// 'ſ' as 's'. The seeds reach each of its ways: ASCII without a capital
// (returned as it is), capitals, runes that lower to other lengths or to
// ASCII (the Kelvin sign), 'ſ', U+FFFD written out and bytes that are not
// UTF-8.
func FuzzFoldLower(f *testing.F) {
	for _, s := range []string{
		"", "no such data", "No Such Data", "The Department’s £46 MILLION",
		"\u212a and \u017f and ſ", "ȺȾ Ɐ ẞ İ", "\ufffd kept", "bad \xff\xfe bytes \xe2\x80",
		"ΣΊΣΥΦΟΣ", "日本語 TEXT",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.ReplaceAll(strings.ToLower(s), "ſ", "s")
		if got := foldLower(s); got != want {
			t.Fatalf("foldLower(%q) = %q, want %q", s, got, want)
		}
	})
}
