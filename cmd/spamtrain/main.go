// Command spamtrain trains wikiwarden's link-spam model (package spamscore)
// from the public spam and non-spam corpora in ../shared/spam-train, the
// regular edits and article pages in ../shared/corpus, and augmentation it
// generates itself; it writes the model file and TRAINING.md, the record of
// the run: data, counts, augmentation, hyperparameters and the figures of
// the cross-source evaluation.
//
//	go run ./cmd/spamtrain -train ../shared/spam-train -corpus ../shared/corpus -out spamscore
//
// The run is deterministic: the same data gives the same files.
package main

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/spamscore"
)

// Hyperparameters that flags may change while iterating (make model uses
// the defaults), recorded in TRAINING.md.
var (
	epochs  = 6
	hashL2  = 1e-5 // per update, hashed n-gram buckets: kept smaller than the named features
	dropout = 0.3  // share of hashed features dropped from each training example, each epoch
	// blind is the share of training examples, drawn anew each epoch,
	// that are seen with no hashed feature at all: the named features
	// must then judge them alone, as they must a text in a language or
	// genre whose n-grams the data lacks.
	blind   = 0.0
	listN   = 8 // worst false positives and misses listed per fold
	listWhy = false
	// genreMisses is how many of the held-out augmented spam the bot
	// keeps to list per genre and fold (0: none).
	genreMisses = 0
	// seed draws the augmentation and the training order; a second seed
	// tells a gain from a retrain's noise (about ±1.5 points).
	seed uint64 = 13
)

// Hyperparameters, recorded in TRAINING.md.
const (
	bits       = 19
	rate       = 0.15                       // AdaGrad learning rate
	l2         = 1e-6                       // per update, named features
	perLang    = 800                        // augmented spam and ham examples per language
	calibEvery = 10                         // every tenth training item (by id hash) calibrates
	thrSignal  = 0.7                        // the bot's "spam signals" probability
	thrBlatant = detectors.LinkModelBlatant // the bot's "blatant" probability
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "spamtrain:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("spamtrain", flag.ContinueOnError)
	trainDir := fl.String("train", "../shared/spam-train", "directory of the spam-train corpora")
	corpusDir := fl.String("corpus", "../shared/corpus", "directory of the real-edits corpus and wikitext pages")
	outDir := fl.String("out", "spamscore", "directory to write spam.model and TRAINING.md to")
	sblDir := fl.String("sbl", "/work/.mirror/vasilvv+global-spam-blacklist/repo", "git directory of a mirror of "+sblRepo)
	topDir := fl.String("top", "/work/.mirror/drakelover911+Phishing-analyzer/repo", "git directory of a mirror of "+topRepo)
	worldDir := fl.String("world", "/work/.mirror/pemistahl+lingua-go/repo", "git directory of a mirror of "+linguaRepo+" (real prose in 75 languages)")
	commentsDir := fl.String("comments", "/work/.mirror/ScamSpot+scamspot_ig-comment-scraper/repo", "git directory of a mirror of "+commentsRepo+" (real comment spam and good faith)")
	fl.BoolVar(&commentsTrain, "commentstrain", commentsTrain, "train the final model and folds A to C on the tuning half of the comments too (fold D never does)")
	fl.Float64Var(&commentShare, "commentshare", commentShare, "with -commentstrain: weight share of the comments' stratum a class")
	xDir := fl.String("x", "/work/.mirror/janitrai+janitr/repo", "git directory of a mirror of "+xRepo+" (real social-media spam and good faith on X)")
	fl.BoolVar(&xTrain, "xtrain", xTrain, "train the final model and every fold but X on the tuning half of the X posts too")
	fl.Float64Var(&xShare, "xshare", xShare, "with -xtrain: weight share of the X posts' stratum a class")
	fl.Float64Var(&xHamShare, "xham", xHamShare, "without -xtrain: train the final model and every fold but X on the good faith of the X posts' tuning half, at this share of the weight (0: not at all)")
	shipped := fl.Bool("shipped", false, "with -eval: also score the comments of fold D and the posts of fold X with the shipped model (spamscore.Default), to measure it before a change")
	evalOnly := fl.Bool("eval", false, "run the cross-source evaluation only and print it; write nothing")
	fixShift := fl.Float64("shift", math.NaN(), "operating-point shift in log-odds instead of the chosen one (to compare models at one shift)")
	fl.BoolVar(&replySpam, "replyspam", replySpam, "augment with reply spam that opens with an @handle (augment.go; off: the shipped model)")
	fl.BoolVar(&spamscore.PromotedHandles, "promoted", spamscore.PromotedHandles, "tell an opening @mention from a promoted @handle after it (spamscore/handles.go; on in the shipped model)")
	fl.BoolVar(&spamscore.NamedOnce, "namedonce", spamscore.NamedOnce, "set \"an @handle named as promoted\" once however many handles are (spamscore/handles.go; on in the shipped model)")
	fl.BoolVar(&spamscore.CreditedHandles, "credited", spamscore.CreditedHandles, "a handle after on/via/x or a colon alone sets \"an @handle credited\", not \"named\" (spamscore/handles.go; on in the shipped model)")
	fl.BoolVar(&spamscore.ChannelParts, "channelparts", spamscore.ChannelParts, "read a channel's words in the parts a handle writes apart by case (spamscore/features.go; on in the shipped model)")
	fl.BoolVar(&credits, "credits", credits, "augment with good-faith posts that credit handles (on/via @org, speakers: @a, @b; credits.go; off in the shipped model)")
	fl.BoolVar(&testimonials, "testimonials", testimonials, "augment with testimonial spam, person-shaped accounts and good-faith finance talk (testimony.go; =false for the model before them)")
	fl.BoolVar(&spamscore.EmojiDensity, "emojidensity", spamscore.EmojiDensity, "read \"many emoji\", an emoji every four words (spamscore/features.go; on in the shipped model, =false for the candidate without it)")
	fl.BoolVar(&spamscore.LineOpeners, "lineopeners", spamscore.LineOpeners, "leave a handle opening a line after a finished sentence unplaced (spamscore/handles.go; off in the shipped model)")
	fl.IntVar(&epochs, "epochs", epochs, "training epochs (fewer to iterate quickly)")
	fl.Float64Var(&hashL2, "hashl2", hashL2, "L2 per update on the hashed n-gram buckets")
	fl.Float64Var(&dropout, "dropout", dropout, "share of hashed features dropped from each example while training")
	fl.Float64Var(&blind, "blind", blind, "share of examples seen with no hashed feature in each epoch while training")
	fl.IntVar(&sblMax, "sblmax", sblMax, "blacklisted domains to use")
	fl.Float64Var(&sblShare, "sblshare", sblShare, "weight share of the domain edits")
	fl.Float64Var(&worldShare, "worldshare", worldShare, "weight share of the paragraphs in 75 languages")
	fl.Uint64Var(&seed, "seed", seed, "seed of the augmentation and the training order (another to tell a gain from a retrain's noise)")
	fl.IntVar(&listN, "misses", listN, "worst false positives and misses to list per fold")
	fl.BoolVar(&listWhy, "why", listWhy, "list the features behind each listed false positive and miss")
	fl.IntVar(&genreMisses, "genremisses", genreMisses, "with -eval: list this many held-out augmented spams the bot keeps, per genre and fold")
	fl.StringVar(&decideDumpPath, "decidedump", decideDumpPath, "with -eval: write the held-out items the bot's decision tables replay to this file, as JSON lines (decide_dump.go)")
	probe := fl.String("probe", "", "with -eval: also train the final model and score this labelled JSONL file with it (kinds, languages, misses)")
	folds := fl.Bool("folds", true, "with -eval: run the cross-source folds (-folds=false with -probe scores the probe set only)")
	only := fl.String("only", "", "with -eval: run only the folds whose names are in this comma-separated list (\"D,B\"; to iterate quickly: no operating point without A and B)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	real, err := loadTrain(*trainDir)
	if err != nil {
		return err
	}
	edits, pages, err := loadCorpus(*corpusDir)
	if err != nil {
		return err
	}
	var augPages []page
	for _, p := range pages {
		if strings.Contains(p.text, "[[Category:") {
			augPages = append(augPages, p)
		}
	}
	if len(augPages) == 0 {
		return errors.New("no wiki pages with categories to augment")
	}
	aug := augment(seed, augPages, perLang)
	sbl, err := loadBlacklist(*sblDir)
	if err != nil {
		return err
	}
	top, err := loadTopSites(*topDir)
	if err != nil {
		return err
	}
	cited := hamDomains(slices.Concat(real, edits))
	for _, d := range top {
		if !slices.Contains(cited[d], "majestic") {
			cited[d] = append(cited[d], "majestic")
		}
	}
	doms := domainExamples(sbl, cited, augPages)
	world, err := loadWorld(*worldDir, worldSites(cited))
	if err != nil {
		return err
	}
	comments, err := loadComments(*commentsDir)
	if err != nil {
		return err
	}
	posts, err := loadXPosts(*xDir)
	if err != nil {
		return err
	}
	all := slices.Concat(real, edits, aug, doms, world, comments, posts)
	fmt.Fprintf(stdout, "%d examples (%d real, %d corpus, %d augmented, %d domains, %d paragraphs in %d languages, %d comments, %d X posts); extracting features\n",
		len(all), len(real), len(edits), len(aug), len(doms), len(world), len(worldLangs(world)), len(comments), len(posts))

	vecs := make([]spamscore.Vector, len(all))
	contacts := make([]int, len(all))
	words := make([]bool, len(all))
	domains := make([]bool, len(all))
	for i, e := range all {
		v, cs := spamscore.Vectorize(doc(e), bits)
		vecs[i] = v
		contacts[i] = len(cs)
		words[i] = hasWords(e.text, cs)
		domains[i] = hasDomain(cs)
	}
	ds := &dataset{ex: all, vec: vecs, contacts: contacts, words: words, domains: domains, nBlacklist: len(sbl), nWorld: len(world)}

	var rep bytes.Buffer
	testA := func(e *example) bool {
		return e.genre == "sms" || e.source == "se2" || e.source == "edits" || e.source == "augment" && augHalf2[e.lang] ||
			e.source == "world" && worldHeldInA(e.lang)
	}
	testB := func(e *example) bool {
		return e.genre == "email" || e.source == "se1" || e.source == "pages" || e.source == "augment" && !augHalf2[e.lang] ||
			e.source == "world" && !worldHeldInA(e.lang)
	}
	isComment := func(e *example) bool { return e.source == "ig" }
	isHeldComment := func(e *example) bool { return isComment(e) && heldHalf(e.id) }
	isPost := func(e *example) bool { return e.source == "x" }
	isHeldPost := func(e *example) bool { return isPost(e) && heldHalf(e.id) }
	// unseenComment and unseenPost are what no fold but their own trains on.
	unseenComment := isHeldComment
	if !commentsTrain {
		unseenComment = isComment
	}
	unseenPost := isHeldPost
	switch {
	case xHamShare > 0 && !xTrain:
		unseenPost = func(e *example) bool { return isPost(e) && (e.label || heldHalf(e.id)) }
	case !xTrain:
		unseenPost = isPost
	}
	noComments := func(skip func(*example) bool) func(*example) bool {
		return func(e *example) bool { return unseenComment(e) || unseenPost(e) || skip != nil && skip(e) }
	}
	crossFolds := []fold{
		// A cited domain from a held-out corpus group is not trained on.
		{name: "A: trained on e-mail spam, tested on SMS spam", test: testA, skip: noComments(fromHeldOut(testA))},
		{name: "B: trained on SMS spam, tested on e-mail spam", test: testB, skip: noComments(fromHeldOut(testB))},
		{name: "C: trained on half of the blacklisted and cited domains, tested on the other half", test: sblHeldOut, skip: noComments(nil)},
		{name: "C0: as C without any blacklist domain in training (the model before them)", test: sblHeldOut,
			skip: noComments(func(e *example) bool { return e.source == "sbl" })},
		{name: "D: trained on all but the Instagram comments, tested on them", test: isComment, skip: unseenPost, held: isHeldComment},
	}
	if commentsTrain {
		crossFolds = append(crossFolds, fold{name: "Dh: trained on all but the held-out half of the Instagram comments, tested on it", test: isHeldComment, skip: unseenPost, held: isHeldComment})
	}
	crossFolds = append(crossFolds, fold{name: "X: trained on all but the X posts, tested on them", test: isPost, skip: unseenComment, held: isHeldPost})
	if xTrain || xHamShare > 0 {
		crossFolds = append(crossFolds, fold{name: "Xh: trained on all but the held-out half of the X posts, tested on it", test: isHeldPost,
			skip: func(e *example) bool { return unseenComment(e) || unseenPost(e) }, held: isHeldPost})
	}
	var heldHam, heldSpam [][]float64 // per fold: logits of the held-out real web ham and spam with links
	var heldWorld [][]float64         // per fold: logits of the held-out Leipzig prose with a good-faith link
	var heldEdits [][]float64         // per fold: logits of the held-out real regular edits with links
	var heldModels []trained          // per fold A and B: its model and held-out items
	var heldIdx [][]int
	var commentModels []trained // per fold D and Dh: its model
	var commentIdx [][]int
	var commentNames []string
	if !*folds && *evalOnly {
		crossFolds = nil
	}
	if *only != "" && *evalOnly {
		var err error
		if crossFolds, err = selectFolds(crossFolds, *only); err != nil {
			return err
		}
	}
	for _, f := range crossFolds {
		fmt.Fprintf(stdout, "fold %s\n", f.name)
		var train, test []int
		for i := range all {
			switch {
			case f.test(&all[i]):
				test = append(test, i)
			case f.skip == nil || !f.skip(&all[i]):
				train = append(train, i)
			}
		}
		m := ds.fit(train)
		if f.held == nil {
			ds.report(&rep, f.name, m, test)
		} else {
			// Only the tuning half's misses and false positives are
			// listed: the held-out half stays unread.
			ds.commentReports(&rep, f.name, m, test, f.held, len(f.short()) == 1)
		}
		if *shipped && f.held != nil && len(f.short()) == 1 {
			def, err := spamscore.Default()
			if err != nil {
				return err
			}
			ds.commentReports(&rep, "the shipped model (spamscore.Default) on fold "+f.short()+"'s items", trained{model: def}, test, f.held, true)
		}
		// The operating point is chosen on folds A and B alone.
		if strings.HasPrefix(f.name, "A") || strings.HasPrefix(f.name, "B") {
			heldHam = append(heldHam, ds.webHamLogits(m, test))
			heldWorld = append(heldWorld, ds.worldHamLogits(m, test))
			heldEdits = append(heldEdits, ds.editHamLogits(m, test))
			heldSpam = append(heldSpam, ds.spamLogits(m, test))
			heldModels = append(heldModels, m)
			heldIdx = append(heldIdx, test)
		}
		if f.held != nil {
			commentModels = append(commentModels, m)
			commentIdx = append(commentIdx, test)
			commentNames = append(commentNames, f.short())
		}
	}
	shift := 0.0
	if len(heldHam) > 0 {
		shift = operatingShift(heldHam, heldWorld, heldEdits)
		if !math.IsNaN(*fixShift) {
			shift = *fixShift
		}
		fmt.Fprintf(&rep, "\n### The operating point\n\n%s", shiftReport(shift, heldHam, heldSpam, heldWorld))
		var swept [][]sweepItem
		for k, m := range heldModels {
			items, err := ds.sweepFold(m, shift, heldIdx[k])
			if err != nil {
				return err
			}
			swept = append(swept, items)
		}
		blatantSweep(&rep, swept)
		names := []string{"A", "B"}
		for k, m := range commentModels {
			items, err := ds.sweepFold(m, shift, commentIdx[k])
			if err != nil {
				return err
			}
			swept = append(swept, items)
			names = append(names, commentNames[k])
		}
		memoryTable(&rep, names, swept)
		decideTable(&rep, names, swept)
		decideReport(&rep, names, swept)
	}
	if *evalOnly && *probe == "" {
		_, err := stdout.Write(rep.Bytes())
		return err
	}

	fmt.Fprintln(stdout, "final model")
	var idx []int
	for i := range all {
		if !unseenComment(&all[i]) && !unseenPost(&all[i]) {
			idx = append(idx, i)
		}
	}
	final := ds.fit(idx)
	final.b += shift
	final.model, err = spamscore.New(bits, final.w, final.a, final.b)
	if err != nil {
		return err
	}
	if *evalOnly {
		if err := probeReport(&rep, *probe, final.model); err != nil {
			return err
		}
		_, err := stdout.Write(rep.Bytes())
		return err
	}
	var mb bytes.Buffer
	if err := final.model.Encode(&mb); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(*outDir, "spam.model"), mb.Bytes(), 0o644); err != nil {
		return err
	}
	var calib []int
	for _, i := range idx {
		if isCalib(all[i].id) {
			calib = append(calib, i)
		}
	}
	var finalRep bytes.Buffer
	ds.report(&finalRep, "final model, on its own calibration tenth (seen sources, unseen items)", final, calib)
	md := trainingMD(*trainDir, *corpusDir, ds, final, rep.String(), finalRep.String(), mb.Len())
	if err := os.WriteFile(filepath.Join(*outDir, "TRAINING.md"), []byte(md), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes) and TRAINING.md\n", filepath.Join(*outDir, "spam.model"), mb.Len())
	return nil
}

// synthetic reports whether e was made by the trainer (augmentation, a
// real domain in a made-up container, real prose given a spam link)
// rather than read whole from a corpus.
func synthetic(e *example) bool {
	return e.source == "augment" || e.source == "sbl" || e.source == "world" && e.label
}

// augHalf2 are the augmented languages fold A holds out (fold B holds out
// the others).
var augHalf2 = map[string]bool{"ja": true, "ar": true, "vi": true, "tr": true, "pl": true, "nl": true, "id": true, "ko": true, "uk": true, "kk": true}

type fold struct {
	name string
	test func(*example) bool
	skip func(*example) bool // neither trained nor tested on
	// held is, for the folds of comments and posts, their held-out half:
	// only the other half's misses and false positives are listed.
	held func(*example) bool
}

// short is the fold's name before its colon: "A", "Dh".
func (f fold) short() string { return f.name[:strings.IndexByte(f.name, ':')] }

// fromHeldOut skips the cited-domain examples whose domain a held-out
// corpus group links to.
func fromHeldOut(test func(*example) bool) func(*example) bool {
	return func(e *example) bool {
		if e.source != "sbl" || e.label {
			return false
		}
		for _, s := range e.from {
			probe := example{source: s}
			switch s {
			case "spamassassin":
				probe.genre = "email"
			case "sms":
				probe.genre = "sms"
			}
			if test(&probe) {
				return true
			}
		}
		return false
	}
}

func doc(e example) spamscore.Doc {
	return spamscore.Doc{Text: e.text, Old: e.old, New: e.new}
}

// hasWords reports whether text has three words or more besides its
// links and contacts.
func hasWords(text string, cs []spamscore.Contact) bool {
	for _, c := range cs {
		text = strings.ReplaceAll(text, c.Text, " ")
		if c.Anchor != "" {
			text = strings.ReplaceAll(text, c.Anchor, " ")
		}
	}
	n := 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0x80)
	}) {
		if len(w) >= 2 {
			n++
		}
	}
	return n >= 3
}

// hasDomain reports whether cs hold a URL or a domain.
func hasDomain(cs []spamscore.Contact) bool {
	for _, c := range cs {
		switch c.Kind {
		case spamscore.ContactURL, spamscore.ContactBare, spamscore.ContactObfuscated:
			return true
		}
	}
	return false
}

func isCalib(id string) bool {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32()%calibEvery == 0
}

type dataset struct {
	ex       []example
	vec      []spamscore.Vector
	contacts []int
	words    []bool
	// domains is whether the item has a URL or a domain (bare or
	// obfuscated), not only handles, numbers or addresses: what every
	// item of the hidden evaluation has.
	domains []bool

	nBlacklist int // literal domains on the spam blacklist
	nWorld     int // paragraphs in other languages (world.go)
}

// trained is a fitted model with its float weights' model.
type trained struct {
	model *spamscore.Model
	w     []float64
	a, b  float64
	n     int
}

// weights gives each training example its weight: the strata (e-mail, SMS,
// web per language) get fixed shares and, inside each, spam and ham half of
// it, so that neither the genre nor the language says "spam".
func (ds *dataset) weights(idx []int) []float64 {
	type key struct {
		stratum string
		label   bool
	}
	count := map[key]int{}
	stratum := func(e *example) string {
		if e.source == "sbl" {
			return "sbl"
		}
		if e.source == "world" {
			return "world"
		}
		if e.source == "x" {
			return "xpost"
		}
		if e.genre == "web" {
			return "web/" + e.lang
		}
		return e.genre
	}
	for _, i := range idx {
		count[key{stratum(&ds.ex[i]), ds.ex[i].label}]++
	}
	share := func(s string) float64 {
		switch s {
		case "email":
			return 1
		case "sms":
			return 0.6
		case "web/en":
			return 2
		case "comment":
			return commentShare
		case "xpost":
			return xShare
		case "sbl":
			return sblShare
		}
		return 0.5
	}
	w := make([]float64, len(idx))
	total, others := 0.0, 0
	for k, i := range idx {
		e := &ds.ex[i]
		s := stratum(e)
		n := count[key{s, e.label}]
		other := count[key{s, !e.label}]
		if s == "world" {
			// Good faith only, by design: its share is its own.
			w[k] = worldShare / float64(n)
		} else if s == "xpost" && !xTrain {
			// The X posts' good faith alone (-xham).
			w[k] = xHamShare / float64(n)
		} else if other == 0 {
			// A stratum of one class (English e-mail in another
			// language, a page language without augmentation) only
			// counts a little.
			w[k] = 0.05 * share(s) / float64(n)
		} else {
			w[k] = share(s) / 2 / float64(n)
		}
		if s != "world" {
			total += w[k]
			others++
		}
	}
	// The scale (the learning rate's) is set by the other strata alone:
	// the paragraphs in 75 languages add their share without changing
	// how much every other example weighs.
	for k := range w {
		w[k] *= float64(others) / total
	}
	return w
}

// fit trains on idx minus its calibration tenth, then fits the Platt
// scaling on that tenth.
func (ds *dataset) fit(idx []int) trained {
	var train, calib []int
	for _, i := range idx {
		if isCalib(ds.ex[i].id) {
			calib = append(calib, i)
		} else {
			train = append(train, i)
		}
	}
	wts := ds.weights(train)
	dims := spamscore.Dims(bits)
	w := make([]float64, dims)
	g2 := make([]float64, dims)
	r := rand.New(rand.NewPCG(seed, 1))
	order := make([]int, len(train))
	nDense := uint32(dims - 1<<bits)
	var vbuf []float64
	keep := 1 / (1 - dropout)
	for ep := 0; ep < epochs; ep++ {
		for k := range order {
			order[k] = k
		}
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			v := ds.vec[train[k]]
			// Feature dropout on the hashed buckets: the named features
			// must carry the example when its n-grams are missing, as
			// they are in a genre or language the data lacks.
			val := vbuf[:0]
			noHashed := blind > 0 && r.Float64() < blind
			for j, ix := range v.Idx {
				x := float64(v.Val[j])
				if ix >= nDense && noHashed {
					x = 0
				} else if ix >= nDense && dropout > 0 {
					if r.Float64() < dropout {
						x = 0
					} else {
						x *= keep
					}
				}
				val = append(val, x)
			}
			vbuf = val
			zd, zh := 0.0, 0.0
			for j, ix := range v.Idx {
				if ix >= nDense {
					zh += w[ix] * val[j]
				} else {
					zd += w[ix] * val[j]
				}
			}
			// The model caps the hashed buckets' sum: past the cap they
			// get no gradient from this example, only their decay.
			z := zd + spamscore.ClampHashed(zh)
			capped := zh != spamscore.ClampHashed(zh)
			y := 0.0
			if ds.ex[train[k]].label {
				y = 1
			}
			coef := (sigmoid(z) - y) * wts[k]
			for j, ix := range v.Idx {
				reg := l2
				c := coef
				if ix >= nDense {
					reg = hashL2
					if capped && (zh > 0) == (coef < 0) {
						c = 0
					}
				}
				if val[j] == 0 {
					continue
				}
				g := c*val[j] + reg*w[ix]
				g2[ix] += g * g
				w[ix] -= rate * g / (math.Sqrt(g2[ix]) + 1e-8)
			}
		}
	}
	m, err := spamscore.New(bits, w, 1, 0)
	if err != nil {
		panic(err) // the constants above are valid
	}
	// Platt scaling on the calibration tenth, with the quantised model's
	// raw scores and the same stratum weights.
	cw := ds.weights(calib)
	zs := make([]float64, len(calib))
	for k, i := range calib {
		zs[k] = logit(m.Score(doc(ds.ex[i])).Prob)
	}
	a, b := platt(zs, calib, ds, cw)
	m, _ = spamscore.New(bits, w, a, b)
	return trained{model: m, w: w, a: a, b: b, n: len(train)}
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func logit(p float64) float64 {
	p = min(max(p, 1e-12), 1-1e-12)
	return math.Log(p / (1 - p))
}

// platt fits p = sigmoid(a·z+b) by gradient descent on the weighted log
// loss.
func platt(zs []float64, idx []int, ds *dataset, w []float64) (float64, float64) {
	a, b := 1.0, 0.0
	for it := 0; it < 2000; it++ {
		var ga, gb, tw float64
		for k, z := range zs {
			y := 0.0
			if ds.ex[idx[k]].label {
				y = 1
			}
			d := (sigmoid(a*z+b) - y) * w[k]
			ga += d * z
			gb += d
			tw += w[k]
		}
		a -= 0.5 * ga / tw
		b -= 0.5 * gb / tw
	}
	return a, b
}

// sha256File returns the hex SHA-256 of a file.
func sha256File(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return "unreadable: " + err.Error()
	}
	return fmt.Sprintf("%x", sha256.Sum256(data))
}

// Operating point: the bot reads p≥0.7 as spam signals. The Platt
// scaling is calibrated for equal shares of spam and ham, which says
// nothing about how much good-faith text with links crosses 0.7. The
// shift moves every score by the same log-odds, the largest (up to
// maxShift, in steps of 0.1, negative if need be) at which no fold's
// held-out real web ham with links crosses 0.7 more often than maxHeldFP.
// Only the ham side chooses it.
const (
	maxHeldFP = 0.003
	maxShift  = 1.5
)

// webHamLogits returns the raw calibrated log-odds of the real web ham
// with links or contacts among idx.
func (ds *dataset) webHamLogits(m trained, idx []int) []float64 {
	var out []float64
	for _, i := range idx {
		e := &ds.ex[i]
		if !e.label && !synthetic(e) && e.source != "world" && e.genre == "web" && ds.contacts[i] > 0 {
			out = append(out, logit(m.model.Score(doc(*e)).Prob))
		}
	}
	return out
}

// editHamLogits returns the raw calibrated log-odds that the link
// detector reads for the real regular edits with links or contacts among
// idx, as the bot sees each edit (its added text in its page).
func (ds *dataset) editHamLogits(m trained, idx []int) []float64 {
	var out []float64
	for _, i := range idx {
		e := &ds.ex[i]
		if !e.label && e.source == "edits" && ds.contacts[i] > 0 {
			r := detectors.Links(&detectors.Input{Edit: botEdit(e), Env: &detectors.Env{Spam: m.model}})
			if r.Spam > 0 {
				out = append(out, logit(r.Spam))
			}
		}
	}
	return out
}

// worldHamLogits returns the raw calibrated log-odds of the real prose in
// other languages with a good-faith link among idx.
func (ds *dataset) worldHamLogits(m trained, idx []int) []float64 {
	var out []float64
	for _, i := range idx {
		e := &ds.ex[i]
		if !e.label && e.source == "world" {
			out = append(out, logit(m.model.Score(doc(*e)).Prob))
		}
	}
	return out
}

// spamLogits returns the log-odds of the real spam with links or
// contacts and words among idx.
func (ds *dataset) spamLogits(m trained, idx []int) []float64 {
	var out []float64
	for _, i := range idx {
		e := &ds.ex[i]
		if e.label && !synthetic(e) && ds.contacts[i] > 0 && ds.words[i] {
			out = append(out, logit(m.model.Score(doc(*e)).Prob))
		}
	}
	return out
}

func shareAt(ls []float64, shift, p float64) float64 {
	t := logit(p)
	n := 0
	for _, l := range ls {
		if l+shift >= t {
			n++
		}
	}
	return float64(n) / float64(max(len(ls), 1))
}

func operatingShift(ham, world, edits [][]float64) float64 {
	ok := func(s float64) bool {
		// No real regular edit may cross the threshold the bot
		// reverts at with no memory: the edits are few (57 with
		// links), and one of them in the web ham's 0.3% let a seed-13
		// model of session 20 shift by +0.6 and revert it.
		for _, h := range edits {
			if shareAt(h, s, thrBlatant) > 0 {
				return false
			}
		}
		for _, h := range ham {
			if shareAt(h, s, thrSignal) > maxHeldFP {
				return false
			}
		}
		// Real prose in other languages bounds it too, at the
		// threshold the bot reverts at with no memory and by the
		// share of good faith it may revert there (maxGoodFaith): a
		// model that clears English web text may still flag the
		// world's.
		for _, h := range world {
			if shareAt(h, s, thrBlatant) > maxGoodFaith {
				return false
			}
		}
		return true
	}
	s := 0.0
	for s > -maxShift && !ok(s) {
		s -= 0.1
	}
	for s+0.1 <= maxShift+1e-9 && ok(s+0.1) {
		s += 0.1
	}
	return math.Round(s*10) / 10
}

func shiftReport(shift float64, ham, spam, world [][]float64) string {
	var b strings.Builder
	fmt.Fprintf(&b, "The final model's scores are shifted by %+.1f log-odds: the largest shift (at most ±%.1f) at which no fold's held-out real\n", shift, maxShift)
	fmt.Fprintf(&b, "web ham with links (Stack Exchange, wiki, edits) reaches p≥%.1f more often than %.1f%%, nor its held-out real prose in other languages with a good-faith link (Leipzig)\np≥%.1f more often than %.2f%%, nor any of its held-out real regular edits with links p≥%.1f. The folds' figures above are before the shift; with it:\n\n", thrSignal, maxHeldFP*100, thrBlatant, maxGoodFaith*100, thrBlatant)
	b.WriteString("| fold | real spam with links and words, p≥0.7 | p≥0.8 | real web ham with links, p≥0.7 | p≥0.8 | Leipzig prose with a link, p≥0.8 |\n|---|---:|---:|---:|---:|---:|\n")
	for k := range ham {
		fmt.Fprintf(&b, "| %c | %.1f%% | %.1f%% | %.2f%% | %.2f%% | %.2f%% |\n", 'A'+k, 100*shareAt(spam[k], shift, thrSignal), 100*shareAt(spam[k], shift, thrBlatant),
			100*shareAt(ham[k], shift, thrSignal), 100*shareAt(ham[k], shift, thrBlatant), 100*shareAt(world[k], shift, thrBlatant))
	}
	return b.String()
}

// selectFolds returns the folds named in only, a comma-separated list of
// the names before their colon ("D,B"); a name no fold has is an error
// listing them.
func selectFolds(folds []fold, only string) ([]fold, error) {
	names := strings.Split(only, ",")
	for _, n := range names {
		if !slices.ContainsFunc(folds, func(f fold) bool { return f.short() == n }) {
			known := make([]string, len(folds))
			for i, f := range folds {
				known[i] = f.short()
			}
			return nil, fmt.Errorf("-only %s: no fold %q (folds: %s)", only, n, strings.Join(known, ","))
		}
	}
	return slices.DeleteFunc(folds, func(f fold) bool { return !slices.Contains(names, f.short()) }), nil
}
