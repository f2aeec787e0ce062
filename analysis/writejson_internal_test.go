package analysis

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/analysis/roundrobin"
	"github.com/parlance-go/parlance/analysis/stats"
	"github.com/parlance-go/parlance/corpus"
)

// encodeWhole is how WriteJSON wrote a result before it streamed: the whole
// document built, then encoded at once. WriteJSON must give the same bytes.
func encodeWhole(res *Result) []byte {
	answers := make([]AnswerRow, len(res.Answers))
	for i := range res.Answers {
		answers[i] = res.Answers[i].Row()
	}
	doc := struct {
		Version      string                `json:"version"`
		Summary      SummaryJSON           `json:"summary"`
		Answers      []AnswerRow           `json:"answers"`
		Groups       []roundrobin.Group    `json:"groups"`
		Campaigns    []roundrobin.Campaign `json:"campaigns"`
		GroupVerdict []GroupVerdicts       `json:"group_verdicts"`
		Families     []boilerplate.Family  `json:"families"`
		FamilyRank   []FamilyRank          `json:"family_ranking"`
		Grounds      []classify.Ground     `json:"grounds"`
		Overall      BodyStatsJSON         `json:"overall"`
		Bodies       []BodyStatsJSON       `json:"bodies"`
		Independence stats.Independence    `json:"independence"`
		Parameters   []Parameter           `json:"parameters"`
		Correction   Correction            `json:"correction"`
	}{
		Version: res.Version, Summary: ExportSummary(res.Summary), Answers: answers,
		Groups: orEmpty(res.Groups), Campaigns: orEmpty(res.Campaigns), GroupVerdict: res.Verdicts(), Families: orEmpty(res.Families),
		FamilyRank: orEmpty(res.FamilyRanking), Grounds: orEmpty(res.Grounds), Overall: ExportBody(res.Overall),
		Bodies: ExportBodies(res.Bodies), Independence: res.Independence, Parameters: orEmpty(res.Parameters),
		Correction: res.Correction.rounded(),
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func TestWriteJSONStreamsTheWholeDocument(t *testing.T) {
	recs, sum, err := corpus.ReadSample(corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	full, err := Run(recs, sum, Config{})
	if err != nil {
		t.Fatal(err)
	}
	empty, err := Run(nil, nil, Config{})
	if err != nil {
		t.Fatal(err)
	}
	for name, res := range map[string]*Result{"sample": full, "no records": empty, "zero": {}} {
		var got bytes.Buffer
		if err := WriteJSON(&got, res); err != nil {
			t.Fatal(err)
		}
		if want := encodeWhole(res); !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s: WriteJSON differs from the whole document encoded at once:\n got %.300q\nwant %.300q", name, got.Bytes(), want)
		}
	}
}
