package store

import (
	"strings"

	"github.com/wikiwarden/wikiwarden/detectors"
)

// Text from the wiki is not guaranteed to be valid UTF-8, but encoding/json
// writes each invalid byte as U+FFFD. A key built from the raw text would then
// disagree with the stored JSON it indexes, and Expire, which rebuilds keys
// from the decoded JSON, would leave the raw key behind forever. Commit
// therefore replaces invalid bytes before building keys or encoding, and the
// lookups do the same to their arguments, so both sides see the same text.
// Rejecting such text instead would stall the bot on one odd edit.

// validText returns s with each run of invalid UTF-8 bytes replaced by
// U+FFFD.
func validText[S ~string](s S) S {
	return S(strings.ToValidUTF8(string(s), "\uFFFD"))
}

// validTexts returns a copy of ss with every string made valid; the caller's
// slice is left alone.
func validTexts[S ~string](ss []S) []S {
	if ss == nil {
		return nil
	}
	out := make([]S, len(ss))
	for i, s := range ss {
		out[i] = validText(s)
	}
	return out
}

// valid returns h with every string made valid UTF-8, sharing no slices with
// h.
func (h Handled) valid() Handled {
	h.Record = h.Record.valid()
	if h.Events != nil {
		evs := make([]Event, len(h.Events))
		for i, e := range h.Events {
			evs[i] = e.valid()
		}
		h.Events = evs
	}
	if h.Block != nil {
		b := h.Block.valid()
		h.Block = &b
	}
	h.SpamDomains = validTexts(h.SpamDomains)
	if h.Pending != nil {
		p := h.Pending.valid()
		h.Pending = &p
	}
	if h.SetAside != nil {
		a := h.SetAside.valid()
		h.SetAside = &a
	}
	return h
}

// valid returns e with every string made valid UTF-8.
func (e Event) valid() Event {
	e.Site = validText(e.Site)
	e.Kind = EventKind(validText(string(e.Kind)))
	e.User = validText(e.User)
	e.Title = validText(e.Title)
	e.Tokens = validTexts(e.Tokens)
	e.Domains = validTexts(e.Domains)
	return e
}

// valid returns b with every string made valid UTF-8.
func (b Block) valid() Block {
	b.Target = validText(b.Target)
	b.Expiry = validText(b.Expiry)
	b.Reason = validText(b.Reason)
	return b
}

// valid returns r with every string made valid UTF-8.
func (r Record) valid() Record {
	r.Title = validText(r.Title)
	r.User = validText(r.User)
	r.IP = validText(r.IP)
	r.Verdict = validText(r.Verdict)
	r.Action = validText(r.Action)
	r.Why = validTexts(r.Why)
	r.Outcome = validText(r.Outcome)
	r.Summary = validText(r.Summary)
	r.BlockTarget = validText(r.BlockTarget)
	r.BlockExpiry = validText(r.BlockExpiry)
	if r.Results != nil {
		rs := make([]detectors.Result, len(r.Results))
		for i, res := range r.Results {
			rs[i] = validResult(res)
		}
		r.Results = rs
	}
	return r
}

// validResult returns res with every string made valid UTF-8.
func validResult(res detectors.Result) detectors.Result {
	res.Detector = validText(res.Detector)
	res.Tokens = validTexts(res.Tokens)
	if res.Reasons != nil {
		rs := make([]detectors.Reason, len(res.Reasons))
		for i, r := range res.Reasons {
			r.Code = detectors.Code(validText(string(r.Code)))
			r.Subject = validText(r.Subject)
			r.Detail = validText(r.Detail)
			rs[i] = r
		}
		res.Reasons = rs
	}
	if res.Links != nil {
		ls := make([]detectors.Link, len(res.Links))
		for i, l := range res.Links {
			l.URL = validText(l.URL)
			l.Domain = validText(l.Domain)
			l.Anchor = validText(l.Anchor)
			ls[i] = l
		}
		res.Links = ls
	}
	return res
}
