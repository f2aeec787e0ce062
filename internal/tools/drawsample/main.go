// Command drawsample draws the answers of the third labelling round (the
// large labelled set of the validity work) from the shared data, with fixed
// seeds, and writes their keys with their strata and split to standard
// output as TSV. It writes keys and strata only, never Hansard text.
//
//	go run ./internal/tools/drawsample [-shared ../shared] > analysis/classify/testdata/round3/sample.tsv
//	go run ./internal/tools/drawsample -dump DIR analysis/classify/testdata/round3/sample.tsv
//
// With -dump it writes, for coders, one Markdown file per batch of the
// given sample into DIR (outside the repository: it holds Hansard text):
// each answer's key, body, dates, holding flags, question and full answer,
// and nothing of any classifier's output.
//
// The frame is every answered Commons API record whose full answer text is
// known (not clipped at 255 characters) and every Commons TheyWorkForYou
// reply of October 2009, less every key already labelled (dev.tsv and the
// check sets) and, for the API, withdrawn questions and answers without
// an answering body.
//
// Allocation is proportional: the API sample of APIn answers is spread over
// the strata month × answering body × question form (the form of the
// question's first part, as classify.ReadQuestion reads it) by the largest
// remainder method, remainders tied broken by a seeded shuffle, so the
// sample mirrors the corpus; within a stratum, answers are drawn by a
// seeded shuffle. The 2009 replies are drawn the same way over body × form.
//
// The split is frozen here, before anything is trained: every API answer
// of the latest TestMonths months, and a seeded third of the 2009 replies,
// are "test"; the rest "train". Batches of BatchSize keys, in a seeded
// order, are the units handed to coders.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/corpus"
)

const (
	seed       = 20261129
	apiN       = 2000
	twfyN      = 400
	testMonths = 4
	batchSize  = 200
)

type unit struct {
	key, source, month, body, form string
	split                          string
	batch                          int
}

func main() {
	shared := flag.String("shared", "../shared", "the shared directory (data/ and labels/)")
	dumpDir := flag.String("dump", "", "write the texts of the sample file's batches into this directory")
	flag.Parse()
	var err error
	if *dumpDir != "" {
		err = dump(*shared, *dumpDir, flag.Arg(0))
	} else {
		err = run(*shared)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "drawsample:", err)
		os.Exit(1)
	}
}

func run(shared string) error {
	labelled, err := labelledKeys(shared)
	if err != nil {
		return err
	}
	months, err := fullTextMonths(filepath.Join(shared, "data/api/fulltext"))
	if err != nil {
		return err
	}
	recs, _, err := corpus.ReadAll([]string{filepath.Join(shared, "data/api/list"), filepath.Join(shared, "data/api/fulltext")}, corpus.Options{})
	if err != nil {
		return err
	}
	var api []unit
	for _, r := range recs {
		m, ok := months[r.ID]
		if !ok || labelled[r.ID] || r.Answer == "" || r.Truncated || r.Withdrawn || r.Department == "" {
			continue
		}
		api = append(api, unit{key: r.ID, source: "api", month: m, body: r.Department, form: form(r.Question)})
	}
	twfyRecs, _, err := corpus.ReadAll([]string{filepath.Join(shared, "data/twfy/wrans")}, corpus.Options{})
	if err != nil {
		return err
	}
	var twfy []unit
	for _, r := range twfyRecs {
		if labelled[r.ID] || r.Answer == "" {
			continue
		}
		twfy = append(twfy, unit{key: r.ID, source: "twfy", month: r.DateAnswered.Format("2006-01"), body: r.Department, form: form(r.Question)})
	}
	rng := rand.New(rand.NewPCG(seed, 1))
	drawnAPI := draw(api, apiN, func(u unit) string { return u.month + "\t" + u.body + "\t" + u.form }, rng)
	drawnTWFY := draw(twfy, twfyN, func(u unit) string { return u.body + "\t" + u.form }, rng)

	allMonths := map[string]bool{}
	for _, u := range api {
		allMonths[u.month] = true
	}
	ms := sortedSet(allMonths)
	firstTest := ms[len(ms)-testMonths]
	for i := range drawnAPI {
		drawnAPI[i].split = "train"
		if drawnAPI[i].month >= firstTest {
			drawnAPI[i].split = "test"
		}
	}
	perm := rng.Perm(len(drawnTWFY))
	for i, j := range perm {
		drawnTWFY[j].split = "train"
		if i < len(drawnTWFY)/3 {
			drawnTWFY[j].split = "test"
		}
	}
	all := append(drawnAPI, drawnTWFY...)
	order := rng.Perm(len(all))
	out := make([]unit, len(all))
	for i, j := range order {
		out[i] = all[j]
		out[i].batch = i/batchSize + 1
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	fmt.Fprintf(w, "# round 3 sample: drawn by internal/tools/drawsample (seed %d); frame %d API answers, %d TheyWorkForYou replies; test = API months from %s, and a third of the 2009 replies\n", seed, len(api), len(twfy), firstTest)
	fmt.Fprintln(w, "key\tsource\tmonth\tbody\tform\tsplit\tbatch")
	for _, u := range out {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%d\n", u.key, u.source, u.month, u.body, u.form, u.split, u.batch)
	}
	return nil
}

// draw takes n units, allocated to the strata named by key in proportion
// to their sizes (largest remainder, ties broken at random), each
// stratum's share drawn at random. Units come back in key order so the
// output does not depend on map iteration.
func draw(units []unit, n int, key func(unit) string, rng *rand.Rand) []unit {
	sort.Slice(units, func(i, j int) bool { return units[i].key < units[j].key })
	strata := map[string][]unit{}
	for _, u := range units {
		strata[key(u)] = append(strata[key(u)], u)
	}
	names := make([]string, 0, len(strata))
	for k := range strata {
		names = append(names, k)
	}
	sort.Strings(names)
	rng.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	quota := map[string]int{}
	type rem struct {
		name string
		frac float64
	}
	var rems []rem
	given := 0
	for _, k := range names {
		exact := float64(n) * float64(len(strata[k])) / float64(len(units))
		q := int(math.Floor(exact))
		quota[k] = q
		given += q
		rems = append(rems, rem{k, exact - float64(q)})
	}
	sort.SliceStable(rems, func(i, j int) bool { return rems[i].frac > rems[j].frac })
	for i := 0; given < n && i < len(rems); i++ {
		quota[rems[i].name]++
		given++
	}
	var out []unit
	for _, k := range names {
		s := strata[k]
		rng.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
		out = append(out, s[:quota[k]]...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out
}

// form names what the question's first part asks for, "other" when the
// surface reading finds nothing, with "+items" for lettered items.
func form(q string) string {
	f := classify.ReadQuestion(q)
	s := "other"
	if len(f.Parts) > 0 {
		s = string(f.Parts[0])
	}
	if len(f.Parts) > 1 || f.Items > 1 {
		s += "+parts"
	}
	return s
}

var reMonth = regexp.MustCompile(`(\d{4}-\d{2})\.jsonl\.gz$`)

// fullTextMonths maps each API key in the full-text files to the month its
// file is named after (the month the question was tabled).
func fullTextMonths(dir string) (map[string]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl.gz"))
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, f := range files {
		m := reMonth.FindStringSubmatch(f)
		if m == nil {
			continue
		}
		recs, _, err := corpus.ReadAll([]string{f}, corpus.Options{})
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			out[r.ID] = m[1]
		}
	}
	return out, nil
}

// labelledKeys reads the keys of every labelled set there is.
func labelledKeys(shared string) (map[string]bool, error) {
	paths := []string{filepath.Join(shared, "labels/dev.tsv")}
	more, _ := filepath.Glob("analysis/classify/testdata/*.tsv")
	paths = append(paths, more...)
	if len(more) == 0 {
		return nil, fmt.Errorf("run from the module root: analysis/classify/testdata/*.tsv not found")
	}
	out := map[string]bool{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(b), "\n") {
			if k, _, ok := strings.Cut(line, "\t"); ok && !strings.HasPrefix(k, "#") && k != "key" {
				out[k] = true
			}
		}
	}
	return out, nil
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// dump writes the texts of every batch of the sample file into dir.
func dump(shared, dir, samplePath string) error {
	b, err := os.ReadFile(samplePath)
	if err != nil {
		return err
	}
	type row struct{ key, batch string }
	var rows []row
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 7 || strings.HasPrefix(f[0], "#") || f[0] == "key" {
			continue
		}
		rows = append(rows, row{f[0], f[6]})
	}
	recs, _, err := corpus.ReadAll([]string{filepath.Join(shared, "data/api/list"), filepath.Join(shared, "data/api/fulltext"), filepath.Join(shared, "data/twfy/wrans")}, corpus.Options{})
	if err != nil {
		return err
	}
	byID := map[string]*corpus.Record{}
	for i := range recs {
		byID[recs[i].ID] = &recs[i]
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	files := map[string]*strings.Builder{}
	var order []string
	date := func(t interface {
		Format(string) string
		IsZero() bool
	}) string {
		if t.IsZero() {
			return "unknown"
		}
		return t.Format("2006-01-02")
	}
	for i, r := range rows {
		rec, ok := byID[r.key]
		if !ok {
			return fmt.Errorf("%s: record %s not found in the shared data", samplePath, r.key)
		}
		sb := files[r.batch]
		if sb == nil {
			sb = &strings.Builder{}
			files[r.batch] = sb
			order = append(order, r.batch)
		}
		fmt.Fprintf(sb, "=== ITEM %d  key=%s\nbody: %s | tabled: %s | answered: %s | source flags holding: %v | earlier holding answer dated: %s\nQUESTION: %s\nANSWER: %s\n\n",
			i+1, r.key, rec.Department, date(rec.DateTabled), date(rec.DateAnswered), rec.Holding, date(rec.DateHoldingAnswer), rec.Question, rec.Answer)
	}
	for _, batch := range order {
		if err := os.WriteFile(filepath.Join(dir, "batch-"+batch+".md"), []byte(files[batch].String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}
