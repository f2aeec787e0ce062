package corpus

import (
	"strconv"
	"time"
)

// Source names where a record came from. It is the prefix of a record's ID.
type Source string

// The sources parlance reads. Records re-read from parlance's own CSV or
// JSON Lines keep the Source they were first read from.
const (
	SourceAPI                Source = "api"  // UK Parliament Written Questions API
	SourceTheyWorkForYou     Source = "twfy" // TheyWorkForYou / parlparse XML
	SourceParallelParliament Source = "pp"   // Parallel Parliament pages saved as text
)

// House is the chamber in which a question was tabled.
type House string

// Houses as the API spells them. The zero value means unknown.
const (
	Commons    House = "Commons"
	Lords      House = "Lords"
	Bicameral  House = "Bicameral"
	HouseUnset House = ""
)

// Member is a member of either House. The zero value means unknown; any field
// may be empty where the source does not give it (the API's list endpoint,
// for instance, gives only the member's numeric ID).
type Member struct {
	ID           int    // the Parliament members API ID, 0 if unknown
	Name         string // display name, e.g. "Tanmanjeet Singh Dhesi"
	Party        string // e.g. "Labour"
	Constituency string // constituency (Commons) or peerage type (Lords)
}

// IsZero reports whether nothing is known of the member.
func (m Member) IsZero() bool { return m == Member{} }

// Key returns a string identifying the member for grouping: "id:<ID>" when
// the numeric ID is known, else "name:<Name>", else "".
func (m Member) Key() string {
	switch {
	case m.ID != 0:
		return "id:" + strconv.Itoa(m.ID)
	case m.Name != "":
		return "name:" + m.Name
	}
	return ""
}

// Attachment is a file attached to an answer.
type Attachment struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	FileType  string `json:"file_type"`
	SizeBytes int64  `json:"size_bytes"`
}

// Record is one written question and its answer.
//
// The zero value of every field means "not given by the source". Dates are
// civil dates held as midnight UTC; the zero time.Time means unknown.
type Record struct {
	// ID is stable across runs and sources: "api:<id>" for the API,
	// "twfy:<last path part of the first question's id attribute>" for
	// TheyWorkForYou, and "pp:<hash>" for Parallel Parliament, where the hash
	// is derived from the answering body, date and question text.
	ID     string
	Source Source

	UIN          string // the question's number; not unique across sessions
	House        House
	DateTabled   time.Time
	DateAnswered time.Time

	Asker Member

	// Department is the canonical name of the answering body (see Registry);
	// an unknown name is kept as the source gave it.
	Department   string
	DepartmentID int // the API's answeringBodyId, 0 if unknown

	Answerer Member
	Heading  string // the topic heading, e.g. "Armed Forces: Housing"

	Question string // plain text
	// Answer is plain text. Paragraphs are separated by "\n\n"; list items
	// and table rows each stand on their own line.
	Answer string
	// AnswerHTML is the answer as the source gave it in HTML, where it did.
	AnswerHTML string

	// Holding is set when this answer is, or is flagged as, a holding
	// answer (a promise to reply later).
	Holding bool
	// DateHoldingAnswer is the date of an earlier holding answer to the
	// question, where the source records one (the API's dateHoldingAnswer;
	// TheyWorkForYou's "[holding answer 22 October 2009]" note on the
	// substantive reply). The answer in the record is then the later,
	// substantive one: Holding stays false unless the source flags it.
	DateHoldingAnswer time.Time
	Withdrawn         bool // the question was withdrawn
	Corrected         bool // the answer was corrected after publication
	// Truncated is set when the question or answer text is known to be
	// incomplete: clipped by the API's list endpoint (255 characters plus
	// "...") and not hydrated, or cut short in a saved page.
	Truncated bool

	GroupedUINs []string // UINs of questions answered together with this one
	Attachments []Attachment

	URL string // a link to the record at its source, where known
}

// Answered reports whether the record carries an answer.
func (r *Record) Answered() bool { return r.Answer != "" || !r.DateAnswered.IsZero() }

// DateLayout is the layout of every date parlance reads from its own formats
// and writes: ISO 8601 calendar dates.
const DateLayout = "2006-01-02"
