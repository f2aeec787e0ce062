package corpus

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
)

// RecordReader is what every format's reader provides: Read returns the
// next record, io.EOF at the end, a *Problem for a bad record (Read may be
// called again) or any other error, fatal for that input. A nil record with
// a nil error is skipped.
type RecordReader interface {
	Read() (*Record, error)
}

// recordReader is the package's older name for RecordReader.
type recordReader = RecordReader

// Match is how strongly an input looks like a format (see FormatSpec.Detect).
type Match int

const (
	// NoMatch: the input is not of the format.
	NoMatch Match = iota
	// MatchName: only the input's name suggests the format (an extension,
	// say). It is used when no format matches by content.
	MatchName
	// MatchContent: the input's first bytes are of the format.
	MatchContent
)

// FormatSpec is everything parlance knows about one input format: how to
// recognise it, how to read it, and how to name and credit it. Detection
// (Detect, Open), the command line's format list, the README's table and
// the report's Methods notes are all made from the registered specs, so a
// new format is one new file whose init function calls RegisterFormat.
type FormatSpec struct {
	// Name is what --input-format and Options.Format call the format.
	Name Format
	// Label names the format for readers, e.g. "TheyWorkForYou XML".
	Label string
	// Source is the source of the records the format yields; empty for
	// parlance's own formats, whose records keep the source they record.
	Source Source
	// SourceName names Source for readers, e.g. "TheyWorkForYou".
	SourceName string
	// Citation says where the data comes from, for a report's Methods, e.g.
	// "TheyWorkForYou / parlparse written answers XML, mySociety".
	Citation string
	// Licence is the licence the source's data is published under.
	Licence string
	// Detect tells how well an input matches the format. name is the base
	// name of the input in lower case with any ".gz" suffix removed; head
	// is its first bytes (up to DetectHeadSize, decompressed), without a
	// UTF-8 byte-order mark and leading white space, possibly cut short.
	// Detect must not keep head, and must not panic on any input.
	Detect func(name string, head []byte) Match
	// NewReader starts reading the records of r, an input called name
	// (for messages). bodies normalises answering bodies; the reader may
	// count what it skips and the bodies it cannot name in sum.
	NewReader func(r io.Reader, name string, bodies *Registry, sum *Summary) RecordReader
}

var formatRegistry struct {
	sync.RWMutex
	specs []FormatSpec // in registration order: the built-in formats first
}

// RegisterFormat makes a format readable by Open and ReadAll and detectable
// by Detect. It panics if the spec lacks a name, a label, Detect or
// NewReader, or if a format of that name is registered already. Call it
// from an init function.
//
// Detection tries the formats in registration order: the first whose
// Detect reports MatchContent wins; if none does, the first to report
// MatchName.
func RegisterFormat(spec FormatSpec) {
	switch {
	case spec.Name == "":
		panic("corpus.RegisterFormat: a format needs a name")
	case spec.Label == "" || spec.Detect == nil || spec.NewReader == nil:
		panic(fmt.Sprintf("corpus.RegisterFormat(%q): a format needs a Label, Detect and NewReader", spec.Name))
	}
	formatRegistry.Lock()
	defer formatRegistry.Unlock()
	for _, s := range formatRegistry.specs {
		if s.Name == spec.Name {
			panic(fmt.Sprintf("corpus.RegisterFormat: format %q registered twice", spec.Name))
		}
	}
	formatRegistry.specs = append(formatRegistry.specs, spec)
}

// RegisteredFormats returns the spec of every registered format, in
// registration order.
func RegisteredFormats() []FormatSpec {
	formatRegistry.RLock()
	defer formatRegistry.RUnlock()
	return append([]FormatSpec(nil), formatRegistry.specs...)
}

// FormatNames returns the name of every registered format, in registration
// order, for help texts and flags.
func FormatNames() []Format {
	specs := RegisteredFormats()
	out := make([]Format, len(specs))
	for i, s := range specs {
		out[i] = s.Name
	}
	return out
}

// LookupFormat returns the spec of the format named f.
func LookupFormat(f Format) (FormatSpec, bool) {
	formatRegistry.RLock()
	defer formatRegistry.RUnlock()
	for _, s := range formatRegistry.specs {
		if s.Name == f {
			return s, true
		}
	}
	return FormatSpec{}, false
}

// SourceSpec returns the first registered format that yields records of
// source src and names it (SourceName), for naming and crediting the
// source.
func SourceSpec(src Source) (FormatSpec, bool) {
	for _, s := range RegisteredFormats() {
		if s.Source == src && src != "" && s.SourceName != "" {
			return s, true
		}
	}
	return FormatSpec{}, false
}

// readerFor returns the reader constructor of format f.
func readerFor(f Format) (func(io.Reader, string, *Registry, *Summary) RecordReader, bool) {
	s, ok := LookupFormat(f)
	return s.NewReader, ok
}

// FormatsMarkdown is a Markdown table of the registered formats, as the
// README shows it.
func FormatsMarkdown() string {
	var b strings.Builder
	b.WriteString("| `--input-format` | format | source | licence |\n| --- | --- | --- | --- |\n")
	for _, s := range RegisteredFormats() {
		src := "the source each record names"
		if s.SourceName != "" {
			src = fmt.Sprintf("%s (`%s`)", s.SourceName, s.Source)
		}
		lic := s.Licence
		if lic == "" {
			lic = "that of the source"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", s.Name, s.Label, src, lic)
	}
	return b.String()
}

// The licence of Parliament's published material.
const openParliamentLicence = "Open Parliament Licence"

func init() {
	// The order is detection's order of preference (see RegisterFormat).
	// The content rules of the built-in formats exclude one another, so
	// the order only matters for formats registered later.
	for _, spec := range []FormatSpec{
		{
			Name: FormatAPIJSON, Label: "Written Questions API JSON",
			Source: SourceAPI, SourceName: "Written Questions API",
			Citation: "UK Parliament Written Questions API: written questions and answers", Licence: openParliamentLicence,
			Detect: func(_ string, h []byte) Match {
				if len(h) > 0 && (h[0] == '[' || h[0] == '{' && detectJSONObject(h) == FormatAPIJSON) {
					return MatchContent
				}
				return NoMatch
			},
			NewReader: func(r io.Reader, name string, reg *Registry, sum *Summary) RecordReader {
				return NewAPIReader(r, name, reg, sum)
			},
		},
		{
			Name: FormatAPIFullText, Label: "Written Questions API full-text JSON Lines",
			Source: SourceAPI, SourceName: "Written Questions API",
			Citation: "UK Parliament Written Questions API: written questions and answers", Licence: openParliamentLicence,
			Detect: func(name string, h []byte) Match {
				switch {
				case len(h) == 0 || h[0] != '{':
					return NoMatch
				case detectJSONObject(h) == FormatAPIFullText:
					return MatchContent
				case strings.Contains(name, "fulltext"):
					return MatchName
				}
				return NoMatch
			},
			NewReader: func(r io.Reader, name string, reg *Registry, sum *Summary) RecordReader {
				return NewFullTextReader(r, name, reg, sum)
			},
		},
		{
			Name: FormatTWFYXML, Label: "TheyWorkForYou (parlparse) written-answers XML",
			Source: SourceTheyWorkForYou, SourceName: "TheyWorkForYou",
			Citation: "TheyWorkForYou / parlparse written answers XML, mySociety", Licence: openParliamentLicence,
			Detect: func(_ string, h []byte) Match {
				if isTWFYXML(h) {
					return MatchContent
				}
				return NoMatch
			},
			NewReader: func(r io.Reader, name string, reg *Registry, sum *Summary) RecordReader {
				return NewTWFYReader(r, name, reg, sum)
			},
		},
		{
			Name: FormatPPText, Label: "Parallel Parliament page saved as text",
			Source: SourceParallelParliament, SourceName: "Parallel Parliament",
			Citation: "Parallel Parliament pages saved as text", Licence: openParliamentLicence,
			Detect: func(_ string, h []byte) Match {
				if len(h) > 0 && !strings.ContainsRune("<[{", rune(h[0])) && !isCSVHeader(h) && isPPText(h) {
					return MatchContent
				}
				return NoMatch
			},
			NewReader: func(r io.Reader, name string, reg *Registry, sum *Summary) RecordReader {
				return NewPPReader(r, name, reg, sum)
			},
		},
		{
			Name: FormatJSONL, Label: "parlance JSON Lines",
			Detect: func(name string, h []byte) Match {
				switch {
				case len(h) > 0 && h[0] == '{' && detectJSONObject(h) == FormatJSONL:
					return MatchContent
				case len(h) == 0 && (filepath.Ext(name) == ".jsonl" || filepath.Ext(name) == ".ndjson"):
					return MatchName
				}
				return NoMatch
			},
			NewReader: func(r io.Reader, name string, _ *Registry, _ *Summary) RecordReader { return NewJSONLReader(r, name) },
		},
		{
			Name: FormatCSV, Label: "parlance CSV",
			Detect: func(name string, h []byte) Match {
				switch {
				case len(h) > 0 && strings.ContainsRune("<[{", rune(h[0])):
					return NoMatch
				case isCSVHeader(h):
					return MatchContent
				case filepath.Ext(name) == ".csv":
					// Its reader then says what is wrong with the header.
					return MatchName
				}
				return NoMatch
			},
			NewReader: func(r io.Reader, name string, _ *Registry, _ *Summary) RecordReader { return NewCSVReader(r, name) },
		},
	} {
		RegisterFormat(spec)
	}
}
