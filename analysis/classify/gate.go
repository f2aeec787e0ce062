package classify

import (
	"regexp"

	"github.com/coregx/ahocorasick"
	"regexp/syntax"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// A gate is a prefilter for a regular expression: sets of lower-case
// strings such that every text the expression can match contains a member
// of each set. Trying the expression only where the gate is open, in the
// lower-cased text, finds exactly the matches it would find everywhere,
// faster: the sets are derived from the expression itself (literalGate),
// so no gate written by hand can drift from its pattern and hide a match.
type gate [][]string

// gatedRegexp is an expression compiled, on first use, with the gate
// derived from it (see gatedCompiled). A gatedRegexp is a handle: copies
// share one compiled form.
type gatedRegexp struct {
	l *lazyGated
}

// gatedCompiled is a compiled expression with the gate derived from it,
// and its top-level alternatives each compiled with a gate of its own.
//
// An expression e = b₁|b₂|…|bₙ matches t exactly when some branch bᵢ does,
// and its leftmost-first match in t is the leftmost of the branches'
// matches, the first branch on ties, ending where that branch's own match
// ends: at the leftmost start s no branch matches earlier, and the
// alternation tries b₁ … bₙ at s in order, each exactly as it would alone.
// So trying the branches one by one finds what e finds; and each branch's
// gate is a conjunction of its own literals, far more selective than e's
// gate, the union of every branch's best set, which one common word opens.
type gatedCompiled struct {
	*regexp.Regexp
	lits litGate // the gate, compiled against the literal table
	// branches are the alternatives of the expression's top level, or the
	// whole expression when it is not an alternation.
	branches []gatedBranch
	// anchored finds all matches by trying the expression only where one
	// can start (see startAnchored), built on first use.
	anchored *lazyAnchored
}

// lazyGated is a gated expression compiled when first used.
type lazyGated struct {
	once    sync.Once
	pattern string
	c       gatedCompiled
}

// The package's own gated expressions are compiled together, in the order
// they were declared, the first time any gated expression is used: a
// command that never classifies (boilerplate, say) never pays for them,
// and the literal table gets all their literals at once, so its automaton
// is built once rather than once per expression as each comes into use.
var (
	declaredMu   sync.Mutex
	declared     []*lazyGated
	declaredDone bool // compileDeclared has taken the list
	declaredOnce sync.Once
)

func compileDeclared() {
	declaredMu.Lock()
	all := declared
	declared, declaredDone = nil, true
	declaredMu.Unlock()
	for _, l := range all {
		l.compile()
	}
}

func (l *lazyGated) compile() {
	l.once.Do(func() {
		re := regexp.MustCompile(l.pattern)
		c := gatedCompiled{Regexp: re, lits: literals.compile(literalGate(l.pattern))}
		for _, b := range topBranches(l.pattern) {
			c.branches = append(c.branches, gatedBranch{regexp.MustCompile(b), literals.compile(literalGate(b)), &lazyAnchored{pattern: b}})
		}
		c.anchored = &lazyAnchored{pattern: l.pattern}
		l.c = c
	})
}

// c returns the compiled expression, compiling it (and every expression
// the package declares) on first use.
func (g gatedRegexp) c() *gatedCompiled {
	declaredOnce.Do(compileDeclared)
	g.l.compile()
	return &g.l.c
}

// String returns the expression's source text.
func (g gatedRegexp) String() string { return g.l.pattern }

// The methods of regexp.Regexp the package uses on gated expressions.

func (g gatedRegexp) FindStringIndex(s string) []int { return g.c().FindStringIndex(s) }
func (g gatedRegexp) FindAllStringIndex(s string, n int) [][]int {
	return g.c().FindAllStringIndex(s, n)
}
func (g gatedRegexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return g.c().FindAllStringSubmatchIndex(s, n)
}
func (g gatedRegexp) MatchString(s string) bool  { return g.c().MatchString(s) }
func (g gatedRegexp) FindString(s string) string { return g.c().FindString(s) }
func (g gatedRegexp) ReplaceAllStringFunc(s string, f func(string) string) string {
	return g.c().ReplaceAllStringFunc(s, f)
}

// lazyAnchored builds an expression's startAnchored form when first
// needed: building its automaton costs more than most expressions ever
// use it for.
type lazyAnchored struct {
	once    sync.Once
	pattern string
	sa      *startAnchored
}

func (l *lazyAnchored) get() *startAnchored {
	l.once.Do(func() { l.sa = newStartAnchored(l.pattern) })
	return l.sa
}

// gatedBranch is one top-level alternative of a gatedRegexp.
type gatedBranch struct {
	re   *regexp.Regexp
	lits litGate
	// anchored matches by trying the branch only where a match can start.
	anchored *lazyAnchored
}

// matchString reports whether the branch matches t, trying it only where
// a match can start when the branch allows it.
func (b gatedBranch) matchString(t string) bool {
	if sa := b.anchored.get(); sa != nil {
		if m, ok := sa.matchAny(t); ok {
			return m
		}
	}
	return b.re.MatchString(t)
}

// mustGated returns pattern as a gated expression, compiled (as
// regexp.MustCompile, panicking if it does not compile) with its gate and
// its gated branches on first use. Declared at package level, it is
// compiled with the package's others (see compileDeclared).
func mustGated(pattern string) gatedRegexp {
	l := &lazyGated{pattern: pattern}
	declaredMu.Lock()
	if !declaredDone {
		declared = append(declared, l)
	}
	declaredMu.Unlock()
	return gatedRegexp{l}
}

// match reports whether the expression matches t, whose literals x tells
// (a *scanned of t, or t's foldLower as a lowerText).
func (g gatedRegexp) match(t string, x textLits) bool {
	if !g.c().lits.open(x) {
		return false
	}
	for _, b := range g.c().branches {
		if b.lits.open(x) && b.matchString(t) {
			return true
		}
	}
	return false
}

// find returns the leftmost match's offsets in t, or nil.
func (g gatedRegexp) find(t string, x textLits) []int {
	if !g.c().lits.open(x) {
		return nil
	}
	var best []int
	for _, b := range g.c().branches {
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

// matches is MatchString(t): whether one of the branches matches, each
// tried only where it can start when it allows it (no gate: for texts
// looked at once).
func (g gatedRegexp) matches(t string) bool {
	for _, b := range g.c().branches {
		if b.matchString(t) {
			return true
		}
	}
	return false
}

// first is FindStringIndex(t), searched only where a match can start
// when the expression allows it (no gate: for texts looked at once).
func (g gatedRegexp) first(t string) []int {
	if sa := g.c().anchored.get(); sa != nil {
		if loc, ok := sa.findFirst(t); ok {
			return loc
		}
	}
	return g.FindStringIndex(t)
}

// findAllSubmatch is FindAllStringSubmatchIndex(t, -1) where the gate is
// open, searched only where a match can start when the expression allows
// it; nil where the gate is shut (where the expression cannot match).
func (g gatedRegexp) findAllSubmatch(t string, x textLits) [][]int {
	if !g.c().lits.open(x) {
		return nil
	}
	if sa := g.c().anchored.get(); sa != nil {
		if out, ok := sa.findAllSubmatch(t); ok {
			return out
		}
	}
	return g.FindAllStringSubmatchIndex(t, -1)
}

// findAllIndex is FindAllStringIndex(t, -1), searched only where a match
// can start when the expression allows it.
func (g gatedRegexp) findAllIndex(t string) [][]int {
	if sa := g.c().anchored.get(); sa != nil {
		if out, ok := sa.findAll(t); ok {
			return out
		}
	}
	return g.FindAllStringIndex(t, -1)
}

// topBranches splits pattern into its top-level alternatives, each with
// the pattern's leading flag group ("(?i)") in front, so that each compiles
// to the expression that alternative is within pattern. It returns pattern
// alone when it has no top-level "|", and also when splitting could change
// a branch's meaning: a flag group set part-way along the top level
// ("a(?i)b|c", whose flag reaches c) or a \Q…\E quotation.
func topBranches(pattern string) []string {
	flags, rest := splitFlags(pattern)
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
//
// It is written out, not composed of those two, because every sentence and
// answer is folded: strings.ToLower maps a text with any non-ASCII rune
// (a curly quote, a pound sign: most of Hansard) rune by rune through
// strings.Map. Here ASCII bytes are lowered in place and only the others
// decoded; a byte that is not UTF-8 becomes U+FFFD, as strings.Map makes
// it (FuzzFoldLower holds the two to each other).
func foldLower(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s // ASCII without a capital: as ToLower, no copy
	}
	// Lowered in a copy, in place while each rune keeps its length (all
	// but a few rare letters do); from one that does not, appended.
	b := []byte(s)
	for i < len(b) {
		c := b[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		r, w := utf8.DecodeRune(b[i:])
		l := foldRune(r)
		switch {
		case l == r && (r != utf8.RuneError || w > 1):
		case utf8.RuneLen(l) == w:
			utf8.EncodeRune(b[i:], l)
		default:
			return foldLowerFrom(b[:i], s[i:])
		}
		i += w
	}
	return unsafe.String(unsafe.SliceData(b), len(b)) // b is not written again
}

// foldRune is foldLower of one rune: unicode.ToLower, which maps U+212A,
// the Kelvin sign, to 'k', and 'ſ' as 's'.
func foldRune(r rune) rune {
	if l := unicode.ToLower(r); l != 'ſ' {
		return l
	}
	return 's'
}

// foldLowerFrom appends foldLower(s) to b, rune by rune.
func foldLowerFrom(b []byte, s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if l := foldRune(r); l == r && (r != utf8.RuneError || w > 1) {
			b = append(b, s[i:i+w]...)
		} else {
			b = utf8.AppendRune(b, l)
		}
		i += w
	}
	return string(b)
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

// startAnchored runs an expression only at the places where a match can
// start: when every match begins with one of a few literals (a word list,
// "(question|uin|section|…) 12"; a class of letters or digits), an
// Aho–Corasick automaton (or, for single characters, a byte table) finds
// those places in one pass and the expression, anchored, is tried at each. It
// finds exactly the matches FindAllStringIndex finds, in the same order:
// that search takes the leftmost match at or after the end of the last
// one, and every match starts at a candidate. The first consuming step
// of each way through the expression may sit behind a \b, and no other
// assertion: the anchored expression is run with the character before
// the candidate in front of it where that is a word character (atCtx),
// so that its \b reads the full text's.
type startAnchored struct {
	// starts finds the start literals; where every one is a single byte
	// (a class: "[a-z]", "\d") startByte tells them instead.
	starts    *ahocorasick.Automaton
	startByte [256]bool
	// startFirst holds the first bytes of starts' literals and startMax
	// the length of the longest.
	startFirst [256]bool
	startMax   int
	// wordBoundary: the expression opens with \b.
	wordBoundary bool
	// at is the expression anchored at its start; atCtx the same after
	// one character of context, run from the byte before a candidate that
	// follows a word character, so that a \b at the candidate reads it.
	at, atCtx *regexp.Regexp
}

// newStartAnchored returns the startAnchored form of pattern, or nil where
// its matches do not all open with a literal of a small set.
func newStartAnchored(pattern string) *startAnchored {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	subs := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		subs = re.Sub
	}
	wb := false
	if len(subs) > 1 && subs[0].Op == syntax.OpWordBoundary {
		wb, subs = true, subs[1:]
	}
	lits, ok := startLiterals(subs[0])
	if !ok || len(lits) == 0 {
		return nil
	}
	sa := &startAnchored{wordBoundary: wb}
	single := true
	for _, l := range lits {
		single = single && len(l) == 1
	}
	if single {
		for _, l := range lits {
			c := l[0]
			sa.startByte[c] = true
			if 'a' <= c && c <= 'z' {
				sa.startByte[c-'a'+'A'] = true
			}
		}
	} else {
		ac, err := ahocorasick.NewBuilder().AddStrings(lits).Build()
		if err != nil {
			return nil
		}
		sa.starts = ac
		for _, l := range lits { // none empty (startLiterals)
			sa.startFirst[l[0]] = true
			sa.startMax = max(sa.startMax, len(l))
		}
	}
	// The anchored forms are written from the pattern's own text: printing
	// a parsed case-folded expression back (syntax.Regexp.String) costs
	// seconds for some of them.
	flags, body := splitFlags(pattern)
	sa.at = regexp.MustCompile(flags + `^(?:` + body + `)`)
	sa.atCtx = regexp.MustCompile(flags + `^(?s:.)(?:` + body + `)`)
	return sa
}

// splitFlags splits a leading flag group ("(?i)") off pattern.
func splitFlags(pattern string) (flags, rest string) {
	if strings.HasPrefix(pattern, "(?") {
		if end := strings.IndexByte(pattern, ')'); end > 2 && strings.Trim(pattern[2:end], "imsU-") == "" {
			return pattern[:end+1], pattern[end+1:]
		}
	}
	return "", pattern
}

// maxStartLiterals bounds the literals a start set may have.
const maxStartLiterals = 64

// startLiterals returns strings, their ASCII letters lower-case, one of
// which every match of re starts with (in the text with its ASCII letters
// lower-cased), or false. Every path through re consumes a character
// first, behind at most a \b.
func startLiterals(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return startLiterals(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return startLiterals(re.Sub[0])
		}
	case syntax.OpLiteral:
		// The text is searched with its ASCII letters lower-cased
		// (asciiLower): so is the literal. A case-sensitive literal
		// beyond ASCII ("£") is searched for as it is; a case-folded one
		// could match other bytes.
		s := string(asciiLower(string(re.Rune)))
		if re.Flags&syntax.FoldCase != 0 {
			for i := 0; i < len(s); i++ {
				if s[i] >= utf8.RuneSelf {
					return nil, false
				}
			}
		}
		return []string{s}, s != ""
	case syntax.OpConcat:
		subs := re.Sub
		if len(subs) > 1 && subs[0].Op == syntax.OpWordBoundary {
			// A \b before the first step: each reads it in context.
			subs = subs[1:]
		}
		if len(subs) > 0 && subs[0].Op != syntax.OpWordBoundary && subs[0].Op != syntax.OpEmptyMatch {
			return startLiterals(subs[0])
		}
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			l, ok := startLiterals(sub)
			if !ok {
				return nil, false
			}
			all = append(all, l...)
		}
		all = minimalPrefixes(all)
		return all, len(all) <= maxStartLiterals
	case syntax.OpCharClass:
		// A class of letters and digits: of a few letters, as case folding
		// makes of one ("[Cc]"), or more ("[a-z]", "\d").
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if '0' <= r && r <= '9' {
					out = append(out, string(r))
					continue
				}
				if r >= utf8.RuneSelf || !('a' <= r|0x20 && r|0x20 <= 'z') {
					// a class beyond ASCII letters: ſ and the Kelvin sign
					// fold to s and k, so a class holding them is read as
					// the ASCII letters alone only if those are in it too.
					if r == 'ſ' || r == '\u212a' {
						continue
					}
					return nil, false
				}
				out = append(out, string(rune(r|0x20)))
			}
		}
		out = minimalPrefixes(out)
		return out, len(out) > 0 && len(out) <= maxStartLiterals
	}
	return nil, false
}

// minimalPrefixes drops duplicates and every string another of the set is
// a prefix of (a candidate start found by the shorter one covers it).
func minimalPrefixes(ss []string) []string {
	sort.Strings(ss)
	var out []string
	for _, s := range ss {
		if len(out) > 0 && strings.HasPrefix(s, out[len(out)-1]) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// asciiLower returns t with its ASCII letters lower-cased and every other
// byte as it is.
func asciiLower(t string) []byte { return appendASCIILower(nil, t) }

// appendASCIILower appends t to b with its ASCII letters lower-cased.
func appendASCIILower(b []byte, t string) []byte {
	n := len(b)
	b = append(b, t...)
	for i, c := range b[n:] {
		if 'A' <= c && c <= 'Z' {
			b[n+i] = c + 'a' - 'A'
		}
	}
	return b
}

// isASCIIWord reports whether b is a character \b counts as a word's.
func isASCIIWord(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b|0x20 && b|0x20 <= 'z'
}

// findAll is FindAllStringIndex(t, -1); ok is false for a t holding 'ſ'
// (U+017F) or the Kelvin sign (U+212A), which the caller searches the
// plain way.
//
// The start literals are ASCII and looked for in t with its ASCII letters
// lower-cased, byte for byte, so offsets stay t's own. An ASCII letter of
// a case-insensitive literal matches a rune of t only when the rune folds
// to it: the letter in either case, or one of those two runes, which fold
// to 's' and 'k'. Without them every place a literal can match is found.
func (sa *startAnchored) findAll(t string) (out [][]int, ok bool) {
	ok = sa.each(t, func(re *regexp.Regexp, from, s int) int {
		loc := re.FindStringIndex(t[from:])
		if loc == nil {
			return -1
		}
		out = append(out, []int{s, from + loc[1]})
		return from + loc[1]
	})
	return out, ok
}

// findAllSubmatch is FindAllStringSubmatchIndex(t, -1), as findAll is
// FindAllStringIndex: the anchored expression's submatches at a start are
// those of the match the whole search finds there.
func (sa *startAnchored) findAllSubmatch(t string) (out [][]int, ok bool) {
	ok = sa.each(t, func(re *regexp.Regexp, from, s int) int {
		loc := re.FindStringSubmatchIndex(t[from:])
		if loc == nil {
			return -1
		}
		for i := range loc {
			if loc[i] >= 0 {
				loc[i] += from
			}
		}
		loc[0] = s // not the character of context
		out = append(out, loc)
		return loc[1]
	})
	return out, ok
}

// matchAny reports whether the expression matches t, as MatchString;
// ok is false where findAll's is.
func (sa *startAnchored) matchAny(t string) (matched, ok bool) {
	ok = sa.each(t, func(re *regexp.Regexp, from, s int) int {
		if re.MatchString(t[from:]) {
			matched = true
			return stopSearch
		}
		return -1
	})
	return matched, ok
}

// findFirst is FindStringIndex(t): the leftmost match, which starts at
// the first place the anchored expression matches; ok is false where
// findAll's is.
func (sa *startAnchored) findFirst(t string) (loc []int, ok bool) {
	ok = sa.each(t, func(re *regexp.Regexp, from, s int) int {
		if l := re.FindStringIndex(t[from:]); l != nil {
			loc = []int{s, from + l[1]}
			return stopSearch
		}
		return -1
	})
	return loc, ok
}

// stopSearch, returned by each's try, ends the search.
const stopSearch = -2

// each tries the anchored expression at each candidate start s of t in
// turn, past the end of the last match, by try(re, from, s): re is to be
// run on t[from:], where from is s, or s-1 after a word character (re is
// then atCtx, which reads that character first); try returns the end of
// the match at s, -1 for none, or stopSearch. ok is false for a t holding
// 'ſ' or the Kelvin sign (see findAll).
//
// Reading the character before s makes every \b at s (and \B) what it is
// in the full text; a character that is not an ASCII word character reads
// as the start of the text does, as no word character.
func (sa *startAnchored) each(t string, try func(re *regexp.Regexp, from, s int) int) (ok bool) {
	if strings.Contains(t, "\u017f") || strings.Contains(t, "\u212a") {
		return false
	}
	pos := 0
	// visit tries candidate s and reports whether the search is over.
	visit := func(s int) bool {
		if s < pos {
			return false
		}
		re, from := sa.at, s
		if s > 0 && isASCIIWord(t[s-1]) {
			if sa.wordBoundary && isASCIIWord(t[s]) {
				return false // no boundary at s in the full text
			}
			re, from = sa.atCtx, s-1
		}
		e := try(re, from, s)
		if e == stopSearch {
			return true
		}
		if e >= 0 {
			pos = max(e, s+1)
		}
		return false
	}
	if sa.starts == nil {
		// startByte holds both cases of its letters: no lower-casing.
		for s := 0; s < len(t); s++ {
			if sa.startByte[t[s]] && visit(s) {
				return true
			}
		}
		return true
	}
	sc := startScratch.Get().(*startScan)
	defer startScratch.Put(sc)
	low := sc.lowered(t)
	// The candidates are the s at which a start literal begins, in order:
	// the automaton is asked only whether one begins at s (FindAt, which
	// allocates nothing), on at most the longest literal's bytes, and only
	// where the byte at s begins one. Taken in order, the search skips the
	// places a match already covers and stops at the first match where one
	// is enough, where a scan for every occurrence found them all first.
	for s := 0; s < len(low); s++ {
		if s < pos {
			s = pos - 1
			continue
		}
		if !sa.startFirst[low[s]] {
			continue
		}
		if _, ok := sa.starts.FindAt(low[:min(len(low), s+sa.startMax)], s); ok && visit(s) {
			return true
		}
	}
	return true
}

// startScan is the scratch of startAnchored.each: a text with its ASCII
// letters lower-cased. A sentence is searched by many expressions in turn
// (every cue and every test of what is not a figure), so the text is
// lower-cased once for all of them rather than copied and lower-cased by
// each: that was a tenth of classification's allocations.
type startScan struct {
	src string // the text low is of
	low []byte
}

// startScratch holds startScans for reuse. A goroutine gets back the one
// it put most of the time, so the text it searched last is still there.
var startScratch = sync.Pool{New: func() any { return new(startScan) }}

// lowered returns asciiLower(t), made again only when t is not the text
// lowered last. Two strings with the same data pointer and length are the
// same text, strings being immutable.
func (sc *startScan) lowered(t string) []byte {
	if len(t) != len(sc.src) || unsafe.StringData(t) != unsafe.StringData(sc.src) || sc.low == nil {
		sc.low = appendASCIILower(sc.low[:0], t)
		sc.src = t
	}
	return sc.low
}
