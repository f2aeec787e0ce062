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
	fs := newFlags(e, "report", "[-o FILE] [--inline-assets PATH] [--no-data] [--overrides FILE] [INPUT...]",
		`Report writes a static HTML report: what was read, stance by body with 95%
intervals, round robins side by side, refusal grounds, boilerplate families,
stance over time and the methods, with CSV and JSON of every table in a
directory beside it (--no-data to skip). With no INPUT it reports on the
embedded sample (the Hikvision round robin of July 2023).

The report is one file, with the round-robin groups as collapsed pages
inside it. It is self-contained, drawing its charts offline and loading
nothing from elsewhere, whenever an ECharts build is at hand: the file
given with --inline-assets, else the one $PARLANCE_ECHARTS names, else the
copy 'parlance assets' saves in the user's cache. Without any of them the
page loads the pinned echarts@`+report.EChartsVersion+` from a CDN, with an integrity hash,
and draws no charts offline.`,
		"parlance report -o hikvision.html")
	var in inputFlags
	in.register(fs)
	var cf classifierFlags
	cf.register(fs)
	out := fs.String("o", "report.html", "output HTML file; tables go to a directory named after it")
	inline := fs.String("inline-assets", "", "path of a full echarts.min.js to inline (default: $PARLANCE_ECHARTS, else the cached copy)")
	noData := fs.Bool("no-data", false, "write no CSV or JSON tables beside the report")
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
	lib, err := report.FindECharts(*inline)
	if err != nil {
		return err
	}
	if err := checkOutput(*out); err != nil {
		return err
	}
	res, err := analyse(e, inputs, &in, &cf, nil)
	if err != nil {
		return err
	}
	if err := report.Write(*out, res, report.Options{Title: *title, InlineECharts: lib.Path, NoData: *noData, Version: version.Version, PathRoot: *root}); err != nil {
		return err
	}
	if lib.Path == "" {
		fmt.Fprintf(e.stderr, "note: %s is not self-contained: it loads ECharts from %s when opened and draws no charts offline.\n"+
			"To make it one self-contained file, run 'parlance assets' once (or set PARLANCE_ECHARTS, or pass --inline-assets) and make the report again.\n", *out, report.RemoteECharts)
	}
	if !in.quiet {
		how := "self-contained, ECharts from " + lib.From
		if lib.Path == "" {
			how = "ECharts loaded from the web"
		}
		if *noData {
			fmt.Fprintf(e.stderr, "wrote %s (%s)\n", *out, how)
		} else {
			fmt.Fprintf(e.stderr, "wrote %s (%s) and its tables in %s\n", *out, how, report.FilesDir(*out))
		}
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
	quiet := fs.Bool("quiet", false, "print no progress or retries on stderr")
	maxWait := fs.Duration("max-wait", 2*time.Minute, "the longest one request may take, retries and their waits included (0: no limit beyond the retries)")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("fetch takes no INPUT, got %q", rest[0])
	}
	if err := checkOutput(*out); err != nil {
		return err
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
	if *maxWait < 0 {
		return usagef("--max-wait must not be negative")
	}
	c := &corpus.Client{BaseURL: *baseURL, CacheDir: *cache, MaxWait: *maxWait}
	p := newProgress(e, *quiet)
	if !*quiet {
		c.OnRetry = func(r corpus.Retry) {
			p.done()
			fmt.Fprintf(e.stderr, "fetch: attempt %d of %d failed: %v; retrying in %v\n", r.Attempt, r.Retries+1, r.Err, r.Wait)
		}
	}
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
