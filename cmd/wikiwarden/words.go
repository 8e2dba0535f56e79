package main

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/config"
	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/lexicon"
)

// dictionaries loads each language's dictionary once for all the sites of
// the command: a dictionary takes a few megabytes. The zero value is ready.
type dictionaries struct {
	mu     sync.Mutex
	loaded map[string]detectors.Words
	tried  map[string]bool
}

// load returns the dictionaries of langs that Debian's word lists have.
func (d *dictionaries) load(ctx context.Context, langs []string) (map[string]detectors.Words, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.loaded == nil {
		d.loaded, d.tried = map[string]detectors.Words{}, map[string]bool{}
	}
	var need []string
	for _, l := range langs {
		if !d.tried[l] {
			d.tried[l] = true
			need = append(need, l)
		}
	}
	if len(need) > 0 {
		lx, err := lexicon.Load(ctx, need)
		if err != nil {
			return nil, fmt.Errorf("load dictionaries %s: %w", strings.Join(need, ", "), err)
		}
		for l, w := range lx.Dicts() {
			d.loaded[l] = w
		}
	}
	out := map[string]detectors.Words{}
	for _, l := range langs {
		if w, ok := d.loaded[l]; ok {
			out[l] = w
		}
	}
	return out, nil
}

// wordOptions are where a site's patroller finds real words, and on a
// wiki its spam blacklist and whitelist.
func (a *app) wordOptions(sc config.Site) bot.WordOptions {
	o := bot.WordOptions{LoadDicts: a.dicts.load, AllowListPage: sc.AllowList(a.cfg)}
	if sc.Kind == config.KindMediaWiki {
		o.SpamBlacklistPage, o.SpamWhitelistPage = "MediaWiki:Spam-blacklist", "MediaWiki:Spam-whitelist"
	}
	return o
}

// dictionaryReport says which real-word dictionaries this machine has, for
// "wikiwarden check".
func dictionaryReport() string {
	avail := lexicon.Available()
	if len(avail) == 0 {
		return "dictionaries: none found; probe tokens are judged by their letters alone (install e.g. wamerican-huge, wngerman, wfrench)"
	}
	var parts []string
	for _, l := range slices.Sorted(maps.Keys(avail)) {
		parts = append(parts, l+" ("+avail[l]+")")
	}
	return "dictionaries: " + strings.Join(parts, ", ")
}
