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
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/config"
	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/internal/progress"
	"github.com/wikiwarden/wikiwarden/lexicon"
)

// dictionaries opens the installed dictionaries once for all the sites of
// the command. The commands that judge compile every missing index before
// their first pass (prepare) and map them all; a process then holds only
// the pages its lookups touch, so an idle site costs nothing and a busy one
// the pages of the languages it reads. The zero value reads every
// installed language without a cache, each the first time a page needs
// it; cacheDir set, it maps their compiled index; langs set, only those
// languages.
type dictionaries struct {
	cacheDir string
	langs    []string           // languages the configuration allows; nil: every installed one
	log      logrus.FieldLogger // nil: cache problems go unreported
	roots    lexicon.Roots      // where dictionaries are found; zero: Debian's places
	mu       sync.Mutex
	lx       *lexicon.Lexicon

	// What was logged already: each compiled language, cache problem
	// and unreadable dictionary is logged once, by whichever of prepare
	// and load sees it first.
	logMu        sync.Mutex
	loggedLangs  int
	loggedCache  bool
	loggedErrors map[string]bool
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
	lx, err := lexicon.Open(ctx, langs, lexicon.Options{CacheDir: d.cacheDir, Roots: d.roots, Lazy: true})
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
	d.logNews(lx, 0)
	return lx.Dicts(), nil
}

// logNews logs what lx compiled, could not cache or could not read since
// the last call; took, when known, is how long compiling took.
func (d *dictionaries) logNews(lx *lexicon.Lexicon, took time.Duration) {
	if d.log == nil {
		return
	}
	d.logMu.Lock()
	defer d.logMu.Unlock()
	if c := lx.Compiled(); len(c) > d.loggedLangs {
		f := logrus.Fields{"langs": strings.Join(c[d.loggedLangs:], ","), "dir": d.cacheDir}
		if took > 0 {
			f["seconds"] = took.Round(10 * time.Millisecond).Seconds()
		}
		d.log.WithFields(f).Info("dictionaries compiled")
		d.loggedLangs = len(c)
	}
	if err := lx.CacheError(); err != nil && !d.loggedCache {
		d.log.WithError(err).Warn("dictionaries not compiled; reading word lists at every start")
		d.loggedCache = true
	}
	errs := lx.Errors()
	for _, l := range slices.Sorted(maps.Keys(errs)) {
		if !d.loggedErrors[l] {
			d.log.WithError(errs[l]).WithField("lang", l).Warn("dictionary not read; judging its pages by letters")
			if d.loggedErrors == nil {
				d.loggedErrors = map[string]bool{}
			}
			d.loggedErrors[l] = true
		}
	}
}

// dictsReady is what prepare found and did.
type dictsReady struct {
	langs    int      // languages with an installed dictionary the configuration allows
	compiled []string // of those, the ones compiled into the cache now
	unread   int      // the ones whose dictionary could not be read
	took     time.Duration
	cacheErr error // why compiled indexes could not be kept
}

// prepare opens the dictionary of every language the configuration allows
// now, compiling into the cache each index it lacks. A lazy lexicon would
// otherwise compile all of them inside the first detector call that meets
// a text the site's language does not read (a minute and a few hundred
// megabytes on a fresh machine), stalling a patrol pass; with every index
// compiled, opening one costs microseconds. step, if set, is told after
// each language (done of total, and whether it was compiled now).
// Cancelling ctx stops after the language being compiled. Without a cache
// it does nothing: reading every language into memory at each start is
// what lazy opening avoids.
func (d *dictionaries) prepare(ctx context.Context, step func(done, total int, lang string, compiled bool)) (dictsReady, error) {
	if d.cacheDir == "" {
		return dictsReady{}, nil
	}
	start := time.Now()
	lx, err := d.open(ctx)
	if err != nil {
		return dictsReady{}, err
	}
	langs := slices.Sorted(maps.Keys(lx.Langs()))
	r := dictsReady{langs: len(langs)}
	// One language at a time: two at once took more memory (600 MB
	// against 425 MB at the peak) and, on a shared machine, no less time.
	for i, l := range langs {
		if ctx.Err() != nil {
			break
		}
		lx.Preload(l)
		if step != nil {
			step(i+1, len(langs), l, slices.Contains(lx.Compiled(), l))
		}
	}
	r.took = time.Since(start)
	r.compiled, r.cacheErr, r.unread = lx.Compiled(), lx.CacheError(), len(lx.Errors())
	d.logNews(lx, r.took)
	return r, ctx.Err()
}

// String says what prepare did, for "wikiwarden check".
func (r dictsReady) String(dir string) string {
	switch {
	case dir == "":
		return "dictionaries: not compiled (detectors.dict_cache: none): each language is read from its word lists the first time a page needs it"
	case r.langs == 0:
		return "dictionaries: none to compile"
	case r.cacheErr != nil:
		return fmt.Sprintf("dictionaries: %d languages read in %s but not compiled: %v", r.langs, r.took.Round(100*time.Millisecond), r.cacheErr)
	}
	s := fmt.Sprintf("dictionaries: %d languages compiled in %s", r.langs, dir)
	if len(r.compiled) > 0 {
		s += fmt.Sprintf(" (%d compiled now in %s; later starts map them at once)", len(r.compiled), r.took.Round(100*time.Millisecond))
	} else {
		s += " (all up to date)"
	}
	if r.unread > 0 {
		s += fmt.Sprintf("; %d could not be read (see the log)", r.unread)
	}
	return s
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
// opens those two as a pass would, so that an unreadable dictionary of the
// site's own language shows here (check's prepare compiled them already).
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
		line += "; no dictionary for " + strings.Join(lacks, ", ") + " (judged by letters)"
	}
	// Text no dictionary reads is judged under the letter model of the
	// language its words fit best.
	line += "; reads by letters: " + strings.Join(detectors.LangModelCodes(), ", ")
	if a.dicts.cacheDir != "" {
		line += "; compiled in " + a.dicts.cacheDir
	}
	fmt.Fprintln(stdout, line)
	return nil
}

// compileBar shows prepare's progress on stderr as eval shows its own: a
// bar on a terminal, cleared when done; in a log, a line every ten seconds
// and the last one. It appears only once a language had to be compiled or
// the work took longer than a moment, so a start that finds every index
// cached shows nothing.
type compileBar struct {
	w     io.Writer
	start time.Time
	bar   *progressbar.ProgressBar
}

func newCompileBar(w io.Writer) *compileBar { return &compileBar{w: w, start: time.Now()} }

// step is prepare's step.
func (b *compileBar) step(done, total int, _ string, compiled bool) {
	if b.bar == nil {
		if !compiled && time.Since(b.start) < 300*time.Millisecond {
			return
		}
		b.bar = progress.New(b.w, int64(total), "compiling dictionaries",
			progressbar.OptionShowCount(), progressbar.OptionSetItsString("languages"))
	}
	b.bar.Set(done) // a closed stderr must not fail the command
}

// finish ends the bar, if one was shown.
func (b *compileBar) finish() {
	if b.bar != nil {
		b.bar.Finish()
	}
}

// compileLog is prepare's step for the service, whose stderr is a log: a
// line when the first language is compiled, then one every ten seconds;
// logNews logs the languages compiled at the end.
func compileLog(log logrus.FieldLogger) func(done, total int, lang string, compiled bool) {
	var last time.Time
	return func(done, total int, lang string, compiled bool) {
		if last.IsZero() && !compiled || !last.IsZero() && time.Since(last) < 10*time.Second {
			return
		}
		last = time.Now()
		log.WithFields(logrus.Fields{"done": done, "total": total, "lang": lang}).Info("compiling dictionaries")
	}
}

// compile is prepare with its progress shown: logged for the service
// (whose stderr is a log), on stderr for a command.
func (d *dictionaries) compile(ctx context.Context, stderr io.Writer, service bool) (dictsReady, error) {
	if service && d.log != nil {
		r, err := d.prepare(ctx, compileLog(d.log))
		if err == nil && d.cacheDir != "" {
			d.log.WithFields(logrus.Fields{"langs": r.langs, "compiled": len(r.compiled), "dir": d.cacheDir,
				"seconds": r.took.Round(time.Millisecond).Seconds()}).Info("dictionaries ready")
		}
		return r, err
	}
	bar := newCompileBar(stderr)
	r, err := d.prepare(ctx, bar.step)
	bar.finish()
	return r, err
}
