package roundrobin

// Test-only loaders for the shared real data. They are deliberately small
// and independent of the corpus readers, so that the measurements here
// check this package and not another's parser: the API list files are
// decoded straight from their JSON, and the Parallel Parliament page is
// split on its "Written Question" items.

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/internal/shared"
)

var (
	apiOnce sync.Once
	apiRecs []corpus.Record
	apiErr  error
)

type apiValue struct {
	ID                int      `json:"id"`
	AskingMemberID    int      `json:"askingMemberId"`
	House             string   `json:"house"`
	DateTabled        string   `json:"dateTabled"`
	UIN               string   `json:"uin"`
	QuestionText      string   `json:"questionText"`
	AnsweringBodyName string   `json:"answeringBodyName"`
	AnsweringBodyID   int      `json:"answeringBodyId"`
	GroupedQuestions  []string `json:"groupedQuestions"`
}

// loadAPIList reads every list file once per test binary; the first
// occurrence of an id wins, as it does in the corpus readers.
func loadAPIList(tb testing.TB) []corpus.Record {
	tb.Helper()
	dir := shared.Path(tb, "data/api/list")
	apiOnce.Do(func() { apiRecs, apiErr = readAPIList(dir) })
	if apiErr != nil {
		tb.Fatal(apiErr)
	}
	return apiRecs
}

func readAPIList(dir string) ([]corpus.Record, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json.gz"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	seen := map[int]bool{}
	var out []corpus.Record
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		zr, err := gzip.NewReader(bufio.NewReader(fh))
		if err != nil {
			fh.Close()
			return nil, err
		}
		var items []struct {
			Value apiValue `json:"value"`
		}
		err = json.NewDecoder(zr).Decode(&items)
		fh.Close()
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			v := it.Value
			if seen[v.ID] {
				continue
			}
			seen[v.ID] = true
			d, err := time.Parse("2006-01-02T15:04:05", v.DateTabled)
			if err != nil {
				return nil, err
			}
			out = append(out, corpus.Record{
				ID:           "api:" + strconv.Itoa(v.ID),
				Source:       corpus.SourceAPI,
				UIN:          v.UIN,
				House:        corpus.House(v.House),
				DateTabled:   d,
				Asker:        corpus.Member{ID: v.AskingMemberID},
				Department:   v.AnsweringBodyName,
				DepartmentID: v.AnsweringBodyID,
				Question:     v.QuestionText,
				Truncated:    utf8.RuneCountInString(v.QuestionText) == listClipRunes,
				GroupedUINs:  v.GroupedQuestions,
			})
		}
	}
	return out, nil
}

var (
	ppDateRE  = regexp.MustCompile(`^\w+day (\d+)\w\w (\w+ \d{4})$`)
	ppAskerRE = regexp.MustCompile(`^Asked by: (.+?) \(`)
	ppBodyRE  = regexp.MustCompile(`^Question to (?:the )?(.+):$`)
)

// loadHikvision reads the written questions of the Parallel Parliament page.
func loadHikvision(tb testing.TB) []corpus.Record {
	tb.Helper()
	b, err := os.ReadFile(shared.Path(tb, "data/parallelparliament/hikvision-2023-07.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	var out []corpus.Record
	for n, item := range strings.Split(string(b), "\nWritten Question\n")[1:] {
		item, _, _ = strings.Cut(item, "\nSelect Committee\n")
		var lines []string
		for _, l := range strings.Split(item, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		r := corpus.Record{ID: "pp:" + strconv.Itoa(n+1), Source: corpus.SourceParallelParliament, Heading: lines[0]}
		for i, l := range lines {
			if m := ppDateRE.FindStringSubmatch(l); m != nil {
				r.DateTabled, err = time.Parse("2 January 2006", m[1]+" "+m[2])
				if err != nil {
					tb.Fatal(err)
				}
			}
			if m := ppAskerRE.FindStringSubmatch(l); m != nil {
				r.Asker.Name = m[1]
			}
			if m := ppBodyRE.FindStringSubmatch(l); m != nil {
				r.Department = m[1]
				r.Question = lines[i+1]
			}
		}
		if r.DateTabled.IsZero() || r.Asker.Name == "" || r.Question == "" {
			tb.Fatalf("hikvision item %d: could not parse %q", n+1, lines)
		}
		out = append(out, r)
	}
	return out
}
