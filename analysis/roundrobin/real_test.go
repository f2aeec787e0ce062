package roundrobin

import (
	"flag"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/corpus"
)

// exactBaseline groups records simply, by asker, tabling date and
// neutralised text, and keeps the groups with at least minBodies bodies.
// It is the reference for recall: a round robin in its plainest form.
// Records without an asker or a tabling date (full texts that matched no
// list record) cannot be placed and are left out, as Find leaves them out.
func exactBaseline(recs []corpus.Record, minBodies int) [][]int {
	by := map[string][]int{}
	for i := range recs {
		r := &recs[i]
		if r.Asker.Key() == "" || r.DateTabled.IsZero() {
			continue
		}
		k := r.Asker.Key() + "\x00" + r.DateTabled.Format("2006-01-02") + "\x00" + Neutralise(r.Question)
		by[k] = append(by[k], i)
	}
	var out [][]int
	for _, ms := range by {
		bodies := map[string]bool{}
		for _, i := range ms {
			bodies[recs[i].Department] = true
		}
		if len(bodies) >= minBodies {
			out = append(out, ms)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	return out
}

type quality struct {
	exact3, exact10 int     // baseline groups with ≥3 and ≥10 bodies
	recall          float64 // share of baseline groups wholly inside one group
	groups, members int
	exactM, clipM   int               // members sure by identical text, by agreeing clipped text
	sameWordsM      int               // members with the canonical's content words, differently put
	nearM           int               // the rest: rewordings with words added, dropped or changed
	near            map[string]string // record ID of each near member → its group's canonical
}

// measure compares Find's groups with the exact baseline.
//
// Recall is the share of baseline groups (≥3 bodies) all of whose members
// are in one group. For purity, members fall in four kinds: identical
// neutralised text to the canonical; a clipped copy agreeing word for word
// as far as the shorter goes; the same content words in another order or
// with other function words; and the rest ("near"), whose share of right
// answers is estimated from hand judgements (see purity).
func measure(t *testing.T, recs []corpus.Record, cfg Config) quality {
	t.Helper()
	groups, _ := Find(recs, cfg)
	q := quality{near: map[string]string{}}
	base := exactBaseline(recs, 3)
	q.exact3 = len(base)
	groupOf := map[int]int{}
	for gi, g := range groups {
		for _, m := range g.Members {
			groupOf[m.Index] = gi
		}
	}
	whole := 0
	for _, ms := range base {
		if bodiesOf(recs, ms) >= 10 {
			q.exact10++
		}
		g, ok := groupOf[ms[0]]
		all := ok
		for _, i := range ms[1:] {
			if h, ok := groupOf[i]; !ok || h != g {
				all = false
			}
		}
		if all {
			whole++
		}
	}
	q.recall = float64(whole) / float64(len(base))
	q.groups = len(groups)
	in, k := interner{}, newKeyer()
	for _, g := range groups {
		canon := text{}
		for _, m := range g.Members {
			if Neutralise(recs[m.Index].Question) == g.Canonical {
				canon = prepare(recs[m.Index].Question, recs[m.Index].Truncated, in, k)
				break
			}
		}
		for _, m := range g.Members {
			q.members++
			tx := prepare(recs[m.Index].Question, recs[m.Index].Truncated, in, k)
			switch {
			case Neutralise(recs[m.Index].Question) == g.Canonical:
				q.exactM++
			case (tx.clipped || canon.clipped) && prefixAgree(tx, canon):
				q.clipM++
			case similarity(tx, canon, nil) == 1:
				q.sameWordsM++
			default:
				q.nearM++
				q.near[m.ID] = g.Canonical
			}
		}
	}
	return q
}

// purity estimates the share of group members that ask their group's
// question: all members of the first three kinds, and of the near members
// the share judged "same" in testdata/near_labels.tsv among the judged
// records that are still near members of a group with the canonical they
// were judged against. It returns that share and how many judgements
// applied.
func (q quality) purity(t *testing.T) (float64, int) {
	t.Helper()
	b, err := os.ReadFile("testdata/near_labels.tsv")
	if err != nil {
		t.Fatal(err)
	}
	same, used := 0, 0
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.SplitN(line, "\t", 3)
		if len(f) != 3 {
			t.Fatalf("near_labels.tsv: bad line %q", line)
		}
		if c, ok := q.near[f[0]]; !ok || c != f[2] {
			continue
		}
		used++
		if f[1] == "same" {
			same++
		}
	}
	if used == 0 {
		return 0, 0
	}
	sure := q.exactM + q.clipM + q.sameWordsM
	return (float64(sure) + float64(q.nearM)*float64(same)/float64(used)) / float64(q.members), used
}

func prefixAgree(a, b text) bool {
	m := min(len(a.toks), len(b.toks))
	for i := 0; i < m; i++ {
		if a.toks[i] != b.toks[i] {
			return false
		}
	}
	return m > 0
}

func bodiesOf(recs []corpus.Record, ms []int) int {
	b := map[string]bool{}
	for _, i := range ms {
		b[recs[i].Department] = true
	}
	return len(b)
}

func TestRealAPIRecallPurity(t *testing.T) {
	recs := loadAPIList(t)
	q := measure(t, recs, Config{})
	purity, used := q.purity(t)
	_, campaigns := Find(recs, Config{})
	t.Logf("campaigns: %d", len(campaigns))
	t.Logf("records %d; exact baseline: %d groups with ≥3 bodies, %d with ≥10", len(recs), q.exact3, q.exact10)
	t.Logf("Find: %d groups, %d members (%d identical, %d clipped copies, %d same words, %d near); recall %.4f; purity %.4f (near judged from %d labels)",
		q.groups, q.members, q.exactM, q.clipM, q.sameWordsM, q.nearM, q.recall, purity, used)
	if q.exact3 < 90 || q.exact10 < 20 {
		t.Errorf("exact baseline too small: %d groups ≥3 bodies, %d ≥10", q.exact3, q.exact10)
	}
	if q.recall < 0.98 {
		t.Errorf("recall %.4f < 0.98", q.recall)
	}
	if used < 40 {
		t.Errorf("only %d hand judgements apply to the near members: grouping changed, re-judge a sample", used)
	}
	if purity < 0.95 {
		t.Errorf("purity %.4f < 0.95", purity)
	}
}

var sweep = flag.Bool("sweep", false, "measure recall and member kinds over a range of MinSimilarity")

// TestRealAPIThresholdSweep, with -sweep, logs how the groups change with
// MinSimilarity; it is how DefaultMinSimilarity was chosen.
func TestRealAPIThresholdSweep(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep (runs Find on the full corpus six times)")
	}
	recs := loadAPIList(t)
	for _, s := range []float64{0.5, 0.6, 0.7, 0.8, 0.9, 1} {
		q := measure(t, recs, Config{MinSimilarity: s})
		t.Logf("MinSimilarity %.1f: %d groups, %d members (%d identical, %d clipped, %d same words, %d near), recall %.4f",
			s, q.groups, q.members, q.exactM, q.clipM, q.sameWordsM, q.nearM, q.recall)
	}
}

func BenchmarkFindAPI(b *testing.B) {
	recs := loadAPIList(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Find(recs, Config{})
	}
}
