package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// errHelp reports that --help was asked for and printed; it exits 0.
var errHelp = errors.New("help printed")

// newFlags returns a flag set for a subcommand whose usage text is the
// synopsis, the description and an example, then the flags. The usage text
// goes to standard error, never standard output, which may be redirected
// into the command's output file.
func newFlags(e *env, name, synopsis, description, example string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		w := e.stderr
		fmt.Fprintf(w, "Usage: parlance %s %s\n\n%s\n\nExample:\n  %s\n\nFlags:\n", name, synopsis, strings.TrimSpace(description), example)
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

// parseInterleaved parses flags that may come before, between or after the
// positional arguments ("parlance export data/ --format csv"), and returns
// the positional arguments. "--" ends flag parsing; "-" is a positional
// argument (standard input). --help prints the usage text once, on
// standard error; a wrong flag is a usageError, whose message names the
// flag and points to --help (the usage text is not printed).
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	// The flag package calls Usage itself, for -help and for every error;
	// silence it while parsing and print the text here, once.
	usage := fs.Usage
	fs.Usage = func() {}
	defer func() { fs.Usage = usage }()
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				usage()
				return nil, errHelp
			}
			return nil, usagef("%v", err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		// fs.Parse stops at the first non-flag; "--" is consumed by it.
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// oneOf checks that a flag's value is one of the allowed ones.
func oneOf(flagName, value string, allowed ...string) error {
	for _, a := range allowed {
		if value == a {
			return nil
		}
	}
	return usagef("--%s must be one of %s, not %q", flagName, strings.Join(allowed, ", "), value)
}
