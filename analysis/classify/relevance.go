package classify

import (
	"math"
	"strings"

	"github.com/parlance-go/parlance/analysis/text"
)

// modelFeatures are the features c.Model weighs for the rules' verdict v:
// featuresOf's, and the relevance features when the model has a space.
func (c *Classifier) modelFeatures(in Input, v Verdict) Features {
	f := featuresOf(in, v)
	if c.Model != nil && c.Model.Space != nil {
		seg := c.Segmenter
		if seg == nil {
			seg = sharedSegmenter()
		}
		c.Model.Space.addRelevance(in, v, seg, f)
	}
	return f
}

// addRelevance adds to f the features that say, in the LSA space s, how
// closely the answer's sentences concern the question's parts. With parts
// p (the question split as questionParts does; the whole question if it
// has one part) and the answer's sentences a, each embedded in s, and
// cos(p, a) their cosine:
//
//   - lsa:question-answer: cos(question, whole answer);
//   - lsa:part-best-min and lsa:part-best-mean: over the parts, the least
//     and the mean of maxₐ cos(p, a), how well the part worst served and
//     the average part are met by some sentence;
//   - lsa:on-topic: the share of the answer's sentences with cos(question,
//     a) ≥ 0.3;
//   - lsa:refusal-nearest: for some part, the sentence nearest it is a
//     refusal (a sentence holding a refusal ground's cue); and
//     lsa:refusal-nearest-all: for every part;
//   - lsa:substance-best: with a refusal in the answer, the highest
//     cos(question, a) of a sentence that is not a refusal: whether
//     something besides the refusal speaks to the question.
//
// The measures are in [0, 1] (negative cosines count as 0), and each has a
// bucketed companion ("lsa:part-best-min:<0.3"), since the model is linear
// in its features.
func (s *Space) addRelevance(in Input, v Verdict, seg *text.Segmenter, f Features) {
	rec := in.Record
	if rec == nil || strings.TrimSpace(rec.Answer) == "" {
		return
	}
	sents := in.Sentences
	if sents == nil {
		sents = seg.Split(rec.Answer)
	}
	type sent struct {
		vec     []float64
		refusal bool
	}
	var ss []sent
	for _, st := range sents {
		e := s.Embed(st.Text)
		if e == nil {
			continue
		}
		refusal := false
		for _, ev := range v.Evidence {
			if ev.InQuestion || ev.Start == ev.End {
				continue
			}
			if (strings.HasPrefix(ev.Cue, "ground:") || strings.HasPrefix(ev.Cue, "family:")) && ev.Start < st.End && ev.End > st.Start {
				refusal = true
				break
			}
		}
		ss = append(ss, sent{e, refusal})
	}
	qv := s.Embed(rec.Question)
	if qv == nil || len(ss) == 0 {
		f["lsa:none"] = 1
		return
	}
	pos := func(x float64) float64 { return math.Max(0, x) }
	cuts := []float64{0.3, 0.5, 0.7}
	set := func(name string, x float64) {
		f[name] = x
		f[name+":"+bucket(x, cuts)] = 1
	}
	set("lsa:question-answer", pos(cosine(qv, s.Embed(rec.Answer))))

	var parts [][]float64
	for _, p := range questionParts(rec.Question) {
		if e := s.Embed(p); e != nil {
			parts = append(parts, e)
		}
	}
	if len(parts) < 2 {
		parts = [][]float64{qv}
	}
	bestMin, bestSum := 1.0, 0.0
	nearestRefusal := 0
	for _, p := range parts {
		best, at := -1.0, 0
		for i, a := range ss {
			if c := cosine(p, a.vec); c > best {
				best, at = c, i
			}
		}
		best = pos(best)
		bestMin = math.Min(bestMin, best)
		bestSum += best
		if ss[at].refusal {
			nearestRefusal++
		}
	}
	set("lsa:part-best-min", bestMin)
	set("lsa:part-best-mean", bestSum/float64(len(parts)))

	on, refusals := 0, 0
	substance := 0.0
	for _, a := range ss {
		c := pos(cosine(qv, a.vec))
		if c >= 0.3 {
			on++
		}
		if a.refusal {
			refusals++
		} else {
			substance = math.Max(substance, c)
		}
	}
	f["lsa:on-topic"] = float64(on) / float64(len(ss))
	if nearestRefusal > 0 {
		f["lsa:refusal-nearest"] = 1
		if nearestRefusal == len(parts) {
			f["lsa:refusal-nearest-all"] = 1
		}
	}
	if refusals > 0 {
		set("lsa:substance-best", substance)
	}
}
