package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// An early snapshot of a record followed by a later one: the later,
// answered version must win, wherever it comes in the reading order.
func TestDuplicateIDsNewestVersionWins(t *testing.T) {
	dir := t.TempDir()
	early := `{"id":"api:7","source":"api","department":"HM Treasury","question":"Q?"}` + "\n"
	late := `{"id":"api:7","source":"api","department":"HM Treasury","question":"Q?","answer":"The answer.","date_answered":"2024-03-01"}` + "\n"
	other := `{"id":"api:8","source":"api","question":"Other?"}` + "\n"
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a-early.jsonl", early+other)
	b := write("b-late.jsonl", late)
	for _, order := range [][]string{{a, b}, {b, a}} {
		recs, sum, err := ReadAll(order, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 2 {
			t.Fatalf("%v: %d records, want 2", order, len(recs))
		}
		var got *Record
		for i := range recs {
			if recs[i].ID == "api:7" {
				got = &recs[i]
			}
		}
		if got == nil || got.Answer != "The answer." {
			t.Errorf("%v: api:7 delivered unanswered: %+v", order, got)
		}
		if sum.Skipped["api: duplicate id"] != 1 {
			t.Errorf("%v: skipped %v", order, sum.Skipped)
		}
		wantReplaced := 0
		if order[0] == a {
			wantReplaced = 1
		}
		if sum.Replaced != wantReplaced {
			t.Errorf("%v: Replaced %d, want %d", order, sum.Replaced, wantReplaced)
		}
	}
	// The first version's place in the order is kept.
	recs, _, _ := ReadAll([]string{a, b}, Options{})
	if recs[0].ID != "api:7" || recs[1].ID != "api:8" {
		t.Errorf("order %v", recordIDs(recs))
	}
	var sb strings.Builder
	_, sum, _ := ReadAll([]string{a, b}, Options{})
	sum.WriteTo(&sb)
	if !strings.Contains(sb.String(), "replaced the first") {
		t.Errorf("summary does not report the replacement:\n%s", sb.String())
	}
}

func TestNewer(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse(DateLayout, s); return t }
	unanswered := &Record{ID: "x"}
	answered := &Record{ID: "x", Answer: "A", DateAnswered: d("2024-01-02")}
	later := &Record{ID: "x", Answer: "B", DateAnswered: d("2024-02-02")}
	corrected := &Record{ID: "x", Answer: "A2", DateAnswered: d("2024-01-02"), Corrected: true}
	clipped := &Record{ID: "x", Answer: "A...", DateAnswered: d("2024-01-02"), Truncated: true}
	holding := &Record{ID: "x", Answer: "I will write.", DateAnswered: d("2024-01-02"), Holding: true}
	for _, c := range []struct {
		name string
		b, a *Record
		want bool
	}{
		{"answered beats unanswered", answered, unanswered, true},
		{"unanswered never beats answered", unanswered, answered, false},
		{"later answer date", later, answered, true},
		{"earlier answer date", answered, later, false},
		{"corrected beats uncorrected", corrected, answered, true},
		{"complete beats clipped", answered, clipped, true},
		{"clipped never beats complete", clipped, answered, false},
		{"substantive beats holding", answered, holding, true},
		{"tie: first read kept", &Record{ID: "x", Answer: "A", DateAnswered: d("2024-01-02")}, answered, false},
	} {
		if got := Newer(c.b, c.a); got != c.want {
			t.Errorf("%s: Newer = %v, want %v", c.name, got, c.want)
		}
	}
}

// Options.Progress counts every record read, duplicates included, before
// the first is delivered.
func TestOpenProgress(t *testing.T) {
	last := 0
	recs, _, err := ReadAll([]string{openFixture("one.jsonl"), openFixture("two.csv")}, Options{Progress: func(n int) {
		if n != last+1 {
			t.Errorf("progress went from %d to %d", last, n)
		}
		last = n
	}})
	if err != nil {
		t.Fatal(err)
	}
	if last != len(recs)+1 { // two.csv repeats api:2 of one.jsonl
		t.Errorf("progress ended at %d, want %d", last, len(recs)+1)
	}
}
