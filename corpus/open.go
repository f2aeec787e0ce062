package corpus

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Options control Open. The zero value detects every input's format, is
// strict, uses DefaultRegistry and reads "-" from os.Stdin.
type Options struct {
	// Format, if set, is the format of every input; detection is skipped
	// (gzip is still recognised by its magic bytes).
	Format Format
	// Lenient collects per-record problems in Summary.Problems and goes on;
	// an input that cannot be read at all (unreadable, unknown format,
	// corrupt) is recorded as a Problem naming it and the stream moves to
	// the next input. When false (strict) the first problem stops the stream
	// and is returned as the error.
	Lenient bool
	// Registry normalises answering bodies; nil means DefaultRegistry().
	Registry *Registry
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader
}

// input is one file (or standard input, or embedded data) to be read.
type input struct {
	name   string
	open   func() (io.ReadCloser, error) // opens the raw (possibly gzipped) bytes
	format Format
	pre    *bufio.Reader // already open and decoded (standard input, embedded data); read once
}

// Stream reads records from many inputs one at a time; see Open.
type Stream struct {
	opt Options
	reg *Registry
	sum *Summary

	inputs []*input // in reading order, full-text files excluded
	full   []*input // API full-text files
	next   int      // index in inputs of the next input to open

	cur       recordReader
	curIn     *input
	curCloser io.Closer

	// hydration: full-text records by ID, in file order
	fullLoaded  bool
	fullOrder   []*Record
	fullByID    map[string]int // index into fullOrder
	matched     []bool         // fullOrder[i] matched a list record
	fullUnknown [][]string     // unknown bodies the reader counted for fullOrder[i]
	fullNext    int            // next fullOrder index to emit at the end

	seen map[string]struct{} // IDs delivered
	err  error               // sticky: io.EOF or the strict error
}

// Open prepares to stream the records of inputs, each of which is
//
//   - "-": standard input (Options.Stdin), at most once;
//   - a directory: walked recursively in lexical order, skipping hidden
//     files and directories (names starting with ".", counted in
//     Summary.Skipped) and files whose format cannot be detected (counted in
//     Summary.Skipped under a reason naming the file, e.g. a README);
//   - a glob pattern (containing *, ? or [) that names no existing file:
//     expanded with filepath.Glob in sorted order; a pattern that matches
//     nothing is an error naming it;
//   - a file, plain or gzip-compressed (recognised by its magic bytes, not
//     its name).
//
// Inputs are read in the order given, directories and globs expanded in
// place; a file reached twice is read once (the repeat counted in
// Summary.Skipped). Of TheyWorkForYou files named like
// answers2009-10-26f.xml, only the last scrape version of each day is read;
// superseded ones are counted in Summary.Skipped as
// "twfy: superseded scrape version (file)".
//
// Each file's format is detected from its first bytes (see Detect) unless
// Options.Format is set. A file given by name (not found in a directory)
// whose format is unknown is an error in strict mode, and a Problem in
// lenient mode.
//
// Hydration: when API full-text files are among the inputs, they are read
// first (on the first Read) into memory; each API list record whose ID one
// of them holds has its clipped texts replaced (Hydrate; counted in
// Summary.Hydrated), and after all other inputs the full-text records that
// matched no list record are delivered, in file order. A full-text file on
// its own thus yields all its records.
//
// Duplicate IDs: the first record with an ID wins; later ones are not
// delivered and are counted in Summary.Skipped as "<source>: duplicate id",
// in strict and lenient mode alike (a re-scraped record is not an error).
//
// Open fails for an unknown Options.Format, inputs that do not exist,
// patterns that match nothing and a repeated "-", and, in strict mode, for a
// named file that cannot be opened or whose format is unknown (in lenient
// mode these are Problems). Errors met while reading records are reported
// by Read.
func Open(inputs []string, opt Options) (*Stream, error) {
	if _, err := ParseFormat(string(opt.Format)); err != nil {
		return nil, err
	}
	s := newStream(opt)
	files, err := s.expand(inputs)
	if err != nil {
		return nil, err
	}
	files = s.dropSuperseded(files)
	for _, f := range files {
		in, err := s.prepare(f)
		if err != nil {
			var p *Problem
			if errors.As(err, &p) && f.fromDir && errors.Is(err, ErrUnknownFormat) {
				s.sum.addSkipped("open: file of unknown format in a directory: "+f.name, 1)
				continue
			}
			if !opt.Lenient || p == nil {
				return nil, err
			}
			s.sum.Problems = append(s.sum.Problems, p)
			continue
		}
		if in.format == FormatAPIFullText {
			s.full = append(s.full, in)
		} else {
			s.inputs = append(s.inputs, in)
		}
	}
	return s, nil
}

func newStream(opt Options) *Stream {
	reg := opt.Registry
	if reg == nil {
		reg = DefaultRegistry()
	}
	return &Stream{opt: opt, reg: reg, sum: &Summary{}, seen: map[string]struct{}{}}
}

// fileRef is an expanded input name.
type fileRef struct {
	name    string
	fromDir bool // found by walking a directory
}

func hasMeta(s string) bool { return strings.ContainsAny(s, "*?[") }

func errNoReader(f Format) error { return fmt.Errorf("no reader for format %q in this build", f) }

// expand turns inputs into a list of files (and "-"), in order, without
// repeats.
func (s *Stream) expand(inputs []string) ([]fileRef, error) {
	var out []fileRef
	done := map[string]bool{}
	add := func(name string, fromDir bool) {
		key := name
		if name != "-" {
			key = filepath.Clean(name)
		}
		if done[key] {
			s.sum.addSkipped("open: input reached more than once (file)", 1)
			return
		}
		done[key] = true
		out = append(out, fileRef{name: name, fromDir: fromDir})
	}
	stdinSeen := false
	for _, arg := range inputs {
		if arg == "-" {
			if stdinSeen {
				return nil, errors.New(`"-" (standard input) given more than once`)
			}
			stdinSeen = true
			add(arg, false)
			continue
		}
		names := []string{arg}
		if _, err := os.Stat(arg); err != nil && hasMeta(arg) {
			m, gerr := filepath.Glob(arg)
			if gerr != nil {
				return nil, fmt.Errorf("bad pattern %q: %v", arg, gerr)
			}
			if len(m) == 0 {
				return nil, fmt.Errorf("pattern %q matches no file", arg)
			}
			sort.Strings(m)
			names = m
		}
		for _, name := range names {
			fi, err := os.Stat(name)
			if err != nil {
				return nil, err // *fs.PathError names the file
			}
			if !fi.IsDir() {
				add(name, false)
				continue
			}
			err = filepath.WalkDir(name, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if p != name && strings.HasPrefix(d.Name(), ".") {
					s.sum.addSkipped("open: hidden file or directory in a directory", 1)
					if d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if d.IsDir() {
					return nil
				}
				if !d.Type().IsRegular() {
					// A symbolic link: follow it to a file, never to a
					// directory (which could loop).
					fi, err := os.Stat(p)
					if err != nil || !fi.Mode().IsRegular() {
						s.sum.addSkipped("open: not a regular file in a directory: "+p, 1)
						return nil
					}
				}
				add(p, true)
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// dropSuperseded keeps, of TheyWorkForYou files, only the last scrape
// version of each day. A ".gz" suffix is ignored in judging the names, so
// compressed scrapes are treated like plain ones.
func (s *Stream) dropSuperseded(files []fileRef) []fileRef {
	names := make([]string, 0, len(files))
	for _, f := range files {
		if f.name != "-" {
			names = append(names, strings.TrimSuffix(f.name, ".gz"))
		}
	}
	_, superseded := LatestTWFYVersions(names)
	if len(superseded) == 0 {
		return files
	}
	drop := map[string]bool{}
	for _, n := range superseded {
		drop[n] = true
	}
	kept := files[:0:0]
	for _, f := range files {
		if f.name != "-" && drop[strings.TrimSuffix(f.name, ".gz")] {
			s.sum.addSkipped("twfy: superseded scrape version (file)", 1)
			continue
		}
		kept = append(kept, f)
	}
	return kept
}

// prepare detects the format of one input (unless forced) and checks that
// it has a reader.
func (s *Stream) prepare(f fileRef) (*input, error) {
	in := &input{name: f.name}
	if f.name == "-" {
		src := s.opt.Stdin
		if src == nil {
			src = os.Stdin
		}
		br, err := decoded(src)
		if err != nil {
			return nil, &Problem{File: "-", Err: err}
		}
		in.pre = br
		in.format, err = s.detect(in.name, br)
		if err != nil {
			return nil, err
		}
	} else {
		name := f.name
		in.open = func() (io.ReadCloser, error) { return os.Open(name) }
		rc, err := in.open()
		if err != nil {
			return nil, &Problem{File: name, Err: err}
		}
		br, err := decoded(rc)
		if err == nil {
			in.format, err = s.detect(name, br)
		} else {
			err = &Problem{File: name, Err: err}
		}
		rc.Close()
		if err != nil {
			return nil, err
		}
	}
	if _, ok := readerFor(in.format); !ok {
		return nil, &Problem{File: f.name, Err: errNoReader(in.format)}
	}
	return in, nil
}

func (s *Stream) detect(name string, br *bufio.Reader) (Format, error) {
	if s.opt.Format != FormatDetect {
		return s.opt.Format, nil // checked by Open
	}
	head, err := br.Peek(DetectHeadSize)
	if len(head) == 0 && err != nil && err != io.EOF {
		return "", &Problem{File: name, Err: err}
	}
	// Other errors (a gzip stream cut short, say) are met again, and
	// reported in order, when the input is read.
	return Detect(name, head)
}

// decoded returns a buffered reader of r's content, gunzipped if r starts
// with the gzip magic bytes. Its buffer holds DetectHeadSize bytes.
func decoded(r io.Reader) (*bufio.Reader, error) {
	br := bufio.NewReaderSize(r, DetectHeadSize)
	magic, err := br.Peek(2)
	if err != nil && err != io.EOF {
		return nil, err
	}
	if len(magic) == 2 && magic[0] == gzipMagic[0] && magic[1] == gzipMagic[1] {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("corrupt gzip data: %v", err)
		}
		return bufio.NewReaderSize(zr, DetectHeadSize), nil
	}
	return br, nil
}

// Summary returns the account of what the stream has read so far. It is
// complete once Read has returned io.EOF.
func (s *Stream) Summary() *Summary { return s.sum }

// Close releases the input being read. Reading after Close returns io.EOF.
func (s *Stream) Close() error {
	var err error
	if s.curCloser != nil {
		err = s.curCloser.Close()
		s.curCloser = nil
	}
	s.cur = nil
	s.next = len(s.inputs)
	s.fullOrder, s.fullByID, s.matched, s.fullUnknown = nil, nil, nil, nil
	s.fullLoaded = true
	if s.err == nil {
		s.err = io.EOF
	}
	return err
}

// openInput starts reading in, recording it in Summary.Files.
// The reader adds to sum.
func (s *Stream) openInput(in *input, sum *Summary) (recordReader, io.Closer, error) {
	s.sum.Files = append(s.sum.Files, in.name)
	mk, _ := readerFor(in.format) // checked by prepare
	if in.pre != nil {
		return mk(in.pre, in.name, s.reg, sum), io.NopCloser(nil), nil
	}
	rc, err := in.open()
	if err != nil {
		return nil, nil, err
	}
	br, err := decoded(rc)
	if err != nil {
		rc.Close()
		return nil, nil, err
	}
	return mk(br, in.name, s.reg, sum), rc, nil
}

// tolerate decides what a reading error does, whether a record's *Problem
// or the failure of a whole input: in lenient mode it is recorded and
// reading goes on (true); in strict mode it becomes the stream's error.
func (s *Stream) tolerate(name string, err error) bool {
	p := asProblem(name, err)
	if s.opt.Lenient {
		s.sum.Problems = append(s.sum.Problems, p)
		return true
	}
	s.err = p
	return false
}

// isProblem reports whether err is a record's *Problem, after which a
// reader can go on.
func isProblem(err error) bool {
	var p *Problem
	return errors.As(err, &p)
}

// asProblem returns err as a *Problem naming file name.
func asProblem(name string, err error) *Problem {
	var p *Problem
	if errors.As(err, &p) {
		return p
	}
	return &Problem{File: name, Err: trimName{name: name, err: err}}
}

// trimName drops a leading "<name>: " from an error's text, since the
// Problem wrapping it names the file already.
type trimName struct {
	name string
	err  error
}

func (t trimName) Error() string { return strings.TrimPrefix(t.err.Error(), t.name+": ") }
func (t trimName) Unwrap() error { return t.err }

// loadFull reads every full-text input into memory.
func (s *Stream) loadFull() error {
	s.fullLoaded = true
	if len(s.full) == 0 {
		return nil
	}
	s.fullByID = map[string]int{}
	// The full-text reader counts the addressees it cannot name as unknown
	// bodies. That count belongs to a record only if it is delivered as it
	// is, not if a list record (whose department is authoritative) absorbs
	// it; so the reader counts into a scratch summary, emptied before every
	// record, and the names are kept with the record until it is delivered.
	scratch := &Summary{}
	for _, in := range s.full {
		rr, c, err := s.openInput(in, scratch)
		if err != nil {
			if s.tolerate(in.name, err) {
				continue
			}
			return s.err
		}
		for {
			scratch.UnknownBodies = nil
			rec, err := rr.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				if s.tolerate(in.name, err) {
					if isProblem(err) {
						continue // a bad record: read on
					}
					break // the input failed: go to the next one
				}
				c.Close()
				return s.err
			}
			if rec == nil {
				continue
			}
			if _, dup := s.fullByID[rec.ID]; dup && rec.ID != "" {
				s.sum.addSkipped(string(rec.Source)+": duplicate id", 1)
				continue
			}
			if rec.ID != "" {
				s.fullByID[rec.ID] = len(s.fullOrder)
			}
			s.fullOrder = append(s.fullOrder, rec)
			var unknown []string
			for _, k := range sortedKeys(scratch.UnknownBodies) {
				for n := scratch.UnknownBodies[k]; n > 0; n-- {
					unknown = append(unknown, k)
				}
			}
			s.fullUnknown = append(s.fullUnknown, unknown)
		}
		c.Close()
		for k, n := range scratch.Skipped {
			s.sum.addSkipped(k, n)
		}
		scratch.Skipped = nil
	}
	s.matched = make([]bool, len(s.fullOrder))
	return nil
}

// Read returns the next record, or io.EOF when all inputs are done. In
// strict mode the first problem is returned as the error and every later
// Read returns it again; in lenient mode problems are collected in
// Summary.Problems and Read only ever fails with io.EOF.
func (s *Stream) Read() (*Record, error) {
	if s.err != nil {
		return nil, s.err
	}
	if !s.fullLoaded {
		if err := s.loadFull(); err != nil {
			return nil, err
		}
	}
	for {
		if s.cur == nil {
			if s.next < len(s.inputs) {
				in := s.inputs[s.next]
				s.next++
				rr, c, err := s.openInput(in, s.sum)
				if err != nil {
					if s.tolerate(in.name, err) {
						continue
					}
					return nil, s.err
				}
				s.cur, s.curIn, s.curCloser = rr, in, c
				continue
			}
			return s.readUnmatched()
		}
		rec, err := s.cur.Read()
		if err == io.EOF {
			s.endInput()
			continue
		}
		if err != nil {
			if isProblem(err) && s.tolerate(s.curIn.name, err) {
				continue // a bad record: read on
			}
			name := s.curIn.name
			s.endInput() // strict, or the input failed
			if !isProblem(err) && s.tolerate(name, err) {
				continue
			}
			return nil, s.err
		}
		if rec == nil {
			continue
		}
		if s.duplicate(rec) {
			continue
		}
		if s.curIn.format == FormatAPIJSON && s.fullByID != nil {
			if i, ok := s.fullByID[rec.ID]; ok && !s.matched[i] {
				s.matched[i] = true
				if Hydrate(rec, s.fullOrder[i]) {
					s.sum.Hydrated++
				}
				s.fullOrder[i] = nil // no longer needed
			}
		}
		return s.deliver(rec), nil
	}
}

func (s *Stream) endInput() {
	if s.curCloser != nil {
		s.curCloser.Close()
	}
	s.cur, s.curIn, s.curCloser = nil, nil, nil
}

// duplicate reports whether a record with rec's ID was already delivered,
// counting it if so.
func (s *Stream) duplicate(rec *Record) bool {
	if rec.ID == "" {
		return false
	}
	if _, ok := s.seen[rec.ID]; ok {
		s.sum.addSkipped(string(rec.Source)+": duplicate id", 1)
		return true
	}
	return false
}

func (s *Stream) deliver(rec *Record) *Record {
	if rec.ID != "" {
		s.seen[rec.ID] = struct{}{}
	}
	s.sum.addRead(rec.Source)
	if rec.Truncated {
		s.sum.Truncated++
	}
	return rec
}

// readUnmatched delivers the full-text records no list record matched.
func (s *Stream) readUnmatched() (*Record, error) {
	for s.fullNext < len(s.fullOrder) {
		i := s.fullNext
		s.fullNext++
		if s.matched[i] {
			continue
		}
		rec := s.fullOrder[i]
		s.fullOrder[i] = nil
		if s.duplicate(rec) {
			continue
		}
		for _, name := range s.fullUnknown[i] {
			s.sum.addUnknownBody(name)
		}
		return s.deliver(rec), nil
	}
	s.fullOrder, s.fullByID, s.matched, s.fullUnknown = nil, nil, nil, nil
	s.err = io.EOF
	return nil, io.EOF
}

// ReadAll reads every record of inputs (see Open). On error it returns the
// records read before it, the summary so far and the error.
func ReadAll(inputs []string, opt Options) ([]Record, *Summary, error) {
	s, err := Open(inputs, opt)
	if err != nil {
		return nil, &Summary{}, err
	}
	defer s.Close()
	return drain(s)
}

func drain(s *Stream) ([]Record, *Summary, error) {
	var out []Record
	for {
		rec, err := s.Read()
		if err == io.EOF {
			return out, s.Summary(), nil
		}
		if err != nil {
			return out, s.Summary(), err
		}
		out = append(out, *rec)
	}
}
