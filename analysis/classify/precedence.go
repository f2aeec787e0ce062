package classify

import (
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Yield is one rule of precedence between the grounds found in one
// sentence: where Over stands, Subject gives way (is dropped). Each side
// names a ground ("no-comment-convention") or one cue of a ground
// ("not-held:not-available", ground and cue name), so that a general
// refusal form can give way to the specific reason stated beside it: "it
// is not possible to provide X because it would identify individuals" is
// personal-data, not also not-held.
type Yield struct {
	Subject, Over string
	Comment       string
}

//go:embed precedence.tsv
var defaultPrecedenceTSV string

// DefaultPrecedence returns the built-in precedence (the embedded file
// precedence.tsv): one reason, one ground.
func DefaultPrecedence() []Yield {
	loadDefault()
	return slices.Clone(defaultLex.Precedence)
}

// ReadPrecedence reads rules of precedence from a tab-separated file, one
// a line: "subject<TAB>over[<TAB>comment]", where over may list several
// grounds or cues separated by commas (one rule each). Lines starting with
// '#' and blank lines are ignored; errors name the file, line and field.
func ReadPrecedence(r io.Reader, name string) ([]Yield, error) {
	var out []Yield
	err := eachTSVLine(r, name, func(line int, f []string) error {
		if len(f) < 2 || len(f) > 3 {
			return fmt.Errorf("%s: line %d: want 2 or 3 tab-separated fields (subject, over[, comment]), got %d", name, line, len(f))
		}
		subj := strings.TrimSpace(f[0])
		if subj == "" {
			return fmt.Errorf("%s: line %d: field subject: empty", name, line)
		}
		comment := ""
		if len(f) == 3 {
			comment = strings.TrimSpace(f[2])
		}
		for _, over := range strings.Split(f[1], ",") {
			if over = strings.TrimSpace(over); over == "" {
				return fmt.Errorf("%s: line %d: field over: empty entry", name, line)
			}
			out = append(out, Yield{Subject: subj, Over: over, Comment: comment})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// names reports whether side (a ground, or ground:cue) names hit h.
func names(side string, h groundHit) bool {
	g, cue, isCue := strings.Cut(side, ":")
	return Ground(g) == h.ground && (!isCue || cue == h.cue)
}

// applyPrecedence drops the hits that give way to another hit that
// stands. A hit stands unless a rule makes it yield to a hit that itself
// stands, so chains resolve from the top: where national security stands,
// the no-comment convention gives way, and not-held, which gives way only
// to the convention, stands. Hits are settled in that order (a hit once
// every hit that could drop it is settled); hits caught in a cycle of
// rules stand.
func applyPrecedence(hits []groundHit, rules []Yield) []groundHit {
	if len(hits) < 2 {
		return hits
	}
	const open, stands, dropped = 0, 1, 2
	state := make([]int, len(hits))
	droppers := make([][]int, len(hits))
	for i, h := range hits {
		for _, r := range rules {
			if !names(r.Subject, h) {
				continue
			}
			for j, k := range hits {
				if j != i && names(r.Over, k) && !slices.Contains(droppers[i], j) {
					droppers[i] = append(droppers[i], j)
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for i := range hits {
			if state[i] != open {
				continue
			}
			settled, drop := true, false
			for _, j := range droppers[i] {
				switch state[j] {
				case open:
					settled = false
				case stands:
					drop = true
				}
			}
			if drop {
				state[i], changed = dropped, true
			} else if settled {
				state[i], changed = stands, true
			}
		}
	}
	out := hits[:0:0]
	for i, h := range hits {
		if state[i] != dropped {
			out = append(out, h)
		}
	}
	return out
}
