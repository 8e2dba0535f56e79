// Command probeeval measures the probe detector on real text held apart by
// source: false positives on real forum posts and wiki pages, paragraphs and
// edits, and recall on tokens injected into the same real text. It reads
// ../shared (the project's shared data) and, for Wikipedia in other
// languages, a mirror of github.com/ssvb/xztextfilter at run time; nothing
// it reads is part of the repository.
//
//	go run ./internal/probeeval [-shared DIR] [-mirror DIR] [-cardano DIR] [-multiswe DIR] [-wikitalk DIR] [-sointl DIR] [-gloss DIR] [-frforum DIR] [-wikichunks DIR] [-wili DIR] [-wili2 DIR] [-v [-near SCORE]] [-set NAME] [-pageedits] [-misses N] [-band 8-12|6-7|pron] [-explain IDS [-text] [-injected]]
//
// -explain prints the reasons of the records it names (and, built with
// -tags probetrace, every candidate's evidence); with -injected it explains
// them with the probe of -band injected exactly as the recall run injects
// it (the same draw and place), so that a miss of -misses can be read:
// go run -tags probetrace ./internal/probeeval -set github/tune -explain ID -injected.
//
// Pages are judged as anonymous creations, their probes too; -pageedits
// injects the page sets' probes as an edit adding the token to the page
// as it stands (the diff the bot scores is then the token), as
// detectors.TestProbeAtEveryPosition does. Built with -tags probetrace,
// -misses prints the missed token's evidence (-fulltrace: every word's).
//
// Sets are tuning ("tune") or held apart ("held") by source, never mixed:
// Stack Exchange sites ai, coffee, genai and matheducators tune, the others
// are held out; GitHub issues and pull requests of one project tune, those
// of 18 others are held out (github.go); a whole Stack Exchange site no tuning
// read, Cardano's, was held out when first measured (stackexchange.go), and
// the issues of Multi-SWE-bench's C, C++, Go, Java, JavaScript, Rust and
// TypeScript projects are held out whole (multiswe.go), and so are the
// signed comments of two English Wikipedia talk pages (talk.go); questions
// of Stack Overflow in Portuguese tune, in Spanish are held out (sointl.go);
// glossed language examples (gloss.go) and a French forum's posts
// (frforum.go) split by a hash of their id;
// Wikipedia pages split by a hash of their id
// (inject.Held), and so do mailing-list e-mails (technical text with pasted
// logs, like an issue tracker's); other languages by wiki (Vietnamese, Ukrainian and the
// corpus' own pages tune; Greek, Armenian, Bengali, Japanese, Marathi are
// held out); sentences of 75 languages from a mirror of
// github.com/pemistahl/lingua-go are held out whole (world.go), and so
// are chunks of 76 small Wikipedias (wikichunks.go) and WiLI-2018's
// paragraphs of 18 languages (wili.go), a third of the languages of each
// tuning by the same hash of their code. -v lists
// every flagged record with its tokens.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/forumtext"
	"github.com/wikiwarden/wikiwarden/internal/inject"
	"github.com/wikiwarden/wikiwarden/lexicon"
	"github.com/wikiwarden/wikiwarden/textview"
	"github.com/wikiwarden/wikiwarden/wikitext"
)

type record struct {
	ID, Title, Old, New, Label, Kind, Format, Lang string
}

// item is one text to judge: a post, a page or a paragraph added to a page.
type item struct {
	set  string // e.g. "forum/held"
	id   string
	edit detectors.Edit
	lo   int // where the added text starts in edit.New (for injection)
	hi   int
}

var (
	explainID  string
	injected   bool // -injected: -explain judges the record with its -band probe injected
	noRecall   bool
	showText   bool
	traceFn    func(*detectors.Input) string // with -tags probetrace: every word's evidence
	showMisses int
	missBand   string
	listFrom   float64
	fullTrace  bool
	pageEdits  bool
)

func tokScore(r detectors.Result, tok string) float64 {
	for _, s := range r.Suspects {
		if s.Text == tok {
			return s.Score
		}
	}
	return 0
}

var (
	tuneSites = map[string]bool{"ai": true, "coffee": true, "genai": true, "matheducators": true}
	tuneWikis = map[string]bool{"vi": true, "uk": true, "corpus": true}
	onlyLang  string
)

func main() {
	shared := flag.String("shared", "../shared", "the shared data folder")
	mirror := flag.String("mirror", "/work/.mirror/ssvb+xztextfilter/repo", "bare clone of ssvb/xztextfilter (Wikipedia in other languages); \"\" to skip")
	verbose := flag.Bool("v", false, "list the flagged records")
	only := flag.String("set", "", "measure only sets whose name starts with this")
	recallN := flag.Int("probes", 1, "probes injected per record and length band")
	dicts := flag.String("dicts", lexicon.All, "dictionaries to load: languages, comma-separated, or \"all\" installed")
	flag.IntVar(&showMisses, "misses", 0, "print this many missed probes of -band")
	flag.StringVar(&missBand, "band", "8-12", "the band whose misses -misses prints: 8-12, 6-7 or pron")
	flag.StringVar(&onlyLang, "lang", "", "only the other-language pages of this language")
	flag.StringVar(&explainID, "explain", "", "print the reasons for the records with these ids (comma-separated; \"*\" every record)")
	flag.BoolVar(&showText, "text", false, "with -explain, print the records' title and text too")
	flag.BoolVar(&injected, "injected", false, "with -explain, explain the records with the probe of -band injected as the recall run injects it (the recall run is made)")
	flag.BoolVar(&pageEdits, "pageedits", false, "inject the probes of the page sets as an edit adding the token to the page, not into a creation of the page")
	flag.BoolVar(&fullTrace, "fulltrace", false, "with -tags probetrace and -misses, trace every word of a miss's text, not only the miss")
	flag.BoolVar(&noRecall, "norecall", false, "measure false positives only, not recall (faster)")
	flag.Float64Var(&listFrom, "near", 0.5, "with -v, list the records scoring at least this (near misses below the threshold too)")
	flag.StringVar(&linguaMirror, "lingua", "/work/.mirror/pemistahl+lingua-go/repo", "bare clone of pemistahl/lingua-go (sentences in 75 languages, world.go); \"\" to skip")
	flag.StringVar(&issuesMirror, "issues", "/work/.mirror/kardwalker+Creating-dataset/repo", "bare clone of kardwalker/Creating-dataset (GitHub issues and pull requests of huggingface/datasets, github.go); \"\" to skip")
	flag.StringVar(&cardanoMirror, "cardano", "/work/.mirror/Igodlab+stackexchangeparser/repo", "bare clone of Igodlab/stackexchangeparser (Cardano Stack Exchange's posts and comments, stackexchange.go); \"\" to skip")
	flag.StringVar(&swebenchMirror, "swebench", "/work/.mirror/ivan4722+csvtransfer/repo", "bare clone of ivan4722/csvtransfer (SWE-bench Lite's issues, github.go); \"\" to skip")
	flag.StringVar(&multisweMirror, "multiswe", "/work/.mirror/kuppireddypravalika+MSWE-validation-dataset/repo", "bare clone of kuppireddypravalika/MSWE-validation-dataset (Multi-SWE-bench's issues of C, C++, Go, Java, JavaScript, Rust and TypeScript projects, multiswe.go); \"\" to skip")
	flag.StringVar(&sointlMirror, "sointl", "/work/.mirror/RafaelFerSilva+regex-e-modelo-de-linguagem/repo", "bare clone of RafaelFerSilva/regex-e-modelo-de-linguagem (questions of Stack Overflow in Portuguese and Spanish, sointl.go); \"\" to skip")
	flag.StringVar(&glossMirror, "gloss", "/work/.mirror/foltaProject+glosslm/repo", "bare clone of foltaProject/glosslm (glossed examples of about 1,400 languages, gloss.go); \"\" to skip")
	flag.StringVar(&frforumMirror, "frforum", "/work/.mirror/Batouuuuu+Outils-de-corpus/repo", "bare clone of Batouuuuu/Outils-de-corpus (a French do-it-yourself forum, frforum.go); \"\" to skip")
	flag.StringVar(&wikiChunksMirror, "wikichunks", "/work/.mirror/Data-Science-for-Linguists-2021+languageID-relatedconfusion/repo", "bare clone of Data-Science-for-Linguists-2021/languageID-relatedconfusion (chunks of the articles of 76 small Wikipedias, wikichunks.go); \"\" to skip")
	flag.StringVar(&talkMirror, "wikitalk", "/work/.mirror/AnySoftKeyboard+AnySoftKeyboard/repo", "bare clone of AnySoftKeyboard/AnySoftKeyboard (two English Wikipedia talk pages, talk.go); \"\" to skip")
	flag.BoolVar(&linguaNamed, "named", true, "give the lingua-go pages their language, as a wiki does; false: the detector tells it")
	flag.Parse()
	if err := run(*shared, *mirror, *only, *dicts, *verbose, *recallN, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "probeeval:", err)
		os.Exit(1)
	}
}

func run(shared, mirror, only, dicts string, verbose bool, recallN int, w io.Writer) error {
	env := &detectors.Env{}
	if dicts != "" {
		lx, err := lexicon.Open(context.Background(), strings.Split(dicts, ","),
			lexicon.Options{CacheDir: lexicon.DefaultCacheDir(os.Getenv), Lazy: true})
		if err != nil {
			return err
		}
		env.Dicts = lx.Dicts()
	}
	items, err := collect(shared, mirror)
	if err != nil {
		return err
	}
	bySet := map[string][]item{}
	var names []string
	for _, it := range items {
		if !strings.HasPrefix(it.set, only) {
			continue
		}
		if _, ok := bySet[it.set]; !ok {
			names = append(names, it.set)
		}
		bySet[it.set] = append(bySet[it.set], it)
	}
	sort.Strings(names)
	fmt.Fprintf(w, "%-22s %7s %7s %8s | %-26s %-26s %-26s\n", "set", "records", "flagged", "FP rate", "recall 8-12", "recall 6-7", "pronounceable 8-12")
	start := time.Now()
	judged := 0
	for _, name := range names {
		its := bySet[name]
		flagged := 0
		var lines []string
		for _, it := range its {
			e := it.edit
			r := detectors.Probe(&detectors.Input{Edit: &e, Added: detectors.Diff(e.Old, e.New), Env: env})
			judged++
			if !injected && explains(it.id) {
				explain(w, it.id, "", e, r, env)
			}
			if r.Score >= 0.5 {
				flagged++
			}
			if r.Score >= listFrom {
				toks := r.Tokens
				if len(toks) == 0 && len(r.Suspects) > 0 {
					toks = []string{r.Suspects[0].Text}
				}
				lines = append(lines, fmt.Sprintf("  %s  %.2f %q", it.id, r.Score, toks))
			}
		}
		rec := map[string]string{}
		if !noRecall || injected {
			rec = recall(w, its, env, recallN)
		}
		fmt.Fprintf(w, "%-22s %7d %7d %7.2f%% | %-26s %-26s %-26s\n", name, len(its), flagged, 100*float64(flagged)/float64(max(1, len(its))),
			rec["8-12"], rec["6-7"], rec["pron"])
		if verbose {
			for _, l := range lines {
				fmt.Fprintln(w, l)
			}
		}
	}
	fmt.Fprintf(w, "(%d texts judged in %.1fs)\n", judged, time.Since(start).Seconds())
	return nil
}

// recall injects random tokens into the added text of each item and returns,
// per band, "hit/total = pct".
func recall(w io.Writer, its []item, env *detectors.Env, n int) map[string]string {
	hit, total := map[string]int{}, map[string]int{}
	rng := rand.New(rand.NewPCG(7, 11))
	styles := []inject.Style{inject.Lower, inject.Mixed, inject.Digits, inject.MixedDigits}
	for i, it := range its {
		for k := 0; k < n; k++ {
			for _, band := range []string{"8-12", "6-7", "pron"} {
				var tok string
				switch band {
				case "8-12":
					tok = inject.Token(rng, styles[(i+k)%len(styles)], 8+rng.IntN(5))
				case "6-7":
					tok = inject.Token(rng, styles[(i+k)%len(styles)], 6+rng.IntN(2))
				default:
					tok = inject.Token(rng, inject.Pronounceable, 8+rng.IntN(5))
				}
				nw, ok := inject.Insert(rng, it.edit.New, it.lo, it.hi, tok)
				if !ok || strings.Contains(strings.ToLower(it.edit.New), strings.ToLower(tok)) {
					continue
				}
				e := it.edit
				if pageEdits && e.Old == "" && strings.Contains(it.set, "-pages/") {
					e.Old = e.New // the token added to the page as it stands
				}
				e.New = nw
				r := detectors.Probe(&detectors.Input{Edit: &e, Added: detectors.Diff(e.Old, e.New), Env: env})
				total[band]++
				if injected && band == missBand && explains(it.id) {
					explain(w, it.id, tok, e, r, env)
				}
				if r.Score >= 0.5 && slices.Contains(r.Tokens, tok) {
					hit[band]++
				} else if showMisses > 0 && band == missBand {
					showMisses--
					k := strings.Index(nw, tok)
					fmt.Fprintf(w, "  miss %s %q score %.2f [%s] in %q\n", it.id, tok, tokScore(r, tok), placeOf(e, k), nw[max(0, k-60):min(len(nw), k+len(tok)+60)])
					if traceFn != nil { // built with -tags probetrace: every term of the miss
						fmt.Fprint(w, traceOf(traceFn(&detectors.Input{Edit: &e, Added: detectors.Diff(e.Old, e.New), Env: env}), tok))
					}
				}
			}
		}
	}
	out := map[string]string{}
	for b, t := range total {
		out[b] = fmt.Sprintf("%d/%d = %.1f%%", hit[b], t, 100*float64(hit[b])/float64(t))
	}
	return out
}

// explains tells whether -explain names the record id.
func explains(id string) bool {
	return explainID == "*" || explainID != "" && slices.Contains(strings.Split(explainID, ","), id)
}

// explain prints the score and reasons of the record id judged as e, and
// with -tags probetrace every candidate's evidence. tok is the probe
// injected into e ("" for the record as it is): its score and place are
// printed, and the trace keeps only the lines of the model and of tok
// unless -fulltrace.
func explain(w io.Writer, id, tok string, e detectors.Edit, r detectors.Result, env *detectors.Env) {
	fmt.Fprintf(w, "%s: score %.3f\n", id, r.Score)
	if tok != "" {
		k := strings.Index(e.New, tok)
		fmt.Fprintf(w, "  probe %q score %.2f flagged %v [%s] in %q\n", tok, tokScore(r, tok),
			r.Score >= 0.5 && slices.Contains(r.Tokens, tok), placeOf(e, k), e.New[max(0, k-60):min(len(e.New), k+len(tok)+60)])
	}
	if showText {
		fmt.Fprintf(w, "  title %q\n%s\n----\n", e.Title, e.New)
	}
	for _, rs := range r.Reasons {
		fmt.Fprintf(w, "    %s\n", rs)
	}
	if traceFn != nil {
		tr := traceFn(&detectors.Input{Edit: &e, Added: detectors.Diff(e.Old, e.New), Env: env})
		if tok != "" {
			tr = traceOf(tr, tok)
		}
		fmt.Fprint(w, tr)
	}
}

// traceOf keeps of a trace the lines naming a model and those of tok,
// unless -fulltrace asks for every word's.
func traceOf(trace, tok string) string {
	if fullTrace {
		return trace
	}
	var sb strings.Builder
	for _, l := range strings.SplitAfter(trace, "\n") {
		if strings.HasPrefix(l, "  model ") || strings.Contains(l, strconv.Quote(tok)) {
			sb.WriteString(l)
		}
	}
	return sb.String()
}

// placeOf names the places of the word at k of e.New as its reader sees
// them: where the missed probes sit.
func placeOf(e detectors.Edit, k int) string {
	var words []textview.Word
	if e.Format == detectors.FormatMarkdown {
		words = new(forumtext.Reader).Read(e.New, nil, nil)
	} else {
		words = new(wikitext.Reader).Read(e.New, nil, nil)
	}
	for _, w := range words {
		if w.Lo != k {
			continue
		}
		var names []string
		for _, p := range placeNames {
			if w.Flags&p.f != 0 {
				names = append(names, p.name)
			}
		}
		if len(names) == 0 {
			return "prose"
		}
		return strings.Join(names, ",")
	}
	return "not a word"
}

var placeNames = []struct {
	f    textview.Flags
	name string
}{
	{textview.CodeLike, "code-like"}, {textview.Joined, "joined"}, {textview.Table, "table"}, {textview.Heading, "heading"},
	{textview.List, "list"}, {textview.Link, "link"}, {textview.ExtLink, "extlink"}, {textview.Caption, "caption"},
	{textview.Pre, "pre"}, {textview.Italic, "italic"}, {textview.Template, "template"}, {textview.TemplateName, "template-name"},
	{textview.ParamName, "param-name"}, {textview.Ident, "ident"}, {textview.Foreign, "foreign"}, {textview.Ref, "ref"},
	{textview.Attr, "attr"}, {textview.LinkTarget, "link-target"}, {textview.FileName, "file"}, {textview.Comment, "comment"},
	{textview.Gallery, "gallery"}, {textview.Code, "code"}, {textview.Stray, "stray"}, {textview.RefName, "ref-name"},
	{textview.Math, "math"}, {textview.CodeLine, "code-line"},
}

func collect(shared, mirror string) ([]item, error) {
	var items []item
	// Forum posts: Stack Exchange by site, and e-mail.
	seen := map[string]bool{}
	for _, f := range []string{"ham-forum.jsonl", "ham-links.jsonl"} {
		recs, err := readJSONL(filepath.Join(shared, "spam-train", f))
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			if r.Label != "regular" || seen[r.ID] {
				continue
			}
			seen[r.ID] = true
			var set string
			switch {
			case strings.HasPrefix(r.ID, "se:"):
				site := strings.TrimSuffix(strings.Split(r.ID, ":")[1], ".stackexchange.com")
				set = "forum/held"
				if tuneSites[site] {
					set = "forum/tune"
				}
			case strings.HasPrefix(r.Kind, "ham-email"):
				set = "email/tune"
				if inject.Held(r.ID) {
					set = "email/held"
				}
			default:
				continue
			}
			items = append(items, item{set: set, id: r.ID, lo: 0, hi: len(r.New),
				edit: detectors.Edit{Anon: true, Title: r.Title, New: r.New, Format: detectors.FormatMarkdown, Lang: r.Lang}})
		}
	}
	// GitHub issues and pull requests, and the Stack Exchange site read
	// from a mirror; a mirror given as "" is skipped.
	for _, src := range []struct {
		mirror string
		read   func(string) ([]item, error)
	}{
		{issuesMirror, issueItems}, {swebenchMirror, swebenchItems}, {cardanoMirror, cardanoItems}, {multisweMirror, multisweItems},
		{talkMirror, talkItems}, {sointlMirror, sointlItems}, {glossMirror, glossItems}, {frforumMirror, frforumItems}, {wikiChunksMirror, wikiChunkItems}, {wiliEliyetres, wiliItems},
	} {
		if src.mirror == "" {
			continue
		}
		its, err := src.read(src.mirror)
		if err != nil {
			return nil, err
		}
		items = append(items, its...)
	}
	// Wikipedia pages in English: whole pages as creations and each paragraph
	// as an edit adding it.
	var pages []page
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "wikitext", "*.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		pages = append(pages, page{id: filepath.Base(f), lang: "en", text: string(b)})
	}
	recs, err := readJSONL(filepath.Join(shared, "spam-train", "wiki-identifiers.jsonl"))
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		pages = append(pages, page{id: r.ID, title: r.Title, lang: "en", text: r.New})
	}
	for _, pg := range pages {
		half := "tune"
		if inject.Held(pg.id) {
			half = "held"
		}
		items = append(items, pageItems("wiki-en", half, pg)...)
	}
	// Real regular edits.
	recs, err = readJSONL(filepath.Join(shared, "corpus", "real-edits-dev.jsonl"))
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		if r.Label != "regular" {
			continue
		}
		half := "tune"
		if inject.Held(r.ID) {
			half = "held"
		}
		lo, hi := addedRange(r.Old, r.New)
		items = append(items, item{set: "edits/" + half, id: r.ID, lo: lo, hi: hi,
			edit: detectors.Edit{Anon: true, Title: r.Title, Old: r.Old, New: r.New}})
	}
	// Other languages: the corpus' own pages and Wikipedia dumps.
	var other []page
	langs := map[string]string{} // file name: language, from the corpus' manifest
	if b, err := os.ReadFile(filepath.Join(shared, "corpus", "wikitext", "MANIFEST.tsv")); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if f := strings.Split(line, "\t"); len(f) > 2 {
				langs[strings.TrimPrefix(f[0], "non-english/")] = f[2]
			}
		}
	}
	files, _ = filepath.Glob(filepath.Join(shared, "corpus", "wikitext", "non-english", "*.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		base := filepath.Base(f)
		other = append(other, page{id: "corpus:" + base, wiki: "corpus", lang: langs[base], text: string(b)})
	}
	if mirror != "" {
		for _, lang := range []string{"vi", "uk", "el", "hy", "bn", "ja", "mr"} {
			ps, err := dumpPages(mirror, lang, 60)
			if err != nil {
				return nil, err
			}
			other = append(other, ps...)
		}
	}
	if linguaMirror != "" {
		its, err := sentencePages(linguaMirror, 4, linguaNamed)
		if err != nil {
			return nil, err
		}
		items = append(items, its...)
	}
	for _, pg := range other {
		if onlyLang != "" && pg.lang != onlyLang {
			continue
		}
		half := "held"
		if tuneWikis[pg.wiki] {
			half = "tune"
		}
		items = append(items, pageItems("wiki-world", half, pg)...)
	}
	return items, nil
}

type page struct {
	id, title, lang, wiki, text string
}

// pageItems returns the page as an anonymous creation and up to 8 of its
// prose paragraphs, each as an anonymous edit adding it to the rest.
func pageItems(kind, half string, pg page) []item {
	out := []item{{set: kind + "-pages/" + half, id: pg.id, hi: len(pg.text),
		edit: detectors.Edit{Anon: true, Title: pg.title, New: pg.text, Lang: pg.lang}}}
	paras := strings.Split(pg.text, "\n\n")
	off := 0
	n := 0
	for _, p := range paras {
		lo := off
		off += len(p) + 2
		t := strings.TrimSpace(p)
		if len(t) < 200 || strings.ContainsAny(t[:1], "{|=[<*#:!") || n >= 8 {
			continue
		}
		n++
		old := pg.text[:lo] + pg.text[min(len(pg.text), lo+len(p)+2):]
		out = append(out, item{set: kind + "-paras/" + half, id: fmt.Sprintf("%s#%d", pg.id, lo), lo: lo, hi: lo + len(p),
			edit: detectors.Edit{Anon: true, Title: pg.title, Old: old, New: pg.text, Lang: pg.lang}})
	}
	return out
}

var (
	pageRE  = regexp.MustCompile(`(?s)<page>.*?<title>(.*?)</title>.*?<ns>(\d+)</ns>.*?<text[^>]*>(.*?)</text>`)
	entRepl = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#039;", "'", "&amp;", "&")
)

// dumpPages reads up to n articles of 3 kB or more from the truncated dump
// of one Wikipedia in the mirror.
func dumpPages(mirror, lang string, n int) ([]page, error) {
	cmd := exec.Command("sh", "-c", fmt.Sprintf("git --git-dir=%s show 242abcf:testfiles/%swiki-truncated-100k.xml.xz | xz -dc", mirror, lang))
	b, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("read %swiki: %w", lang, err)
	}
	var out []page
	for _, m := range pageRE.FindAllStringSubmatch(string(b), -1) {
		text := entRepl.Replace(m[3])
		if m[2] != "0" || len(text) < 3000 || strings.HasPrefix(strings.ToUpper(text), "#REDIRECT") || strings.HasPrefix(text, "#") {
			continue
		}
		out = append(out, page{id: lang + "wiki:" + m[1], title: m[1], lang: lang, wiki: lang, text: text})
		if len(out) == n {
			break
		}
	}
	return out, nil
}

// addedRange returns the byte range of new that differs from old.
func addedRange(old, nw string) (int, int) {
	lo := 0
	for lo < len(old) && lo < len(nw) && old[lo] == nw[lo] {
		lo++
	}
	hi := len(nw)
	for o := len(old); o > lo && hi > lo && old[o-1] == nw[hi-1]; o-- {
		hi--
	}
	return lo, hi
}

func readJSONL(path string) ([]record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []record
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			continue
		}
		out = append(out, r)
	}
	return out, sc.Err()
}
