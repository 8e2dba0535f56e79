package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/robfig/cron/v3"
	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/config"
	"github.com/wikiwarden/wikiwarden/store"
)

const storeUsage = `usage:
  wikiwarden store check  FILE | --config FILE   verify a store file: consistency, schema, counts
  wikiwarden store backup --config FILE DEST     write a consistent copy of the store to DEST

While "wikiwarden run" holds the store, neither can open it: set store.backup
in the config and run writes the backup itself, then check that copy.`

// runStore dispatches the store subcommands.
func runStore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, storeUsage)
		return usageError{errSilent}
	}
	switch args[0] {
	case "check":
		return runStoreCheck(args[1:], stdout, stderr)
	case "backup":
		return runStoreBackup(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprintln(stdout, storeUsage)
		return nil
	}
	fmt.Fprintln(stderr, storeUsage)
	return usagef("unknown store command %q", args[0])
}

// storeFlags parses a store subcommand's flags: --config, and up to max
// positional arguments.
func storeFlags(name string, args []string, stderr io.Writer, max int) (cfgPath string, rest []string, err error) {
	fs := flag.NewFlagSet("wikiwarden store "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfgPath, "config", "", "path of the YAML configuration file naming store.path")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return "", nil, usageError{errSilent}
		}
		return "", nil, usageError{err}
	}
	if fs.NArg() > max {
		return "", nil, usagef("unexpected argument %q", fs.Arg(max))
	}
	return cfgPath, fs.Args(), nil
}

// lockedHint explains what to do when the store is held by a running
// wikiwarden.
func lockedHint(err error) error {
	if errors.Is(err, store.ErrLocked) {
		return fmt.Errorf("%w; while wikiwarden run holds the store, let it write backups (store.backup.path and store.backup.schedule in the config) and check the backup file", err)
	}
	return err
}

func runStoreCheck(args []string, stdout, stderr io.Writer) error {
	cfgPath, rest, err := storeFlags("check", args, stderr, 1)
	if err != nil {
		return err
	}
	var path string
	switch {
	case cfgPath != "" && len(rest) > 0:
		return usagef("store check takes a FILE or --config, not both")
	case cfgPath != "":
		cfg, err := config.Load(cfgPath)
		if err != nil {
			return err
		}
		path = cfg.Store.Path
	case len(rest) == 1:
		path = rest[0]
	default:
		return usagef("store check needs a FILE or --config")
	}
	rep, err := store.Verify(path, store.Options{})
	if err != nil {
		return lockedHint(err)
	}
	fmt.Fprintf(stdout, "store %s: ok (%d bytes, schema %d)\n", rep.Path, rep.Size, rep.Schema)
	if rep.Note != "" {
		fmt.Fprintf(stdout, "note: %s\n", rep.Note)
		return nil
	}
	fmt.Fprintf(stdout, "shared by all sites: %d events, %d tokens, %d spam domains\n", rep.Events, rep.Tokens, rep.SpamDomains)
	for _, s := range rep.Sites {
		cursor := "none"
		if !s.Cursor.IsZero() {
			cursor = s.Cursor.Time.UTC().Format(time.RFC3339)
		}
		model := "none"
		if s.HasModel {
			model = "stored"
		}
		fmt.Fprintf(stdout, "site %s: %d records, %d places, %d blocks, %d pending, %d set aside, %d known domains, model %s, cursor %s\n",
			s.Name, s.Records, s.Pages, s.Blocks, s.Pending, s.SetAside, s.KnownDomains, model, cursor)
	}
	return nil
}

func runStoreBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfgPath, rest, err := storeFlags("backup", args, stderr, 1)
	if err != nil {
		return err
	}
	if cfgPath == "" || len(rest) != 1 {
		return usagef("store backup needs --config FILE and a DEST file")
	}
	cfg, err := config.Load(cfgPath)
	if err != nil {
		return err
	}
	// Read-only: a shared lock, and Open's consistency check, so a damaged
	// store is reported instead of copied.
	st, err := store.Open(cfg.Store.Path, store.Options{ReadOnly: true})
	if err != nil {
		return lockedHint(err)
	}
	defer st.Close()
	n, err := st.BackupTo(ctx, rest[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backup of %s written to %s (%d bytes)\n", cfg.Store.Path, rest[0], n)
	return nil
}

// startBackups has "wikiwarden run" write the store.backup copy of its store
// on store.backup.schedule, one at a time, and returns the function that
// stops the schedule and waits for a backup in flight. With store.backup
// off it does nothing.
func startBackups(ctx context.Context, a *app) (stop func()) {
	b := a.cfg.Store.Backup
	if b.Path == "" || b.Schedule == "" || a.store == nil {
		return func() {}
	}
	log := a.log.WithField("job", "backup")
	c := cron.New(cron.WithChain(cron.Recover(cron.PrintfLogger(log)), cron.SkipIfStillRunning(cron.DiscardLogger)))
	_, err := c.AddFunc(b.Schedule, func() { backupOnce(ctx, a.store, b.Path, log) })
	if err != nil {
		// Validate checked the spec; this is a bug, not the operator's.
		log.WithError(err).Error("schedule store backup")
		return func() {}
	}
	c.Start()
	return func() { <-c.Stop().Done() }
}

// backupOnce writes one backup and logs the outcome.
func backupOnce(ctx context.Context, st *store.Store, path string, log logrus.FieldLogger) {
	start := time.Now()
	n, err := st.BackupTo(ctx, path)
	if err != nil {
		if ctx.Err() == nil {
			log.WithError(err).Error("store backup failed")
		}
		return
	}
	log.WithFields(logrus.Fields{"path": path, "bytes": n, "seconds": time.Since(start).Seconds()}).Info("store backed up")
}
