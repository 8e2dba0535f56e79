package bot

import (
	"context"
	"errors"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/wikiwarden/wikiwarden/store"
)

// The store's reads as a pass sees them: what is committed, plus what the
// pass handled since its last commit (p.batch). A chunk is committed in one
// transaction at its end, and a probe early in it must count for the spam
// after it all the same.

func (p *Patroller) ipEvents(ctx context.Context, prefix netip.Prefix, since time.Time) ([]store.Event, error) {
	evs, err := p.store.IPEvents(ctx, prefix, since)
	if err != nil {
		return nil, err
	}
	for _, h := range p.batch {
		for _, e := range h.Events {
			if e.IP.IsValid() && prefix.Contains(e.IP.Unmap()) && !e.Time.Before(since) {
				evs = append(evs, e)
			}
		}
	}
	return evs, nil
}

func (p *Patroller) pageEvents(ctx context.Context, title string, since time.Time) ([]store.Event, error) {
	evs, err := p.store.PageEvents(ctx, title, since)
	if err != nil {
		return nil, err
	}
	for _, h := range p.batch {
		for _, e := range h.Events {
			if e.Title == title && !e.Time.Before(since) {
				evs = append(evs, e)
			}
		}
	}
	return evs, nil
}

func (p *Patroller) tokenEvents(ctx context.Context, token string) ([]store.Event, error) {
	evs, err := p.store.TokenEvents(ctx, token)
	if err != nil {
		return nil, err
	}
	for _, h := range p.batch {
		for _, e := range h.Events {
			if slices.Contains(e.Tokens, token) {
				evs = append(evs, e)
			}
		}
	}
	return evs, nil
}

// lastRevert is the time of the bot's latest revert of user's edits on
// title; store.ErrNotFound when there was none.
func (p *Patroller) lastRevert(ctx context.Context, user, title string) (time.Time, error) {
	last, err := p.store.LastRevert(ctx, user, title)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return time.Time{}, err
	}
	for _, h := range p.batch {
		for _, e := range h.Events {
			if e.Kind == store.EventRevert && e.User == user && e.Title == title && e.Time.After(last) {
				last, err = e.Time, nil
			}
		}
	}
	return last, err
}

// blocks are the bot's blocks of target, oldest first.
func (p *Patroller) blocks(ctx context.Context, target string) ([]store.Block, error) {
	bs, err := p.store.Blocks(ctx, target)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	for _, h := range p.batch {
		if h.Block != nil && h.Block.Target == target {
			bs = append(bs, *h.Block)
		}
	}
	return bs, nil
}

// blockEnd is when a block the bot placed runs out, from its expiry as the
// site was asked ("1 day", "2 weeks", "infinite", an RFC 3339 time); the
// zero time for one that never does. An expiry it cannot read counts as a
// day: long enough not to press the site with a second block request.
func blockEnd(b store.Block) time.Time {
	exp := strings.ToLower(strings.TrimSpace(b.Expiry))
	switch exp {
	case "infinite", "infinity", "indefinite", "never":
		return time.Time{}
	}
	if t, err := time.Parse(time.RFC3339, b.Expiry); err == nil {
		return t
	}
	units := map[string]time.Duration{
		"second": time.Second, "minute": time.Minute, "hour": time.Hour, "day": 24 * time.Hour,
		"week": 7 * 24 * time.Hour, "month": 30 * 24 * time.Hour, "year": 365 * 24 * time.Hour,
	}
	if f := strings.Fields(exp); len(f) == 2 {
		n, err := strconv.Atoi(f[0])
		if u, ok := units[strings.TrimSuffix(f[1], "s")]; ok && err == nil && n >= 0 {
			return b.Time.Add(time.Duration(n) * u)
		}
	}
	return b.Time.Add(24 * time.Hour)
}

// inForce reports whether the bot's block b still holds at now.
func inForce(b store.Block, now time.Time) bool {
	end := blockEnd(b)
	return end.IsZero() || now.Before(end)
}
