package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/wikiwarden/wikiwarden/store"
)

// Result is what a moderator's action answers under /api/.
type Result struct {
	ID       string           `json:"id"`
	Site     string           `json:"site"`
	Action   string           `json:"action"`
	OK       bool             `json:"ok"`
	Outcome  string           `json:"outcome"`
	Feedback []store.Feedback `json:"feedback,omitempty"`
}

// teachable returns the feedback a moderator may give from rec: its tokens
// as allowed words, its domains as good (or, for confirmed spam, spam)
// domains, its editor as trusted. Keys are "kind:value", the form's values.
func teachable(it Item, good bool) []store.Feedback {
	var out []store.Feedback
	if good {
		for _, t := range it.Tokens {
			out = append(out, store.Feedback{Kind: store.FeedbackAllowWord, Value: t})
		}
		for _, d := range it.Domains {
			out = append(out, store.Feedback{Kind: store.FeedbackGoodDomain, Value: d})
		}
		out = append(out, store.Feedback{Kind: store.FeedbackTrustedEditor, Value: it.User})
		return out
	}
	for _, d := range it.Domains {
		out = append(out, store.Feedback{Kind: store.FeedbackSpamDomain, Value: d})
	}
	return out
}

// act returns the handler of one moderator action on an item. The wiki call
// is made under the site's lock; the audit entry and feedback are written
// after it returns.
func (s *server) act(action store.AuditAction) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
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
		ctx := r.Context()
		rec, err := st.Store.Record(ctx, id)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		who := moderator(r).user
		// One action on an item at a time: a double click's second
		// request is refused, and the resolution is read only once the
		// claim is held, so it sees what the first one wrote.
		key := itemKey{st.Name, rec.RevID}
		if !s.claim(key) {
			s.fail(w, r, conflict{"Another moderator's action on this item is under way; reload the page."})
			return
		}
		defer s.unclaim(key)
		res, err := st.Store.Resolved(ctx)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		it := s.item(st, rec, res)
		if err := s.allowed(action, rec, it); err != nil {
			s.fail(w, r, err)
			return
		}
		// Only what this item offers can be taught, whatever the form says.
		var teach []store.Feedback
		offered := teachable(it, action == store.AuditRestore || action == store.AuditDismiss)
		if action == store.AuditRevert || action == store.AuditBlock || action == store.AuditDelete {
			offered = teachable(it, false)
		}
		for _, v := range r.Form["teach"] {
			kind, value, _ := strings.Cut(v, ":")
			if i := slices.IndexFunc(offered, func(f store.Feedback) bool { return string(f.Kind) == kind && f.Value == value }); i >= 0 {
				teach = append(teach, offered[i])
			}
		}

		outcome, err := s.carryOut(ctx, st, action, rec, who)
		entry := store.AuditEntry{Time: s.opts.Now(), Moderator: who, Action: action, RevID: rec.RevID, Title: rec.Title, Outcome: outcome}
		if action == store.AuditBlock || action == store.AuditRestore {
			entry.Target = rec.BlockTarget
			if action == store.AuditBlock {
				entry.Target = rec.User
			}
		}
		if err != nil {
			entry.Err = err.Error()
		}
		// The action is done on the wiki: record it even if the request
		// is being cancelled.
		actx := context.WithoutCancel(ctx)
		if _, aerr := st.Store.AddAudit(actx, entry); aerr != nil {
			s.log.WithError(aerr).WithField("rev_id", rec.RevID).Error("audit entry not written")
		}
		if s.deps.Metrics != nil {
			s.deps.Metrics.moderatorAction(string(action), err)
			s.deps.Metrics.refreshQueue()
		}
		log := s.log.WithFields(map[string]any{"site": st.Name, "rev_id": rec.RevID, "title": rec.Title, "user": who, "action": string(action)})
		if err != nil {
			log.WithError(err).Warn("moderator action failed")
			s.fail(w, r, actionError{err})
			return
		}
		log.Info(outcome)
		var taught []store.Feedback
		for _, f := range teach {
			f.RevID, f.Moderator, f.Time = rec.RevID, who, s.opts.Now()
			got, err := st.Store.AddFeedback(actx, f)
			if err != nil {
				s.fail(w, r, err)
				return
			}
			taught = append(taught, got)
			if _, err := st.Store.AddAudit(actx, store.AuditEntry{Time: s.opts.Now(), Moderator: who, Action: store.AuditFeedback,
				RevID: rec.RevID, Title: rec.Title, Target: string(got.Kind) + ":" + got.Value}); err != nil {
				s.log.WithError(err).Error("audit entry not written")
			}
		}
		if isAPI(r) {
			writeJSON(w, http.StatusOK, Result{ID: it.ID, Site: st.Name, Action: string(action), OK: true, Outcome: outcome, Feedback: taught})
			return
		}
		msg := outcome
		if len(taught) > 0 {
			msg += fmt.Sprintf(" The bot learnt %d thing(s) from it; see Feedback.", len(taught))
		}
		s.sessions.setFlash(moderator(r), msg)
		http.Redirect(w, r, "/item/"+it.ID, http.StatusSeeOther)
	}
}

// claim marks item id as being acted on, and reports false when it already
// is.
func (s *server) claim(id itemKey) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.inflight[id] {
		return false
	}
	s.inflight[id] = true
	return true
}

func (s *server) unclaim(id itemKey) {
	s.mu.Lock()
	delete(s.inflight, id)
	s.mu.Unlock()
}

// actionError is a failed wiki action: a later editor keeps its 409, the
// rest are the wiki refusing, shown with the wiki's words.
type actionError struct{ err error }

func (e actionError) Error() string { return e.err.Error() }
func (e actionError) Unwrap() error { return e.err }

// allowed refuses actions that make no sense for the item's state.
func (s *server) allowed(action store.AuditAction, rec store.Record, it Item) error {
	if it.Resolved != nil && action.Resolves() {
		return conflict{fmt.Sprintf("Already %s by %s on %s.", pastTense(it.Resolved.Action), it.Resolved.By, it.Resolved.Time.UTC().Format("2006-01-02 15:04 UTC"))}
	}
	switch action {
	case store.AuditRestore:
		if !acted(rec) {
			return conflict{"The bot did not revert or block this edit: nothing to restore."}
		}
	case store.AuditBlock:
		if rec.IP == "" && rec.User == "" {
			return conflict{"No editor to block."}
		}
	}
	return nil
}

func pastTense(a string) string {
	switch store.AuditAction(a) {
	case store.AuditRestore:
		return "restored"
	case store.AuditRevert:
		return "reverted"
	case store.AuditDelete:
		return "deleted"
	case store.AuditDismiss:
		return "dismissed"
	}
	return a
}

// carryOut makes the wiki call of action under the site's lock, which its
// patrol passes hold too; a dismissal needs none.
func (s *server) carryOut(ctx context.Context, st *Site, action store.AuditAction, rec store.Record, who string) (string, error) {
	if action == store.AuditDismiss {
		return "Dismissed as a good edit.", nil
	}
	st.Lock.Lock()
	defer st.Lock.Unlock()
	m := st.Port
	switch action {
	case store.AuditRestore:
		return m.Restore(ctx, rec, who)
	case store.AuditRevert:
		return m.Revert(ctx, rec, who)
	case store.AuditDelete:
		return m.DeletePage(ctx, rec, who)
	case store.AuditBlock:
		return m.Block(ctx, rec, who)
	}
	return "", fmt.Errorf("unknown action %q", action)
}

// withdraw takes feedback out of force: feedback of a site the moderator
// reviews, found by its id.
func (s *server) withdraw(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseUint(r.PathValue("id"), 10, 64)
	if err != nil {
		s.fail(w, r, errNotFound)
		return
	}
	who := moderator(r).user
	var (
		f  store.Feedback
		st *Site
	)
	err = store.ErrNotFound
	for _, cand := range s.reviewed(r) {
		if f, err = cand.Store.WithdrawFeedback(r.Context(), id); !errors.Is(err, store.ErrNotFound) {
			st = cand
			break
		}
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := st.Store.AddAudit(r.Context(), store.AuditEntry{Time: s.opts.Now(), Moderator: who, Action: store.AuditWithdrawFeedback,
		RevID: f.RevID, Target: string(f.Kind) + ":" + f.Value}); err != nil {
		s.log.WithError(err).Error("audit entry not written")
	}
	if isAPI(r) {
		writeJSON(w, http.StatusOK, f)
		return
	}
	s.sessions.setFlash(moderator(r), fmt.Sprintf("Withdrawn: %s %s.", f.Kind, f.Value))
	http.Redirect(w, r, "/feedback", http.StatusSeeOther)
}
