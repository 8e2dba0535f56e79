package web

import (
	"context"
	"errors"
	"net/http"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/store"
)

// maxList bounds the items one page lists, and maxDetailed the queue items
// shown with their diff and histories.
const (
	maxList     = 200
	maxDetailed = 50
)

// records reads the records of the look-up window, newest first.
func (s *server) records(ctx context.Context) ([]store.Record, map[int64]store.AuditEntry, error) {
	recs, err := s.deps.Store.Records(ctx, store.Query{Since: s.opts.Now().Add(-s.opts.Window)})
	if err != nil {
		return nil, nil, err
	}
	res, err := s.deps.Store.Resolutions(ctx)
	if err != nil {
		return nil, nil, err
	}
	return recs, res, nil
}

// queued returns the records that need a human and no moderator resolved,
// newest first.
func (s *server) queued(ctx context.Context) ([]store.Record, map[int64]store.AuditEntry, error) {
	recs, res, err := s.records(ctx)
	if err != nil {
		return nil, nil, err
	}
	var out []store.Record
	for _, r := range recs {
		if _, done := res[r.RevID]; !done && s.waiting(r) != "" {
			out = append(out, r)
		}
	}
	out, _, err = s.reported(ctx, out, res)
	return out, res, err
}

// queueLength feeds the queue length gauge.
func (s *server) queueLength(ctx context.Context) (int, error) {
	q, _, err := s.queued(ctx)
	return len(q), err
}

func (s *server) queue(w http.ResponseWriter, r *http.Request) {
	recs, res, err := s.queued(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	total := len(recs)
	if len(recs) > maxList {
		recs = recs[:maxList]
	}
	_, reportedBy, err := s.reported(r.Context(), nil, res)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	items := make([]Item, len(recs))
	for i, rec := range recs {
		items[i] = s.item(rec, res)
		if by, ok := reportedBy[rec.RevID]; ok {
			items[i].ReportedBy = by
			items[i].Waiting = "Reported as a mistake by " + by + "."
		}
	}
	// Diffs and histories for the first items only: each page view asks
	// the wiki for their texts.
	n := min(len(items), maxDetailed)
	if err := s.withDetails(r.Context(), items[:n], recs[:n]); err != nil {
		s.fail(w, r, err)
		return
	}
	for i := n; i < len(items); i++ {
		items[i].DiffNote = "Open the item for its diff and history."
	}
	s.respond(w, r, "queue", map[string]any{"Items": items, "Total": total}, items)
}

// filter is the Actions page's filter form.
type filter struct {
	Verdict, Page, IP, Token, Domain, Since string
	prefix                                  netip.Prefix
	since                                   time.Time
}

func (s *server) parseFilter(r *http.Request) (filter, error) {
	q := r.URL.Query()
	f := filter{Verdict: q.Get("verdict"), Page: strings.TrimSpace(q.Get("page")), IP: strings.TrimSpace(q.Get("ip")),
		Token: strings.TrimSpace(q.Get("token")), Domain: strings.ToLower(strings.TrimSpace(q.Get("domain"))), Since: q.Get("since")}
	if f.IP != "" {
		p, err := parseTarget(f.IP)
		if err != nil {
			return f, badRequest{"ip: not an address or range: " + f.IP}
		}
		f.prefix = p
	}
	if f.Since != "" {
		d, err := parseSince(f.Since)
		if err != nil {
			return f, badRequest{"since: say 24h, 7d or 2026-01-31"}
		}
		f.since = d
	}
	return f, nil
}

// parseSince reads "24h", "7d" or a date.
func parseSince(v string) (time.Time, error) {
	if n, ok := strings.CutSuffix(v, "d"); ok {
		days, err := strconv.Atoi(n)
		if err != nil || days < 0 {
			return time.Time{}, errors.New("bad days")
		}
		return time.Now().Add(-time.Duration(days) * 24 * time.Hour), nil
	}
	if d, err := time.ParseDuration(v); err == nil && d > 0 {
		return time.Now().Add(-d), nil
	}
	return time.Parse("2006-01-02", v)
}

// parseTarget reads an address or a range.
func parseTarget(v string) (netip.Prefix, error) {
	if a, err := netip.ParseAddr(v); err == nil {
		a = a.Unmap()
		return netip.PrefixFrom(a, a.BitLen()), nil
	}
	p, err := netip.ParsePrefix(v)
	if err != nil {
		return netip.Prefix{}, err
	}
	return p.Masked(), nil
}

func (f filter) match(r store.Record) bool {
	if f.Verdict != "" && string(r.Verdict) != f.Verdict {
		return false
	}
	if f.Page != "" && !strings.EqualFold(r.Title, f.Page) {
		return false
	}
	if f.prefix.IsValid() {
		a, err := netip.ParseAddr(r.IP)
		if err != nil || !f.prefix.Contains(a.Unmap()) {
			return false
		}
	}
	if !f.since.IsZero() && r.Time.Before(f.since) {
		return false
	}
	if f.Token != "" && !slices.ContainsFunc(r.Results, func(d detectors.Result) bool { return slices.Contains(d.Tokens, f.Token) }) {
		return false
	}
	if f.Domain != "" && !slices.ContainsFunc(links(r), func(l detectors.Link) bool { return l.Domain == f.Domain }) {
		return false
	}
	return true
}

func (s *server) actions(w http.ResponseWriter, r *http.Request) {
	f, err := s.parseFilter(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	recs, res, err := s.records(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	items := []Item{}
	for _, rec := range recs {
		if acted(rec) && f.match(rec) && len(items) < maxList {
			items = append(items, s.item(rec, res))
		}
	}
	verdicts := []decision.Verdict{decision.VerdictProbe, decision.VerdictFollowUpSpam, decision.VerdictLinkSpam}
	s.respond(w, r, "actions", map[string]any{"Items": items, "Filter": f, "Verdicts": verdicts}, items)
}

func (s *server) itemPage(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.fail(w, r, errNotFound)
		return
	}
	rec, err := s.deps.Store.Record(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := s.deps.Store.Resolutions(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	items := []Item{s.item(rec, res)}
	if err := s.withDetails(r.Context(), items, []store.Record{rec}); err != nil {
		s.fail(w, r, err)
		return
	}
	audit, err := s.deps.Store.Audit(r.Context(), store.AuditQuery{RevID: id})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	it := items[0]
	s.respond(w, r, "item", map[string]any{
		"Item": it, "Audit": audit, "Acted": acted(rec), "Confirm": r.URL.Query().Get("confirm"),
	}, map[string]any{"item": it, "audit": audit})
}

// lookup renders a timeline page.
func (s *server) lookup(w http.ResponseWriter, r *http.Request, kind, subject string, entries []Entry, items []Item) {
	sortEntries(entries)
	if entries == nil {
		entries = []Entry{}
	}
	if items == nil {
		items = []Item{}
	}
	s.respond(w, r, "lookup", map[string]any{"Kind": kind, "Subject": subject, "Entries": entries, "Items": items},
		map[string]any{"kind": kind, "subject": subject, "timeline": entries, "records": items})
}

func (s *server) ipLookup(w http.ResponseWriter, r *http.Request) {
	p, err := parseTarget(r.PathValue("ip"))
	if err != nil {
		s.fail(w, r, badRequest{"not an address or range"})
		return
	}
	ctx := r.Context()
	events, err := s.deps.Store.IPEvents(ctx, p, s.opts.Now().Add(-s.opts.Window))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var entries []Entry
	for _, e := range events {
		entries = append(entries, eventEntry(e))
	}
	targets := []netip.Prefix{p}
	if p.IsSingleIP() {
		targets = append(targets, s.rangeOf(p.Addr()))
	}
	for _, t := range targets {
		b, err := s.blocksIn(ctx, t)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		entries = append(entries, b...)
	}
	items, err := s.itemsWhere(ctx, func(rec store.Record) bool {
		a, err := netip.ParseAddr(rec.IP)
		return err == nil && p.Contains(a.Unmap())
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, it := range items {
		if r := it.Resolved; r != nil {
			entries = append(entries, Entry{Time: r.Time, Kind: "moderator", Title: it.Title, Who: r.By, RevID: it.RevID, Detail: r.Action + ": " + r.Outcome})
		}
	}
	subject := p.String()
	if p.IsSingleIP() {
		subject = p.Addr().String()
	}
	s.lookup(w, r, "Address or range", subject, entries, items)
}

func (s *server) tokenLookup(w http.ResponseWriter, r *http.Request) {
	tok := r.PathValue("token")
	events, err := s.deps.Store.TokenEvents(r.Context(), tok)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var entries []Entry
	for _, e := range events {
		entries = append(entries, eventEntry(e))
	}
	items, err := s.itemsWhere(r.Context(), func(rec store.Record) bool {
		return slices.ContainsFunc(rec.Results, func(d detectors.Result) bool { return slices.Contains(d.Tokens, tok) })
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.lookup(w, r, "Token", tok, entries, items)
}

func (s *server) pageLookup(w http.ResponseWriter, r *http.Request) {
	title := r.PathValue("title")
	events, err := s.deps.Store.PageEvents(r.Context(), title, s.opts.Now().Add(-s.opts.Window))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var entries []Entry
	for _, e := range events {
		entries = append(entries, eventEntry(e))
	}
	items, err := s.itemsWhere(r.Context(), func(rec store.Record) bool { return rec.Title == title })
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.lookup(w, r, "Page", title, entries, items)
}

func (s *server) domainLookup(w http.ResponseWriter, r *http.Request) {
	dom := strings.ToLower(r.PathValue("domain"))
	items, err := s.itemsWhere(r.Context(), func(rec store.Record) bool {
		return slices.ContainsFunc(links(rec), func(l detectors.Link) bool { return l.Domain == dom })
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var entries []Entry
	fb, err := s.deps.Store.Feedback(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, f := range fb {
		if (f.Kind == store.FeedbackGoodDomain || f.Kind == store.FeedbackSpamDomain) && f.Value == dom {
			entries = append(entries, Entry{Time: f.Time, Kind: "feedback", Who: f.Moderator, RevID: f.RevID, Detail: string(f.Kind)})
		}
	}
	for _, it := range items {
		entries = append(entries, Entry{Time: it.Time, Kind: string(it.Verdict), Title: it.Title, Who: it.User, RevID: it.RevID, Detail: it.Outcome})
	}
	s.lookup(w, r, "Domain", dom, entries, items)
}

// itemsWhere returns the items of the window's records that keep selects.
func (s *server) itemsWhere(ctx context.Context, keep func(store.Record) bool) ([]Item, error) {
	recs, res, err := s.records(ctx)
	if err != nil {
		return nil, err
	}
	var out []Item
	for _, rec := range recs {
		if rec.Verdict != decision.VerdictSkipped && keep(rec) && len(out) < maxList {
			out = append(out, s.item(rec, res))
		}
	}
	return out, nil
}

func (s *server) feedback(w http.ResponseWriter, r *http.Request) {
	fb, err := s.deps.Store.Feedback(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if fb == nil {
		fb = []store.Feedback{}
	}
	s.respond(w, r, "feedback", map[string]any{"Feedback": fb}, fb)
}

func (s *server) audit(w http.ResponseWriter, r *http.Request) {
	a, err := s.deps.Store.Audit(r.Context(), store.AuditQuery{Limit: 500})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if a == nil {
		a = []store.AuditEntry{}
	}
	s.respond(w, r, "audit", map[string]any{"Audit": a}, a)
}
