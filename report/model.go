package report

import (
	"fmt"
	"html/template"
	"sort"
	"strings"
	"time"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/analysis/roundrobin"
	"github.com/parlance-go/parlance/corpus"
)

// Limits on what the main page shows; everything is in the exports and the
// group pages.
const (
	// heatGroups is the number of round-robin groups in the heatmap: those
	// sent to the most bodies.
	heatGroups = 30
	// topFamilies is the number of boilerplate families listed and charted.
	topFamilies = 20
	// groupsPerPage is the number of groups on one detail page.
	groupsPerPage = 25
	// findingMin is the number of answers a body needs before a headline
	// sentence singles it out; below it, shares are too noisy to rank.
	findingMin = 20
	// maxProblems is the number of read problems listed on the main page.
	maxProblems = 20
)

// kv is one labelled count.
type kv struct {
	Key   string
	Count int
	Label string // for sources: the source's name
}

// stanceCol is one stance column of a table.
type stanceCol struct {
	Stance classify.Stance
	Label  string
	Colour string
}

// cell is one count with its share and 95% interval, formatted.
type cell struct {
	Count int
	Share string
	CI    string
}

// bodyRow is one row of the stance-by-body table.
type bodyRow struct {
	Body       string
	Answers    int
	Cells      []cell // in stanceCols order
	Overridden int
}

// groundRow is one row of the grounds-by-body table.
type groundRow struct {
	Body    string
	Answers int
	Cells   []cell // in classify.Grounds order
	Any     bool   // the body cites at least one ground
}

// heatCell is one cell of the group × body table.
type heatCell struct {
	Text       string
	Colour     string
	Overridden bool
}

// heatRow is one group of the heatmap table.
type heatRow struct {
	Num       int // 1-based position in Result.Groups
	ID        string
	Canonical string
	Link      string
	Cells     []heatCell // in heat body order
}

// familyRow is one boilerplate family in the table.
type familyRow struct {
	ID        int
	Canonical string
	Answers   int
	Bodies    string // "HM Treasury (12), Cabinet Office (3) and 4 others"
	NBodies   int
	First     string
	Last      string
	Variants  int
}

// monthRow is one month of the stance-over-time table.
type monthRow struct {
	Month string
	Label string
	Total int
	Cells []cell
}

// chartView is one chart: its element ID, accessible title, height and the
// option JSON (already safe: see optionScript).
type chartView struct {
	ID     string
	Title  string
	Height int
	Script template.HTML
}

// pageLink is a link to one group page.
type pageLink struct {
	N     int
	Href  string
	First string // first group ID on the page
	Last  string
}

// exportLink is a link to one tidy export, as CSV and JSON.
type exportLink struct {
	Name  string
	CSV   string
	JSON  string
	Title string
}

// configRow is one analysis parameter.
type configRow struct {
	Name  string
	Value string
}

// mainModel is everything the main page template shows.
type mainModel struct {
	Title      string
	Version    string
	CSS        template.CSS
	JS         template.JS
	ECharts    template.JS // inlined library, if any
	EChartsURL string      // remote library, if not inlined

	// Headline: what was read.
	Read         []kv
	Total        int
	Files        []string
	Skipped      []kv
	SkippedTotal int
	Truncated    int
	Hydrated     int
	Unknown      []kv
	Problems     []string
	ProblemCount int
	Answers      int // analysed records
	Classified   int
	Unanswered   int
	Overridden   int
	Undated      int
	From, To     string
	StanceTotals []cell // in stanceCols order, over Bodies
	NoSummary    bool

	// Dek is the one-sentence summary under the title.
	Dek           string
	StanceCaution string
	Findings      struct {
		Stance, Heat, Grounds, Families, Time string
	}

	StanceCols  []stanceCol
	Grounds     []string
	Bodies      []bodyRow
	GroundRows  []groundRow
	HeatBodies  []string
	HeatRows    []heatRow
	HeatMixed   bool
	Groups      int
	Ungrouped   int
	Campaigns   int
	Families    []familyRow
	FamilyTotal int
	Months      []monthRow
	MonthBodies []string // bodies selectable in the over-time chart

	Charts struct {
		Stance, Heat, Grounds, Families, Time chartView
	}
	TimeSeries template.HTML // per-body series for the selector

	Pages   []pageLink
	Exports []exportLink

	Config       []configRow
	Independence string
	Caveat       string
	// Agreement says how often the classifier's default rules agree with
	// coders on labelled samples (classify.Measured).
	Agreement string
	Cite      string
	Sources   []string
}

// stanceCols is the fixed stance order of every table and chart.
func stanceCols() []stanceCol {
	out := make([]stanceCol, len(classify.Stances))
	for i, s := range classify.Stances {
		out[i] = stanceCol{Stance: s, Label: stanceLabel(s), Colour: colourOf(s)}
	}
	return out
}

// index holds lookups over a Result shared by the main page, the group
// pages and the exports.
type index struct {
	res     *analysis.Result
	byID    map[string]int // record ID → index into Answers
	groupOf map[string]int // group ID → index into Groups
}

func newIndex(res *analysis.Result) *index {
	ix := &index{res: res, byID: make(map[string]int, len(res.Answers)), groupOf: make(map[string]int, len(res.Groups))}
	for i, a := range res.Answers {
		if a.Record == nil {
			continue
		}
		if _, dup := ix.byID[a.Record.ID]; !dup {
			ix.byID[a.Record.ID] = i
		}
	}
	for i, g := range res.Groups {
		ix.groupOf[g.ID] = i
	}
	return ix
}

// member returns the analysed answer of a group member: by record ID, or by
// Index when the ID is absent. ok is false when neither finds it.
func (ix *index) member(m roundrobin.Member) (*analysis.Answer, bool) {
	if i, ok := ix.byID[m.ID]; ok {
		return &ix.res.Answers[i], true
	}
	if m.ID == "" && m.Index >= 0 && m.Index < len(ix.res.Answers) && ix.res.Answers[m.Index].Record != nil {
		return &ix.res.Answers[m.Index], true
	}
	return nil, false
}

// pageOf returns the 1-based page number of the i-th group (0-based).
func pageOf(i int) int { return i/groupsPerPage + 1 }

// pageName is the element ID of group page n, a section of the report.
func pageName(n int) string { return fmt.Sprintf("groups-%04d", n) }

// classified reports whether an answer carries one of the five stances.
func classified(a *analysis.Answer) bool {
	for _, s := range classify.Stances {
		if a.Verdict.Stance == s {
			return true
		}
	}
	return false
}

// buildMain computes the main page model.
func buildMain(ix *index, opt Options, filesDir string) (*mainModel, error) {
	res := ix.res
	m := &mainModel{
		Title:      opt.Title,
		Version:    versionOf(res, opt),
		StanceCols: stanceCols(),
	}
	if m.Title == "" {
		m.Title = "How departments answered"
	}
	for _, g := range classify.Grounds {
		m.Grounds = append(m.Grounds, groundLabel(g))
	}

	headline(m, res)
	stanceTable(m, res)
	groundTable(m, res)
	heatTable(m, ix, filesDir)
	familyTable(m, res)
	monthTable(m, res)

	var err error
	if m.Charts.Stance, err = stanceChart(m); err != nil {
		return nil, err
	}
	if m.Charts.Heat, err = heatChart(m); err != nil {
		return nil, err
	}
	if m.Charts.Grounds, err = groundChart(m); err != nil {
		return nil, err
	}
	if m.Charts.Families, err = familyChart(m, res); err != nil {
		return nil, err
	}
	if m.Charts.Time, m.TimeSeries, err = timeChart(m, res); err != nil {
		return nil, err
	}

	npages := (len(res.Groups) + groupsPerPage - 1) / groupsPerPage
	for n := 1; n <= npages; n++ {
		lo := (n - 1) * groupsPerPage
		hi := min(lo+groupsPerPage, len(res.Groups))
		m.Pages = append(m.Pages, pageLink{N: n, Href: "#" + pageName(n), First: res.Groups[lo].ID, Last: res.Groups[hi-1].ID})
	}
	for _, e := range exportFiles {
		m.Exports = append(m.Exports, exportLink{Name: e.name, CSV: filesDir + "/" + e.name + ".csv", JSON: filesDir + "/" + e.name + ".json", Title: e.title})
	}
	methods(m, res)
	return m, nil
}

// headline fills what was read and the overall counts.
func headline(m *mainModel, res *analysis.Result) {
	s := res.Summary
	if s == nil {
		m.NoSummary = true
		s = &corpus.Summary{}
	}
	for _, k := range sortedKeys(s.Read) {
		m.Read = append(m.Read, kv{Key: string(k), Count: s.Read[k], Label: sourceName(k)})
	}
	m.Total = s.Total()
	m.Files = append(m.Files, s.Files...)
	for _, k := range sortedKeys(s.Skipped) {
		m.Skipped = append(m.Skipped, kv{Key: k, Count: s.Skipped[k]})
		m.SkippedTotal += s.Skipped[k]
	}
	m.Truncated, m.Hydrated = s.Truncated, s.Hydrated
	for _, k := range sortedKeys(s.UnknownBodies) {
		m.Unknown = append(m.Unknown, kv{Key: k, Count: s.UnknownBodies[k]})
	}
	m.ProblemCount = len(s.Problems)
	for i, p := range s.Problems {
		if i == maxProblems {
			break
		}
		if p == nil {
			m.Problems = append(m.Problems, "(nil problem)")
			continue
		}
		if p.Err == nil {
			m.Problems = append(m.Problems, fmt.Sprintf("%s: %s: field %s", p.File, p.Record, p.Field))
			continue
		}
		m.Problems = append(m.Problems, p.Error())
	}

	var from, to time.Time
	for i := range res.Answers {
		a := &res.Answers[i]
		m.Answers++
		if a.Verdict.Overridden {
			m.Overridden++
		}
		if !classified(a) {
			m.Unanswered++
			continue
		}
		m.Classified++
		if a.Record == nil || a.Record.DateAnswered.IsZero() {
			m.Undated++
			continue
		}
		d := a.Record.DateAnswered
		if from.IsZero() || d.Before(from) {
			from = d
		}
		if to.IsZero() || d.After(to) {
			to = d
		}
	}
	m.From, m.To = day(from), day(to)
}

// stanceTable fills the stance-by-body table and the stance finding.
func stanceTable(m *mainModel, res *analysis.Result) {
	overridden := map[string]int{}
	for i := range res.Answers {
		a := &res.Answers[i]
		if a.Verdict.Overridden && a.Record != nil && classified(a) {
			overridden[a.Record.Department]++
		}
	}
	totals := make([]int, len(classify.Stances))
	all := 0
	for _, b := range res.Bodies {
		row := bodyRow{Body: b.Body, Answers: b.Answers, Overridden: overridden[b.Body]}
		for j, s := range classify.Stances {
			p := b.Stances[s]
			row.Cells = append(row.Cells, cell{Count: p.Count, Share: pct(p.Share), CI: ci(p.Low, p.High)})
			totals[j] += p.Count
		}
		all += b.Answers
		m.Bodies = append(m.Bodies, row)
	}
	for j := range classify.Stances {
		share := 0.0
		if all > 0 {
			share = float64(totals[j]) / float64(all)
		}
		m.StanceTotals = append(m.StanceTotals, cell{Count: totals[j], Share: pct(share)})
	}
	m.Dek, m.Findings.Stance, m.StanceCaution = stanceFinding(res, totals, all)
}

// stanceFinding says, from the data, what the stance chart shows: the mix
// overall, and which body declined the largest and smallest share among
// those with enough answers to rank.
//
// It returns the overall mix alone (the report's dek), the whole finding
// as one sentence, and a caution when no body has enough answers to rank.
func stanceFinding(res *analysis.Result, totals []int, all int) (overall, finding, caution string) {
	if all == 0 {
		s := "No answers were classified, so there is nothing to compare."
		return s, s, ""
	}
	var parts []string
	for j, s := range classify.Stances {
		if totals[j] > 0 {
			parts = append(parts, fmt.Sprintf("%s %s (%s)", thousands(totals[j]), stanceLabel(s), pct0(float64(totals[j])/float64(all))))
		}
	}
	out := fmt.Sprintf("Of %s, %s", plural(all, "classified answer", "classified answers"), listAnd(parts))
	minN := findingMin
	var elig []analysis.BodyStats
	for _, b := range res.Bodies {
		if b.Answers >= minN {
			elig = append(elig, b)
		}
	}
	if len(elig) < 2 {
		elig = elig[:0]
		for _, b := range res.Bodies {
			if b.Answers > 0 {
				elig = append(elig, b)
			}
		}
		caution = fmt.Sprintf("No body has %d or more answers, so these shares are very uncertain.", minN)
	}
	if len(elig) < 2 {
		return out + ".", out + ".", caution
	}
	sort.SliceStable(elig, func(i, j int) bool {
		si, sj := elig[i].Stances[classify.Declined].Share, elig[j].Stances[classify.Declined].Share
		if si != sj {
			return si > sj
		}
		if elig[i].Answers != elig[j].Answers {
			return elig[i].Answers > elig[j].Answers
		}
		return elig[i].Body < elig[j].Body
	})
	desc := func(b analysis.BodyStats) string {
		p := b.Stances[classify.Declined]
		ties := 0
		for _, o := range elig {
			if o.Body != b.Body && o.Stances[classify.Declined].Share == p.Share {
				ties++
			}
		}
		t := ""
		if ties > 0 {
			t = fmt.Sprintf(", tied with %s", plural(ties, "other body", "other bodies"))
		}
		return fmt.Sprintf("%s (%s of %s, %s; 95%% CI %s%s)", b.Body, thousands(p.Count), thousands(b.Answers), pct0(p.Share), ci(p.Low, p.High), t)
	}
	hi, lo := elig[0], elig[len(elig)-1]
	scope := "among bodies"
	if caution == "" {
		scope = fmt.Sprintf("among the %d bodies with at least %d answers", len(elig), minN)
	}
	return out + ".", fmt.Sprintf("%s; %s, the largest share declined was at %s and the smallest at %s.", out, scope, desc(hi), desc(lo)), caution
}

// groundTable fills the grounds-by-body table and its finding.
func groundTable(m *mainModel, res *analysis.Result) {
	counts := make([]int, len(classify.Grounds))
	refusing := 0
	for i := range res.Answers {
		a := &res.Answers[i]
		if a.Verdict.Stance == classify.Partial || a.Verdict.Stance == classify.Declined {
			refusing++
		}
	}
	for _, b := range res.Bodies {
		row := groundRow{Body: b.Body, Answers: b.Answers}
		for j, g := range classify.Grounds {
			p := b.Grounds[g]
			row.Cells = append(row.Cells, cell{Count: p.Count, Share: pct(p.Share), CI: ci(p.Low, p.High)})
			counts[j] += p.Count
			if p.Count > 0 {
				row.Any = true
			}
		}
		m.GroundRows = append(m.GroundRows, row)
	}
	best := -1
	for j := range classify.Grounds {
		if counts[j] > 0 && (best < 0 || counts[j] > counts[best]) {
			best = j
		}
	}
	if best < 0 {
		m.Findings.Grounds = "No answer cited a refusal ground."
		return
	}
	g := classify.Grounds[best]
	out := fmt.Sprintf("The most cited ground was %s, in %s", groundLabel(g), plural(counts[best], "answer", "answers"))
	if refusing > 0 {
		out += fmt.Sprintf(" (%s of the %s that were partial or declined)", pct0(float64(counts[best])/float64(refusing)), thousands(refusing))
	}
	// The body citing it in the largest share of its answers, among those
	// with enough answers to rank (or all, if none has).
	var top *analysis.BodyStats
	for _, need := range []int{findingMin, 1} {
		for i := range res.Bodies {
			b := &res.Bodies[i]
			if b.Answers < need || b.Grounds[g].Count == 0 {
				continue
			}
			if top == nil || b.Grounds[g].Share > top.Grounds[g].Share ||
				(b.Grounds[g].Share == top.Grounds[g].Share && b.Answers > top.Answers) {
				top = b
			}
		}
		if top != nil {
			break
		}
	}
	if top != nil {
		p := top.Grounds[g]
		out += fmt.Sprintf("; %s cited it in %s of its answers (%s of %s)", top.Body, pct0(p.Share), thousands(p.Count), thousands(top.Answers))
	}
	m.Findings.Grounds = out + "."
}

// heatTable picks the groups and bodies of the heatmap and fills its table.
func heatTable(m *mainModel, ix *index, filesDir string) {
	res := ix.res
	m.Groups = len(res.Groups)
	m.Campaigns = len(res.Campaigns)
	inGroup := map[string]bool{}
	order := make([]int, len(res.Groups))
	for i := range res.Groups {
		order[i] = i
		for _, mem := range res.Groups[i].Members {
			inGroup[mem.ID] = true
		}
	}
	for i := range res.Answers {
		if r := res.Answers[i].Record; r != nil && !inGroup[r.ID] {
			m.Ungrouped++
		}
	}
	sort.SliceStable(order, func(a, b int) bool {
		return res.Groups[order[a]].Bodies() > res.Groups[order[b]].Bodies()
	})
	if len(order) > heatGroups {
		order = order[:heatGroups]
	}
	sort.Ints(order)

	// Bodies in the order of Result.Bodies, then any others by name.
	used := map[string]bool{}
	for _, gi := range order {
		for _, mem := range res.Groups[gi].Members {
			used[mem.Body] = true
		}
	}
	for _, b := range res.Bodies {
		if used[b.Body] {
			m.HeatBodies = append(m.HeatBodies, b.Body)
			delete(used, b.Body)
		}
	}
	m.HeatBodies = append(m.HeatBodies, sortedKeys(used)...)
	col := map[string]int{}
	for i, b := range m.HeatBodies {
		col[b] = i
	}

	disagree := 0
	for gi := range res.Groups {
		seen := map[classify.Stance]bool{}
		for _, mem := range res.Groups[gi].Members {
			if a, ok := ix.member(mem); ok && classified(a) {
				seen[a.Verdict.Stance] = true
			}
		}
		if len(seen) > 1 {
			disagree++
		}
	}
	for _, gi := range order {
		g := &res.Groups[gi]
		row := heatRow{Num: gi + 1, ID: g.ID, Canonical: clip(g.Canonical, 160),
			Link:  fmt.Sprintf("#g%d", gi+1),
			Cells: make([]heatCell, len(m.HeatBodies))}
		stances := make([]map[classify.Stance]bool, len(m.HeatBodies))
		for _, mem := range g.Members {
			c := col[mem.Body]
			if stances[c] == nil {
				stances[c] = map[classify.Stance]bool{}
			}
			a, ok := ix.member(mem)
			st := classify.Stance("missing")
			if ok {
				st = a.Verdict.Stance
				if a.Verdict.Overridden {
					row.Cells[c].Overridden = true
				}
			}
			stances[c][st] = true
		}
		for c, set := range stances {
			switch {
			case len(set) == 0:
			case len(set) == 1:
				for st := range set {
					row.Cells[c].Text = stanceLabel(st)
					row.Cells[c].Colour = colourOf(st)
				}
			default:
				keys := make([]string, 0, len(set))
				for st := range set {
					keys = append(keys, stanceLabel(st))
				}
				sort.Strings(keys)
				row.Cells[c].Text = "mixed: " + strings.Join(keys, ", ")
				row.Cells[c].Colour = mixedColour
				m.HeatMixed = true
			}
		}
		m.HeatRows = append(m.HeatRows, row)
	}
	switch {
	case len(res.Groups) == 0:
		m.Findings.Heat = "No round-robin groups were found: no question was put to several bodies."
	default:
		big := &res.Groups[order[0]]
		for _, gi := range order {
			if res.Groups[gi].Bodies() > big.Bodies() {
				big = &res.Groups[gi]
			}
		}
		var mix []string
		cnt := map[classify.Stance]int{}
		other := 0
		for _, mem := range big.Members {
			if a, ok := ix.member(mem); ok && classified(a) {
				cnt[a.Verdict.Stance]++
			} else {
				other++
			}
		}
		for _, s := range classify.Stances {
			if cnt[s] > 0 {
				mix = append(mix, fmt.Sprintf("%d %s", cnt[s], stanceLabel(s)))
			}
		}
		if other > 0 {
			mix = append(mix, fmt.Sprintf("%d not answered or not found", other))
		}
		m.Findings.Heat = fmt.Sprintf("%s put the same question to several bodies, and in %s of them the bodies' answers took different stances",
			capitalise(plural(len(res.Groups), "round-robin group", "round-robin groups")), thousands(disagree))
		if len(mix) > 0 {
			m.Findings.Heat += fmt.Sprintf(" (the largest, %s, went to %s: %s)", big.ID, plural(big.Bodies(), "body", "bodies"), listAnd(mix))
		}
		m.Findings.Heat += "."
	}
}

// familyTable fills the boilerplate families table and its finding.
func familyTable(m *mainModel, res *analysis.Result) {
	m.FamilyTotal = len(res.Families)
	fams := append(res.Families[:0:0], res.Families...)
	sort.SliceStable(fams, func(i, j int) bool {
		if fams[i].Answers != fams[j].Answers {
			return fams[i].Answers > fams[j].Answers
		}
		return fams[i].ID < fams[j].ID
	})
	if len(fams) > topFamilies {
		fams = fams[:topFamilies]
	}
	for _, f := range fams {
		var names []string
		for i, b := range f.Bodies {
			if i == 3 {
				names = append(names, plural(len(f.Bodies)-3, "other", "others"))
				break
			}
			names = append(names, fmt.Sprintf("%s (%d)", b.Body, b.Answers))
		}
		m.Families = append(m.Families, familyRow{ID: f.ID, Canonical: familyText(f), Answers: f.Answers,
			Bodies: listAnd(names), NBodies: len(f.Bodies), First: day(f.First), Last: day(f.Last), Variants: len(f.Variants)})
	}
	if len(fams) == 0 {
		m.Findings.Families = "No stock sentences were found: no sentence recurs across answers."
		return
	}
	f := fams[0]
	when := ""
	if !f.First.IsZero() {
		when = fmt.Sprintf(", first seen on %s and last on %s", longDay(f.First), longDay(f.Last))
	}
	m.Findings.Families = fmt.Sprintf("The most used stock sentence, “%s”, appears in %s from %s%s.",
		clip(familyText(f), 200), plural(f.Answers, "answer", "answers"), plural(len(f.Bodies), "body", "bodies"), when)
}

// monthTable fills the stance-by-month table (whole corpus) and its finding.
func monthTable(m *mainModel, res *analysis.Result) {
	months := monthCounts(res, "")
	keys := sortedKeys(months)
	for _, k := range keys {
		c := months[k]
		row := monthRow{Month: k, Label: monthLabel(k), Total: c.total}
		for j := range classify.Stances {
			row.Cells = append(row.Cells, cell{Count: c.n[j], Share: pct(share(c.n[j], c.total))})
		}
		m.Months = append(m.Months, row)
	}
	for _, b := range res.Bodies {
		m.MonthBodies = append(m.MonthBodies, b.Body)
	}
	if len(m.Months) == 0 {
		m.Findings.Time = "No classified answer has an answer date, so nothing can be shown over time."
		return
	}
	d := 2 // index of Declined in classify.Stances
	for j, s := range classify.Stances {
		if s == classify.Declined {
			d = j
		}
	}
	// Months with few answers make wild shares: compare only months with
	// at least findingMin answers, unless none has that many.
	rows, few := m.Months, ""
	var big []monthRow
	for _, r := range m.Months {
		if r.Total >= findingMin {
			big = append(big, r)
		}
	}
	if len(big) > 0 {
		if len(big) < len(m.Months) {
			few = fmt.Sprintf(" (months with fewer than %d answers left out)", findingMin)
		}
		rows = big
	} else {
		few = fmt.Sprintf(" (every month has fewer than %d answers, so these shares are very uncertain)", findingMin)
	}
	first, last := rows[0], rows[len(rows)-1]
	peak := first
	for _, r := range rows {
		if share(r.Cells[d].Count, r.Total) > share(peak.Cells[d].Count, peak.Total) {
			peak = r
		}
	}
	if len(rows) == 1 {
		m.Findings.Time = fmt.Sprintf("%s of the answers in %s were declined (%s of %s)%s.",
			capitalise(pct0(share(first.Cells[d].Count, first.Total))), first.Label, thousands(first.Cells[d].Count), thousands(first.Total), few)
		return
	}
	m.Findings.Time = fmt.Sprintf("Declined answers were %s of the month's answers in %s (%s of %s) and %s in %s (%s of %s); the highest monthly share was %s, in %s (n = %s)%s.",
		pct0(share(first.Cells[d].Count, first.Total)), first.Label, thousands(first.Cells[d].Count), thousands(first.Total),
		pct0(share(last.Cells[d].Count, last.Total)), last.Label, thousands(last.Cells[d].Count), thousands(last.Total),
		pct0(share(peak.Cells[d].Count, peak.Total)), peak.Label, thousands(peak.Total), few)
}

// monthCount is the stance counts of one month.
type monthCount struct {
	n     []int // in classify.Stances order
	total int
}

// monthCounts counts classified, dated answers by month of answer, for one
// body or (body == "") all.
func monthCounts(res *analysis.Result, body string) map[string]*monthCount {
	out := map[string]*monthCount{}
	for i := range res.Answers {
		a := &res.Answers[i]
		if a.Record == nil || a.Record.DateAnswered.IsZero() || !classified(a) {
			continue
		}
		if body != "" && a.Record.Department != body {
			continue
		}
		k := a.Record.DateAnswered.UTC().Format("2006-01")
		c := out[k]
		if c == nil {
			c = &monthCount{n: make([]int, len(classify.Stances))}
			out[k] = c
		}
		for j, s := range classify.Stances {
			if a.Verdict.Stance == s {
				c.n[j]++
			}
		}
		c.total++
	}
	return out
}

func share(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return float64(n) / float64(total)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func sortedKeys[K ~string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

// familyText is how a boilerplate family is shown to readers: its canonical
// wording as first written in the corpus, in its original case, or the
// normalised canonical text where the family records no example.
func familyText(f boilerplate.Family) string {
	if f.Example != "" {
		return f.Example
	}
	return f.Canonical
}
