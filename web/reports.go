package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/wikiwarden/wikiwarden/store"
)

// mistakeReader is a Store that keeps the false-positive reports made on
// the wiki's report page; *store.Store is one.
type mistakeReader interface {
	OpenMistakes(ctx context.Context) ([]store.Mistake, error)
}

// reported puts the records someone reported as the bot's mistake, and no
// moderator resolved, at the top of the queue recs, and returns who
// reported each, by revision id.
func (s *server) reported(ctx context.Context, recs []store.Record, res map[int64]store.AuditEntry) ([]store.Record, map[int64]string, error) {
	mr, ok := s.deps.Store.(mistakeReader)
	if !ok {
		return recs, nil, nil
	}
	open, err := mr.OpenMistakes(ctx)
	if err != nil {
		return nil, nil, err
	}
	by := map[int64]string{}
	var top []store.Record
	for _, m := range open {
		if _, done := res[m.RevID]; done {
			continue
		}
		rec, err := s.deps.Store.Record(ctx, m.RevID)
		if err != nil {
			continue // expired, or a revision the bot never saw
		}
		by[m.RevID] = m.By
		top = append(top, rec)
	}
	if len(top) == 0 {
		return recs, by, nil
	}
	for _, r := range recs {
		if _, dup := by[r.RevID]; !dup {
			top = append(top, r)
		}
	}
	return top, by, nil
}

// mistakeKeeper is a Store where a moderator keeps a reported item removed;
// *store.Store is one.
type mistakeKeeper interface {
	KeepReported(ctx context.Context, revID int64, moderator, reason string, at time.Time) (store.Mistake, error)
}

// keep decides a reported item: the bot's revert stands, for the reason in
// the form field "reason", which the bot passes on to the reporter. The
// store writes the audit entry.
func (s *server) keep(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<16)
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, badRequest{"unreadable form"})
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	mk, ok := s.deps.Store.(mistakeKeeper)
	if err != nil || !ok {
		s.fail(w, r, errNotFound)
		return
	}
	reason := strings.TrimSpace(r.Form.Get("reason"))
	if reason == "" || len(reason) > 500 {
		s.fail(w, r, badRequest{"say why the edit stays removed (at most 500 characters): the reporter reads it"})
		return
	}
	m, err := mk.KeepReported(r.Context(), id, moderator(r).user, reason, s.opts.Now())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, Result{ID: m.RevID, Action: string(store.AuditKeep), OK: true, Outcome: "Kept removed: " + reason})
}
