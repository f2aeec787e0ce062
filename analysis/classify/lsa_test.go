package classify

import (
	"strings"
	"testing"

	"github.com/parlance-go/parlance/corpus"
)

// toyDocs are documents of two topics, health and defence; "hospital" and
// "waiting" never meet, but both meet "nurses".
func toyDocs() []string {
	var docs []string
	for i := 0; i < 20; i++ {
		docs = append(docs,
			"The hospital nurses", "nurses and waiting lists", "patients waiting", "hospital patients",
			"army soldiers", "navy tanks soldiers", "the army tanks", "navy soldiers")
	}
	return docs
}

// TestBuildSpace checks that a space learned from toy documents puts words
// of one topic together and the two topics apart, that it is the same
// every time, and that it survives a model's write and read.
func TestBuildSpace(t *testing.T) {
	s, err := BuildSpace(toyDocs(), SpaceOptions{Dims: 2, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(s.Terms, " ") != "army hospit lists navy nurses patien soldie tanks waitin" {
		t.Errorf("terms %v: want the nine topic words, cut to six letters, sorted", s.Terms)
	}
	near := cosine(s.Embed("hospital"), s.Embed("waiting"))
	far := cosine(s.Embed("hospital"), s.Embed("soldiers"))
	if near < 0.9 || far > 0.1 {
		t.Errorf("cos(hospital, waiting) = %.3f, want ≥ 0.9; cos(hospital, soldiers) = %.3f, want ≤ 0.1", near, far)
	}
	if e := s.Embed("the and of"); e != nil {
		t.Errorf("a text with no term of the vocabulary: %v, want nil", e)
	}
	again, _ := BuildSpace(toyDocs(), SpaceOptions{Dims: 2, Seed: 7})
	if again.Vectors != s.Vectors || again.Built != s.Built {
		t.Error("the same documents and seed gave another space")
	}
	m := &Model{Classes: []Stance{Disclosed, Declined}, Features: []string{"a"}, Weights: [][]float64{{1}, {-1}}, Bias: []float64{0, 0}, Space: s}
	written, back, same := roundTrip(t, m)
	if !same {
		t.Error("model with a space changed in a write-read-write round trip")
	}
	if got := cosine(back.Space.Embed("hospital"), back.Space.Embed("waiting")); got != near {
		t.Errorf("after reading, cos(hospital, waiting) = %v, want %v", got, near)
	}
	broken := strings.Replace(written, `"dims": 2`, `"dims": 3`, 1)
	if _, err := ReadModel(strings.NewReader(broken), "broken.json"); err == nil || !strings.Contains(err.Error(), "broken.json: field lsa.vectors") {
		t.Errorf("a space whose vectors do not fit its dimensions: %v", err)
	}
	if _, err := BuildSpace(toyDocs()[:8], SpaceOptions{}); err == nil {
		t.Error("eight documents gave a space of 100 dimensions")
	}
}

// TestRelevanceToy checks the relevance features on an answer on the
// question's topic, one off it, and one whose only sentence on the topic
// is a refusal.
func TestRelevanceToy(t *testing.T) {
	s, err := BuildSpace(toyDocs(), SpaceOptions{Dims: 2, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	c := &Classifier{Model: &Model{Space: s}}
	on := c.modelFeatures(Input{Record: &corpus.Record{Question: "To ask how many patients are waiting for hospital treatment.", Answer: "Nurses saw 4,000 patients waiting. The army has tanks."}}, Verdict{})
	off := c.modelFeatures(Input{Record: &corpus.Record{Question: "To ask how many patients are waiting for hospital treatment.", Answer: "The navy has soldiers and tanks."}}, Verdict{})
	if on["lsa:part-best-min"] < 0.9 || off["lsa:part-best-min"] > 0.1 {
		t.Errorf("part-best-min: %.3f for an answer on the topic (want ≥ 0.9), %.3f for one off it (want ≤ 0.1)", on["lsa:part-best-min"], off["lsa:part-best-min"])
	}
	if on["lsa:on-topic"] != 0.5 {
		t.Errorf("on-topic share = %v, want 0.5 (one sentence of two)", on["lsa:on-topic"])
	}
	text := "Nurses saw 4,000 patients waiting. The army has tanks."
	refused := c.modelFeatures(Input{Record: &corpus.Record{Question: "To ask how many patients are waiting for hospital treatment.", Answer: text}},
		Verdict{Evidence: []Evidence{{Cue: "ground:not-held", Start: 0, End: 33, Text: text[:33]}}})
	if _, ok := on["lsa:substance-best"]; ok {
		t.Error("substance-best for an answer with no refusal")
	}
	if x, ok := refused["lsa:substance-best"]; !ok || x > 0.1 {
		t.Errorf("substance-best = %.3f: the only other sentence is off the topic", refused["lsa:substance-best"])
	}
}
