package classify

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Cue is one pattern of wording that signals a refusal ground.
//
// Pattern is a Go regular expression matched case-insensitively against each
// sentence of an answer. Name labels the cue in evidence and defaults to the
// pattern itself. Weight is the cue's strength in (0, 1]; the zero value
// means 1. A ground fires in a sentence when any of its cues match there; the
// strongest matching cue's weight is what the ground contributes to the
// verdict's confidence. Role marks a cue the classifier reads in a special
// way; the only role is RoleEachOwn. Comment says why the cue is there.
//
// Each pattern is tried only on sentences containing the literal words it
// cannot match without, derived from the pattern itself, so a cue is as fast
// as its wording allows and never misses a match it would otherwise find.
type Cue struct {
	Ground  Ground
	Pattern string
	Name    string
	Weight  float64
	Role    string
	Comment string
	// Deprecated: the words a pattern needs are derived from it; Keywords
	// is ignored.
	Keywords []string
}

// RoleEachOwn marks an other-body cue saying that each department or body
// is responsible for its own affairs ("each Department is responsible for
// its own procurement"): not a refusal where the answer covers the
// answering department's own part.
const RoleEachOwn = "each-own"

// Lexicon is the set of cues the classifier uses to find refusal grounds,
// and the precedence that settles which of the grounds found in one
// sentence stand. The zero value (no cues) makes a Classifier use
// DefaultLexicon. Users may add to or replace DefaultLexicon's cues (With),
// or add cues for grounds of their own (Ground is a plain string).
type Lexicon struct {
	Cues []Cue
	// Precedence lists which grounds give way to which within a sentence;
	// nil means DefaultPrecedence().
	Precedence []Yield
}

// compiledCue is a Cue with its regexp compiled once, as its top-level
// alternatives (see gatedRegexp), each tried only where its gate is open.
type compiledCue struct {
	Cue
	branches []compiledBranch
}

// compiledBranch is one top-level alternative of a cue's pattern.
type compiledBranch struct {
	re *regexp.Regexp
	// gate indexes the branch's keyword sets in compiledLexicon.gates; -1
	// for a branch that needs no literal.
	gate int
	// anchored finds the branch's first match by trying it only where a
	// match can start (see startAnchored).
	anchored *lazyAnchored
}

// find returns the offsets of the branch's leftmost match in s, or nil.
func (b compiledBranch) find(s string) []int {
	if sa := b.anchored.get(); sa != nil {
		if loc, ok := sa.findFirst(s); ok {
			return loc
		}
	}
	return b.re.FindStringIndex(s)
}

// compiledLexicon is a Lexicon ready to match.
type compiledLexicon struct {
	cues []compiledCue
	// gates are the distinct gates of the cues' branches, each opened or
	// not once per sentence.
	gates []litGate
	// precedence is the lexicon's Precedence, or DefaultPrecedence.
	precedence []Yield
}

// compile compiles every cue case-insensitively.
func (l Lexicon) compile() (*compiledLexicon, error) {
	out := &compiledLexicon{cues: make([]compiledCue, 0, len(l.Cues)), precedence: l.Precedence}
	if out.precedence == nil {
		out.precedence = DefaultPrecedence()
	}
	gateOf := map[string]int{}
	for i, c := range l.Cues {
		re, err := regexp.Compile("(?i)" + c.Pattern)
		if err != nil {
			return nil, fmt.Errorf("classify: lexicon cue %d (%s): %w", i+1, c.Ground, err)
		}
		if c.Weight == 0 {
			c.Weight = 1
		}
		if c.Name == "" {
			c.Name = c.Pattern
		}
		cc := compiledCue{Cue: c, branches: out.branches("(?i)"+c.Pattern, re, gateOf)}
		out.cues = append(out.cues, cc)
	}
	return out, nil
}

// branches compiles pattern's top-level alternatives (topBranches), each
// with its gate added to cl.gates once (gateOf maps a gate's key to its
// index); whole is pattern compiled, used when pattern is one branch or a
// branch does not compile alone.
func (cl *compiledLexicon) branches(pattern string, whole *regexp.Regexp, gateOf map[string]int) []compiledBranch {
	parts := topBranches(pattern)
	res := make([]*regexp.Regexp, len(parts))
	for i, p := range parts {
		if len(parts) == 1 {
			res[i] = whole
			break
		}
		re, err := regexp.Compile(p)
		if err != nil {
			parts, res = []string{pattern}, []*regexp.Regexp{whole}
			break
		}
		res[i] = re
	}
	out := make([]compiledBranch, len(parts))
	for i, p := range parts {
		out[i] = compiledBranch{re: res[i], gate: -1, anchored: &lazyAnchored{pattern: p}}
		if lits := literalGate(p); lits != nil {
			k := fmt.Sprint(lits)
			g, ok := gateOf[k]
			if !ok {
				g = len(cl.gates)
				gateOf[k] = g
				cl.gates = append(cl.gates, literals.compile(lits))
			}
			out[i].gate = g
		}
	}
	return out
}

// groundHit is one ground found in one piece of text.
type groundHit struct {
	ground     Ground
	cue        string
	weight     float64
	start, end int // of the match, relative to the text matched
	role       string
}

// match returns the grounds whose cues match s, one hit per ground (the
// strongest cue, earliest on ties), in lexicon order of first appearance.
func (cl *compiledLexicon) match(s string) []groundHit {
	return cl.matchScanned(s, scanText(s))
}

// matchScanned is match on s, whose literals x tells.
func (cl *compiledLexicon) matchScanned(s string, x textLits) []groundHit {
	var hits []groundHit
	// open[g] is 0 when gate g is not yet looked for, 1 when one of its
	// keywords occurs, 2 when none does.
	var buf [512]uint8
	open := buf[:0]
	if len(cl.gates) <= len(buf) {
		open = buf[:len(cl.gates)]
	} else {
		open = make([]uint8, len(cl.gates))
	}
	for _, c := range cl.cues {
		// The leftmost of the branches' matches, the first on ties: the
		// match of the whole pattern (see gatedRegexp).
		var loc []int
		for _, b := range c.branches {
			if b.gate >= 0 {
				if open[b.gate] == 0 {
					open[b.gate] = 2
					if cl.gates[b.gate].open(x) {
						open[b.gate] = 1
					}
				}
				if open[b.gate] == 2 {
					continue
				}
			}
			if l := b.find(s); l != nil && (loc == nil || l[0] < loc[0]) {
				loc = l
				if loc[0] == 0 {
					break
				}
			}
		}
		if loc == nil {
			continue
		}
		found := false
		for i := range hits {
			if hits[i].ground == c.Ground {
				found = true
				if c.Weight > hits[i].weight {
					hits[i] = groundHit{c.Ground, c.Name, c.Weight, loc[0], loc[1], c.Role}
				}
			}
		}
		if !found {
			hits = append(hits, groundHit{c.Ground, c.Name, c.Weight, loc[0], loc[1], c.Role})
		}
	}
	return hits
}

// containsAny reports whether s contains any of the substrings.
func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// lexiconColumns are the columns of the lexicon file format, in the order
// WriteLexicon writes them.
var lexiconColumns = []string{"ground", "name", "weight", "role", "pattern", "comment"}

// ReadLexicon reads cues from a tab-separated file. Lines starting with
// '#' and blank lines are ignored. The first other line may be a header
// naming the columns, any of ground, name, weight, role, pattern, comment
// in any order (ground and pattern required), as WriteLexicon writes and
// as the built-in lexicon (lexicon.tsv) is kept; without a header each
// line is "ground<TAB>pattern[<TAB>weight]". An empty weight means 1, an
// empty name the pattern itself. Patterns are checked by compiling them;
// errors name the file, line and field.
func ReadLexicon(r io.Reader, name string) (Lexicon, error) {
	var lex Lexicon
	var cols map[string]int // nil: the headerless format
	first := true
	err := eachTSVLine(r, name, func(line int, f []string) error {
		if first {
			first = false
			if isLexiconHeader(f) {
				var err error
				if cols, err = lexiconHeader(f); err != nil {
					return fmt.Errorf("%s: line %d: header: %v", name, line, err)
				}
				return nil
			}
		}
		c, err := lexiconLine(f, cols)
		if err != nil {
			return fmt.Errorf("%s: line %d: %v", name, line, err)
		}
		lex.Cues = append(lex.Cues, c)
		return nil
	})
	if err != nil {
		return Lexicon{}, err
	}
	return lex, nil
}

// isLexiconHeader reports whether a first line names columns: all its
// fields are column names, or it starts with "ground" (a header with a
// misspelt column, which lexiconHeader then reports).
func isLexiconHeader(f []string) bool {
	if strings.TrimSpace(f[0]) == "ground" {
		return true
	}
	for _, x := range f {
		if !slices.Contains(lexiconColumns, strings.TrimSpace(x)) {
			return false
		}
	}
	return true
}

func lexiconHeader(f []string) (map[string]int, error) {
	cols := map[string]int{}
	for i, h := range f {
		h = strings.TrimSpace(h)
		if !slices.Contains(lexiconColumns, h) {
			return nil, fmt.Errorf("unknown column %q (want %s)", h, strings.Join(lexiconColumns, ", "))
		}
		if _, dup := cols[h]; dup {
			return nil, fmt.Errorf("column %q twice", h)
		}
		cols[h] = i
	}
	for _, need := range []string{"ground", "pattern"} {
		if _, ok := cols[need]; !ok {
			return nil, fmt.Errorf("no %q column", need)
		}
	}
	return cols, nil
}

// lexiconLine reads one cue, by the header's columns or, with none, as
// ground, pattern[, weight].
func lexiconLine(f []string, cols map[string]int) (Cue, error) {
	if cols == nil {
		if len(f) < 2 || len(f) > 3 {
			return Cue{}, fmt.Errorf("want 2 or 3 tab-separated fields (ground, pattern[, weight]), got %d", len(f))
		}
		cols = map[string]int{"ground": 0, "pattern": 1}
		if len(f) == 3 {
			cols["weight"] = 2
		}
	} else if len(f) != len(cols) {
		return Cue{}, fmt.Errorf("want %d tab-separated fields as the header says, got %d", len(cols), len(f))
	}
	get := func(col string) string {
		if i, ok := cols[col]; ok {
			return f[i]
		}
		return ""
	}
	c := Cue{
		Ground:  Ground(strings.TrimSpace(get("ground"))),
		Pattern: get("pattern"),
		Name:    strings.TrimSpace(get("name")),
		Role:    strings.TrimSpace(get("role")),
		Comment: strings.TrimSpace(get("comment")),
	}
	if c.Ground == "" {
		return Cue{}, fmt.Errorf("field ground: empty")
	}
	if strings.TrimSpace(c.Pattern) == "" {
		return Cue{}, fmt.Errorf("field pattern: empty")
	}
	if _, err := regexp.Compile("(?i)" + c.Pattern); err != nil {
		return Cue{}, fmt.Errorf("field pattern: %v", err)
	}
	if c.Role != "" && c.Role != RoleEachOwn {
		return Cue{}, fmt.Errorf("field role: %q is not a role (the only one is %q)", c.Role, RoleEachOwn)
	}
	if w := strings.TrimSpace(get("weight")); w != "" {
		x, err := strconv.ParseFloat(w, 64)
		if err != nil || x <= 0 || x > 1 {
			return Cue{}, fmt.Errorf("field weight: %q is not a number in (0, 1]", w)
		}
		c.Weight = x
	}
	return c, nil
}

// WriteLexicon writes the cues of lex in the format ReadLexicon reads, with
// a header: ReadLexicon(WriteLexicon(lex)) gives lex's cues back, less
// Keywords. Tabs and line breaks cannot be written in a field.
func WriteLexicon(w io.Writer, lex Lexicon) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(strings.Join(lexiconColumns, "\t") + "\n")
	for i, c := range lex.Cues {
		weight := ""
		if c.Weight != 0 {
			weight = strconv.FormatFloat(c.Weight, 'g', -1, 64)
		}
		f := []string{string(c.Ground), c.Name, weight, c.Role, c.Pattern, c.Comment}
		for j, x := range f {
			if strings.ContainsAny(x, "\t\r\n") {
				return fmt.Errorf("classify: lexicon cue %d: field %s holds a tab or line break", i+1, lexiconColumns[j])
			}
		}
		bw.WriteString(strings.Join(f, "\t") + "\n")
	}
	return bw.Flush()
}

// With returns lex with more's cues: a cue of more with the ground and
// name of one of lex's replaces it in place; the others are appended in
// order. more's Precedence, if set, is appended to lex's (or to the
// default). Neither lexicon is modified.
func (lex Lexicon) With(more Lexicon) Lexicon {
	out := Lexicon{Cues: slices.Clone(lex.Cues)}
	at := map[[2]string]int{}
	for i, c := range out.Cues {
		at[[2]string{string(c.Ground), c.Name}] = i
	}
	for _, c := range more.Cues {
		if i, ok := at[[2]string{string(c.Ground), c.Name}]; ok && c.Name != "" {
			out.Cues[i] = c
			continue
		}
		out.Cues = append(out.Cues, c)
	}
	if more.Precedence != nil {
		base := lex.Precedence
		if base == nil {
			base = DefaultPrecedence()
		}
		out.Precedence = append(slices.Clone(base), more.Precedence...)
	} else {
		out.Precedence = slices.Clone(lex.Precedence)
	}
	return out
}

//go:embed lexicon.tsv
var defaultLexiconTSV string

var (
	defaultOnce     sync.Once
	defaultLex      Lexicon
	defaultCompiled *compiledLexicon
)

func loadDefault() {
	defaultOnce.Do(func() {
		lex, err := ReadLexicon(strings.NewReader(defaultLexiconTSV), "lexicon.tsv")
		if err != nil {
			panic(err) // the embedded file is tested
		}
		prec, err := ReadPrecedence(strings.NewReader(defaultPrecedenceTSV), "precedence.tsv")
		if err != nil {
			panic(err)
		}
		lex.Precedence = prec
		defaultLex = lex
		if defaultCompiled, err = lex.compile(); err != nil {
			panic(err)
		}
	})
}

// DefaultLexicon returns the built-in cues for the codebook's grounds
// (CODEBOOK.md), kept in the embedded file lexicon.tsv: written from the
// codebook's cue lists and from the stock refusal wordings departments use
// across the corpus (examples/lexicon-gaps is how). Each call returns a
// fresh copy that the caller may modify.
func DefaultLexicon() Lexicon {
	loadDefault()
	return Lexicon{Cues: slices.Clone(defaultLex.Cues), Precedence: slices.Clone(defaultLex.Precedence)}
}

// compiledDefault returns DefaultLexicon compiled once per process.
func compiledDefault() *compiledLexicon {
	loadDefault()
	return defaultCompiled
}
