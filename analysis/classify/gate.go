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

// gatedRegexp is a compiled expression with the gate derived from it, and
// its top-level alternatives each compiled with a gate of its own.
//
// An expression e = b₁|b₂|…|bₙ matches t exactly when some branch bᵢ does,
// and its leftmost-first match in t is the leftmost of the branches'
// matches, the first branch on ties, ending where that branch's own match
// ends: at the leftmost start s no branch matches earlier, and the
// alternation tries b₁ … bₙ at s in order, each exactly as it would alone.
// So trying the branches one by one finds what e finds; and each branch's
// gate is a conjunction of its own literals, far more selective than e's
// gate, the union of every branch's best set, which one common word opens.
type gatedRegexp struct {
	*regexp.Regexp
	gate gate
	lits litGate // gate compiled against the literal table
	// branches are the alternatives of the expression's top level, or the
	// whole expression when it is not an alternation.
	branches []gatedBranch
}

// gatedBranch is one top-level alternative of a gatedRegexp.
type gatedBranch struct {
	re   *regexp.Regexp
	gate gate
	lits litGate
}

// mustGated compiles pattern (as regexp.MustCompile) with its gate and
// its gated branches.
func mustGated(pattern string) gatedRegexp {
	re := regexp.MustCompile(pattern)
	g := gatedRegexp{Regexp: re, gate: literalGate(pattern)}
	g.lits = literals.compile(g.gate)
	for _, b := range topBranches(pattern) {
		bg := literalGate(b)
		g.branches = append(g.branches, gatedBranch{regexp.MustCompile(b), bg, literals.compile(bg)})
	}
	return g
}

// match reports whether the expression matches t, whose literals x tells
// (a *scanned of t, or t's foldLower as a lowerText).
func (g gatedRegexp) match(t string, x textLits) bool {
	if !g.lits.open(x) {
		return false
	}
	for _, b := range g.branches {
		if b.lits.open(x) && b.re.MatchString(t) {
			return true
		}
	}
	return false
}

// find returns the leftmost match's offsets in t, or nil.
func (g gatedRegexp) find(t string, x textLits) []int {
	if !g.lits.open(x) {
		return nil
	}
	var best []int
	for _, b := range g.branches {
		if !b.lits.open(x) {
			continue
		}
		if loc := b.re.FindStringIndex(t); loc != nil && (best == nil || loc[0] < best[0]) {
			best = loc
			if best[0] == 0 {
				break // no branch can start earlier; ties go to the first
			}
		}
	}
	return best
}

// findAllSubmatch is FindAllStringSubmatchIndex(t, -1) where the gate is
// open, nil where it is shut (where the expression cannot match).
func (g gatedRegexp) findAllSubmatch(t string, x textLits) [][]int {
	if !g.lits.open(x) {
		return nil
	}
	return g.FindAllStringSubmatchIndex(t, -1)
}

// topBranches splits pattern into its top-level alternatives, each with
// the pattern's leading flag group ("(?i)") in front, so that each compiles
// to the expression that alternative is within pattern. It returns pattern
// alone when it has no top-level "|", and also when splitting could change
// a branch's meaning: a flag group set part-way along the top level
// ("a(?i)b|c", whose flag reaches c) or a \Q…\E quotation.
func topBranches(pattern string) []string {
	flags, rest := "", pattern
	if strings.HasPrefix(rest, "(?") {
		if end := strings.IndexByte(rest, ')'); end > 2 && strings.Trim(rest[2:end], "imsU-") == "" {
			flags, rest = rest[:end+1], rest[end+1:]
		}
	}
	if strings.Contains(rest, `\Q`) {
		return []string{pattern}
	}
	var out []string
	depth, from := 0, 0
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case '\\':
			i++ // the escaped byte is never syntax
		case '[':
			i = classEnd(rest, i)
		case '(':
			if depth == 0 && strings.HasPrefix(rest[i:], "(?") {
				if end := strings.IndexByte(rest[i:], ')'); end > 2 && strings.Trim(rest[i+2:i+end], "imsU-") == "" {
					return []string{pattern} // an unscoped flag group on the top level
				}
			}
			depth++
		case ')':
			depth--
		case '|':
			if depth == 0 {
				out = append(out, flags+rest[from:i])
				from = i + 1
			}
		}
	}
	if len(out) == 0 {
		return []string{pattern}
	}
	return append(out, flags+rest[from:])
}

// classEnd returns the index of the ']' closing the character class that
// opens at s[open], reading escapes, a leading ']' or '^]' and POSIX classes
// ("[[:alpha:]]") as RE2 does; len(s) when it is not closed (the caller's
// compile reports that).
func classEnd(s string, open int) int {
	i := open + 1
	if i < len(s) && s[i] == '^' {
		i++
	}
	if i < len(s) && s[i] == ']' {
		i++
	}
	for ; i < len(s); i++ {
		switch {
		case s[i] == '\\':
			i++
		case strings.HasPrefix(s[i:], "[:"):
			if end := strings.Index(s[i+2:], ":]"); end >= 0 {
				i += end + 3
			}
		case s[i] == ']':
			return i
		}
	}
	return len(s)
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
