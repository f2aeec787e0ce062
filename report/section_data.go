package report

func init() {
	register(sectionDef{order: 70, id: "groups", nav: "Answers side by side", tmpl: pagesTmpl, build: buildPages})
	register(sectionDef{order: 80, id: "exports", nav: "Data", tmpl: exportsTmpl, build: buildExports,
		exports: []exportFile{{"answers", "Every answer with its verdict (the answer schema of parlance analyze)", answersTable}}})
}

// pageLink is a link to one group page.
type pageLink struct {
	N     int
	Href  string
	First string // first group ID on the page
	Last  string
}

func buildPages(c *buildContext) (*section, error) {
	res := c.res
	var pages []pageLink
	npages := (len(res.Groups) + groupsPerPage - 1) / groupsPerPage
	for n := 1; n <= npages; n++ {
		lo := (n - 1) * groupsPerPage
		hi := min(lo+groupsPerPage, len(res.Groups))
		pages = append(pages, pageLink{N: n, Href: c.filesDir + "/" + pageName(n), First: res.Groups[lo].ID, Last: res.Groups[hi-1].ID})
	}
	return &section{data: pages}, nil
}

const pagesTmpl = `<h2>Answers side by side</h2>
{{if .}}<p>Every round-robin group, with each body's answer in full: <mark class="bp">stock sentences highlighted</mark>, <span class="ev">the evidence for each verdict underlined</span>, and a link to the source record.</p>
<div class="pages">{{range .}}<a href="{{.Href}}">Page {{.N}}: {{.First}}{{if ne .First .Last}} – {{.Last}}{{end}}</a><br>{{end}}</div>
{{else}}<p>No round-robin groups were found.</p>{{end}}
`

func buildExports(c *buildContext) (*section, error) {
	var links []exportLink
	for _, e := range exportFiles() {
		links = append(links, exportLink{Name: e.name, CSV: c.filesDir + "/" + e.name + ".csv", JSON: c.filesDir + "/" + e.name + ".json", Title: e.title})
	}
	return &section{data: links}, nil
}

const exportsTmpl = `<h2>Data</h2>
<p>Every table in this report as tidy CSV and JSON (one observation per row), plus every answer with its verdict, in the same columns as <code>parlance analyze</code>.</p>
<div class="tablewrap"><table>
<caption>Exports</caption>
<thead><tr><th>file</th><th>contents</th><th>download</th></tr></thead>
<tbody>
{{range .}}<tr><td><code>{{.Name}}</code></td><td>{{.Title}}</td><td><a href="{{.CSV}}">CSV</a> · <a href="{{.JSON}}">JSON</a></td></tr>
{{end}}</tbody></table></div>
`
