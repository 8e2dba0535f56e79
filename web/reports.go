package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/wikiwarden/wikiwarden/store"
)

// reported puts the records someone reported as the bot's mistake, and no
// moderator resolved, at the top of the queue recs, and returns who
// reported each, by site and record.
func (s *server) reported(ctx context.Context, sites []*Site, recs []siteRecord, res resolutions) ([]siteRecord, map[itemKey]string, error) {
	by := map[itemKey]string{}
	var top []siteRecord
	for _, st := range sites {
		open, err := st.Store.OpenMistakes(ctx)
		if err != nil {
			return nil, nil, fmt.Errorf("site %s: %w", st.Name, err)
		}
		for _, m := range open {
			if _, done := res[st][m.RevID]; done {
				continue
			}
			rec, err := st.Store.Record(ctx, m.RevID)
			if err != nil {
				continue // expired, or a revision the bot never saw
			}
			by[itemKey{st.Name, m.RevID}] = m.By
			top = append(top, siteRecord{st, rec})
		}
	}
	if len(top) == 0 {
		return recs, by, nil
	}
	for _, sr := range recs {
		if _, dup := by[itemKey{sr.site.Name, sr.rec.RevID}]; !dup {
			top = append(top, sr)
		}
	}
	return top, by, nil
}

// keep decides a reported item: the bot's revert stands, for the reason in
// the form field "reason", which the bot passes on to the reporter. The
// store writes the audit entry. The queue page's "Keep removed" form posts
// here and comes back to the queue.
func (s *server) keep(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<16)
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, badRequest{"unreadable form"})
		return
	}
	st, id, err := s.parseItem(r, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	reason := strings.TrimSpace(r.Form.Get("reason"))
	if reason == "" || len(reason) > 500 {
		s.fail(w, r, badRequest{"say why the edit stays removed (at most 500 characters): the reporter reads it"})
		return
	}
	m, err := st.Store.KeepReported(r.Context(), id, moderator(r).user, reason, s.opts.Now())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	outcome := "Kept removed: " + reason
	if isAPI(r) {
		writeJSON(w, http.StatusOK, Result{ID: itemID(st.Name, m.RevID), Site: st.Name, Action: string(store.AuditKeep), OK: true, Outcome: outcome})
		return
	}
	s.sessions.setFlash(moderator(r), outcome+" The bot tells "+m.By+" on its next pass.")
	http.Redirect(w, r, "/queue", http.StatusSeeOther)
}
