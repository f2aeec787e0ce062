// Package analysis runs parlance's analysis pipeline over a corpus: sentence
// segmentation (package text), boilerplate families (package boilerplate),
// round-robin groups (package roundrobin), stance and grounds (package
// classify) and per-body statistics (package stats). Its Result is what the
// report package renders and the command line exports.
package analysis
