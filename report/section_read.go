package report

import (
	"fmt"

	"github.com/parlance-go/parlance/corpus"
)

func init() {
	register(sectionDef{order: 10, id: "read", nav: "What was read", tmpl: readTmpl, build: buildRead,
		exports: []exportFile{{"read_summary", "What was read, skipped and truncated", readTable}}})
}

type readData struct {
	facts
	Total        int
	Read         []kv
	Files        []string
	Skipped      []kv
	Truncated    int
	Hydrated     int
	Unknown      []kv
	Problems     []string
	ProblemCount int
	NoSummary    bool
	Groups       int
	FamilyTotal  int
}

func buildRead(c *buildContext) (*section, error) {
	res := c.res
	d := &readData{facts: c.m.facts, Groups: len(res.Groups), FamilyTotal: len(res.Families)}
	s := res.Summary
	if s == nil {
		d.NoSummary = true
		s = &corpus.Summary{}
	}
	for _, k := range sortedKeys(s.Read) {
		d.Read = append(d.Read, kv{Key: string(k), Count: s.Read[k], Label: sourceName(k)})
	}
	d.Total = s.Total()
	for _, f := range s.Files {
		d.Files = append(d.Files, c.ix.displayPath(f))
	}
	for _, k := range sortedKeys(s.Skipped) {
		d.Skipped = append(d.Skipped, kv{Key: k, Count: s.Skipped[k]})
	}
	d.Truncated, d.Hydrated = s.Truncated, s.Hydrated
	for _, k := range sortedKeys(s.UnknownBodies) {
		d.Unknown = append(d.Unknown, kv{Key: k, Count: s.UnknownBodies[k]})
	}
	d.ProblemCount = len(s.Problems)
	for i, p := range s.Problems {
		if i == maxProblems {
			break
		}
		switch {
		case p == nil:
			d.Problems = append(d.Problems, "(nil problem)")
		case p.Err == nil:
			d.Problems = append(d.Problems, fmt.Sprintf("%s: %s: field %s", c.ix.displayPath(p.File), p.Record, p.Field))
		default:
			q := *p
			q.File = c.ix.displayPath(p.File)
			d.Problems = append(d.Problems, q.Error())
		}
	}
	return &section{data: d}, nil
}

const readTmpl = `<h2>What was read</h2>
<div class="facts">
<div class="fact"><b>{{thousands .Total}}</b><span>records read</span></div>
<div class="fact"><b>{{thousands .Classified}}</b><span>answers classified</span></div>
<div class="fact"><b>{{thousands .Groups}}</b><span>round-robin groups</span></div>
<div class="fact"><b>{{thousands .FamilyTotal}}</b><span>families of stock sentences</span></div>
<div class="fact"><b>{{if .From}}{{.From}}{{else}}–{{end}}</b><span>first answer{{if .To}}; last {{.To}}{{end}}</span></div>
</div>
{{if .NoSummary}}<p class="note">The analysis carried no read summary, so what was read, skipped and truncated is unknown.</p>{{end}}
<p>{{plural .Total "record was" "records were"}} read from {{plural (len .Files) "input" "inputs"}}{{if .Read}} ({{range $i, $r := .Read}}{{if $i}}, {{end}}{{$r.Label}}: {{thousands $r.Count}}{{end}}){{end}}.
{{plural .Answers "record was" "records were"}} analysed: {{thousands .Classified}} classified, {{thousands .Unanswered}} without an answer to classify (counted, never classified).
{{if .Undated}}{{plural .Undated "classified answer has" "classified answers have"}} no answer date and so {{if eq .Undated 1}}is{{else}}are{{end}} left out of the chart over time.{{end}}
{{if .Overridden}}{{plural .Overridden "verdict was" "verdicts were"}} set by hand (marked <span class="over">overridden</span> wherever {{if eq .Overridden 1}}it appears{{else}}they appear{{end}}).{{end}}</p>
<div class="tablewrap"><table>
<caption>Inputs, skipped items and known gaps</caption>
<thead><tr><th>item</th><th class="n">count</th></tr></thead>
<tbody>
{{range .Read}}<tr><td>read from {{.Label}}</td><td class="n">{{thousands .Count}}</td></tr>
{{end}}{{range .Skipped}}<tr><td>skipped: {{.Key}}</td><td class="n">{{thousands .Count}}</td></tr>
{{end}}<tr><td>truncated (text known to be incomplete)</td><td class="n">{{thousands .Truncated}}</td></tr>
<tr><td>hydrated from full texts</td><td class="n">{{thousands .Hydrated}}</td></tr>
{{range .Unknown}}<tr><td>unknown answering body kept as given: {{.Key}}</td><td class="n">{{thousands .Count}}</td></tr>
{{end}}<tr><td>problems found while reading</td><td class="n">{{thousands .ProblemCount}}</td></tr>
</tbody></table></div>
{{if .Files}}<details><summary>Input files ({{len .Files}})</summary><ul>{{range .Files}}<li><code>{{.}}</code></li>{{end}}</ul></details>{{end}}
{{if .Problems}}<details><summary>Problems ({{.ProblemCount}}{{if gt .ProblemCount (len .Problems)}}, first {{len .Problems}} shown{{end}})</summary><ul>{{range .Problems}}<li><code>{{.}}</code></li>{{end}}</ul></details>{{end}}
`

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
		t.rows = append(t.rows, []interface{}{"file", ix.displayPath(f), 1})
	}
	t.rows = append(t.rows, []interface{}{"problems", "", len(s.Problems)})
	return t
}
