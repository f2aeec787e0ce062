package classify

import (
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
	"unicode/utf8"
)

// A gate is a prefilter for a regular expression: sets of lower-case
// strings such that every text the expression can match contains a member
// of each set. Trying the expression only where the gate is open, in the
// lower-cased text, finds exactly the matches it would find everywhere,
// faster: the sets are derived from the expression itself (literalGate),
// so no gate written by hand can drift from its pattern and hide a match.
type gate [][]string

// open reports whether the gate lets lower (a text lower-cased by
// foldLower) through. The nil gate, for an expression with no required
// literal, is always open.
func (g gate) open(lower string) bool {
	for _, set := range g {
		if !containsAny(lower, set) {
			return false
		}
	}
	return true
}

// gatedRegexp is a compiled expression with the gate derived from it.
type gatedRegexp struct {
	*regexp.Regexp
	gate gate
}

// mustGated compiles pattern (as regexp.MustCompile) with its gate.
func mustGated(pattern string) gatedRegexp {
	re := regexp.MustCompile(pattern)
	return gatedRegexp{re, literalGate(pattern)}
}

// match reports whether the expression matches t, whose foldLower is lower.
func (g gatedRegexp) match(t, lower string) bool {
	return g.gate.open(lower) && g.MatchString(t)
}

// find returns the leftmost match's offsets in t, or nil.
func (g gatedRegexp) find(t, lower string) []int {
	if !g.gate.open(lower) {
		return nil
	}
	return g.FindStringIndex(t)
}

// foldLower lower-cases s the way a case-insensitive Go expression folds
// it: strings.ToLower, and the two non-ASCII runes whose simple case
// folding reaches an ASCII letter ('ſ' U+017F folds with 's', the Kelvin
// sign U+212A with 'k'), so that every text a gate's expression matches
// contains one of the gate's strings.
func foldLower(s string) string {
	l := strings.ToLower(s)
	if !strings.ContainsRune(l, 'ſ') {
		return l // ToLower already maps U+212A to 'k'
	}
	return strings.ReplaceAll(l, "ſ", "s")
}

// maxGateSets bounds the sets a gate checks: the most selective few
// carry nearly all of the filtering.
const maxGateSets = 3

// literalGate returns the gate of pattern, matched case-insensitively or
// not: nil when the pattern requires no literal (or does not parse; the
// caller's compile reports that).
//
// The required literals of an expression e, R(e), are a conjunction of
// sets, each of which must have a member in any text e matches, computed
// on its syntax tree: R(literal) = {{the literal}}; R(e₁e₂…) = ∪ R(eᵢ)
// (every part is required); R(e₁|e₂|…) = {∪ best(R(eᵢ))}, the union over
// the branches of each branch's most selective set, or nothing if a branch
// requires nothing; R(e+) = R(e{n,m}) = R(e) for n ≥ 1; R(e*) = R(e?) = ∅;
// character classes, anchors and the like require nothing. A set is more
// selective when its shortest string is longer, then when it has fewer
// strings; each set is reduced to its minimal strings (a string containing
// another is redundant), and the gate keeps the maxGateSets most selective.
func literalGate(pattern string) gate {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	sets := required(re.Simplify())
	sort.SliceStable(sets, func(i, j int) bool { return better(sets[i], sets[j]) })
	var g gate
	seen := map[string]bool{}
	for _, set := range sets {
		k := strings.Join(set, "\x00")
		if seen[k] {
			continue
		}
		seen[k] = true
		g = append(g, set)
		if len(g) == maxGateSets {
			break
		}
	}
	return g
}

func required(re *syntax.Regexp) [][]string {
	switch re.Op {
	case syntax.OpLiteral:
		s := foldLower(string(re.Rune))
		if s == "" {
			return nil
		}
		return [][]string{{s}}
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
		return nil
	case syntax.OpConcat:
		var all [][]string
		for _, sub := range re.Sub {
			all = append(all, required(sub)...)
		}
		return all
	case syntax.OpAlternate:
		var union []string
		for _, sub := range re.Sub {
			var best []string
			for _, set := range required(sub) {
				if best == nil || better(set, best) {
					best = set
				}
			}
			if best == nil {
				return nil
			}
			union = append(union, best...)
		}
		return [][]string{minimal(union)}
	}
	return nil
}

// better reports whether the literal set a is a more selective gate than
// b: its shortest string is longer, or as long with fewer strings.
func better(a, b []string) bool {
	la, lb := shortest(a), shortest(b)
	if la != lb {
		return la > lb
	}
	return len(a) < len(b)
}
func shortest(ss []string) int {
	n := -1
	for _, s := range ss {
		if l := utf8.RuneCountInString(s); n < 0 || l < n {
			n = l
		}
	}
	return n
}

// minimal drops duplicates and every string that contains another of the
// set, and sorts the rest.
func minimal(ss []string) []string {
	sort.Slice(ss, func(i, j int) bool {
		if len(ss[i]) != len(ss[j]) {
			return len(ss[i]) < len(ss[j])
		}
		return ss[i] < ss[j]
	})
	var out []string
	for _, s := range ss {
		redundant := false
		for _, o := range out {
			if strings.Contains(s, o) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}
