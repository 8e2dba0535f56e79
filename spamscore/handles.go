package spamscore

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// An @handle is either replied to or promoted. A reply names the person it
// answers where it opens ("@anna thanks, that fixed it") or tags friends
// ("@a @b look"); a testimonial or chat spam names the account it sells
// after the praise or the call to act, where the text closes ("... she
// helped me double my savings, contact @x"), with the platform it lives on
// ("on instagram @x", "IG: @x", "via @x") or right after a call to write ("message @x"), often twice, in a name shaped
// like an account rather than a person (digits and separators,
// "@anna_fx.01"). These are structural: they hold in any language that
// writes handles with "@".

// handlePlatforms are the words that name where a handle lives: platform
// names (brand names, written alike in every language).
var handlePlatforms = []string{"instagram", "insta", "ig", "telegram", "tg", "whatsapp", "facebook", "fb", "tiktok", "twitter",
	"snapchat", "snap", "signal", "discord", "threads", "youtube", "wechat", "line", "kakao",
	"телеграм", "телеграмм", "телеге", "инстаграм", "инсте", "ватсап"}

// handleVia are "on", "via" and "x" (a collaboration: "@a x @b") in the
// languages spam is written in: words that place a handle without saying
// it is the one to write to. A post credits organisations and people
// with them as often as spam places its account ("live on @base", "via
// @reuters"); with CreditedHandles they set a feature of their own.
var handleVia = []string{"on", "via", "x", "sur", "auf", "en", "em", "su", "op", "na", "на", "в", "через", "trên"}

// handleBy are "by" in the languages of handleVia: a maker's credit
// ("issued by @bank"). The model was trained without them (a seller's
// "made by @shop" reads alike); bot.Decide, which also asks whether a
// post names only the accounts it talks about, reads them with handleVia.
var handleBy = []string{"by", "par"}

// CreditsHandle reports whether word (lower case), right before an
// @handle, places or credits the handle rather than asks the reader to
// write to it: a word of handleVia or handleBy ("next day on @hulu",
// "issued by @bank"). A testimonial's "with" and "from" ("I made $9,000
// with @x") are not among them.
func CreditsHandle(word string) bool {
	return containsWordExact(handleVia, word) || containsWordExact(handleBy, word)
}

// handleCallWords begin the verbs that ask the reader to write to a
// handle ("message @x", "schreib @x", "пиши @x"); a call to action of
// ctaWords just before the handle counts too.
var handleCallWords = []string{"contact", "message", "dm", "write", "reach", "text", "follow", "chat", "inbox", "kontakt",
	"escrib", "écri", "schreib", "scriv", "escrev", "пиш", "напиш", "联系", "私信", "加"}

// handlePlace sets the place features of the handle at text[lo:hi] that
// does not open the text.
func (x *extractor) handlePlace(text string, lo, hi int) {
	before := text[:lo]
	if proseWords(before) >= 4 && proseWords(text[hi:]) <= 1 {
		x.dense(fHandleCloses, 1)
		x.promoted = true
	}
	if PromotedHandles && channelName(text[lo:hi]) {
		x.promoted = true
	}
	if LineOpeners && opensLine(before) {
		return
	}
	b := strings.TrimRightFunc(before, unicode.IsSpace)
	colon := strings.HasSuffix(b, ":") || strings.HasSuffix(b, "：")
	if colon && !CreditedHandles {
		x.nameHandle()
		x.promoted = true
		return
	}
	// The two words before it: "on instagram @x", "schreib ihr @x",
	// "IG: @x"; a word of handleVia alone, or a colon after other words
	// ("speakers: @a"), credits the handle.
	via := colon
	if colon && callInClause(b) {
		// "Write to my manager: @x", "Для заказа пишите: @x".
		x.nameHandle()
		x.promoted = true
		return
	}
	for k := 0; k < 2; k++ {
		end := strings.LastIndexFunc(b, unicode.IsLetter)
		if end < 0 {
			break
		}
		_, size := utf8.DecodeRuneInString(b[end:])
		b = b[:end+size]
		start := 0
		if i := strings.LastIndexFunc(b, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
			_, size := utf8.DecodeRuneInString(b[i:])
			start = i + size
		}
		w := strings.ToLower(b[start:])
		if containsWordExact(handlePlatforms, w) || hasPrefixAny(w, handleCallWords) ||
			k == 0 && containsAny(strings.ToLower(b[max(0, len(b)-24):]), ctaWords) {
			x.nameHandle()
			x.promoted = true
			return
		}
		via = via || containsWordExact(handleVia, w)
		b = b[:start]
	}
	if !via {
		return
	}
	x.promoted = true
	if CreditedHandles {
		x.credited = true
		return
	}
	x.nameHandle()
}

// opensLine reports whether a handle after before opens a line after a
// finished sentence ("... visited London?\n\n@anna did some research"):
// it addresses someone, as a handle opening the text does, and the words
// of the sentence before it do not place it. Read across the break, a
// call to action there ("visited" holds "visit") or a platform's name
// closing the sentence made a Stack Exchange answer's reply to a user
// "an @handle named ... or a call to write". Spam that places its
// account on the next line leaves the sentence open ("write me on
// Telegram 👇\n@x", "WhatsApp:\n@x").
func opensLine(before string) bool {
	b := strings.TrimRightFunc(before, unicode.IsSpace)
	if !strings.ContainsAny(before[len(b):], "\n") {
		return false
	}
	b = strings.TrimRight(b, "\"'”’»)]*_")
	r, _ := utf8.DecodeLastRuneInString(b)
	return strings.ContainsRune(".!?。！？", r)
}

// LineOpeners is whether a handle opening a line after a finished
// sentence is left unplaced (opensLine; spamtrain's flag -lineopeners;
// recorded in the feature-set hash). Session 21, `spamtrain -eval
// -emojidensity=false -lineopeners`, seed 13: the fold-B Stack Exchange
// answer that crossed p≥0.7 at the +0.5 shift (its reply "...visited
// London?\n\n@Vector did some research" read as named, +1.92) falls
// below it, but the shift stays +0.4, now bounded by fold A's Leipzig
// prose (two Korean paragraphs at p 0.80 after +0.5, read by their
// hashed words, not by any handle); with "many emoji" on it too falls
// from +0.5 to +0.4 (fold D's link-only comment spam 82.9 -> 65.7%).
// Off in the shipped model.
var LineOpeners = false

// callInClause reports whether the clause that ends b (from the last
// sentence break) names a platform or asks the reader to write.
func callInClause(b string) bool {
	if i := strings.LastIndexAny(b, ".!?\n。！？"); i >= 0 {
		b = b[i+1:]
	}
	lower := strings.ToLower(b)
	if containsAny(lower, ctaWords) {
		return true
	}
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if containsWordExact(handlePlatforms, w) || hasPrefixAny(w, handleCallWords) {
			return true
		}
	}
	return false
}

// CreditedHandles is whether a handle placed by "on", "via", "x" or a
// colon after other words, without a platform's name or a call to write
// ("live on @base", "speakers: @a, @b", "@a x @b"), sets a feature of its
// own, "an @handle credited", rather than "an @handle named with its
// platform, a colon, on/via or a call to write" (spamtrain's flag
// -credited; recorded in the feature-set hash). Augmented spam placed
// its accounts so ("пиши в @x", "Telegram: @x") and no augmented good
// faith did, so the model read every credit in a post on X as a promoted
// contact: of the posts on X of the tuning half, 47 good faith and 5 spam
// place a handle after "on" alone, 12 and 3 after a colon. With
// NamedOnce and ChannelParts (session 20, `spamtrain -eval`, seed 13 /
// 14, the bot's no-memory reverts after the operating shift, +0.5 / +0.4):
// the X posts' good faith with a contact 26.8 -> 23.4 / 26.2 -> 21.0%,
// the Instagram comments' 15.7 -> 15.1 / 15.1 -> 13.8%; comment spam with
// words (fold D) 63.4 -> 65.2 / 63.0 -> 63.3%, its link-only spam 65.7 ->
// 82.9 / 80.0 -> 80.0%; X spam with words 67.1 -> 67.5 / 73.3 -> 73.3%
// (link-only 0 -> 0 / 3 -> 2 of 6); e-mail spam (fold B) 75.0 -> 75.4 /
// 77.5 -> 77.2%; SMS spam (fold A) 28.3 -> 27.5 / 28.8 -> 29.1%; held-out
// good faith at most 0.05 point higher (Leipzig in fold B 0.16 -> 0.21%
// at seed 13), regular edits 0; the decide lines rise (page probed 89.17
// -> 89.67%), their good-faith lines unchanged. Shipped, against SMS
// spam at seed 13 (3 of 382) and e-mail spam at seed 14 (0.3 point).
var CreditedHandles = true

// PromotedHandles is whether the opening @handle is told apart from a
// promoted one (spamtrain's flag -promoted; on in the shipped model, whose
// feature-set hash records it). Off, "an @handle opening the text" is set
// whenever one opens it, and reply spam ("@anna great post! earn daily,
// message @x_fx01") carries the good-faith weight of a reply (-2.8 in
// session 18's model). On, the
// opening handle is a reply's mention only when no later handle is
// promoted (closing the text after its words, named with its platform or
// a call to write, a channel's name, or any second handle beside
// messenger words); else the feature is not set. Session 19, `spamtrain
// -eval -promoted`, seed 13 / 14, no-memory reverts: the X posts' spam
// with words (fold X) 61.6 -> 67.1% / 67.8 -> 73.3%, their good faith
// with a contact 26.2 -> 26.8% / 26.2 -> 26.2%; Instagram comment spam
// with words (fold D) 63.4 -> 63.4% / 63.1 -> 63.0% (one item fewer), its
// link-only spam 65.7 -> 65.7% / 80.0 -> 80.0%; Stack Exchange, articles
// and Leipzig at p>=0.8 within 0.03 point; the decide and link fixtures
// pass. The held-out half of the X posts, never read while the feature
// was built: 59.4 -> 64.3% / 65.2 -> 69.6%, its good faith 19.6 -> 19.9%
// / 19.3 -> 19.3%. Shipped: a gain on both seeds on the one source of real
// social spam no model trains on, against one item of 632 at one seed.
//
// Tried and dropped: a hashed feature "a promoted @handle after an
// opening @mention" in place of the opening one lifted fold D to 66.8% /
// 63.4% and its link-only spam to 82.9% / 80.0%, but raised the operating
// shift from +0.4 to +0.5 at seed 13, and that model made a real regular
// edit (a reference link, p 0.13, over the bot's good-faith bound) a
// revert when a neighbour in its range probed. With -replyspam too, fold
// D's spam with words fell to 61.1% at seed 13.
var PromotedHandles = true

// NamedOnce is whether "an @handle named with its platform, a colon,
// on/via or a call to write" is set once however many handles are so
// named (spamtrain's flag -namedonce; recorded in the feature-set hash).
// Off, each named handle adds the feature again, and a post that credits
// several accounts ("live on @a", "speakers: @b, @c", "@d x @e") scores
// as a promotion several times over: the spam it is for names one
// account, often twice (the repeat has its own feature). On in the
// shipped model with CreditedHandles and ChannelParts (figures at
// CreditedHandles).
var NamedOnce = true

// nameHandle records a handle named as promoted ones are.
func (x *extractor) nameHandle() {
	if NamedOnce {
		x.named = true
		return
	}
	x.dense(fHandleNamed, 1)
}

// namedOnce sets, with NamedOnce, the feature of a named handle, and
// with CreditedHandles that of a credited one.
func (x *extractor) namedOnce() {
	if x.named {
		x.dense(fHandleNamed, 1)
	}
	if x.credited {
		x.dense(fHandleCredited, 1)
	}
}

// replyOpener sets, with PromotedHandles, the feature of the opening
// handle once every handle's place and the messenger words are known.
func (x *extractor) replyOpener() {
	if !x.opener {
		return
	}
	handles := 0
	for _, c := range x.contacts {
		if c.Kind == ContactTelegram && strings.HasPrefix(c.Text, "@") {
			handles++
		}
	}
	if x.promoted || x.messenger && handles >= 2 {
		return
	}
	x.dense(fTelegramStart, 1)
}

// handleSet sets the features of the text's handles together: one
// repeated, several different ones, one shaped like an account.
func (x *extractor) handleSet() {
	var names []string
	repeated, account := false, false
	for _, c := range x.contacts {
		if c.Kind != ContactTelegram || !strings.HasPrefix(c.Text, "@") {
			continue
		}
		h := strings.ToLower(c.Text[1:])
		if containsWordExact(names, h) {
			repeated = true
			continue
		}
		names = append(names, h)
		account = account || accountShaped(h)
	}
	if repeated {
		x.dense(fHandleRepeat, 1)
	}
	if len(names) >= 3 {
		x.dense(fHandlesMany, 1)
	}
	if account {
		x.dense(fHandleAccount, 1)
	}
}

// accountShaped reports whether a handle reads as a made-up account name
// rather than a person's: separators and digits together ("anna_fx01",
// "mark.invest_2"), three parts or more ("jessica_fx_trades"), or a
// trailing separator (a taken name made free again: "annafx_").
func accountShaped(h string) bool {
	seps, digits := 0, false
	for i := 0; i < len(h); i++ {
		switch c := h[i]; {
		case c == '_' || c == '.':
			seps++
		case isDigit(c):
			digits = true
		}
	}
	last := h[len(h)-1]
	return seps >= 2 || seps >= 1 && digits || last == '_' || last == '.'
}

// proseWords counts the runs of letters in s (a run of letters of a
// language written without spaces counts once).
func proseWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		l := unicode.IsLetter(r)
		if l && !in {
			n++
		}
		in = l
	}
	return n
}

// hasPrefixAny reports whether w begins with one of ps.
func hasPrefixAny(w string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// containsWordExact reports whether ws holds w.
func containsWordExact(ws []string, w string) bool {
	for _, s := range ws {
		if s == w {
			return true
		}
	}
	return false
}
