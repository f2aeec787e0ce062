package classify

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

// confusionFile is the name CheckConfusion's errors give the embedded file.
const confusionFile = "analysis/classify/confusion.tsv"

//go:embed confusion.tsv
var confusionTSV string

// modelConfusionFile is the name ModelConfusion's errors give its file.
const modelConfusionFile = "analysis/classify/confusion-model.tsv"

//go:embed confusion-model.tsv
var modelConfusionTSV string

// clippedConfusionFile and modelClippedConfusionFile are the names
// ClippedConfusion's and ModelClippedConfusion's errors give their files.
const (
	clippedConfusionFile      = "analysis/classify/confusion-clipped.tsv"
	modelClippedConfusionFile = "analysis/classify/confusion-model-clipped.tsv"
)

//go:embed confusion-clipped.tsv
var clippedConfusionTSV string

//go:embed confusion-model-clipped.tsv
var modelClippedConfusionTSV string

// Confusion is a stance confusion matrix measured on labelled answers:
// Counts[i][j] is the number of answers the coders gave Stances[i] and the
// rules gave Stances[j].
type Confusion struct {
	// Source says which labelled answers and which rules measured it, as
	// the embedded file's header comment does.
	Source string
	Counts [len(stanceOrder)][len(stanceOrder)]int
}

// stanceOrder fixes the length of Confusion's arrays; it must equal Stances.
var stanceOrder = [...]Stance{Disclosed, Partial, Declined, Referred, Holding}

// Rows returns Counts as a slice of rows, for callers that take [][]int.
func (c Confusion) Rows() [][]int {
	out := make([][]int, len(c.Counts))
	for i := range c.Counts {
		out[i] = append([]int(nil), c.Counts[i][:]...)
	}
	return out
}

// Total returns the number of answers counted.
func (c Confusion) Total() int {
	n := 0
	for _, r := range c.Counts {
		for _, v := range r {
			n += v
		}
	}
	return n
}

// Accuracy returns the share of the answers counted on which the coders
// and the classifier agree: the diagonal over the total (0 for none).
func (c Confusion) Accuracy() float64 {
	agreed := 0
	for i := range c.Counts {
		agreed += c.Counts[i][i]
	}
	if n := c.Total(); n > 0 {
		return float64(agreed) / float64(n)
	}
	return 0
}

// CheckConfusion returns the stance confusion matrix of the default rules
// on labelled answers they were not written against (the check sets and
// round 3's train split; confusion.tsv's header names them), coded blind
// from the codebook by language-model coding agents, not trained human
// coders. It is read
// from the embedded confusion.tsv, which TestConfusionFile keeps equal to
// what the rules measure on those labels. The dev set is left out: the
// rules were written against it, so its confusion would flatter them.
// Corrections for classifier error (stats.CorrectShares) take it as the
// classifier's error rates.
func CheckConfusion() Confusion {
	return mustConfusion(confusionTSV, confusionFile)
}

// ModelConfusion returns the stance confusion matrix of the learned
// decision as EmbeddedModel is fitted (TrainOptions{}, keeping KeptRules),
// measured out of sample on the same labelled answers as CheckConfusion:
// each answer is decided by a model fitted to the other folds of a 5-fold
// cross-validation over every labelled answer outside round 3's test split
// (the dev set among them, as EmbeddedModel is), the API answers in blocks
// of time. The embedded model itself learned from all of them, so these
// rates describe it on new answers a little pessimistically. It is read
// from the embedded confusion-model.tsv, which TestModelConfusionFile keeps
// equal to what the fits give. Corrections for classifier error take it
// when EmbeddedModel decided the stances.
func ModelConfusion() Confusion {
	return mustConfusion(modelConfusionTSV, modelConfusionFile)
}

// ClippedConfusion returns the stance confusion matrix of the default
// rules on the labelled API answers of CheckConfusion whose text the
// Written Questions API's list endpoint clips (corpus.ListClipRunes
// characters), clipped as it clips them. A clipped answer often stops
// before its refusal, so the rules misread these answers in their own
// way; corrections take these rates for answers marked
// corpus.Record.Truncated. It is read from the embedded
// confusion-clipped.tsv, which TestClippedConfusionFile keeps equal to
// what the rules measure, and checks its clipping against the list files.
func ClippedConfusion() Confusion {
	return mustConfusion(clippedConfusionTSV, clippedConfusionFile)
}

// ModelClippedConfusion is ClippedConfusion for the learned decision as
// EmbeddedModel is fitted: each clipped answer decided out of sample by
// the model fitted to the other folds of ModelConfusion's
// cross-validation. It is read from the embedded
// confusion-model-clipped.tsv, which TestModelClippedConfusionFile keeps.
func ModelClippedConfusion() Confusion {
	return mustConfusion(modelClippedConfusionTSV, modelClippedConfusionFile)
}

// mustConfusion parses an embedded confusion file; the files are tested,
// so a parse error is a build bug.
func mustConfusion(text, name string) Confusion {
	c, err := parseConfusion(text, name)
	if err != nil {
		panic(err)
	}
	return c
}

// parseConfusion reads a confusion matrix in the layout of confusion.tsv:
// '#' comment lines (the first paragraph of them is the Source), a header
// row "gold\predicted" followed by the stances in canonical order, then one
// row per gold stance in the same order, tab-separated.
func parseConfusion(text, name string) (Confusion, error) {
	var c Confusion
	var src []string
	row := -1 // -1 until the header is read
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for ln, line := range lines {
		pos := fmt.Sprintf("%s:%d", name, ln+1)
		if strings.HasPrefix(line, "#") {
			if row == -1 {
				src = append(src, strings.TrimSpace(strings.TrimPrefix(line, "#")))
			}
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 1+len(stanceOrder) {
			return c, fmt.Errorf("%s: %d fields, want %d (a stance and %d counts, tab-separated)", pos, len(f), 1+len(stanceOrder), len(stanceOrder))
		}
		if row == -1 {
			if f[0] != `gold\predicted` {
				return c, fmt.Errorf("%s: header starts %q, want %q", pos, f[0], `gold\predicted`)
			}
			for j, s := range stanceOrder {
				if Stance(f[1+j]) != s {
					return c, fmt.Errorf("%s: header column %d is %q, want %q", pos, 2+j, f[1+j], s)
				}
			}
			row = 0
			continue
		}
		if row >= len(stanceOrder) {
			return c, fmt.Errorf("%s: more rows than the %d stances", pos, len(stanceOrder))
		}
		if Stance(f[0]) != stanceOrder[row] {
			return c, fmt.Errorf("%s: row %d is %q, want %q", pos, row+1, f[0], stanceOrder[row])
		}
		for j := range stanceOrder {
			v, err := strconv.Atoi(f[1+j])
			if err != nil || v < 0 {
				return c, fmt.Errorf("%s: %s predicted %s: %q is not a count", pos, f[0], stanceOrder[j], f[1+j])
			}
			c.Counts[row][j] = v
		}
		row++
	}
	if row != len(stanceOrder) {
		return c, fmt.Errorf("%s: %d stance rows, want %d", name, max(row, 0), len(stanceOrder))
	}
	// The Source is the first paragraph of the header comment.
	var para []string
	for _, s := range src {
		if s == "" {
			if len(para) > 0 {
				break
			}
			continue
		}
		para = append(para, s)
	}
	c.Source = strings.Join(para, " ")
	return c, nil
}

// formatConfusion writes c in the layout parseConfusion reads, under the
// given header comment lines.
func formatConfusion(header []string, c Confusion) string {
	var b strings.Builder
	for _, h := range header {
		if h == "" {
			b.WriteString("#\n")
		} else {
			b.WriteString("# " + h + "\n")
		}
	}
	b.WriteString(`gold\predicted`)
	for _, s := range stanceOrder {
		b.WriteString("\t" + string(s))
	}
	b.WriteString("\n")
	for i, s := range stanceOrder {
		b.WriteString(string(s))
		for _, v := range c.Counts[i] {
			b.WriteString("\t" + strconv.Itoa(v))
		}
		b.WriteString("\n")
	}
	return b.String()
}
