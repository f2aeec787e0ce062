package corpus

import (
	"bufio"
	"bytes"
	_ "embed"
)

// sampleHikvision is the text of a Parallel Parliament search page for
// "Hikvision" (July 2023): nine written questions with their answers, a
// round robin to six departments among them, and one Select Committee item.
//
//go:embed sample/hikvision-2023-07.txt
var sampleHikvision []byte

// SampleName is the input name under which OpenSample's records and
// problems are reported.
const SampleName = "sample:hikvision-2023-07.txt"

// OpenSample streams the embedded sample page, so that parlance can be tried
// without any data. opt.Format and opt.Stdin are ignored; opt.Lenient and
// opt.Registry apply as in Open.
func OpenSample(opt Options) (*Stream, error) {
	s := newStream(opt)
	in := &input{name: SampleName, format: FormatPPText, pre: bufio.NewReader(bytes.NewReader(sampleHikvision))}
	if _, ok := readerFor(in.format); !ok {
		return nil, &Problem{File: SampleName, Err: errNoReader(in.format)}
	}
	s.inputs = []*input{in}
	return s, nil
}

// ReadSample reads every record of the embedded sample page into memory,
// with the summary of what was read and skipped.
func ReadSample(opt Options) ([]Record, *Summary, error) {
	s, err := OpenSample(opt)
	if err != nil {
		return nil, &Summary{}, err
	}
	defer s.Close()
	return drain(s)
}
