package classify

import (
	"reflect"
	"testing"
)

func TestExtractRefs(t *testing.T) {
	cases := []struct {
		in   string
		want []Ref
	}{
		{"I refer the hon. Member to the answer I gave on 3 May 2024 to Question 12345.",
			[]Ref{{Kind: RefAnswer, UIN: "12345", Date: "2024-05-03"}}},
		{"I refer the hon. Member to the answer given on 15 November to Question 9616.",
			[]Ref{{Kind: RefAnswer, UIN: "9616", Date: "15 November"}}},
		{"I refer the hon. Member to the answers given on 6 December 2024 to Questions 16894 and 16902.",
			[]Ref{{Kind: RefAnswer, UIN: "16894", Date: "2024-12-06"}, {Kind: RefAnswer, UIN: "16902", Date: "2024-12-06"}}},
		{"I refer the Hon. Member to the Written Ministerial Statement (UIN HCWS386) made on 24 November 2022.",
			[]Ref{{Kind: RefStatement, UIN: "HCWS386", Date: "2022-11-24"}}},
		{"See statement HLWS12.", []Ref{{Kind: RefStatement, UIN: "HLWS12"}}},
		{"The data is at https://www.gov.uk/government/statistics/x.", []Ref{{Kind: RefURL, URL: "https://www.gov.uk/government/statistics/x"}}},
		{"Details can be found in the Department's Annual Report and Accounts.", []Ref{{Kind: RefPublication, Title: "Department's Annual Report and Accounts"}}},
		{"Guidance is published on GOV.UK.", []Ref{{Kind: RefPublication, Title: "GOV.UK"}}},
		{"There are 412 buses.", nil},
	}
	for _, tc := range cases {
		got := ExtractRefs(tc.in)
		for i := range got {
			if tc.in[got[i].Start:got[i].End] == "" {
				t.Errorf("%q: empty span in %+v", tc.in, got[i])
			}
			got[i].Start, got[i].End = 0, 0
		}
		if len(got) == 0 && len(tc.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ExtractRefs(%q)\n got %+v\nwant %+v", tc.in, got, tc.want)
		}
	}
}

// TestPublicationGate checks on real answers that the publication pattern
// matches only where one of pubTitleWords occurs.
func TestPublicationGate(t *testing.T) {
	recs := readFullText(t, "2024-0[789].jsonl.gz")
	shut := 0
	for _, r := range recs {
		if containsAny(r.Answer, pubTitleWords) {
			continue
		}
		shut++
		if m := reRefPub.FindAllStringSubmatchIndex(r.Answer, -1); m != nil {
			t.Errorf("%q: the gate is shut but the pattern matches at %v", r.Answer, m)
		}
	}
	if len(recs) < 1000 || shut < 100 {
		t.Errorf("only %d answers, %d with the gate shut", len(recs), shut)
	}
}
