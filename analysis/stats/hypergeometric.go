package stats

import (
	"math"
	"math/rand/v2"
)

// hypergeometric draws the number of marked items among n drawn without
// replacement from pop items of which marked are marked:
//
//	Pr(X = x) = C(marked, x) · C(pop−marked, n−x) / C(pop, n),
//	max(0, n−pop+marked) ≤ x ≤ min(n, marked).
//
// It inverts the distribution function with one uniform u from rng,
// searching outward from the mode m = ⌊(n+1)(marked+1)/(pop+2)⌋: Pr(m)
// comes from log-gamma, and its neighbours from the ratios
//
//	Pr(x+1)/Pr(x) = (marked−x)(n−x) / ((x+1)(pop−marked−n+x+1)),
//
// so a draw takes O(1 + |X − m|) steps, of the order of the standard
// deviation, whatever pop is. The search takes the values below and above
// the mode in turn; u falls in exactly one value's stretch of [0, 1), so
// the draw has the distribution above up to rounding in the
// probabilities (relative error about 1e-12 for pop near a million). The
// u that rounding leaves beyond every value (below 1e-9) gives the mode.
// It panics unless 0 ≤ marked ≤ pop and 0 ≤ n ≤ pop.
func hypergeometric(rng *rand.Rand, pop, marked, n int) int {
	if marked < 0 || n < 0 || marked > pop || n > pop {
		panic("stats: hypergeometric parameters out of range")
	}
	lo, hi := max(0, n-(pop-marked)), min(n, marked)
	if lo == hi {
		return lo
	}
	m := int((float64(n+1) * float64(marked+1)) / float64(pop+2))
	m = min(max(m, lo), hi)
	pm := math.Exp(logChoose(marked, m) + logChoose(pop-marked, n-m) - logChoose(pop, n))
	u := rng.Float64() - pm
	if u < 0 {
		return m
	}
	K, N, fK := float64(marked), float64(n), float64(pop-marked)
	down, up := m, m // the last values taken below and above the mode
	pd, pu := pm, pm // their probabilities
	for down > lo || up < hi {
		if down > lo {
			x := float64(down)
			pd *= x * (fK - N + x) / ((K - x + 1) * (N - x + 1))
			down--
			if u -= pd; u < 0 {
				return down
			}
		}
		if up < hi {
			x := float64(up)
			pu *= (K - x) * (N - x) / ((x + 1) * (fK - N + x + 1))
			up++
			if u -= pu; u < 0 {
				return up
			}
		}
	}
	return m
}

// logChoose returns log C(n, k) for 0 ≤ k ≤ n.
func logChoose(n, k int) float64 {
	a, _ := math.Lgamma(float64(n + 1))
	b, _ := math.Lgamma(float64(k + 1))
	c, _ := math.Lgamma(float64(n - k + 1))
	return a - b - c
}
