package classify

import (
	"hash/maphash"
	"strings"
	"sync"

	"github.com/parlance-go/parlance/internal/twogen"
)

// sentenceFacts is what the cues read in a sentence's text alone, before
// the answer's context (its boilerplate families, its department, the
// question's numbers) has its say. The same stock sentence recurs across
// a corpus, so it is read once and remembered (sentenceMemo).
type sentenceFacts struct {
	// hits are the lexicon's grounds (compiledLexicon.match).
	hits                   []groundHit
	table, attach, numWord bool
	nilFigure, direct      bool
	// role is the sentence's role where no ground is found: holding,
	// refusal (cannot answer), pointer, or else roleGeneric when the
	// generic wording matches and the sentence gives no table or direct
	// answer (it is generic unless it also gives a figure), or
	// roleSubstance.
	role role
	// figures are the quantities the sentence states (figureKeys'
	// candidates): it gives a figure if one is not among the question's
	// own numbers. Nil without digits.
	figures []string
}

// hasFigure reports whether the sentence states a quantity the question
// (whose numbers are qnums) does not already give.
func (f *sentenceFacts) hasFigure(qnums map[string]bool) bool {
	for _, k := range f.figures {
		if !qnums[k] {
			return true
		}
	}
	return false
}

// readFacts reads sentence t with the lexicon lex; durations says whether
// the question asks how long (durations are then figures).
func readFacts(t string, durations bool, lex *compiledLexicon) *sentenceFacts {
	// One pass finds every literal any cue needs; each expression then runs
	// only where its literals occur.
	x := scanText(t)
	f := &sentenceFacts{hits: lex.matchScanned(t, x)}
	f.table = isTableLine(t)
	f.attach = reAttached.match(t, x)
	if strings.ContainsAny(t, "0123456789") {
		f.figures = figureKeys(t, x, durations)
	}
	f.numWord = reNumWord.match(t, x)
	f.nilFigure = reNilFigure.match(t, x)
	f.direct = isDirect(t, x)
	switch {
	case reHolding.match(t, x):
		f.role = roleHolding
	case reCannotAnswer.match(t, x):
		f.role = roleRefusal
	case rePointer.match(t, x):
		f.role = rolePointer
	case !f.table && !f.direct && reGeneric.match(t, x):
		f.role = roleGeneric
	default:
		f.role = roleSubstance
	}
	return f
}

// memoShards and memoShardSize bound the memory of a sentenceMemo: each
// shard holds at most two generations of memoShardSize sentences, so the
// memo holds at most 2 × memoShards × memoShardSize sentences (about
// 120 MB). The facts are a function of the text, so what is forgotten is
// only read again.
const (
	memoShards    = 64
	memoShardSize = 4096
)

// sentenceMemo remembers sentenceFacts by sentence text. The zero value is
// ready to use and safe for concurrent use.
//
// Each shard keeps two generations (twogen.Map), so a sentence that recurs
// at least once per generation (the stock sentences that make up
// boilerplate) stays however many one-off sentences pass through, where a
// memo emptied when full would forget the stock sentences with the rest
// and read them again after every flood of new text.
type sentenceMemo struct {
	// size bounds each generation of each shard; zero means memoShardSize.
	size     int
	seedOnce sync.Once
	seed     maphash.Seed
	shards   [memoShards]twogen.Map[memoKey, *sentenceFacts]
}

type memoKey struct {
	text      string
	durations bool
}

// facts returns readFacts(t, durations, lex), read once per text.
func (m *sentenceMemo) facts(t string, durations bool, lex *compiledLexicon) *sentenceFacts {
	if !strings.ContainsAny(t, "0123456789") {
		durations = false // without digits the facts are the same either way
	}
	m.seedOnce.Do(func() { m.seed = maphash.MakeSeed() })
	sh := &m.shards[maphash.String(m.seed, t)%memoShards]
	size := m.size
	if size <= 0 {
		size = memoShardSize
	}
	k := memoKey{t, durations}
	if f, ok := sh.Get(k, size); ok {
		return f
	}
	f := readFacts(t, durations, lex)
	k.text = strings.Clone(t) // not the whole answer t is cut from
	sh.Put(k, f, size)
	return f
}
