package analysis

import (
	"os"
	"strings"
	"testing"
)

// TestAnswerSpillGivesBack checks that a spill gives back what was put,
// in order (empty and multi-byte texts too, across its buffer's edge),
// refuses to give more, and leaves no file behind.
func TestAnswerSpillGivesBack(t *testing.T) {
	dir := t.TempDir()
	s, err := newAnswerSpill(dir)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"No.", "", "£3.2 million — “in 2024–25”.", strings.Repeat("Written answers. ", spillBuffer/8), "The end."}
	for _, x := range texts {
		s.put(x)
	}
	for i, want := range texts {
		got, err := s.take()
		if err != nil {
			t.Fatalf("text %d: %v", i, err)
		}
		if got != want {
			t.Fatalf("text %d: got %d bytes %.20q, want %d bytes %.20q", i, len(got), got, len(want), want)
		}
	}
	if _, err := s.take(); err == nil || !strings.Contains(err.Error(), "all 5 are taken") {
		t.Errorf("a sixth text: error %v, want one saying all are taken", err)
	}
	if err := s.close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("%d files left behind", len(left))
	}
}

// TestAnswerSpillReportsLoss checks that texts that cannot be read back
// are an error naming the spill's file, not short or empty answers.
func TestAnswerSpillReportsLoss(t *testing.T) {
	s, err := newAnswerSpill(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	s.put("The Department does not hold this information.")
	if err := s.w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := s.file.Truncate(10); err != nil {
		t.Fatal(err)
	}
	if _, err := s.take(); err == nil || !strings.Contains(err.Error(), s.file.Name()) || !strings.Contains(err.Error(), "answer 1") {
		t.Errorf("a text cut short: error %v, want one naming the file and the answer", err)
	}
	s.close()
}
