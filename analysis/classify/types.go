package classify

// Stance is the codebook's verdict on what an answer gives of what was asked.
type Stance string

// The five stances of the codebook, and Unanswered for records with no
// answer text to judge (they are counted, never classified).
const (
	Disclosed  Stance = "disclosed"
	Partial    Stance = "partial"
	Declined   Stance = "declined"
	Referred   Stance = "referred"
	Holding    Stance = "holding"
	Unanswered Stance = "unanswered"
)

// Stances lists the codebook's stances in their canonical order.
var Stances = []Stance{Disclosed, Partial, Declined, Referred, Holding}

// Ground is a reason an answer itself gives for not providing something.
type Ground string

// The codebook's grounds.
const (
	NationalSecurity          Ground = "national-security"
	DisproportionateCost      Ground = "disproportionate-cost"
	NotHeld                   Ground = "not-held"
	CommercialConfidentiality Ground = "commercial-confidentiality"
	LegalProceedings          Ground = "legal-proceedings"
	PersonalData              Ground = "personal-data"
	OtherBody                 Ground = "other-body"
	NoCommentConvention       Ground = "no-comment-convention"
	FuturePublication         Ground = "future-publication"
)

// Grounds lists the codebook's grounds in their canonical order.
var Grounds = []Ground{
	NationalSecurity, DisproportionateCost, NotHeld, CommercialConfidentiality,
	LegalProceedings, PersonalData, OtherBody, NoCommentConvention, FuturePublication,
}

// Evidence is one piece of text that contributed to a verdict. Start and End
// are byte offsets into the record's Answer (or, for a cue found in the
// question, into its Question, with InQuestion set).
type Evidence struct {
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Text       string `json:"text"`
	Cue        string `json:"cue"` // what fired: "ground:national-security", "figure", "pointer", "family:12", …
	InQuestion bool   `json:"in_question,omitempty"`
}

// RefKind says what a pointer in an answer points at.
type RefKind string

// Kinds of reference.
const (
	RefAnswer      RefKind = "answer"      // an earlier answer (date and/or UIN)
	RefStatement   RefKind = "statement"   // a written ministerial statement, e.g. HCWS386
	RefPublication RefKind = "publication" // a named publication
	RefURL         RefKind = "url"
)

// Ref is a structured reference extracted from an answer.
type Ref struct {
	Kind  RefKind `json:"kind"`
	UIN   string  `json:"uin,omitempty"`
	Date  string  `json:"date,omitempty"` // ISO 8601 where it could be resolved, else as written
	URL   string  `json:"url,omitempty"`
	Title string  `json:"title,omitempty"`
	Start int     `json:"start"`
	End   int     `json:"end"`
}

// Verdict is the classification of one answer.
type Verdict struct {
	Stance     Stance     `json:"stance"`
	Grounds    []Ground   `json:"grounds"`    // in the order of Grounds; empty unless partial or declined
	Confidence float64    `json:"confidence"` // in [0, 1]
	Evidence   []Evidence `json:"evidence"`
	Refs       []Ref      `json:"refs"`
	// Overridden is set when a manual override decided the verdict; Note
	// then carries the override's note.
	Overridden bool   `json:"overridden,omitempty"`
	Note       string `json:"note,omitempty"`

	rule string // the rule that decided, for calibration
}
