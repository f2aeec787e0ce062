package boilerplate

import (
	"math/bits"
	"math/rand/v2"
	"slices"
	"sync"
)

// shingles holds the shingle-hash sets of the distinct sentences, each
// sorted and without repeats. The sets are slices of large blocks, so
// millions of them cost neither millions of allocations nor the copying of
// one ever-growing array.
type shingles struct {
	sets  [][]uint32
	block []uint32 // the block being filled
	// rep[i] is the least uid with exactly the same shingle set as i
	// (sentences differing only in numbers or punctuation); LSH runs on
	// representatives only (rep[i] == i).
	rep []int32
}

func (s *shingles) set(i int32) []uint32 { return s.sets[i] }

// shingleBlock is the size of the blocks holding the sets.
const shingleBlock = 1 << 20

// add appends a copy of set as the next distinct sentence's set.
func (s *shingles) add(set []uint32) {
	if len(s.block)+len(set) > cap(s.block) {
		s.block = make([]uint32, 0, max(shingleBlock, len(set)))
	}
	n := len(s.block)
	s.block = append(s.block, set...)
	s.sets = append(s.sets, s.block[n:len(s.block):len(s.block)])
}

// shingleSet returns the sorted, distinct 32-bit hashes of the k-word
// shingles of a sentence's word hashes. A sentence of fewer than k words
// is one shingle of all its words.
func shingleSet(words []uint64, k int) []uint32 {
	n := max(len(words)-k+1, 1)
	set := make([]uint32, 0, n)
	for s := 0; s < n; s++ {
		h := uint64(k)
		for _, x := range words[s:min(s+k, len(words))] {
			h = mix64(h ^ x)
		}
		set = append(set, uint32(h>>32))
	}
	slices.Sort(set)
	return slices.Compact(set)
}

// findReps sets rep: sets are grouped by a hash of their content and
// compared element by element, so a hash collision cannot merge two
// different sets.
func (sh *shingles) findReps() {
	n := len(sh.sets)
	sh.rep = make([]int32, n)
	byContent := make(map[uint64]int32, n)
	for i := range sh.rep {
		s := sh.set(int32(i))
		h := uint64(len(s))
		for _, x := range s {
			h = mix64(h ^ uint64(x))
		}
		sh.rep[i] = int32(i)
		for {
			r, ok := byContent[h]
			if !ok {
				byContent[h] = int32(i)
				break
			}
			if slices.Equal(sh.set(r), s) {
				sh.rep[i] = r
				break
			}
			h++ // open addressing on collision
		}
	}
}

// hashFamily is the MinHash functions h_p(x) = (a_p·x + b_p) >> 32 over
// 32-bit shingle hashes x, with a_p odd and b_p drawn from a PCG generator
// seeded by Config.Seed: multiply-shift hashing, 2-universal, which makes
// the minima behave as random permutations' for MinHash.
func hashFamily(cfg Config) (a, b []uint64) {
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x9e3779b97f4a7c15))
	a = make([]uint64, cfg.Hashes)
	b = make([]uint64, cfg.Hashes)
	for i := range a {
		a[i] = rng.Uint64() | 1
		b[i] = rng.Uint64()
	}
	return a, b
}

// lsh computes the band keys of the representatives and their candidate
// pairs, band by band.
type lsh struct {
	sh     *shingles
	cfg    Config
	reps   []int32
	a, b   []uint64
	r      int
	idMask uint64
	// bufs[k] are the key and sorting buffers of the k-th band of a
	// round (see bands), kept from round to round: fresh ones each band
	// would cost a page fault every 4 KB of them.
	bufs [][2][]uint64
}

func newLSH(sh *shingles, cfg Config) *lsh {
	l := &lsh{sh: sh, cfg: cfg, r: cfg.Hashes / cfg.Bands}
	for i, r := range sh.rep {
		if r == int32(i) {
			l.reps = append(l.reps, int32(i))
		}
	}
	l.a, l.b = hashFamily(cfg)
	// Each representative's band key and uid are packed in one uint64,
	// key in the high bits, uid in the low idBits, so a band sorts as
	// plain integers. Truncating the key can only merge buckets, adding
	// candidates that verification rejects; it never loses one.
	idBits := uint(1)
	for 1<<idBits < len(sh.rep) {
		idBits++
	}
	l.idMask = uint64(1)<<idBits - 1
	return l
}

// band returns the sorted distinct candidate pairs (a<<32|b, a<b) of band
// j and the number of capped buckets. keys and scratch are buffers of
// len(reps). If roots is not nil, pairs whose sentences have the same
// root (are already joined) are not generated.
func (l *lsh) band(j int, keys, scratch []uint64, roots []int32) ([]uint64, int) {
	r := l.r
	pa, pb := l.a[j*r:(j+1)*r], l.b[j*r:(j+1)*r]
	if r == 3 {
		l.keys3(j, pa, pb, keys)
	} else {
		l.keysR(j, pa, pb, keys)
	}
	radixSort(keys, scratch, uint(bits.Len64(l.idMask)))
	var pairs []uint64
	capped := 0
	for lo := 0; lo < len(keys); {
		hi := lo + 1
		for hi < len(keys) && keys[hi]&^l.idMask == keys[lo]&^l.idMask {
			hi++
		}
		bucket := keys[lo:hi]
		if len(bucket) > l.cfg.MaxBucket {
			capped++
		}
		pairs = bucketPairs(bucket, l.cfg.MaxBucket, pairs, func(k uint64) int32 { return int32(k & l.idMask) }, roots)
		lo = hi
	}
	slices.Sort(pairs)
	return slices.Compact(pairs), capped
}

// keysR sets keys[n] to the band key of representative n for band j,
// whose hash functions are pa, pb, packed with its uid (see newLSH).
func (l *lsh) keysR(j int, pa, pb, keys []uint64) {
	mins := make([]uint64, len(pa))
	for n, id := range l.reps {
		for p := range mins {
			mins[p] = ^uint64(0)
		}
		for _, x := range l.sh.set(id) {
			for p := range mins {
				if v := (pa[p]*uint64(x) + pb[p]) >> 32; v < mins[p] {
					mins[p] = v
				}
			}
		}
		key := uint64(j) + 1
		for _, m := range mins {
			key = mix64(key ^ m)
		}
		keys[n] = key&^l.idMask | uint64(id)
	}
}

// keys3 is keysR for bands of three rows (the default), with the minima in
// registers: the same keys, computed faster.
func (l *lsh) keys3(j int, pa, pb, keys []uint64) {
	a0, a1, a2 := pa[0], pa[1], pa[2]
	b0, b1, b2 := pb[0], pb[1], pb[2]
	for n, id := range l.reps {
		m0, m1, m2 := ^uint64(0), ^uint64(0), ^uint64(0)
		for _, x := range l.sh.set(id) {
			y := uint64(x)
			m0 = min(m0, (a0*y+b0)>>32)
			m1 = min(m1, (a1*y+b1)>>32)
			m2 = min(m2, (a2*y+b2)>>32)
		}
		key := uint64(j) + 1
		key = mix64(key ^ m0)
		key = mix64(key ^ m1)
		key = mix64(key ^ m2)
		keys[n] = key&^l.idMask | uint64(id)
	}
}

// radixSort sorts keys in increasing order (least significant byte first,
// a stable counting pass per byte), using scratch, of the same length, as
// the second buffer. The counts of all eight bytes are taken in one read
// of keys, and a byte all keys share is skipped. If the keys' bits below
// bit low already increase along keys (band keys carry their uid there,
// in uid order), the bytes wholly below low are skipped too: sorting the
// rest stably leaves keys equal above bit low in that order, which is the
// sorted one.
func radixSort(keys, scratch []uint64, low uint) {
	if len(keys) < 256 {
		slices.Sort(keys)
		return
	}
	var count [8][256]int
	for _, k := range keys {
		for b := range count {
			count[b][byte(k>>(8*b))]++
		}
	}
	src, dst := keys, scratch
	for b := int(low / 8); b < 8; b++ {
		shift := uint(8 * b)
		c := &count[b]
		if c[byte(src[0]>>shift)] == len(src) {
			continue // every key has this byte
		}
		pos := 0
		for i, n := range c {
			c[i] = pos
			pos += n
		}
		for _, k := range src {
			d := byte(k >> shift)
			dst[c[d]] = k
			c[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
}

// bands computes the candidate pairs of bands [lo,hi) in parallel, one
// band per worker, leaving out pairs already joined according to roots
// (nil: none).
func (l *lsh) bands(lo, hi int, roots []int32) ([][]uint64, int) {
	out := make([][]uint64, hi-lo)
	capped := make([]int, hi-lo)
	for len(l.bufs) < hi-lo {
		l.bufs = append(l.bufs, [2][]uint64{make([]uint64, len(l.reps)), make([]uint64, len(l.reps))})
	}
	var wg sync.WaitGroup
	for j := lo; j < hi; j++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := l.bufs[j-lo]
			out[j-lo], capped[j-lo] = l.band(j, buf[0], buf[1], roots)
		}()
	}
	wg.Wait()
	total := 0
	for _, c := range capped {
		total += c
	}
	return out, total
}

// verifyChunk is the number of candidate pairs verified in parallel
// between two rounds of joining.
const verifyChunk = 1 << 14

type linkStats struct{ checked, joined, capped int }

// link returns the edges of a spanning forest of the near-duplicate graph
// found through LSH: bands are taken in order, Workers at a time; within a
// band, candidate pairs whose sentences are already joined (union-find) are
// skipped, the rest are verified exactly in parallel, and a verified pair
// that joins two families becomes an edge. Every representative's
// non-representative twins (same shingle set) are joined to it by an edge.
// The components of the result are those of the graph of all verified
// pairs; the order of processing is fixed, so the edges are deterministic.
func link(sh *shingles, cfg Config) ([][2]int32, linkStats) {
	var st linkStats
	l := newLSH(sh, cfg)
	uf := newUnionFind(len(sh.rep))
	var edges [][2]int32
	for i, r := range sh.rep {
		if r != int32(i) {
			uf.union(r, int32(i))
			edges = append(edges, [2]int32{r, int32(i)})
		}
	}
	// The first band runs alone, so that the near-duplicates it joins
	// (most of them) are not generated again by the following bands,
	// which run Workers at a time against a snapshot of the roots.
	roots := make([]int32, len(sh.rep))
	for lo, step := 0, 1; lo < cfg.Bands; lo, step = lo+step, max(1, cfg.Workers) {
		for i := range roots {
			roots[i] = uf.find(int32(i))
		}
		perBand, capped := l.bands(lo, min(lo+step, cfg.Bands), roots)
		st.capped += capped
		for _, pairs := range perBand {
			// Verify in chunks, joining after each, so that the many
			// redundant pairs of a dense family (a capped bucket of
			// thousands of variants yields MaxBucket pairs per member)
			// are skipped once its first pairs have joined it.
			for lo := 0; lo < len(pairs); lo += verifyChunk {
				chunk := pairs[lo:min(lo+verifyChunk, len(pairs))]
				todo := chunk[:0]
				for _, p := range chunk {
					if uf.find(int32(p>>32)) != uf.find(int32(uint32(p))) {
						todo = append(todo, p)
					}
				}
				st.checked += len(todo)
				ok := verifyPairs(sh, todo, cfg)
				for i, p := range todo {
					if ok[i] && uf.union(int32(p>>32), int32(uint32(p))) {
						edges = append(edges, [2]int32{int32(p >> 32), int32(uint32(p))})
						st.joined++
					}
				}
			}
		}
	}
	return edges, st
}

// unionFind is a disjoint-set forest with path halving and union by size.
type unionFind struct{ parent, size []int32 }

func newUnionFind(n int) *unionFind {
	u := &unionFind{parent: make([]int32, n), size: make([]int32, n)}
	for i := range u.parent {
		u.parent[i] = int32(i)
		u.size[i] = 1
	}
	return u
}

func (u *unionFind) find(x int32) int32 {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

// union joins the sets of x and y and reports whether they were apart.
func (u *unionFind) union(x, y int32) bool {
	x, y = u.find(x), u.find(y)
	if x == y {
		return false
	}
	if u.size[x] < u.size[y] {
		x, y = y, x
	}
	u.parent[y] = x
	u.size[x] += u.size[y]
	return true
}

// cappedWindow is the number of following members each member of a capped
// bucket is paired with.
const cappedWindow = 16

// bucketPairs appends the pairs of one bucket: all of them if it holds at
// most maxBucket members, else each member with the next cappedWindow
// members, cyclically (n·cappedWindow pairs). Pairs with equal roots
// (roots not nil) are left out.
func bucketPairs[T any](bucket []T, maxBucket int, pairs []uint64, id func(T) int32, roots []int32) []uint64 {
	n := len(bucket)
	if n < 2 {
		return pairs
	}
	add := func(x, y int32) {
		if roots != nil && roots[x] == roots[y] {
			return
		}
		if x > y {
			x, y = y, x
		}
		pairs = append(pairs, uint64(x)<<32|uint64(uint32(y)))
	}
	if n <= maxBucket {
		for i := 0; i < n; i++ {
			for k := i + 1; k < n; k++ {
				add(id(bucket[i]), id(bucket[k]))
			}
		}
		return pairs
	}
	w := min(cappedWindow, n-1)
	for i := 0; i < n; i++ {
		for d := 1; d <= w; d++ {
			add(id(bucket[i]), id(bucket[(i+d)%n]))
		}
	}
	return pairs
}

// jaccard returns |A∩B| / |A∪B| of two sorted sets without repeats.
func jaccard(x, y []uint32) float64 {
	if len(x) == 0 && len(y) == 0 {
		return 1
	}
	inter := 0
	i, k := 0, 0
	for i < len(x) && k < len(y) {
		switch {
		case x[i] == y[k]:
			inter++
			i++
			k++
		case x[i] < y[k]:
			i++
		default:
			k++
		}
	}
	return float64(inter) / float64(len(x)+len(y)-inter)
}

// verifyPairs reports, for each pair, whether its exact Jaccard
// similarity is at least Threshold. Since J(A,B) ≤ min(|A|,|B|) /
// max(|A|,|B|), pairs whose set sizes differ too much are rejected
// without a merge.
func verifyPairs(sh *shingles, pairs []uint64, cfg Config) []bool {
	ok := make([]bool, len(pairs))
	parallel(len(pairs), cfg.Workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			x, y := sh.set(int32(pairs[i]>>32)), sh.set(int32(uint32(pairs[i])))
			small, large := min(len(x), len(y)), max(len(x), len(y))
			if float64(small) < cfg.Threshold*float64(large) {
				continue
			}
			ok[i] = jaccard(x, y) >= cfg.Threshold
		}
	})
	return ok
}
