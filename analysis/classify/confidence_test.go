package classify

import (
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/internal/shared"
)

// TestRuleConfidence checks that each rule's base confidence is the share
// of its verdicts the coders agreed with, pooled over the dev set and the
// check sets: within 0.1 for every rule that decided ten or more of them.
// It prints the counts the table in ruleConfidence was set from.
func TestRuleConfidence(t *testing.T) {
	sets := []struct{ name, path string }{
		{"dev", shared.Path(t, "labels/dev.tsv")},
		{"api", filepath.Join("testdata", "check-api.tsv")},
		{"twfy", filepath.Join("testdata", "check-twfy.tsv")},
	}
	type tally struct{ n, agreed int }
	per := map[string]map[string]*tally{}
	var c Classifier
	for _, set := range sets {
		gold := readLabels(t, set.path)
		recs := loadLabelled(t, gold)
		for _, id := range sortedKeys(gold) {
			rec, ok := recs[id]
			if !ok {
				continue // TestDevSet and TestCheckSets report it
			}
			v := c.Classify(Input{Record: rec})
			if _, ok := ruleConfidence[v.rule]; !ok {
				t.Errorf("%s: rule %q has no base confidence", id, v.rule)
			}
			if per[v.rule] == nil {
				per[v.rule] = map[string]*tally{}
			}
			for _, k := range []string{set.name, "pooled"} {
				if per[v.rule][k] == nil {
					per[v.rule][k] = &tally{}
				}
				per[v.rule][k].n++
				if v.Stance == gold[id].Stance {
					per[v.rule][k].agreed++
				}
			}
		}
	}
	rules := make([]string, 0, len(per))
	for r := range per {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	var b strings.Builder
	b.WriteString("| rule | dev | api | twfy | pooled | base confidence |\n| --- | ---: | ---: | ---: | ---: | ---: |\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| %s |", r)
		for _, k := range []string{"dev", "api", "twfy", "pooled"} {
			if x := per[r][k]; x != nil {
				fmt.Fprintf(&b, " %d/%d |", x.agreed, x.n)
			} else {
				b.WriteString(" – |")
			}
		}
		fmt.Fprintf(&b, " %.2f |\n", ruleConfidence[r])
		p := per[r]["pooled"]
		if acc := float64(p.agreed) / float64(p.n); p.n >= 10 && math.Abs(acc-ruleConfidence[r]) > 0.1 {
			t.Errorf("rule %s: base confidence %.2f, but coders agreed with %d of its %d verdicts (%.2f)", r, ruleConfidence[r], p.agreed, p.n, acc)
		}
	}
	t.Logf("verdicts by deciding rule (coders agreed / verdicts):\n%s", b.String())
}
