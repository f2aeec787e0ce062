package boilerplate

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cespare/xxhash/v2"

	"github.com/parlance-go/parlance/analysis/text"
)

// Config sets the parameters of Find. The zero value of every field means
// its default, chosen by measurement on the shared corpus of 49,450
// full-text answers (see the package's recall test and bench/):
//
//	ShingleSize 3, Hashes 60, Bands 20 (so 3 rows per band),
//	Threshold 0.6, MinAnswers 3, MinWords 6, Seed 1, MaxBucket 200.
type Config struct {
	// ShingleSize is k, the number of consecutive words in a shingle.
	ShingleSize int
	// Hashes is the number of MinHash functions; it must be a multiple of
	// Bands (it is rounded down to one otherwise).
	Hashes int
	// Bands is b, the number of LSH bands; each holds r = Hashes/Bands
	// MinHash values.
	Bands int
	// Threshold is the least Jaccard similarity of two sentences' shingle
	// sets for them to be near-duplicates.
	Threshold float64
	// MinAnswers is the least number of distinct answer texts that must use
	// a family for it to be reported. Distinct texts, not records: one
	// answer given verbatim to five grouped questions is not boilerplate
	// (the 46,343 real answers hold 39,398 distinct answer HTMLs). The
	// default 3 is a judgement: two answers sharing a sentence
	// are as often a pair of related questions answered alike as reuse.
	MinAnswers int
	// MinWords is the least number of words for a sentence to be compared;
	// shorter ones ("Yes.", "The figures are:", table rows) are counted in
	// Stats.Short (13,973 of 244,098 real sentences at the default 6). With
	// 3-word shingles a sentence of under 6 words has at most 3 shingles,
	// so one changed word moves its Jaccard similarity below any useful
	// threshold.
	MinWords int
	// Seed seeds the MinHash functions; a fixed seed gives identical
	// output on identical input.
	Seed uint64
	// MaxBucket caps the work in one LSH bucket (see Find).
	MaxBucket int
	// Workers is the number of goroutines; 0 means runtime.GOMAXPROCS(0).
	// Output does not depend on it.
	Workers int
}

// WithDefaults returns c with every zero field set to the default Find
// uses: the parameters a run actually had.
func (c Config) WithDefaults() Config { return c.withDefaults() }

// withDefaults returns c with zero fields set to their defaults.
func (c Config) withDefaults() Config {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&c.ShingleSize, 3)
	def(&c.Hashes, 60)
	def(&c.Bands, 20)
	def(&c.MinAnswers, 3)
	def(&c.MinWords, 6)
	def(&c.MaxBucket, 200)
	def(&c.Workers, runtime.GOMAXPROCS(0))
	if c.Threshold <= 0 {
		c.Threshold = 0.6
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	if c.Bands > c.Hashes {
		c.Bands = c.Hashes
	}
	c.Hashes -= c.Hashes % c.Bands
	return c
}

// Doc is one answer to analyse.
type Doc struct {
	ID   string    // the record ID
	Body string    // the answering body; "" (unknown) is counted as a body of its own
	Date time.Time // the answer date; zero if unknown
	Text string    // the answer as plain text
	// Sentences are Text's sentences (text.Segmenter.Split), with offsets
	// into Text and not overlapping. The pipeline segments once and passes
	// them; if nil, Find segments Text itself.
	Sentences []text.Sentence
}

// Result is the outcome of Find.
type Result struct {
	Families []Family
	// Spans[i] are the stretches of docs[i].Text covered by a family's
	// sentence, ordered by Start; they do not overlap.
	Spans [][]Span
	// Share[i] is the fraction of docs[i].Text covered by Spans[i]: the
	// sum of span lengths in bytes over len(Text) (0 for an empty text).
	Share []float64
	Stats Stats
}

// Stats counts what Find did, so that a report can say what was compared.
type Stats struct {
	Docs      int // answers given
	Sentences int // sentences in them
	Short     int // sentences under MinWords words, not compared
	Unique    int // distinct normalised sentences compared
	// Candidates counts the candidate pairs from LSH buckets whose
	// Jaccard was computed: pairs already joined into one family by
	// earlier pairs are not checked, as they cannot change the families.
	Candidates int
	// Edges counts the checked pairs that were near-duplicates and joined
	// two families: a spanning forest of the near-duplicate graph.
	Edges int
	// SameShingles counts distinct sentences whose shingle set equals an
	// earlier one's (they differ only in numbers or punctuation); they are
	// joined to it without LSH.
	SameShingles int
	// CappedBuckets counts LSH buckets larger than MaxBucket, whose pairs
	// were limited to a window (see Find).
	CappedBuckets int
	Components    int // families before the MinAnswers filter (incl. single sentences)
	Families      int // families reported
}

// occ is one compared sentence occurrence.
type occ struct {
	doc        int32 // index into docs
	uid        int32 // its distinct normalised sentence
	start, end int32 // its byte offsets in the doc's Text
}

// docInfo is what is kept of a doc once its sentences are merged.
type docInfo struct {
	body     string
	date     time.Time
	textHash uint64 // textHash of Text (see buildFamilies)
	textLen  int
}

// Find finds the families of near-duplicate sentences in docs.
//
// Method. Each sentence is normalised (text.Normalize) and sentences under
// MinWords words are set aside. Identical normalised sentences are merged
// first: boilerplate repeats verbatim, so the similarity search runs on
// distinct sentences only, which is what makes a million answers fit. Each
// distinct sentence becomes the set S of hashes of its word k-shingles
// (k = ShingleSize; numbers are replaced by one placeholder word, so the
// dates and question numbers in "I refer the hon. Member to the answer I
// gave on 3 May 2024 to Question 12345" do not hide the stock wording). Two
// sentences are near-duplicates when their Jaccard similarity
//
//	J(A, B) = |A ∩ B| / |A ∪ B| ≥ Threshold.
//
// MinHash with H = Hashes functions h_1..h_H gives each set the signature
// m_i(S) = min_{x∈S} h_i(x), with P[m_i(A) = m_i(B)] = J(A, B). LSH cuts
// the signature into b = Bands bands of r = H/b rows; sentences agreeing on
// all r rows of some band share a bucket and become a candidate pair, so a
// pair of similarity s is a candidate with probability
//
//	P(s) = 1 - (1 - s^r)^b,
//
// which with the defaults (r = 3, b = 20) is 0.992 at s = 0.6, 0.9999 at
// s = 0.8 and 0.02 at s = 0.1. Every candidate is then verified exactly
// (Jaccard of the shingle-hash sets; the 32-bit shingle hashes collide with
// negligible probability within a pair), so LSH can lose pairs but never
// invent them. Recall against exact all-pairs Jaccard is measured by the
// package's tests.
//
// Guard. A bucket holding n sentences yields n(n-1)/2 pairs; a common band
// value (a stock sentence with thousands of slightly different wordings)
// would make this quadratic. A bucket with n > MaxBucket therefore pairs
// each member only with the next 16 members in the bucket's (uid) order,
// cyclically, so its work is 16n; such buckets are counted in
// Stats.CappedBuckets. The members of such a bucket agree on r MinHash
// values, so they are mostly near-duplicates of one another and are
// joined through these chains (any 16 consecutive failures would be needed
// to break one), or through other bands. In addition, candidate pairs
// already joined into one family are skipped (union-find), both when a
// band's pairs are generated (against the families as they stood before
// the band) and when they are verified, so the verified pairs of a family
// of m sentences number little more than m.
//
// Families are the connected components of the graph of verified pairs
// (found with union-find over the spanning forest that linking kept,
// which has the same components),
// plus each distinct sentence with no near-duplicate; a family is reported
// when used by at least MinAnswers distinct answer texts.
//
// Components, not communities: components can chain sentences A~B~C with
// A and C unalike. Measured on the 46,343 real answers at the defaults,
// 183 of 29,523 family occurrences (0.6%, in 28 of 4,198 families) are
// less than Threshold/2 similar to their family's canonical sentence, and
// those inspected are drifts of one stock wording ("no assessment has been
// made by the department" ~ "no such assessment has been made"), so
// community detection is not used. (At Threshold 0.5 the share is 4.3%,
// one reason for the 0.6 default.)
//
// Output is deterministic: identical docs and Config (bar Workers) give an
// identical Result.
func Find(docs []Doc, cfg Config) *Result {
	f := NewFinder(cfg)
	f.KeepTexts()
	f.Add(docs)
	return f.Result()
}

// A Finder is Find on docs given a batch at a time, in order, for a caller
// that streams a corpus: of each doc it keeps only what Find needs after
// merging its sentences (body, date, the length and a hash of its text,
// and the offsets of its compared sentences), plus a copy of the first
// occurrence of each distinct sentence, so the caller may let go of the
// texts. However docs are cut into batches, Result equals Find's on all
// of them.
type Finder struct {
	cfg     Config
	segOnce sync.Once
	seg     *text.Segmenter // made when a doc comes without sentences (segmenter)
	// keepTexts says that the caller keeps every Doc.Text alive, so that
	// first may hold substrings of them rather than copies.
	keepTexts bool
	docs      []docInfo
	occs      []occ    // compared occurrences, in doc order
	first     []string // the first occurrence of each distinct sentence, as written, in uid order
	ids       map[uint64]int32
	// written maps a 64-bit hash of a sentence as written to the uid
	// whose first occurrence is written so (see intern).
	written map[uint64]int32
	sh      *shingles
	st      internStats
	done    bool
}

// NewFinder returns a Finder with the parameters cfg (zero fields take
// their defaults).
func NewFinder(cfg Config) *Finder {
	return &Finder{cfg: cfg.withDefaults(), ids: map[uint64]int32{}, written: map[uint64]int32{}, sh: &shingles{}}
}

// KeepTexts tells f that its caller keeps the Text of every doc it adds
// alive until the Result is no longer used, as Find's caller does: f then
// holds the first occurrence of each distinct sentence as a substring of
// its doc's Text rather than a copy, which saves the copies' memory where
// the texts are held anyway.
// It must be called before Add.
func (f *Finder) KeepTexts() {
	if len(f.docs) > 0 {
		panic("boilerplate: Finder.KeepTexts after Add")
	}
	f.keepTexts = true
}

// Add merges the sentences of docs, which follow those of earlier calls.
// A doc without Sentences is segmented. Add must not be called after
// Result.
func (f *Finder) Add(docs []Doc) {
	if f.done {
		panic("boilerplate: Finder.Add after Result")
	}
	for lo := 0; lo < len(docs); lo += internChunk {
		f.intern(f.Prepare(docs[lo:min(lo+internChunk, len(docs))]))
	}
}

// Result finds the families among the docs added and returns them; it may
// be called once.
func (f *Finder) Result() *Result {
	if f.done {
		panic("boilerplate: Finder.Result called twice")
	}
	f.done = true
	cfg := f.cfg
	res := &Result{
		Spans: make([][]Span, len(f.docs)),
		Share: make([]float64, len(f.docs)),
	}
	res.Stats.Docs = len(f.docs)
	f.ids, f.written = nil, nil
	sh := f.sh
	sh.findReps()
	res.Stats.Sentences, res.Stats.Short, res.Stats.Unique = f.st.sentences, f.st.short, len(f.first)
	for i, r := range sh.rep {
		if r != int32(i) {
			res.Stats.SameShingles++
		}
	}
	edges, lst := link(sh, cfg)
	res.Stats.Candidates, res.Stats.Edges, res.Stats.CappedBuckets = lst.checked, lst.joined, lst.capped
	f.sh, sh = nil, nil
	comp := components(len(f.first), edges)
	edges = nil
	f.buildFamilies(res, comp)
	f.docs, f.occs, f.first = nil, nil, nil
	return res
}

// segmentAll returns each doc's sentences, segmenting the docs that came
// without them, in parallel, with the segmenter seg returns (called only
// if one is needed).
func segmentAll(docs []Doc, workers int, seg func() *text.Segmenter) [][]text.Sentence {
	out := make([][]text.Sentence, len(docs))
	need := false
	for i := range docs {
		out[i] = docs[i].Sentences
		if out[i] == nil && docs[i].Text != "" {
			need = true
		}
	}
	if !need {
		return out
	}
	sg := seg()
	parallel(len(docs), workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if out[i] == nil && docs[i].Text != "" {
				out[i] = sg.Split(docs[i].Text)
			}
		}
	})
	return out
}

type internStats struct{ sentences, short int }

// internChunk is the number of docs Add prepares at a time: it bounds the
// normalised strings alive at once.
const internChunk = 8192

// Prepared is a batch of docs made ready to be merged (Finder.Prepare):
// segmented, and every sentence normalised, hashed and shingled.
type Prepared struct {
	docs     []Doc
	sents    [][]text.Sentence
	items    [][]internItem
	textHash []uint64
}

// Prepare does, in parallel, the part of adding docs that depends on the
// docs alone: it segments those without Sentences and normalises, hashes
// and shingles every sentence. It reads nothing of f but its
// configuration, so a caller may prepare one batch while another is
// merged (AddPrepared). The docs must not change until the batch is
// added.
func (f *Finder) Prepare(docs []Doc) *Prepared {
	cfg := f.cfg
	p := &Prepared{
		docs:     docs,
		sents:    segmentAll(docs, cfg.Workers, f.segmenter),
		items:    make([][]internItem, len(docs)),
		textHash: make([]uint64, len(docs)),
	}
	parallel(len(docs), cfg.Workers, func(a, b int) {
		var words []uint64
		for i := a; i < b; i++ {
			// Distinct texts are told apart by a 64-bit hash of the text:
			// for k texts, the chance that two collide is below k²/2⁶⁵
			// (5·10⁻⁸ for a million).
			p.textHash[i] = textHash(docs[i].Text)
			ss := p.sents[i]
			items := make([]internItem, len(ss))
			for j, s := range ss {
				n := text.Normalize(s.Text)
				words = wordHashes(n, words[:0])
				if len(words) < cfg.MinWords {
					continue
				}
				items[j] = internItem{hash: sentenceHash(n), written: textHash(s.Text), norm: n, set: shingleSet(words, cfg.ShingleSize)}
			}
			p.items[i] = items
		}
	})
	return p
}

// segmenter returns f's segmenter, made on first use.
func (f *Finder) segmenter() *text.Segmenter {
	f.segOnce.Do(func() { f.seg = text.NewSegmenter() })
	return f.seg
}

// AddPrepared merges the sentences of a batch made by Prepare, whose docs
// follow those of earlier calls: it is Add's second half. Batches must be
// added in the order of their docs, each once, and not after Result.
func (f *Finder) AddPrepared(p *Prepared) {
	if f.done {
		panic("boilerplate: Finder.AddPrepared after Result")
	}
	f.intern(p)
}

// intern merges identical normalised sentences of a prepared batch,
// following those already added: it appends the docs' compared
// occurrences to f.occs, and the first occurrence and shingle set of each
// new distinct normalised sentence (uid order = order of first
// occurrence) to f.first and f.sh.
//
// Distinct sentences are keyed by a 64-bit hash of their normalised text
// rather than the text, so a million answers do not keep millions of
// normalised strings; a hash hit is confirmed by comparing the texts (the
// first occurrence is normalised again, unless it is in this batch or
// written identically), and a collision probes the next key, so merging is
// exact and does not depend on how docs are cut into batches.
//
// The docs' sentences are merged in order. A sentence written exactly as
// the first occurrence of a uid is that uid (equal texts have equal normal
// forms). A hash found in ids is taken to be the same sentence and
// confirmed afterwards, in parallel; should one not be (a 64-bit
// collision), the batch is undone and merged again one sentence at a
// time, comparing texts before going on, which gives what that would have
// given.
func (f *Finder) intern(p *Prepared) {
	cfg := f.cfg
	docs, sents, perDoc := p.docs, p.sents, p.items
	base := int32(len(f.docs))
	f.docs = slices.Grow(f.docs, len(docs))
	for i := range docs {
		d := &docs[i]
		f.docs = append(f.docs, docInfo{body: d.Body, date: d.Date, textLen: len(d.Text), textHash: p.textHash[i]})
	}
	nFirst, nSets := len(f.first), len(f.sh.sets)
	// at[u-nFirst] is where this batch's new uid u first occurs.
	var at [][2]int32
	// normOf returns the normalised text of uid u's first occurrence.
	normOf := func(u int32) string {
		if int(u) >= nFirst {
			p := at[int(u)-nFirst]
			return perDoc[p[0]][p[1]].norm
		}
		return text.Normalize(f.first[u])
	}
	// writtenAs returns the uid whose first occurrence is written as
	// sentence j of doc i, if there is one.
	writtenAs := func(i, j int) (int32, bool) {
		u, ok := f.written[perDoc[i][j].written]
		return u, ok && f.first[u] == sents[i][j].Text
	}
	var addedWritten []uint64 // keys added to written by this batch
	// A new uid's first occurrence is held as a substring of its doc's
	// Text until the batch is merged, then copied (keepNew).
	newUID := func(h uint64, i, j int) int32 {
		u := int32(len(f.first))
		f.ids[h] = u
		if w := perDoc[i][j].written; !hasKey(f.written, w) {
			f.written[w] = u
			addedWritten = append(addedWritten, w)
		}
		f.first = append(f.first, sents[i][j].Text)
		at = append(at, [2]int32{int32(i), int32(j)})
		f.sh.add(perDoc[i][j].set)
		return u
	}
	var added []uint64   // keys added to ids by this batch
	var check [][3]int32 // doc, sentence and uid of occurrences whose uid rests on a hash match
	uids := make([][]int32, len(docs))
	for i, items := range perDoc {
		u := make([]int32, 0, len(items))
		for j, it := range items {
			if it.set == nil {
				u = append(u, -1)
				continue
			}
			if id, ok := writtenAs(i, j); ok {
				u = append(u, id)
				continue
			}
			got, ok := f.ids[it.hash]
			if !ok {
				got = newUID(it.hash, i, j)
				added = append(added, it.hash)
			} else {
				check = append(check, [3]int32{int32(i), int32(j), got})
			}
			u = append(u, got)
		}
		uids[i] = u
	}
	var bad atomic.Bool
	parallel(len(check), cfg.Workers, func(a, b int) {
		for _, c := range check[a:b] {
			if bad.Load() {
				return
			}
			// Equal texts have equal normal forms: most repeats are
			// verbatim, and need no normalising again.
			if f.first[c[2]] == sents[c[0]][c[1]].Text {
				continue
			}
			if normOf(c[2]) != perDoc[c[0]][c[1]].norm {
				bad.Store(true)
			}
		}
	})
	if bad.Load() {
		for _, h := range added {
			delete(f.ids, h)
		}
		for _, w := range addedWritten {
			delete(f.written, w)
		}
		f.first, f.sh.sets, at = f.first[:nFirst], f.sh.sets[:nSets], at[:0]
		for i, items := range perDoc {
			u := uids[i][:0]
			for j, it := range items {
				if it.set == nil {
					u = append(u, -1)
					continue
				}
				if id, ok := writtenAs(i, j); ok {
					u = append(u, id)
					continue
				}
				h := it.hash
				var id int32
				for {
					got, ok := f.ids[h]
					if !ok {
						id = newUID(h, i, j)
						break
					}
					if normOf(got) == it.norm {
						id = got
						break
					}
					h++ // a different sentence with the same hash
				}
				u = append(u, id)
			}
			uids[i] = u
		}
	}
	f.keepNew(nFirst)
	kept := 0
	for _, u := range uids {
		kept += len(u)
	}
	f.occs = slices.Grow(f.occs, kept)
	for i, u := range uids {
		for j, id := range u {
			f.st.sentences++
			if id < 0 {
				f.st.short++
				continue
			}
			s := sents[i][j]
			f.occs = append(f.occs, occ{doc: base + int32(i), uid: id, start: int32(s.Start), end: int32(s.End)})
		}
	}
}

// keepNew makes the first occurrences f.first[from:], substrings of the
// docs being added, safe to hold after the docs are gone: unless the
// caller keeps the texts, they are copied into one string, which is kept
// whole as long as they are (one allocation a batch, not one a sentence).
func (f *Finder) keepNew(from int) {
	if f.keepTexts {
		return
	}
	n := 0
	for _, s := range f.first[from:] {
		n += len(s)
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range f.first[from:] {
		b.WriteString(s)
	}
	all := b.String()
	for i, s := range f.first[from:] {
		f.first[from+i], all = all[:len(s)], all[len(s):]
	}
}

// sentenceHash keys a normalised sentence in intern; a variable so that a
// test can make it collide.
var sentenceHash = textHash

// textHash is the 64-bit hash that tells whole texts apart: answers,
// sentences as written and normalised. Only equality matters for these
// (every use but the count of distinct answer texts confirms a match by
// comparing the texts), so it is xxHash64, which runs at memory speed,
// where FNV-1a costs a multiplication a byte. Word hashes stay FNV-1a:
// shingles, MinHash signatures and so the families depend on their values.
func textHash(s string) uint64 { return xxhash.Sum64String(s) }

// internItem is a sentence normalised for merging.
type internItem struct {
	hash    uint64
	written uint64 // textHash of the sentence as written (see Finder.written)
	norm    string
	set     []uint32 // nil: under MinWords
}

func hasKey(m map[uint64]int32, k uint64) bool {
	_, ok := m[k]
	return ok
}

// wordHashes returns a 64-bit hash of each word of a normalised sentence,
// with every number hashed as the same placeholder.
func wordHashes(s string, out []uint64) []uint64 {
	for t := range text.Tokens(s) {
		if isNumber(t.Text) {
			out = append(out, numberHash)
			continue
		}
		out = append(out, fnv64(t.Text))
	}
	return out
}

var numberHash = fnv64("\x00number")

func isNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && c != '.' && c != ',' {
			return false
		}
	}
	return true
}

// fnv64 is the 64-bit FNV-1a hash.
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mix64 is the splitmix64 finaliser, a bijection of uint64 that spreads
// every input bit over the output.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// parallel runs f over [0,n) cut into contiguous chunks on workers
// goroutines.
func parallel(n, workers int, f func(lo, hi int)) {
	if n == 0 {
		return
	}
	if workers <= 1 || n < 64 {
		f(0, n)
		return
	}
	chunk := (n + workers*8 - 1) / (workers * 8)
	var wg sync.WaitGroup
	next := make(chan int, workers*8+1)
	for lo := 0; lo < n; lo += chunk {
		next <- lo
	}
	close(next)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for lo := range next {
				f(lo, min(lo+chunk, n))
			}
		}()
	}
	wg.Wait()
}

// components returns, for each distinct sentence, its component number:
// the connected components of the graph of verified near-duplicate pairs
// (found with a union-find forest over the edges), numbered in order of
// their least sentence uid, with each sentence outside the graph a
// component of its own.
func components(n int, edges [][2]int32) []int32 {
	uf := newUnionFind(n)
	for _, e := range edges {
		uf.union(e[0], e[1])
	}
	// Number densely in uid order: a component is numbered when its least
	// member is met, whatever its root.
	label := make([]int32, n)
	for i := range label {
		label[i] = -1
	}
	comp := make([]int32, n)
	next := int32(0)
	for i := range comp {
		r := uf.find(int32(i))
		if label[r] < 0 {
			label[r] = next
			next++
		}
		comp[i] = label[r]
	}
	return comp
}

// buildFamilies fills res.Families, Spans and Share.
func (fd *Finder) buildFamilies(res *Result, comp []int32) {
	docs, occs, first, cfg := fd.docs, fd.occs, fd.first, fd.cfg
	ncomp := 0
	for _, c := range comp {
		ncomp = max(ncomp, int(c)+1)
	}
	res.Stats.Components = ncomp

	// Distinct answer texts using each component: occurrences come in doc
	// order, so a doc is counted once per component by remembering the
	// last doc seen; texts are deduplicated by a per-component set only
	// for components used by at least MinAnswers docs.
	docsOf := make([]int32, ncomp)
	lastDoc := make([]int32, ncomp)
	for i := range lastDoc {
		lastDoc[i] = -1
	}
	for _, o := range occs {
		c := comp[o.uid]
		if lastDoc[c] != o.doc {
			lastDoc[c] = o.doc
			docsOf[c]++
		}
	}
	// keep[c] is the index in accs of component c's accumulator, -1 for
	// the components used by too few answers to be families.
	keep := make([]int32, ncomp)
	var accs []*famAcc
	var accComp []int32
	for c, n := range docsOf {
		keep[c] = -1
		if int(n) >= cfg.MinAnswers {
			keep[c] = int32(len(accs))
			accs = append(accs, &famAcc{texts: map[uint64]struct{}{}, variants: map[int32]int{}, bodies: map[string]int{}})
			accComp = append(accComp, int32(c))
		}
	}
	for i := range lastDoc {
		lastDoc[i] = -1
	}
	for _, o := range occs {
		c := comp[o.uid]
		if keep[c] < 0 {
			continue
		}
		f := accs[keep[c]]
		f.variants[o.uid]++
		if lastDoc[c] == o.doc {
			continue
		}
		lastDoc[c] = o.doc
		d := &docs[o.doc]
		f.answers++
		f.texts[d.textHash] = struct{}{}
		f.bodies[d.body]++
		if !d.date.IsZero() {
			if f.first.IsZero() || d.date.Before(f.first) {
				f.first = d.date
			}
			if d.date.After(f.last) {
				f.last = d.date
			}
		}
	}

	bodyTotal := make(map[string]int)
	for i := range docs {
		bodyTotal[docs[i].body]++
	}
	// Families are made in parallel (aligning a family's wordings for its
	// template is the costly part), then taken in accumulator order.
	made := make([]Family, len(accs))
	parallel(len(accs), cfg.Workers, func(lo, hi int) {
		var scratch templateScratch
		for k := lo; k < hi; k++ {
			if len(accs[k].texts) >= cfg.MinAnswers {
				made[k] = makeFamily(accs[k], first, bodyTotal, &scratch)
			}
		}
	})
	nfam := 0
	for _, f := range accs {
		if len(f.texts) >= cfg.MinAnswers {
			nfam++
		}
	}
	fams := make([]Family, 0, nfam)
	famComp := make([]int32, 0, nfam)
	for k, f := range accs {
		if len(f.texts) < cfg.MinAnswers {
			continue
		}
		fams = append(fams, made[k])
		famComp = append(famComp, accComp[k])
	}
	made = nil
	order := make([]int, len(fams))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(fams[b].Answers, fams[a].Answers),
			strings.Compare(fams[a].Canonical, fams[b].Canonical),
			cmp.Compare(famComp[a], famComp[b]))
	})
	famOf := make(map[int32]int, len(fams))
	res.Families = make([]Family, len(fams))
	for rank, i := range order {
		fams[i].ID = rank + 1
		res.Families[rank] = fams[i]
		famOf[famComp[i]] = rank + 1
	}
	res.Stats.Families = len(fams)

	// Spans: occurrences are in doc order and, within a doc, in sentence
	// order, so spans come out ordered by Start.
	covered := make([]int, len(docs))
	for _, o := range occs {
		id, ok := famOf[comp[o.uid]]
		if !ok {
			continue
		}
		res.Spans[o.doc] = append(res.Spans[o.doc], Span{Start: int(o.start), End: int(o.end), Family: id})
		covered[o.doc] += int(o.end - o.start)
	}
	for i := range docs {
		// Sentences from Split come in order; sort anyway so that spans
		// are ordered by Start whatever order a caller passed them in.
		slices.SortStableFunc(res.Spans[i], func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
		if n := docs[i].textLen; n > 0 {
			res.Share[i] = float64(covered[i]) / float64(n)
		}
	}
}

// makeFamily makes the Family of an accumulator (all but its ID): its
// variants by decreasing count, its canonical wording, example and
// template, and its bodies by decreasing use.
func makeFamily(f *famAcc, first []string, bodyTotal map[string]int, scratch *templateScratch) Family {
	fam := Family{Answers: f.answers, Texts: len(f.texts), First: f.first, Last: f.last}
	type variantOf struct {
		Variant
		uid int32
	}
	vs := make([]variantOf, 0, len(f.variants))
	for uid, n := range f.variants {
		vs = append(vs, variantOf{Variant{Text: text.Normalize(first[uid]), Count: n}, uid})
	}
	slices.SortFunc(vs, func(a, b variantOf) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Text, b.Text), cmp.Compare(a.uid, b.uid))
	})
	for _, v := range vs {
		fam.Variants = append(fam.Variants, v.Variant)
	}
	fam.Canonical = fam.Variants[0].Text
	// A copy: first may be slices of one string per batch (keepNew), which
	// a family's example must not keep whole.
	fam.Example = strings.Clone(first[vs[0].uid])
	fam.Template = scratch.template(fam.Example, fam.Variants)
	for body, n := range f.bodies {
		u := BodyUse{Body: body, Answers: n}
		if t := bodyTotal[body]; t > 0 {
			u.Share = float64(n) / float64(t)
		}
		fam.Bodies = append(fam.Bodies, u)
	}
	slices.SortFunc(fam.Bodies, func(a, b BodyUse) int {
		return cmp.Or(cmp.Compare(b.Answers, a.Answers), strings.Compare(a.Body, b.Body))
	})
	return fam
}

// famAcc accumulates one family's uses.
type famAcc struct {
	answers     int
	texts       map[uint64]struct{} // hashes of the distinct answer texts
	variants    map[int32]int       // uid → occurrences
	bodies      map[string]int
	first, last time.Time
}
