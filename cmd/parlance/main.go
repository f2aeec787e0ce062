// Command parlance finds out how UK government departments answer
// Parliament: it reads written questions and answers, groups round robins,
// finds boilerplate, classifies every answer and writes reports.
//
// Run "parlance help" for the subcommands. With no input, every subcommand
// reads the embedded sample: the Parallel Parliament page for "Hikvision"
// (July 2023).
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// Exit statuses.
const (
	exitOK    = 0
	exitInput = 1 // bad input or a failed job
	exitUsage = 2 // the command line is wrong
)

// usageError is a mistake on the command line; it exits with status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

type command struct {
	name    string
	summary string
	run     func(env *env, args []string) error
}

var commands []command

func init() {
	commands = []command{
		{"export", "write the normalised records as JSON Lines or CSV", runExport},
		{"groups", "list round-robin groups: one question sent to many bodies", runGroups},
		{"boilerplate", "list boilerplate families: stock sentences bodies reuse", runBoilerplate},
		{"analyze", "classify every answer: stance, grounds, evidence", runAnalyze},
		{"report", "write a static HTML report", runReport},
		{"train", "fit the learned decision to your own labels", runTrain},
		{"fetch", "download questions from the live Written Questions API", runFetch},
		{"assets", "fetch the ECharts build that makes reports self-contained", runAssets},
		{"version", "print parlance's version", runVersion},
	}
}

// env is what a subcommand may touch: its streams. Tests substitute them.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// stderrIsTerminal enables progress display.
	stderrIsTerminal bool
}

func main() {
	setMemoryLimit(os.Getenv) // for the life of the process
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, stderrIsTerminal: isTerminal(os.Stderr)}
	os.Exit(run(e, os.Args[1:]))
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// run executes one command line and returns the exit status.
func run(e *env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		if len(args) > 1 {
			return run(e, []string{args[1], "--help"})
		}
		mainUsage(e.stdout)
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			err := c.run(e, args[1:])
			var ue *usageError
			switch {
			case err == nil:
				return exitOK
			case errors.Is(err, errHelp):
				return exitOK
			case errors.As(err, &ue):
				fmt.Fprintf(e.stderr, "parlance %s: %v\nRun 'parlance %s --help' for usage.\n", c.name, err, c.name)
				return exitUsage
			default:
				fmt.Fprintf(e.stderr, "parlance %s: %v\n", c.name, err)
				return exitInput
			}
		}
	}
	fmt.Fprintf(e.stderr, "parlance: unknown command %q\n\n", args[0])
	mainUsage(e.stderr)
	return exitUsage
}

func mainUsage(w io.Writer) {
	fmt.Fprint(w, `parlance finds out how UK government departments answer Parliament.

Usage:
  parlance <command> [flags] [INPUT...]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\n"+wrap("INPUT is a file, a directory, a glob, a .gz file or - for standard input, in any format parlance reads ("+
		formatLabels()+"), detected from its content. A full-text file given with list files hydrates the records it matches. "+
		"With no INPUT, parlance reads its embedded sample: the Parallel Parliament page for \"Hikvision\" (July 2023).", 76))
	fmt.Fprint(w, `
Run 'parlance <command> --help' for a command's flags and an example.
`)
}
