// Package classify implements parlance's codebook: it gives every answer a
// stance (disclosed, partial, declined, referred, holding) and the refusal
// grounds it states, with the evidence (sentences with byte offsets and the
// cue that fired) and a confidence for each verdict.
//
// # Method
//
// The classifier is a set of transparent rules over cues, not a trained
// model, so that every verdict can be explained and checked by a reader.
// An answer is split into sentences (text.Segmenter) and each sentence is
// read for:
//
//   - refusal grounds: the Lexicon's cues (DefaultLexicon: one or more
//     patterns per ground of the codebook, each requiring refusal context,
//     not merely a topic word), and boilerplate families learnt to be
//     refusal formulas (LearnFamilies), so a variant wording the lexicon
//     misses is still recognised through its family;
//   - structure: figures (numbers that are not dates, years, ages or
//     reference numbers, and not already in the question), tables (lines
//     with " | " or tabs), attached files, "none"/"nil"/"no recorded …",
//     direct yes/no statements ("There are no plans…", "has not made…"),
//     pointers ("I refer the hon. Member to…", "can be found at…", URLs),
//     promises to write later, and generic commitment sentences that carry
//     no information ("The Government is committed to…").
//
// The structural cues' expressions are data like the lexicon's: one
// alternative a line in the embedded structure.tsv, commented by block.
//
// One sentence states one reason: a security refusal is not also the
// no-comment convention, information withheld by convention is not also
// "not held", a decision left to the Spending Review is a future publication.
//
// The question is read too (ReadQuestion): each part's first question word
// says what it wants — figures ("how many", "what proportion", "what the
// cost", "if she will make an estimate of"), a date ("when", "by what
// date"), a yes/no ("whether", "if he will …"; but "whether he has made an
// assessment" and "what steps" take a description), or a description. The
// formula "and if he will make a statement" is not a part.
//
// The rules then follow the codebook's tie-breaks (see Classifier.Classify):
// holding first, then a ground with or without some of the requested
// information (partial or declined), then a bare pointer (referred), then a
// figures- or yes/no-question answered with neither (partial), otherwise
// disclosed. Overrides (e.g. adjudicated labels) win and are marked.
// In the code each step is one stage with its own inputs and output: a
// verdict settled before any reading (override, no answer), the question
// read, each sentence read, the answer's cues taken together, the
// tie-breaks applied to them, and the verdict assembled with its grounds,
// confidence and evidence.
//
// # Evidence
//
// Verdict.Evidence lists what fired, in order: question cues first
// (InQuestion, offsets into Record.Question: "question:how-many",
// "question:whether", "question:items:3", and one "question-part:" cue per
// part from ReadQuestionParts, with the part's offsets but no text, naming
// its question word, head nouns and main verbs, e.g. "question-part:how-many: how many; nouns officers; verbs
// recruited"), then answer sentences with
// offsets into Record.Answer and cues such as "ground:national-security:
// security-grounds" (ground, then the lexicon cue's name), "family:12",
// "figure", "table", "attachment", "nil", "direct", "pointer",
// "holding-promise", "generic", "date", "refusal:cannot-answer",
// "transfer:answered-by-letter". Entries with Start == End and no Text are
// verdict-level notes rather than spans: first "rule:NAME", the rule that
// decided (holding-flag, holding-promise, ground-only, ground-with-info,
// deferral-incidental, pointer-only, missing-figures,
// missing-yes-no, missing-substance, disclosed, disclosed-weak), then
// "holding-flag", "info:figures", "info:direct", "info:direct-none",
// "info:other-part", "missing:figures", "missing:yes-no",
// "missing:substance", "tie-break:ground-over-pointer",
// "tie-break:deferral-incidental", "tie-break:each-own-answered",
// "truncated", "override".
//
// # Confidence
//
// Confidence = clamp(r × w × 0.9^conflicts, 0.3, 1). r is the base
// confidence of the rule that decided (a bare pointer, a ground with some
// of the information asked for, a figures question answered without one,
// …): the share of that rule's verdicts the coders (language-model coding
// agents, not trained human coders) agreed with, pooled over
// the dev set and the two check sets (TestRuleConfidence prints the counts
// and fails when a rule drifts more than 0.1 from them). w is the weight of
// the strongest ground cue for verdicts a refusal decided, else 1.
// conflicts counts cues pointing to another stance (a pointer beside a
// disclosed answer, a long substantive passage beside a refusal, …; a
// record whose text is known to be truncated counts as two). An override
// has confidence 1. With a Model, a verdict's confidence is the model's
// probability for the stance it gives. Evaluate's ByConfidence and
// Calibrate report, for labelled answers, how often verdicts in each
// confidence band agree with the labels (MeasuredCalibration holds the
// table for the rules and the model); treat confidence as a ranking of
// which verdicts to check first, not as an exact probability.
//
// # Measured
//
// The package's figures live in one place, Measured, which TestDevSet and
// TestCheckSets keep equal to what they measure (they print the full tables
// and confusion matrices). The labels were made by language-model coding
// agents working blind from the codebook, not by trained human coders;
// quote that with any figure. The dev set (labels/dev.tsv, re-adjudicated
// under codebook version 2) is the sample the rules were written against,
// so its figures flatter them; the check sets under testdata/ are the
// fairer guide. Partial answers that silently skip one lettered item, and
// whether-questions answered with related information but no yes/no,
// remain the hardest. Evaluate computes the same scores for any gold and
// predicted verdicts. CheckConfusion is the rules' stance confusion on the
// check sets, the error rates that shares corrected for classifier error
// (stats.CorrectShares) adjust for; TestConfusionFile keeps it in step.
// ModelConfusion is the same for the learned decision as EmbeddedModel is
// fitted, measured out of sample by cross-validation
// (TestModelConfusionFile); MeasuredValidation is its learning curve by
// time and its cross-validated scores beside the rules'
// (TestValidationFile).
//
// # Speed
//
// Regular expressions are compiled once per process and each is tried only
// on sentences containing the literal words it cannot match without,
// derived from the expression itself (so no hand-kept keyword list can
// hide a match); the Punkt
// model is loaded once. Classifying an answer takes about a millisecond of
// CPU, and a Classifier is safe for concurrent use.
package classify
