package eval

import (
	"math"
	"slices"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/detectors"
)

// curveSteps is how many intervals the curves divide [0,1] into: thresholds
// are read to two decimals in config, so a finer grid shows nothing new.
const curveSteps = 100

// Point is the metrics at one threshold of a Curve.
type Point struct {
	Threshold float64 `json:"threshold"`
	Metrics
}

// Curve is the metrics as one threshold sweeps over [0,1], ascending: the
// precision/recall trade-off an operator picks a threshold from.
type Curve struct {
	// Name is "overall" for the bot's decision with the threshold applied
	// to every detector (what --threshold sets), else the detector's name
	// for that detector deciding on its own.
	Name   string
	Points []Point
}

// OverallCurve names the curve of the bot's combined decision.
const OverallCurve = "overall"

// critical returns the largest threshold t at which Decide, with t as every
// detector's threshold, reverts the edit: +Inf when it reverts whatever the
// thresholds, -Inf when it never does. Decide compares scores with
// thresholds, so its outcome can only change at a score; lowering every
// threshold never makes it revert less, so the edit is reverted at t exactly
// when t <= critical. One number per record and decision thus gives the
// whole curve without scoring or deciding again.
//
// policy is scratch space, overwritten.
func critical(e *detectors.Edit, results []detectors.Result, policy bot.Policy, cands []float64) float64 {
	cands = append(cands[:0], math.Inf(1))
	for _, r := range results {
		cands = append(cands, r.Score)
	}
	slices.Sort(cands[1:])
	slices.Reverse(cands[1:])
	for i, c := range cands {
		if i > 0 && c == cands[i-1] {
			continue
		}
		for _, r := range results {
			policy.Thresholds[r.Detector] = c
		}
		if bot.Decide(e, results, bot.Memory{}, policy).Reverts() {
			return c
		}
	}
	return math.Inf(-1)
}

// sweep computes a curve from each record's critical threshold (crit) and
// label (vandalism, same order).
func sweep(name string, crit []float64, vandalism []bool) Curve {
	var pos, neg []float64
	for i, c := range crit {
		if vandalism[i] {
			pos = append(pos, c)
		} else {
			neg = append(neg, c)
		}
	}
	slices.Sort(pos)
	slices.Sort(neg)
	// atLeast counts the sorted values >= t.
	atLeast := func(s []float64, t float64) int {
		i, _ := slices.BinarySearch(s, t)
		return len(s) - i
	}
	points := make([]Point, 0, curveSteps+1)
	for i := 0; i <= curveSteps; i++ {
		t := float64(i) / curveSteps
		tp, fp := atLeast(pos, t), atLeast(neg, t)
		c := confusion{tp: tp, fn: len(pos) - tp, fp: fp, tn: len(neg) - fp}
		points = append(points, Point{Threshold: t, Metrics: c.metrics()})
	}
	return Curve{Name: name, Points: points}
}
