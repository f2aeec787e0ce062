package text

import (
	_ "embed"
	"strconv"
	"strings"

	"gopkg.in/neurosnap/sentences.v1"
)

// punktEnglish is the Punkt English model of the sentences package
// (gopkg.in/neurosnap/sentences.v1, data/english.json) written out as
// text: for each of the four sets of sentences.Storage, a line
// "# <set> <entries>" and then one line "<key>\t<value>" per entry,
// sorted by key. TestPunktModelIsTheLibrarys checks that it holds exactly
// the library's model and rewrites it with -update.
//
// The library ships the model as gzip-compressed JSON that
// sentences.LoadTraining decodes by reflection, which every process would
// pay for on its first sentence; read from this text into maps sized
// from the headers, with keys that are substrings of the embedded data,
// it costs a small fraction of that (BenchmarkNewSegmenter).
//
//go:embed punkt_english.txt
var punktEnglish string

// punktSets names the sets of sentences.Storage in the order they are
// written, with a way to reach each.
var punktSets = []struct {
	name string
	of   func(*sentences.Storage) *sentences.SetString
}{
	{"AbbrevTypes", func(s *sentences.Storage) *sentences.SetString { return &s.AbbrevTypes }},
	{"Collocations", func(s *sentences.Storage) *sentences.SetString { return &s.Collocations }},
	{"SentStarters", func(s *sentences.Storage) *sentences.SetString { return &s.SentStarters }},
	{"OrthoContext", func(s *sentences.Storage) *sentences.SetString { return &s.OrthoContext }},
}

// parsePunktModel reads a model written by writePunktModel. The data is
// compiled in, so a defect is a broken build and panics.
func parsePunktModel(data string) *sentences.Storage {
	st := &sentences.Storage{}
	var set sentences.SetString
	for line := range strings.Lines(data) {
		line = strings.TrimSuffix(line, "\n")
		if rest, ok := strings.CutPrefix(line, "# "); ok {
			name, count, _ := strings.Cut(rest, " ")
			n, err := strconv.Atoi(count)
			if err != nil {
				panic("text: Punkt model: bad header " + strconv.Quote(line))
			}
			set = nil
			for _, s := range punktSets {
				if s.name == name {
					set = make(sentences.SetString, n)
					*s.of(st) = set
				}
			}
			if set == nil {
				panic("text: Punkt model: unknown set " + strconv.Quote(name))
			}
			continue
		}
		key, value, ok := strings.Cut(line, "\t")
		v, err := strconv.Atoi(value)
		if !ok || err != nil || set == nil {
			panic("text: Punkt model: bad entry " + strconv.Quote(line))
		}
		set[key] = v
	}
	for _, s := range punktSets {
		if *s.of(st) == nil {
			panic("text: Punkt model: no set " + s.name)
		}
	}
	return st
}
