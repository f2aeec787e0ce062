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
	// BoilerplateStats accounts for the boilerplate stage's work.
	BoilerplateStats boilerplate.Stats
	// Config is the configuration the analysis ran with, and Version the
	// parlance version that ran it: a report's Methods cite both.
	Config  Config
	Version string
}
