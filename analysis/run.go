package analysis

import (
	"maps"
	"strings"

	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/analysis/roundrobin"
	"github.com/parlance-go/parlance/analysis/stats"
	"github.com/parlance-go/parlance/analysis/text"
	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/internal/parallel"
	"github.com/parlance-go/parlance/internal/version"
)

// Config holds the parameters of every stage. The zero value runs each
// stage with its documented defaults.
type Config struct {
	Boilerplate boilerplate.Config
	// Found, if not nil, is the boilerplate of the records found before
	// Run, as they were read (see Found); Run checks that it is of these
	// records and uses it instead of finding the boilerplate again, and
	// Boilerplate is not read. The result is the same.
	Found      *Found
	RoundRobin roundrobin.Config
	// Classifier classifies the answers. Nil means a classifier with the
	// default lexicon and no overrides. Run teaches it the corpus's
	// boilerplate families (LearnFamilies) before classifying.
	Classifier *classify.Classifier
	// MinBodyAnswers is the number of classified answers a body needs to
	// enter the test of independence between body and stance, to be
	// singled out in a finding and to have its stance shares corrected
	// for classifier error, and a month to be read as a full bar. Zero
	// means 20: with fewer, expected cell counts are mostly below 5 and
	// the chi-square approximation is not to be trusted, and a share's 95%
	// interval is wider than ±20 points.
	MinBodyAnswers int
	// FamilyBodyCap is the most answers of any one body counted when
	// boilerplate families are ranked (Result.FamilyRanking). Zero means 10.
	FamilyBodyCap int
	// Registry names answering bodies as they were on each answer's date
	// (Answer.BodyName); nil means corpus.DefaultRegistry().
	Registry *corpus.Registry
	// Progress, if not nil, is called as each of the Stages stages starts,
	// with the stage's name ("segment", "boilerplate", "groups", "classify",
	// "statistics"), in that order, from Run's goroutine. The round
	// robins are found beside the boilerplate and the classification:
	// "groups" is reported where classification starts.
	Progress func(stage string)
	// Advance, if not nil, is called within the long stages ("segment",
	// "classify") as records are done: done of total, in chunks, ending
	// with done == total. It is called from Run's goroutine only.
	Advance func(stage string, done, total int)
	// Emit, if not nil, is given every answer once it is classified, in
	// input order, from Run's goroutine, as complete as Result.Answers
	// would hold it (its Group and BodyName set), so that the caller can
	// write it at once (to an AnswerWriter, say). Run then keeps of the
	// answer only what the statistics read: the Result's answers have no
	// Evidence or Refs in their Verdict and no Boilerplate spans, much of
	// what is live on a large corpus. Emit may also clear
	// the texts of the answer's record (Question, Answer, AnswerHTML): Run
	// does not read them again. An error from Emit ends Run, which
	// returns it.
	Emit func(a *Answer) error
}

// registry returns the registry that names bodies on a date.
func (c Config) registry() *corpus.Registry {
	if c.Registry != nil {
		return c.Registry
	}
	return corpus.DefaultRegistry()
}

// advanceChunk is how many records a long stage handles between calls to
// Config.Advance: small enough to show life every second or so on the real
// corpus, large enough that the pause at each chunk's end costs nothing.
const advanceChunk = 512

// inChunks calls fn over [0, n) in chunks of advanceChunk, reporting to
// advance (if not nil) after each. fn's results do not depend on the
// chunking.
func inChunks(n int, advance func(done, total int), fn func(lo, hi int)) {
	for lo := 0; lo < n; lo += advanceChunk {
		hi := min(lo+advanceChunk, n)
		fn(lo, hi)
		if advance != nil {
			advance(hi, n)
		}
	}
}

func (c Config) familyBodyCap() int {
	if c.FamilyBodyCap > 0 {
		return c.FamilyBodyCap
	}
	return 10
}

// Stages is the number of stages Run reports to Config.Progress.
const Stages = 5

func (c Config) minBodyAnswers() int {
	if c.MinBodyAnswers > 0 {
		return c.MinBodyAnswers
	}
	return 20
}

// Run analyses records. sum is the reading summary to carry into the
// result (nil for none). Run does not modify the records, but for one
// thing: given a Config.Found from a NewSpillingFoundFinder, it puts each
// answer back into its record before classifying it (and closes the
// Found). The Result points into the slice, which must outlive it. The
// errors are a classifier that cannot be prepared (a lexicon pattern that
// does not compile), a Config.Found that is not of these records or whose
// answers cannot be read back, and an error from Config.Emit.
func Run(records []corpus.Record, sum *corpus.Summary, cfg Config) (*Result, error) {
	var spill *answerSpill
	if cfg.Found != nil && cfg.Found.spill != nil {
		spill = cfg.Found.spill
		defer cfg.Found.Close()
	}
	progress := cfg.Progress
	if progress == nil {
		progress = func(string) {}
	}
	if sum == nil {
		sum = &corpus.Summary{}
	}
	res := &Result{Summary: sum, Config: cfg, Version: version.Version}
	res.Config.Emit = nil // the Result does not hold the caller's writer

	advance := func(stage string) func(done, total int) {
		if cfg.Advance == nil {
			return nil
		}
		return func(done, total int) { cfg.Advance(stage, done, total) }
	}
	seg := text.NewSegmenter()
	if cfg.Classifier != nil && cfg.Classifier.Segmenter != nil {
		seg = cfg.Classifier.Segmenter
	}
	// Round robins are found from the questions alone, and neither
	// boilerplate detection nor classification looks at them, so grouping
	// runs beside both from the start: its serial parts (numbering words,
	// linking, merging) and those at the end of boilerplate detection
	// would each leave a CPU idle, and the other stage takes it up. Groups
	// are set on the answers once classification is done, on Run's
	// goroutine; Run does not return while grouping still reads records.
	var groups []roundrobin.Group
	var campaigns []roundrobin.Campaign
	grouped := make(chan struct{})
	go func() {
		defer close(grouped)
		groups, campaigns = roundrobin.Find(records, cfg.RoundRobin)
	}()
	setGroups := func() {
		<-grouped
		res.Groups, res.Campaigns = groups, campaigns
		for _, g := range res.Groups {
			for _, m := range g.Members {
				res.Answers[m.Index].Group = g.ID
			}
		}
	}

	// Boilerplate detection needs every answer's prose sentences at once;
	// classification needs one answer's sentences at a time. So the
	// sentences are kept only for boilerplate detection and dropped after
	// it, and each answer is segmented again as it is classified
	// (segmentation is a small part of the run): no stage holds the whole
	// corpus's sentences beside the classifier's work.
	var bp *boilerplate.Result
	var docIndex []int
	var bounds *sentenceBounds // the answers' splits, where the finder kept them
	progress("segment")
	if cfg.Found != nil {
		var err error
		if docIndex, err = cfg.Found.match(records); err != nil {
			<-grouped
			return nil, err
		}
		progress("boilerplate")
		bp = cfg.Found.Result
		if cfg.Classifier == nil || cfg.Classifier.Segmenter == nil {
			// The classifier splits with the default model, as the
			// finder did.
			bounds = cfg.Found.bounds
		}
		res.Config.Found = nil // the Result keeps what it needs of it
	} else {
		var docs []boilerplate.Doc
		docs, docIndex = boilerplateDocs(seg, records, advance("segment"))
		progress("boilerplate")
		bp = boilerplate.Find(docs, cfg.Boilerplate)
	}
	// The answers are made only now: on a large corpus the boilerplate
	// finder's work is the peak of Run's memory, and the answers (a
	// couple of hundred bytes each) need not be live beside it.
	res.Answers = make([]Answer, len(records))
	for i := range records {
		res.Answers[i].Record = &records[i]
	}
	res.Families = bp.Families
	res.BoilerplateStats = bp.Stats
	for k, i := range docIndex {
		res.Answers[i].Boilerplate = bp.Spans[k]
		res.Answers[i].BoilerplateShare = bp.Share[k]
	}
	bp = nil

	progress("groups")
	progress("classify")
	clf := classifierFor(cfg.Classifier, seg)
	if err := clf.Prepare(); err != nil {
		<-grouped
		return nil, err
	}
	clf.LearnFamilies(res.Families)
	em := emitter{emit: cfg.Emit, answers: res.Answers, grouped: grouped, setGroups: setGroups, reg: cfg.registry()}
	ins := make([]classify.Input, advanceChunk)
	doc := 0 // the boilerplate document of the next answered record
	inChunks(len(records), advance("classify"), func(lo, hi int) {
		if em.err != nil {
			return
		}
		// Without bounds, no Sentences: Classify splits each answer with
		// clf's Segmenter, seg, on the worker that classifies it, so that
		// splitting and classifying share one parallel pass without a
		// wait between.
		for i := lo; i < hi; i++ {
			ins[i-lo] = classify.Input{Record: &records[i], Boilerplate: res.Answers[i].Boilerplate}
			if doc < len(docIndex) && docIndex[doc] == i {
				if spill != nil {
					if records[i].Answer, em.err = spill.take(); em.err != nil {
						return
					}
				}
				ins[i-lo].Sentences = bounds.sentences(doc, records[i].Answer)
				doc++
			}
		}
		for i, v := range clf.ClassifyAll(ins[:hi-lo]) {
			res.Answers[lo+i].Verdict = v
		}
		clear(ins)
		em.upTo(hi, hi == len(records))
	})
	setGroups()
	if em.err != nil {
		return nil, em.err
	}

	progress("statistics")
	Tabulate(res)
	return res, nil
}

// emitter gives classified answers to Config.Emit in input order, once
// the round robins are found (an answer's Group must be set before it is
// emitted), and then drops what the statistics do not read.
type emitter struct {
	emit      func(*Answer) error
	answers   []Answer
	grouped   <-chan struct{} // closed when the round robins are found
	setGroups func()
	reg       *corpus.Registry
	groupsSet bool // the groups are set on the answers
	done      int  // answers emitted
	err       error
}

// upTo emits the answers before hi, all classified. Until the round robins
// are found they wait, so that classification goes on beside grouping;
// the last chunk (last) waits for the groups.
func (e *emitter) upTo(hi int, last bool) {
	if e.emit == nil || e.err != nil {
		return
	}
	if !e.groupsSet {
		if !last {
			select {
			case <-e.grouped:
			default:
				return
			}
		}
		e.setGroups()
		e.groupsSet = true
	}
	for ; e.done < hi; e.done++ {
		a := &e.answers[e.done]
		a.nameBody(e.reg)
		if e.err = e.emit(a); e.err != nil {
			return
		}
		a.Verdict.Evidence, a.Verdict.Refs, a.Boilerplate = nil, nil, nil
	}
}

// classifierFor returns a classifier for one run: a fresh one configured
// like the caller's. Run teaches it this corpus's boilerplate families,
// whose IDs mean nothing in another corpus, so the caller's classifier must
// not keep them: reusing it for a second corpus would otherwise carry the
// first corpus's family grounds over to unrelated families.
func classifierFor(user *classify.Classifier, seg *text.Segmenter) *classify.Classifier {
	clf := &classify.Classifier{Segmenter: seg}
	if user != nil {
		clf.Lexicon = user.Lexicon
		clf.Overrides = user.Overrides
		clf.Model = user.Model
		clf.FamilyGrounds = maps.Clone(user.FamilyGrounds)
		if user.Segmenter != nil {
			clf.Segmenter = user.Segmenter
		}
	}
	return clf
}

// FindBoilerplate splits the answers of records into sentences and finds
// the boilerplate families among them. The Result's Spans and Share are
// indexed like the answered records (those with a non-empty Answer), in
// order; Run is the way to get them per record.
func FindBoilerplate(records []corpus.Record, cfg boilerplate.Config) *boilerplate.Result {
	docs, _ := boilerplateDocs(text.NewSegmenter(), records, nil)
	return boilerplate.Find(docs, cfg)
}

// boilerplateDocs segments the answered records (those with a non-empty
// Answer), in chunks, and returns them as boilerplate documents holding
// their prose sentences only, with the record index of each document.
// advance, if not nil, is told of the records done after each chunk.
func boilerplateDocs(seg *text.Segmenter, records []corpus.Record, advance func(done, total int)) ([]boilerplate.Doc, []int) {
	var docs []boilerplate.Doc
	var docIndex []int
	inChunks(len(records), advance, func(lo, hi int) {
		sentences := segmentAll(seg, records[lo:hi])
		for i := lo; i < hi; i++ {
			r := &records[i]
			if r.Answer == "" {
				continue
			}
			docs = append(docs, boilerplate.Doc{ID: r.ID, Body: r.Department, Date: r.DateAnswered, Text: r.Answer, Sentences: proseOnly(sentences[i-lo])})
			docIndex = append(docIndex, i)
		}
	})
	return docs, docIndex
}

// proseOnly leaves out the lines of tables (cells joined by
// corpus.CellSeparator): a header row such as "| 2004-05 | 2005-06 |"
// recurs across answers, but it is data laid out alike, not a stock
// sentence, and counting it would make tables look like boilerplate. It
// filters ss in place (the caller gives it up) and keeps a non-nil ss
// non-nil, even when no sentence is left: boilerplate.Find segments a
// document whose Sentences are nil itself.
func proseOnly(ss []text.Sentence) []text.Sentence {
	out := ss[:0]
	for _, s := range ss {
		if !strings.Contains(s.Text, corpus.CellSeparator) {
			out = append(out, s)
		}
	}
	clear(ss[len(out):])
	return out
}

// segmentAll splits every answer into sentences, in parallel; the result is
// the same whatever the number of workers.
func segmentAll(seg *text.Segmenter, records []corpus.Record) [][]text.Sentence {
	out := make([][]text.Sentence, len(records))
	parallel.For(len(records), func(i int) {
		if records[i].Answer != "" {
			out[i] = seg.Split(records[i].Answer)
		}
	})
	return out
}

// UnknownBody names the answering body of records whose source gave none
// (TheyWorkForYou's Lords answers, for instance) in per-body tables.
const UnknownBody = "(body not given)"

// independence tests body × stance over the bodies with at least min
// answers. Where the chi-square approximation is doubtful (Cochran's rule),
// the p-value comes from a Monte Carlo test with a fixed seed instead, so
// that the same corpus always gives the same figure. Answers in round-robin
// groups are not independent draws, and the result says so.
func independence(bodies []BodyStats, answers []Answer, min int) stats.Independence {
	var table [][]int
	tested := map[string]bool{}
	for _, b := range bodies {
		if b.Answers < min || b.Body == UnknownBody {
			continue
		}
		tested[b.Body] = true
		row := make([]int, len(classify.Stances))
		for j, s := range classify.Stances {
			row[j] = b.Stances[s].Count
		}
		table = append(table, row)
	}
	res := stats.ChiSquare(table)
	if res.Caveat != "" && res.DF > 0 {
		res = stats.ChiSquareMonteCarlo(table, monteCarloDraws, 1)
	}
	clustered, total := 0, 0
	for i := range answers {
		a := &answers[i]
		if a.Record == nil || !tested[a.Record.Department] || !isClassified(a) {
			continue
		}
		total++
		if a.Group != "" || len(a.Record.GroupedUINs) > 0 {
			clustered++
		}
	}
	return res.WithClusters(clustered, total)
}

// monteCarloDraws is the number of simulated tables behind a Monte Carlo
// p-value: with 2,000 draws a p-value near 0.05 has a standard error of
// about 0.005, enough to read it to two decimals, at a cost that depends
// on the table's size, not the number of answers.
const monteCarloDraws = 2000
