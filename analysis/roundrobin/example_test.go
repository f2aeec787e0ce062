package roundrobin_test

import (
	"fmt"
	"time"

	"github.com/parlance-go/parlance/analysis/roundrobin"
	"github.com/parlance-go/parlance/corpus"
)

func ExampleNeutralise() {
	fmt.Println(roundrobin.Neutralise("To ask the Chancellor of the Exchequer, whether his Department has purchased products manufactured by Hikvision."))
	// Output: whether [dept] has purchased products manufactured by hikvision.
}

func ExampleFind() {
	day := func(d int) time.Time { return time.Date(2023, 7, d, 0, 0, 0, 0, time.UTC) }
	dhesi := corpus.Member{Name: "Tanmanjeet Singh Dhesi"}
	recs := []corpus.Record{
		{ID: "pp:1", Asker: dhesi, Department: "Department for Transport", DateTabled: day(18),
			Question: "To ask the Secretary of State for Transport, whether their Department has purchased products manufactured by (a) Hikvision and (b) Dahua in the last three years."},
		{ID: "pp:2", Asker: dhesi, Department: "HM Treasury", DateTabled: day(18),
			Question: "To ask the Chancellor of the Exchequer, whether their Department has purchased products manufactured by (a) Hikvision and (b) Dahua in the last three years."},
		{ID: "pp:3", Asker: dhesi, Department: "Cabinet Office", DateTabled: day(6),
			Question: "To ask the Minister for the Cabinet Office, whether the Government has purchased any products manufactured by Hikvision or Dahua in the last three years."},
		{ID: "pp:4", Asker: corpus.Member{Name: "Lord Alton of Liverpool"}, Department: "Cabinet Office", DateTabled: day(17),
			Question: "To ask His Majesty's Government whether Hikvision cameras in the UK contain any software to track ethnoreligious individuals targeted by the Chinese State."},
	}
	groups, campaigns := roundrobin.Find(recs, roundrobin.Config{})
	for _, g := range groups {
		fmt.Printf("%s: %d bodies, %s to %s\n  %s\n", g.ID, g.Bodies(), g.First.Format(corpus.DateLayout), g.Last.Format(corpus.DateLayout), g.Canonical)
		for _, m := range g.Members {
			fmt.Printf("  %s %-24s %-5s %.2f\n", m.ID, m.Body, m.Source, m.Similarity)
		}
	}
	fmt.Println("campaigns:", len(campaigns))
	// Output:
	// rr-0001: 3 bodies, 2023-07-06 to 2023-07-18
	//   whether [dept] has purchased products manufactured by (a) hikvision and (b) dahua in the last three years.
	//   pp:3 Cabinet Office           near  1.00
	//   pp:1 Department for Transport exact 1.00
	//   pp:2 HM Treasury              exact 1.00
	// campaigns: 0
}
