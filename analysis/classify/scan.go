package classify

import (
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/coregx/ahocorasick"
)

// The literal prefilter. Every gate (see gate) names literal strings its
// expression cannot match without; the process registers each distinct
// literal once, and one Aho–Corasick automaton over all of them finds, in a
// single pass over a sentence, every literal the sentence contains. A gate
// is then a few bit tests instead of a substring search per literal, and
// an expression runs only on sentences holding the words it needs.

// gateLit is one literal of a gate: its text, lower-cased by foldLower,
// and its index in the literal table.
type gateLit struct {
	id int
	s  string
}

// litGate is a gate compiled against the literal table: every set must
// have a member in the text.
type litGate [][]gateLit

// textLits tells which literals a lower-cased text contains.
type textLits interface {
	contains(l gateLit) bool
}

// lowerText is a lower-cased text searched literal by literal: for texts
// looked at once, where building a scan would cost more than it saves.
type lowerText string

func (t lowerText) contains(l gateLit) bool { return strings.Contains(string(t), l.s) }

// open reports whether every set of g has a literal in x. The nil gate, of
// an expression that needs no literal, is always open.
func (g litGate) open(x textLits) bool {
	for _, set := range g {
		found := false
		for _, l := range set {
			if x.contains(l) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// literalTable holds every literal any gate registered, in order of
// registration, and the automaton over them, rebuilt when literals were
// added since it was built (a user's lexicon compiled after the default).
type literalTable struct {
	mu      sync.Mutex
	ids     map[string]int
	list    []string
	scanner atomic.Pointer[literalScanner]
}

// literals is the process's literal table.
var literals literalTable

// compile registers g's literals and returns g compiled against the table.
func (t *literalTable) compile(g gate) litGate {
	if g == nil {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.ids == nil {
		t.ids = map[string]int{}
	}
	out := make(litGate, len(g))
	for i, set := range g {
		out[i] = make([]gateLit, len(set))
		for j, s := range set {
			id, ok := t.ids[s]
			if !ok {
				id = len(t.list)
				t.ids[s] = id
				t.list = append(t.list, s)
			}
			out[i][j] = gateLit{id, s}
		}
	}
	return out
}

// current returns an automaton over every literal registered so far.
func (t *literalTable) current() *literalScanner {
	if sc := t.scanner.Load(); sc != nil && sc.n == t.size() {
		return sc
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if sc := t.scanner.Load(); sc != nil && sc.n == len(t.list) {
		return sc
	}
	sc := &literalScanner{n: len(t.list)}
	var long []string
	for id, l := range t.list {
		if len(l) > maxShortLiteral {
			long = append(long, l)
			sc.ids = append(sc.ids, id)
		}
	}
	if len(long) > 0 {
		ac, err := ahocorasick.NewBuilder().AddStrings(long).Build()
		if err != nil {
			// Cannot happen for a non-empty list of non-empty strings;
			// without an automaton every literal is searched for alone.
			sc.n = 0
		}
		sc.ac = ac
	}
	t.scanner.Store(sc)
	return sc
}

func (t *literalTable) size() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.list)
}

// maxShortLiteral is the length up to which a literal is searched for
// alone, when a gate asks, rather than by the automaton: a letter, a
// space or a pair of them ("e", " ", "of") occurs many times in almost
// every sentence, and the automaton would report each occurrence.
const maxShortLiteral = 3

// literalScanner is an Aho–Corasick automaton over the table's first n
// literals longer than maxShortLiteral; ids maps the automaton's pattern
// numbers to the literals' indices in the table.
type literalScanner struct {
	ac  *ahocorasick.Automaton
	n   int
	ids []int
}

// scanned is a sentence prepared for gated matching: its foldLower form
// and the set of the table's literals it contains.
type scanned struct {
	lower string
	// found has bit i set when literal i occurs in lower, for i < n;
	// literals registered after the scan, and short ones
	// (maxShortLiteral), are searched for alone.
	found []uint64
	n     int
	// looked has bit i set when short literal i has been searched for
	// alone (its answer then in found): several gates share one.
	looked []uint64
}

// scanText lower-cases t and finds, in one pass, every registered literal
// it contains.
func scanText(t string) *scanned {
	lower := foldLower(t)
	sc := literals.current()
	words := make([]uint64, 2*((sc.n+63)/64))
	s := &scanned{lower: lower, n: sc.n, found: words[:len(words)/2], looked: words[len(words)/2:]}
	if sc.ac != nil && lower != "" {
		// The automaton reads the text's bytes in place (it writes
		// nothing), instead of a copy of every sentence.
		for _, m := range sc.ac.FindAllOverlapping(unsafe.Slice(unsafe.StringData(lower), len(lower))) {
			id := sc.ids[m.PatternID]
			s.found[id>>6] |= 1 << (id & 63)
		}
	}
	return s
}

func (s *scanned) contains(l gateLit) bool {
	if l.id >= s.n {
		return strings.Contains(s.lower, l.s)
	}
	w, bit := l.id>>6, uint64(1)<<(l.id&63)
	if len(l.s) <= maxShortLiteral && s.looked[w]&bit == 0 {
		s.looked[w] |= bit
		if strings.Contains(s.lower, l.s) {
			s.found[w] |= bit
		}
	}
	return s.found[w]&bit != 0
}
