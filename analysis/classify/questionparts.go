package classify

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/jdkato/prose/v2"

	"github.com/parlance-go/parlance/analysis/text"
)

// QuestionPart is one part of a question as ReadQuestionParts reads it: the
// parts are those of ReadQuestion (clauses split at "; and", "; ", "?" and
// ", and if/whether/what …"), each with what the part-of-speech tagger
// finds in it.
type QuestionPart struct {
	// Start and End are the part's byte offsets in the question.
	Start, End int
	// Want is what the part asks for (see ReadQuestion).
	Want Want
	// Form is the part's question word with the word that completes it, in
	// lower case: "how many", "how much", "whether", "if", "when", "what
	// steps", "what assessment", "which schools", "why"; empty when the part
	// has no question word.
	Form string
	// Nouns are the head nouns after the question word, in order, lower
	// case, without repeats: the last common noun (tags NN, NNS) of each
	// run of nouns, so "how many police officers" gives "officers".
	Nouns []string
	// Verbs are the main verbs after the question word, in order, lower
	// case, without repeats: words tagged VB* other than forms of be,
	// have and do and the modals (which are tagged MD).
	Verbs []string
}

// String renders the part for evidence: "how-many: how many; nouns
// officers, forces; verbs recruited".
func (p QuestionPart) String() string {
	var b strings.Builder
	b.WriteString(string(p.Want))
	if p.Form != "" {
		b.WriteString(": " + p.Form)
	}
	if len(p.Nouns) > 0 {
		b.WriteString("; nouns " + strings.Join(p.Nouns, ", "))
	}
	if len(p.Verbs) > 0 {
		b.WriteString("; verbs " + strings.Join(p.Verbs, ", "))
	}
	return b.String()
}

// defaultTagger returns the process's text.Tagger (prose's model,
// deterministic on ties; loaded once).
func defaultTagger() *text.Tagger {
	tagger, err := text.DefaultTagger()
	if err != nil {
		panic(fmt.Sprintf("classify: loading the part-of-speech tagger: %v", err))
	}
	return tagger
}

// partWords holds the words of a question part and their part-of-speech
// tags, kept for reuse: questions are tagged by the million.
type partWords struct{ words, tags []string }

var partWordsPool = sync.Pool{New: func() any { return new(partWords) }}

// proseWords returns the words prose's tokenizer finds in s. The tokenizer
// splits s at white space (unicode.IsSpace) and then each stretch between
// on its own (quotes and brackets off, "don't" into "do" and "n't"), so
// the words of s are those of its stretches in turn; a stretch seen before
// is answered from a bounded cache, since a question's words are mostly
// common ones.
func proseWords(s string) []string { return appendProseWords(nil, s) }

// appendProseWords appends proseWords(s) to words.
func appendProseWords(words []string, s string) []string {
	for run := range strings.FieldsFuncSeq(s, unicode.IsSpace) {
		if isAlnum(run) {
			// Letters and digits alone: the tokenizer splits nothing off
			// (its prefixes, suffixes and clitics all hold punctuation,
			// and its emoticons of letters alone, "xD", stay whole).
			// Most words are such, and skip the cache and its lock.
			words = append(words, run)
			continue
		}
		words = append(words, runWords(run)...)
	}
	return words
}

// isAlnum reports whether s is ASCII letters and digits only.
func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20 // folds A–Z onto a–z; digits stay digits
		if !('a' <= c && c <= 'z' || '0' <= s[i] && s[i] <= '9') {
			return false
		}
	}
	return true
}

// runCacheShardSize bounds the cache of proseWords' stretches.
const runCacheShardSize = 1 << 14

// runCache and questionCache are locked by every worker for every
// question: the padding keeps each on a cache line of its own, so that
// one worker's lock does not evict the other's.
var runCache struct {
	_ [64]byte
	sync.Mutex
	m map[string][]string
	_ [64]byte
}

// runWords returns prose's words of a stretch of text without white space.
func runWords(run string) []string {
	runCache.Lock()
	ws, ok := runCache.m[run]
	runCache.Unlock()
	if ok {
		return ws
	}
	ws = tokenizeProse(run)
	runCache.Lock()
	if runCache.m == nil || len(runCache.m) >= runCacheShardSize {
		runCache.m = make(map[string][]string)
	}
	runCache.m[strings.Clone(run)] = ws
	runCache.Unlock()
	return ws
}

// tokenizeProse returns the words prose's tokenizer finds in s, from prose
// itself.
func tokenizeProse(s string) []string {
	doc, err := prose.NewDocument(s, prose.WithTagging(false),
		prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		return nil
	}
	toks := doc.Tokens()
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Text
	}
	return words
}

// questionCacheSize bounds the cache of read questions. Round robins repeat
// one text to many bodies within days, so a small cache catches them while
// memory stays bounded on a corpus of millions of distinct questions.
const questionCacheSize = 4096

var questionCache struct {
	_ [64]byte
	sync.Mutex
	m map[string][]QuestionPart
	_ [64]byte
}

// ReadQuestionParts splits a question into its parts and tags each with
// prose's averaged-perceptron part-of-speech tagger (Penn Treebank tags) to
// find its question word, head nouns and main verbs. A text read before is
// answered from a bounded cache, so a round robin's shared text is tagged
// once. The result must not be modified.
func ReadQuestionParts(q string) []QuestionPart {
	return readQuestionParts(q, QuestionForm{})
}

// readQuestionParts is ReadQuestionParts for a question whose ReadQuestion
// the caller has read already (f), or not (f the zero QuestionForm).
func readQuestionParts(q string, f QuestionForm) []QuestionPart {
	questionCache.Lock()
	parts, ok := questionCache.m[q]
	questionCache.Unlock()
	if ok {
		return parts
	}
	if f.Parts == nil {
		f = ReadQuestion(q)
	}
	parts = tagParts(q, f)
	questionCache.Lock()
	if questionCache.m == nil || len(questionCache.m) >= questionCacheSize {
		questionCache.m = make(map[string][]QuestionPart, questionCacheSize)
	}
	questionCache.m[q] = parts
	questionCache.Unlock()
	return parts
}

// tagQuestionParts is ReadQuestionParts without the cache.
func tagQuestionParts(q string) []QuestionPart { return tagParts(q, ReadQuestion(q)) }

// tagParts tags the parts f of question q.
func tagParts(q string, f QuestionForm) []QuestionPart {
	if len(f.Parts) == 0 {
		return nil
	}
	parts := make([]QuestionPart, len(f.Parts))
	tagger := defaultTagger()
	pw := partWordsPool.Get().(*partWords)
	defer partWordsPool.Put(pw)
	for i, w := range f.Parts {
		start, end := f.Spans[i][0], f.Spans[i][1]
		for start < end && strings.ContainsRune(" \t\r\n", rune(q[start])) {
			start++
		}
		p := QuestionPart{Start: start, End: trimEnd(q, start, end), Want: w}
		// Only the words from the question word on are read, so the
		// addressee before it ("To ask the Secretary of State for …,") is
		// not tagged: it is a third of a typical question's words.
		from := p.Start
		if loc := reQWord.first(q[p.Start:p.End]); loc != nil {
			from += loc[0]
		}
		pw.words = appendProseWords(pw.words[:0], q[from:p.End])
		pw.tags = tagger.AppendTags(pw.tags[:0], pw.words)
		readTags(&p, pw.words, pw.tags)
		clear(pw.words) // keeps no question alive in the pool
		parts[i] = p
	}
	return parts
}

// trimEnd moves end back over white space and the separators between parts.
func trimEnd(q string, start, end int) int {
	for end > start && strings.ContainsRune(" \t\r\n;,.?", rune(q[end-1])) {
		end--
	}
	return end
}

// whWords start a question form.
var whWords = map[string]bool{
	"what": true, "which": true, "how": true, "when": true, "why": true, "who": true,
	"whom": true, "whose": true, "where": true, "whether": true, "if": true,
}

// auxiliaries are verbs that carry tense or mood, not what is asked.
var auxiliaries = map[string]bool{
	"be": true, "is": true, "are": true, "was": true, "were": true, "been": true, "being": true, "am": true,
	"have": true, "has": true, "had": true, "having": true,
	"do": true, "does": true, "did": true,
}

// clauseTag are the tags of words that start a clause after "what" or
// "which" rather than complete the question word: determiners, pronouns,
// modals, prepositions.
var clauseTag = map[string]bool{"DT": true, "PRP": true, "PRP$": true, "MD": true, "IN": true, "TO": true, "WDT": true, "WP": true, "CC": true, "PDT": true, "EX": true}

// readTags fills p's Form, Nouns and Verbs from the part's words and
// their tags.
func readTags(p *QuestionPart, words, tags []string) {
	wh := -1
	for i, w := range words {
		if whWords[strings.ToLower(w)] {
			wh = i
			break
		}
	}
	if wh < 0 {
		return
	}
	form := strings.ToLower(words[wh])
	// A word is added once, to the first list it is added to; the lists
	// are short, so they are searched rather than indexed.
	add := func(list *[]string, w string) {
		w = strings.ToLower(w)
		if !slices.Contains(p.Nouns, w) && !slices.Contains(p.Verbs, w) {
			*list = append(*list, w)
		}
	}
	from := wh + 1
	if wh+1 < len(words) {
		nw, nextTag := strings.ToLower(words[wh+1]), tags[wh+1]
		switch form {
		case "what", "which":
			// "what steps", "which schools": the next word is what is
			// asked about, whatever the tagger calls it ("steps" is often
			// taken for a verb), unless it starts a clause ("what the",
			// "what his", "what is", "what will").
			if isWord(nw) && !auxiliaries[nw] && !clauseTag[nextTag] {
				form += " " + nw
				if !strings.HasPrefix(nextTag, "JJ") {
					add(&p.Nouns, nw)
				}
				from = wh + 2
			}
		case "how":
			// "how many", "how much", "how often", "how long".
			if strings.HasPrefix(nextTag, "JJ") || strings.HasPrefix(nextTag, "RB") {
				form += " " + nw
				from = wh + 2
			}
		}
	}
	p.Form = form
	for i := from; i < len(words); i++ {
		w, tag := words[i], tags[i]
		switch {
		case tag == "NN" || tag == "NNS":
			if i+1 < len(words) && (tags[i+1] == "NN" || tags[i+1] == "NNS") {
				continue // not the head of its run
			}
			if isWord(w) {
				add(&p.Nouns, w)
			}
		case strings.HasPrefix(tag, "VB"):
			if !auxiliaries[strings.ToLower(w)] && isWord(w) {
				add(&p.Verbs, w)
			}
		}
	}
}

// isWord reports whether s has two letters or more: the tagger calls some
// symbols, numbers and item letters ("(b)") nouns.
func isWord(s string) bool {
	n := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			n++
		}
	}
	return n >= 2
}
