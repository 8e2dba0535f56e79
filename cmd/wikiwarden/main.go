// Command wikiwarden patrols MediaWikis' recent changes and NodeBB forums'
// new posts, removes random-token probes and the link spam that follows
// them, and blocks the addresses, ranges and accounts behind them; every
// site of the config is patrolled by one process with one memory.
//
// Usage:
//
//	wikiwarden check  --config FILE            validate config, log in, report missing rights
//	wikiwarden patrol --config FILE --once     one patrol pass per site (for cron), then a summary line each
//	wikiwarden run    --config FILE            the service: patrol on a schedule until SIGINT/SIGTERM
//	wikiwarden eval   --corpus FILE.jsonl      score a labelled corpus offline
//	wikiwarden store  check|backup ...         verify a store file, or back it up
//
// Exit status: 0 ok, 1 runtime error, 2 bad usage or configuration.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// serviceMemoryLimit is the Go runtime's soft memory limit for `run`,
// unless GOMEMLIMIT sets another: a long-lived service should not keep the
// heap of its start (the letter model's sample, the first backlog) for
// good. Its live heap on a small wiki is about 10 MB.
const serviceMemoryLimit = 20 << 20

func main() {
	if len(os.Args) > 1 && os.Args[1] == "run" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serviceMemoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// usageError marks errors caused by how wikiwarden was called or configured
// (exit status 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// errSilent is returned when the command already told the user everything.
var errSilent = errors.New("")

func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var ue usageError
	code := 1
	if errors.As(err, &ue) || isConfigError(err) {
		code = 2
	}
	if !errors.Is(err, errSilent) {
		fmt.Fprintln(stderr, "wikiwarden:", err)
	}
	return code
}

const usage = `usage: wikiwarden <command> [flags]

commands:
  check   --config FILE                 validate the config, log in, report missing rights
  patrol  --config FILE --once [--dry-run] [--site NAME]
                                        one patrol pass over everything new on each site (or
                                        on NAME), then a summary line per site
  run     --config FILE [--dry-run]     the service: patrol on patrol.schedule until SIGINT/SIGTERM
  eval    --corpus FILE.jsonl [--threshold X] [--format text|json] [--plot pr.svg] [--explain N]
                                        score a labelled corpus offline
  store   check FILE|--config FILE | backup --config FILE DEST
                                        verify a store file, or copy the store consistently

Run "wikiwarden <command> -h" for a command's flags.`

// run is main without the process: tests call it with their own arguments,
// environment and output.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return usageError{errSilent}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "check":
		return runCheck(ctx, rest, getenv, stdout, stderr)
	case "patrol":
		return runPatrol(ctx, rest, getenv, stdout, stderr)
	case "run":
		return runService(ctx, rest, getenv, stdout, stderr)
	case "eval":
		return runEval(ctx, rest, getenv, stdout, stderr)
	case "store":
		return runStore(ctx, rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprintln(stdout, usage)
		return nil
	default:
		fmt.Fprintln(stderr, usage)
		return usagef("unknown command %q", cmd)
	}
}
