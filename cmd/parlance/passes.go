package main

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/corpus"
)

// twoPassBytes is the size on disk of the inputs from which analyze and
// report read them twice by default (--passes auto): about 350,000
// answers as gzipped full-text JSON Lines, or 100,000 as plain. Below it
// the records and the boilerplate index fit in a few hundred megabytes
// together and a second read would only cost time; above it, holding both
// at once is most of a run's memory (a million answers: about 2 GB live in
// one pass).
const twoPassBytes = 128 << 20

// passesFlag is --passes: how many times analyze and report read their
// inputs.
type passesFlag struct{ value string }

func (p *passesFlag) register(fs *flag.FlagSet) {
	fs.StringVar(&p.value, "passes", "auto", "read the inputs once (1) or twice (2: boilerplate from the answers alone first, then whole records, for less memory); auto: twice when the input files hold 128 MiB or more. The results are the same")
}

// two reports whether to read inputs twice. Standard input and the
// embedded sample are read once whatever the flag says, since only files
// can be read again.
func (p *passesFlag) two(inputs []string) (bool, error) {
	switch p.value {
	case "1":
		return false, nil
	case "2", "auto":
	default:
		return false, usagef("--passes %q: want 1, 2 or auto", p.value)
	}
	if len(inputs) == 0 {
		return false, nil
	}
	for _, in := range inputs {
		if in == "-" {
			return false, nil
		}
	}
	return p.value == "2" || inputBytes(inputs) >= twoPassBytes, nil
}

// inputBytes is the size on disk of the files inputs name: files,
// directories (everything beneath) and globs. It is an estimate for
// choosing a way to read; what cannot be read counts nothing here, and
// reading reports it.
func inputBytes(inputs []string) int64 {
	var n int64
	seen := map[string]bool{}
	add := func(path string, info fs.FileInfo) {
		if info.Mode().IsRegular() && !seen[path] {
			seen[path] = true
			n += info.Size()
		}
	}
	for _, in := range inputs {
		paths := []string{in}
		if _, err := os.Stat(in); err != nil {
			paths, _ = filepath.Glob(in)
		}
		for _, p := range paths {
			filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					return nil
				}
				if info, err := d.Info(); err == nil {
					add(path, info)
				}
				return nil
			})
		}
	}
	return n
}

// findFirst is the first of two passes: it reads the inputs keeping only
// what boilerplate detection needs of each answer, a batch at a time
// (analysis.BoilerplateFinder keeps offsets and hashes, not texts), and
// finds the boilerplate. Its reading summary is dropped: the second pass
// reads the same inputs and reports them.
func findFirst(e *env, inputs []string, in *inputFlags) (*analysis.Found, error) {
	if !in.quiet {
		newProgress(e, false).status("first pass: reading the answers to find boilerplate")
	}
	first := *in
	first.quiet = true
	first.omit |= corpus.OmitQuestion | corpus.OmitAnswerHTML
	bf := analysis.NewBoilerplateFinder(boilerplate.Config{})
	var ids []string
	_, err := streamInputs(e, inputs, &first, func(r *corpus.Record) error {
		if bf.Add(r) {
			ids = append(ids, strings.Clone(r.ID))
		}
		return nil
	})
	res := bf.Result() // ends the finder's goroutine, error or not
	if err != nil {
		return nil, err
	}
	return &analysis.Found{Result: res, IDs: ids}, nil
}
