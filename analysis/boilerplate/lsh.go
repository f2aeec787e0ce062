package boilerplate

import (
	"math/rand/v2"
	"slices"
	"sync"
)

// shingles holds the shingle-hash sets of the distinct sentences in one
// flat array: set i is flat[off[i]:off[i+1]], sorted and without repeats.
type shingles struct {
	flat []uint32
	off  []int
	// rep[i] is the least uid with exactly the same shingle set as i
	// (sentences differing only in numbers or punctuation); LSH runs on
	// representatives only (rep[i] == i).
	rep []int32
}

func (s *shingles) set(i int32) []uint32 { return s.flat[s.off[i]:s.off[i+1]] }

// shingleAll hashes the word k-shingles of every distinct sentence. A
// sentence of fewer than k words is one shingle of all its words.
func shingleAll(words [][]uint64, cfg Config) *shingles {
	k := cfg.ShingleSize
	sets := make([][]uint32, len(words))
	parallel(len(words), cfg.Workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			w := words[i]
			n := max(len(w)-k+1, 1)
			set := make([]uint32, 0, n)
			for s := 0; s < n; s++ {
				h := uint64(k)
				for _, x := range w[s:min(s+k, len(w))] {
					h = mix64(h ^ x)
				}
				set = append(set, uint32(h>>32))
			}
			slices.Sort(set)
			sets[i] = slices.Compact(set)
		}
	})
	sh := &shingles{off: make([]int, len(words)+1), rep: make([]int32, len(words))}
	total := 0
	for i, s := range sets {
		sh.off[i] = total
		total += len(s)
	}
	sh.off[len(words)] = total
	sh.flat = make([]uint32, 0, total)
	byContent := make(map[uint64]int32, len(sets))
	for i, s := range sets {
		sh.flat = append(sh.flat, s...)
		sets[i] = nil
		// Group identical sets by a hash of their content, checked
		// element by element so a hash collision cannot merge two sets.
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
			if slices.Equal(sh.set(r), sh.flat[sh.off[i]:sh.off[i]+len(s)]) {
				sh.rep[i] = r
				break
			}
			h++ // open addressing on collision
		}
	}
	return sh
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

// candidates returns the distinct candidate pairs (lesser uid first, as
// a<<32|b) of representatives sharing an LSH bucket in some band, sorted,
// and the number of capped buckets.
func candidates(sh *shingles, cfg Config) ([]uint64, int) {
	var reps []int32
	for i, r := range sh.rep {
		if r == int32(i) {
			reps = append(reps, int32(i))
		}
	}
	a, b := hashFamily(cfg)
	r := cfg.Hashes / cfg.Bands
	// Each representative's band key and uid are packed in one uint64,
	// key in the high bits, uid in the low idBits, so a band sorts as
	// plain integers. Truncating the key can only merge buckets, adding
	// candidates that verification rejects; it never loses one.
	idBits := uint(1)
	for 1<<idBits < len(sh.rep) {
		idBits++
	}
	idMask := uint64(1)<<idBits - 1
	perBand := make([][]uint64, cfg.Bands)
	capped := make([]int, cfg.Bands)
	bands := make(chan int, cfg.Bands)
	for j := 0; j < cfg.Bands; j++ {
		bands <- j
	}
	close(bands)
	var wg sync.WaitGroup
	for w := 0; w < max(1, min(cfg.Workers, cfg.Bands)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			keys := make([]uint64, len(reps))
			mins := make([]uint64, r)
			for j := range bands {
				pa, pb := a[j*r:(j+1)*r], b[j*r:(j+1)*r]
				for n, id := range reps {
					for p := range mins {
						mins[p] = ^uint64(0)
					}
					for _, x := range sh.set(id) {
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
					keys[n] = key&^idMask | uint64(id)
				}
				slices.Sort(keys)
				var pairs []uint64
				for lo := 0; lo < len(keys); {
					hi := lo + 1
					for hi < len(keys) && keys[hi]&^idMask == keys[lo]&^idMask {
						hi++
					}
					bucket := keys[lo:hi]
					if len(bucket) > cfg.MaxBucket {
						capped[j]++
					}
					pairs = bucketPairs(bucket, cfg.MaxBucket, pairs, func(k uint64) int32 { return int32(k & idMask) })
					lo = hi
				}
				slices.Sort(pairs)
				perBand[j] = slices.Compact(pairs)
			}
		}()
	}
	wg.Wait()
	total, nCapped := 0, 0
	for j := range perBand {
		total += len(perBand[j])
		nCapped += capped[j]
	}
	all := make([]uint64, 0, total)
	for j := range perBand {
		all = append(all, perBand[j]...)
		perBand[j] = nil
	}
	slices.Sort(all)
	return slices.Compact(all), nCapped
}

// bucketPairs appends the pairs of one bucket: all of them if it holds at
// most window members, else each member with the next window members,
// cyclically (n·window pairs).
func bucketPairs[T any](bucket []T, window int, pairs []uint64, id func(T) int32) []uint64 {
	n := len(bucket)
	if n < 2 {
		return pairs
	}
	pair := func(x, y int32) uint64 {
		if x > y {
			x, y = y, x
		}
		return uint64(x)<<32 | uint64(uint32(y))
	}
	if n <= window {
		for i := 0; i < n; i++ {
			for k := i + 1; k < n; k++ {
				pairs = append(pairs, pair(id(bucket[i]), id(bucket[k])))
			}
		}
		return pairs
	}
	for i := 0; i < n; i++ {
		for d := 1; d <= window; d++ {
			pairs = append(pairs, pair(id(bucket[i]), id(bucket[(i+d)%n])))
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

// verify returns the candidate pairs whose exact Jaccard similarity is at
// least Threshold, plus an edge from every non-representative sentence to
// its representative (identical shingle sets, J = 1), in sorted order.
func verify(sh *shingles, pairs []uint64, cfg Config) [][2]int32 {
	ok := make([]bool, len(pairs))
	// Jaccard bounds first: J ≤ min/max of the set sizes, so pairs whose
	// sizes differ too much are rejected without a merge.
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
	var edges [][2]int32
	for i, p := range pairs {
		if ok[i] {
			edges = append(edges, [2]int32{int32(p >> 32), int32(uint32(p))})
		}
	}
	for i, r := range sh.rep {
		if r != int32(i) {
			edges = append(edges, [2]int32{r, int32(i)})
		}
	}
	return edges
}
