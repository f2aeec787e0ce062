package corpus

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"reflect"
	"testing"

	"github.com/parlance-go/parlance/internal/shared"
)

func ExampleOpenSample() {
	s, err := OpenSample(Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	for {
		rec, err := s.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(rec.DateAnswered.Format(DateLayout), rec.Department)
	}
	sum := s.Summary()
	fmt.Println("records:", sum.Total(), "skipped:", sum.Skipped)
	// Output:
	// 2023-07-18 Ministry of Housing, Communities and Local Government
	// 2023-07-18 Department of Health and Social Care
	// 2023-07-18 HM Treasury
	// 2023-07-18 Department for Transport
	// 2023-07-17 Department for Work and Pensions
	// 2023-07-17 Cabinet Office
	// 2023-07-17 Cabinet Office
	// 2023-07-17 Cabinet Office
	// 2023-07-06 Cabinet Office
	// records: 9 skipped: map[pp: Select Committee item:1 pp: page chrome:1]
}

// ExampleReadAll reads a small API list page together with a full-text
// file: the list's clipped answer is replaced by the full one, and the
// full-text records no list record matched follow at the end.
func ExampleReadAll() {
	recs, sum, err := ReadAll([]string{"testdata/open/api"}, Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range recs {
		fmt.Printf("%s %q truncated=%v answer=%d chars\n", r.ID, r.Department, r.Truncated, len(r.Answer))
	}
	sum.WriteTo(os.Stdout)
	// Output:
	// api:101 "Department for Transport" truncated=false answer=468 chars
	// api:102 "HM Treasury" truncated=false answer=3 chars
	// api:103 "Department for Work and Pensions" truncated=false answer=4 chars
	// api:104 "" truncated=false answer=0 chars
	// read 4 records from 2 input(s)
	//   api                  4
	// hydrated from full texts: 1
	// skipped: api: duplicate id: 2
	// no answering body (department left blank): addressee not in the registry: To ask the Minister for Nowhere: 1
}

// The embedded sample is the shared page, byte for byte, and reads the same.
func TestOpenSampleMatchesSharedPage(t *testing.T) {
	path := shared.Path(t, "data/parallelparliament/hikvision-2023-07.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, sampleHikvision) {
		t.Fatal("embedded sample differs from the shared page")
	}
	fromFile, _, err := ReadAll([]string{path}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := OpenSample(Options{})
	if err != nil {
		t.Fatal(err)
	}
	fromSample, sum, err := drain(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(fromSample) != 9 || !reflect.DeepEqual(fromFile, fromSample) {
		t.Errorf("sample gives %d records, file %d, or they differ", len(fromSample), len(fromFile))
	}
	if len(sum.Files) != 1 || sum.Files[0] != SampleName {
		t.Errorf("Files %v", sum.Files)
	}
}
