// Command botnet-sim plays a scripted botnet campaign against a throwaway
// test wiki (scripts/testwiki.sh), so that wikiwarden can be watched at work
// (make demo) and load-tested.
//
// Usage:
//
//	botnet-sim --env DIR/env --phase seed|probe|return|report|bulk [--n 1000] [--state FILE]
//	botnet-sim --forum --env DIR/env --phase seed|probe|return|report [--cross-ip IP] [--state FILE]
//
// The phases, one per call, in this order (see package internal/campaign):
//
//	seed    an administrator imports real articles and sets User:Warden/Run to "true"
//	probe   probe tokens in five spellings, anywhere in the markup, from 11 IPs in 5 ranges, among good-faith edits
//	return  link spam from new IPs of the probing ranges, among good-faith edits
//	report  what became of every edit, and which addresses and ranges are blocked
//	bulk    --n anonymous edits as fast as the wiki takes them (needs seed)
//
// With --forum the same phases (but bulk) play a forum botnet wave on a
// test forum (scripts/testforum.sh; see package internal/forumcampaign):
// seed opens topics and the off-switch topic; probe posts tokens as guest
// replies, a guest topic, a registered account and from IPv6; return posts
// link spam from new addresses of the probing ranges and the account (and
// from --cross-ip); report prints what became of each post.
//
// The wiki's URL and admin login come from the env file that
// "scripts/testwiki.sh up DIR" writes. The edits made are kept in the state
// file (default: campaign.json next to the env file) for report to judge.
//
// Exit status: 0 ok; 1 on errors, and when report finds a probe or spam edit
// still on the wiki or a good-faith edit reverted or its editor blocked; 2
// bad usage.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/wikiwarden/wikiwarden/internal/campaign"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// usageError marks errors in how botnet-sim was called (exit status 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// errSilent is returned when the command already said everything.
var errSilent = errors.New("")

func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	if !errors.Is(err, errSilent) {
		fmt.Fprintln(stderr, "botnet-sim:", err)
	}
	if errors.As(err, new(usageError)) {
		return 2
	}
	return 1
}

type options struct {
	env, phase, state, corpus string
	seed                      uint64
	n, workers                int
	forum                     bool   // the env file is a test forum's: play the forum wave
	crossIP                   string // forum seed: a spam post from this address too
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("botnet-sim", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.env, "env", "", "env file written by \"scripts/testwiki.sh up DIR\" (DIR/env)")
	fs.StringVar(&o.phase, "phase", "", "seed, probe, return, report or bulk")
	fs.StringVar(&o.state, "state", "", "campaign state file (default: campaign.json next to --env)")
	fs.StringVar(&o.corpus, "corpus", campaign.DefaultCorpus(), "directory of the article wikitext the seed phase imports")
	fs.Uint64Var(&o.seed, "seed", 1, "random seed of the probe tokens (seed phase)")
	fs.IntVar(&o.n, "n", 1000, "number of edits (bulk phase)")
	fs.IntVar(&o.workers, "workers", 4, "edits in flight at once (bulk phase)")
	fs.BoolVar(&o.forum, "forum", false, "play the forum wave on the forum of \"scripts/testforum.sh up DIR\" (--env DIR/env): phases seed, probe, return, report")
	fs.StringVar(&o.crossIP, "cross-ip", "", "forum seed phase: add a spam post from this address (one of a range that probed the wiki)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return o, usageError{errSilent}
		}
		return o, usageError{err}
	}
	switch {
	case fs.NArg() > 0:
		return o, usageError{fmt.Errorf("unexpected argument %q", fs.Arg(0))}
	case o.env == "":
		return o, usageError{errors.New("--env is required: the env file of \"scripts/testwiki.sh up DIR\"")}
	case o.phase == "":
		return o, usageError{errors.New("--phase is required: seed, probe, return, report or bulk")}
	case o.n < 1:
		return o, usageError{errors.New("--n must be at least 1")}
	}
	if o.state == "" {
		name := "campaign.json"
		if o.forum {
			name = "forumwave.json"
		}
		o.state = filepath.Join(filepath.Dir(o.env), name)
	}
	return o, nil
}

// run is main without the process, so that tests can call it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	if o.forum {
		return runForum(ctx, o, stdout)
	}
	env, err := readEnv(o.env)
	if err != nil {
		return err
	}
	w := &campaign.Wiki{API: env["WIKI_API"], AdminUser: env["WIKI_ADMIN"], AdminPassword: env["WIKI_ADMIN_PASSWORD"]}

	var st *campaign.State
	if o.phase == string(campaign.PhaseSeed) {
		st = &campaign.State{Seed: o.seed, Corpus: o.corpus}
	} else if st, err = campaign.LoadState(o.state); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("no campaign state in %s: run --phase seed first", o.state)
	} else if err != nil {
		return err
	}
	c, err := campaign.New(w, st)
	if err != nil {
		return err
	}

	switch o.phase {
	case "seed", "probe", "return":
		return runPhase(ctx, c, campaign.Phase(o.phase), o.state, stdout)
	case "report":
		return report(ctx, c, stdout)
	case "bulk":
		return bulk(ctx, c, o, stdout)
	}
	return usageError{fmt.Errorf("unknown phase %q: want seed, probe, return, report or bulk", o.phase)}
}

func runPhase(ctx context.Context, c *campaign.Campaign, ph campaign.Phase, statePath string, stdout io.Writer) error {
	edits, err := c.Run(ctx, ph)
	// Keep what was made even when the phase failed half-way.
	if serr := c.State.Save(statePath); err == nil {
		err = serr
	}
	if ph == campaign.PhaseSeed && err == nil {
		titles := make([]string, len(c.Plan.Articles))
		for i, a := range c.Plan.Articles {
			titles[i] = a.Title
		}
		fmt.Fprintf(stdout, "%s imported %d articles: %s\n", c.Wiki.AdminUser, len(titles), strings.Join(titles, ", "))
		fmt.Fprintf(stdout, "%s set %s to \"true\": the bot may act\n", c.Wiki.AdminUser, c.Plan.RunPage)
	}
	if len(edits) > 0 {
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "KIND\tIP\tPAGE\tEDIT\tADDED")
		for _, e := range edits {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", e.Kind, e.IP, e.Title, e.What, clip(e.Added, 60))
		}
		tw.Flush()
	}
	return err
}

func report(ctx context.Context, c *campaign.Campaign, stdout io.Writer) error {
	outs, err := c.Report(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PHASE\tKIND\tIP\tPAGE\tEDIT\tOUTCOME\tBLOCKED (IP/RANGE)")
	bad := 0
	for _, o := range outs {
		blocked := "-"
		if len(o.Blocks) > 0 {
			blocked = strings.Join(o.Blocks, ", ")
		}
		// The last cell is not tab-terminated, so tabwriter does not pad it.
		if !o.Expected() {
			bad++
			switch {
			case o.Kind != campaign.KindGood:
				blocked += "  <- should have been reverted"
			case !o.OnPage:
				blocked += "  <- good faith, should have been left alone"
			default:
				blocked += "  <- good-faith editor blocked"
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", o.Phase, o.Kind, o.IP, o.Title, o.What, o.Result(), blocked)
	}
	tw.Flush()
	t := campaign.Count(outs)
	fmt.Fprintln(stdout)
	fmt.Fprintln(stdout, t)
	if bad > 0 {
		return fmt.Errorf("%d of %d edits not handled as expected", bad, len(outs))
	}
	return nil
}

func bulk(ctx context.Context, c *campaign.Campaign, o options, stdout io.Writer) error {
	if len(c.State.Phases) == 0 {
		return errors.New("bulk edits the seeded articles: run --phase seed first")
	}
	titles := make([]string, len(c.Plan.Articles))
	for i, a := range c.Plan.Articles {
		titles[i] = a.Title
	}
	start := time.Now()
	edits, err := c.Wiki.Bulk(ctx, o.n, campaign.BulkOptions{Titles: titles, Workers: o.workers, Seed: o.seed})
	took := time.Since(start)
	made, probes, ips := 0, 0, map[string]bool{}
	for _, e := range edits {
		if e.RevID == 0 {
			continue
		}
		made++
		ips[e.IP] = true
		if e.Kind == campaign.KindProbe {
			probes++
		}
	}
	fmt.Fprintf(stdout, "bulk: %d edits (%d probes) from %d IPs on %d pages in %s: %.1f edits/s\n",
		made, probes, len(ips), len(titles), took.Round(time.Millisecond), float64(made)/took.Seconds())
	return err
}

// readEnv reads the KEY=VALUE lines of a testwiki env file.
func readEnv(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read env file: %w", err)
	}
	defer f.Close()
	env := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(strings.TrimSpace(sc.Text()), "="); ok {
			env[k] = v
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read env file %s: %w", path, err)
	}
	for _, k := range []string{"WIKI_API", "WIKI_ADMIN", "WIKI_ADMIN_PASSWORD"} {
		if env[k] == "" {
			return nil, fmt.Errorf("env file %s has no %s (is it from \"scripts/testwiki.sh up\"?)", path, k)
		}
	}
	return env, nil
}

func clip(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
