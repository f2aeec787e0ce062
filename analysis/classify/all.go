package classify

import (
	"runtime"
	"sync"
)

// ClassifyAll classifies many answers on all CPUs and returns their
// verdicts in the order of ins. It is Classify in parallel: the result is
// the same as calling Classify on each input in turn.
func (c *Classifier) ClassifyAll(ins []Input) []Verdict {
	if err := c.Prepare(); err != nil {
		panic("classify: " + err.Error())
	}
	out := make([]Verdict, len(ins))
	workers := runtime.GOMAXPROCS(0)
	if workers > len(ins) {
		workers = len(ins)
	}
	var wg sync.WaitGroup
	next := make(chan int, 256)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = c.Classify(ins[i])
			}
		}()
	}
	for i := range ins {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
