package roundrobin

import (
	"flag"
	"fmt"
	"math/rand"
	"testing"
)

var dumpNear = flag.Bool("dumpnear", false, "print a seeded random sample of near members for hand judgement (testdata/near_labels.tsv)")

// TestDumpNear prints, with -dumpnear, the sample of near members that
// testdata/near_labels.tsv judges: 80 drawn with seed 1 from the members
// whose content words differ from their group's canonical.
func TestDumpNear(t *testing.T) {
	if !*dumpNear {
		t.Skip("run with -dumpnear to print the sample for hand judgement")
	}
	recs := loadAPIList(t)
	groups, _ := Find(recs, Config{})
	in, k := interner{}, newKeyer()
	type pick struct {
		g Group
		m Member
	}
	var all []pick
	for _, g := range groups {
		var canon text
		for _, m := range g.Members {
			if Neutralise(recs[m.Index].Question) == g.Canonical {
				canon = prepare(recs[m.Index].Question, recs[m.Index].Truncated, in, k)
			}
		}
		for _, m := range g.Members {
			tx := prepare(recs[m.Index].Question, recs[m.Index].Truncated, in, k)
			if m.Source == "near" && similarity(tx, canon, nil) < 1 {
				all = append(all, pick{g, m})
			}
		}
	}
	rng := rand.New(rand.NewSource(1))
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	fmt.Println(len(all))
	for _, x := range all[:min(80, len(all))] {
		fmt.Printf("%s\t%s\t%.2f\n  C: %s\n  N: %s\n", x.g.ID, x.m.ID, x.m.Similarity, x.g.Canonical, Neutralise(recs[x.m.Index].Question))
	}
}
