package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/config"
	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/lexicon"
)

// dictionaries loads each language's dictionary once for all the sites of
// the command: a dictionary takes a few megabytes. The zero value is ready
// and reads the word lists; cacheDir set, it maps their compiled index.
type dictionaries struct {
	cacheDir string
	log      logrus.FieldLogger // nil: cache problems go unreported
	mu       sync.Mutex
	loaded   map[string]detectors.Words
	tried    map[string]bool
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
		lx, err := lexicon.Open(ctx, need, lexicon.Options{CacheDir: d.cacheDir})
		if err != nil {
			return nil, fmt.Errorf("load dictionaries %s: %w", strings.Join(need, ", "), err)
		}
		if d.log != nil {
			if c := lx.Compiled(); len(c) > 0 {
				d.log.WithFields(logrus.Fields{"langs": strings.Join(c, ","), "dir": d.cacheDir}).Info("dictionaries compiled")
			}
			if err := lx.CacheError(); err != nil {
				d.log.WithError(err).Warn("dictionaries not compiled; reading word lists at every start")
			}
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

// dictCacheDir is where compiled dictionaries are kept under cfg:
// detectors.dict_cache, else the user's cache directory, else beside the
// store; "" for none.
func dictCacheDir(cfg *config.Config, getenv func(string) string) string {
	switch dir := cfg.Detectors.DictCache; dir {
	case config.DictCacheNone:
		return ""
	case "":
		if d := lexicon.DefaultCacheDir(getenv); d != "" {
			return d
		}
		return filepath.Join(filepath.Dir(cfg.Store.Path), "cache")
	default:
		return dir
	}
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

// checkWords reports the languages the bot reads a site in: the site's
// content language and English, each with a dictionary or by letters
// alone. It opens them as a pass would, so a first check also compiles
// them into the cache and the first pass starts fast.
func checkWords(ctx context.Context, a *app, s *siteApp, prefix string, stdout io.Writer) error {
	self, err := s.site.Self(ctx)
	if err != nil {
		return fmt.Errorf("%sread site info: %w", prefix, err)
	}
	langs := []string{"en"}
	if l := detectors.BaseLang(self.Lang); l != "" && l != "en" {
		langs = append([]string{l}, langs...)
	}
	dicts, err := a.dicts.load(ctx, langs)
	if err != nil {
		return fmt.Errorf("%s%w", prefix, err)
	}
	var reads, lacks []string
	for _, l := range langs {
		if _, ok := dicts[l]; ok {
			reads = append(reads, l)
		} else {
			lacks = append(lacks, l)
		}
	}
	lang := self.Lang
	if lang == "" {
		lang = "unknown (guessed page by page)"
	}
	line := fmt.Sprintf("%scontent language %s; reads words of: ", prefix, lang)
	if len(reads) == 0 {
		line += "none"
	} else {
		line += strings.Join(reads, ", ")
	}
	if len(lacks) > 0 {
		line += "; no dictionary for " + strings.Join(lacks, ", ") + " (judged by letters alone)"
	}
	if a.dicts.cacheDir != "" {
		line += "; compiled in " + a.dicts.cacheDir
	}
	fmt.Fprintln(stdout, line)
	return nil
}
