package report

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/parlance-go/parlance/analysis"
	"github.com/parlance-go/parlance/analysis/classify"
	"github.com/parlance-go/parlance/internal/numfmt"
	"github.com/parlance-go/parlance/internal/parallel"
)

// Options controls a report. The zero value is ready to use: default title,
// ECharts loaded from RemoteECharts with its integrity hash, the tidy tables
// written beside the page, and this build's version.
type Options struct {
	// Title heads the report; "" means "How departments answered".
	Title string
	// InlineECharts is the path of a local echarts.min.js (the full build;
	// EChartsVersion is the one the report is tested with) to inline,
	// making the page one self-contained file that draws its charts
	// offline. FindECharts picks one the way `parlance report` does. ""
	// loads the pinned build from RemoteECharts instead, with subresource
	// integrity, which needs a network connection when the page is opened.
	// The "common" and "simple" builds are refused: they lack the heatmap
	// series and silently draw nothing for it.
	InlineECharts string
	// NoData skips the tidy tables (CSV and JSON) that Write otherwise puts
	// in FilesDir beside the page; the page then says they were not written.
	NoData bool
	// Version is the parlance version cited in the Methods section; ""
	// means the version recorded in the Result, else this build's.
	Version string
	// PathRoot is the directory input files are named relative to; ""
	// names them by their base names. Either way the directories they were
	// read from stay out of the report.
	PathRoot string
}

//go:embed assets/main.html.tmpl assets/group.html.tmpl assets/report.css assets/report.js assets/cues.tsv
var assets embed.FS

var (
	funcs = template.FuncMap{
		"thousands": numfmt.Thousands,
		"plural":    plural,
		"colour":    func(s string) string { return colourOf(classify.Stance(s)) },
		"inc":       func(i int) int { return i + 1 },
	}
	mainTmpl = template.Must(template.New("main.html.tmpl").Funcs(funcs).ParseFS(assets, "assets/main.html.tmpl", "assets/group.html.tmpl"))
	css      = mustAsset("assets/report.css")
	script   = mustAsset("assets/report.js")
)

func mustAsset(name string) string {
	b, err := assets.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// FilesDir returns the name of the directory written beside the report at
// path for its tidy tables: "report.html" → "report_files".
func FilesDir(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "_files"
}

// Write writes the report for res to path: one HTML file holding every
// section, the round-robin groups among them (groupsPerPage groups to a
// collapsed page), and ECharts inlined if opt.InlineECharts names it.
// Unless opt.NoData, it also writes the tidy tables (CSV and JSON of every
// table shown, and one row per answer) into the directory FilesDir(path)
// beside it. Directories are created as needed; files are overwritten.
func Write(path string, res *analysis.Result, opt Options) error {
	if err := check(res); err != nil {
		return err
	}
	lib, err := loadECharts(opt.InlineECharts)
	if err != nil {
		return err
	}
	ix := newIndex(res)
	ix.opt = opt
	res = ix.res
	filesName := FilesDir(path)
	dir := filepath.Join(filepath.Dir(path), filesName)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	// The page and the tables only read ix, and each goes to its own
	// file, so they are built and written on all CPUs: the page and the
	// answers table (one row per answer) are most of the work. The page
	// comes first, and the first failing job in that order names the
	// error.
	jobs := []func() error{func() error {
		return writeFile(path, func(w io.Writer) error { return render(w, ix, opt, lib, filesName) })
	}}
	if !opt.NoData {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("report: %w", err)
		}
		for _, e := range exportFiles() {
			jobs = append(jobs, func() error {
				t := e.build(ix)
				if err := writeFile(filepath.Join(dir, e.name+".csv"), t.writeCSV); err != nil {
					return err
				}
				return writeFile(filepath.Join(dir, e.name+".json"), t.writeJSON)
			})
		}
	}
	errs := make([]error, len(jobs))
	parallel.For(len(jobs), func(i int) { errs[i] = jobs[i]() })
	if err := firstError(errs); err != nil {
		return err
	}
	// Group pages written by earlier versions are now sections of the
	// page; left beside it they could be mistaken for current.
	old, _ := filepath.Glob(filepath.Join(dir, "groups-*.html"))
	for _, f := range old {
		var n int
		if _, err := fmt.Sscanf(filepath.Base(f), "groups-%d.html", &n); err == nil {
			if err := os.Remove(f); err != nil {
				return fmt.Errorf("report: removing stale %s: %w", f, err)
			}
		}
	}
	return nil
}

// firstError returns the first non-nil error of errs, or nil.
func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Render writes the report page for res to w. Links to the tidy tables
// point into filesDir, a path relative to the page (Write uses FilesDir of
// the page's path); Render does not write them.
func Render(w io.Writer, res *analysis.Result, opt Options, filesDir string) error {
	if err := check(res); err != nil {
		return err
	}
	lib, err := loadECharts(opt.InlineECharts)
	if err != nil {
		return err
	}
	ix := newIndex(res)
	ix.opt = opt
	return render(w, ix, opt, lib, filesDir)
}

// fileModel is the whole page: the sections (the round-robin group pages
// among them) and how ECharts is loaded.
type fileModel struct {
	*mainModel
	// EChartsIntegrity is the integrity attribute of EChartsURL, written
	// as is: escaping would turn its "+" into "&#43;", which browsers
	// decode but readers of the source stumble on.
	EChartsIntegrity template.HTMLAttr
	NoData           bool
}

func render(w io.Writer, ix *index, opt Options, lib, filesDir string) error {
	m, err := buildMain(ix, opt, filesDir)
	if err != nil {
		return err
	}
	m.CSS = template.CSS(css)
	m.JS = template.JS(script)
	f := fileModel{mainModel: m, NoData: opt.NoData}
	if lib != "" {
		m.ECharts = template.JS(lib)
	} else {
		m.EChartsURL = RemoteECharts
		f.EChartsIntegrity = template.HTMLAttr(`integrity="` + EChartsIntegrity + `"`)
	}
	var buf bytes.Buffer
	if err := mainTmpl.Execute(&buf, f); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// check rejects a Result that cannot be reported.
func check(res *analysis.Result) error {
	if res == nil {
		return errors.New("report: nil Result")
	}
	for i := range res.Answers {
		if res.Answers[i].Record == nil {
			return fmt.Errorf("report: answer %d has no record", i)
		}
	}
	return nil
}

var closeScript = regexp.MustCompile(`(?i)</script`)

// loadECharts reads the ECharts build to inline, refusing builds without
// the heatmap series. "" means none.
func loadECharts(path string) (string, error) {
	if path == "" {
		return "", nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("report: InlineECharts: %w", err)
	}
	if !bytes.Contains(b, []byte("series.heatmap")) {
		return "", fmt.Errorf("report: InlineECharts %s: not the full ECharts build (it has no heatmap series; the \"common\" and \"simple\" builds silently draw an empty heatmap): use dist/echarts.min.js", path)
	}
	// "</script" would end the inline element early; "<\/script" means the
	// same inside JavaScript strings and regular expressions.
	return closeScript.ReplaceAllStringFunc(string(b), func(s string) string { return "<\\/" + s[2:] }), nil
}

// writeFile creates path and fills it with fill, reporting the path in any
// error.
func writeFile(path string, fill func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	bw := bufio.NewWriter(f)
	if err := fill(bw); err != nil {
		f.Close()
		return fmt.Errorf("report: writing %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("report: writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}
