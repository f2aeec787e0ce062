package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// Z95 is the standard normal quantile for a two-sided 95% interval,
// Φ⁻¹(0.975).
const Z95 = 1.959963984540054

func checkCount(fn string, k, n int) {
	if n < 0 || k < 0 || k > n {
		panic(fmt.Sprintf("stats.%s: count %d out of %d is not a proportion", fn, k, n))
	}
}

// Wilson returns k out of n with its 95% Wilson score interval, the interval
// R's prop.test(k, n, correct = FALSE) gives. With p̂ = k/n and z = Z95:
//
//	centre    = (p̂ + z²/2n) / (1 + z²/n)
//	halfwidth = z / (1 + z²/n) · √( p̂(1−p̂)/n + z²/4n² )
//	[Low, High] = centre ∓ halfwidth
//
// Unlike the textbook p̂ ± z·√(p̂(1−p̂)/n) it stays inside [0, 1] and does
// not collapse to a point at 0/n or n/n, which matters for the small counts
// per body that reports show. For n = 0 the share is 0 and the interval is
// the whole of [0, 1]: nothing is known. It panics if k < 0, n < 0 or k > n.
func Wilson(k, n int) Proportion {
	checkCount("Wilson", k, n)
	if n == 0 {
		return Proportion{Low: 0, High: 1}
	}
	p := float64(k) / float64(n)
	nf := float64(n)
	z2 := Z95 * Z95
	denom := 1 + z2/nf
	centre := (p + z2/(2*nf)) / denom
	half := Z95 / denom * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf))
	low, high := centre-half, centre+half
	// At k = 0 and k = n the bounds are exactly 0 and 1; rounding must not
	// leave them a hair outside or inside.
	if k == 0 {
		low = 0
	}
	if k == n {
		high = 1
	}
	return Proportion{Count: k, Total: n, Share: p, Low: math.Max(0, low), High: math.Min(1, high)}
}

// ClopperPearson returns k out of n with its exact (Clopper–Pearson) 95%
// interval, the one R's binom.test gives. Its bounds are quantiles of Beta
// distributions:
//
//	Low  = B⁻¹(0.025; k, n−k+1)   (0 when k = 0)
//	High = B⁻¹(0.975; k+1, n−k)   (1 when k = n)
//
// It guarantees at least 95% coverage, so it is wider than Wilson; use it
// where a conservative bound matters more than a typical one. For n = 0 the
// interval is [0, 1]. It panics if k < 0, n < 0 or k > n.
func ClopperPearson(k, n int) Proportion {
	checkCount("ClopperPearson", k, n)
	if n == 0 {
		return Proportion{Low: 0, High: 1}
	}
	pr := Proportion{Count: k, Total: n, Share: float64(k) / float64(n), Low: 0, High: 1}
	if k > 0 {
		pr.Low = distuv.Beta{Alpha: float64(k), Beta: float64(n - k + 1)}.Quantile(0.025)
	}
	if k < n {
		pr.High = distuv.Beta{Alpha: float64(k + 1), Beta: float64(n - k)}.Quantile(0.975)
	}
	return pr
}
