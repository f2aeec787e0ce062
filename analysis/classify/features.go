package classify

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Features are the named facts about one answer that a Model weighs: each
// name says what it is ("rules:partial", "cue:figure", "q:how-many",
// "x:how-many*figure", "overlap:<0.2"), and each value is 1 for a fact that
// holds, or a number in [0, 1] for a measure. Facts that do not hold are
// absent.
type Features map[string]float64

// featureCues are the answer cues whose presence is a feature and which
// are crossed with what the question asks for.
var featureCues = []string{"figure", "table", "nil", "direct", "pointer", "date", "attachment", "generic", "holding-promise", "ground"}

// Features returns the features of one answer and the rules' verdict they
// were read from: the rules' stance and deciding rule, the cues they found
// (grounds by ground, figures, tables, nil and direct answers, pointers,
// promises, generic sentences, where the first refusal stands), what the
// question asks for and how many parts it has, each question form crossed
// with each answer cue, the answer's length, its source and holding flags,
// and how much of the question's vocabulary the answer shares (overlap:
// the share of the question's content words, compared by their first five
// letters, that occur in the answer).
func (c *Classifier) Features(in Input) (Features, Verdict) {
	v := c.classifyRules(in)
	return featuresOf(in, v), v
}

func featuresOf(in Input, v Verdict) Features {
	f := Features{}
	rec := in.Record
	if rec == nil {
		return f
	}
	f["rules:"+string(v.Stance)] = 1
	if v.rule != "" {
		f["rule:"+v.rule] = 1
	}
	q := ReadQuestion(rec.Question)
	wants := map[Want]bool{}
	for _, w := range q.Parts {
		wants[w] = true
		f["q:"+string(w)] = 1
	}
	switch n := len(q.Parts); {
	case n == 0:
		f["q:parts:0"] = 1
	case n == 1:
		f["q:parts:1"] = 1
	case n == 2:
		f["q:parts:2"] = 1
	default:
		f["q:parts:3+"] = 1
	}
	if q.Items > 1 {
		f["q:items"] = 1
	}
	present := map[string]bool{}
	evChars := 0
	firstRefusal := -1
	for _, e := range v.Evidence {
		if e.InQuestion {
			continue
		}
		if e.Start == e.End && e.Text == "" {
			if !strings.HasPrefix(e.Cue, "rule:") {
				f["note:"+e.Cue] = 1
			}
			continue
		}
		evChars += e.End - e.Start
		cue := e.Cue
		switch {
		case strings.HasPrefix(cue, "ground:"):
			g := strings.SplitN(strings.TrimPrefix(cue, "ground:"), ":", 2)[0]
			f["ground:"+g] = 1
			present["ground"] = true
			if firstRefusal < 0 || e.Start < firstRefusal {
				firstRefusal = e.Start
			}
		case strings.HasPrefix(cue, "family:"):
			f["cue:family-ground"] = 1
			present["ground"] = true
		default:
			name := cue
			if i := strings.IndexByte(name, ':'); i >= 0 && name != "direct:not-recorded" {
				name = name[:i]
			}
			f["cue:"+name] = 1
			present[strings.SplitN(name, ":", 2)[0]] = true
		}
	}
	if firstRefusal >= 0 && firstRefusal < 40 {
		f["ground:opens-answer"] = 1
	}
	for w := range wants {
		for _, cue := range featureCues {
			if present[cue] {
				f["x:"+string(w)+"*"+cue] = 1
			}
		}
	}
	n := len(rec.Answer)
	f["len:"+bucket(float64(n), []float64{150, 400, 1000})] = 1
	// Bytes of the answer outside every cue's sentence: the substance the
	// cues do not account for, on a log scale in [0, 1].
	rest := n - evChars
	if rest < 0 {
		rest = 0
	}
	f["substance"] = math.Min(1, math.Log1p(float64(rest))/math.Log1p(3000))
	f["src:"+string(rec.Source)] = 1
	if rec.Holding {
		f["flag:holding"] = 1
	}
	if !rec.DateHoldingAnswer.IsZero() {
		f["flag:earlier-holding"] = 1
	}
	answerStems := contentStems(rec.Answer) // once, for the question and each part
	ov := overlapStems(contentStems(rec.Question), answerStems)
	f["overlap"] = ov
	f["overlap:"+bucket(ov, []float64{0.2, 0.4, 0.6})] = 1
	// How well the least-answered part of the question is echoed: a part
	// whose words the answer never uses is likely skipped.
	if parts := questionParts(rec.Question); len(parts) > 1 {
		least := 1.0
		for _, p := range parts {
			least = math.Min(least, overlapStems(contentStems(p), answerStems))
		}
		f["part-overlap-min"] = least
		f["part-overlap-min:"+bucket(least, []float64{0.2, 0.4, 0.6})] = 1
	}
	// What the question asks for, named in the answer: an assessment
	// question answered with talk of assessment, a discussions question
	// with meetings.
	lq, la := strings.ToLower(rec.Question), strings.ToLower(rec.Answer)
	for _, k := range askedFor {
		if containsAny(lq, k.question) {
			f["asks:"+k.name] = 1
			if containsAny(la, k.answer) {
				f["asks:"+k.name+"*named"] = 1
			}
		}
	}
	return f
}

// askedFor are kinds of thing a question asks for, with the words of the
// question that ask for it and the words of an answer that speak of it.
var askedFor = []struct {
	name             string
	question, answer []string
}{
	{"assessment", []string{"assessment", "estimate", "evaluation", "analysis", "assess"}, []string{"assess", "estimat", "evaluat", "analys", "review", "research", "modelling", "impact"}},
	{"discussions", []string{"discussions", "meetings", "representations", "conversations", "correspondence"}, []string{"met ", "meet", "discuss", "spoke", "engag", "correspond", "wrote", "representations", "conversation"}},
	{"timetable", []string{"timetable", "timescale", "when ", "what date", "by when"}, []string{"20", "january", "february", "march", "april", "may ", "june", "july", "august", "september", "october", "november", "december", "spring", "summer", "autumn", "winter", "next year", "this year", "shortly", "soon"}},
	{"list", []string{"which ", "list", "names of", "what organisations", "what companies"}, []string{", ", "; ", ":", "\n"}},
}

// questionParts splits a question at its part boundaries: semicolons,
// lettered items and ", and" before a question word.
func questionParts(q string) []string {
	var out []string
	for _, p := range reQParts.Split(q, -1) {
		if len(contentStems(p)) > 0 {
			out = append(out, p)
		}
	}
	return out
}

var reQParts = mustLazy(`(?i);\s*(and\s+)?|\((?:[a-z]|[ivx]+)\)|,\s+and\s+(?:if|whether|what|how|when|why|which)\b`)

// bucket names the interval of cuts that x falls in: "<a", "a-b", "≥z".
func bucket(x float64, cuts []float64) string {
	fmtF := func(c float64) string { return strconv.FormatFloat(c, 'g', -1, 64) }
	if x < cuts[0] {
		return "<" + fmtF(cuts[0])
	}
	for i := 1; i < len(cuts); i++ {
		if x < cuts[i] {
			return fmtF(cuts[i-1]) + "-" + fmtF(cuts[i])
		}
	}
	return ">=" + fmtF(cuts[len(cuts)-1])
}

// overlapStems is the overlap of a question with an answer: the share of
// the question's content stems qs (contentStems) that are among the
// answer's, as; 0 for a question with none.
func overlapStems(qs, as map[string]bool) float64 {
	if len(qs) == 0 {
		return 0
	}
	hit := 0
	for s := range qs {
		if as[s] {
			hit++
		}
	}
	return float64(hit) / float64(len(qs))
}

// contentStems returns the stems of s's content words: its runs of
// letters, lower-cased, of four bytes or more and not in questionStop, cut
// to their first five bytes. It reads s rune by rune into one buffer rather
// than lower-casing and splitting it (TestContentStemsMatchesSplitting
// holds it to that reading): the learned decision reads the answer's stems
// for every answer.
func contentStems(s string) map[string]bool {
	out := map[string]bool{}
	var buf [64]byte
	word := buf[:0]
	for _, r := range s {
		var letter bool
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			letter = 'a' <= r && r <= 'z'
		} else {
			r = unicode.ToLower(r)
			letter = unicode.IsLetter(r)
		}
		if letter {
			word = utf8.AppendRune(word, r)
			continue
		}
		addStem(out, word)
		word = word[:0]
	}
	addStem(out, word)
	return out
}

// addStem adds the stem of one lower-cased word to stems, if it is a
// content word.
func addStem(stems map[string]bool, word []byte) {
	if len(word) < 4 || questionStop[string(word)] {
		return
	}
	if len(word) > 5 {
		word = word[:5]
	}
	stems[string(word)] = true
}

// questionStop are the words of the question's formula and of every
// question, which say nothing about its topic.
var questionStop = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`ask secretary state department minister chancellor exchequer
	what whether which when will with what that this they their them there have been from
	made make take taking steps assessment estimate number many much will would could should
	does with into about such other also more most last each year years since 2023 2024 2025
	2026 2009 plans plan your hon member government policy potential impact`) {
		questionStop[w] = true
	}
}
