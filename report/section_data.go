package report

func init() {
	register(sectionDef{order: 70, id: "groups", nav: "Answers side by side", tmpl: pagesTmpl, build: buildPages})
	register(sectionDef{order: 80, id: "exports", nav: "Data", tmpl: exportsTmpl, build: buildExports,
		exports: []exportFile{{"answers", "Every answer with its verdict (the answer schema of parlance analyze)", answersTable}}})
}

// pagesData is the groups section: every round-robin group, in pages of
// groupsPerPage, each page a collapsed part of the report itself.
type pagesData struct {
	Pages   []*pageModel
	PerPage int
}

func buildPages(c *buildContext) (*section, error) {
	d := pagesData{PerPage: groupsPerPage}
	npages := (len(c.res.Groups) + groupsPerPage - 1) / groupsPerPage
	for n := 1; n <= npages; n++ {
		d.Pages = append(d.Pages, buildPage(c.ix, n))
	}
	return &section{data: d}, nil
}

const pagesTmpl = `<h2>Answers side by side</h2>
{{if .Pages}}<p>Every round-robin group, with each body's answer in full, in {{plural (len .Pages) "page" "pages"}} of up to {{.PerPage}} groups: open a page to read it.</p>
{{template "grouppages" .Pages}}
{{else}}<p>No round-robin groups were found.</p>{{end}}
`

// exportsData is the data section: links to the tidy tables, or, with
// Options.NoData, a note that they were not written.
type exportsData struct {
	NoData bool
	Links  []exportLink
}

func buildExports(c *buildContext) (*section, error) {
	d := exportsData{NoData: c.opt.NoData}
	if !d.NoData {
		for _, e := range exportFiles() {
			d.Links = append(d.Links, exportLink{Name: e.name, CSV: c.filesDir + "/" + e.name + ".csv", JSON: c.filesDir + "/" + e.name + ".json", Title: e.title})
		}
	}
	return &section{data: d}, nil
}

const exportsTmpl = `<h2>Data</h2>
{{if .NoData}}<p>The tidy tables (CSV and JSON of every table here, and every answer with its verdict) were not written with this report: make it again without --no-data to get them.</p>{{else}}<p>Every table in this report as tidy CSV and JSON (one observation per row), plus every answer with its verdict, in the folder beside this file, in the same columns as <code>parlance analyze</code>.</p>
<div class="tablewrap"><table>
<caption>Exports</caption>
<thead><tr><th>file</th><th>contents</th><th>download</th></tr></thead>
<tbody>
{{range .Links}}<tr><td><code>{{.Name}}</code></td><td>{{.Title}}</td><td><a href="{{.CSV}}">CSV</a> · <a href="{{.JSON}}">JSON</a></td></tr>
{{end}}</tbody></table></div>{{end}}
`
