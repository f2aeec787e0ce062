// Package roundrobin groups the answers to the same written question tabled
// to many answering bodies at once (a "round robin"), and links identical
// questions from different askers (a "campaign") without merging them.
package roundrobin
