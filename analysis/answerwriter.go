package analysis

import (
	"encoding/csv"
	"io"

	"github.com/parlance-go/parlance/internal/tabular"
)

// An AnswerWriter writes analysed answers one at a time, in the order
// given, as a tidy export: WriteAnswersJSONL, WriteAnswersCSV and
// WriteAnswersParquet give one every answer of a Result and close it, and
// Config.Emit can give one each answer as Run classifies it, so that the
// verdicts' evidence is written as it is made rather than held for the
// whole corpus. Nothing is written before the first Write or Close: a run
// that fails before its first answer leaves its output empty. Close
// writes what is buffered and any trailer; it does not close the
// underlying writer.
type AnswerWriter interface {
	Write(a *Answer) error
	Close() error
}

// writeAnswers writes every answer of res to aw and closes it.
func writeAnswers(aw AnswerWriter, res *Result) error {
	for i := range res.Answers {
		if err := aw.Write(&res.Answers[i]); err != nil {
			return err
		}
	}
	return aw.Close()
}

// NewAnswersJSONL returns an AnswerWriter of JSON Lines: one object per
// answer, as json.Encoder with SetEscapeHTML(false) writes an AnswerRow.
func NewAnswersJSONL(w io.Writer) AnswerWriter { return &jsonlAnswers{w: w} }

type jsonlAnswers struct {
	w   io.Writer
	buf []byte
	err error // sticky: after a failed Write, nothing more is written
}

// jsonlFlush is how many bytes of encoded answers a JSON Lines writer
// gathers before writing them: a few dozen answers at a time.
const jsonlFlush = 64 << 10

func (j *jsonlAnswers) Write(a *Answer) error {
	if j.err != nil {
		return j.err
	}
	row := a.Row()
	var ok bool
	if j.buf, ok = appendRowJSON(j.buf, &row); !ok {
		// Not representable: encoding/json says why.
		j.err = j.flush()
		if j.err == nil {
			j.err = newEncoder(j.w).Encode(row)
		}
		return j.err
	}
	if len(j.buf) >= jsonlFlush {
		j.err = j.flush()
	}
	return j.err
}

func (j *jsonlAnswers) flush() error {
	_, err := j.w.Write(j.buf)
	j.buf = j.buf[:0]
	return err
}

func (j *jsonlAnswers) Close() error {
	if j.err != nil {
		return j.err
	}
	j.err = j.flush()
	return j.err
}

// NewAnswersCSV returns an AnswerWriter of CSV: AnswerCSVHeader, then one
// row per answer, each cell formatted by CSVCell.
func NewAnswersCSV(w io.Writer) AnswerWriter { return &csvAnswers{w: w} }

type csvAnswers struct {
	w   io.Writer
	cw  *csv.Writer // nil until the header is written
	rec []string
}

func (c *csvAnswers) start() error {
	if c.cw != nil {
		return nil
	}
	c.cw = csv.NewWriter(c.w)
	c.rec = make([]string, len(AnswerColumns))
	return c.cw.Write(AnswerCSVHeader)
}

func (c *csvAnswers) Write(a *Answer) error {
	if err := c.start(); err != nil {
		return err
	}
	for j, v := range a.Row().Values() {
		c.rec[j] = CSVCell(v)
	}
	return c.cw.Write(c.rec)
}

func (c *csvAnswers) Close() error {
	if err := c.start(); err != nil {
		return err
	}
	c.cw.Flush()
	return c.cw.Error()
}

// NewAnswersParquet returns an AnswerWriter of Apache Parquet: one row per
// answer, in row groups of tabular.RowGroupRows rows; the same answers
// give the same bytes. The columns are AnswerRow's fields, named by their
// JSON keys and in their order (so a renamed field renames its column),
// typed by tabular.NewStructTable: grounds a LIST of strings,
// date_answered a DATE (null when unknown), boilerplate_share and
// confidence doubles, overridden a boolean, evidence and refs JSON arrays
// in strings, as in CSV.
func NewAnswersParquet(w io.Writer) AnswerWriter { return &parquetAnswers{w: w} }

type parquetAnswers struct {
	w     io.Writer
	table *tabular.StructTable
	pw    *tabular.ParquetWriter // nil until the first Write or Close
}

func (p *parquetAnswers) start() error {
	if p.pw != nil {
		return nil
	}
	table, err := tabular.NewStructTable(AnswerRow{})
	if err != nil {
		return err
	}
	pw, err := tabular.NewParquetWriter(p.w, table.Columns())
	if err != nil {
		return err
	}
	p.table, p.pw = table, pw
	return nil
}

func (p *parquetAnswers) Write(a *Answer) error {
	if err := p.start(); err != nil {
		return err
	}
	row, err := p.table.Row(a.Row())
	if err != nil {
		return err
	}
	return p.pw.Write(row...)
}

func (p *parquetAnswers) Close() error {
	if err := p.start(); err != nil {
		return err
	}
	return p.pw.Close()
}
