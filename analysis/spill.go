package analysis

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// answerSpill keeps answers' texts in a temporary file, in the order they
// were put, and gives them back in that order: the answers of a corpus are
// most of its memory, and between reading and classification (while the
// boilerplate and the round robins are found) nothing reads them.
type answerSpill struct {
	file    *os.File
	removed bool // the file's name is gone (it was removed while open)
	w       *bufio.Writer
	ends    []int64 // the end offset of each text put
	err     error   // the first error in writing, reported on reading

	r    *bufio.Reader // reading back, from the start
	took int           // texts given back
}

// spillBuffer is the size of the spill's write and read buffers.
const spillBuffer = 1 << 20

// newAnswerSpill makes an empty spill in a new file in dir (the system's
// temporary directory if dir is empty).
func newAnswerSpill(dir string) (*answerSpill, error) {
	f, err := os.CreateTemp(dir, "parlance-answers-*")
	if err != nil {
		return nil, fmt.Errorf("analysis: a file to hold the answers while the boilerplate is found: %w", err)
	}
	s := &answerSpill{file: f, w: bufio.NewWriterSize(f, spillBuffer)}
	// Where the system allows it (Unix), the name goes at once, so that
	// nothing is left behind however the process ends; the open file
	// stays readable. Elsewhere close removes it.
	s.removed = os.Remove(f.Name()) == nil
	return s, nil
}

// put appends text. An error is kept and reported by take. put may not
// be called after take.
func (s *answerSpill) put(text string) {
	if s.err == nil {
		_, s.err = s.w.WriteString(text)
	}
	end := int64(len(text))
	if n := len(s.ends); n > 0 {
		end += s.ends[n-1]
	}
	s.ends = append(s.ends, end)
}

// take returns the next text, in the order put; the first call ends the
// writing.
func (s *answerSpill) take() (string, error) {
	if s.r == nil {
		if s.err == nil {
			s.err = s.w.Flush()
		}
		if s.err == nil {
			_, s.err = s.file.Seek(0, io.SeekStart)
		}
		if s.err != nil {
			return "", fmt.Errorf("analysis: the answers written aside to %s: %w", s.file.Name(), s.err)
		}
		s.w = nil
		s.r = bufio.NewReaderSize(s.file, spillBuffer)
	}
	if s.took == len(s.ends) {
		return "", fmt.Errorf("analysis: the answers written aside to %s: all %d are taken", s.file.Name(), len(s.ends))
	}
	start := int64(0)
	if s.took > 0 {
		start = s.ends[s.took-1]
	}
	n := s.ends[s.took] - start
	var b strings.Builder
	b.Grow(int(n))
	if _, err := io.CopyN(&b, s.r, n); err != nil {
		return "", fmt.Errorf("analysis: answer %d of those written aside to %s: %w", s.took+1, s.file.Name(), err)
	}
	s.took++
	return b.String(), nil
}

// close closes the file and removes it where it was not removed at once.
func (s *answerSpill) close() error {
	err := s.file.Close()
	if !s.removed {
		err = errors.Join(err, os.Remove(s.file.Name()))
	}
	s.ends = nil
	return err
}
