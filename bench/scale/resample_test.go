package main

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func str(s string) *string { return &s }

// fixture is a small base of full texts: answers with and without
// numbers, markup with character references, an unanswered question.
func fixture() []FullText {
	return []FullText{
		{ID: 101, QuestionText: str("To ask the Secretary of State for Transport, how many buses ran in 2023."), AnswerText: str("<p>In 2023 there were 4,512 buses&#160;in service.</p>")},
		{ID: 102, QuestionText: str("To ask the Secretary of State for Health, what assessment he has made of waiting lists."), AnswerText: str("<p>The Department does not hold this information &amp; will write.</p>")},
		{ID: 103, QuestionText: str("To ask the Chancellor of the Exchequer, what the cost was."), AnswerText: nil},
		{ID: 104, QuestionText: str("To ask the Home Secretary, how many officers serve in London."), AnswerText: str("<p>There are 33 officers in <strong>London</strong>, and 12 in Kent.</p><br/><p>Figures are provisional.</p>")},
		{ID: 105, QuestionText: str("To ask the Secretary of State for Education, when the review will report."), AnswerText: str("The review will report in due course.")},
		{ID: 106, QuestionText: str("To ask the Secretary of State for Foreign, Commonwealth and Development Affairs, what steps she is taking."), AnswerText: str("<p>We are taking 3 steps.</p>")},
	}
}

func stream(t *testing.T, r *Resampler, n int) []FullText {
	t.Helper()
	out := make([]FullText, n)
	for i := range out {
		out[i] = r.Record(i)
	}
	return out
}

func TestResampleIDsUnique(t *testing.T) {
	r, err := NewResampler(fixture(), 7)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int64]bool{}
	for _, ft := range stream(t, r, 5*len(fixture())+3) {
		if seen[ft.ID] {
			t.Fatalf("id %d twice", ft.ID)
		}
		seen[ft.ID] = true
		if orig := ft.ID % IDStride; orig < 101 || orig > 106 {
			t.Errorf("id %d does not name a base record", ft.ID)
		}
	}
}

func TestResampleDeterministic(t *testing.T) {
	a, _ := NewResampler(fixture(), 7)
	b, _ := NewResampler(fixture(), 7)
	c, _ := NewResampler(fixture(), 8)
	sa, sb, sc := stream(t, a, 40), stream(t, b, 40), stream(t, c, 40)
	differ := false
	for i := range sa {
		ja, _ := json.Marshal(sa[i])
		jb, _ := json.Marshal(sb[i])
		jc, _ := json.Marshal(sc[i])
		if string(ja) != string(jb) {
			t.Fatalf("record %d differs with the same seed:\n%s\n%s", i, ja, jb)
		}
		differ = differ || string(ja) != string(jc)
	}
	if !differ {
		t.Error("seeds 7 and 8 gave the same 40 records")
	}
	// Records do not depend on the order they are asked for in.
	if got, _ := json.Marshal(b.Record(33)); string(got) != mustJSON(t, sa[33]) {
		t.Errorf("record 33 asked for alone differs: %s", got)
	}
}

func mustJSON(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var digits = regexp.MustCompile(`[0-9]+`)

func TestResampleVaries(t *testing.T) {
	base := fixture()
	r, _ := NewResampler(base, 7)
	byID := map[int64]FullText{}
	for _, ft := range base {
		byID[ft.ID] = ft
	}
	n := 10 * len(base)
	for i, ft := range stream(t, r, n) {
		orig := byID[ft.ID%IDStride]
		if i < len(base) {
			if ft.ID != orig.ID || mustJSON(t, ft) != mustJSON(t, orig) {
				t.Errorf("record %d of copy 0 is not the real record unchanged: %s", i, mustJSON(t, ft))
			}
			continue
		}
		if orig.AnswerText == nil {
			if ft.AnswerText != nil {
				t.Errorf("record %d: unanswered question got an answer", i)
			}
			continue
		}
		a, o := *ft.AnswerText, *orig.AnswerText
		if a == o {
			t.Errorf("record %d: answer not varied: %s", i, a)
		}
		// The markup is untouched: same tags and character references.
		if tags(a) != tags(o) {
			t.Errorf("record %d: markup changed:\n%s\n%s", i, o, a)
		}
		on, an := digits.FindAllString(o, -1), digits.FindAllString(a, -1)
		if len(on) != len(an) {
			t.Fatalf("record %d: numbers %v became %v", i, on, an)
		}
		changed := 0
		for k := range on {
			if on[k] != an[k] {
				changed++
				if len(on[k]) != len(an[k]) {
					t.Errorf("record %d: %s became %s, not as many digits", i, on[k], an[k])
				}
			}
		}
		// "&#160;" holds digits that must stay; of the others exactly one changes.
		if plain := digits.FindAllString(stripRefs(o), -1); len(plain) > 0 && changed != 1 {
			t.Errorf("record %d: %d numbers changed, want 1:\n%s\n%s", i, changed, o, a)
		}
		// The addressee, which names the answering body, is kept.
		q, oq := *ft.QuestionText, *orig.QuestionText
		addr := oq[:addresseeEnd.FindStringIndex(oq)[0]+1]
		if !strings.HasPrefix(q, addr) || q == oq {
			t.Errorf("record %d: question %q from %q", i, q, oq)
		}
	}
}

var tagOrRef = regexp.MustCompile(`<[^>]*>|&#?[A-Za-z0-9]+;`)

func tags(s string) string { return strings.Join(tagOrRef.FindAllString(s, -1), "") }

func stripRefs(s string) string { return tagOrRef.ReplaceAllString(s, " ") }

func TestNewResamplerRejects(t *testing.T) {
	dup := append(fixture(), FullText{ID: 101, AnswerText: str("again")})
	if _, err := NewResampler(dup, 1); err == nil || !strings.Contains(err.Error(), "101") {
		t.Errorf("duplicate id: err %v", err)
	}
	big := append(fixture(), FullText{ID: IDStride, AnswerText: str("big")})
	if _, err := NewResampler(big, 1); err == nil {
		t.Error("id at IDStride accepted")
	}
}

func TestWriteSizes(t *testing.T) {
	r, _ := NewResampler(fixture(), 7)
	dir := t.TempDir()
	sizes := []int{4, 8, 13}
	spans, files := planFiles(dir, sizes, 4)
	if err := r.writeSpans(spans, 2); err != nil {
		t.Fatal(err)
	}
	for _, n := range sizes {
		var got []FullText
		for _, f := range files[n] {
			got = append(got, readGz(t, f)...)
		}
		if len(got) != n {
			t.Fatalf("size %d: %d records in %v", n, len(got), files[n])
		}
		for i, ft := range got {
			if mustJSON(t, ft) != mustJSON(t, r.Record(i)) {
				t.Errorf("size %d record %d: %s, want %s", n, i, mustJSON(t, ft), mustJSON(t, r.Record(i)))
			}
		}
	}
	// The files read back by the loader the benchmark uses for the base.
	back, err := LoadFullTexts(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) == 0 {
		t.Error("LoadFullTexts read nothing back")
	}
}

func readGz(t *testing.T, name string) []FullText {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	var out []FullText
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var ft FullText
		if err := json.Unmarshal([]byte(l), &ft); err != nil {
			t.Fatalf("%s: %v", filepath.Base(name), err)
		}
		out = append(out, ft)
	}
	return out
}

func TestFitAndStages(t *testing.T) {
	// y = 3 n^1.5 exactly.
	ns := []int{1000, 2000, 8000}
	ys := make([]float64, len(ns))
	for i, n := range ns {
		ys[i] = 3 * math.Pow(float64(n), 1.5)
	}
	if b, k := fit(ns, ys); k != 3 || b < 1.4999 || b > 1.5001 {
		t.Errorf("fit = %v over %d, want 1.5 over 3", b, k)
	}
	names, sec := parseStages([]byte("read             3.09s  49450 records\nsegment          0.38s\nclassify        21.69s\ntotal 27.70s; 3 groups\npeak RSS 486 MB\n"))
	if strings.Join(names, ",") != "read,segment,classify" || sec["classify"] != 21.69 {
		t.Errorf("parseStages = %v %v", names, sec)
	}
}
