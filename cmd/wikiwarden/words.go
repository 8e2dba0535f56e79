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

// dictionaries opens the installed dictionaries once for all the sites of
// the command, each lazily: a site maps the compiled index of a language
// the first time one of its pages is read in it, so an idle site costs
// nothing and a busy one the pages its lookups touch. The zero value
// reads every installed language without a cache; cacheDir set, it maps
// their compiled index; langs set, only those languages.
type dictionaries struct {
	cacheDir string
	langs    []string           // languages the configuration allows; nil: every installed one
	log      logrus.FieldLogger // nil: cache problems go unreported
	mu       sync.Mutex
	lx       *lexicon.Lexicon
}

// open returns the lexicon, opening it the first time.
func (d *dictionaries) open(ctx context.Context) (*lexicon.Lexicon, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.lx != nil {
		return d.lx, nil
	}
	langs := d.langs
	if len(langs) == 0 {
		langs = []string{lexicon.All}
	}
	lx, err := lexicon.Open(ctx, langs, lexicon.Options{CacheDir: d.cacheDir, Lazy: true})
	if err != nil {
		return nil, fmt.Errorf("open dictionaries: %w", err)
	}
	d.lx = lx
	return lx, nil
}

// load returns every dictionary the configuration allows, opened when a
// page first needs one; langs (the site's content language and English)
// are opened at once, so that a missing or unreadable dictionary of the
// site's own language shows at start.
func (d *dictionaries) load(ctx context.Context, langs []string) (map[string]detectors.Words, error) {
	lx, err := d.open(ctx)
	if err != nil {
		return nil, err
	}
	lx.Preload(langs...)
	dicts := lx.Dicts()
	if d.log != nil {
		if c := lx.Compiled(); len(c) > 0 {
			d.log.WithFields(logrus.Fields{"langs": strings.Join(c, ","), "dir": d.cacheDir}).Info("dictionaries compiled")
		}
		if err := lx.CacheError(); err != nil {
			d.log.WithError(err).Warn("dictionaries not compiled; reading word lists at every start")
		}
		for l, err := range lx.Errors() {
			d.log.WithError(err).WithField("lang", l).Warn("dictionary not read; judging its pages by letters")
		}
	}
	return dicts, nil
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

// checkWords reports the languages the bot reads a site in: every one
// with a dictionary installed (and allowed by detectors.dicts), and
// whether the site's content language and English are among them. It
// opens those two as a pass would, so a first check also compiles them
// into the cache and the first pass starts fast.
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
	var lacks []string
	for _, l := range langs {
		if _, ok := dicts[detectors.BaseLang(l)]; !ok {
			lacks = append(lacks, l)
		}
	}
	reads := slices.Sorted(maps.Keys(dicts))
	lang := self.Lang
	if lang == "" {
		lang = "unknown (told page by page)"
	}
	line := fmt.Sprintf("%scontent language %s; reads words of: ", prefix, lang)
	if len(reads) == 0 {
		line += "none"
	} else {
		line += strings.Join(reads, ", ") + fmt.Sprintf(" (%d languages; each edit is read in the one whose dictionary reads it)", len(reads))
	}
	if len(lacks) > 0 {
		line += "; no dictionary for " + strings.Join(lacks, ", ") + " (judged by letters, with a letter model of each page)"
	}
	if a.dicts.cacheDir != "" {
		line += "; compiled in " + a.dicts.cacheDir
	}
	fmt.Fprintln(stdout, line)
	return nil
}
