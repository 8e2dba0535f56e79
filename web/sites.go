package web

// Sites: which sites a request covers, item ids across sites, and what
// personal data of a site a moderator may see.

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

// errForbidden is a moderator reaching into a site they do not review.
var errForbidden = errors.New("not a moderator of this site")

// reviewed returns the sites the request's moderator reviews, in the
// config's order.
func (s *server) reviewed(r *http.Request) []*Site {
	sess := moderator(r)
	if sess == nil {
		return nil
	}
	groups := s.sessions.groupsOf(sess)
	var out []*Site
	for _, st := range s.siteList() {
		if s.reviews(sess.site, groups, st) {
			out = append(out, st)
		}
	}
	return out
}

// mayReview reports whether the request's moderator reviews st.
func (s *server) mayReview(r *http.Request, st *Site) bool {
	return slices.Contains(s.reviewed(r), st)
}

// scope returns the sites a page covers: the one named by ?site= (404 when
// there is none of that name, 403 when the moderator does not review it),
// or every site the moderator reviews (the overview).
func (s *server) scope(r *http.Request) ([]*Site, error) {
	name := r.URL.Query().Get("site")
	if name == "" {
		return s.reviewed(r), nil
	}
	st := s.siteNamed(name)
	if st == nil {
		return nil, errNotFound
	}
	if !s.mayReview(r, st) {
		return nil, errForbidden
	}
	return []*Site{st}, nil
}

// itemID is an item's id across sites: "site:id".
func itemID(site string, id int64) string { return site + ":" + strconv.FormatInt(id, 10) }

// parseItem reads an item id, "site:id" or a bare id of the first site, and
// returns its site (403 when the moderator does not review it).
func (s *server) parseItem(r *http.Request, v string) (*Site, int64, error) {
	st := s.siteList()[0]
	if name, rest, ok := strings.Cut(v, ":"); ok {
		st = s.siteNamed(name)
		v = rest
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if st == nil || err != nil || id <= 0 {
		return nil, 0, errNotFound
	}
	if !s.mayReview(r, st) {
		return nil, 0, errForbidden
	}
	return st, id, nil
}

// siteRecord is a record with its site.
type siteRecord struct {
	site *Site
	rec  store.Record
}

// resolutions are the console's resolutions of each site's records.
type resolutions map[*Site]map[int64]store.AuditEntry

// records reads the look-up window's records of sites, newest first, and
// their resolutions.
func (s *server) records(ctx context.Context, sites []*Site) ([]siteRecord, resolutions, error) {
	var out []siteRecord
	res := resolutions{}
	since := s.opts.Now().Add(-s.opts.Window)
	for _, st := range sites {
		recs, err := st.Store.Records(ctx, store.Query{Since: since})
		if err != nil {
			return nil, nil, fmt.Errorf("site %s: %w", st.Name, err)
		}
		for _, r := range recs {
			out = append(out, siteRecord{st, r})
		}
		m, err := st.Store.Resolved(ctx)
		if err != nil {
			return nil, nil, fmt.Errorf("site %s: %w", st.Name, err)
		}
		res[st] = m
	}
	slices.SortStableFunc(out, func(a, b siteRecord) int { return b.rec.Time.Compare(a.rec.Time) })
	return out, res, nil
}

// recordIP is the address the console may show for a record: an
// anonymous editor's, whose address is their public name, and never a
// registered account's (a forum keeps its users' addresses; they are
// personal data).
func recordIP(r store.Record) string {
	if !r.Anon {
		return ""
	}
	return r.IP
}

// privacy decides, for one request, which events' personal data (address,
// user, page) the moderator may see: only of sites they review, and of a
// forum only a guest's address. It caches the records it reads.
type privacy struct {
	s       *server
	ctx     context.Context
	allowed map[string]*Site
	anon    map[itemKey]bool
}

func (s *server) privacy(r *http.Request) *privacy {
	p := &privacy{s: s, ctx: r.Context(), allowed: map[string]*Site{}, anon: map[itemKey]bool{}}
	for _, st := range s.reviewed(r) {
		p.allowed[st.Name] = st
	}
	return p
}

// site returns the reviewed site an event happened on, or nil.
func (p *privacy) site(e store.Event) *Site {
	name := e.Site
	if name == "" {
		name = p.s.siteList()[0].Name
	}
	return p.allowed[name]
}

// showIP reports whether e's address may be shown.
func (p *privacy) showIP(e store.Event) bool {
	st := p.site(e)
	if st == nil || !e.IP.IsValid() {
		return false
	}
	return st.Kind != KindNodeBB || p.guest(st, e.RevID)
}

// guest reports whether contribution id of forum st was a guest's, whose
// address may be shown.
func (p *privacy) guest(st *Site, id int64) bool {
	k := itemKey{st.Name, id}
	anon, ok := p.anon[k]
	if !ok {
		rec, err := st.Store.Record(p.ctx, id)
		anon = err == nil && rec.Anon
		p.anon[k] = anon
	}
	return anon
}

// entries turns events into timeline entries: in full for the sites the
// moderator reviews (a registered forum user's address left out), and as
// counted facts without personal data for the others ("probed another site
// 3 times"). what names the subject of the facts ("this address", "this
// /24", "this token").
func (p *privacy) entries(events []store.Event, skip func(store.Event) bool, what string) []Entry {
	var out []Entry
	type fact struct{ kind store.EventKind }
	counts := map[fact]int{}
	var last = map[fact]store.Event{}
	for _, e := range events {
		if skip != nil && skip(e) {
			continue
		}
		st := p.site(e)
		if st == nil {
			f := fact{e.Kind}
			counts[f]++
			if e.Time.After(last[f].Time) {
				last[f] = e
			}
			continue
		}
		en := eventEntry(e)
		en.Site, en.Item = st.Name, itemID(st.Name, e.RevID)
		if !p.showIP(e) {
			en.Who = e.User
			if e.IP.IsValid() && e.User == e.IP.Unmap().String() {
				en.Who = ""
			}
		}
		out = append(out, en)
	}
	for f, n := range counts {
		verb := map[store.EventKind]string{store.EventProbe: "probed", store.EventSpam: "spammed", store.EventRevert: "was reverted on"}[f.kind]
		if verb == "" {
			verb = string(f.kind) + " on"
		}
		out = append(out, Entry{Time: last[f].Time, Kind: "elsewhere",
			Detail: fmt.Sprintf("%s %s another site %d time(s) in the window", what, verb, n)})
	}
	return out
}
