package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/store"
)

// minTrainingBytes is the least wiki text (about 200 articles) the bot trains
// a letter model on; less makes rare letter sequences look random, so
// a small or brand-new wiki keeps the built-in base model.
const minTrainingBytes = 2_000_000

// maxKnownLinks bounds the external links read to learn the known domains.
const maxKnownLinks = 100_000

// domainSet is the store's domain knowledge, snapshotted for one pass.
type domainSet struct{ d store.Domains }

func (s domainSet) Known(domain string) bool { return s.d.Known[domain] }
func (s domainSet) Spam(domain string) bool  { return s.d.Spam[domain] }

// env gathers what the detectors consult: the letter model (from the store,
// trained on first use) and the domains the wiki knows.
func (p *Patroller) env(ctx context.Context) (*detectors.Env, error) {
	if p.model == nil {
		m, err := p.loadModel(ctx)
		if err != nil {
			return nil, err
		}
		p.model = m
	}
	doms, err := p.store.Domains(ctx)
	if err != nil {
		return nil, fmt.Errorf("read known domains: %w", err)
	}
	p.known = len(doms.Known)
	return &detectors.Env{Model: p.model, Domains: domainSet{doms}}, nil
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
	m := new(detectors.Model)
	if err := m.UnmarshalBinary(data); err != nil {
		p.log.WithError(err).Warn("stored letter model unreadable; using the built-in one")
		return detectors.BaseModel(), nil
	}
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
	texts, err := p.wiki.SamplePages(ctx, p.opts.ModelPages)
	if err != nil {
		return fmt.Errorf("sample pages: %w", err)
	}
	var size int
	var doms []string
	for _, t := range texts {
		size += len(t)
		in := &detectors.Input{Edit: &detectors.Edit{New: t}, Added: detectors.Diff("", t), Env: &detectors.Env{}}
		for _, l := range detectors.Links(in).Links {
			doms = append(doms, l.Domain)
		}
	}
	// Every link already on the wiki makes its domain known, so a reference
	// to a site the wiki cites is never "new".
	urls, err := p.wiki.ExternalLinks(ctx, maxKnownLinks)
	if err != nil {
		return fmt.Errorf("read external links: %w", err)
	}
	doms = append(doms, linkDomains([]detectors.Result{detectors.Links(&detectors.Input{
		Edit: &detectors.Edit{New: strings.Join(urls, "\n")}, Added: detectors.Diff("", strings.Join(urls, "\n")), Env: &detectors.Env{},
	})})...)
	if err := p.store.AddKnownDomains(ctx, doms); err != nil {
		return fmt.Errorf("remember known domains: %w", err)
	}
	m := detectors.BaseModel()
	if size >= minTrainingBytes {
		m = detectors.Train(texts)
	}
	data, err := m.MarshalBinary()
	if err != nil {
		return fmt.Errorf("encode letter model: %w", err)
	}
	if err := p.store.PutModel(ctx, data, p.opts.Now()); err != nil {
		return fmt.Errorf("store letter model: %w", err)
	}
	p.model = m
	p.log.WithField("pages", len(texts)).WithField("bytes", size).WithField("domains", len(doms)).Info("letter model refreshed")
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
