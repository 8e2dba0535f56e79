package pgmemory

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Status is what Check found in the shared memory.
type Status struct {
	Schema      int // the database's schema version; 0 before the first process connected
	Latest      int // the newest schema version of this build
	Events      int64
	SpamDomains int64
}

// Check connects to the shared memory once, without changing it, and
// reports its schema version and what it holds: for "wikiwarden check".
// The error never contains the DSN's password.
func Check(ctx context.Context, dsn string) (Status, error) {
	ms, err := loadMigrations()
	if err != nil {
		return Status{}, err
	}
	st := Status{Latest: ms[len(ms)-1].version}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return st, errors.New("pgmemory: the DSN does not parse as a PostgreSQL connection string or URL")
	}
	if cfg.ConnectTimeout == 0 || cfg.ConnectTimeout > 5*time.Second {
		cfg.ConnectTimeout = 5 * time.Second
	}
	c, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return st, fmt.Errorf("pgmemory: connect: %s", redact(err, cfg.Password))
	}
	defer c.Close(context.WithoutCancel(ctx))
	err = c.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM public.wikiwarden_migrations").Scan(&st.Schema)
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42P01" { // undefined_table: no process connected yet
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("pgmemory: schema version: %s", redact(err, cfg.Password))
	}
	err = c.QueryRow(ctx, "SELECT (SELECT count(*) FROM wikiwarden.events), (SELECT count(*) FROM wikiwarden.spam_domains)").Scan(&st.Events, &st.SpamDomains)
	if err != nil {
		return st, fmt.Errorf("pgmemory: count: %s", redact(err, cfg.Password))
	}
	return st, nil
}
