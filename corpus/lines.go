package corpus

import (
	"bufio"
	"bytes"
	"io"
	"sync"
)

// lineSplitter splits an input of one record per line into its lines: the
// framing the line formats (FormatAPIFullText, FormatJSONL) share, so that
// a reader's Read and the parallel decoding of parallelLines see the same
// lines with the same numbers.
type lineSplitter struct {
	br   *bufio.Reader
	name string
	line int   // number of the last line read, counting blank ones
	err  error // sticky: io.EOF, or the input's read error
}

// next returns the next line that is not blank, as read (with its line
// break), without the UTF-8 byte-order mark line 1 may open with; last
// reports that the input ends with it, no line break after it. At the end
// it returns io.EOF, and when the input cannot be read an error naming
// the file and the line; every later call returns the same.
func (l *lineSplitter) next() (b []byte, last bool, err error) {
	for l.err == nil {
		b, err := l.br.ReadBytes('\n')
		if err != nil && err != io.EOF {
			l.err = readErr(l.name, l.line, err)
			break
		}
		if err == io.EOF {
			l.err = io.EOF
			if len(b) == 0 {
				break
			}
		}
		l.line++
		if l.line == 1 {
			b = bytes.TrimPrefix(b, []byte("\ufeff"))
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		return b, err == io.EOF, nil
	}
	return nil, false, l.err
}

// lineDecoder is a reader of a line format whose lines decode each on its
// own: readFile hands a lineDecoder to parallelLines, which decodes its
// lines on several goroutines.
type lineDecoder interface {
	RecordReader
	// lines returns the reader's splitter, not yet read from.
	lines() *lineSplitter
	// decodeLine is what Read returns for line n, b (from next, with last),
	// counting into sum what the reader counts. It must be safe to call
	// from several goroutines at once.
	decodeLine(b []byte, n int, last bool, sum *Summary) (*Record, error)
}

// linesPerChunk is how many lines parallelLines gives a goroutine at a
// time: enough that handing them over costs little beside decoding them.
const linesPerChunk = 128

// parallelLines is a RecordReader over a lineDecoder's input whose lines
// are decoded on several goroutines: one goroutine splits the input into
// chunks of lines, the workers decode the chunks, and Read returns the
// results in input order, exactly what the decoder's own Read would
// return call by call. What the decoder counts for a line is added to the
// reader's Summary when Read returns that line's result, as if it had
// been read then. Close stops the goroutines.
type parallelLines struct {
	sum     *Summary
	ordered chan *lineChunk // every chunk, in input order
	stop    chan struct{}
	once    sync.Once
	cur     *lineChunk
	pos     int
	err     error // sticky, once the chunks are done
}

// lineChunk is a run of consecutive lines and, once done is closed, their
// decoded results; err is what the splitter returned after the last of
// them (nil when more chunks follow).
type lineChunk struct {
	lines []splitLine
	out   []decodedLine
	err   error
	done  chan struct{}
}

type splitLine struct {
	b    []byte
	n    int
	last bool
}

type decodedLine struct {
	rec *Record
	err error
	sum Summary
}

// newParallelLines starts decoding d's lines on workers goroutines,
// perChunk lines at a time, counting into sum.
func newParallelLines(d lineDecoder, sum *Summary, workers, perChunk int) *parallelLines {
	p := &parallelLines{
		sum:     sum,
		ordered: make(chan *lineChunk, 2*workers),
		stop:    make(chan struct{}),
	}
	work := make(chan *lineChunk, 2*workers)
	for range workers {
		go func() {
			for c := range work {
				c.out = make([]decodedLine, len(c.lines))
				for i, l := range c.lines {
					o := &c.out[i]
					o.rec, o.err = d.decodeLine(l.b, l.n, l.last, &o.sum)
				}
				close(c.done)
			}
		}()
	}
	go func() {
		defer close(work)
		defer close(p.ordered)
		split := d.lines()
		for {
			c := &lineChunk{done: make(chan struct{})}
			for len(c.lines) < perChunk {
				b, last, err := split.next()
				if err != nil {
					c.err = err
					break
				}
				c.lines = append(c.lines, splitLine{b, split.line, last})
			}
			select {
			case p.ordered <- c:
			case <-p.stop:
				return
			}
			select {
			case work <- c:
			case <-p.stop:
				close(c.done) // Read is no longer waiting for it
				return
			}
			if c.err != nil {
				return
			}
		}
	}()
	return p
}

// Read returns the next line's result, as the decoder's Read would.
func (p *parallelLines) Read() (*Record, error) {
	for p.err == nil {
		if p.cur != nil && p.pos < len(p.cur.out) {
			o := &p.cur.out[p.pos]
			p.pos++
			p.sum.Merge(&o.sum)
			return o.rec, o.err
		}
		if p.cur != nil && p.cur.err != nil {
			p.err = p.cur.err
			break
		}
		c, ok := <-p.ordered
		if !ok {
			p.err = io.EOF // stopped by Close
			break
		}
		<-c.done
		p.cur, p.pos = c, 0
	}
	return nil, p.err
}

// Close stops the goroutines; chunks being decoded are finished and
// dropped.
func (p *parallelLines) Close() {
	p.once.Do(func() { close(p.stop) })
}
