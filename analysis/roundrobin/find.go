package roundrobin

import (
	"encoding/binary"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/internal/parallel"
)

// Defaults for the zero Config.
const (
	// DefaultWindowDays is the longest gap, in days, between consecutive
	// tabling dates within a group. Measured on the API corpus (58,173
	// questions): among questions with the same asker and the same
	// neutralised text put to two or more bodies, the gaps between
	// consecutive tabling dates are 0–6 days (814 gaps) and then jump to 18
	// days and more (6 gaps, re-askings weeks or months later). 14 sits in
	// that gap. It bounds gaps rather than the whole span because round
	// robins are tabled in waves: the Hikvision one ran from 6 July 2023
	// (Cabinet Office) through 17–19 July to 21 July (DEFRA), 15 days.
	DefaultWindowDays = 14
	// DefaultMinSimilarity is the least weighted Similarity at which a
	// reworded question from the same asker joins a group (see Find for the
	// stricter bar on substituted words). Chosen by measurement on the API
	// corpus (go test -sweep): every threshold from 0.5 to 1 keeps all of the
	// exact-match round robins whole; lowering it from 1 adds rewordings
	// (0 at 1.0, 21 at 0.9, 56 at 0.8, 106 at 0.7, 149 at 0.6, 207 at 0.5),
	// of which a hand-judged sample at 0.7 found 62 of 80 right (the rest
	// mostly clipped texts whose shared preamble hides a different
	// question). 0.7 keeps estimated member purity above 0.98. The reworded
	// Hikvision question scores 1.0 against its round robin.
	DefaultMinSimilarity = 0.7
	// DefaultMinBodies is the fewest distinct bodies a group needs.
	DefaultMinBodies = 2
)

// Config controls Find. The zero value uses the defaults above; any field
// that is zero or negative takes its default.
type Config struct {
	WindowDays    int     // the longest gap in days between consecutive tabling dates in a group; default DefaultWindowDays
	MinSimilarity float64 // the least Similarity for a reworded question to join; default DefaultMinSimilarity
	MinBodies     int     // the fewest distinct bodies for a group; default DefaultMinBodies
}

// WithDefaults returns c with every zero field set to the default Find
// uses: the parameters a run actually had.
func (c Config) WithDefaults() Config { return c.withDefaults() }

func (c Config) withDefaults() Config {
	if c.WindowDays <= 0 {
		c.WindowDays = DefaultWindowDays
	}
	if c.MinSimilarity <= 0 {
		c.MinSimilarity = DefaultMinSimilarity
	}
	if c.MinBodies <= 0 {
		c.MinBodies = DefaultMinBodies
	}
	return c
}

// Find groups round-robin questions and links campaigns.
//
// A group is a set of records with one asker (corpus.Member.Key), with no
// gap longer than cfg.WindowDays between consecutive tabling dates, that ask
// the same question of cfg.MinBodies or more distinct bodies. It is built in two steps, both
// blocked by asker so that the work grows with the number of questions each
// member tables within a window, not with the square of the corpus:
//
//  1. records with the same asker and the same Neutralise text form exact
//     clusters (a new cluster starts when a record is tabled more than
//     WindowDays after the cluster's last);
//  2. clusters of one asker whose date ranges overlap or lie within
//     WindowDays of each other are merged, most similar pair first, when every pair of their texts has
//     Similarity ≥ MinSimilarity (complete linkage, so that a chain of small
//     rewordings cannot join unlike questions) and they share no body. The
//     last rule keeps apart the series of templated questions some members
//     put to every department on one day ("how many staff … are based in
//     India", "… in China"): a round robin asks each body once. Two records
//     of one body may be merged only when that body answered them together
//     (Record.GroupedUINs), since they then share one answer.
//
// Records without an asker, a tabling date or question text take part in no
// group. Clusters with fewer than MinBodies bodies are not reported.
// A body appears more than once in a group only when the asker tabled the
// same text to it more than once in the window (exact clusters are not
// split by body), or when it answered reworded copies together; counts of
// answers by body should count each body once (Group.Bodies does).
//
// Members' Source is "exact" when their neutralised text is the group's
// Canonical, "near" when it is a rewording, and "grouped-uin" when their
// body answered them together with a member listed before them: counts of
// answers by body should count such a member once. Member.AnsweredWith lists
// every record in records the body answered together with the member,
// whether or not in the group (questions answered together are one answer,
// not a round robin).
//
// Groups are ordered by number of bodies (descending), first tabling date,
// canonical text and first member ID, and numbered "rr-0001", "rr-0002", …
// in that order. Members are ordered by body, then ID.
//
// Campaigns link records from two or more askers whose neutralised texts are
// the same (or, where a source clipped a text, agree word for word as far as
// the clipped text goes) and have at least MinCampaignWords content words,
// so that stock phrases such as "if [minister] will make a statement" link
// nothing. They carry no date window. Campaigns are ordered by number of
// askers (descending), then canonical text.
func Find(records []corpus.Record, cfg Config) ([]Group, []Campaign) {
	cfg = cfg.withDefaults()
	f := &finder{recs: records, cfg: cfg, texts: make([]text, len(records)), keyer: newKeyer()}
	// Neutralising is most of the work and independent per record: share
	// it among the CPUs, then number the words in record order. Chunk by
	// chunk, so that only one chunk's word lists are alive at once (the
	// texts keep their words as numbers).
	in := interner{}
	keys := make([]textKey, min(len(records), neutraliseChunk))
	lengths := make([]int, len(keys))
	words := make([][]string, len(keys))
	for lo := 0; lo < len(records); lo += neutraliseChunk {
		hi := min(lo+neutraliseChunk, len(records))
		parallel.For(hi-lo, func(k int) {
			n := Neutralise(records[lo+k].Question)
			keys[k], lengths[k] = f.keyer.key(n), len(n)
			words[k] = tokens(n)
		})
		for i := lo; i < hi; i++ {
			f.texts[i] = intern(keys[i-lo], lengths[i-lo], words[i-lo], clipped(records[i].Question, records[i].Truncated), in)
		}
	}
	f.idf = idf(f.texts, len(in))
	for i := range f.texts {
		for _, x := range f.texts[i].set {
			f.texts[i].weight += f.idf[x]
		}
	}
	f.linkAnsweredTogether()
	groups := f.groups()
	campaigns := f.campaigns(groups)
	return groups, campaigns
}

// neutraliseChunk is the number of questions Find neutralises and splits
// into words before numbering their words: enough to keep every CPU busy,
// few enough that the word lists of a million questions are never alive
// at once.
const neutraliseChunk = 8192

// idf returns the smoothed inverse document frequency of each of n words
// over texts; see weights.
func idf(texts []text, n int) weights {
	df := make([]int, n)
	for _, t := range texts {
		for _, x := range t.set {
			df[x]++
		}
	}
	w := make(weights, n)
	N := float64(len(texts))
	for x, d := range df {
		w[x] = math.Log((N+1)/float64(d+1)) + 1
	}
	return w
}

// MinCampaignWords is the fewest content words (after Neutralise, without
// list markers and stop words) a question needs to link a campaign.
const MinCampaignWords = 5

type finder struct {
	recs  []corpus.Record
	cfg   Config
	texts []text
	keyer keyer // of texts
	idf   weights
	// together[i] lists the indices of the records the body of record i
	// answered together with it, sorted.
	together [][]int
}

// linkAnsweredTogether resolves Record.GroupedUINs to record indices. A UIN
// is unique only within a House and session, so a UIN is matched to the
// record of the same House and body with that UIN tabled nearest in time,
// within a year.
func (f *finder) linkAnsweredTogether() {
	type key struct {
		house corpus.House
		body  string
		uin   string
	}
	byUIN := map[key][]int{}
	hasGrouped := false
	for i := range f.recs {
		r := &f.recs[i]
		if r.UIN != "" {
			k := key{r.House, r.Department, r.UIN}
			byUIN[k] = append(byUIN[k], i)
		}
		hasGrouped = hasGrouped || len(r.GroupedUINs) > 0
	}
	f.together = make([][]int, len(f.recs))
	if !hasGrouped {
		return
	}
	const year = 366 * 24 * time.Hour
	add := func(i, j int) {
		for _, x := range f.together[i] {
			if x == j {
				return
			}
		}
		f.together[i] = append(f.together[i], j)
	}
	for i := range f.recs {
		r := &f.recs[i]
		for _, u := range r.GroupedUINs {
			best, bestGap := -1, time.Duration(0)
			for _, j := range byUIN[key{r.House, r.Department, u}] {
				if j == i {
					continue
				}
				gap := GroupingDate(r).Sub(GroupingDate(&f.recs[j])).Abs()
				if gap > year {
					continue
				}
				if best < 0 || gap < bestGap {
					best, bestGap = j, gap
				}
			}
			if best >= 0 {
				add(i, best)
				add(best, i) // the link holds both ways even where one side lists it
			}
		}
	}
	for i := range f.together {
		sort.Ints(f.together[i])
	}
}

func (f *finder) answeredTogether(i, j int) bool {
	for _, x := range f.together[i] {
		if x == j {
			return true
		}
	}
	return false
}

// cluster is a set of records of one asker under construction.
type cluster struct {
	members     []int // record indices
	reps        []int // one record per distinct neutralised text, for complete linkage
	first, last time.Time
	bodies      map[string][]int // body → member indices
	minID       string
}

func (c *cluster) absorb(o *cluster) {
	c.members = append(c.members, o.members...)
	c.reps = append(c.reps, o.reps...)
	if o.first.Before(c.first) {
		c.first = o.first
	}
	if o.last.After(c.last) {
		c.last = o.last
	}
	for b, ms := range o.bodies {
		c.bodies[b] = append(c.bodies[b], ms...)
	}
	if o.minID < c.minID {
		c.minID = o.minID
	}
}

func (f *finder) groups() []Group {
	window := time.Duration(f.cfg.WindowDays) * 24 * time.Hour
	byAsker := map[string][]int{}
	for i := range f.recs {
		r := &f.recs[i]
		k := r.Asker.Key()
		if k == "" || GroupingDate(r).IsZero() || f.texts[i].length == 0 {
			continue
		}
		byAsker[k] = append(byAsker[k], i)
	}
	askers := make([]string, 0, len(byAsker))
	for k := range byAsker {
		askers = append(askers, k)
	}
	sort.Strings(askers)

	var out []*cluster
	for _, a := range askers {
		idx := byAsker[a]
		sort.Slice(idx, func(x, y int) bool {
			rx, ry := &f.recs[idx[x]], &f.recs[idx[y]]
			if dx, dy := GroupingDate(rx), GroupingDate(ry); !dx.Equal(dy) {
				return dx.Before(dy)
			}
			return rx.ID < ry.ID
		})
		clusters := f.exactClusters(idx, window)
		clusters = f.merge(clusters, window)
		for _, c := range clusters {
			if len(c.bodies) >= f.cfg.MinBodies {
				out = append(out, c)
			}
		}
	}
	groups := make([]Group, len(out))
	for n, c := range out {
		groups[n] = f.group(f.recs[c.members[0]].Asker.Key(), c)
	}
	sort.SliceStable(groups, func(x, y int) bool {
		gx, gy := &groups[x], &groups[y]
		if bx, by := gx.Bodies(), gy.Bodies(); bx != by {
			return bx > by
		}
		if !gx.First.Equal(gy.First) {
			return gx.First.Before(gy.First)
		}
		if gx.Canonical != gy.Canonical {
			return gx.Canonical < gy.Canonical
		}
		return minMemberID(gx) < minMemberID(gy)
	})
	for n := range groups {
		groups[n].ID = fmt.Sprintf("rr-%04d", n+1)
	}
	return groups
}

// GroupingDate is the date by which Find places a record in time: its
// tabling date, or, when the source gives none (TheyWorkForYou's 2009
// written answers, Parallel Parliament pages), its answer date. A round
// robin's answers come within days of one another, as its tablings do, so
// the same window applies; but a group found so spans answer dates, which
// callers should say (DatedByAnswer counts the records concerned).
func GroupingDate(r *corpus.Record) time.Time {
	if !r.DateTabled.IsZero() {
		return r.DateTabled
	}
	return r.DateAnswered
}

// DatedByAnswer counts the records that Find can place in time only by
// their answer date (no tabling date, an answer date and an asker).
func DatedByAnswer(recs []corpus.Record) int {
	n := 0
	for i := range recs {
		r := &recs[i]
		if r.DateTabled.IsZero() && !r.DateAnswered.IsZero() && r.Asker.Key() != "" {
			n++
		}
	}
	return n
}

func minMemberID(g *Group) string {
	m := ""
	for i, x := range g.Members {
		if i == 0 || x.ID < m {
			m = x.ID
		}
	}
	return m
}

// exactClusters splits one asker's records (sorted by date, then ID) into
// clusters of equal neutralised text, starting a new cluster when a record
// is tabled more than the window after the current one's last.
func (f *finder) exactClusters(idx []int, window time.Duration) []*cluster {
	open := map[textKey]*cluster{}
	var all []*cluster
	for _, i := range idx {
		r := &f.recs[i]
		n := f.texts[i].key
		c := open[n]
		date := GroupingDate(r)
		if c == nil || date.Sub(c.last) > window {
			c = &cluster{reps: []int{i}, first: date, bodies: map[string][]int{}, minID: r.ID}
			open[n] = c
			all = append(all, c)
		}
		c.members = append(c.members, i)
		c.last = date
		c.bodies[r.Department] = append(c.bodies[r.Department], i)
		// The representative of a text is its longest token list: a clipped
		// copy says less than a whole one.
		if len(f.texts[i].toks) > len(f.texts[c.reps[0]].toks) && !f.texts[i].clipped {
			c.reps[0] = i
		}
	}
	return all
}

type candidate struct {
	a, b int
	sim  float64
}

// merge joins one asker's exact clusters (in order of first date) into
// round robins; see Find.
func (f *finder) merge(cs []*cluster, window time.Duration) []*cluster {
	if len(cs) < 2 {
		return cs
	}
	var cands []candidate
	for a := range cs {
		for b := a + 1; b < len(cs); b++ {
			if cs[b].first.Sub(cs[a].last) > window {
				break // clusters are in order of first date
			}
			s, ok := f.near(f.texts[cs[a].reps[0]], f.texts[cs[b].reps[0]])
			if ok {
				cands = append(cands, candidate{a, b, s})
			}
		}
	}
	if len(cands) == 0 {
		return cs
	}
	sort.SliceStable(cands, func(x, y int) bool { return cands[x].sim > cands[y].sim })
	parent := make([]int, len(cs))
	for i := range parent {
		parent[i] = i
	}
	var root func(int) int
	root = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, c := range cands {
		ra, rb := root(c.a), root(c.b)
		if ra == rb || !f.mergeable(cs[ra], cs[rb], window) {
			continue
		}
		if rb < ra {
			ra, rb = rb, ra
		}
		cs[ra].absorb(cs[rb])
		parent[rb] = ra
	}
	var out []*cluster
	for i, c := range cs {
		if root(i) == i {
			out = append(out, c)
		}
	}
	return out
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// near reports whether two texts are close enough to be one question, and
// their similarity. Texts that differ only by words added or dropped need
// Similarity ≥ MinSimilarity; texts in which words were substituted (each
// has words the other lacks) need the stricter (1 + MinSimilarity) / 2,
// since one member's series of questions differ by substitution ("energy
// bills" / "water bills", "last three years" / "last five years").
func (f *finder) near(a, b text) (float64, bool) {
	if !a.clipped && !b.clipped {
		// Weighted Jaccard is at most the ratio of the sets' total weights:
		// a cheap bound that rejects most pairs of one asker's questions.
		lo, hi := a.weight, b.weight
		if lo > hi {
			lo, hi = hi, lo
		}
		if lo < f.cfg.MinSimilarity*hi {
			return 0, false
		}
	}
	s, nested := compare(a, b, f.idf)
	if nested {
		return s, s >= f.cfg.MinSimilarity
	}
	return s, s >= (1+f.cfg.MinSimilarity)/2
}

// mergeable reports whether two clusters may become one round robin: their
// date ranges overlap or lie within the window of each other, every pair of their texts is similar enough,
// and a body in both answered its records in both together.
func (f *finder) mergeable(a, b *cluster, window time.Duration) bool {
	if maxTime(a.first, b.first).Sub(minTime(a.last, b.last)) > window {
		return false
	}
	for body, ms := range a.bodies {
		ns, ok := b.bodies[body]
		if !ok {
			continue
		}
		linked := false
		for _, i := range ms {
			for _, j := range ns {
				if f.answeredTogether(i, j) {
					linked = true
				}
			}
		}
		if !linked {
			return false
		}
	}
	for _, i := range a.reps {
		for _, j := range b.reps {
			if _, ok := f.near(f.texts[i], f.texts[j]); !ok {
				return false
			}
		}
	}
	return true
}

// canonical returns the member whose text stands for a set of records: the
// most common neutralised text, counting whole texts before clipped ones,
// then the longer, then the lexically first.
func (f *finder) canonical(members []int) int {
	type tally struct {
		whole, all int
		rep        int
		length     int
		neutral    string // made only to break a tie
	}
	t := map[textKey]*tally{}
	for _, i := range members {
		x := t[f.texts[i].key]
		if x == nil {
			x = &tally{rep: i, length: f.texts[i].length}
			t[f.texts[i].key] = x
		}
		x.all++
		if !f.texts[i].clipped {
			x.whole++
		}
	}
	neutral := func(x *tally) string {
		if x.neutral == "" {
			x.neutral = f.neutral(x.rep)
		}
		return x.neutral
	}
	var best *tally
	for _, x := range t {
		if best == nil {
			best = x
			continue
		}
		y := best
		switch {
		case x.whole != y.whole:
			if x.whole > y.whole {
				best = x
			}
		case x.all != y.all:
			if x.all > y.all {
				best = x
			}
		case x.length != y.length:
			if x.length > y.length {
				best = x
			}
		case neutral(x) < neutral(y):
			best = x
		}
	}
	return best.rep
}

// neutral returns the neutralised text of record i, made again: Find
// keeps only its key.
func (f *finder) neutral(i int) string { return Neutralise(f.recs[i].Question) }

func (f *finder) group(asker string, c *cluster) Group {
	canon := f.canonical(c.members)
	g := Group{Asker: asker, Canonical: f.neutral(canon), First: c.first, Last: c.last}
	ms := append([]int(nil), c.members...)
	sort.Slice(ms, func(x, y int) bool {
		rx, ry := &f.recs[ms[x]], &f.recs[ms[y]]
		if rx.Department != ry.Department {
			return rx.Department < ry.Department
		}
		return rx.ID < ry.ID
	})
	for n, i := range ms {
		r := &f.recs[i]
		m := Member{Index: i, ID: r.ID, Body: r.Department, Similarity: similarity(f.texts[i], f.texts[canon], f.idf), Source: "near"}
		if f.texts[i].key == f.texts[canon].key {
			m.Similarity = 1
			m.Source = "exact"
		}
		for _, j := range ms[:n] {
			if f.recs[j].Department == r.Department && f.answeredTogether(i, j) {
				m.Source = "grouped-uin"
				break
			}
		}
		for _, j := range f.together[i] {
			m.AnsweredWith = append(m.AnsweredWith, f.recs[j].ID)
		}
		sort.Strings(m.AnsweredWith)
		g.Members = append(g.Members, m)
	}
	return g
}

// campaigns links records of different askers with the same text; see Find.
func (f *finder) campaigns(groups []Group) []Campaign {
	groupOf := make(map[int]string)
	for _, g := range groups {
		for _, m := range g.Members {
			groupOf[m.Index] = g.ID
		}
	}
	// Block on the first few content words: equal texts, and a clipped text
	// and the text it was clipped from, share them.
	const prefix = 8
	buckets := map[string][]int{}
	for i := range f.recs {
		t := &f.texts[i]
		if f.recs[i].Asker.Key() == "" || len(t.toks) < MinCampaignWords {
			continue
		}
		k := make([]byte, 0, 4*prefix)
		for _, w := range t.toks[:min(prefix, len(t.toks))] {
			k = binary.LittleEndian.AppendUint32(k, w)
		}
		buckets[string(k)] = append(buckets[string(k)], i)
	}
	keys := make([]string, 0, len(buckets))
	for k := range buckets {
		keys = append(keys, k)
	}
	sort.Strings(keys)

	parent := map[int]int{}
	var root func(int) int
	root = func(i int) int {
		p, ok := parent[i]
		if !ok || p == i {
			return i
		}
		r := root(p)
		parent[i] = r
		return r
	}
	union := func(i, j int) {
		ri, rj := root(i), root(j)
		if ri == rj {
			return
		}
		if rj < ri {
			ri, rj = rj, ri
		}
		parent[rj] = ri
	}
	for _, k := range keys {
		b := buckets[k]
		// Equal texts first, then clipped texts against every distinct text.
		byText := map[textKey]int{}
		var reps []int
		for _, i := range b {
			if j, ok := byText[f.texts[i].key]; ok {
				union(j, i)
				continue
			}
			byText[f.texts[i].key] = i
			reps = append(reps, i)
		}
		for x, i := range reps {
			for _, j := range reps[x+1:] {
				if (f.texts[i].clipped || f.texts[j].clipped) && samePrefix(f.texts[i], f.texts[j]) {
					union(i, j)
				}
			}
		}
	}
	comps := map[int][]int{}
	for i := range parent {
		r := root(i)
		comps[r] = append(comps[r], i)
	}
	var out []Campaign
	for r, ms := range comps {
		ms = append(ms, r)
		ms = uniqueInts(ms)
		askers := map[string]bool{}
		for _, i := range ms {
			askers[f.recs[i].Asker.Key()] = true
		}
		if len(askers) < 2 {
			continue
		}
		c := Campaign{Canonical: f.neutral(f.canonical(ms))}
		for a := range askers {
			c.Askers = append(c.Askers, a)
		}
		gs := map[string]bool{}
		for _, i := range ms {
			if g, ok := groupOf[i]; ok {
				gs[g] = true
			} else {
				c.Records = append(c.Records, f.recs[i].ID)
			}
		}
		for g := range gs {
			c.Groups = append(c.Groups, g)
		}
		sort.Strings(c.Askers)
		sort.Strings(c.Groups)
		sort.Strings(c.Records)
		out = append(out, c)
	}
	sort.Slice(out, func(x, y int) bool {
		if len(out[x].Askers) != len(out[y].Askers) {
			return len(out[x].Askers) > len(out[y].Askers)
		}
		if out[x].Canonical != out[y].Canonical {
			return out[x].Canonical < out[y].Canonical
		}
		return strings.Join(out[x].Records, " ") < strings.Join(out[y].Records, " ")
	})
	return out
}

// samePrefix reports whether two texts agree word for word over the
// shorter's content words.
func samePrefix(a, b text) bool {
	m := min(len(a.toks), len(b.toks))
	if m < MinCampaignWords {
		return false
	}
	for i := 0; i < m; i++ {
		if a.toks[i] != b.toks[i] {
			return false
		}
	}
	return true
}

func uniqueInts(x []int) []int {
	sort.Ints(x)
	out := x[:0]
	for i, v := range x {
		if i == 0 || v != x[i-1] {
			out = append(out, v)
		}
	}
	return out
}
