// Package report writes parlance's static HTML report of how answering bodies
// answered written parliamentary questions: which disclosed and which
// declined, on what grounds, with which stock sentences, and how that changed
// over time.
//
// Write produces one HTML file holding every section, with the round-robin
// groups as collapsed pages (<details>) inside it, and beside it the
// directory "<name>_files/" with tidy exports: a CSV and a JSON file for
// every table the report shows, and one row per answer (Options.NoData
// skips them).
//
// # Sections
//
// The main page is a list of sections, each in one file (section_*.go)
// that registers its HTML, its charts, its headline sentence and its
// exports together; adding a chart is adding a file. Sections lay out what
// analysis computed: every share, interval, ranking and parameter comes
// from analysis.Result (analysis.Tabulated gives a hand-built Result its
// statistics), so the page, its CSV and JSON and `parlance analyze` agree.
// Input files are named by base name, or relative to Options.PathRoot.
//
// # Charts
//
// Charts are built with go-echarts (github.com/go-echarts/go-echarts/v2) and
// drawn in the reader's browser by Apache ECharts, pinned at EChartsVersion.
// Options.InlineECharts names a local echarts.min.js to inline, giving one
// self-contained file that draws offline and loads nothing from elsewhere;
// FindECharts picks it from a path, $PARLANCE_ECHARTS or the user cache
// that FetchECharts fills from the npm registry, checked against
// EChartsSHA256. It must be the full build: the "common" and "simple"
// builds lack the heatmap series and silently draw an empty heatmap, so
// Write refuses them. Without one, the page loads RemoteECharts, the pinned
// file on a CDN, with subresource integrity (EChartsIntegrity), and each
// chart's place says how to draw offline when it fails to load; every chart
// also has a data table that needs no script.
//
// # Safety and determinism
//
// Every piece of parliamentary text (answers, headings, body names, stock
// sentences, file names) is escaped. Chart options are not rendered through
// go-echarts' own templates, which pass option JSON unescaped into a <script>
// and strip "__f__" markers from it: they are marshalled with encoding/json
// (which escapes <, > and &) into <script type="application/json"> blocks and
// handed to ECharts by a small fixed script. Chart IDs are fixed, every list
// is sorted, and no timestamp is written, so the same Result always gives
// byte-identical output.
//
// # Colours
//
// Stances have one fixed order (disclosed, partial, declined, referred,
// holding) and fixed colours from the Okabe–Ito palette, which stays
// distinguishable under the common forms of colour blindness; every coloured
// mark is also labelled in words.
package report
