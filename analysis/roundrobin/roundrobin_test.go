package roundrobin

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parlance-go/parlance/corpus"
)

func TestNeutralise(t *testing.T) {
	cases := []struct{ in, want string }{
		{"To ask the Secretary of State for Transport, whether their Department has purchased products manufactured by (a) Hikvision and (b) Dahua in the last three years.",
			"whether [dept] has purchased products manufactured by (a) hikvision and (b) dahua in the last three years."},
		{"To ask the Secretary of State for Levelling Up, Housing and Communities, whether their Department has purchased products manufactured by (a) Hikvision and (b) Dahua in the last three years.",
			"whether [dept] has purchased products manufactured by (a) hikvision and (b) dahua in the last three years."},
		{"To ask the Chancellor of the Exchequer, what assessment he has made of his Department’s  policy.",
			"what assessment [minister] has made of [dept]'s policy."},
		{"To ask the Minister for the Cabinet Office, whether the Government has purchased any products.",
			"whether [dept] has purchased any products."},
		{"To ask His Majesty's Government whether Hikvision cameras in the UK contain any software.",
			"whether hikvision cameras in the uk contain any software."},
		{"To ask the Secretary of State for Environment, Food and Rural Affairs, if she will make a statement on her policy and the Department's “targets”.",
			`if [minister] will make a statement on [minister's] policy and [dept]'s "targets".`},
		{"To ask the Secretary of State for Health and Social Care, (a) how many and (b) which hospitals…",
			"(a) how many and (b) which hospitals..."},
		{"To ask the Secretary of State for Transport, What steps his Department is taking.",
			"what steps [dept] is taking."},
		{"To ask the hon. Member for Hove and Portslade, representing the Church Commissioners, whether the Church will offer payroll deductions.",
			"whether the church will offer payroll deductions."},
		{"What steps he is taking on the theme of hereditary peers.", // no addressee; "the" and "he" inside words untouched
			"what steps [minister] is taking on the theme of hereditary peers."},
	}
	for _, c := range cases {
		if got := Neutralise(c.in); got != c.want {
			t.Errorf("Neutralise(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestSimilarity(t *testing.T) {
	a := "To ask the Minister for the Cabinet Office, whether the Government has purchased any products manufactured by Hikvision or Dahua in the last three years."
	b := "To ask the Secretary of State for Transport, whether their Department has purchased products manufactured by (a) Hikvision and (b) Dahua in the last three years."
	if s := Similarity(a, b); s != 1 {
		t.Errorf("Hikvision rewording: similarity %v, want 1 (same content words)", s)
	}
	c := "To ask the Secretary of State for Transport, whether their Department has purchased products manufactured by Huawei in the last five years."
	if s := Similarity(b, c); s > 0.7 || s <= 0 {
		t.Errorf("different question: similarity %v, want in (0, 0.7]", s)
	}
	// A clipped copy compares over the stretch both have.
	clippedB := b[:90] + "..."
	if s := Similarity(clippedB, b); s != 1 {
		t.Errorf("clipped copy: similarity %v, want 1", s)
	}
	if s := Similarity("", ""); s != 0 {
		t.Errorf("empty texts: %v, want 0", s)
	}
}

func day(d int) time.Time { return time.Date(2023, 7, d, 0, 0, 0, 0, time.UTC) }

func rec(id, asker, body string, d int, q string) corpus.Record {
	return corpus.Record{ID: id, Asker: corpus.Member{Name: asker}, Department: body, DateTabled: day(d), Question: q}
}

func TestFindFixture(t *testing.T) {
	const q = ", whether their Department has purchased products manufactured by (a) Hikvision and (b) Dahua in the last three years."
	recs := []corpus.Record{
		rec("pp:1", "Dhesi", "DfT", 18, "To ask the Secretary of State for Transport"+q),
		rec("pp:2", "Dhesi", "DWP", 17, "To ask the Secretary of State for Work and Pensions"+q),
		rec("pp:3", "Dhesi", "Cabinet Office", 6, "To ask the Minister for the Cabinet Office, whether the Government has purchased any products manufactured by Hikvision or Dahua in the last three years."),
		// Same text a month later: outside the window, a group of its own
		// but it has one body only, so it is not reported.
		rec("pp:4", "Dhesi", "DfT", 30+18-30+20, "To ask the Secretary of State for Transport"+q),
		// A templated series on one day: different questions, same bodies.
		rec("pp:5", "Smith", "DfT", 3, "To ask the Secretary of State for Transport, how many staff in his Department are based in India."),
		rec("pp:6", "Smith", "DWP", 3, "To ask the Secretary of State for Work and Pensions, how many staff in her Department are based in India."),
		rec("pp:7", "Smith", "DfT", 3, "To ask the Secretary of State for Transport, how many staff in his Department are based in China."),
		rec("pp:8", "Smith", "DWP", 3, "To ask the Secretary of State for Work and Pensions, how many staff in her Department are based in China."),
		// Another asker with Dhesi's text: a campaign link, not a member.
		rec("pp:9", "Jones", "DHSC", 20, "To ask the Secretary of State for Health and Social Care"+q),
		// No asker: never grouped.
		rec("pp:10", "", "HMT", 18, "To ask the Chancellor of the Exchequer"+q),
	}
	recs[3].DateTabled = time.Date(2023, 8, 20, 0, 0, 0, 0, time.UTC)
	groups, campaigns := Find(recs, Config{})
	var got []string
	for _, g := range groups {
		var ms []string
		for _, m := range g.Members {
			ms = append(ms, fmt.Sprintf("%s/%s/%s/%.2f", m.ID, m.Body, m.Source, m.Similarity))
		}
		got = append(got, fmt.Sprintf("%s %s %d %s..%s [%s] %q", g.ID, g.Asker, g.Bodies(),
			g.First.Format("01-02"), g.Last.Format("01-02"), strings.Join(ms, " "), g.Canonical))
	}
	want := []string{
		`rr-0001 name:Dhesi 3 07-06..07-18 [pp:3/Cabinet Office/near/1.00 pp:2/DWP/exact/1.00 pp:1/DfT/exact/1.00] "whether [dept] has purchased products manufactured by (a) hikvision and (b) dahua in the last three years."`,
		`rr-0002 name:Smith 2 07-03..07-03 [pp:8/DWP/exact/1.00 pp:7/DfT/exact/1.00] "how many staff in [dept] are based in china."`,
		`rr-0003 name:Smith 2 07-03..07-03 [pp:6/DWP/exact/1.00 pp:5/DfT/exact/1.00] "how many staff in [dept] are based in india."`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("groups:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(campaigns) != 1 {
		t.Fatalf("campaigns: %+v, want 1", campaigns)
	}
	c := campaigns[0]
	if !reflect.DeepEqual(c.Askers, []string{"name:Dhesi", "name:Jones"}) || !reflect.DeepEqual(c.Groups, []string{"rr-0001"}) ||
		!reflect.DeepEqual(c.Records, []string{"pp:4", "pp:9"}) {
		t.Errorf("campaign: %+v", c)
	}
}

func TestFindGroupedUINs(t *testing.T) {
	// DfT answered two copies of the question together (a grouped answer):
	// they share one answer and may sit in one group; DWP's copy is not
	// linked to the DfT ones.
	const q = ", how many electric vehicles their Department owns."
	recs := []corpus.Record{
		rec("a:1", "X", "DfT", 3, "To ask the Secretary of State for Transport"+q),
		rec("a:2", "X", "DfT", 4, "To ask the Secretary of State for Transport, how many electric vehicles their Department owns?"),
		rec("a:3", "X", "DWP", 3, "To ask the Secretary of State for Work and Pensions"+q),
		rec("a:4", "X", "DfT", 4, "To ask the Secretary of State for Transport, what the fleet size is."),
	}
	recs[0].UIN, recs[1].UIN, recs[2].UIN, recs[3].UIN = "100", "101", "102", "103"
	recs[0].GroupedUINs = []string{"101", "103"}
	groups, _ := Find(recs, Config{})
	if len(groups) != 1 {
		t.Fatalf("groups: %+v", groups)
	}
	var got []string
	for _, m := range groups[0].Members {
		got = append(got, fmt.Sprintf("%s %s %v", m.ID, m.Source, m.AnsweredWith))
	}
	want := []string{"a:3 exact []", "a:1 exact [a:2 a:4]", "a:2 grouped-uin [a:1]"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("members %q, want %q", got, want)
	}
	// Without the grouping, DfT's second copy cannot join: a round robin
	// asks each body once.
	recs[0].GroupedUINs = nil
	groups, _ = Find(recs, Config{})
	if len(groups) != 1 || len(groups[0].Members) != 2 {
		t.Errorf("without grouping: %+v", groups)
	}
}

func TestFindDeterministic(t *testing.T) {
	recs := loadHikvision(t)
	g1, c1 := Find(recs, Config{})
	rev := append([]corpus.Record(nil), recs...)
	sort.Slice(rev, func(i, j int) bool { return rev[i].ID > rev[j].ID })
	g2, c2 := Find(rev, Config{})
	for i := range g2 {
		for j := range g2[i].Members {
			g2[i].Members[j].Index = g1[i].Members[j].Index // indices follow input order
		}
	}
	if !reflect.DeepEqual(g1, g2) || !reflect.DeepEqual(c1, c2) {
		t.Errorf("output depends on input order")
	}
}

func TestHikvisionPage(t *testing.T) {
	recs := loadHikvision(t)
	if len(recs) != 9 {
		t.Fatalf("read %d written questions, want 9", len(recs))
	}
	groups, campaigns := Find(recs, Config{})
	if len(groups) != 1 {
		t.Fatalf("%d groups, want 1: %+v", len(groups), groups)
	}
	g := groups[0]
	var bodies []string
	for _, m := range g.Members {
		bodies = append(bodies, m.Body)
		if strings.Contains(recs[m.Index].Asker.Name, "Alton") {
			t.Errorf("Lord Alton's question %s is in the round robin", m.ID)
		}
	}
	want := []string{"Cabinet Office", "Department for Levelling Up, Housing & Communities", "Department for Transport",
		"Department for Work and Pensions", "Department of Health and Social Care", "HM Treasury"}
	if !reflect.DeepEqual(bodies, want) {
		t.Errorf("bodies %q, want %q", bodies, want)
	}
	if g.First != time.Date(2023, 7, 6, 0, 0, 0, 0, time.UTC) || g.Last != time.Date(2023, 7, 18, 0, 0, 0, 0, time.UTC) {
		t.Errorf("span %v..%v", g.First, g.Last)
	}
	if len(campaigns) != 0 {
		t.Errorf("campaigns %+v, want none", campaigns)
	}
	t.Logf("%s: %d bodies, canonical %q", g.ID, g.Bodies(), g.Canonical)
}
