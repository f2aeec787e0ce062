package classify

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZMine(t *testing.T) {
	var d struct {
		Families []struct {
			ID      int
			Example string
			Answers int
			Bodies  int
		}
	}
	b, err := os.ReadFile("/tmp/fams.json")
	if err != nil {
		t.Skip()
	}
	json.Unmarshal(b, &d)
	cl := compiledDefault()
	var out strings.Builder
	for _, f := range d.Families {
		if f.Answers < 4 {
			continue
		}
		hits := cl.match(f.Example)
		lower := strings.ToLower(f.Example)
		role := ""
		switch {
		case len(hits) > 0:
			role = "GROUND"
			for _, h := range hits {
				role += ":" + string(h.ground)
			}
		case containsAny(lower, kwHolding) && reHolding.MatchString(f.Example):
			role = "holding"
		case containsAny(lower, kwPointer) && rePointer.MatchString(f.Example):
			role = "pointer"
		case containsAny(lower, kwGeneric) && reGeneric.MatchString(f.Example):
			role = "generic"
		default:
			role = "-"
		}
		fmt.Fprintf(&out, "%d\t%d\t%d\t%s\t%s\n", f.ID, f.Answers, f.Bodies, role, f.Example)
	}
	os.WriteFile("/tmp/fam-roles.tsv", []byte(out.String()), 0o644)
}
