package roundrobin

import (
	"strings"
	"testing"

	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/internal/shared"
)

// TestCorpusHikvision runs Find on the Hikvision page as the corpus reader
// delivers it (canonical body names, record IDs), as the CLI would.
func TestCorpusHikvision(t *testing.T) {
	recs, _, err := corpus.ReadAll([]string{shared.Path(t, "data/parallelparliament/hikvision-2023-07.txt")}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	groups, _ := Find(recs, Config{})
	if len(groups) != 1 || groups[0].Bodies() != 6 {
		t.Fatalf("groups %+v, want one of six bodies", groups)
	}
	for _, m := range groups[0].Members {
		if strings.Contains(recs[m.Index].Asker.Name, "Alton") {
			t.Errorf("Lord Alton's question %s is in the round robin", m.ID)
		}
		t.Logf("%s %s %s %.2f", m.ID, m.Body, m.Source, m.Similarity)
	}
}

// TestCorpusHikvisionExcerpts adds the excerpts, which hold the DEFRA (21
// July) and Home Office (19 July, clipped) answers to the same round robin:
// it then spans 15 days and eight bodies.
func TestCorpusHikvisionExcerpts(t *testing.T) {
	recs, _, err := corpus.ReadAll([]string{
		shared.Path(t, "data/parallelparliament/hikvision-2023-07.txt"),
		shared.Path(t, "data/parallelparliament/hikvision-excerpts.txt"),
	}, corpus.Options{Lenient: true}) // a record cut short before its question is reported, not read
	if err != nil {
		t.Fatal(err)
	}
	groups, _ := Find(recs, Config{})
	if len(groups) != 1 || groups[0].Bodies() != 8 {
		t.Fatalf("groups %+v, want one of eight bodies", groups)
	}
	g := groups[0]
	if g.First.Format(corpus.DateLayout) != "2023-07-06" || g.Last.Format(corpus.DateLayout) != "2023-07-21" {
		t.Errorf("span %v..%v, want 2023-07-06..2023-07-21", g.First, g.Last)
	}
	for _, m := range g.Members {
		if recs[m.Index].Asker.Name != "Tanmanjeet Singh Dhesi" {
			t.Errorf("member %s asked by %s", m.ID, recs[m.Index].Asker.Name)
		}
	}
}

// TestCorpusAPIHydrated runs Find on the API list hydrated with the full
// texts, as the CLI reads data/api: fewer texts are clipped, so more
// members are identical copies. It logs the same measures as
// TestRealAPIRecallPurity and holds recall to the same floor.
func TestCorpusAPIHydrated(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole API corpus")
	}
	dir := shared.Path(t, "data/api")
	recs, sum, err := corpus.ReadAll([]string{dir + "/list", dir + "/fulltext"}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	q := measure(t, recs, Config{})
	t.Logf("records %d (hydrated %d, truncated %d); exact baseline: %d groups ≥3 bodies, %d ≥10",
		len(recs), sum.Hydrated, sum.Truncated, q.exact3, q.exact10)
	t.Logf("Find: %d groups, %d members (%d identical, %d clipped copies, %d same words, %d near); recall %.4f",
		q.groups, q.members, q.exactM, q.clipM, q.sameWordsM, q.nearM, q.recall)
	if q.recall < 0.98 {
		t.Errorf("recall %.4f < 0.98", q.recall)
	}
}
