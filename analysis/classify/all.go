package classify

import "github.com/parlance-go/parlance/internal/parallel"

// ClassifyAll classifies many answers on all CPUs and returns their
// verdicts in the order of ins. It is Classify in parallel: the result is
// the same as calling Classify on each input in turn.
func (c *Classifier) ClassifyAll(ins []Input) []Verdict {
	if err := c.Prepare(); err != nil {
		panic("classify: " + err.Error())
	}
	out := make([]Verdict, len(ins))
	parallel.For(len(ins), func(i int) { out[i] = c.Classify(ins[i]) })
	return out
}
