// Package eval measures the detectors and the bot's decision rules offline,
// against a labelled corpus of edits: how many vandal edits the bot would
// revert and how many good edits it would revert with them.
//
// It is its own package, not part of bot or detectors, because it is the one
// place that runs both together over data instead of a live wiki, and two
// callers share it: the `wikiwarden eval` command, where operators choose
// thresholds, and tests elsewhere that hold the detectors to a minimum
// quality on a fixed corpus. It does no network I/O and keeps no state
// between runs.
package eval

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/detectors"
)

// Output formats of Run.
const (
	FormatText = "text"
	FormatJSON = "json"
)

// Options say what Run evaluates and how it reports.
type Options struct {
	Corpus string // path of the JSON-lines corpus
	// Threshold, when not 0, is every detector's threshold; 0 keeps each
	// detector's default (detectors.DefaultThreshold).
	Threshold float64
	Format    string   // FormatText (the default when "") or FormatJSON
	Plot      string   // when not "", the precision/recall curves are drawn to this SVG file
	Detectors []string // detectors to run; nil runs all (detectors.Names). They run, and are reported, in the stack's fixed order
	// Progress allows a progress bar on stderr. Even then it is shown only
	// when stderr is a terminal or the corpus is large enough for a run to
	// take a while, so logs of small runs stay clean.
	Progress bool
	// Dicts are the real-word dictionaries by language (lexicon.Load's
	// Dicts), as the bot has them; nil judges by letters alone.
	Dicts map[string]detectors.Words
	// Explain, when above 0, lists that many of the worst false positives
	// and misses with their reasons (Report.FalsePositives, Report.Misses).
	Explain int
}

// Report is the outcome of a run. Every map is non-nil.
type Report struct {
	Overall   Metrics            // what the bot would revert
	Detectors map[string]Metrics // each detector deciding on its own
	// ByKind is Overall restricted to the records of each non-empty kind.
	// A kind is usually all vandalism, so read its recall.
	ByKind map[string]Metrics
	// Curves are the precision/recall curves, OverallCurve first, then the
	// detectors in order.
	Curves     []Curve
	Thresholds map[string]float64 // the thresholds Overall and Detectors were computed at
	Records    int                // records scored
	BadLines   int                // lines reported and skipped
	// FalsePositives and Misses are the worst Options.Explain records the
	// bot reverts wrongly and keeps wrongly, worst first.
	FalsePositives []Explained
	Misses         []Explained
}

// scorer is what Run needs of a detector stack.
type scorer interface {
	Score(e *detectors.Edit, env *detectors.Env) []detectors.Result
}

// Run scores every record of the corpus once, as the bot would judge the
// edit arriving with nothing in its store, and writes the report to stdout.
// Bad lines are reported on stderr with their line numbers and skipped; the
// progress bar also goes to stderr. A corpus with no valid record is an
// error, so a wrong path or format cannot pass for a perfect score. When ctx
// is done Run stops and returns ctx.Err().
func Run(ctx context.Context, opts Options, stdout, stderr io.Writer) (Report, error) {
	names := opts.Detectors
	if names == nil {
		names = detectors.Names()
	}
	stack, err := detectors.NewStack(names)
	if err != nil {
		return Report{}, fmt.Errorf("eval: %w", err)
	}
	return run(ctx, opts, stack, stack.Names(), stdout, stderr)
}

func (o *Options) validate() error {
	switch {
	case o.Corpus == "":
		return errors.New("eval: no corpus: give the path of a JSON-lines file")
	case math.IsNaN(o.Threshold) || o.Threshold < 0 || o.Threshold > 1:
		return fmt.Errorf("eval: threshold %v: want a number in [0,1], 0 for the defaults", o.Threshold)
	case o.Format != "" && o.Format != FormatText && o.Format != FormatJSON:
		return fmt.Errorf("eval: format %q: want %q or %q", o.Format, FormatText, FormatJSON)
	}
	return nil
}

// thresholds returns each detector's threshold for the run.
func (o *Options) thresholds(names []string) map[string]float64 {
	th := make(map[string]float64, len(names))
	for _, n := range names {
		th[n] = detectors.DefaultThreshold(n)
		if o.Threshold != 0 {
			th[n] = o.Threshold
		}
	}
	return th
}

func run(ctx context.Context, opts Options, stack scorer, names []string, stdout, stderr io.Writer) (Report, error) {
	if err := opts.validate(); err != nil {
		return Report{}, err
	}
	f, err := os.Open(opts.Corpus)
	if err != nil {
		return Report{}, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	var size int64 = -1
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		size = fi.Size()
	}
	bar := newProgress(opts.Progress, size, stderr)
	defer bar.clear()

	rep := Report{
		Detectors:  make(map[string]Metrics, len(names)),
		ByKind:     map[string]Metrics{},
		Thresholds: opts.thresholds(names),
	}
	policy := bot.Policy{Thresholds: rep.Thresholds}
	scratch := bot.Policy{Thresholds: make(map[string]float64, len(names))}
	cands := make([]float64, 0, 2+len(names)) // scratch for critical
	env := &detectors.Env{Dicts: opts.Dicts}

	var (
		overall   confusion
		perDet    = make([]confusion, len(names))
		byKind    = map[string]*confusion{}
		vandalism []bool
		crit      = make([][]float64, 1+len(names)) // [0] overall, [1+i] names[i]
		fps       = worst{n: opts.Explain, high: true}
		misses    = worst{n: opts.Explain}
	)
	bad := func(line int, err error) {
		rep.BadLines++
		bar.clear()
		fmt.Fprintf(stderr, "%s:%d: skipped: %v\n", opts.Corpus, line, err)
	}
	for rec, err := range ReadCorpus(bar.reader(f), bad) {
		if err != nil {
			return rep, fmt.Errorf("eval: %s: %w", opts.Corpus, err)
		}
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		rep.Records++
		e := rec.Edit()
		results := stack.Score(e, env)

		d := bot.Decide(e, results, bot.Memory{}, policy)
		flagged := d.Reverts()
		overall.add(rec.Vandalism, flagged)
		if rec.Kind != "" {
			c := byKind[rec.Kind]
			if c == nil {
				c = &confusion{}
				byKind[rec.Kind] = c
			}
			c.add(rec.Vandalism, flagged)
		}
		vandalism = append(vandalism, rec.Vandalism)
		crit[0] = append(crit[0], critical(e, results, scratch, cands))
		if opts.Explain > 0 && rec.Vandalism != flagged {
			side := &fps
			if rec.Vandalism {
				side = &misses
			}
			side.offer(crit[0][len(crit[0])-1], func() Explained {
				return Explained{ID: rec.ID, Line: rec.Line, Kind: rec.Kind, Title: rec.Title, Decision: d,
					Results: slices.Clone(results), Text: addedText(rec)}
			})
		}

		for i, name := range names {
			// A detector on its own: the bot deciding on its result alone.
			var own []detectors.Result
			if j := slices.IndexFunc(results, func(r detectors.Result) bool { return r.Detector == name }); j >= 0 {
				own = results[j : j+1]
			}
			perDet[i].add(rec.Vandalism, bot.Decide(e, own, bot.Memory{}, policy).Reverts())
			crit[1+i] = append(crit[1+i], critical(e, own, scratch, cands))
		}
	}
	if err := ctx.Err(); err != nil {
		return rep, err
	}
	bar.finish()
	if rep.Records == 0 {
		return rep, fmt.Errorf("eval: %s: no valid records (%d bad lines)", opts.Corpus, rep.BadLines)
	}

	rep.Overall = overall.metrics()
	for i, name := range names {
		rep.Detectors[name] = perDet[i].metrics()
	}
	for k, c := range byKind {
		rep.ByKind[k] = c.metrics()
	}
	rep.Curves = append(rep.Curves, sweep(OverallCurve, crit[0], vandalism))
	for i, name := range names {
		rep.Curves = append(rep.Curves, sweep(name, crit[1+i], vandalism))
	}

	rep.FalsePositives, rep.Misses = fps.items, misses.items
	if opts.Format == FormatJSON {
		err = writeJSON(stdout, rep)
	} else {
		err = writeText(stdout, opts.Corpus, names, rep)
		if err == nil && opts.Explain > 0 {
			err = writeExplained(stdout, rep.FalsePositives, rep.Misses)
		}
	}
	if err != nil {
		return rep, fmt.Errorf("eval: write report: %w", err)
	}
	if opts.Plot != "" {
		if err := writePlot(opts.Plot, rep); err != nil {
			return rep, fmt.Errorf("eval: plot: %w", err)
		}
	}
	return rep, nil
}
