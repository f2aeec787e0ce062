package main

import (
	"bufio"

	"github.com/parlance-go/parlance/corpus"
)

func runExport(e *env, args []string) error {
	fs := newFlags(e, "export", "[--format jsonl|csv|parquet] [-o FILE] [INPUT...]",
		`Export writes the records of the inputs, normalised, as JSON Lines, CSV or
Apache Parquet (fields: id, source, uin, house, date_tabled, date_answered,
department, ...; Parquet columns are typed: dates, integers, booleans, a
list of grouped UINs).
Re-importing an export and exporting again gives byte-identical output.
A summary of what was read, skipped, truncated and hydrated goes to stderr.`,
		"parlance export --format csv -o answers.csv data/api/list data/api/fulltext")
	var in inputFlags
	in.register(fs)
	format := fs.String("format", "jsonl", "output format: jsonl, csv or parquet")
	out := fs.String("o", "-", "output file (- for standard output)")
	inputs, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if err := oneOf("format", *format, "jsonl", "csv", "parquet"); err != nil {
		return err
	}
	if err := checkOutput(*out); err != nil {
		return err
	}
	return withOutput(e, *out, func(bw *bufio.Writer) error {
		var write func(*corpus.Record) error
		var flush func() error
		switch *format {
		case "csv":
			w := corpus.NewCSVWriter(bw)
			write, flush = w.Write, w.Flush
		case "parquet":
			w, err := corpus.NewParquetWriter(bw)
			if err != nil {
				return err
			}
			write, flush = w.Write, w.Close
		default:
			w := corpus.NewJSONLWriter(bw)
			write, flush = w.Write, w.Flush
		}
		sum, err := streamInputs(e, inputs, &in, write)
		printSummary(e, &in, sum)
		if err != nil {
			return err
		}
		return flush()
	})
}
