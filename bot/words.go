package bot

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/store"
)

// WordOptions say where the probe detector's real words come from besides
// the letter model: a rare real word ("horcrux", a place name) reads like
// random letters to a letter model, but not to a dictionary or to the
// wiki's own vocabulary.
type WordOptions struct {
	// LoadDicts loads the real-word dictionaries of the given languages
	// (the site's content language and English). cmd/wikiwarden fills it
	// with package lexicon, which reads Debian's word lists; nil: none.
	LoadDicts func(ctx context.Context, langs []string) (map[string]detectors.Words, error)
	// Lang is the site's content language when the site does not say
	// ("" : guessed from each page's text).
	Lang string
	// AllowListPage is a page whose words (one or more a line, # starts a
	// comment) are never probe tokens by themselves; administrators edit
	// it. It is read at the first pass and again after it changed. "" :
	// none.
	AllowListPage string
	// SpamBlacklistPage and SpamWhitelistPage are the site's lists of spam
	// URL patterns (SpamBlacklist extension format, e.g.
	// MediaWiki:Spam-blacklist): a link to a blacklisted domain is spam
	// evidence, a whitelisted one is a domain the site cites. Read at the
	// first pass and again after they changed. "" : none.
	SpamBlacklistPage string
	SpamWhitelistPage string
}

// wordState is what the patroller knows of real words between passes.
type wordState struct {
	dictsTried bool
	dicts      map[string]detectors.Words
	vocab      *detectors.WordSet  // the wiki's own words, learned with the letter model
	allow      *detectors.WordSet  // the allow-list page's words
	allowRead  bool                // the allow-list page was read since it last changed
	black      *detectors.SpamList // the site's spam blacklist
	white      *detectors.SpamList // the site's spam whitelist
	spamRead   bool                // the spam lists were read since they last changed
	// From moderators' feedback in the review console, re-read each pass.
	fbWords   *detectors.WordSet
	fbTrusted map[string]bool
	fbDomains map[string]bool // good domains
	fbSpam    map[string]bool // domains confirmed as spam
}

// words brings the patroller's word sources up to date for a pass: the
// dictionaries (loaded once), the allow-list page (after it changed) and
// moderators' feedback. A source that cannot be read is logged and left
// out: the letter model still judges.
func (p *Patroller) words(ctx context.Context) {
	w := &p.wordState
	if !w.dictsTried && p.opts.Words.LoadDicts != nil {
		w.dictsTried = true
		langs := []string{"en"}
		if lang := p.lang(); lang != "" && lang != "en" {
			langs = append(langs, lang)
		}
		d, err := p.opts.Words.LoadDicts(ctx, langs)
		if err != nil {
			p.log.WithError(err).Warn("dictionaries not loaded; judging words by their letters alone")
		}
		w.dicts = d
	}
	p.listPages(ctx)
	fb, err := p.store.Feedback(ctx)
	if err != nil {
		p.log.WithError(err).Warn("moderators' feedback not read")
		return
	}
	var words []string
	w.fbTrusted, w.fbDomains, w.fbSpam = map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, f := range fb {
		switch f.Kind {
		case store.FeedbackAllowWord:
			words = append(words, f.Value)
		case store.FeedbackTrustedEditor:
			w.fbTrusted[f.Value] = true
		case store.FeedbackGoodDomain:
			w.fbDomains[f.Value] = true
		case store.FeedbackSpamDomain:
			w.fbSpam[f.Value] = true
		}
	}
	w.fbWords = detectors.NewWordSet(words)
}

// allowed reports whether a moderator's feedback or the allow-list page
// made word a real word.
func (w *wordState) allowed(word string) bool {
	return w.fbWords.Has(word) || w.allow.Has(word)
}

// listPages reads the pages administrators keep lists on (the allow-list,
// the spam blacklist and whitelist) that changed since the last read, in
// one request. A page that cannot be read is logged and its list left as
// it was.
func (p *Patroller) listPages(ctx context.Context) {
	w := &p.wordState
	o := p.opts.Words
	allow := o.AllowListPage != "" && !w.allowRead
	spam := (o.SpamBlacklistPage != "" || o.SpamWhitelistPage != "") && !w.spamRead
	var titles []string
	if allow {
		titles = append(titles, o.AllowListPage)
	}
	if spam {
		for _, t := range []string{o.SpamBlacklistPage, o.SpamWhitelistPage} {
			if t != "" {
				titles = append(titles, t)
			}
		}
	}
	if len(titles) == 0 {
		return
	}
	states, err := p.site.Places(ctx, titles)
	if err != nil {
		p.log.WithError(err).WithField("pages", titles).Warn("list pages not read")
		return
	}
	text := func(title string) (string, bool) {
		st, ok := states[title]
		if title == "" || !ok || st.Missing {
			return "", false
		}
		return st.Latest.Text, true
	}
	if allow {
		w.allowRead = true
		w.allow = nil
		if t, ok := text(o.AllowListPage); ok {
			w.allow = detectors.AllowList(t)
			p.log.WithFields(logrus.Fields{"page": o.AllowListPage, "words": w.allow.Len()}).Info("allow-list read")
		}
	}
	if spam {
		w.spamRead = true
		read := func(title string) *detectors.SpamList {
			t, ok := text(title)
			if !ok {
				return nil
			}
			l := detectors.ParseSpamList(t)
			p.log.WithFields(logrus.Fields{"page": title, "patterns": l.Len(), "unreadable": l.Bad()}).Info("spam list read")
			return l
		}
		w.black, w.white = read(o.SpamBlacklistPage), read(o.SpamWhitelistPage)
	}
}

// lang is the site's content language: the site's own word, else the
// configured one.
func (p *Patroller) lang() string {
	if p.self.Lang != "" {
		return p.self.Lang
	}
	return p.opts.Words.Lang
}

// wordUnion is every extra word source of a pass, for detectors.Env.Words.
func (w *wordState) wordUnion() detectors.Words {
	var u detectors.Union
	for _, s := range []*detectors.WordSet{w.vocab, w.allow, w.fbWords} {
		if s.Len() > 0 {
			u = append(u, s)
		}
	}
	if len(u) == 0 {
		return nil
	}
	return u
}

// noteChange marks the allow-list page or a spam list for a fresh read when
// a pass sees an edit of it.
func (p *Patroller) noteChange(c Contribution) {
	if page := p.opts.Words.AllowListPage; page != "" && c.Place.Title == page {
		p.wordState.allowRead = false
	}
	if t := c.Place.Title; t != "" && (t == p.opts.Words.SpamBlacklistPage || t == p.opts.Words.SpamWhitelistPage) {
		p.wordState.spamRead = false
	}
}

// modelMagic starts the stored form of a letter model with the wiki's
// vocabulary; a stored model without it is a bare letter model (stores
// written before vocabularies).
const modelMagic = "WWLV"

// encodeLearned keeps a letter model and the vocabulary learned with it in
// one stored value.
func encodeLearned(m *detectors.Model, vocab *detectors.WordSet) ([]byte, error) {
	md, err := m.MarshalBinary()
	if err != nil {
		return nil, fmt.Errorf("encode letter model: %w", err)
	}
	vd, err := vocab.MarshalBinary()
	if err != nil {
		return nil, fmt.Errorf("encode vocabulary: %w", err)
	}
	out := append([]byte(modelMagic), binary.AppendUvarint(nil, uint64(len(md)))...)
	return append(append(out, md...), vd...), nil
}

// decodeLearned reads what encodeLearned wrote, or a bare letter model.
func decodeLearned(data []byte) (*detectors.Model, *detectors.WordSet, error) {
	m := new(detectors.Model)
	if !strings.HasPrefix(string(data[:min(len(data), len(modelMagic))]), modelMagic) {
		return m, nil, m.UnmarshalBinary(data)
	}
	data = data[len(modelMagic):]
	n, k := binary.Uvarint(data)
	if k <= 0 || uint64(len(data)-k) < n {
		return nil, nil, errors.New("stored letter model cut short")
	}
	if err := m.UnmarshalBinary(data[k : k+int(n)]); err != nil {
		return nil, nil, err
	}
	v := new(detectors.WordSet)
	if err := v.UnmarshalBinary(data[k+int(n):]); err != nil {
		return nil, nil, err
	}
	return m, v, nil
}
