package web

import (
	"context"

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
