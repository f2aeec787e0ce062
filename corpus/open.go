package corpus

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/klauspost/compress/gzip"
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
	// Progress, if not nil, is called with the number of records read so
	// far (duplicates included) as the first Read reads every input, so
	// that a program can show life before the first record is delivered.
	Progress func(read int)
	// Omit names record fields the caller does not use. The stream clears
	// them in every record it delivers, as early as it can (a full text
	// that a list record may yet be hydrated from keeps its texts until
	// all inputs are read), so that a large corpus is not held in memory
	// for nothing. The zero value keeps every field.
	Omit Omit
}

// Omit is a set of Record fields for Options.Omit.
type Omit uint

// The fields Options.Omit can leave out.
const (
	OmitQuestion   Omit = 1 << iota // Record.Question
	OmitAnswerHTML                  // Record.AnswerHTML
)

// apply clears the fields of o in r.
func (o Omit) apply(r *Record) {
	if o&OmitQuestion != 0 {
		r.Question = ""
	}
	if o&OmitAnswerHTML != 0 {
		r.AnswerHTML = ""
	}
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

	// reading: every input is read by a goroutine of its own, full-text
	// files first, at most GOMAXPROCS at a time (see readFile); the stream
	// takes their records in input order, so the result does not depend
	// on which finishes first.
	ahead []*fileRead // by input, full-text files first; nil once taken
	stop  atomic.Bool // set to stop the reading goroutines
	// omitEarly: no input is an API list, so no record can be hydrated
	// and Options.Omit applies as soon as a record is read.
	omitEarly bool
	cur       *fileRead // the input whose records are being taken
	curPos    int       // index in cur.items of the next record

	// hydration: full-text records by ID, in file order
	fullLoaded  bool
	fullOrder   []*Record
	fullByID    map[string]int // index into fullOrder
	matched     []bool         // fullOrder[i] matched a list record
	fullUnknown [][]string     // why the reader could name no body for fullOrder[i] (Summary.NoBody)
	fullNext    int            // next fullOrder index to emit at the end

	// merging: every record is read before the first is delivered, so
	// that a later copy of a record can replace an earlier one (see Open).
	collected bool
	merged    []*Record      // in order of first appearance
	byID      map[string]int // index into merged
	mergedErr error          // what ended the reading: io.EOF or the strict error
	nextOut   int            // index in merged of the next record to deliver
	readCount int            // records read so far, for Options.Progress

	noBodyWhy map[*Record]string // why a full-text record has no body

	err error // sticky: io.EOF or the strict error

	// lineWorkers is how many goroutines decode the lines of a line
	// format's input (see parallelLines); 1 reads each input on one.
	lineWorkers int
	// linesPerChunk, if not 0, replaces the constant of that name (for
	// tests, to cut small inputs into many chunks).
	linesPerChunk int
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
// Duplicate IDs: records that share an ID are versions of one record (a
// re-scrape, a later snapshot), and one is delivered, at the place of the
// first. Which one is decided by Newer, the first version read winning
// ties; the others are counted in Summary.Skipped as "<source>: duplicate
// id", and the times a later version replaced an earlier one in
// Summary.Replaced, in strict and lenient mode alike (a re-scraped record
// is not an error). To do this the stream reads all its inputs on the
// first Read, holding every record in memory, before delivering any.
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
	return &Stream{opt: opt, reg: reg, sum: &Summary{}, byID: map[string]int{}, lineWorkers: runtime.GOMAXPROCS(0)}
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

// Pending returns how many more records Read will deliver before io.EOF
// (or before the strict error). It is known once the first Read has read
// every input, and is 0 before that: a caller that keeps every record can
// size its slice once, after the first Read, rather than grow it record by
// record through copies that at a million records cost as much memory as
// the records themselves.
func (s *Stream) Pending() int {
	if !s.collected {
		return 0
	}
	return len(s.merged) - s.nextOut
}

// Close releases the input being read. Reading after Close returns io.EOF.
func (s *Stream) Close() error {
	var err error
	s.stop.Store(true)
	s.cur, s.ahead = nil, nil
	s.next = len(s.inputs)
	s.fullOrder, s.fullByID, s.matched, s.fullUnknown = nil, nil, nil, nil
	s.fullLoaded = true
	s.collected, s.merged, s.nextOut, s.mergedErr = true, nil, 0, io.EOF
	if s.err == nil {
		s.err = io.EOF
	}
	return err
}

// fileRead is one input as a goroutine read it (see readFile): the
// reader's results in order, what the reader counted, or why the input
// could not be opened.
type fileRead struct {
	in      *input
	full    bool // an API full-text file
	items   []readItem
	sum     Summary
	openErr error
	done    chan struct{} // closed when reading has ended
}

// readItem is one result of a reader's Read.
type readItem struct {
	rec *Record
	err error
	// badUTF8 is invalidUTF8Field(rec) of a record read without error.
	badUTF8 string
	// unknown lists, for a full-text record, the addressees its reader
	// could name no body for (Summary.NoBody), one entry per count.
	unknown []string
}

// readAhead starts the goroutines that read every input, in input order,
// at most GOMAXPROCS at a time.
func (s *Stream) readAhead() {
	if s.ahead != nil {
		return
	}
	all := make([]*fileRead, 0, len(s.full)+len(s.inputs))
	for _, in := range s.full {
		all = append(all, &fileRead{in: in, full: true, done: make(chan struct{})})
	}
	for _, in := range s.inputs {
		all = append(all, &fileRead{in: in, done: make(chan struct{})})
	}
	s.ahead = append([]*fileRead(nil), all...) // take clears its entries; all stays whole
	s.omitEarly = true
	for _, in := range s.inputs {
		if in.format == FormatAPIJSON {
			s.omitEarly = false
		}
	}
	go func() {
		slots := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
		for _, fr := range all {
			slots <- struct{}{}
			go func() {
				defer func() {
					close(fr.done)
					<-slots
				}()
				if !s.stop.Load() {
					s.readFile(fr)
				}
			}()
		}
	}()
}

// readFile reads one input to its end, or to the first error that stops
// the stream: in strict mode any problem, in either mode a failure of the
// input (an error that is not a *Problem). It touches nothing of s but
// the options, the registry and the stop flag, and counts into fr.sum, so
// that inputs can be read at the same time.
func (s *Stream) readFile(fr *fileRead) {
	in := fr.in
	mk, _ := readerFor(in.format) // checked by prepare
	var rr recordReader
	if in.pre != nil {
		rr = mk(in.pre, in.name, s.reg, &fr.sum)
	} else {
		rc, err := in.open()
		if err != nil {
			fr.openErr = err
			return
		}
		defer rc.Close()
		br, err := decoded(rc)
		if err != nil {
			fr.openErr = err
			return
		}
		rr = mk(br, in.name, s.reg, &fr.sum)
	}
	if d, ok := rr.(lineDecoder); ok && s.lineWorkers > 1 {
		// A line format: its lines are decoded on every core, and a
		// large file is not read on one goroutine while the others idle.
		p := newParallelLines(d, &fr.sum, s.lineWorkers, cmp.Or(s.linesPerChunk, linesPerChunk))
		defer p.Close()
		rr = p
	}
	for !s.stop.Load() {
		if fr.full {
			// The full-text reader's body counts belong to each record
			// (see loadFull), so they are taken record by record.
			fr.sum.NoBody = nil
		}
		rec, err := rr.Read()
		if err == io.EOF {
			return
		}
		if rec == nil && err == nil {
			continue
		}
		it := readItem{rec: rec, err: err}
		if rec != nil && err == nil {
			it.badUTF8 = invalidUTF8Field(rec)
		}
		if fr.full && rec != nil {
			for _, k := range sortedKeys(fr.sum.NoBody) {
				for n := fr.sum.NoBody[k]; n > 0; n-- {
					it.unknown = append(it.unknown, k)
				}
			}
		}
		if rec != nil && s.omitEarly && it.badUTF8 == "" && !errors.Is(err, ErrInvalidUTF8) {
			s.opt.Omit.apply(rec)
		}
		fr.items = append(fr.items, it)
		if err != nil && (!s.opt.Lenient || !isProblem(err)) || it.badUTF8 != "" && !s.opt.Lenient {
			return
		}
	}
}

// take waits for input i (an index into ahead) to be read and records it
// in Summary.Files.
func (s *Stream) take(i int) *fileRead {
	s.readAhead()
	fr := s.ahead[i]
	s.ahead[i] = nil
	<-fr.done
	s.sum.Files = append(s.sum.Files, fr.in.name)
	return fr
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
	s.stop.Store(true)
	return false
}

// utf8Rule applies the rule for invalid UTF-8 (see ErrInvalidUTF8) to a
// record read from input name: readerErr is the reader's Problem for it, or
// nil to judge by badField, invalidUTF8Field(rec) as readFile found it. It
// returns false when strict mode stops the stream (s.err is then set).
func (s *Stream) utf8Rule(name string, rec *Record, readerErr error, badField string) bool {
	var p *Problem
	if readerErr != nil {
		p = asProblem(name, readerErr)
	} else if f := badField; f != "" {
		p = &Problem{File: name, Record: "record " + strings.ToValidUTF8(rec.ID, "\uFFFD"), Field: f, Err: ErrInvalidUTF8}
	}
	if p == nil {
		return true
	}
	if !s.opt.Lenient {
		s.err = p
		s.stop.Store(true)
		return false
	}
	repairUTF8(rec)
	s.sum.Repaired = append(s.sum.Repaired, p)
	return true
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
	// it; so readFile takes the names record by record, and they are kept
	// with the record until it is delivered.
	for k, in := range s.full {
		fr := s.take(k)
		if fr.openErr != nil {
			if s.tolerate(in.name, fr.openErr) {
				continue
			}
			return s.err
		}
		for j := range fr.items {
			it := &fr.items[j]
			rec, err := it.rec, it.err
			if rec != nil && errors.Is(err, ErrInvalidUTF8) {
				if !s.utf8Rule(in.name, rec, err, "") {
					return s.err
				}
				err = nil
			} else if err == nil && rec != nil && !s.utf8Rule(in.name, rec, nil, it.badUTF8) {
				return s.err
			}
			if err != nil {
				if s.tolerate(in.name, err) {
					if isProblem(err) {
						continue // a bad record: read on
					}
					break // the input failed: go to the next one
				}
				return s.err
			}
			if rec == nil {
				continue
			}
			unknown := it.unknown
			if i, dup := s.fullByID[rec.ID]; dup && rec.ID != "" {
				s.sum.addSkipped(string(rec.Source)+": duplicate id", 1)
				if Newer(rec, s.fullOrder[i]) {
					s.sum.Replaced++
					s.fullOrder[i], s.fullUnknown[i] = rec, unknown
				}
				continue
			}
			if rec.ID != "" {
				s.fullByID[rec.ID] = len(s.fullOrder)
			}
			s.fullOrder = append(s.fullOrder, rec)
			s.fullUnknown = append(s.fullUnknown, unknown)
		}
		for k, n := range fr.sum.Skipped {
			s.sum.addSkipped(k, n)
		}
	}
	s.matched = make([]bool, len(s.fullOrder))
	return nil
}

// Read returns the next record, or io.EOF when all inputs are done. In
// strict mode the first problem is returned as the error, after the records
// read before it, and every later Read returns it again; in lenient mode
// problems are collected in Summary.Problems and Read only ever fails with
// io.EOF. The first Read reads every input (see Open on duplicate IDs).
func (s *Stream) Read() (*Record, error) {
	if !s.collected {
		s.collect()
	}
	if s.nextOut < len(s.merged) {
		rec := s.merged[s.nextOut]
		s.merged[s.nextOut] = nil
		s.nextOut++
		return s.deliver(rec), nil
	}
	s.merged, s.byID = nil, nil
	return nil, s.mergedErr
}

// collect reads every record of the inputs, merging the versions of each
// ID, until the end or the strict error.
func (s *Stream) collect() {
	s.collected = true
	for {
		rec, err := s.readNext()
		if err != nil {
			s.mergedErr = err
			return
		}
		if s.opt.Progress != nil {
			s.readCount++
			s.opt.Progress(s.readCount)
		}
		if rec.ID == "" || len(s.inputs) == 0 {
			// With full-text files alone, loadFull has merged the
			// versions of each ID already.
			s.merged = append(s.merged, rec)
			continue
		}
		i, dup := s.byID[rec.ID]
		if !dup {
			s.byID[rec.ID] = len(s.merged)
			s.merged = append(s.merged, rec)
			continue
		}
		s.sum.addSkipped(string(rec.Source)+": duplicate id", 1)
		if Newer(rec, s.merged[i]) {
			s.sum.Replaced++
			s.merged[i] = rec
		}
	}
}

// readNext returns the next record read, before merging.
func (s *Stream) readNext() (*Record, error) {
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
				fr := s.take(len(s.full) + s.next)
				s.next++
				if fr.openErr != nil {
					if s.tolerate(in.name, fr.openErr) {
						continue
					}
					return nil, s.err
				}
				s.sum.Merge(&fr.sum)
				s.cur, s.curPos = fr, 0
				continue
			}
			return s.readUnmatched()
		}
		if s.curPos == len(s.cur.items) {
			s.endInput()
			continue
		}
		it := &s.cur.items[s.curPos]
		s.curPos++
		rec, err := it.rec, it.err
		it.rec = nil
		name := s.cur.in.name
		if rec != nil && errors.Is(err, ErrInvalidUTF8) {
			if !s.utf8Rule(name, rec, err, "") {
				s.endInput()
				return nil, s.err
			}
			err = nil
		}
		if err != nil {
			if isProblem(err) && s.tolerate(name, err) {
				continue // a bad record: read on
			}
			s.endInput() // strict, or the input failed
			if !isProblem(err) && s.tolerate(name, err) {
				continue
			}
			return nil, s.err
		}
		if rec == nil {
			continue
		}
		if !s.utf8Rule(name, rec, nil, it.badUTF8) {
			s.endInput()
			return nil, s.err
		}
		if s.cur.in.format == FormatAPIJSON && s.fullByID != nil {
			// Every copy of a list record is hydrated, so that merging
			// compares like with like.
			if i, ok := s.fullByID[rec.ID]; ok {
				first := !s.matched[i]
				s.matched[i] = true
				if Hydrate(rec, s.fullOrder[i]) && first {
					s.sum.Hydrated++
				}
			}
		}
		s.opt.Omit.apply(rec)
		return rec, nil
	}
}

func (s *Stream) endInput() {
	s.cur = nil
}

func (s *Stream) deliver(rec *Record) *Record {
	s.sum.addRead(rec.Source)
	if rec.Department == "" {
		why := s.noBodyWhy[rec]
		if why == "" {
			why = "the source names none"
		}
		s.sum.addNoBody(why)
	}
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
		s.opt.Omit.apply(rec)
		if len(s.fullUnknown[i]) > 0 {
			if s.noBodyWhy == nil {
				s.noBodyWhy = map[*Record]string{}
			}
			s.noBodyWhy[rec] = s.fullUnknown[i][0]
		}
		return rec, nil
	}
	s.fullOrder, s.fullByID, s.matched, s.fullUnknown = nil, nil, nil, nil
	s.err = io.EOF
	return nil, io.EOF
}

// Newer reports whether b, a version of a record read after a (same ID),
// should replace it. The rules, in order, the first that tells them apart
// deciding:
//
//  1. an answered version (Record.Answered) beats an unanswered one;
//  2. of two answered versions, the later DateAnswered wins (a known date
//     beats an unknown one);
//  3. a corrected answer (Corrected) beats an uncorrected one;
//  4. a version whose texts are complete beats a Truncated (clipped) one;
//  5. a substantive answer beats a Holding one;
//  6. otherwise the version read first is kept (Newer returns false).
func Newer(b, a *Record) bool {
	if b.Answered() != a.Answered() {
		return b.Answered()
	}
	if b.Answered() && !b.DateAnswered.Equal(a.DateAnswered) {
		return b.DateAnswered.After(a.DateAnswered)
	}
	if b.Corrected != a.Corrected {
		return b.Corrected
	}
	if b.Truncated != a.Truncated {
		return !b.Truncated
	}
	if b.Holding != a.Holding {
		return !b.Holding
	}
	return false
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
		if out == nil {
			out = make([]Record, 0, 1+s.Pending())
		}
		out = append(out, *rec)
	}
}
