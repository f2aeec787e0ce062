package corpus

import (
	"fmt"
	"io"
	"sort"
)

// Summary accounts for everything a read saw, so that a report can say what
// was read, skipped and truncated, and why. The zero value is an empty
// summary ready to use.
type Summary struct {
	// Read counts the records delivered, by source.
	Read map[Source]int
	// Skipped counts items in the inputs that were not delivered as records,
	// by reason (e.g. "pp: Select Committee item",
	// "api: duplicate id", "twfy: superseded scrape version").
	Skipped map[string]int
	// Truncated counts delivered records whose text is known to be incomplete.
	Truncated int
	// Replaced counts duplicate IDs resolved in favour of a version read
	// later than the first (newer or more complete; see Newer). Every
	// version not delivered is also counted in Skipped as
	// "<source>: duplicate id".
	Replaced int
	// Hydrated counts list records whose clipped texts were replaced by full
	// texts from a full-text file.
	Hydrated int
	// UnknownBodies counts answering-body names the Registry did not know,
	// by name as given. They are kept in the records unchanged.
	UnknownBodies map[string]int
	// NoBody counts the records delivered with no answering body (a blank
	// Department), by why: "the source names none", or, for a full text
	// read without its list record, "addressee not in the registry: "
	// followed by the opening of the question, whose addressee named no
	// body the Registry knows.
	NoBody map[string]int
	// Files lists the inputs read, in order.
	Files []string
	// Problems holds per-record problems collected in lenient mode.
	Problems []*Problem
	// Repaired holds, in lenient mode, the records delivered with text that
	// was not valid UTF-8, each invalid sequence replaced by U+FFFD; each
	// Problem names the file, record and (first) field. In strict mode the
	// first is the error instead.
	Repaired []*Problem
}

func (s *Summary) addRead(src Source) {
	if s.Read == nil {
		s.Read = make(map[Source]int)
	}
	s.Read[src]++
}

func (s *Summary) addSkipped(reason string, n int) {
	if n == 0 {
		return
	}
	if s.Skipped == nil {
		s.Skipped = make(map[string]int)
	}
	s.Skipped[reason] += n
}

func (s *Summary) addNoBody(why string) {
	if s.NoBody == nil {
		s.NoBody = make(map[string]int)
	}
	s.NoBody[why]++
}

func (s *Summary) addUnknownBody(name string) {
	if s.UnknownBodies == nil {
		s.UnknownBodies = make(map[string]int)
	}
	s.UnknownBodies[name]++
}

// Total returns the number of records read from all sources.
func (s *Summary) Total() int {
	n := 0
	for _, c := range s.Read {
		n += c
	}
	return n
}

// WriteTo writes the summary as human-readable lines in a fixed order.
func (s *Summary) WriteTo(w io.Writer) (int64, error) {
	var n int64
	p := func(format string, args ...any) {
		m, _ := fmt.Fprintf(w, format, args...)
		n += int64(m)
	}
	p("read %d records from %d input(s)\n", s.Total(), len(s.Files))
	for _, k := range sortedKeys(s.Read) {
		p("  %-20s %d\n", string(k), s.Read[k])
	}
	if s.Hydrated > 0 {
		p("hydrated from full texts: %d\n", s.Hydrated)
	}
	if s.Truncated > 0 {
		p("truncated (text known to be incomplete): %d\n", s.Truncated)
	}
	for _, k := range sortedKeys(s.Skipped) {
		p("skipped: %s: %d\n", k, s.Skipped[k])
	}
	if s.Replaced > 0 {
		p("duplicate ids where a later version replaced the first (answered, later or more complete): %d\n", s.Replaced)
	}
	for _, k := range sortedKeys(s.UnknownBodies) {
		p("unknown answering body kept as given: %q: %d\n", k, s.UnknownBodies[k])
	}
	for _, k := range sortedKeys(s.NoBody) {
		p("no answering body (department left blank): %s: %d\n", k, s.NoBody[k])
	}
	if len(s.Repaired) > 0 {
		p("invalid UTF-8 replaced by U+FFFD (records kept): %d\n", len(s.Repaired))
		for _, pr := range s.Repaired {
			p("  %s\n", pr)
		}
	}
	if len(s.Problems) > 0 {
		p("problems: %d\n", len(s.Problems))
		for _, pr := range s.Problems {
			p("  %s\n", pr)
		}
	}
	return n, nil
}

func sortedKeys[K ~string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

// Skip records that n items were left out for reason. Readers count what
// they skip; callers that filter records afterwards use Skip so that the
// summary still accounts for every record read.
func (s *Summary) Skip(reason string, n int) { s.addSkipped(reason, n) }

// Merge adds the counts, files and problems of o to s.
func (s *Summary) Merge(o *Summary) {
	if o == nil {
		return
	}
	for k, v := range o.Read {
		if s.Read == nil {
			s.Read = make(map[Source]int)
		}
		s.Read[k] += v
	}
	for k, v := range o.Skipped {
		s.addSkipped(k, v)
	}
	for k, v := range o.UnknownBodies {
		if s.UnknownBodies == nil {
			s.UnknownBodies = make(map[string]int)
		}
		s.UnknownBodies[k] += v
	}
	for k, v := range o.NoBody {
		if s.NoBody == nil {
			s.NoBody = make(map[string]int)
		}
		s.NoBody[k] += v
	}
	s.Truncated += o.Truncated
	s.Hydrated += o.Hydrated
	s.Replaced += o.Replaced
	s.Files = append(s.Files, o.Files...)
	s.Problems = append(s.Problems, o.Problems...)
	s.Repaired = append(s.Repaired, o.Repaired...)
}
