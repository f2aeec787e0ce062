package analysis

import (
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
}

// BodyStats is the per-answering-body breakdown of stances and grounds.
type BodyStats struct {
	Body    string
	Answers int // classified answers (holding included, unanswered excluded)
	Stances map[classify.Stance]stats.Proportion
	Grounds map[classify.Ground]stats.Proportion // share of the body's answers citing the ground
	// Corrected estimates the body's true stance shares from Stances,
	// correcting for the classifier's errors as measured on the check sets
	// (classify.CheckConfusion; Result.Correction says how), with 95%
	// intervals that carry both the sampling error of the body's answers
	// and the uncertainty of the measured errors. It is an estimate that
	// assumes the rules err on this body's answers as on the check sets.
	// Nil for bodies with fewer than Result.Correction.MinAnswers answers,
	// and for all when Result.Correction.Skipped says why.
	Corrected map[classify.Stance]stats.Estimate
}

// Result is the whole analysis of a corpus.
type Result struct {
	Summary   *corpus.Summary
	Answers   []Answer // one per record, in input order
	Groups    []roundrobin.Group
	Campaigns []roundrobin.Campaign
	Families  []boilerplate.Family
	Bodies    []BodyStats // by decreasing Answers, then name
	// Independence tests body × stance over Bodies with enough answers.
	Independence stats.Independence
	// Correction says how BodyStats.Corrected was estimated.
	Correction Correction
	// BoilerplateStats accounts for the boilerplate stage's work.
	BoilerplateStats boilerplate.Stats
	// Config is the configuration the analysis ran with, and Version the
	// parlance version that ran it: a report's Methods cite both.
	Config  Config
	Version string
}
