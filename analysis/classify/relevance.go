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
//   - lsa:part-best-min: the least over the parts of maxₐ cos(p, a), how
//     well the part worst served is met by some sentence;
//   - lsa:on-topic: the share of the answer's sentences with cos(question,
//     a) ≥ 0.3;
//   - lsa:substance-best: with a refusal in the answer (a sentence holding
//     a refusal ground's cue), the highest cos(question, a) of a sentence
//     that is not a refusal: whether something besides the refusal speaks
//     to the question.
//
// The measures are in [0, 1] (negative cosines count as 0), and each but
// on-topic has a bucketed companion ("lsa:part-best-min:<0.3"), since the
// model is linear in its features. Two more were tried and left out, as
// they did not raise macro-F1 by time split or by cross-validation
// (TestRelevanceFeatures): the mean over the parts of their best cosine,
// and whether a refusal is the sentence nearest a part.
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
	bestMin := 1.0
	for _, p := range parts {
		best := 0.0
		for _, a := range ss {
			best = math.Max(best, cosine(p, a.vec))
		}
		bestMin = math.Min(bestMin, best)
	}
	set("lsa:part-best-min", bestMin)

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
	if refusals > 0 {
		set("lsa:substance-best", substance)
	}
}
