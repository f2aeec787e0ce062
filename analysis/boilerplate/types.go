package boilerplate

import "time"

// Variant is one distinct wording (after normalisation) of a family's
// sentence, with the number of sentence occurrences using it.
type Variant struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
}

// BodyUse is a family's use by one answering body.
type BodyUse struct {
	Body    string  `json:"body"`
	Answers int     `json:"answers"` // answers of this body using the family
	Share   float64 `json:"share"`   // Answers / all answers of this body in the corpus
}

// Family is a set of near-duplicate sentences used across the corpus.
type Family struct {
	ID        int    `json:"id"`        // 1-based, in order of decreasing Answers (ties by canonical text)
	Canonical string `json:"canonical"` // the most frequent variant (ties: the lexically smallest), normalised
	// Example is the canonical variant as it was first written in the
	// corpus (original case and punctuation), for showing to readers.
	Example string `json:"example"`
	// Template is Example with the parts that vary between wordings
	// marked ("… on [date] in response to Question [number]."): what the
	// family's sentences have in common. See familyTemplate for the rule.
	Template string    `json:"template"`
	Variants []Variant `json:"variants"` // by decreasing count
	Answers  int       `json:"answers"`  // distinct answers containing a member sentence
	Texts    int       `json:"texts"`    // distinct answer texts among them (grouped questions share one)
	Bodies   []BodyUse `json:"bodies"`   // by decreasing Answers, then name
	First    time.Time `json:"first"`    // earliest answer date among users (zero if none dated)
	Last     time.Time `json:"last"`
}

// Span is a stretch of an answer covered by a family's sentence; Start and
// End are byte offsets into the record's Answer.
type Span struct {
	Start  int `json:"start"`
	End    int `json:"end"`
	Family int `json:"family"`
}
