package analysis

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/analysis/stats"
	"github.com/parlance-go/parlance/corpus"
)

// AllBodies names Result.Overall, the row of every body together.
const AllBodies = "(all bodies)"

// Tabulate computes every statistic of res from its Answers, Families and
// Config: Grounds, Bodies, Overall, Independence, Correction (stance
// shares corrected for classifier error), FamilyRanking, Askers,
// the answers' BodyName and Parameters. Run calls it; call it yourself on
// a Result built or edited by hand (overriding verdicts, say) so that its
// statistics follow. It replaces whatever statistics res held.
func Tabulate(res *Result) {
	cfg := res.Config
	reg := cfg.registry()
	for i := range res.Answers {
		res.Answers[i].nameBody(reg)
	}
	res.Grounds = groundsOf(res.Answers, cfg.Classifier)
	min := cfg.minBodyAnswers()
	res.MinAnswers = min
	res.Bodies, res.Overall = bodyStats(res.Answers, res.Grounds, min)
	// The test of independence draws its Monte Carlo tables from one
	// random stream, on one CPU; the correction and the rest need none of
	// it, so they run meanwhile. The correction writes only the bodies'
	// Corrected, which the test does not read.
	indep := make(chan stats.Independence, 1)
	go func() { indep <- independence(res.Bodies, res.Answers, min) }()
	res.Correction = correctBodies(res)
	res.Overall.Corrected = res.Correction.All
	res.FamilyRanking = rankFamilies(res, cfg.familyBodyCap())
	res.Askers = askerNames(res.Answers)
	res.Parameters = parameters(cfg)
	res.Independence = <-indep
}

// Tabulated returns res if it carries statistics (it came from Run or
// Tabulate), else a shallow copy of it with statistics computed by
// Tabulate: what a report of a hand-built Result shows.
func Tabulated(res *Result) *Result {
	if res.Overall.Stances != nil {
		return res
	}
	cp := *res
	cp.Answers = slices.Clone(res.Answers)
	Tabulate(&cp)
	return &cp
}

// groundsOf lists the grounds a result reports: the codebook's, in its
// order, then those the classifier's lexicon adds (in the order of their
// first cue), then any other ground a verdict cites (a hand override, say),
// by name. A ground is listed even when no answer cites it, so that a
// table can say "0 of n".
func groundsOf(answers []Answer, clf *classify.Classifier) []classify.Ground {
	out := slices.Clone(classify.Grounds)
	seen := map[classify.Ground]bool{}
	for _, g := range out {
		seen[g] = true
	}
	if clf != nil {
		for _, c := range clf.Lexicon.Cues {
			if !seen[c.Ground] && c.Ground != "" {
				seen[c.Ground] = true
				out = append(out, c.Ground)
			}
		}
	}
	var extra []classify.Ground
	for i := range answers {
		for _, g := range answers[i].Verdict.Grounds {
			if !seen[g] {
				seen[g] = true
				extra = append(extra, g)
			}
		}
	}
	slices.Sort(extra)
	return append(out, extra...)
}

// isClassified reports whether an answer carries one of the five stances.
func isClassified(a *Answer) bool {
	return slices.Contains(classify.Stances, a.Verdict.Stance)
}

// tally counts one body's (or all bodies') classified answers.
type tally struct {
	n, overridden, undated int
	stances                map[classify.Stance]int
	grounds                map[classify.Ground]int
	months                 map[string]*monthTally
	names                  map[string]*NameUse
	first, last            time.Time
}

type monthTally struct {
	n       int
	stances map[classify.Stance]int
}

func newTally() *tally {
	return &tally{stances: map[classify.Stance]int{}, grounds: map[classify.Ground]int{},
		months: map[string]*monthTally{}, names: map[string]*NameUse{}}
}

func (t *tally) add(a *Answer) {
	t.n++
	if a.Verdict.Overridden {
		t.overridden++
	}
	t.stances[a.Verdict.Stance]++
	for _, g := range a.Verdict.Grounds {
		t.grounds[g]++
	}
	d := a.Record.DateAnswered
	if a.BodyName != "" {
		nu := t.names[a.BodyName]
		if nu == nil {
			nu = &NameUse{Name: a.BodyName}
			t.names[a.BodyName] = nu
		}
		nu.Answers++
		if !d.IsZero() {
			if nu.First.IsZero() || d.Before(nu.First) {
				nu.First = d
			}
			if d.After(nu.Last) {
				nu.Last = d
			}
		}
	}
	if d.IsZero() {
		t.undated++
		return
	}
	if t.first.IsZero() || d.Before(t.first) {
		t.first = d
	}
	if d.After(t.last) {
		t.last = d
	}
	k := d.UTC().Format("2006-01")
	m := t.months[k]
	if m == nil {
		m = &monthTally{stances: map[classify.Stance]int{}}
		t.months[k] = m
	}
	m.n++
	m.stances[a.Verdict.Stance]++
}

func (t *tally) stats(body string, grounds []classify.Ground, min int) BodyStats {
	bs := BodyStats{Body: body, Answers: t.n, Overridden: t.overridden, Undated: t.undated, First: t.first, Last: t.last,
		Stances: map[classify.Stance]stats.Proportion{}, Grounds: map[classify.Ground]stats.Proportion{}}
	for _, s := range classify.Stances {
		bs.Stances[s] = stats.Wilson(t.stances[s], t.n)
	}
	for _, g := range grounds {
		bs.Grounds[g] = stats.Wilson(t.grounds[g], t.n)
	}
	keys := make([]string, 0, len(t.months))
	for k := range t.months {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		m := t.months[k]
		ms := MonthStats{Month: k, Answers: m.n, Small: m.n < min, Stances: map[classify.Stance]stats.Proportion{}}
		for _, s := range classify.Stances {
			ms.Stances[s] = stats.Wilson(m.stances[s], m.n)
		}
		bs.Months = append(bs.Months, ms)
	}
	for _, nu := range t.names {
		bs.Names = append(bs.Names, *nu)
	}
	slices.SortFunc(bs.Names, func(a, b NameUse) int {
		return cmp.Or(a.First.Compare(b.First), cmp.Compare(a.Name, b.Name))
	})
	return bs
}

// bodyStats counts stances, grounds and months per answering body and over
// all bodies. Unanswered records are left out of every denominator.
func bodyStats(answers []Answer, grounds []classify.Ground, min int) ([]BodyStats, BodyStats) {
	by := map[string]*tally{}
	all := newTally()
	for i := range answers {
		a := &answers[i]
		if a.Record == nil || !isClassified(a) {
			continue
		}
		body := a.Record.Department
		if body == "" {
			body = UnknownBody
		}
		t := by[body]
		if t == nil {
			t = newTally()
			by[body] = t
		}
		t.add(a)
		all.add(a)
	}
	out := make([]BodyStats, 0, len(by))
	for body, t := range by {
		out = append(out, t.stats(body, grounds, min))
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Answers != out[j].Answers {
			return out[i].Answers > out[j].Answers
		}
		return out[i].Body < out[j].Body
	})
	overall := all.stats(AllBodies, grounds, min)
	overall.Names = nil
	return out, overall
}

// rankFamilies orders the boilerplate families for headlines and tables by
// their spread: the answers using the family, counting at most cap answers
// from any one body. A letter one department sends hundreds of times thus
// counts as cap answers, and a sentence many bodies use ranks above it.
// Ties go to more answers, then to the lower family ID.
func rankFamilies(res *Result, cap int) []FamilyRank {
	out := make([]FamilyRank, len(res.Families))
	for i, f := range res.Families {
		spread := 0
		for _, b := range f.Bodies {
			spread += min(b.Answers, cap)
		}
		out[i] = FamilyRank{Index: i, ID: f.ID, Spread: spread}
	}
	slices.SortStableFunc(out, func(a, b FamilyRank) int {
		fa, fb := &res.Families[a.Index], &res.Families[b.Index]
		return cmp.Or(cmp.Compare(b.Spread, a.Spread), cmp.Compare(fb.Answers, fa.Answers), cmp.Compare(fa.ID, fb.ID))
	})
	return out
}

// askerNames maps each asker key (corpus.Member.Key) to the member's name
// as some record gives it, or, where none does, to "member <ID>".
func askerNames(answers []Answer) map[string]string {
	out := map[string]string{}
	for i := range answers {
		r := answers[i].Record
		if r == nil {
			continue
		}
		k := r.Asker.Key()
		if k == "" {
			continue
		}
		if r.Asker.Name != "" {
			out[k] = r.Asker.Name
		} else if _, ok := out[k]; !ok {
			out[k] = "member " + strconv.Itoa(r.Asker.ID)
		}
	}
	return out
}

// AskerName returns the name of the member an asker key (corpus.Member.Key,
// roundrobin.Group.Asker) stands for: the name a record gives, "member
// <ID>" when the input carried only the ID, or the key itself when no
// record has it.
func (r *Result) AskerName(key string) string {
	if n, ok := r.Askers[key]; ok {
		return n
	}
	if n, ok := cutPrefix(key, "name:"); ok {
		return n
	}
	if n, ok := cutPrefix(key, "id:"); ok {
		return "member " + n
	}
	return key
}

func cutPrefix(s, p string) (string, bool) {
	if len(s) >= len(p) && s[:len(p)] == p {
		return s[len(p):], true
	}
	return s, false
}

// nameBody sets a's BodyName: its body's name on the date it was answered,
// by reg.
func (a *Answer) nameBody(reg *corpus.Registry) {
	if a.Record != nil {
		a.BodyName = reg.NameOn(a.Record.Department, a.Record.DateAnswered)
	}
}
