package classify

import (
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"unicode"

	"github.com/parlance-go/parlance/corpus"
	"gonum.org/v1/gonum/mat"
)

// SpaceDocuments returns the documents BuildSpace learns from in recs: one
// per answered record, its question and answer, in order of record ID (the
// first record of an ID that occurs twice), so that the same records in
// any order give the same space.
func SpaceDocuments(recs []corpus.Record) []string {
	idx := make([]int, 0, len(recs))
	for i := range recs {
		if strings.TrimSpace(recs[i].Answer) != "" {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return recs[idx[a]].ID < recs[idx[b]].ID })
	docs := make([]string, 0, len(idx))
	for n, i := range idx {
		if n > 0 && recs[i].ID == recs[idx[n-1]].ID {
			continue
		}
		docs = append(docs, recs[i].Question+"\n"+recs[i].Answer)
	}
	return docs
}

// Space is a latent semantic analysis (LSA) space learned from a corpus of
// questions and answers: each term of its vocabulary has a vector of Dims
// numbers, and a text is the sum of its terms' vectors weighted by TF-IDF.
// Two texts are related when their vectors point the same way (cosine),
// even if they share no word: "waiting" and "referral" come close because
// answers use them together.
//
// For documents d (one per record: its question and answer) over the V
// terms, with tf(t, d) the count of term t in d and df(t) the number of
// documents holding it, the document's vector has entries
//
//	x_t = (1 + ln tf(t, d)) · idf(t),   idf(t) = ln(N / df(t)),
//
// scaled to unit length; A is the V×N matrix of those columns. The term
// vectors are the rows of U_k, the k leading left singular vectors of A
// (the eigenvectors of the V×V matrix G = A Aᵀ with the k largest
// eigenvalues), found by a randomized range finder with power iterations
// from a seeded Gaussian start. A text x is embedded as U_kᵀ x: for a
// document of the corpus that is its row of V_k Σ_k.
//
// The vectors are stored quantised: term t's row as signed bytes q with a
// scale s, U[t][j] ≈ s·q[j]/127. Write and read it as part of a Model.
type Space struct {
	Terms []string  `json:"terms"`
	IDF   []float64 `json:"idf"`
	Dims  int       `json:"dims"`
	// Scale and Vectors hold the quantised rows: Vectors is the base64
	// of V·Dims signed bytes, row by row.
	Scale   []float64 `json:"scale"`
	Vectors string    `json:"vectors"`
	// Built says what the space was learned from: provenance.
	Built string `json:"built"`

	index map[string]int
	rows  []float32 // V×Dims, decoded
}

// SpaceOptions configures BuildSpace. The zero value is ready to use.
type SpaceOptions struct {
	// Terms caps the vocabulary at the terms held by the most documents;
	// zero means 6000. Building holds a Terms×Terms matrix of float64
	// (288 MB for 6000).
	Terms int
	// Dims is k, the number of dimensions; zero means 100.
	Dims int
	// MinDocs drops terms held by fewer documents; zero means 5.
	MinDocs int
	// Seed seeds the random start; the same seed and documents give the
	// same space.
	Seed uint64
}

// lsaTerms splits s into the terms LSA counts: the words lsaWords gives,
// cut to their first six letters (a crude stem: "assessed", "assessment"
// → "assess").
func lsaTerms(s string, fn func(string)) {
	lsaWords(s, func(w string) {
		if len(w) > 6 {
			w = w[:6]
		}
		fn(w)
	})
}

// lsaWords splits s into words: runs of ASCII letters, lower-cased, three
// letters or more, not in lsaStop.
func lsaWords(s string, fn func(string)) {
	start := -1
	emit := func(end int) {
		w := strings.ToLower(s[start:end])
		if len(w) >= 3 && !lsaStop[w] {
			fn(w)
		}
	}
	for i, r := range s {
		if unicode.IsLetter(r) && r < unicode.MaxASCII {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			emit(i)
			start = -1
		}
	}
	if start >= 0 {
		emit(len(s))
	}
}

// lsaStop are function words, which say nothing of a text's topic.
var lsaStop = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the and for are was were but not you all any can had her his has have him
	its our out who whom whose which what when where why how this that these those then than them they
	their there here with from into onto upon about above after again against before being below between
	both during each few further more most other over same should such only own too very will would could
	shall may might must also been does did doing done just nor off once under until while whether within
	without because through across per via yet etc`) {
		lsaStop[w] = true
	}
}

// BuildSpace learns a Space from documents (one text per document). The
// result depends only on the documents, in order, and opt.
func BuildSpace(docs []string, opt SpaceOptions) (*Space, error) {
	if opt.Terms == 0 {
		opt.Terms = 6000
	}
	if opt.Dims == 0 {
		opt.Dims = 100
	}
	if opt.MinDocs == 0 {
		opt.MinDocs = 5
	}
	df := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		lsaTerms(d, func(w string) {
			if !seen[w] {
				seen[w] = true
				df[w]++
			}
		})
	}
	var terms []string
	for w, n := range df {
		if n >= opt.MinDocs && 2*n <= len(docs) {
			terms = append(terms, w)
		}
	}
	sort.Slice(terms, func(i, j int) bool {
		if df[terms[i]] != df[terms[j]] {
			return df[terms[i]] > df[terms[j]]
		}
		return terms[i] < terms[j]
	})
	if len(terms) > opt.Terms {
		terms = terms[:opt.Terms]
	}
	sort.Strings(terms)
	V, k := len(terms), opt.Dims
	if V < 2*k {
		return nil, fmt.Errorf("classify: building an LSA space: %d terms in %d documents, too few for %d dimensions", V, len(docs), k)
	}
	s := &Space{Terms: terms, IDF: make([]float64, V), Dims: k}
	s.buildIndex()
	for i, w := range terms {
		s.IDF[i] = math.Log(float64(len(docs)) / float64(df[w]))
	}
	// G = Σ_d x_d x_dᵀ over the unit-length TF-IDF vectors.
	G := make([]float64, V*V)
	var idx []int
	var val []float64
	for _, d := range docs {
		idx, val = s.tfidf(d, idx[:0], val[:0])
		norm := 0.0
		for _, x := range val {
			norm += x * x
		}
		if norm == 0 {
			continue
		}
		for a, i := range idx {
			xa := val[a] / norm
			row := G[i*V:]
			for b, j := range idx {
				row[j] += xa * val[b]
			}
		}
	}
	U, err := topEigen(mat.NewSymDense(V, G), k, opt.Seed)
	if err != nil {
		return nil, fmt.Errorf("classify: building an LSA space: %w", err)
	}
	// Quantise each row to signed bytes.
	raw := make([]byte, V*k)
	s.Scale = make([]float64, V)
	for t := 0; t < V; t++ {
		mx := 0.0
		for j := 0; j < k; j++ {
			mx = math.Max(mx, math.Abs(U.At(t, j)))
		}
		s.Scale[t] = roundSig(mx, 6)
		for j := 0; j < k; j++ {
			q := 0.0
			if s.Scale[t] > 0 {
				q = math.Round(U.At(t, j) / s.Scale[t] * 127)
			}
			raw[t*k+j] = byte(int8(math.Max(-127, math.Min(127, q))))
		}
	}
	s.Vectors = base64.StdEncoding.EncodeToString(raw)
	for i := range s.IDF {
		s.IDF[i] = roundSig(s.IDF[i], 6)
	}
	s.Built = fmt.Sprintf("%d documents, %d terms, %d dimensions, seed %d", len(docs), V, k, opt.Seed)
	if err := s.decode(); err != nil {
		return nil, err
	}
	return s, nil
}

// topEigen returns the k eigenvectors of the symmetric positive
// semi-definite G with the largest eigenvalues, as columns, each signed so
// that its largest entry is positive: a randomized range finder (Halko,
// Martinsson and Tropp 2011) with k+10 columns and four power iterations.
func topEigen(G *mat.SymDense, k int, seed uint64) (*mat.Dense, error) {
	n, _ := G.Dims()
	l := min(k+10, n)
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	omega := mat.NewDense(n, l, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < l; j++ {
			omega.Set(i, j, rng.NormFloat64())
		}
	}
	var Y mat.Dense
	Y.Mul(G, omega)
	Q := orthonormal(&Y)
	for it := 0; it < 4; it++ {
		Y.Mul(G, Q)
		Q = orthonormal(&Y)
	}
	var GQ, B mat.Dense
	GQ.Mul(G, Q)
	B.Mul(Q.T(), &GQ)
	Bs := mat.NewSymDense(l, nil)
	for i := 0; i < l; i++ {
		for j := i; j < l; j++ {
			Bs.SetSym(i, j, (B.At(i, j)+B.At(j, i))/2)
		}
	}
	var eig mat.EigenSym
	if !eig.Factorize(Bs, true) {
		return nil, errors.New("eigendecomposition did not converge")
	}
	var W mat.Dense
	eig.VectorsTo(&W)
	// gonum returns the eigenvalues in ascending order: the last k columns.
	var U mat.Dense
	U.Mul(Q, W.Slice(0, l, l-k, l))
	out := mat.NewDense(n, k, nil)
	for j := 0; j < k; j++ {
		src := k - 1 - j
		best := 0.0
		for i := 0; i < n; i++ {
			if v := U.At(i, src); math.Abs(v) > math.Abs(best) {
				best = v
			}
		}
		sign := 1.0
		if best < 0 {
			sign = -1
		}
		for i := 0; i < n; i++ {
			out.Set(i, j, sign*U.At(i, src))
		}
	}
	return out, nil
}

// orthonormal returns an orthonormal basis of Y's columns (thin QR).
func orthonormal(Y *mat.Dense) *mat.Dense {
	var qr mat.QR
	qr.Factorize(Y)
	var Q mat.Dense
	qr.QTo(&Q)
	r, c := Y.Dims()
	return mat.DenseCopyOf(Q.Slice(0, r, 0, c))
}

func roundSig(x float64, digits int) float64 {
	if x == 0 {
		return 0
	}
	p := math.Pow(10, float64(digits)-math.Ceil(math.Log10(math.Abs(x))))
	return math.Round(x*p) / p
}

func (s *Space) buildIndex() {
	s.index = make(map[string]int, len(s.Terms))
	for i, w := range s.Terms {
		s.index[w] = i
	}
}

// decode checks the space's shape and unpacks its vectors.
func (s *Space) decode() error {
	V := len(s.Terms)
	if s.Dims <= 0 || len(s.IDF) != V || len(s.Scale) != V {
		return fmt.Errorf("field lsa: %d terms, %d idf, %d scales, %d dimensions: want as many idf and scales as terms, and dimensions", V, len(s.IDF), len(s.Scale), s.Dims)
	}
	raw, err := base64.StdEncoding.DecodeString(s.Vectors)
	if err != nil {
		return fmt.Errorf("field lsa.vectors: %w", err)
	}
	if len(raw) != V*s.Dims {
		return fmt.Errorf("field lsa.vectors: %d bytes, want %d terms × %d dimensions", len(raw), V, s.Dims)
	}
	s.rows = make([]float32, len(raw))
	for t := 0; t < V; t++ {
		for j := 0; j < s.Dims; j++ {
			s.rows[t*s.Dims+j] = float32(s.Scale[t] * float64(int8(raw[t*s.Dims+j])) / 127)
		}
	}
	s.buildIndex()
	return nil
}

// tfidf appends the vocabulary indexes of text's terms and their TF-IDF
// weights, in the order the terms first occur.
func (s *Space) tfidf(text string, idx []int, val []float64) ([]int, []float64) {
	start := len(idx)
	at := map[int]int{}
	lsaTerms(text, func(w string) {
		i, ok := s.index[w]
		if !ok {
			return
		}
		if p, ok := at[i]; ok {
			val[p]++
			return
		}
		at[i] = len(idx)
		idx = append(idx, i)
		val = append(val, 1)
	})
	for p := start; p < len(idx); p++ {
		val[p] = (1 + math.Log(val[p])) * s.IDF[idx[p]]
	}
	return idx, val
}

// Embed returns text's vector in the space, U_kᵀ x; nil when no term of
// text is in the vocabulary.
func (s *Space) Embed(text string) []float64 {
	idx, val := s.tfidf(text, nil, nil)
	if len(idx) == 0 {
		return nil
	}
	out := make([]float64, s.Dims)
	for p, t := range idx {
		row := s.rows[t*s.Dims : (t+1)*s.Dims]
		for j, u := range row {
			out[j] += val[p] * float64(u)
		}
	}
	return out
}

// cosine is a·b / (|a| |b|), 0 when either is nil or zero.
func cosine(a, b []float64) float64 {
	if a == nil || b == nil {
		return 0
	}
	var ab, aa, bb float64
	for j := range a {
		ab += a[j] * b[j]
		aa += a[j] * a[j]
		bb += b[j] * b[j]
	}
	if aa == 0 || bb == 0 {
		return 0
	}
	return ab / math.Sqrt(aa*bb)
}
