package report

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/boilerplate"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/analysis/roundrobin"
	"github.com/parlance-go/parlance/corpus"
)

// families finds each canonical sentence in the answers (exactly), sets the
// answers' boilerplate spans and shares, and returns the families.
func families(answers []analysis.Answer, canon []string) []boilerplate.Family {
	perBody := map[string]int{}
	for i := range answers {
		if classified(&answers[i]) {
			perBody[answers[i].Record.Department]++
		}
	}
	var out []boilerplate.Family
	for fi, c := range canon {
		f := boilerplate.Family{ID: fi + 1, Canonical: c, Variants: []boilerplate.Variant{{Text: c}}}
		uses := map[string]int{}
		for i := range answers {
			a := &answers[i]
			at := strings.Index(a.Record.Answer, c)
			if at < 0 {
				continue
			}
			a.Boilerplate = append(a.Boilerplate, boilerplate.Span{Start: at, End: at + len(c), Family: f.ID})
			f.Variants[0].Count++
			f.Answers++
			uses[a.Record.Department]++
			d := a.Record.DateAnswered
			if f.First.IsZero() || d.Before(f.First) {
				f.First = d
			}
			if d.After(f.Last) {
				f.Last = d
			}
		}
		for b, n := range uses {
			f.Bodies = append(f.Bodies, boilerplate.BodyUse{Body: b, Answers: n, Share: float64(n) / float64(perBody[b])})
		}
		sort.Slice(f.Bodies, func(i, j int) bool {
			if f.Bodies[i].Answers != f.Bodies[j].Answers {
				return f.Bodies[i].Answers > f.Bodies[j].Answers
			}
			return f.Bodies[i].Body < f.Bodies[j].Body
		})
		out = append(out, f)
	}
	for i := range answers {
		a := &answers[i]
		sort.Slice(a.Boilerplate, func(x, y int) bool { return a.Boilerplate[x].Start < a.Boilerplate[y].Start })
		covered := 0
		for _, s := range a.Boilerplate {
			covered += s.End - s.Start
		}
		if len(a.Record.Answer) > 0 {
			a.BoilerplateShare = math.Min(1, float64(covered)/float64(len(a.Record.Answer)))
		}
	}
	return out
}

// evidence returns evidence for each cue phrase found in text.
func evidence(text string, cues map[string]string) []classify.Evidence {
	var out []classify.Evidence
	for _, phrase := range sortedKeys(cues) {
		if at := strings.Index(text, phrase); at >= 0 {
			out = append(out, classify.Evidence{Start: at, End: at + len(phrase), Text: phrase, Cue: cues[phrase]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

const (
	secRefusal   = "As has been the case under successive administrations, it is not government policy to comment on the government’s security arrangements."
	secDetails   = "This includes any specific details regarding the make and model of security systems, which are withheld on national security grounds."
	ownDecisions = "Each Department is responsible for their own procurement decisions."
	concerns     = "The UK has serious concerns regarding the Chinese State’s use of technologies in ways that violate human rights and harm individuals and societies, including China’s use of high tech surveillance to disproportionately target Uyghurs and other minorities in Xinjiang."
	dhesiQ       = "whether their Department has purchased products manufactured by (a) Hikvision and (b) Dahua in the last three years."
)

var securityCues = map[string]string{
	"withheld on national security grounds":                        "ground:national-security",
	"not Government policy to comment on the security":             "ground:national-security",
	"unable to comment on specific security arrangements":          "ground:national-security",
	"responsible for their own procurement decisions":              "ground:other-body",
	"has not contracted directly":                                  "figure",
	"There is no recorded spending":                                "figure",
	"I refer the Hon. Member to the Written Ministerial Statement": "pointer",
}

// hikvision returns a Result modelled on the Hikvision round robin of July
// 2023 (corpus/sample/hikvision-2023-07.txt), coded as the codebook's worked
// examples code it.
func hikvision() *analysis.Result {
	type spec struct {
		id, body, heading, asker, addressee, answerer string
		tabled                                        time.Time
		answer                                        string
		stance                                        classify.Stance
		grounds                                       []classify.Ground
		conf                                          float64
		overridden                                    bool
		note                                          string
	}
	ns := classify.NationalSecurity
	specs := []spec{
		{"pp:dluhc", "Department for Levelling Up, Housing and Communities", "Dahua Technology and Hikvision", "Tanmanjeet Singh Dhesi",
			"the Secretary of State for Levelling Up, Housing and Communities", "Dehenna Davison", date(2023, 7, 18),
			secRefusal + " " + secDetails + "\n\nHowever, I refer the Hon. Member to the Written Ministerial Statement (UIN HCWS386) made by the Chancellor of the Duchy of Lancaster on 24 November 2022.",
			classify.Declined, []classify.Ground{ns}, 0.91, false, ""},
		{"pp:dhsc", "Department of Health and Social Care", "Dahua Technology and Hikvision", "Tanmanjeet Singh Dhesi",
			"the Secretary of State for Health and Social Care", "Will Quince", date(2023, 7, 18),
			"As has been the case under successive administrations, it is not Government policy to comment on the security arrangements of Government buildings. Specific details regarding security systems are withheld on national security grounds.",
			classify.Declined, []classify.Ground{ns}, 0.93, false, ""},
		{"pp:hmt", "HM Treasury", "Dahua Technology and Hikvision", "Tanmanjeet Singh Dhesi",
			"the Chancellor of the Exchequer", "John Glen", date(2023, 7, 18),
			secRefusal + " " + secDetails + "\n\n" + ownDecisions + " However, I would refer the Hon. member to the Written Ministerial Statement made by the Chancellor of the Duchy of Lancaster on 24 November 2022, which set out that Departments had been instructed to disconnect surveillance equipment from core departmental networks where it is subject to the National Intelligence Law of China.",
			classify.Declined, []classify.Ground{ns, classify.OtherBody}, 0.88, false, ""},
		{"pp:dft", "Department for Transport", "Dahua Technology and Hikvision", "Tanmanjeet Singh Dhesi",
			"the Secretary of State for Transport", "Jesse Norman", date(2023, 7, 18),
			"There is no recorded spending with either company in the last three years.",
			classify.Disclosed, nil, 0.95, false, ""},
		{"pp:dwp", "Department for Work and Pensions", "Dahua Technology and Hikvision", "Tanmanjeet Singh Dhesi",
			"the Secretary of State for Work and Pensions", "Mims Davies", date(2023, 7, 17),
			"We can confirm that the DWP has not contracted directly with either of the named suppliers during the period in question. " + secRefusal + " " + secDetails + " " + ownDecisions + " Details of Government contracts above £10,000, and £25,000 in the wider public sector, are published on Contracts Finder here.",
			classify.Partial, []classify.Ground{ns}, 0.74, false, ""},
		{"pp:co-cctv", "Cabinet Office", "Hikvision: CCTV", "Lord Alton of Liverpool",
			"His Majesty's Government", "Baroness Neville-Rolfe", date(2023, 7, 17),
			"The government keeps the risk associated with technologies such as visual surveillance equipment under close review. The installation of firmware updates to address known vulnerabilities forms part of routine departmental security procedures.",
			classify.Disclosed, nil, 0.61, false, ""},
		{"pp:co-uyghur", "Cabinet Office", "Uyghurs: China", "Lord Alton of Liverpool",
			"His Majesty's Government", "Baroness Neville-Rolfe", date(2023, 7, 17),
			concerns + " However, we are unable to comment on specific security arrangements or procedures.\n\nWe will always put national security first.",
			classify.Declined, []classify.Ground{ns}, 0.58, true, "Context only; the algorithm question is not answered."},
		{"pp:co-dhesi", "Cabinet Office", "Dahua Technology and Hikvision: CCTV", "Tanmanjeet Singh Dhesi",
			"the Minister for the Cabinet Office", "Alex Burghart", date(2023, 7, 6),
			"We can confirm that the Cabinet Office has not contracted directly with either of the named suppliers during the period in question.\n\n" + secRefusal + " " + secDetails + "\n\n" + ownDecisions + " Details of Government contracts above £10,000, and £25,000 in the wider public sector, are published on Contracts Finder (https://www.gov.uk/contracts-finder).",
			classify.Partial, []classify.Ground{ns}, 0.77, false, ""},
	}
	var answers []analysis.Answer
	for i, s := range specs {
		r := &corpus.Record{
			ID: s.id, Source: corpus.SourceParallelParliament, House: corpus.Commons,
			DateTabled: s.tabled, DateAnswered: s.tabled, Asker: corpus.Member{Name: s.asker},
			Department: s.body, Answerer: corpus.Member{Name: s.answerer}, Heading: s.heading,
			Question: "To ask " + s.addressee + ", " + dhesiQ, Answer: s.answer,
			URL: "https://www.parallelparliament.co.uk/question/example-" + string(rune('a'+i)),
		}
		if s.asker != "Tanmanjeet Singh Dhesi" {
			r.House = corpus.Lords
			r.Question = "To ask His Majesty's Government whether Hikvision cameras in the UK are secure."
		}
		answers = append(answers, analysis.Answer{Record: r, Verdict: classify.Verdict{
			Stance: s.stance, Grounds: s.grounds, Confidence: s.conf, Evidence: evidence(s.answer, securityCues),
			Overridden: s.overridden, Note: s.note,
		}})
	}
	// An unanswered record: counted, never classified.
	answers = append(answers, analysis.Answer{Record: &corpus.Record{
		ID: "pp:defra", Source: corpus.SourceParallelParliament, DateTabled: date(2023, 7, 18),
		Department: "Department for Environment, Food and Rural Affairs", Heading: "Dahua Technology and Hikvision",
		Asker: corpus.Member{Name: "Tanmanjeet Singh Dhesi"}, Question: "To ask the Secretary of State for Environment, Food and Rural Affairs, " + dhesiQ,
	}, Verdict: classify.Verdict{Stance: classify.Unanswered}})

	fams := families(answers, []string{secRefusal, secDetails, ownDecisions, concerns})
	group := roundrobin.Group{ID: "rr-0001", Asker: "Tanmanjeet Singh Dhesi", Canonical: "whether their Department has purchased products manufactured by (a) Hikvision and (b) Dahua in the last three years",
		First: date(2023, 7, 6), Last: date(2023, 7, 18)}
	for i, a := range answers {
		if a.Record.Asker.Name == "Tanmanjeet Singh Dhesi" {
			src := "exact"
			sim := 1.0
			if a.Record.ID == "pp:co-dhesi" {
				src, sim = "near", 0.83
			}
			group.Members = append(group.Members, roundrobin.Member{Index: i, ID: a.Record.ID, Body: a.Record.Department, Similarity: sim, Source: src})
			answers[i].Group = group.ID
		}
	}
	sort.Slice(group.Members, func(i, j int) bool {
		if group.Members[i].Body != group.Members[j].Body {
			return group.Members[i].Body < group.Members[j].Body
		}
		return group.Members[i].ID < group.Members[j].ID
	})
	return &analysis.Result{
		Summary: &corpus.Summary{
			Read:    map[corpus.Source]int{corpus.SourceParallelParliament: len(answers)},
			Skipped: map[string]int{"parallelparliament: Select Committee item": 1},
			Files:   []string{"hikvision-2023-07.txt"},
		},
		Answers:  answers,
		Groups:   []roundrobin.Group{group},
		Families: fams,
		// No statistics: the report gets them from analysis.Tabulated,
		// as it does for any Result built by hand.
	}
}
