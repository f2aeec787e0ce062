package analysis

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/parlance-go/parlance/analysis/classify"
)

// Parameter is one parameter of a run with the value it had.
type Parameter struct {
	Name  string `json:"name"`  // the Config field, e.g. "Boilerplate.Threshold"
	Value string `json:"value"` // the value used, defaults resolved
	About string `json:"about"` // what it does, in a few words
}

// parameters lists every parameter that can change a run's results, with
// the value used. Workers and Progress are left out: they do not.
func parameters(cfg Config) []Parameter {
	bp := cfg.Boilerplate.WithDefaults()
	rr := cfg.RoundRobin.WithDefaults()
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	i := strconv.Itoa
	ps := []Parameter{
		{"Boilerplate.Threshold", f(bp.Threshold), "least Jaccard similarity of two sentences' word shingles for them to be near-duplicates"},
		{"Boilerplate.ShingleSize", i(bp.ShingleSize), "words in a shingle"},
		{"Boilerplate.Hashes", i(bp.Hashes), "MinHash functions"},
		{"Boilerplate.Bands", i(bp.Bands), "LSH bands"},
		{"Boilerplate.MinAnswers", i(bp.MinAnswers), "least number of distinct answer texts using a family"},
		{"Boilerplate.MinWords", i(bp.MinWords), "least number of words in a compared sentence"},
		{"Boilerplate.MaxBucket", i(bp.MaxBucket), "most sentences compared pairwise in one LSH bucket"},
		{"Boilerplate.Seed", strconv.FormatUint(bp.Seed, 10), "seed of the MinHash functions"},
		{"RoundRobin.MinSimilarity", f(rr.MinSimilarity), "least similarity for a reworded question to join a round-robin group"},
		{"RoundRobin.WindowDays", i(rr.WindowDays), "longest gap in days between tabling dates within a group"},
		{"RoundRobin.MinBodies", i(rr.MinBodies), "fewest distinct bodies in a group"},
		{"MinBodyAnswers", i(cfg.minBodyAnswers()), "least number of answers for a body to be tested or singled out in a finding, and for a month to be read as a full bar"},
		{"FamilyBodyCap", i(cfg.familyBodyCap()), "most answers of one body counted when ranking stock sentences"},
	}
	ps = append(ps, classifierParameters(cfg.Classifier)...)
	ps = append(ps,
		Parameter{"Intervals", "Wilson score, 95%", "confidence interval of every share"},
		Parameter{"MonteCarloDraws", i(monteCarloDraws), "simulated tables behind a Monte Carlo p-value (seed 1), used where the chi-square approximation is doubtful"},
	)
	return ps
}

// classifierParameters identifies the classifier: its lexicon by the number
// of cues and the SHA-256 of their canonical text (LexiconDigest), and
// whether it is the default, plus the number of overrides and of family
// grounds set by hand.
func classifierParameters(clf *classify.Classifier) []Parameter {
	lex := classify.DefaultLexicon()
	custom := false
	var overrides, famGrounds int
	if clf != nil {
		if len(clf.Lexicon.Cues) > 0 {
			lex = clf.Lexicon
			custom = LexiconDigest(lex) != LexiconDigest(classify.DefaultLexicon())
		}
		overrides, famGrounds = len(clf.Overrides), len(clf.FamilyGrounds)
	}
	kind := "default"
	if custom {
		kind = "custom"
	}
	i := strconv.Itoa
	model := "none: the rules decide each stance"
	if clf != nil && clf.Model != nil {
		keeps := "decides every verdict but a holding one"
		if len(clf.Model.Keeps) > 0 {
			keeps = "leaves standing the verdicts of the rules " + strings.Join(clf.Model.Keeps, ", ")
		}
		model = fmt.Sprintf("learned (%s), %d features, %s, sha256:%s", clf.Model.Trained, len(clf.Model.Features), keeps, ModelDigest(clf.Model))
	}
	return []Parameter{
		{"Classifier.Lexicon", fmt.Sprintf("%s, %d cues, sha256:%s", kind, len(lex.Cues), LexiconDigest(lex)), "the cues that find refusal grounds (SHA-256 of their canonical text, precedence included)"},
		{"Classifier.Model", model, "the learned decision that settles stances, if any (SHA-256 of the model file)"},
		{"Classifier.Overrides", i(overrides), "verdicts set by hand"},
		{"Classifier.FamilyGrounds", i(famGrounds), "stock sentences given grounds by hand"},
	}
}

// LexiconDigest returns the hex SHA-256 of a lexicon's canonical text:
// one line per cue, in order, "ground TAB pattern TAB name TAB weight TAB
// role" with the weight as the shortest decimal that round-trips (0 read as
// 1), then one line per rule of precedence, "subject TAB over" (the
// default precedence where the lexicon sets none). Comments are left out.
// Two lexicons with the same digest find the same grounds in the same way.
func LexiconDigest(l classify.Lexicon) string {
	h := sha256.New()
	for _, c := range l.Cues {
		w := c.Weight
		if w == 0 {
			w = 1
		}
		fmt.Fprintf(h, "%s\t%s\t%s\t%s\t%s\n", c.Ground, c.Pattern, c.Name, strconv.FormatFloat(w, 'g', -1, 64), c.Role)
	}
	prec := l.Precedence
	if prec == nil {
		prec = classify.DefaultPrecedence()
	}
	for _, y := range prec {
		fmt.Fprintf(h, "precedence\t%s\t%s\n", y.Subject, y.Over)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// EmbeddedModelDecides reports whether clf's stances are decided by
// parlance's embedded learned model (classify.EmbeddedModel, compared by
// ModelDigest), whose measured confusion and agreement describe it.
func EmbeddedModelDecides(clf *classify.Classifier) bool {
	return clf != nil && clf.Model != nil && ModelDigest(clf.Model) == ModelDigest(classify.EmbeddedModel())
}

// ModelDigest returns the hex SHA-256 of a model as Model.Write writes it.
func ModelDigest(m *classify.Model) string {
	h := sha256.New()
	if err := m.Write(h); err != nil {
		return "unwritable model: " + err.Error()
	}
	return hex.EncodeToString(h.Sum(nil))
}
