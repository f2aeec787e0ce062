// Package roundrobin groups the answers to the same written question tabled
// to many answering bodies at once (a "round robin"), and links identical
// questions from different askers (a "campaign") without merging them.
//
// Neutralise removes what differs between the copies of a round robin: the
// addressee ("To ask the Chancellor of the Exchequer, ") and the references
// to the body addressed ("their Department", "the Government", "he").
// Find then groups, per asker and within a window of days, the questions
// whose neutralised texts are identical or close (an IDF-weighted Jaccard
// index over content words, aware of texts clipped by the API's list
// endpoint), under the rule that a round robin asks each body once.
//
// Measured on the shared API corpus (58,173 Commons questions, list
// endpoint only): of the 110 round robins of three or more bodies that an
// exact match on asker, tabling date and neutralised text finds (26 of ten
// or more), Find keeps every one whole (recall 1.0) while adding clipped
// copies and rewordings; an estimated 98% of its members ask their group's
// question (see the package tests and testdata/near_labels.tsv). Find takes
// about one CPU-second on that corpus.
package roundrobin
