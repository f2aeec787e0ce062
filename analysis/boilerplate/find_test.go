package boilerplate

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func day(d int) time.Time { return time.Date(2024, 5, d, 0, 0, 0, 0, time.UTC) }

// fixture: a stock refusal in four wordings across five answers of three
// bodies (two of them one answer given verbatim to two grouped
// questions), plus unrelated sentences.
func fixture() []Doc {
	return []Doc{
		{ID: "a1", Body: "Home Office", Date: day(3), Text: "The information requested is not held centrally and could only be obtained at disproportionate cost. We keep this under review."},
		{ID: "a2", Body: "Home Office", Date: day(9), Text: "Police forces publish their own figures.\n\nThe information requested is not held centrally and could only be obtained at disproportionate cost."},
		{ID: "a3", Body: "Ministry of Justice", Date: day(1), Text: "The information requested is not held centrally and could only be obtained at a disproportionate cost."},
		{ID: "a4", Body: "Department for Transport", Date: day(20), Text: "This information requested is not held centrally and could only be obtained at disproportionate cost to the Department."},
		{ID: "a5", Body: "Department for Transport", Date: day(20), Text: "This information requested is not held centrally and could only be obtained at disproportionate cost to the Department."},
		{ID: "a6", Body: "Ministry of Justice", Text: "Yes. Prisons are safe and the Department is recruiting more officers this year."},
	}
}

func TestFindFamily(t *testing.T) {
	docs := fixture()
	res := Find(docs, Config{})
	if len(res.Families) != 1 {
		t.Fatalf("got %d families, want 1: %+v", len(res.Families), res.Families)
	}
	f := res.Families[0]
	if f.ID != 1 || f.Answers != 5 || f.Texts != 4 {
		t.Errorf("ID %d Answers %d Texts %d, want 1, 5, 4", f.ID, f.Answers, f.Texts)
	}
	if want := "the information requested is not held centrally and could only be obtained at disproportionate cost."; f.Canonical != want {
		t.Errorf("canonical %q", f.Canonical)
	}
	// The example is the canonical variant as first written: original case.
	if want := "The information requested is not held centrally and could only be obtained at disproportionate cost."; f.Example != want {
		t.Errorf("example %q, want %q", f.Example, want)
	}
	if len(f.Variants) != 3 || f.Variants[0].Count != 2 || f.Variants[1].Count != 2 || f.Variants[2].Count != 1 {
		t.Errorf("variants %+v", f.Variants)
	}
	wantBodies := []BodyUse{
		{Body: "Department for Transport", Answers: 2, Share: 1},
		{Body: "Home Office", Answers: 2, Share: 1},
		{Body: "Ministry of Justice", Answers: 1, Share: 0.5},
	}
	if !reflect.DeepEqual(f.Bodies, wantBodies) {
		t.Errorf("bodies %+v", f.Bodies)
	}
	if !f.First.Equal(day(1)) || !f.Last.Equal(day(20)) {
		t.Errorf("first %v last %v", f.First, f.Last)
	}
	for i, d := range docs {
		for _, sp := range res.Spans[i] {
			if got := d.Text[sp.Start:sp.End]; !strings.Contains(got, "held centrally") || sp.Family != 1 {
				t.Errorf("doc %s span %+v = %q", d.ID, sp, got)
			}
		}
	}
	if len(res.Spans[0]) != 1 || len(res.Spans[5]) != 0 {
		t.Errorf("spans %+v", res.Spans)
	}
	if want := float64(len("The information requested is not held centrally and could only be obtained at disproportionate cost.")) / float64(len(docs[0].Text)); res.Share[0] != want {
		t.Errorf("share %v, want %v", res.Share[0], want)
	}
	if res.Share[2] != 1 || res.Share[5] != 0 {
		t.Errorf("shares %v", res.Share)
	}
	st := res.Stats
	if st.Docs != 6 || st.Families != 1 || st.Short != 2 || st.Sentences != 9 {
		t.Errorf("stats %+v", st)
	}
}

// One answer given verbatim to several grouped questions is not
// boilerplate: MinAnswers counts distinct texts.
func TestFindGroupedAnswerIsNotBoilerplate(t *testing.T) {
	var docs []Doc
	for _, id := range []string{"g1", "g2", "g3", "g4"} {
		docs = append(docs, Doc{ID: id, Body: "HM Treasury", Text: "The Chancellor will set out the Budget on 30 October in the usual way."})
	}
	if res := Find(docs, Config{}); len(res.Families) != 0 {
		t.Errorf("families %+v from one grouped answer", res.Families)
	}
	docs[3].Text += " Nothing more can be said."
	if res := Find(docs, Config{MinAnswers: 2}); len(res.Families) != 1 || res.Families[0].Texts != 2 || res.Families[0].Answers != 4 {
		t.Errorf("families %+v", res.Families)
	}
}

func TestFindSeparatesUnrelated(t *testing.T) {
	var docs []Doc
	for i, s := range []string{
		"It is not government policy to comment on the government's security arrangements.",
		"It is not government policy to comment on the government's security arrangements.",
		"It is not government policy to comment on the government's security arrangements.",
		"It is not government policy to comment on individual immigration cases.",
		"It is not government policy to comment on individual immigration cases.",
		"It is not government policy to comment on individual immigration cases.",
	} {
		docs = append(docs, Doc{ID: string(rune('a' + i)), Text: s + strings.Repeat(" Filler sentence number one here.", i)})
	}
	res := Find(docs, Config{})
	if len(res.Families) != 2 {
		t.Fatalf("got %d families, want 2 (J < 0.6 must not join): %+v", len(res.Families), res.Families)
	}
}

func TestFindDeterministic(t *testing.T) {
	var docs []Doc
	for i := 0; i < 40; i++ {
		docs = append(docs, fixture()...)
		docs[len(docs)-1].Text += strings.Repeat(" Another distinct sentence about prisons and officers.", i%3)
	}
	a := Find(docs, Config{Workers: 1})
	b := Find(docs, Config{Workers: 4})
	if !reflect.DeepEqual(a, b) {
		t.Errorf("results differ with the number of workers")
	}
}

// A tiny MaxBucket caps buckets yet near-duplicates still join: each
// member is paired with the next MaxBucket members of its bucket.
func TestFindBucketCap(t *testing.T) {
	var docs []Doc
	for i := 0; i < 30; i++ {
		docs = append(docs, Doc{ID: string(rune('A' + i)), Text: "The Department does not hold information on " + strings.Repeat("very ", i%7) + "old " + []string{"cars", "bikes", "vans", "buses", "lorries", "trams"}[i%6] + " in its records at all."})
	}
	full := Find(docs, Config{})
	capped := Find(docs, Config{MaxBucket: 2})
	if capped.Stats.CappedBuckets == 0 {
		t.Fatal("no bucket capped")
	}
	if len(full.Families) != 1 || len(capped.Families) != 1 || capped.Families[0].Answers != full.Families[0].Answers {
		t.Errorf("capped %+v vs full %+v", capped.Families, full.Families)
	}
}

func TestConfigDefaults(t *testing.T) {
	c := Config{}.withDefaults()
	if c.ShingleSize != 3 || c.Hashes != 60 || c.Bands != 20 || c.Threshold != 0.6 || c.MinAnswers != 3 || c.MinWords != 6 || c.Seed != 1 || c.MaxBucket != 200 {
		t.Errorf("defaults %+v", c)
	}
	if c := (Config{Hashes: 50, Bands: 20}).withDefaults(); c.Hashes != 40 {
		t.Errorf("Hashes not rounded to a multiple of Bands: %+v", c)
	}
}

func TestEmpty(t *testing.T) {
	res := Find(nil, Config{})
	if len(res.Families) != 0 || res.Stats.Docs != 0 {
		t.Errorf("%+v", res)
	}
	res = Find([]Doc{{ID: "x"}}, Config{})
	if len(res.Spans) != 1 || res.Share[0] != 0 {
		t.Errorf("%+v", res)
	}
}

func TestRadixSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 5, 255, 256, 1000, 100000} {
		keys := make([]uint64, n)
		for i := range keys {
			switch i % 3 {
			case 0:
				keys[i] = rng.Uint64()
			case 1:
				keys[i] = rng.Uint64() & 0xff00ff // bytes shared by many keys
			default:
				keys[i] = keys[rng.IntN(i)] // repeats
			}
		}
		want := slices.Clone(keys)
		slices.Sort(want)
		radixSort(keys, make([]uint64, n), 0)
		if !slices.Equal(keys, want) {
			t.Fatalf("radixSort of %d keys differs from slices.Sort", n)
		}
	}
	// Band keys: a hash above bit low and, below it, an id increasing
	// along the keys; many hashes repeat, so that ties are decided by the
	// bytes radixSort skips.
	for _, low := range []uint{1, 8, 13, 16, 17, 24} {
		n := min(1<<low, 50000)
		keys := make([]uint64, n)
		mask := uint64(1)<<low - 1
		for i := range keys {
			h := rng.Uint64()
			if i%2 == 1 {
				h = uint64(rng.IntN(7)) << 40 // shared by many keys
			}
			keys[i] = h&^mask | uint64(i)
		}
		want := slices.Clone(keys)
		slices.Sort(want)
		radixSort(keys, make([]uint64, n), low)
		if !slices.Equal(keys, want) {
			t.Fatalf("radixSort of %d keys with ids below bit %d differs from slices.Sort", n, low)
		}
	}
}
