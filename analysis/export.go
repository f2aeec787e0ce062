package analysis

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/analysis/roundrobin"
	"github.com/parlance-go/parlance/analysis/stats"
	"github.com/parlance-go/parlance/corpus"
)

// AnswerRow is the flat, exported form of one analysed answer: one line of
// `parlance analyze` output.
type AnswerRow struct {
	ID               string              `json:"id"`
	Source           string              `json:"source"`
	UIN              string              `json:"uin"`
	Department       string              `json:"department"`
	DateAnswered     string              `json:"date_answered"`
	Heading          string              `json:"heading"`
	Group            string              `json:"group"`
	Stance           classify.Stance     `json:"stance"`
	Grounds          []classify.Ground   `json:"grounds"`
	BoilerplateShare float64             `json:"boilerplate_share"`
	Confidence       float64             `json:"confidence"`
	Evidence         []classify.Evidence `json:"evidence"`
	Refs             []classify.Ref      `json:"refs"`
	Overridden       bool                `json:"overridden"`
	Note             string              `json:"note,omitempty"`
}

// Row flattens an answer for export. Shares and confidences are rounded to
// four decimals so that exports are stable and readable.
func (a *Answer) Row() AnswerRow {
	r := a.Record
	row := AnswerRow{
		ID: r.ID, Source: string(r.Source), UIN: r.UIN, Department: r.Department,
		Heading: r.Heading, Group: a.Group,
		Stance: a.Verdict.Stance, Grounds: a.Verdict.Grounds,
		BoilerplateShare: round4(a.BoilerplateShare), Confidence: round4(a.Verdict.Confidence),
		Evidence: a.Verdict.Evidence, Refs: a.Verdict.Refs,
		Overridden: a.Verdict.Overridden, Note: a.Verdict.Note,
	}
	if !r.DateAnswered.IsZero() {
		row.DateAnswered = r.DateAnswered.Format(corpus.DateLayout)
	}
	if row.Grounds == nil {
		row.Grounds = []classify.Ground{}
	}
	if row.Evidence == nil {
		row.Evidence = []classify.Evidence{}
	}
	if row.Refs == nil {
		row.Refs = []classify.Ref{}
	}
	return row
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

func newEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

// WriteAnswersJSONL writes one JSON object per answer, in input order.
func WriteAnswersJSONL(w io.Writer, res *Result) error {
	enc := newEncoder(w)
	for i := range res.Answers {
		if err := enc.Encode(res.Answers[i].Row()); err != nil {
			return err
		}
	}
	return nil
}

// AnswerCSVHeader is the header of WriteAnswersCSV. Lists (grounds) are
// joined with ";"; evidence and refs are JSON arrays in one cell each.
var AnswerCSVHeader = []string{"id", "source", "uin", "department", "date_answered", "heading", "group",
	"stance", "grounds", "boilerplate_share", "confidence", "evidence", "refs", "overridden", "note"}

// WriteAnswersCSV writes one CSV row per answer, in input order.
func WriteAnswersCSV(w io.Writer, res *Result) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(AnswerCSVHeader); err != nil {
		return err
	}
	for i := range res.Answers {
		r := res.Answers[i].Row()
		grounds := make([]string, len(r.Grounds))
		for j, g := range r.Grounds {
			grounds[j] = string(g)
		}
		ev, err := marshalCompact(r.Evidence)
		if err != nil {
			return err
		}
		refs, err := marshalCompact(r.Refs)
		if err != nil {
			return err
		}
		if err := cw.Write([]string{r.ID, r.Source, r.UIN, r.Department, r.DateAnswered, r.Heading, r.Group,
			string(r.Stance), strings.Join(grounds, ";"),
			strconv.FormatFloat(r.BoilerplateShare, 'f', -1, 64), strconv.FormatFloat(r.Confidence, 'f', -1, 64),
			ev, refs, strconv.FormatBool(r.Overridden), r.Note}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func marshalCompact(v any) (string, error) {
	var b strings.Builder
	if err := newEncoder(&b).Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// SummaryJSON is the reading summary in exportable form.
type SummaryJSON struct {
	Read          map[string]int `json:"read"`
	Skipped       map[string]int `json:"skipped"`
	Truncated     int            `json:"truncated"`
	Hydrated      int            `json:"hydrated"`
	UnknownBodies map[string]int `json:"unknown_bodies"`
	Files         []string       `json:"files"`
	Problems      []string       `json:"problems"`
}

// ExportSummary converts a reading summary for export.
func ExportSummary(s *corpus.Summary) SummaryJSON {
	out := SummaryJSON{Read: map[string]int{}, Skipped: map[string]int{}, UnknownBodies: map[string]int{},
		Files: []string{}, Problems: []string{}}
	if s == nil {
		return out
	}
	for k, v := range s.Read {
		out.Read[string(k)] = v
	}
	for k, v := range s.Skipped {
		out.Skipped[k] = v
	}
	for k, v := range s.UnknownBodies {
		out.UnknownBodies[k] = v
	}
	out.Truncated, out.Hydrated = s.Truncated, s.Hydrated
	out.Files = append(out.Files, s.Files...)
	for _, p := range s.Problems {
		out.Problems = append(out.Problems, p.Error())
	}
	return out
}

// BodyStatsJSON is one body's statistics in exportable form.
type BodyStatsJSON struct {
	Body    string                      `json:"body"`
	Answers int                         `json:"answers"`
	Stances map[string]stats.Proportion `json:"stances"`
	Grounds map[string]stats.Proportion `json:"grounds"`
	// Corrected is BodyStats.Corrected: the stance shares corrected for
	// classifier error, absent for bodies too small to correct.
	Corrected map[classify.Stance]stats.Estimate `json:"corrected,omitempty"`
}

// ExportBodies converts per-body statistics for export.
func ExportBodies(bodies []BodyStats) []BodyStatsJSON {
	out := make([]BodyStatsJSON, 0, len(bodies))
	for _, b := range bodies {
		j := BodyStatsJSON{Body: b.Body, Answers: b.Answers, Stances: map[string]stats.Proportion{}, Grounds: map[string]stats.Proportion{}}
		for k, v := range b.Stances {
			j.Stances[string(k)] = roundProportion(v)
		}
		for k, v := range b.Grounds {
			j.Grounds[string(k)] = roundProportion(v)
		}
		j.Corrected = roundEstimates(b.Corrected)
		out = append(out, j)
	}
	return out
}

func roundProportion(p stats.Proportion) stats.Proportion {
	p.Share, p.Low, p.High = round4(p.Share), round4(p.Low), round4(p.High)
	return p
}

// GroupVerdict is one member of a round-robin group with its verdict: who
// disclosed, who declined, and on what grounds.
type GroupVerdict struct {
	ID      string            `json:"id"`
	Body    string            `json:"body"`
	Stance  classify.Stance   `json:"stance"`
	Grounds []classify.Ground `json:"grounds"`
}

// GroupVerdicts is a round-robin group's verdicts, member by member in the
// group's order.
type GroupVerdicts struct {
	Group   string         `json:"group"`
	Members []GroupVerdict `json:"members"`
}

// Verdicts lists, for every round-robin group, each member's stance and
// grounds.
func (r *Result) Verdicts() []GroupVerdicts {
	out := make([]GroupVerdicts, 0, len(r.Groups))
	for _, g := range r.Groups {
		gv := GroupVerdicts{Group: g.ID, Members: make([]GroupVerdict, 0, len(g.Members))}
		for _, m := range g.Members {
			v := r.Answers[m.Index].Verdict
			grounds := v.Grounds
			if grounds == nil {
				grounds = []classify.Ground{}
			}
			gv.Members = append(gv.Members, GroupVerdict{ID: m.ID, Body: m.Body, Stance: v.Stance, Grounds: grounds})
		}
		out = append(out, gv)
	}
	return out
}

// WriteJSON writes the whole result as one JSON document: the reading
// summary, every answer, the round-robin groups and campaigns, each group's
// verdicts member by member, the boilerplate families, the per-body statistics
// (raw and corrected for classifier error), the test of independence and how
// the correction was made.
func WriteJSON(w io.Writer, res *Result) error {
	answers := make([]AnswerRow, len(res.Answers))
	for i := range res.Answers {
		answers[i] = res.Answers[i].Row()
	}
	doc := struct {
		Version      string                `json:"version"`
		Summary      SummaryJSON           `json:"summary"`
		Answers      []AnswerRow           `json:"answers"`
		Groups       []roundrobin.Group    `json:"groups"`
		Campaigns    []roundrobin.Campaign `json:"campaigns"`
		GroupVerdict []GroupVerdicts       `json:"group_verdicts"`
		Families     []boilerplate.Family  `json:"families"`
		Bodies       []BodyStatsJSON       `json:"bodies"`
		Independence stats.Independence    `json:"independence"`
		Correction   Correction            `json:"correction"`
	}{
		Version: res.Version, Summary: ExportSummary(res.Summary), Answers: answers,
		Groups: orEmpty(res.Groups), Campaigns: orEmpty(res.Campaigns), GroupVerdict: res.Verdicts(), Families: orEmpty(res.Families),
		Bodies: ExportBodies(res.Bodies), Independence: res.Independence, Correction: res.Correction.rounded(),
	}
	enc := newEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
