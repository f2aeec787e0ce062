// Package text is the first stage of parlance's analysis: it splits answers
// into sentences and tokens that carry byte offsets into the text they came
// from, and normalises them for comparison.
//
// The sentence splitter is prose's Punkt model (via the sentences package
// prose is built on), loaded once per Segmenter and reused for every answer,
// with parliamentary abbreviations ("hon.", "Rt Hon.", "UIN HCWS386") that
// the stock model breaks at taught to it.
package text
