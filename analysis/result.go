package analysis

import (
	"time"

	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/analysis/roundrobin"
	"github.com/parlance-go/parlance/analysis/stats"
	"github.com/parlance-go/parlance/corpus"
)

// Answer is the analysis of one record.
type Answer struct {
	Record  *corpus.Record
	Group   string // round-robin group ID, "" if none
	Verdict classify.Verdict
	// Boilerplate lists the spans of the answer covered by boilerplate
	// families, in order of Start; BoilerplateShare is the share of the
	// answer's bytes they cover, in [0, 1].
	Boilerplate      []boilerplate.Span
	BoilerplateShare float64
	// BodyName is the answering body's name as it was on the answer's
	// date (corpus.Body.NameOn): Record.Department is the canonical body,
	// which counts and tables use across renames.
	BodyName string
}

// BodyStats is the breakdown of one answering body's classified answers
// (or, in Result.Overall, every body's) by stance, ground and month. Every
// share is a stats.Wilson proportion of Answers (of the month's answers,
// for Months) with its 95% interval.
type BodyStats struct {
	Body       string
	Answers    int // classified answers (holding included, unanswered excluded)
	Overridden int // of them, verdicts set by hand
	Undated    int // of them, answers with no answer date (left out of Months)
	First      time.Time
	Last       time.Time // dates of the first and last dated answers
	Stances    map[classify.Stance]stats.Proportion
	// Grounds holds every ground of Result.Grounds, those no answer cites
	// included (0 of n, with its interval): the share of the body's
	// answers citing the ground.
	Grounds map[classify.Ground]stats.Proportion
	// Corrected estimates the body's true stance shares from Stances,
	// correcting for the classifier's errors as measured on the check sets
	// (classify.CheckConfusion; Result.Correction says how), with 95%
	// intervals that carry both the sampling error of the body's answers
	// and the uncertainty of the measured errors. It is an estimate that
	// assumes the rules err on this body's answers as on the check sets.
	// Answers whose text is truncated are corrected with the errors
	// measured on clipped texts (Result.Correction.Truncated says how many),
	// or left out where those do not fit (Correction.TruncatedLeftOut).
	// Nil for bodies with fewer than Result.Correction.MinAnswers answers,
	// and for all when Result.Correction.Skipped says why; in
	// Result.Overall, the corpus's (Correction.All).
	Corrected map[classify.Stance]stats.Estimate
	Months    []MonthStats // by month of answer, earliest first
	// Names are the names the body's answers were given under, by first
	// use (one, unless the body was renamed within the corpus's span).
	Names []NameUse
}

// MonthStats is one month's classified answers by stance.
type MonthStats struct {
	Month   string // "2006-01"
	Answers int
	Stances map[classify.Stance]stats.Proportion
	// Small is set when the month has fewer than Result.MinAnswers
	// answers: its shares are too uncertain to read beside larger months'
	// (two answers make a 100% bar), and reports mark it.
	Small bool
}

// NameUse is one name a body's answers were given under.
type NameUse struct {
	Name        string
	Answers     int
	First, Last time.Time
}

// FamilyRank places one boilerplate family in the order headlines and
// tables list them (see rankFamilies).
type FamilyRank struct {
	Index  int `json:"-"`      // into Result.Families
	ID     int `json:"family"` // the family's ID
	Spread int `json:"spread"` // answers using it, counting at most Config.FamilyBodyCap from any one body
}

// Result is the whole analysis of a corpus.
type Result struct {
	Summary   *corpus.Summary
	Answers   []Answer // one per record, in input order
	Groups    []roundrobin.Group
	Campaigns []roundrobin.Campaign
	Families  []boilerplate.Family
	Bodies    []BodyStats // by decreasing Answers, then name
	// Overall is every body's classified answers together (Body is
	// AllBodies); its Months are the corpus's.
	Overall BodyStats
	// Grounds are the grounds the statistics cover: the codebook's, then
	// those a custom lexicon or override adds. Every table loops over it.
	Grounds []classify.Ground
	// MinAnswers is the number of answers a body needs to be tested and
	// singled out in a finding, and a month to be read as a full bar
	// (Config.MinBodyAnswers or its default).
	MinAnswers int
	// Independence tests body × stance over Bodies with enough answers.
	Independence stats.Independence
	// FamilyRanking lists every family, most widely used first.
	FamilyRanking []FamilyRank
	// Askers maps asker keys (corpus.Member.Key) to names; see AskerName.
	Askers map[string]string
	// Parameters are every parameter of the run with the value used,
	// defaults resolved, for a Methods section.
	Parameters []Parameter
	// Correction says how BodyStats.Corrected was estimated.
	Correction Correction
	// BoilerplateStats accounts for the boilerplate stage's work.
	BoilerplateStats boilerplate.Stats
	// Config is the configuration the analysis ran with, and Version the
	// parlance version that ran it: a report's Methods cite both.
	Config  Config
	Version string
}
