package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/parlance-go/parlance/corpus"
)

// IDStride separates the ids of resampled copies: copy c of the base record
// with id x gets id c*IDStride + x, so ids stay unique while every base id
// is below IDStride, and an id still says which real answer it copies.
const IDStride = 10_000_000

// FullText is one line of the API's full-text JSON Lines, as the shared
// corpus stores it: answerText is HTML, or null when unanswered.
type FullText struct {
	ID           int64   `json:"id"`
	QuestionText *string `json:"questionText"`
	AnswerText   *string `json:"answerText"`
}

// LoadFullTexts reads every line of the full-text files (*.jsonl.gz or
// *.jsonl) in dir, in file-name order and then line order (corpus.Open's
// order). A line that does not decode is an error naming file and line.
func LoadFullTexts(dir string) ([]FullText, error) {
	var names []string
	for _, pat := range []string{"*.jsonl.gz", "*.jsonl"} {
		m, err := filepath.Glob(filepath.Join(dir, pat))
		if err != nil {
			return nil, err
		}
		names = append(names, m...)
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, fmt.Errorf("no full-text files (*.jsonl.gz, *.jsonl) in %s", dir)
	}
	var out []FullText
	for _, name := range names {
		recs, err := readFullTextFile(name)
		if err != nil {
			return nil, err
		}
		out = append(out, recs...)
	}
	return out, nil
}

func readFullTextFile(name string) ([]FullText, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		defer zr.Close()
		r = zr
	}
	br := bufio.NewReaderSize(r, 1<<20)
	var out []FullText
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(b)) > 0 {
			var ft FullText
			if jerr := json.Unmarshal(b, &ft); jerr != nil {
				return nil, fmt.Errorf("%s: line %d: %w", name, line, jerr)
			}
			if ft.ID <= 0 {
				return nil, fmt.Errorf("%s: line %d: id: want a positive integer, found %d", name, line, ft.ID)
			}
			out = append(out, ft)
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: line %d: %w", name, line, err)
		}
	}
}

// Resampler makes any number of answers out of a base of real full texts.
// Record i is copy c = i / len(base) of the base, taken in a random order
// (a permutation per copy); copy 0 is the real records unchanged, and in
// every later copy one number and one word of the answer (when it has
// them) and one word of the question after its addressee are replaced at
// random (keeping the addressee, which names the answering body), so that
// no copy is an exact duplicate of its original nor shares its question's
// cache entry. Record i depends only on the seed,
// i and the base, so files can be written in parallel and any prefix of
// the stream is the same whatever the total.
type Resampler struct {
	base  []FullText
	vocab []string // distinct lower-case words of 3+ ASCII letters in the base answers, sorted
	seed  uint64
	reg   *corpus.Registry

	mu    sync.Mutex
	perms map[int][]int
}

// NewResampler checks that the base ids are unique and below IDStride and
// collects the replacement vocabulary.
func NewResampler(base []FullText, seed uint64) (*Resampler, error) {
	if len(base) == 0 {
		return nil, fmt.Errorf("resample: empty base")
	}
	seen := make(map[int64]bool, len(base))
	words := map[string]bool{}
	for _, ft := range base {
		if ft.ID >= IDStride {
			return nil, fmt.Errorf("resample: id %d is not below %d", ft.ID, IDStride)
		}
		if seen[ft.ID] {
			return nil, fmt.Errorf("resample: id %d occurs twice in the base", ft.ID)
		}
		seen[ft.ID] = true
		if ft.AnswerText != nil {
			for _, t := range scanTokens(*ft.AnswerText) {
				if t.word && t.end-t.start >= 3 {
					words[strings.ToLower((*ft.AnswerText)[t.start:t.end])] = true
				}
			}
		}
	}
	vocab := make([]string, 0, len(words))
	for w := range words {
		vocab = append(vocab, w)
	}
	sort.Strings(vocab)
	if len(vocab) < 2 {
		return nil, fmt.Errorf("resample: the base answers have fewer than 2 distinct words")
	}
	return &Resampler{base: base, vocab: vocab, seed: seed, reg: corpus.DefaultRegistry(), perms: map[int][]int{}}, nil
}

// perm returns copy c's order of the base.
func (r *Resampler) perm(c int) []int {
	r.mu.Lock()
	defer r.mu.Unlock()
	p, ok := r.perms[c]
	if !ok {
		p = rand.New(rand.NewPCG(r.seed, 1<<62|uint64(c))).Perm(len(r.base))
		r.perms[c] = p
	}
	return p
}

// Record returns record i of the resampled stream.
func (r *Resampler) Record(i int) FullText {
	c, k := i/len(r.base), i%len(r.base)
	orig := r.base[r.perm(c)[k]]
	if c == 0 {
		return orig
	}
	rng := rand.New(rand.NewPCG(r.seed, uint64(i)))
	out := FullText{ID: int64(c)*IDStride + orig.ID, QuestionText: orig.QuestionText}
	if orig.AnswerText != nil {
		a := r.varyNumber(rng, *orig.AnswerText)
		a = r.varyWord(rng, a, 0)
		out.AnswerText = &a
	}
	if orig.QuestionText != nil {
		q := r.varyQuestion(rng, *orig.QuestionText)
		out.QuestionText = &q
	}
	return out
}

// addresseeEnd finds the end of a question's addressee: the first comma
// followed by a lower-case word ("To ask the Secretary of State for
// Foreign, Commonwealth and Development Affairs, what …").
var addresseeEnd = regexp.MustCompile(`, +[a-z]`)

// varyQuestion replaces one word of q after its addressee, which names the
// answering body, and checks with parlance's registry of bodies that the
// body read from the question is still the same (trying up to four
// times); q is returned unchanged if no word can be varied so.
func (r *Resampler) varyQuestion(rng *rand.Rand, q string) string {
	loc := addresseeEnd.FindStringIndex(q)
	if loc == nil {
		return q
	}
	body, known := r.reg.FromAddressee(q)
	for range 4 {
		v := r.varyWord(rng, q, loc[1]-1)
		if b, ok := r.reg.FromAddressee(v); ok == known && b.Name == body.Name {
			return v
		}
	}
	return q
}

// token is a run of ASCII letters (word) or digits in the text of an HTML
// fragment, outside tags and character references.
type token struct {
	start, end int
	word       bool
}

// scanTokens finds the words and numbers of s that lie outside HTML tags
// ("<p class=x>") and character references ("&amp;", "&#160;"), so that
// replacing one never breaks the markup. A run of letters and digits
// together ("S106", "2nd") is neither.
func scanTokens(s string) []token {
	var out []token
	for i := 0; i < len(s); {
		switch ch := s[i]; {
		case ch == '<':
			if j := strings.IndexByte(s[i:], '>'); j >= 0 {
				i += j + 1
				continue
			}
			i++
		case ch == '&':
			j := i + 1
			for j < len(s) && j-i <= 10 && (isLetter(s[j]) || isDigit(s[j]) || s[j] == '#') {
				j++
			}
			if j < len(s) && s[j] == ';' {
				i = j + 1
				continue
			}
			i++
		case isLetter(ch) || isDigit(ch):
			j := i
			letters, digits := false, false
			for j < len(s) && (isLetter(s[j]) || isDigit(s[j])) {
				letters = letters || isLetter(s[j])
				digits = digits || isDigit(s[j])
				j++
			}
			// A word glued to non-ASCII letters ("café") is not a word.
			if !(letters && digits) && (j == len(s) || s[j] < 0x80) && (i == 0 || s[i-1] < 0x80) {
				out = append(out, token{start: i, end: j, word: letters})
			}
			i = j
		default:
			i++
		}
	}
	return out
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
func isDigit(b byte) bool  { return b >= '0' && b <= '9' }

// varyNumber replaces one number of s, chosen at random, by a different
// one of as many digits (a leading zero stays a leading zero, a leading
// non-zero digit stays non-zero). s is returned unchanged if it has none.
func (r *Resampler) varyNumber(rng *rand.Rand, s string) string {
	var nums []token
	for _, t := range scanTokens(s) {
		if !t.word {
			nums = append(nums, t)
		}
	}
	if len(nums) == 0 {
		return s
	}
	t := nums[rng.IntN(len(nums))]
	old := s[t.start:t.end]
	b := []byte(old)
	for string(b) == old {
		for j := range b {
			switch {
			case j == 0 && len(b) > 1 && old[0] != '0':
				b[j] = byte('1' + rng.IntN(9))
			case j == 0 && len(b) > 1:
				b[j] = '0'
			default:
				b[j] = byte('0' + rng.IntN(10))
			}
		}
	}
	return s[:t.start] + string(b) + s[t.end:]
}

// varyWord replaces one word of 3+ letters of s at or after byte from,
// chosen at random, by a different word of the vocabulary in the same case
// (lower, Capitalised or UPPER). s is returned unchanged if it has none.
func (r *Resampler) varyWord(rng *rand.Rand, s string, from int) string {
	var words []token
	for _, t := range scanTokens(s) {
		if t.word && t.start >= from && t.end-t.start >= 3 {
			words = append(words, t)
		}
	}
	if len(words) == 0 {
		return s
	}
	t := words[rng.IntN(len(words))]
	old := s[t.start:t.end]
	w := old
	for strings.EqualFold(w, old) {
		w = r.vocab[rng.IntN(len(r.vocab))]
	}
	switch {
	case strings.ToUpper(old) == old:
		w = strings.ToUpper(w)
	case old[0] >= 'A' && old[0] <= 'Z':
		w = strings.ToUpper(w[:1]) + w[1:]
	}
	return s[:t.start] + w + s[t.end:]
}

// span is a file of resampled records [from, to).
type span struct {
	name     string
	from, to int
}

// planFiles lays out the files for the sizes: full chunks of chunk records
// up to the largest size, and for each size that is not a multiple of
// chunk a tail file with its last records. It returns the spans to write
// and, for each size, the files that make it up (in stream order).
func planFiles(dir string, sizes []int, chunk int) ([]span, map[int][]string) {
	maxN := 0
	for _, n := range sizes {
		maxN = max(maxN, n)
	}
	var spans []span
	full := func(k int) string { return filepath.Join(dir, fmt.Sprintf("part-%04d.jsonl.gz", k)) }
	for k := 0; (k+1)*chunk <= maxN; k++ {
		spans = append(spans, span{full(k), k * chunk, (k + 1) * chunk})
	}
	files := map[int][]string{}
	for _, n := range sizes {
		var fs []string
		k := 0
		for ; (k+1)*chunk <= n; k++ {
			fs = append(fs, full(k))
		}
		if n%chunk != 0 {
			tail := filepath.Join(dir, fmt.Sprintf("part-%04d-to-%d.jsonl.gz", k, n))
			if _, dup := files[n]; !dup {
				spans = append(spans, span{tail, k * chunk, n})
			}
			fs = append(fs, tail)
		}
		files[n] = fs
	}
	return spans, files
}

// writeSpan writes records [sp.from, sp.to) as gzipped JSON Lines, first
// to a temporary name and then renamed, so a file that exists is whole.
// Records are generated one at a time: memory does not grow with the size.
func (r *Resampler) writeSpan(sp span) error {
	tmp := sp.name + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	zw := gzip.NewWriter(f)
	bw := bufio.NewWriterSize(zw, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := sp.from; i < sp.to; i++ {
		if err := enc.Encode(r.Record(i)); err != nil {
			f.Close()
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, sp.name)
}

// writeSpans writes the spans with the given number of workers, skipping
// files already there (a -work directory reused with the same manifest).
func (r *Resampler) writeSpans(spans []span, workers int) error {
	jobs := make(chan span)
	errs := make(chan error, len(spans))
	var wg sync.WaitGroup
	for w := 0; w < max(workers, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for sp := range jobs {
				if _, err := os.Stat(sp.name); err == nil {
					continue
				}
				if err := r.writeSpan(sp); err != nil {
					errs <- fmt.Errorf("writing %s: %w", sp.name, err)
				}
			}
		}()
	}
	for _, sp := range spans {
		jobs <- sp
	}
	close(jobs)
	wg.Wait()
	close(errs)
	return <-errs
}
