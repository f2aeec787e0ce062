package classify

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestZZCueTime(t *testing.T) {
	recs := readFullText(t, "2024-07.jsonl.gz")
	seg := sharedSegmenter()
	var sents []string
	for _, r := range recs {
		for _, s := range seg.Split(r.Answer) {
			sents = append(sents, s.Text)
		}
	}
	cl := compiledDefault()
	type res struct {
		name string
		d    time.Duration
		pass int
	}
	var out []res
	for i, c := range cl.cues {
		start := time.Now()
		pass := 0
		for _, s := range sents {
			lower := strings.ToLower(s)
			if c.gate >= 0 && !containsAny(lower, cl.gates[c.gate]) {
				continue
			}
			pass++
			c.re.FindStringIndex(s)
		}
		out = append(out, res{fmt.Sprintf("%d %s %s", i, c.Ground, c.Name), time.Since(start), pass})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].d > out[j].d })
	for _, r := range out[:12] {
		t.Logf("%8v %5d/%d %s", r.d, r.pass, len(sents), r.name)
	}
}
