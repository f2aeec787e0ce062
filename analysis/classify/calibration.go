package classify

import (
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// CalibrationBand is how often verdicts whose confidence lies in [Lo, Hi)
// agree with the labels (the last band includes 1).
type CalibrationBand struct {
	Lo, Hi float64
	// N verdicts fell in the band; Agreed of them have the labels' stance.
	N, Agreed int
	// Confidence is the band's mean confidence, Agreement is Agreed/N
	// (both 0 when N is 0), and Low, High its 95% Wilson score interval:
	// for k of n with z = 1.96, centre (k + z²/2)/(n + z²), half-width
	// z·√(k(n−k)/n + z²/4)/(n + z²).
	Confidence, Agreement, Low, High float64
}

// CalibrationCuts are the band edges of the calibration table: bands
// [0, 0.5), [0.5, 0.7), [0.7, 0.85) and [0.85, 1].
var CalibrationCuts = []float64{0.5, 0.7, 0.85}

// Calibrate tallies pred's verdicts on gold's answers by confidence band,
// cut at cuts (ascending, inside (0, 1)): a verdict is well calibrated when
// its band's agreement is close to its mean confidence. Items of gold
// without a prediction are skipped; items of pred not in gold are ignored.
func Calibrate(gold, pred map[string]Verdict, cuts []float64) []CalibrationBand {
	edges := append(append([]float64{0}, cuts...), 1)
	bands := make([]CalibrationBand, len(edges)-1)
	for i := range bands {
		bands[i].Lo, bands[i].Hi = edges[i], edges[i+1]
	}
	ids := make([]string, 0, len(gold))
	for id := range gold {
		ids = append(ids, id)
	}
	sort.Strings(ids) // a fixed order of summation
	sum := make([]float64, len(bands))
	for _, id := range ids {
		p, ok := pred[id]
		if !ok {
			continue
		}
		i := sort.Search(len(cuts), func(i int) bool { return cuts[i] > p.Confidence })
		bands[i].N++
		sum[i] += p.Confidence
		if p.Stance == gold[id].Stance {
			bands[i].Agreed++
		}
	}
	for i := range bands {
		b := &bands[i]
		if b.N == 0 {
			continue
		}
		b.Confidence = sum[i] / float64(b.N)
		b.Agreement = float64(b.Agreed) / float64(b.N)
		b.Low, b.High = wilson(b.Agreed, b.N)
	}
	return bands
}

// wilson is the 95% Wilson score interval of k successes in n trials.
func wilson(k, n int) (lo, hi float64) {
	const z = 1.96
	kf, nf := float64(k), float64(n)
	centre := (kf + z*z/2) / (nf + z*z)
	half := z * math.Sqrt(kf*(nf-kf)/nf+z*z/4) / (nf + z*z)
	return math.Max(0, centre-half), math.Min(1, centre+half)
}

// Calibration is a calibration table as measured on labelled answers: for
// each decision (the rules, the learned model), its bands.
type Calibration struct {
	// Source says which labelled answers and which decisions measured it.
	Source string
	Rows   []CalibrationRow
}

// CalibrationRow is one decision's bands.
type CalibrationRow struct {
	Decision string // "rules" or "model"
	Bands    []CalibrationBand
}

// calibrationFile is the name MeasuredCalibration's errors give the file.
const calibrationFile = "analysis/classify/calibration.tsv"

//go:embed calibration.tsv
var calibrationTSV string

// MeasuredCalibration returns the calibration of the default rules'
// confidence and of the learned model's probability on the labelled
// answers outside round 3's test split, coded blind from the codebook by
// language-model coding agents, not trained human coders. It is read from
// the embedded calibration.tsv, which TestCalibrationFile keeps equal to
// what the tests measure (the model's out of sample: each answer scored
// by a model fitted without it).
func MeasuredCalibration() Calibration {
	return mustEmbedded(parseCalibration(calibrationTSV, calibrationFile))
}

// calibrationHeader is the column header of calibration.tsv.
const calibrationHeader = "decision\tlo\thi\tverdicts\tagreed\tmean confidence"

// formatCalibration writes c in the layout of calibration.tsv: '#' comment
// lines holding Source, the header, then one row per decision and band.
// Agreement and its interval are derived when read.
func formatCalibration(c Calibration) string {
	var rows []string
	for _, r := range c.Rows {
		for _, x := range r.Bands {
			rows = append(rows, fmt.Sprintf("%s\t%s\t%s\t%d\t%d\t%.3f", r.Decision, ftoa(x.Lo), ftoa(x.Hi), x.N, x.Agreed, x.Confidence))
		}
	}
	return formatMeasured(c.Source, calibrationHeader, rows)
}

func ftoa(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// parseCalibration reads the layout formatCalibration writes.
func parseCalibration(text, name string) (Calibration, error) {
	var c Calibration
	src, err := parseMeasured(text, name, calibrationHeader, func(pos string, x []string) error {
		var b CalibrationBand
		var err error
		fields := []struct {
			name string
			f    *float64
		}{{"lo", &b.Lo}, {"hi", &b.Hi}, {"mean confidence", &b.Confidence}}
		for i, fl := range fields {
			col := []int{1, 2, 5}[i]
			if *fl.f, err = strconv.ParseFloat(x[col], 64); err != nil || *fl.f < 0 || *fl.f > 1 {
				return fmt.Errorf("%s: field %s: %q is not a number in [0, 1]", pos, fl.name, x[col])
			}
		}
		if b.N, err = strconv.Atoi(x[3]); err != nil || b.N < 0 {
			return fmt.Errorf("%s: field verdicts: %q is not a count", pos, x[3])
		}
		if b.Agreed, err = strconv.Atoi(x[4]); err != nil || b.Agreed < 0 || b.Agreed > b.N {
			return fmt.Errorf("%s: field agreed: %q is not a count up to %d", pos, x[4], b.N)
		}
		if b.N > 0 {
			b.Agreement = float64(b.Agreed) / float64(b.N)
			b.Low, b.High = wilson(b.Agreed, b.N)
		}
		if n := len(c.Rows); n == 0 || c.Rows[n-1].Decision != x[0] {
			c.Rows = append(c.Rows, CalibrationRow{Decision: x[0]})
		}
		r := &c.Rows[len(c.Rows)-1]
		if k := len(r.Bands); k > 0 && r.Bands[k-1].Hi != b.Lo {
			return fmt.Errorf("%s: band [%s, %s) does not follow the band ending at %s", pos, x[1], x[2], ftoa(r.Bands[k-1].Hi))
		}
		r.Bands = append(r.Bands, b)
		return nil
	})
	c.Source = src
	return c, err
}

// Markdown renders c as one table: a row per decision and band with its
// verdicts, mean confidence, agreement and interval.
func (c Calibration) Markdown() string {
	var b strings.Builder
	b.WriteString("| decision | confidence band | verdicts | mean confidence | agreement with the labels | 95% interval |\n| --- | --- | ---: | ---: | ---: | --- |\n")
	for _, r := range c.Rows {
		for i, x := range r.Bands {
			hi := ")"
			if i == len(r.Bands)-1 {
				hi = "]"
			}
			if x.N == 0 {
				fmt.Fprintf(&b, "| %s | [%s, %s%s | 0 | – | – | – |\n", r.Decision, ftoa(x.Lo), ftoa(x.Hi), hi)
				continue
			}
			fmt.Fprintf(&b, "| %s | [%s, %s%s | %d | %.2f | %.2f (%d) | %.2f–%.2f |\n", r.Decision, ftoa(x.Lo), ftoa(x.Hi), hi, x.N, x.Confidence, x.Agreement, x.Agreed, x.Low, x.High)
		}
	}
	return b.String()
}
