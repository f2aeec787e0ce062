package corpus

import (
	"io"

	"github.com/parlance-go/parlance/internal/tabular"
)

// ParquetWriter writes records as an Apache Parquet file with the columns
// of parlance's CSV (Columns, in that order), typed: dates (date_tabled,
// date_answered, date_holding_answer) as the DATE logical type, null when
// unknown; IDs as 64-bit integers; holding, withdrawn, corrected and
// truncated as booleans; grouped_uins as a LIST of strings; attachments as
// a JSON array in a string, as in CSV. Rows are flushed in row groups of
// tabular.RowGroupRows records, so memory stays bounded however many
// records are written; the same records give the same bytes.
//
// Call Close after the last record: it writes the file's footer, without
// which the file cannot be read.
type ParquetWriter struct {
	table *tabular.StructTable
	pw    *tabular.ParquetWriter
}

// NewParquetWriter starts a Parquet file of records on w.
func NewParquetWriter(w io.Writer) (*ParquetWriter, error) {
	table, err := tabular.NewStructTable(jsonRecord{})
	if err != nil {
		return nil, err
	}
	pw, err := tabular.NewParquetWriter(w, table.Columns())
	if err != nil {
		return nil, err
	}
	return &ParquetWriter{table: table, pw: pw}, nil
}

// Write appends one record. A record that could not be read back as it is
// (text that is not UTF-8, say) is an error naming it and the field.
func (w *ParquetWriter) Write(r *Record) error {
	if err := checkExportable(r); err != nil {
		return err
	}
	row, err := w.table.Row(toJSONRecord(r))
	if err != nil {
		return err
	}
	return w.pw.Write(row...)
}

// Close writes the last row group and the footer. It does not close the
// underlying writer.
func (w *ParquetWriter) Close() error { return w.pw.Close() }
