package classify

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// PRF is precision, recall and F1 for one class, with the counts they come
// from. Precision = TP/(TP+FP), Recall = TP/(TP+FN), F1 = 2PR/(P+R); each is
// 0 when its denominator is 0.
type PRF struct {
	TP, FP, FN            int
	Precision, Recall, F1 float64
	Support               int // gold items of the class: TP + FN
}

func prf(tp, fp, fn int) PRF {
	p := PRF{TP: tp, FP: fp, FN: fn, Support: tp + fn}
	if tp+fp > 0 {
		p.Precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		p.Recall = float64(tp) / float64(tp+fn)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
	return p
}

// Scores compares predicted verdicts with gold ones.
type Scores struct {
	// N is the number of items scored: gold items with a prediction. Gold
	// items without a prediction are counted in Missing and not scored.
	N, Missing int
	// Accuracy is the share of the N items whose stance matches.
	Accuracy float64
	// Stance holds per-stance scores for the codebook's stances.
	Stance map[Stance]PRF
	// Confusion[gold][predicted] counts items.
	Confusion map[Stance]map[Stance]int
	// MacroF1 is the unweighted mean F1 over disclosed, partial and declined.
	MacroF1 float64
	// Grounds scores the (item, ground) pairs over all items: a pair is a
	// true positive when both gold and prediction give that ground for that
	// item, whatever their stances. Micro-averaged over all grounds.
	Grounds PRF
	// PerGround holds the same per ground.
	PerGround map[Ground]PRF
	// ByConfidence holds the stance accuracy of the scored items in each
	// band of the predicted verdict's confidence, ConfidenceBands in order:
	// whether a verdict's confidence says how far to trust it.
	ByConfidence []ConfidenceBand
}

// ConfidenceBand is the stance accuracy of the verdicts whose confidence c
// lies in [Lo, Hi) (the last band includes 1).
type ConfidenceBand struct {
	Lo, Hi     float64
	N, Correct int
	Accuracy   float64 // Correct/N, 0 when N is 0
}

// ConfidenceBands are the bands Evaluate reports accuracy in.
var ConfidenceBands = [][2]float64{{0, 0.6}, {0.6, 0.7}, {0.7, 0.8}, {0.8, 0.9}, {0.9, 1}}

// Evaluate scores pred against gold, both keyed by record ID. Items of gold
// missing from pred are counted in Missing; items of pred not in gold are
// ignored. It needs no data files: the README's numbers come from it.
func Evaluate(gold, pred map[string]Verdict) Scores {
	s := Scores{Stance: map[Stance]PRF{}, Confusion: map[Stance]map[Stance]int{}, PerGround: map[Ground]PRF{}}
	for _, b := range ConfidenceBands {
		s.ByConfidence = append(s.ByConfidence, ConfidenceBand{Lo: b[0], Hi: b[1]})
	}
	ids := make([]string, 0, len(gold))
	for id := range gold {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	type cnt struct{ tp, fp, fn int }
	st := map[Stance]*cnt{}
	gr := map[Ground]*cnt{}
	get := func(m map[Stance]*cnt, k Stance) *cnt {
		if m[k] == nil {
			m[k] = &cnt{}
		}
		return m[k]
	}
	getG := func(k Ground) *cnt {
		if gr[k] == nil {
			gr[k] = &cnt{}
		}
		return gr[k]
	}
	correct := 0
	for _, id := range ids {
		g := gold[id]
		p, ok := pred[id]
		if !ok {
			s.Missing++
			continue
		}
		s.N++
		if s.Confusion[g.Stance] == nil {
			s.Confusion[g.Stance] = map[Stance]int{}
		}
		s.Confusion[g.Stance][p.Stance]++
		for i := range s.ByConfidence {
			b := &s.ByConfidence[i]
			if p.Confidence >= b.Lo && (p.Confidence < b.Hi || i == len(s.ByConfidence)-1) {
				b.N++
				if g.Stance == p.Stance {
					b.Correct++
				}
				break
			}
		}
		if g.Stance == p.Stance {
			correct++
			get(st, g.Stance).tp++
		} else {
			get(st, g.Stance).fn++
			get(st, p.Stance).fp++
		}
		gset := map[Ground]bool{}
		for _, x := range g.Grounds {
			gset[x] = true
		}
		pset := map[Ground]bool{}
		for _, x := range p.Grounds {
			pset[x] = true
		}
		for x := range gset {
			if pset[x] {
				getG(x).tp++
			} else {
				getG(x).fn++
			}
		}
		for x := range pset {
			if !gset[x] {
				getG(x).fp++
			}
		}
	}
	if s.N > 0 {
		s.Accuracy = float64(correct) / float64(s.N)
	}
	for i := range s.ByConfidence {
		if b := &s.ByConfidence[i]; b.N > 0 {
			b.Accuracy = float64(b.Correct) / float64(b.N)
		}
	}
	for _, k := range Stances {
		c := get(st, k)
		s.Stance[k] = prf(c.tp, c.fp, c.fn)
	}
	s.MacroF1 = (s.Stance[Disclosed].F1 + s.Stance[Partial].F1 + s.Stance[Declined].F1) / 3
	var tp, fp, fn int
	for k, c := range gr {
		s.PerGround[k] = prf(c.tp, c.fp, c.fn)
		tp += c.tp
		fp += c.fp
		fn += c.fn
	}
	s.Grounds = prf(tp, fp, fn)
	return s
}

// Markdown renders the scores as Markdown tables: per-stance precision,
// recall and F1, the headline figures, per-ground scores, accuracy by
// confidence band and the confusion matrix (rows gold, columns predicted).
func (s Scores) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "| stance | precision | recall | F1 | support |\n| --- | ---: | ---: | ---: | ---: |\n")
	for _, k := range Stances {
		p := s.Stance[k]
		fmt.Fprintf(&b, "| %s | %.2f | %.2f | %.2f | %d |\n", k, p.Precision, p.Recall, p.F1, p.Support)
	}
	fmt.Fprintf(&b, "\n| measure | value |\n| --- | ---: |\n")
	fmt.Fprintf(&b, "| items scored | %d |\n", s.N)
	fmt.Fprintf(&b, "| accuracy | %.3f |\n", s.Accuracy)
	fmt.Fprintf(&b, "| macro-F1 (disclosed, partial, declined) | %.3f |\n", s.MacroF1)
	fmt.Fprintf(&b, "| referred F1 | %.3f |\n", s.Stance[Referred].F1)
	fmt.Fprintf(&b, "| holding F1 | %.3f |\n", s.Stance[Holding].F1)
	fmt.Fprintf(&b, "| grounds micro-F1 (P %.2f, R %.2f) | %.3f |\n", s.Grounds.Precision, s.Grounds.Recall, s.Grounds.F1)
	gs := make([]Ground, 0, len(s.PerGround))
	for g := range s.PerGround {
		gs = append(gs, g)
	}
	gs = sortGrounds(gs)
	if len(gs) > 0 {
		fmt.Fprintf(&b, "\n| ground | precision | recall | F1 | support |\n| --- | ---: | ---: | ---: | ---: |\n")
		for _, g := range gs {
			p := s.PerGround[g]
			fmt.Fprintf(&b, "| %s | %.2f | %.2f | %.2f | %d |\n", g, p.Precision, p.Recall, p.F1, p.Support)
		}
	}
	if len(s.ByConfidence) > 0 {
		fmt.Fprintf(&b, "\n| confidence | verdicts | stance right | accuracy |\n| --- | ---: | ---: | ---: |\n")
		for i, c := range s.ByConfidence {
			hi := ")"
			if i == len(s.ByConfidence)-1 {
				hi = "]"
			}
			fmt.Fprintf(&b, "| [%.1f, %.1f%s | %d | %d | %.2f |\n", c.Lo, c.Hi, hi, c.N, c.Correct, c.Accuracy)
		}
	}
	cols := append(append([]Stance{}, Stances...), Unanswered)
	fmt.Fprintf(&b, "\n| gold \\ predicted |")
	for _, c := range cols {
		fmt.Fprintf(&b, " %s |", c)
	}
	fmt.Fprintf(&b, "\n| --- |%s\n", strings.Repeat(" ---: |", len(cols)))
	for _, r := range Stances {
		fmt.Fprintf(&b, "| %s |", r)
		for _, c := range cols {
			fmt.Fprintf(&b, " %d |", s.Confusion[r][c])
		}
		b.WriteString("\n")
	}
	return b.String()
}

// CohenKappa is Cohen's κ for the stances two coders (or a coder and the
// classifier) gave to the items both coded:
//
//	κ = (pₒ − pₑ) / (1 − pₑ)
//
// where pₒ is the share of items on which they agree and pₑ = Σₖ aₖ·bₖ the
// agreement expected by chance from each coder's share of stance k. n is
// the number of items both coded. κ is 1 when pₑ is 1 (both coders used one
// stance throughout and agree) and NaN when n is 0.
func CohenKappa(a, b map[string]Verdict) (kappa float64, n int) {
	ca, cb := map[Stance]int{}, map[Stance]int{}
	agree := 0
	for id, va := range a {
		vb, ok := b[id]
		if !ok {
			continue
		}
		n++
		ca[va.Stance]++
		cb[vb.Stance]++
		if va.Stance == vb.Stance {
			agree++
		}
	}
	if n == 0 {
		return math.NaN(), 0
	}
	po := float64(agree) / float64(n)
	pe := 0.0
	for k, x := range ca {
		pe += float64(x) / float64(n) * float64(cb[k]) / float64(n)
	}
	if pe == 1 {
		return 1, n
	}
	return (po - pe) / (1 - pe), n
}
