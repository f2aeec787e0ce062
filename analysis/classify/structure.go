package classify

import (
	_ "embed"
	"fmt"
	"strings"
)

// structureFile is the name structure.tsv's errors give it.
const structureFile = "analysis/classify/structure.tsv"

//go:embed structure.tsv
var structureTSV string

// structuralCues are the structural cues' alternatives by name, joined
// with "|", read once from the embedded structure.tsv.
var structuralCues = mustEmbedded(parseStructure(structureTSV, structureFile))

// structuralCue returns the expression of the structural cue name: its
// lines' alternatives joined with "|", case-insensitive.
func structuralCue(name string) string { return "(?i)" + structuralBody(name) }

// structuralBody returns the cue's alternatives joined with "|", without
// the case-insensitive flag, for an expression built around it.
func structuralBody(name string) string {
	p, ok := structuralCues[name]
	if !ok {
		// The file is embedded and tested; a missing cue is a build bug.
		panic(fmt.Sprintf("classify: %s has no cue %q", structureFile, name))
	}
	return p
}

// parseStructure reads the layout of structure.tsv: '#' comment lines and
// blank lines, and lines of a cue's name and one alternative of its
// expression, tab-separated; a cue's alternatives are joined in order with
// "|" (structuralCue adds the case-insensitive flag).
// It does not compile the expressions: they compile on first use, and
// TestStructureFile compiles every one.
func parseStructure(text, name string) (map[string]string, error) {
	alts := map[string][]string{}
	for ln, line := range strings.Split(text, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		pos := fmt.Sprintf("%s:%d", name, ln+1)
		cue, alt, ok := strings.Cut(line, "\t")
		if !ok || strings.Contains(alt, "\t") {
			return nil, fmt.Errorf("%s: want a cue's name and one alternative, tab-separated", pos)
		}
		if cue == "" || strings.Trim(cue, "abcdefghijklmnopqrstuvwxyz-") != "" {
			return nil, fmt.Errorf("%s: field cue: %q is not a name of lower-case letters and hyphens", pos, cue)
		}
		if alt == "" {
			return nil, fmt.Errorf("%s: cue %s: empty alternative", pos, cue)
		}
		alts[cue] = append(alts[cue], alt)
	}
	out := make(map[string]string, len(alts))
	for cue, as := range alts {
		out[cue] = strings.Join(as, "|")
	}
	return out, nil
}
