package corpus_test

import (
	"errors"
	"fmt"
	"io"
	"log"
	"strings"

	"github.com/parlance-go/parlance/corpus"
)

// A list page, as the API's list endpoint returns it, read one item at a
// time. Problems (bad records) are reported and reading goes on.
func ExampleNewAPIReader() {
	page := `{"totalResults": 2, "results": [
 {"value": {"id": 1723397, "uin": "1829", "house": "Commons", "dateTabled": "2024-07-25T00:00:00",
   "answeringBodyId": 11, "answeringBodyName": "Ministry of Defence", "answerIsHolding": false,
   "questionText": "To ask the Secretary of State for Defence, if his Department will make military service family accommodation subject to the decent homes standard.",
   "dateAnswered": "2024-10-14T00:00:00", "answerText": "This Government is committed to setting new minimum standards for military housing."},
   "links": []},
 {"value": {"id": 1723398, "dateTabled": 20240725}, "links": []}
]}`
	var sum corpus.Summary
	rd := corpus.NewAPIReader(strings.NewReader(page), "page.json", nil, &sum)
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			break
		}
		var p *corpus.Problem
		if errors.As(err, &p) {
			fmt.Println("problem:", p)
			continue
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(rec.ID, rec.UIN, rec.DateTabled.Format(corpus.DateLayout), rec.Department, rec.Answered(), rec.Truncated)
		fmt.Println(rec.URL)
	}
	// Output:
	// api:1723397 1829 2024-07-25 Ministry of Defence true false
	// https://questions-statements.parliament.uk/written-questions/detail/2024-07-25/1829
	// problem: page.json: item 2: field dateTabled: question id 1723398: want a date string like "2024-07-25T00:00:00", found a number 20240725
}

// A full-text line completes a list record whose answer the list endpoint
// clipped.
func ExampleHydrate() {
	clipped := strings.Repeat("x", 255) + "..."
	list := `[{"value": {"id": 7, "uin": "70", "questionText": "To ask the Secretary of State for Transport, what plans she has for rail fares.",
	  "dateAnswered": "2025-01-10T00:00:00", "answerText": "` + clipped + `"}}]`
	full := `{"id": 7, "questionText": "To ask the Secretary of State for Transport, what plans she has for rail fares.", "answerText": "<p>Fares will be frozen.</p><p> </p><p>See <a href=\"https://www.gov.uk/fares\">the announcement</a>.</p>"}`

	rec, err := corpus.NewAPIReader(strings.NewReader(list), "list.json", nil, nil).Read()
	if err != nil {
		log.Fatal(err)
	}
	ft, err := corpus.NewFullTextReader(strings.NewReader(full), "full.jsonl", nil, nil).Read()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("truncated before:", rec.Truncated)
	fmt.Println("changed:", corpus.Hydrate(rec, ft))
	fmt.Println("truncated after:", rec.Truncated)
	fmt.Println(ft.Department)
	fmt.Println(rec.Answer)
	// Output:
	// truncated before: true
	// changed: true
	// truncated after: false
	// Department for Transport
	// Fares will be frozen.
	//
	// See the announcement (https://www.gov.uk/fares).
}

func ExampleHTMLToText() {
	fmt.Println(corpus.HTMLToText(`<p>Figures are below.</p><p> </p>` +
		`<table><tbody><tr><td><p>Year</p></td><td><p>Count</p></td></tr>` +
		`<tr><td><p>2023</p></td><td><p>1,441</p></td></tr></tbody></table>` +
		`<ul><li>first&nbsp;point</li><li>second point</li></ul>`))
	// Output:
	// Figures are below.
	//
	// Year | Count
	// 2023 | 1,441
	//
	// first point
	// second point
}
