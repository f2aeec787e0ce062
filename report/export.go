package report

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/parlance-go/parlance/analysis/classify"
)

// table is one tidy export: named columns and rows of values (string, int,
// float64 or bool), one observation per row.
type table struct {
	cols []string
	rows [][]interface{}
}

// exportFile names one export and builds its table.
type exportFile struct {
	name  string
	title string
	build func(ix *index) table
}

// exportFiles are the tidy exports written beside the report, in the order
// the report lists them: one per table shown, plus every answer and group.
var exportFiles = []exportFile{
	{"read_summary", "What was read, skipped and truncated", readTable},
	{"stance_by_body", "Stance by answering body, with 95% Wilson intervals", stanceByBody},
	{"grounds_by_body", "Refusal grounds by answering body, with 95% Wilson intervals", groundsByBody},
	{"group_body_stance", "Stance of every answer in every round-robin group", groupBodyStance},
	{"groups", "Round-robin groups", groupsTable},
	{"campaigns", "Campaigns: the same question from different askers", campaignsTable},
	{"families", "Boilerplate families (stock sentences)", familiesTable},
	{"family_bodies", "Use of each boilerplate family by body", familyBodies},
	{"stance_by_month", "Stance by month of answer, all bodies and each body", stanceByMonth},
	{"answers", "Every answer with its verdict", answersTable},
}

// csvSafe defuses spreadsheet formulas: a text cell starting with = + - @
// (or a tab or carriage return) is prefixed with an apostrophe, the
// convention spreadsheet programs display as plain text. Numbers are
// written as numbers and never prefixed.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func formatCell(v interface{}) string {
	switch x := v.(type) {
	case string:
		return csvSafe(x)
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case nil:
		return ""
	}
	return csvSafe(fmt.Sprint(v))
}

// writeCSV writes a table as RFC 4180 CSV with a header row.
func (t table) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.cols); err != nil {
		return err
	}
	rec := make([]string, len(t.cols))
	for _, r := range t.rows {
		for i, v := range r {
			rec[i] = formatCell(v)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeJSON writes a table as a JSON array of objects, keys in column order.
func (t table) writeJSON(w io.Writer) error {
	bw := bufio.NewWriter(w)
	keys := make([][]byte, len(t.cols))
	for i, c := range t.cols {
		keys[i], _ = json.Marshal(c)
	}
	bw.WriteString("[")
	for ri, r := range t.rows {
		if ri > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n  {")
		for i, v := range r {
			if i > 0 {
				bw.WriteString(", ")
			}
			if f, ok := v.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
				v = nil // JSON has no NaN: an undefined share is written as null
			}
			b, err := json.Marshal(v)
			if err != nil {
				return err
			}
			bw.Write(keys[i])
			bw.WriteString(": ")
			bw.Write(b)
		}
		bw.WriteString("}")
	}
	bw.WriteString("\n]\n")
	return bw.Flush()
}

func readTable(ix *index) table {
	t := table{cols: []string{"item", "key", "count"}}
	s := ix.res.Summary
	if s == nil {
		return t
	}
	for _, k := range sortedKeys(s.Read) {
		t.rows = append(t.rows, []interface{}{"read", string(k), s.Read[k]})
	}
	for _, k := range sortedKeys(s.Skipped) {
		t.rows = append(t.rows, []interface{}{"skipped", k, s.Skipped[k]})
	}
	t.rows = append(t.rows, []interface{}{"truncated", "", s.Truncated}, []interface{}{"hydrated", "", s.Hydrated})
	for _, k := range sortedKeys(s.UnknownBodies) {
		t.rows = append(t.rows, []interface{}{"unknown_body", k, s.UnknownBodies[k]})
	}
	for _, f := range s.Files {
		t.rows = append(t.rows, []interface{}{"file", f, 1})
	}
	t.rows = append(t.rows, []interface{}{"problems", "", len(s.Problems)})
	return t
}

func stanceByBody(ix *index) table {
	t := table{cols: []string{"body", "answers", "stance", "count", "share", "ci95_low", "ci95_high"}}
	for _, b := range ix.res.Bodies {
		for _, s := range classify.Stances {
			p := b.Stances[s]
			t.rows = append(t.rows, []interface{}{b.Body, b.Answers, string(s), p.Count, p.Share, p.Low, p.High})
		}
	}
	return t
}

func groundsByBody(ix *index) table {
	t := table{cols: []string{"body", "answers", "ground", "count", "share", "ci95_low", "ci95_high"}}
	for _, b := range ix.res.Bodies {
		for _, g := range classify.Grounds {
			p := b.Grounds[g]
			t.rows = append(t.rows, []interface{}{b.Body, b.Answers, string(g), p.Count, p.Share, p.Low, p.High})
		}
	}
	return t
}

func groupBodyStance(ix *index) table {
	t := table{cols: []string{"group", "body", "record_id", "stance", "grounds", "overridden", "found"}}
	for _, g := range ix.res.Groups {
		for _, mem := range g.Members {
			a, ok := ix.member(mem)
			if !ok {
				t.rows = append(t.rows, []interface{}{g.ID, mem.Body, mem.ID, "", "", false, false})
				continue
			}
			t.rows = append(t.rows, []interface{}{g.ID, mem.Body, mem.ID, string(a.Verdict.Stance), joinGrounds(a.Verdict.Grounds), a.Verdict.Overridden, true})
		}
	}
	return t
}

func groupsTable(ix *index) table {
	t := table{cols: []string{"group", "asker", "canonical", "first", "last", "members", "bodies", "page"}}
	for i, g := range ix.res.Groups {
		t.rows = append(t.rows, []interface{}{g.ID, g.Asker, g.Canonical, day(g.First), day(g.Last), len(g.Members), g.Bodies(), pageName(pageOf(i))})
	}
	return t
}

func campaignsTable(ix *index) table {
	t := table{cols: []string{"campaign", "canonical", "askers", "groups", "records"}}
	for i, c := range ix.res.Campaigns {
		t.rows = append(t.rows, []interface{}{i + 1, c.Canonical, strings.Join(c.Askers, ";"), strings.Join(c.Groups, ";"), strings.Join(c.Records, ";")})
	}
	return t
}

func familiesTable(ix *index) table {
	t := table{cols: []string{"family", "canonical", "example", "answers", "bodies", "variants", "first", "last"}}
	for _, f := range ix.res.Families {
		t.rows = append(t.rows, []interface{}{f.ID, f.Canonical, f.Example, f.Answers, len(f.Bodies), len(f.Variants), day(f.First), day(f.Last)})
	}
	return t
}

func familyBodies(ix *index) table {
	t := table{cols: []string{"family", "body", "answers", "share"}}
	for _, f := range ix.res.Families {
		for _, b := range f.Bodies {
			t.rows = append(t.rows, []interface{}{f.ID, b.Body, b.Answers, b.Share})
		}
	}
	return t
}

func stanceByMonth(ix *index) table {
	t := table{cols: []string{"month", "body", "stance", "count", "total", "share"}}
	bodies := []string{""}
	for _, b := range ix.res.Bodies {
		bodies = append(bodies, b.Body)
	}
	for _, body := range bodies {
		mc := monthCounts(ix.res, body)
		name := body
		if name == "" {
			name = "(all bodies)"
		}
		for _, k := range sortedKeys(mc) {
			c := mc[k]
			for j, s := range classify.Stances {
				t.rows = append(t.rows, []interface{}{k, name, string(s), c.n[j], c.total, share(c.n[j], c.total)})
			}
		}
	}
	return t
}

func answersTable(ix *index) table {
	t := table{cols: []string{"record_id", "source", "uin", "body", "date_tabled", "date_answered", "heading", "group",
		"stance", "grounds", "confidence", "overridden", "note", "boilerplate_share", "holding", "truncated", "url", "evidence"}}
	for i := range ix.res.Answers {
		a := &ix.res.Answers[i]
		r := a.Record
		if r == nil {
			t.rows = append(t.rows, []interface{}{"", "", "", "", "", "", "", a.Group, string(a.Verdict.Stance), joinGrounds(a.Verdict.Grounds),
				a.Verdict.Confidence, a.Verdict.Overridden, a.Verdict.Note, a.BoilerplateShare, false, false, "", joinCues(a.Verdict.Evidence)})
			continue
		}
		t.rows = append(t.rows, []interface{}{r.ID, string(r.Source), r.UIN, r.Department, day(r.DateTabled), day(r.DateAnswered), r.Heading, a.Group,
			string(a.Verdict.Stance), joinGrounds(a.Verdict.Grounds), a.Verdict.Confidence, a.Verdict.Overridden, a.Verdict.Note,
			a.BoilerplateShare, r.Holding, r.Truncated, r.URL, joinCues(a.Verdict.Evidence)})
	}
	return t
}

func joinGrounds(gs []classify.Ground) string {
	s := make([]string, len(gs))
	for i, g := range gs {
		s[i] = string(g)
	}
	return strings.Join(s, ";")
}
