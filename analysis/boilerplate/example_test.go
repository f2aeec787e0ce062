package boilerplate_test

import (
	"fmt"

	"github.com/parlance-go/parlance/analysis/boilerplate"
)

func ExampleFind() {
	docs := []boilerplate.Doc{
		{ID: "api:1", Body: "Home Office", Text: "The information requested is not held centrally and could only be obtained at disproportionate cost."},
		{ID: "api:2", Body: "Ministry of Justice", Text: "Courts record this locally. The information requested is not held centrally and could only be obtained at a disproportionate cost."},
		{ID: "api:3", Body: "Department for Transport", Text: "This information is not held centrally and could only be obtained at disproportionate cost."},
		{ID: "api:4", Body: "Department for Transport", Text: "Rail fares are set by operators within a regulated cap."},
	}
	res := boilerplate.Find(docs, boilerplate.Config{}) // the zero Config means the defaults
	for _, f := range res.Families {
		fmt.Printf("family %d: %d answers, %d bodies, %d wordings\n  %s\n", f.ID, f.Answers, len(f.Bodies), len(f.Variants), f.Canonical)
	}
	for i, spans := range res.Spans {
		for _, s := range spans {
			fmt.Printf("%s [%d:%d] share %.2f\n", docs[i].ID, s.Start, s.End, res.Share[i])
		}
	}
	// Output:
	// family 1: 3 answers, 3 bodies, 3 wordings
	//   the information requested is not held centrally and could only be obtained at a disproportionate cost.
	// api:1 [0:100] share 1.00
	// api:2 [28:130] share 0.78
	// api:3 [0:91] share 1.00
}

// A Finder takes a corpus a batch at a time. Prepare, which reads nothing
// of the Finder but its configuration, can run on one goroutine while
// another merges the batches prepared before (AddPrepared, in order); the
// Result is Find's on all the docs.
func ExampleFinder_Prepare() {
	batches := [][]boilerplate.Doc{
		{
			{ID: "api:1", Body: "Home Office", Text: "The information requested is not held centrally and could only be obtained at disproportionate cost."},
			{ID: "api:2", Body: "Ministry of Justice", Text: "Courts record this locally. The information requested is not held centrally and could only be obtained at a disproportionate cost."},
		},
		{
			{ID: "api:3", Body: "Department for Transport", Text: "This information is not held centrally and could only be obtained at disproportionate cost."},
			{ID: "api:4", Body: "Department for Transport", Text: "Rail fares are set by operators within a regulated cap."},
		},
	}
	f := boilerplate.NewFinder(boilerplate.Config{})
	prepared := make(chan *boilerplate.Prepared, 1)
	go func() {
		for _, docs := range batches {
			prepared <- f.Prepare(docs)
		}
		close(prepared)
	}()
	for p := range prepared {
		f.AddPrepared(p)
	}
	res := f.Result()
	for _, fam := range res.Families {
		fmt.Printf("family %d: %d answers, %d bodies\n  %s\n", fam.ID, fam.Answers, len(fam.Bodies), fam.Canonical)
	}
	// Output:
	// family 1: 3 answers, 3 bodies
	//   the information requested is not held centrally and could only be obtained at a disproportionate cost.
}
