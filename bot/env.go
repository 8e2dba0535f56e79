package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/store"
)

// minTrainingBytes is the least sampled wiki text the bot learns from.
// detectors.Train adds the built-in model's counts, so even a small wiki's
// model is never weaker than the built-in one; below this there is too
// little text to be worth the change.
const minTrainingBytes = 50_000

// maxKnownLinks bounds the external links read to learn the known domains.
const maxKnownLinks = 100_000

// domainSet is the store's domain knowledge, snapshotted for one pass, with
// the site's own spam lists: a blacklisted domain is spam unless the
// whitelist lets it through; a whitelisted domain is one the site cites.
type domainSet struct {
	d            store.Domains
	black, white *detectors.SpamList
}

func (s domainSet) Known(domain string) bool { return s.d.Known[domain] || s.white.Match(domain) }
func (s domainSet) Spam(domain string) bool {
	return s.d.Spam[domain] || s.black.Match(domain) && !s.white.Match(domain)
}

// env gathers what the detectors consult: the letter model (from the store,
// trained on first use) and the domains the wiki knows.
func (p *Patroller) env(ctx context.Context) (*detectors.Env, error) {
	if p.model == nil {
		m, err := p.loadModel(ctx)
		if err != nil {
			return nil, err
		}
		p.model, p.modelResting = m, false
	}
	return p.envWithoutModel(ctx)
}

// envWithoutModel is env with the letter model as it is: nil while it
// rests (the detectors then use the built-in one), for a pass with nothing
// to judge.
func (p *Patroller) envWithoutModel(ctx context.Context) (*detectors.Env, error) {
	doms, err := p.store.Domains(ctx)
	if err != nil {
		return nil, fmt.Errorf("read known domains: %w", err)
	}
	// This pass's feedback first, so that the domains below reflect it.
	p.words(ctx)
	doms = withFeedback(doms, p.wordState.fbDomains, p.wordState.fbSpam)
	p.known = len(doms.Known)
	return &detectors.Env{
		Model: p.model, Domains: domainSet{d: doms, black: p.wordState.black, white: p.wordState.white}, Dicts: p.wordState.dicts,
		SiteSpam: p.siteSpamLayer(ctx),
		Words:    p.wordState.wordUnion(), Lang: p.lang(), Thresholds: p.opts.Thresholds,
	}, nil
}

// withFeedback returns doms with moderators' feedback applied: a domain
// confirmed as spam is spam and no longer known-good (even if the site
// links to it); a domain called good counts as one the site cites and is
// no longer spam. Good wins over spam when a moderator said both.
func withFeedback(doms store.Domains, good, spam map[string]bool) store.Domains {
	if len(good) == 0 && len(spam) == 0 {
		return doms
	}
	out := store.Domains{Known: make(map[string]bool, len(doms.Known)+len(good)), Spam: make(map[string]bool, len(doms.Spam)+len(spam))}
	for d, v := range doms.Known {
		out.Known[d] = v
	}
	for d, v := range doms.Spam {
		out.Spam[d] = v
	}
	for d := range spam {
		out.Spam[d] = true
		delete(out.Known, d)
	}
	for d := range good {
		out.Known[d] = true
		delete(out.Spam, d)
	}
	return out
}

func (p *Patroller) loadModel(ctx context.Context) (*detectors.Model, error) {
	data, _, err := p.store.Model(ctx)
	if errors.Is(err, store.ErrNotFound) {
		if err := p.refreshModel(ctx); err != nil {
			p.log.WithError(err).Warn("could not learn the wiki's letter model; using the built-in one")
			return detectors.BaseModel(), nil
		}
		return p.model, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read letter model: %w", err)
	}
	m, vocab, err := decodeLearned(data)
	if err != nil {
		p.log.WithError(err).Warn("stored letter model unreadable; using the built-in one")
		return detectors.BaseModel(), nil
	}
	p.wordState.vocab = vocab
	return m, nil
}

// RefreshModel samples the wiki's pages, learns its letter model and the
// domains it links to, and keeps both in the store.
func (p *Patroller) RefreshModel(ctx context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.refreshModel(ctx)
}

func (p *Patroller) refreshModel(ctx context.Context) error {
	var texts []string
	if p.opts.ModelPages > 0 {
		var err error
		texts, err = p.site.SampleTexts(ctx, p.opts.ModelPages)
		if err != nil {
			return fmt.Errorf("sample pages: %w", err)
		}
	}
	// Every link already on the wiki makes its domain known, so a reference
	// to a site the wiki cites is never "new".
	urls, err := p.site.KnownLinks(ctx, maxKnownLinks)
	if err != nil {
		return fmt.Errorf("read external links: %w", err)
	}
	list := strings.Join(urls, "\n")
	doms := linkDomains([]detectors.Result{detectors.Links(&detectors.Input{
		Edit: &detectors.Edit{New: list}, Added: detectors.Diff("", list), Env: &detectors.Env{},
	})})
	if err := p.store.AddKnownDomains(ctx, doms); err != nil {
		return fmt.Errorf("remember known domains: %w", err)
	}
	m := detectors.BaseModel()
	clean, size, removed := withoutProbes(texts, p.model, p.wordState.dicts)
	if size >= minTrainingBytes {
		m = detectors.Train(clean)
	}
	// The wiki's own words, from the same sample: the learner leaves out
	// what recurs like a botnet's token rather than like a word.
	pages := make([]detectors.VocabPage, len(clean))
	for i, t := range clean {
		pages[i] = detectors.VocabPage{Text: t}
	}
	vocab := detectors.LearnVocabulary(pages, m)
	data, err := encodeLearned(m, vocab)
	if err != nil {
		return err
	}
	if err := p.store.PutModel(ctx, data, p.opts.Now()); err != nil {
		return fmt.Errorf("store letter model: %w", err)
	}
	p.model, p.wordState.vocab, p.modelResting = m, vocab, false
	p.log.WithFields(logrus.Fields{"pages": len(texts), "bytes": size, "domains": len(doms), "probe_tokens_left_out": removed, "vocabulary": vocab.Len()}).Info("letter model refreshed")
	return nil
}

// Housekeep forgets events, records and blocks older than retention and
// returns how many entries it removed.
func (p *Patroller) Housekeep(ctx context.Context, retention time.Duration) (int, error) {
	n, err := p.store.Expire(ctx, p.opts.Now().Add(-retention))
	if err != nil {
		return n, fmt.Errorf("expire old records: %w", err)
	}
	return n, nil
}

// withoutProbesMin is the probe score from which a token is cut from a
// sampled page before learning. It is above the probe threshold: a page
// read whole, often without a dictionary of its language, holds rare real
// words near the threshold ("zigzag"), and cutting one costs the model a
// word, while a botnet's token on a page scores far above it.
const withoutProbesMin = 0.7

// withoutProbes removes from sampled pages the tokens the current model
// flags as probes, so that probes still on the wiki (the reason the bot is
// there) never teach the model that random letters are normal. It returns
// the cleaned texts, their size and how many tokens it removed.
func withoutProbes(texts []string, model *detectors.Model, dicts map[string]detectors.Words) ([]string, int, int) {
	env := &detectors.Env{Model: model, Dicts: dicts}
	clean := make([]string, len(texts))
	size, removed := 0, 0
	for i, t := range texts {
		r := detectors.Probe(&detectors.Input{Edit: &detectors.Edit{New: t, Anon: true}, Added: detectors.Diff("", t), Env: env})
		// A token that does not stand out on a whole page is left to
		// detectors.Train, which does not learn once-seen random letters.
		for _, tok := range r.TokensAt(withoutProbesMin) {
			removed += strings.Count(t, tok)
			t = strings.ReplaceAll(t, tok, "")
		}
		clean[i] = t
		size += len(t)
	}
	return clean, size, removed
}
