package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/parlance-go/parlance/analysis/classify"
)

func runTrain(e *env, args []string) error {
	fs := newFlags(e, "train", "--labels FILE.tsv [--l2 X] [--balanced] [--lsa] [-o model.json] [INPUT...]",
		`Train fits the learned decision (a multinomial logistic regression over the
features the rules read from each answer) to your own labels, so that parlance
can follow a codebook of your own. It first learns an LSA space (latent semantic
analysis) from every answered record of the inputs, labelled or not, and adds
features saying how closely the answer's sentences concern each part of the
question; the space is written into the model (inputs too small for one give a
model without it, and say so). The labels file is in the layout of the
overrides (key, stance, grounds, note); the inputs must hold the labelled
records. Use the model with analyze --model FILE or report --model FILE.
How many labelled records were found, and which labels matched none, goes to
stderr. The same labels and inputs give the same model, byte for byte.`,
		"parlance train --labels my-labels.tsv -o my-model.json data/api/list data/api/fulltext")
	var in inputFlags
	in.register(fs)
	labels := fs.String("labels", "", "TSV of labelled answers (key, stance, grounds, note)")
	l2 := fs.Float64("l2", 0, "L2 penalty on the weights (0 means the default, 0.01)")
	balanced := fs.Bool("balanced", false, "weigh each stance equally in total rather than each answer alike")
	lsa := fs.Bool("lsa", false, "learn an LSA space from the inputs and add the relevance features read in it (off by default: on the frozen test split they did not help)")
	keep := fs.String("keep", strings.Join(classify.KeptRules, ","), "rules whose verdicts the model leaves standing, comma-separated (the codebook's definitions); empty lets it decide every verdict but a holding one")
	out := fs.String("o", "-", "output file (- for standard output)")
	var lexicon string
	fs.StringVar(&lexicon, "lexicon", "", "TSV of refusal cues added to the default lexicon (as analyze --lexicon)")
	inputs, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if *labels == "" {
		return usagef("train: --labels is required")
	}
	cf := classifierFlags{lexicon: lexicon}
	clf, err := cf.build()
	if err != nil {
		return err
	}
	f, err := os.Open(*labels)
	if err != nil {
		return err
	}
	gold, err := classify.ReadOverrides(f, *labels)
	f.Close()
	if err != nil {
		return err
	}
	recs, sum, err := readInputs(e, inputs, &in)
	printSummary(e, &in, sum)
	if err != nil {
		return err
	}
	counts := map[classify.Stance]int{}
	for _, l := range gold {
		counts[l.Stance]++
	}
	var parts []string
	for _, s := range classify.Stances {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	keeps := []string{}
	if *keep != "" {
		keeps = strings.Split(*keep, ",")
	}
	m, set, err := clf.TrainOn(recs, gold, classify.TrainOptions{L2: *l2, Balanced: *balanced, LSA: *lsa, Keeps: keeps,
		Trained: fmt.Sprintf("%d labelled answers of %s (%s)", len(gold), baseName(*labels), strings.Join(parts, ", "))})
	if len(set.Missing) > 0 && !in.quiet {
		sort.Strings(set.Missing)
		fmt.Fprintf(e.stderr, "train: %d of %d labels match no input record, e.g. %s\n", len(set.Missing), len(gold), set.Missing[0])
	}
	if set.NoSpace != "" && !in.quiet {
		fmt.Fprintf(e.stderr, "train: no LSA space, so no relevance features: %s\n", set.NoSpace)
	}
	if err != nil {
		return err
	}
	if len(set.Missing) > 0 {
		m.Trained = fmt.Sprintf("%d of %s", len(set.Examples), m.Trained)
	}
	if !in.quiet {
		fmt.Fprintf(e.stderr, "train: fitted on %d labelled answers: %d features, %d stances\n", len(set.Examples), len(m.Features), len(m.Classes))
		if m.Space != nil {
			fmt.Fprintf(e.stderr, "train: LSA space of %s\n", m.Space.Built)
		}
	}
	return withOutput(e, *out, func(w *bufio.Writer) error { return m.Write(w) })
}

// baseName is the last element of a path, so that a model does not carry
// the directories of the machine it was trained on.
func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}
