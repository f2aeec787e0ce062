package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

type proportion struct {
	Count int     `json:"count"`
	Total int     `json:"total"`
	Share float64 `json:"share"`
	Low   float64 `json:"low"`
	High  float64 `json:"high"`
}

// Every figure is computed once: the stance and ground shares of every body
// agree between the report's HTML table, its CSV and JSON exports and
// `parlance analyze --format json`.
func TestFiguresAgreeAcrossFormats(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "r.html")
	if code, _, errs := invoke(t, "", "report", "--quiet", "-o", page); code != exitOK {
		t.Fatalf("report: exit %d: %s", code, errs)
	}
	code, out, errs := invoke(t, "", "analyze", "--quiet", "--format", "json")
	if code != exitOK {
		t.Fatalf("analyze: exit %d: %s", code, errs)
	}
	var doc struct {
		Grounds []string `json:"grounds"`
		Bodies  []struct {
			Body    string                `json:"body"`
			Answers int                   `json:"answers"`
			Stances map[string]proportion `json:"stances"`
			Grounds map[string]proportion `json:"grounds"`
		} `json:"bodies"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Bodies) == 0 || len(doc.Grounds) < 9 {
		t.Fatalf("analyze JSON has %d bodies and %d grounds", len(doc.Bodies), len(doc.Grounds))
	}
	htmlPage, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	stances := []string{"disclosed", "partial", "declined", "referred", "holding"}
	checked := 0
	for _, kind := range []struct {
		export, key string
		names       []string
		of          func(i int) map[string]proportion
		section     string
	}{
		{"stance_by_body", "stance", stances, func(i int) map[string]proportion { return doc.Bodies[i].Stances }, `id="stance"`},
		{"grounds_by_body", "ground", doc.Grounds, func(i int) map[string]proportion { return doc.Bodies[i].Grounds }, `id="grounds"`},
	} {
		csvRows := readCSVFile(t, filepath.Join(dir, "r_files", kind.export+".csv"))
		var jsonRows []map[string]interface{}
		b, _ := os.ReadFile(filepath.Join(dir, "r_files", kind.export+".json"))
		if err := json.Unmarshal(b, &jsonRows); err != nil {
			t.Fatal(err)
		}
		if len(csvRows) != len(jsonRows) || len(csvRows) != len(doc.Bodies)*len(kind.names) {
			t.Fatalf("%s: %d CSV rows, %d JSON rows, want %d", kind.export, len(csvRows), len(jsonRows), len(doc.Bodies)*len(kind.names))
		}
		sec := string(htmlPage[strings.Index(string(htmlPage), kind.section):])
		for i, body := range doc.Bodies {
			row := tableRow(t, sec, body.Body)
			for j, name := range kind.names {
				want := kind.of(i)[name]
				k := i*len(kind.names) + j
				c, js := csvRows[k], jsonRows[k]
				if c["body"] != body.Body || c[kind.key] != name || js["body"] != body.Body || js[kind.key] != name {
					t.Fatalf("%s row %d is %s/%s, want %s/%s", kind.export, k, c["body"], c[kind.key], body.Body, name)
				}
				for _, col := range []struct {
					name string
					want float64
				}{{"count", float64(want.Count)}, {"answers", float64(want.Total)}, {"share", want.Share}, {"ci95_low", want.Low}, {"ci95_high", want.High}} {
					cv, _ := strconv.ParseFloat(c[col.name], 64)
					jv, _ := js[col.name].(float64)
					if round4(cv) != col.want || round4(jv) != col.want {
						t.Errorf("%s %s %s %s: CSV %v, JSON %v, analyze %v", kind.export, body.Body, name, col.name, cv, jv, col.want)
					}
				}
				// The HTML prints the unrounded figures of the CSV to one
				// decimal of a percent; analyze's JSON rounds to four
				// decimals of a share, checked above.
				f := func(k string) float64 { v, _ := strconv.ParseFloat(c[k], 64); return 100 * v }
				cell := fmt.Sprintf("%d <small>%.1f%% · %.1f–%.1f%%</small>", want.Count, f("share"), f("ci95_low"), f("ci95_high"))
				if len(row) <= j+1 || row[j+1] != cell {
					t.Errorf("HTML %s %s %s: cell %q, want %q", kind.section, body.Body, name, at(row, j+1), cell)
				}
				if want.Count == 0 && want.High == 0 {
					t.Errorf("%s %s %s: 0 of %d with a zero-width interval", kind.export, body.Body, name, want.Total)
				}
				checked++
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d figures checked", checked)
	}
}

func at(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return "(missing)"
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// tableRow returns the numeric cells of a body's row in an HTML table.
func tableRow(t *testing.T, sec, body string) []string {
	t.Helper()
	start := strings.Index(sec, "<tr><td>"+html.EscapeString(body))
	if start < 0 {
		t.Fatalf("no table row for %s", body)
	}
	row := sec[start:]
	row = row[:strings.Index(row, "</tr>")]
	var cells []string
	for _, part := range strings.Split(row, `<td class="n">`)[1:] {
		cells = append(cells, strings.TrimSuffix(part, "</td>"))
	}
	return cells
}

func readCSVFile(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, c := range rows[0] {
			m[c] = r[i]
		}
		out = append(out, m)
	}
	return out
}
