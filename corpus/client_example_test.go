package corpus_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"

	"github.com/parlance-go/parlance/corpus"
)

// fixtureServer stands in for the Written Questions API, serving list
// pages and one detail item from the package's test fixtures.
func fixtureServer() *httptest.Server {
	var items []json.RawMessage
	b, err := os.ReadFile("testdata/client/items.json")
	if err == nil {
		err = json.Unmarshal(b, &items)
	}
	if err != nil {
		log.Fatal(err)
	}
	detail, err := os.ReadFile("testdata/client/detail_9000003.json")
	if err != nil {
		log.Fatal(err)
	}
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/questions/9000003" {
			w.Write(detail)
			return
		}
		skip, _ := strconv.Atoi(r.URL.Query().Get("skip"))
		take, _ := strconv.Atoi(r.URL.Query().Get("take"))
		page := items[min(skip, len(items)):min(skip+take, len(items))]
		json.NewEncoder(w).Encode(map[string]any{"totalResults": len(items), "results": page})
	}))
}

// Fetch the questions matching a search term, two to a page, and complete
// the texts that the list endpoint clipped.
func ExampleClient() {
	srv := fixtureServer() // in real use, leave BaseURL empty for the live API
	defer srv.Close()

	sum := &corpus.Summary{}
	c := &corpus.Client{
		BaseURL:     srv.URL,
		MinInterval: -1, // a local server needs no politeness
		Summary:     sum,
	}
	ctx := context.Background()
	var recs []*corpus.Record
	total, err := c.Search(ctx, corpus.Query{SearchTerm: "fixtures", PageSize: 2},
		func(r *corpus.Record) error {
			recs = append(recs, r)
			return nil
		})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("total:", total)
	for _, r := range recs {
		if err := c.Hydrate(ctx, r); err != nil {
			log.Fatal(err)
		}
		words := strings.Fields(r.Answer)
		opening := strings.Join(words[:min(6, len(words))], " ")
		if opening == "" {
			opening = "(no answer yet)"
		}
		fmt.Printf("%s %s: %s (%d words)\n", r.ID, r.Department, opening, len(words))
	}
	// Three list pages and one detail item were read.
	fmt.Printf("responses %d, records %d, hydrated %d, still truncated %d\n",
		len(sum.Files), sum.Total(), sum.Hydrated, sum.Truncated)
	// Output:
	// total: 5
	// api:9000001 Department for Testing: The information is not held centrally. (6 words)
	// api:9000002 Department for Testing: The information requested could only be (10 words)
	// api:9000003 Department for Testing: The Department writes synthetic fixtures so (57 words)
	// api:9000004 Ministry of Fixtures: I will reply to the hon. (11 words)
	// api:9000005 Ministry of Fixtures: (no answer yet) (0 words)
	// responses 4, records 5, hydrated 1, still truncated 0
}
