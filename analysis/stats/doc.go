// Package stats holds the statistics parlance reports: proportions with
// 95% intervals (Wilson score for display, Clopper–Pearson where a
// guaranteed-coverage bound is wanted) and tests of independence between
// answering body and stance (Pearson chi-square; a seeded Monte Carlo
// p-value and Fisher's exact test for sparse tables), and shares corrected
// for a classifier's errors (CorrectShares: the true shares behind
// predicted counts, given the confusion matrix measured on labelled items,
// with bootstrap intervals over both; CorrectStrata for items in strata
// the classifier errs on differently, each with its own confusion).
//
// Every test here assumes independent observations. Answers to round robins
// and answers written once for grouped questions are not independent;
// Independence.WithClusters says so in the result's Caveat, in plain words,
// so that a report cannot print a p-value without it.
package stats
