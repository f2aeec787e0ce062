// Package boilerplate finds the stock sentences that departments reuse across
// a corpus of answers: near-duplicate sentences found by MinHash signatures
// over word shingles with locality-sensitive hashing (LSH) banding, verified
// exactly, and joined into families as the connected components of the
// verified pairs.
package boilerplate
