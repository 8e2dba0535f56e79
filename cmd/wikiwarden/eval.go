package main

import (
	"context"
	"errors"
	"flag"
	"io"
	"strings"

	"github.com/wikiwarden/wikiwarden/eval"
	"github.com/wikiwarden/wikiwarden/lexicon"
)

func runEval(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var opts eval.Options
	fs := flag.NewFlagSet("wikiwarden eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&opts.Corpus, "corpus", "", "labelled corpus, one JSON edit per line (required)")
	fs.Float64Var(&opts.Threshold, "threshold", 0, "threshold for every detector (0: each detector's default)")
	fs.StringVar(&opts.Format, "format", "text", "output format: text or json")
	fs.IntVar(&opts.Explain, "explain", 0, "list the N worst false positives and misses with their reasons")
	fs.StringVar(&opts.Plot, "plot", "", "write the precision/recall curve over thresholds to this SVG file")
	dicts := fs.String("dicts", lexicon.All, "languages whose installed dictionaries to read pages in, comma-separated; \"all\" for every installed one, \"\" for none")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return usageError{errSilent}
		}
		return usageError{err}
	}
	switch {
	case opts.Corpus == "":
		return usagef("eval needs --corpus FILE.jsonl")
	case opts.Format != "text" && opts.Format != "json":
		return usagef("--format %q: use text or json", opts.Format)
	case opts.Explain < 0:
		return usagef("--explain %d: use a number of records, 0 for none", opts.Explain)
	case opts.Threshold < 0 || opts.Threshold > 1:
		return usagef("--threshold %v: use a number between 0 and 1", opts.Threshold)
	}
	opts.Progress = true
	if *dicts != "" {
		// Compiled before scoring starts, so that the first record read
		// in a language without an index does not hold the progress bar
		// for a minute.
		d := dictionaries{cacheDir: lexicon.DefaultCacheDir(getenv), langs: strings.Split(*dicts, ",")}
		if _, err := d.compile(ctx, stderr, false); err != nil {
			return err
		}
		lx, err := d.open(ctx)
		if err != nil {
			return err
		}
		opts.Dicts = lx.Dicts()
	}
	_, err := eval.Run(ctx, opts, stdout, stderr)
	return err
}
