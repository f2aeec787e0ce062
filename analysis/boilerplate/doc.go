// Package boilerplate finds the stock sentences that departments reuse across
// a corpus of answers: near-duplicate sentences found by MinHash signatures
// over word shingles with locality-sensitive hashing (LSH) banding, verified
// exactly, and joined into families with gonum's graph package.
package boilerplate
