package eval

import (
	"bufio"
	"fmt"
	"image/color"
	"os"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// labelEvery is the threshold step at which the overall curve is labelled,
// in curve steps: operators pick a threshold by reading it off the curve.
const labelEvery = curveSteps / 10

// writePlot draws the report's precision/recall curves to path as SVG: one
// line per curve, the overall one labelled with its thresholds, and the
// operating point of the report's thresholds marked.
func writePlot(path string, rep Report) error {
	p := plot.New()
	p.Title.Text = fmt.Sprintf("Precision/recall over thresholds (%d edits)", rep.Records)
	p.X.Label.Text = "recall (share of vandalism reverted)"
	p.Y.Label.Text = "precision (share of reverts that are vandalism)"
	p.X.Min, p.X.Max = 0, 1.12 // room for the threshold labels right of recall 1
	p.Y.Min, p.Y.Max = 0, 1.04
	p.Legend.Top = false
	p.Legend.Left = true
	p.Add(plotter.NewGrid())

	for i, c := range rep.Curves {
		xys := make(plotter.XYs, len(c.Points))
		for j, pt := range c.Points {
			xys[j] = plotter.XY{X: pt.Recall, Y: pt.Precision}
		}
		line, err := plotter.NewLine(xys)
		if err != nil {
			return err
		}
		line.Color = plotutil.Color(i)
		line.Width = vg.Points(1)
		if c.Name == OverallCurve {
			line.Width = vg.Points(2)
			labels, err := thresholdLabels(c)
			if err != nil {
				return err
			}
			p.Add(labels)
		} else {
			line.Dashes = plotutil.Dashes(i)
		}
		p.Add(line)
		p.Legend.Add(c.Name, line)
	}

	op, err := plotter.NewScatter(plotter.XYs{{X: rep.Overall.Recall, Y: rep.Overall.Precision}})
	if err != nil {
		return err
	}
	op.GlyphStyle.Shape = draw.CircleGlyph{}
	op.GlyphStyle.Radius = vg.Points(4)
	op.GlyphStyle.Color = color.Black
	p.Add(op)
	p.Legend.Add("overall at the run's thresholds", op)

	canvas := vgsvg.New(8*vg.Inch, 6*vg.Inch)
	p.Draw(draw.New(canvas))

	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if _, err := canvas.WriteTo(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// thresholdLabels labels the curve every labelEvery steps (0.1, ..., 0.9);
// consecutive thresholds at the same point share one label ("0.2-0.5").
func thresholdLabels(c Curve) (*plotter.Labels, error) {
	var l plotter.XYLabels
	var first, last float64
	flush := func(xy plotter.XY) {
		text := fmt.Sprintf("%.1f", first)
		if last != first {
			text = fmt.Sprintf("%.1f-%.1f", first, last)
		}
		l.XYs = append(l.XYs, xy)
		l.Labels = append(l.Labels, text)
	}
	var prev plotter.XY
	open := false
	for i := labelEvery; i < len(c.Points)-1; i += labelEvery {
		pt := c.Points[i]
		xy := plotter.XY{X: pt.Recall, Y: pt.Precision}
		if open && xy == prev {
			last = pt.Threshold
			continue
		}
		if open {
			flush(prev)
		}
		prev, first, last, open = xy, pt.Threshold, pt.Threshold, true
	}
	if open {
		flush(prev)
	}
	labels, err := plotter.NewLabels(l)
	if err != nil {
		return nil, err
	}
	for i := range labels.TextStyle {
		labels.TextStyle[i].XAlign = draw.XLeft
		labels.Offset = vg.Point{X: vg.Points(3), Y: vg.Points(3)}
	}
	return labels, nil
}
