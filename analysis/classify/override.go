package classify

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Override is a manual verdict for one record, such as an adjudicated label.
type Override struct {
	ID      string // the record ID, e.g. "api:1725503"
	Stance  Stance
	Grounds []Ground // nil for none
	Note    string
	Line    int // the line of the file it was read from; 0 if not read from one
}

// Overrides maps record IDs to manual verdicts. The nil map holds none.
type Overrides map[string]Override

// ReadOverrides reads overrides in the layout of the project's label files:
// tab-separated "key<TAB>stance<TAB>grounds<TAB>note", grounds
// comma-separated or "-" for none; the note may be missing. Blank lines and
// lines starting with '#' are skipped. A stance outside the codebook, an
// empty ground or a repeated key is an error naming the file, line and field.
// Grounds are not checked here, since a lexicon read later may define new
// ones: CheckGrounds does that once the lexicon is known, and Unmatched
// finds the keys that name no record.
func ReadOverrides(r io.Reader, name string) (Overrides, error) {
	out := Overrides{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	first := map[string]int{}
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) < 3 {
			return nil, fmt.Errorf("%s: line %d: want at least 3 tab-separated fields (key, stance, grounds[, note]), got %d", name, line, len(f))
		}
		key := strings.TrimSpace(f[0])
		if key == "" {
			return nil, fmt.Errorf("%s: line %d: field key: empty", name, line)
		}
		if l, dup := first[key]; dup {
			return nil, fmt.Errorf("%s: line %d: field key: %q already given on line %d", name, line, key, l)
		}
		first[key] = line
		st := Stance(strings.TrimSpace(f[1]))
		if !validStance(st) {
			return nil, fmt.Errorf("%s: line %d: field stance: %q is not one of %v", name, line, f[1], Stances)
		}
		o := Override{ID: key, Stance: st, Line: line}
		if g := strings.TrimSpace(f[2]); g != "-" && g != "" {
			for _, p := range strings.Split(g, ",") {
				p = strings.TrimSpace(p)
				if p == "" {
					return nil, fmt.Errorf("%s: line %d: field grounds: empty ground in %q", name, line, f[2])
				}
				o.Grounds = append(o.Grounds, Ground(p))
			}
		}
		if len(f) > 3 {
			o.Note = strings.TrimSpace(strings.Join(f[3:], "\t"))
		}
		out[key] = o
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: line %d: %w", name, line+1, err)
	}
	return out, nil
}

// CheckGrounds returns an error for the first override (in line order)
// with a ground that is neither one of the codebook's Grounds nor the
// ground of a cue of lex (nil: none beyond the codebook's). Such a ground
// would be accepted and then dropped from every table. The error names the
// file (name), the line and the ground, and a codebook ground it may be a
// misspelling of.
func (o Overrides) CheckGrounds(name string, lex *Lexicon) error {
	known := map[Ground]bool{}
	for _, g := range Grounds {
		known[g] = true
	}
	if lex != nil {
		for _, c := range lex.Cues {
			known[c.Ground] = true
		}
	}
	for _, ov := range o.inLineOrder() {
		for _, g := range ov.Grounds {
			if known[g] {
				continue
			}
			hint := ""
			norm := Ground(strings.ToLower(strings.NewReplacer("_", "-", " ", "-").Replace(string(g))))
			if known[norm] {
				hint = fmt.Sprintf(" (did you mean %q?)", norm)
			}
			return fmt.Errorf("%s: line %d: field grounds: unknown ground %q%s: use one of %v, or define it in a lexicon (--lexicon)", name, ov.Line, g, hint, Grounds)
		}
	}
	return nil
}

// Unmatched returns the overrides whose key is not the ID of a record
// (has reports whether one is), in line order: they do nothing, and a
// user should be told.
func (o Overrides) Unmatched(has func(id string) bool) []Override {
	var out []Override
	for _, ov := range o.inLineOrder() {
		if !has(ov.ID) {
			out = append(out, ov)
		}
	}
	return out
}

func (o Overrides) inLineOrder() []Override {
	out := make([]Override, 0, len(o))
	for _, ov := range o {
		out = append(out, ov)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Verdicts turns overrides into verdicts keyed by record ID, the gold
// standard that Evaluate compares against.
func (o Overrides) Verdicts() map[string]Verdict {
	out := make(map[string]Verdict, len(o))
	for k, ov := range o {
		gs := sortGrounds(append([]Ground{}, ov.Grounds...))
		out[k] = Verdict{Stance: ov.Stance, Grounds: gs, Confidence: 1, Overridden: true, Note: ov.Note}
	}
	return out
}

func validStance(s Stance) bool {
	for _, x := range Stances {
		if x == s {
			return true
		}
	}
	return s == Unanswered
}
