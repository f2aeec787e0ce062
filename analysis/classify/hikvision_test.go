package classify

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/internal/shared"
)

// TestHikvision checks the codebook's worked examples: the Hikvision round
// robin of July 2023 as Parallel Parliament shows it, classified by the
// rules and by the rules with the embedded learned model deciding.
func TestHikvision(t *testing.T) {
	path := shared.Path(t, "data/parallelparliament/hikvision-2023-07.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := corpus.NewPPReader(f, path, nil, nil)
	want := []struct {
		dept    string // substring of the department's name
		date    string // answer or tabling date to tell apart, "" if unique
		stance  Stance
		grounds []Ground
	}{
		{"Transport", "", Disclosed, nil},
		{"Health and Social Care", "", Declined, []Ground{NationalSecurity}},
		{"Housing, Communities and Local Government", "", Declined, []Ground{NationalSecurity}}, // DLUHC, by its current name
		{"Treasury", "", Declined, []Ground{NationalSecurity, OtherBody}},
		{"Work and Pensions", "", Partial, []Ground{NationalSecurity}},
		{"Cabinet Office", "2023-07-06", Partial, []Ground{NationalSecurity}},
	}
	var recs []*corpus.Record
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec)
	}
	deciders := []struct {
		name string
		c    *Classifier
	}{{"rules", &Classifier{}}, {"embedded model", &Classifier{Model: EmbeddedModel()}}}
	for _, d := range deciders {
		c := d.c
		for _, w := range want {
			var found *corpus.Record
			for _, rec := range recs {
				if !strings.Contains(rec.Department, w.dept) {
					continue
				}
				if w.date != "" && rec.DateAnswered.Format(corpus.DateLayout) != w.date && rec.DateTabled.Format(corpus.DateLayout) != w.date {
					continue
				}
				if !strings.Contains(strings.ToLower(rec.Question), "hikvision") {
					continue
				}
				found = rec
				break
			}
			if found == nil {
				var depts []string
				for _, rec := range recs {
					depts = append(depts, rec.Department)
				}
				t.Errorf("%s: no Hikvision record found among %q", w.dept, depts)
				continue
			}
			v := c.Classify(Input{Record: found})
			if v.Stance != w.stance || !sameGrounds(v.Grounds, w.grounds) {
				t.Errorf("%s, %s: got %s %v, want %s %v\nanswer: %s\nevidence: %+v", d.name, w.dept, v.Stance, v.Grounds, w.stance, w.grounds, found.Answer, v.Evidence)
			}
		}
	}
}

func sameGrounds(a, b []Ground) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
