package report

import (
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/analysis/roundrobin"
)

// memberView is one answer in a group, as shown side by side.
type memberView struct {
	Body       string
	RecordID   string
	Missing    bool // the member's record is not among the Result's answers
	Heading    string
	Asker      string
	Answerer   string
	Tabled     string
	Answered   string
	Question   template.HTML
	Answer     template.HTML
	URL        string // http(s) only, else ""
	Stance     string
	Colour     string
	Grounds    []string
	Confidence string
	Overridden bool
	Note       string
	Joined     string // why the record joined the group, with similarity
	Boiler     string // share of the answer covered by stock sentences
	Evidence   []evidenceView
	Unplaced   int // evidence or boilerplate spans whose offsets fall outside the text
	Flags      []string
}

// evidenceView is one piece of evidence listed under an answer.
type evidenceView struct {
	Cue  string
	Text string
}

// groupView is one round-robin group.
type groupView struct {
	Num       int
	ID        string
	Asker     string
	Canonical string
	First     string
	Last      string
	Bodies    int
	Mix       string
	Members   []memberView
}

// pageModel is one page of round-robin groups: a collapsed section of the
// report, so that a corpus of thousands of groups keeps the page light.
type pageModel struct {
	ID              string // element ID of the page's section
	N               int
	Groups          []groupView
	First           int // 1-based number of the first group on the page
	Last            int
	Total           int
	FirstID, LastID string
}

// safeURL keeps only absolute http(s) links to sources.
func safeURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// memberOf builds the view of one group member.
func memberOf(ix *index, mem roundrobin.Member) memberView {
	v := memberView{Body: mem.Body, RecordID: mem.ID, Joined: mem.Source}
	if mem.Similarity > 0 {
		v.Joined = fmt.Sprintf("%s, similarity %.2f", mem.Source, mem.Similarity)
	}
	a, ok := ix.member(mem)
	if !ok {
		v.Missing = true
		v.Stance, v.Colour = "missing", colourOf(classify.Unanswered)
		return v
	}
	return fillMember(v, a)
}

// fillMember adds an analysed answer's record and verdict to a view.
func fillMember(v memberView, a *analysis.Answer) memberView {
	r := a.Record
	vd := a.Verdict
	if a.BodyName != "" && a.BodyName != v.Body {
		// The name in use on the answer's date; the group lists the
		// canonical body that counts use.
		v.Body = a.BodyName + " (now " + v.Body + ")"
	}
	v.Heading, v.Asker, v.Answerer = r.Heading, r.Asker.Name, r.Answerer.Name
	v.Tabled, v.Answered = day(r.DateTabled), day(r.DateAnswered)
	var n1, n2 int
	v.Question, n1 = highlight(r.Question, questionSpans(vd.Evidence))
	v.Answer, n2 = highlight(r.Answer, answerSpans(a.Boilerplate, vd.Evidence))
	v.Unplaced = n1 + n2
	v.URL = safeURL(r.URL)
	v.Stance, v.Colour = stanceLabel(vd.Stance), colourOf(vd.Stance)
	for _, g := range vd.Grounds {
		v.Grounds = append(v.Grounds, groundLabel(g))
	}
	if classified(a) {
		v.Confidence = fmt.Sprintf("%.2f", vd.Confidence)
	}
	v.Overridden, v.Note = vd.Overridden, vd.Note
	if a.BoilerplateShare > 0 {
		v.Boiler = pct0(a.BoilerplateShare)
	}
	for _, e := range vd.Evidence {
		// The plain words say whether a cue is about the question; the
		// codes are in the exports.
		v.Evidence = append(v.Evidence, evidenceView{Cue: cueLabel(e.Cue), Text: clip(e.Text, 200)})
	}
	for _, f := range []struct {
		on   bool
		name string
	}{{r.Holding, "holding answer"}, {r.Corrected, "corrected"}, {r.Withdrawn, "withdrawn"}, {r.Truncated, "text incomplete"}} {
		if f.on {
			v.Flags = append(v.Flags, f.name)
		}
	}
	return v
}

// buildPage builds group page n (1-based).
func buildPage(ix *index, n int) *pageModel {
	res := ix.res
	lo := (n - 1) * groupsPerPage
	hi := min(lo+groupsPerPage, len(res.Groups))
	p := &pageModel{ID: pageName(n), N: n, First: lo + 1, Last: hi, Total: len(res.Groups), FirstID: res.Groups[lo].ID, LastID: res.Groups[hi-1].ID}
	for gi := lo; gi < hi; gi++ {
		g := &res.Groups[gi]
		gv := groupView{Num: gi + 1, ID: g.ID, Asker: res.AskerName(g.Asker), Canonical: g.Canonical, First: day(g.First), Last: day(g.Last), Bodies: g.Bodies()}
		cnt := map[string]int{}
		for _, mem := range g.Members {
			mv := memberOf(ix, mem)
			cnt[mv.Stance]++
			gv.Members = append(gv.Members, mv)
		}
		var mix []string
		for _, s := range classify.Stances {
			if c := cnt[stanceLabel(s)]; c > 0 {
				mix = append(mix, fmt.Sprintf("%d %s", c, stanceLabel(s)))
				delete(cnt, stanceLabel(s))
			}
		}
		for _, k := range sortedKeys(cnt) {
			mix = append(mix, fmt.Sprintf("%d %s", cnt[k], k))
		}
		gv.Mix = strings.Join(mix, " · ")
		p.Groups = append(p.Groups, gv)
	}
	return p
}
