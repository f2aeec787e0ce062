package corpus

import (
	"errors"
	"fmt"
	"io"
)

// Problem is a defect in one record of one input, located precisely enough
// for a user to open the file and find it. It is returned as the error of a
// strict read, and collected in Summary.Problems by a lenient one.
type Problem struct {
	File   string // the input's name as given ("-" for standard input); for a member of a .gz, the .gz file
	Record string // where in the file: "line 12", "item 40", "record api:1725503", …
	Field  string // the field at fault, in the source's own spelling; may be empty
	Err    error  // what is wrong
}

func (p *Problem) Error() string {
	s := p.File
	if p.Record != "" {
		s += ": " + p.Record
	}
	if p.Field != "" {
		s += ": field " + p.Field
	}
	return s + ": " + p.Err.Error()
}

func (p *Problem) Unwrap() error { return p.Err }

// readErr is the error for a failed read of input name after its line
// lines: a stream that ends too soon (a truncated gzip file) is ErrCutShort.
func readErr(name string, line int, err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%s: %w: it ends after line %d (%v)", name, ErrCutShort, line, err)
	}
	return fmt.Errorf("%s: line %d: %w", name, line+1, err)
}

// problemf builds a Problem with a formatted message.
func problemf(file, record, field, format string, args ...any) *Problem {
	return &Problem{File: file, Record: record, Field: field, Err: fmt.Errorf(format, args...)}
}

// ErrInvalidUTF8 is the error of a Problem naming a field whose text is
// not valid UTF-8 (often a file saved in another encoding, such as
// Windows-1252). A reader that finds it returns the record too, with every
// invalid byte sequence replaced by U+FFFD; Open's Stream delivers that
// repaired record in lenient mode (counted in Summary.Repaired) and stops
// with the Problem in strict mode.
var ErrInvalidUTF8 = errors.New("not valid UTF-8 (is the file in another encoding, such as Windows-1252?)")

// ErrCutShort is wrapped by the error for an input that ends in the middle
// of its data: a download or copy cut off, a truncated gzip stream. The
// error says after which item or line.
var ErrCutShort = errors.New("the file is cut short")

// ErrUnknownFormat is returned (wrapped in a Problem) when the format of an
// input cannot be detected.
var ErrUnknownFormat = errors.New("unknown input format")
