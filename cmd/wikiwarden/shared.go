package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/pgmemory"
	"github.com/wikiwarden/wikiwarden/store"
	"github.com/wikiwarden/wikiwarden/web"
)

// The shared memory (config section shared): the store is opened with
// sharing, so commits queue their cross-site facts, and a pgmemory
// Replicator keeps it in step with PostgreSQL. The bot is unchanged: each
// site's patroller gets its memory wrapped so that a pass starts with a sync
// (Pass reads its cursor first) and a commit asks for a push.

// startShared makes the replicator of the shared section, or does nothing
// when it is off. With background set (run) it syncs on its own until the
// app closes; without (patrol --once), each pass syncs first and close
// pushes what is left.
func (a *app) startShared(ctx context.Context, getenv func(string) string, background bool) error {
	sc := a.cfg.Shared
	if sc.Kind == "" || a.store == nil {
		return nil
	}
	dsn, err := sc.DSN(getenv)
	if err != nil {
		return err
	}
	r, err := pgmemory.New(ctx, a.store, pgmemory.Options{
		DSN:       dsn,
		MaxConns:  int32(sc.MaxConns),
		Interval:  time.Duration(sc.Sync),
		Retention: time.Duration(a.cfg.Store.Retention),
		Log:       a.log.WithField("component", "shared"),
	})
	if err != nil {
		return err
	}
	a.shared = r
	if background {
		r.Start(ctx)
	}
	return nil
}

// siteMemory is the memory a site's patroller works on: the site's part of
// the store, synced with the shared memory when there is one.
func (a *app) siteMemory(name string) bot.Store {
	ss := a.store.Site(name)
	if a.shared == nil {
		return ss
	}
	return sharedSite{SiteStore: ss, r: a.shared}
}

// sharedSite is a site's memory whose passes begin with a sync of the shared
// memory and whose commits ask for a push. Embedding keeps every other
// method of the SiteStore, including those the bot asks for by interface.
type sharedSite struct {
	*store.SiteStore
	r *pgmemory.Replicator
}

// Cursor syncs the shared memory, then returns the site's cursor: the pass
// that reads it then sees what every other process learned up to now. A
// sync that fails leaves the pass to the local memory.
func (s sharedSite) Cursor(ctx context.Context) (store.Cursor, error) {
	s.r.SyncBeforePass(ctx)
	return s.SiteStore.Cursor(ctx)
}

// Commit commits h and asks for a push of what it queued.
func (s sharedSite) Commit(ctx context.Context, h store.Handled) error {
	return pushed(s.r, s.SiteStore.Commit(ctx, h))
}

// CommitBatch commits hs and asks for a push of what they queued.
func (s sharedSite) CommitBatch(ctx context.Context, hs []store.Handled) error {
	return pushed(s.r, s.SiteStore.CommitBatch(ctx, hs))
}

// consoleMemory is the memory a site's review console writes to: with a
// shared memory, a moderator's decision asks for a push at once, so that a
// domain a restore cleared of its spam mark (store's labelSpamExample)
// stops counting in the other processes within a sync, not an interval.
func (a *app) consoleMemory(name string) web.SiteStore {
	ss := a.store.Site(name)
	if a.shared == nil {
		return ss
	}
	return consoleSite{SiteStore: ss, r: a.shared}
}

// consoleSite is a site's memory whose moderators' decisions ask for a
// push; embedding keeps every other method of the SiteStore.
type consoleSite struct {
	*store.SiteStore
	r *pgmemory.Replicator
}

// AddAudit records a moderator's action and asks for a push of what it
// queued.
func (s consoleSite) AddAudit(ctx context.Context, e store.AuditEntry) (store.AuditEntry, error) {
	e, err := s.SiteStore.AddAudit(ctx, e)
	return e, pushed(s.r, err)
}

// KeepReported records a moderator's decision on a report and asks for a
// push of what it queued.
func (s consoleSite) KeepReported(ctx context.Context, revID int64, moderator, reason string, at time.Time) (store.Mistake, error) {
	m, err := s.SiteStore.KeepReported(ctx, revID, moderator, reason, at)
	return m, pushed(s.r, err)
}

// pushed asks r for a push when a local write succeeded (err is nil) and
// returns err: what the write queued reaches the other processes.
func pushed(r *pgmemory.Replicator, err error) error {
	if err == nil {
		r.Kick()
	}
	return err
}

// checkShared reports, for "wikiwarden check", whether the shared memory
// is reachable and what it holds.
func checkShared(ctx context.Context, a *app, getenv func(string) string, stdout io.Writer) error {
	sc := a.cfg.Shared
	if sc.Kind == "" {
		return nil
	}
	dsn, err := sc.DSN(getenv)
	if err != nil {
		return err
	}
	st, err := pgmemory.Check(ctx, dsn)
	if err != nil {
		return fmt.Errorf("shared memory: %w", err)
	}
	switch {
	case st.Schema == 0:
		fmt.Fprintf(stdout, "shared memory: PostgreSQL reachable; its schema is created when the first process syncs\n")
	case st.Schema > st.Latest:
		fmt.Fprintf(stdout, "shared memory: PostgreSQL reachable, schema %d (newer than this build's %d), %d events, %d spam domains\n", st.Schema, st.Latest, st.Events, st.SpamDomains)
	default:
		fmt.Fprintf(stdout, "shared memory: PostgreSQL reachable, schema %d, %d events, %d spam domains\n", st.Schema, st.Events, st.SpamDomains)
	}
	return nil
}
