package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"time"

	"github.com/parlance-go/parlance/corpus"
	"github.com/parlance-go/parlance/internal/version"
	"github.com/parlance-go/parlance/report"
)

func runReport(e *env, args []string) error {
	fs := newFlags(e, "report", "[-o FILE] [--inline-assets PATH] [--overrides FILE] [INPUT...]",
		`Report writes a static HTML report: what was read, stance by body with 95%
intervals, round robins side by side, refusal grounds, boilerplate families,
stance over time and the methods, with CSV and JSON of every table in a
directory beside it. With no INPUT it reports on the embedded sample (the
Hikvision round robin of July 2023).

By default the page loads ECharts from go-echarts' assets host. For a single
self-contained file that works offline, pass --inline-assets with the path of
a full echarts.min.js (npm install echarts; the "common" build draws no
heatmap).`,
		"parlance report -o hikvision.html")
	var in inputFlags
	in.register(fs)
	var cf classifierFlags
	cf.register(fs)
	out := fs.String("o", "report.html", "output HTML file; tables go to a directory named after it")
	inline := fs.String("inline-assets", "", "path of echarts.min.js to inline into the report")
	title := fs.String("title", "", "the report's title")
	root := fs.String("path-root", "", "name input files relative to this directory (default: by their base names)")
	inputs, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if *inline != "" {
		if _, err := os.Stat(*inline); err != nil {
			return usagef("--inline-assets: %v", err)
		}
	}
	res, err := analyse(e, inputs, &in, &cf)
	if err != nil {
		return err
	}
	if err := report.Write(*out, res, report.Options{Title: *title, InlineECharts: *inline, Version: version.Version, PathRoot: *root}); err != nil {
		return err
	}
	if !in.quiet {
		fmt.Fprintf(e.stderr, "wrote %s\n", *out)
	}
	return nil
}

func runFetch(e *env, args []string) error {
	fs := newFlags(e, "fetch", "[--search TERM] [--tabled-from DATE] [--tabled-to DATE] [--body ID]... [-o FILE]",
		`Fetch downloads written questions from the live UK Parliament Written
Questions API, page by page, politely (one request at a time, at most two a
second, retrying on 429 and 5xx with backoff), and writes them as parlance
JSON Lines. Responses are cached on disk, so a rerun sends no request. With
--hydrate, answers the list endpoint clipped at 255 characters are fetched in
full from the detail endpoint.`,
		`parlance fetch --search Hikvision --tabled-from 2023-07-01 --hydrate -o hikvision.jsonl`)
	search := fs.String("search", "", "search term")
	from := fs.String("tabled-from", "", "tabled on or after this date (YYYY-MM-DD)")
	to := fs.String("tabled-to", "", "tabled on or before this date (YYYY-MM-DD)")
	answered := fs.String("answered", "", "Answered or Unanswered (default: both)")
	house := fs.String("house", "", "Commons or Lords (default: both)")
	var bodies intList
	fs.Var(&bodies, "body", "answering body ID (repeatable)")
	limit := fs.Int("limit", 0, "fetch at most this many questions (0: all)")
	hydrate := fs.Bool("hydrate", false, "fetch full texts of clipped answers")
	cache := fs.String("cache", defaultCacheDir(), "cache directory (empty: no cache)")
	baseURL := fs.String("api", "", "API base URL (default: the live API)")
	out := fs.String("o", "-", "output file (- for standard output)")
	quiet := fs.Bool("quiet", false, "print no progress on stderr")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("fetch takes no INPUT, got %q", rest[0])
	}
	q := corpus.Query{SearchTerm: *search, Bodies: bodies, Limit: *limit, Answered: *answered, House: corpus.House(*house)}
	if q.TabledFrom, err = parseDateFlag("tabled-from", *from); err != nil {
		return err
	}
	if q.TabledTo, err = parseDateFlag("tabled-to", *to); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	c := &corpus.Client{BaseURL: *baseURL, CacheDir: *cache}
	p := newProgress(e, *quiet)
	n := 0
	var total int
	err = withOutput(e, *out, func(w *bufio.Writer) error {
		jw := corpus.NewJSONLWriter(w)
		var ferr error
		total, ferr = c.Search(ctx, q, func(r *corpus.Record) error {
			if *hydrate && r.Truncated {
				if err := c.Hydrate(ctx, r); err != nil {
					return err
				}
			}
			n++
			p.tick("fetched %d questions", n)
			return jw.Write(r)
		})
		if ferr != nil {
			return ferr
		}
		return jw.Flush()
	})
	p.done()
	if err != nil {
		return err
	}
	if !*quiet {
		fmt.Fprintf(e.stderr, "fetched %d of %d matching questions\n", n, total)
	}
	return nil
}

func defaultCacheDir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return d + string(os.PathSeparator) + "parlance"
}

func parseDateFlag(name, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(corpus.DateLayout, v)
	if err != nil {
		return time.Time{}, usagef("--%s: want a date as YYYY-MM-DD, got %q", name, v)
	}
	return t, nil
}

// intList is a repeatable integer flag.
type intList []int

func (l *intList) String() string {
	s := make([]string, len(*l))
	for i, v := range *l {
		s[i] = strconv.Itoa(v)
	}
	return strings.Join(s, ",")
}

func (l *intList) Set(v string) error {
	n, err := strconv.Atoi(v)
	if err != nil {
		return fmt.Errorf("want a number, got %q", v)
	}
	*l = append(*l, n)
	return nil
}

func runVersion(e *env, args []string) error {
	fs := newFlags(e, "version", "", "Version prints parlance's version.", "parlance version")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("version takes no arguments")
	}
	fmt.Fprintf(e.stdout, "parlance %s\n", version.Version)
	return nil
}
