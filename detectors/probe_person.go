package detectors

import (
	"iter"
	"strings"
)

// What a post's structure says a word is. Forum posts and mail name people
// (the one they answer, the one they quote, themselves at the end), fill in
// the fields of an issue form, and list the programs they run with their
// versions. A moderator reads a strange word in those places as a user's
// name, a field's value or a package's name; a token planted at random
// lands there seldom, because each place is a few words of a long text and
// most need their line to be shaped just so.

// Evidence weights, in bits.
const (
	bitsPersonSlot = -8.0 // where a post names a person (personSlot), or all its letters' evidence
	bitsSignOff    = -8.0 // the name signing a message (signOff)...
	signOffShare   = 0.75 // ...or this share of its letters' evidence: a token added at a post's end sits there too
	bitsFieldValue = -8.0 // the whole value of a field of a form (fieldValue), or all its letters' evidence
	bitsVersioned  = -6.0 // a package's line of a list of versions (versioned)
	bitsIdentList  = -8.0 // an item of a list of identifiers (identListItem)...
	identShare     = 0.5  // ...or this share of its letters' evidence, if more
)

// greetings are the words after which a post names the one it speaks to
// ("Hi Jörg,", "Thanks tbm0115!", "cc kiamlaluno", "Bonjour Amélie,"), and
// thankedBy those that take "you", "to" or "à" before the name ("thank you
// ihtkwot", "congratulations to ihtkwot", "according to dtldarek,",
// "merci à ihtkwot !").
var (
	greetings = map[string]bool{"hi": true, "hello": true, "hey": true, "dear": true, "thanks": true, "thx": true,
		"thanking": true, "cc": true, "ping": true, "welcome": true, "congratulations": true, "congrats": true,
		// French, German, Spanish, Italian, Portuguese.
		"bonjour": true, "salut": true, "bonsoir": true, "coucou": true, "merci": true, "félicitations": true, "bravo": true,
		"hallo": true, "danke": true, "hola": true, "gracias": true, "ciao": true, "grazie": true, "olá": true, "obrigado": true}
	thankedBy = map[string]bool{"thank": true, "thanks": true, "congratulations": true, "congrats": true, "welcome": true,
		"according": true, "merci": true, "à": true}
)

// salutations open a message: a name alone under one is whom it greets,
// not who signs it.
var salutations = map[string]bool{"hi": true, "hello": true, "hey": true, "dear": true}

// sayVerbs are verbs of saying and doing whose subject a post names
// ("dtldarek asks below", "As bpachev mentioned"), and namedBefore the
// nouns that introduce a user ("User kubanczyk noticed", "member
// meireikei").
var (
	sayVerbs = map[string]bool{"said": true, "says": true, "mentioned": true, "mentions": true, "asked": true, "asks": true,
		"noted": true, "notes": true, "noticed": true, "wrote": true, "writes": true, "suggested": true, "suggests": true,
		"pointed": true, "points": true, "commented": true, "answered": true, "replied": true, "replies": true,
		"explained": true, "explains": true, "caught": true, "proposed": true, "proposes": true, "argued": true, "argues": true,
		"did": true, "posted": true, "raised": true, "reported": true}
	namedBefore = map[string]bool{"user": true, "member": true, "moderator": true}
	// attributedTo are the words before a preposition that names a person
	// after it ("the answer by", "agree with", "according to").
	attributedTo = map[string]map[string]bool{
		"by": writtenBy, "par": writtenBy,
		"with": {"agree": true, "agreed": true, "agrees": true, "disagree": true, "disagreed": true, "disagrees": true, "concur": true},
		"to":   {"according": true, "reply": true, "replying": true, "respond": true, "responding": true, "response": true},
		"avec": {"accord": true},
	}
	// attributionEnd are words that may follow the name a preposition
	// attributes to: not a determiner, which a token slipped in after
	// the preposition stands before ("according to xkqz the docs").
	attributionEnd = map[string]bool{"here": true, "above": true, "below": true, "too": true, "also": true,
		"cites": true, "quotes": true, "gives": true, "shows": true, "explains": true, "about": true}
	writtenBy = map[string]bool{"answer": true, "answers": true, "comment": true, "comments": true, "question": true,
		"questions": true, "post": true, "posts": true, "edit": true, "edits": true, "edited": true, "posted": true,
		"asked": true, "answered": true, "suggested": true, "written": true, "proposed": true, "proposal": true,
		"reply": true, "replies": true, "suggestion": true, "réponse": true, "réponses": true, "commentaire": true,
		"commentaires": true, "proposition": true, "modification": true, "posée": true, "proposée": true}
	subjectOf    = map[string]bool{"is": true, "was": true, "has": true, "had": true, "did": true, "does": true, "who": true}
	passiveAfter = map[string]bool{"in": true, "by": true, "out": true, "on": true, "at": true, "for": true, "to": true}
	passiveAs    = map[string]bool{"above": true, "below": true, "before": true, "earlier": true, "previously": true, "here": true, "there": true}
	ownedBy      = map[string]bool{"answer": true, "comment": true, "post": true, "question": true, "suggestion": true,
		"point": true, "edit": true, "reply": true, "proposal": true, "example": true, "idea": true, "profile": true}
)

// clauseStart are the words after which a name starts a clause ("As
// dtldarek said", "and bpachev mentioned").
var clauseStart = map[string]bool{"as": true, "like": true, "and": true, "but": true, "since": true, "because": true,
	"when": true, "also": true, "edit": true}

// clauseOpen reports whether what precedes a word on its line ends a
// sentence or opens one: nothing, or ". ", "! ", "? ", ": ", "; ", "(".
func clauseOpen(before string) bool {
	b := strings.TrimRight(before, " ")
	return b == "" || strings.IndexByte(".!?:;(-", b[len(b)-1]) >= 0
}

// valedictions are the first words of a line that closes a message before
// the writer's name ("Thanks,", "Best regards", "Cheers").
var valedictions = map[string]bool{"thanks": true, "thank": true, "regards": true, "best": true, "cheers": true,
	"sincerely": true, "yours": true, "bye": true, "ciao": true, "greetings": true, "kind": true, "warm": true,
	"many": true, "thx": true, "tia": true, "love": true, "rgds": true,
	// French, German, Spanish.
	"cordialement": true, "merci": true, "amicalement": true, "bien": true, "salutations": true, "bonne": true,
	"grüße": true, "gruß": true, "viele": true, "mfg": true, "saludos": true, "atentamente": true}

// lineAt returns the bounds of the line of t holding byte i.
func lineAt(t string, i int) (lo, hi int) {
	lo = strings.LastIndexByte(t[:i], '\n') + 1
	hi = strings.IndexByte(t[i:], '\n')
	if hi < 0 {
		return lo, len(t)
	}
	return lo, i + hi
}

// lineBefore returns the line before the line starting at lo, trimmed, and
// its start; ok is false at the text's first line.
func lineBefore(t string, lo int) (line string, start int, ok bool) {
	if lo == 0 {
		return "", 0, false
	}
	start, _ = lineAt(t, lo-1)
	return strings.TrimSpace(t[start : lo-1]), start, true
}

// lineAfter returns the line after the line ending at hi, trimmed, and its
// end; ok is false at the text's last line.
func lineAfter(t string, hi int) (line string, end int, ok bool) {
	if hi >= len(t) {
		return "", len(t), false
	}
	_, end = lineAt(t, hi+1)
	return strings.TrimSpace(t[hi+1 : end]), end, true
}

// linesAway yields, trimmed, up to most lines before the line t[lo:hi]
// (dir < 0, nearest first) or after it (dir > 0).
func linesAway(t string, lo, hi, dir, most int) iter.Seq[string] {
	return func(yield func(string) bool) {
		at := hi
		if dir < 0 {
			at = lo
		}
		for range most {
			var line string
			var ok bool
			if dir < 0 {
				line, at, ok = lineBefore(t, at)
			} else {
				line, at, ok = lineAfter(t, at)
			}
			if !ok || !yield(line) {
				return
			}
		}
	}
}

// wordBefore and wordAfter return the word of letters and digits before
// byte i of s (spaces and the given punctuation skipped) and after byte i.
func wordBefore(s string, i int, skip string) (string, int) {
	for i > 0 && (s[i-1] == ' ' || strings.IndexByte(skip, s[i-1]) >= 0) {
		i--
	}
	j := i
	for j > 0 && (scanIsAlnum(s[j-1]) || s[j-1] >= 0x80) {
		j--
	}
	return s[j:i], j
}

func wordAfter(s string, i int, skip string) (string, int) {
	for i < len(s) && (s[i] == ' ' || strings.IndexByte(skip, s[i]) >= 0) {
		i++
	}
	j := i
	for j < len(s) && (scanIsAlnum(s[j]) || s[j] >= 0x80) {
		j++
	}
	return s[i:j], j
}

// personSlot reports whether the word c sits where a post names a person:
// after a greeting or thanks, a comma or "!" right after it ("Hi
// NyanKiyoshi,", "Thanks tbm0115!"), after a noun for a user ("User
// kubanczyk"), before a verb of saying or a possessive of what users write
// ("As dtldarek said", "ihtkwot's answer"), or first in a post and set off
// by a comma ("Jörg, thanks"). A user's name is any string its user chose:
// there its letters count for nothing.
func (p *prober) personSlot(c *probeCandidate) bool {
	t := p.text
	if !nameShape(t[c.w.Lo:c.w.Hi]) {
		return false
	}
	// A name the post names a person by once is a person's name wherever
	// else the post uses it ("ihtkwot's answer ... ihtkwot would also").
	for _, w := range p.words {
		if w.Hi-w.Lo == c.w.Hi-c.w.Lo && wordHash(t[w.Lo:w.Hi]) == c.hash && p.personAt(w.Lo, w.Hi) {
			return true
		}
	}
	return false
}

// personAt reports whether the word at t[lo:hi] sits where a post names a
// person (personSlot).
func (p *prober) personAt(lo, hi int) bool {
	t := p.text
	lineLo, lineHi := lineAt(t, lo)
	prev, at := wordBefore(t[lineLo:lo], lo-lineLo, "")
	prev = strings.ToLower(prev)
	// After a greeting, a comma or "!" right after the name (or after a
	// no-break space, as French sets it): a token put there has a space
	// before the punctuation.
	closed := hi < len(t) && (t[hi] == ',' || t[hi] == '!')
	for _, nbsp := range [...]string{"\u00a0!", "\u202f!"} {
		closed = closed || strings.HasPrefix(t[hi:], nbsp) // French: "Merci Amélie !"
	}
	if closed && greetings[prev] {
		return true
	}
	if closed && prev == "and" {
		// "Congratulations to T.E.D and ihtkwot!": a greeting a few words
		// back on the line.
		for k, i := 0, lineLo+at; k < 5 && i > lineLo; k++ {
			var w string
			w, i = wordBefore(t[:i], i-lineLo+lineLo, ".,")
			if w == "" || i < lineLo {
				break
			}
			if greetings[strings.ToLower(w)] {
				return true
			}
		}
	}
	if closed && (prev == "you" || prev == "to" || prev == "à") {
		if w, _ := wordBefore(t[lineLo:lineLo+at], at, ""); thankedBy[strings.ToLower(w)] {
			return true
		}
	}
	next, end := wordAfter(t[:lineHi], hi, "")
	if greetings[prev] && hi < len(t) && t[hi] == ' ' && (next == "who" || next == "for") {
		return true // "thanking tbm0115 who", "thanks kiamlaluno for"
	}
	if strings.EqualFold(next, "at") && hi < len(t) && t[hi] == ' ' && mailDomain(t[end:lineHi]) {
		return true // "gbolcer at endeavors.com": an address spelt out against harvesters
	}
	if heads := attributedTo[prev]; heads != nil && hi < len(t) {
		// Whose writing or view a post means ("the answer by jlliagre
		// cites", "edited by Gilles.", "I agree with jlliagre here",
		// "according to Laure,"): the name ends the phrase; a token
		// slipped in after the preposition stands before the name ("the
		// answer by xkqz Gilles").
		w, _ := wordBefore(t[lineLo:lineLo+at], at, "")
		lnext := strings.ToLower(next)
		// A subject's verb after "by" only: a preposition may end a
		// clause before one ("what I disagree with is").
		subject := (prev == "by" || prev == "par") && subjectOf[lnext]
		ends := strings.IndexByte(",.!?;:)", t[hi]) >= 0 || t[hi] == ' ' && (sayVerbs[lnext] || subject || attributionEnd[lnext])
		if heads[strings.ToLower(w)] && ends {
			return true
		}
	}
	if namedBefore[prev] && (prev != "user" || t[lineLo+at] == 'U') {
		// "User kubanczyk noticed", "member meireikei is", not a "member
		// function", "the local user" of a program or "moderator
		// candidates".
		if w, _ := wordBefore(t[lineLo:lineLo+at], at, ""); w != "a" && w != "an" &&
			(hi < len(t) && strings.IndexByte(",.!?", t[hi]) >= 0 || sayVerbs[strings.ToLower(next)] || subjectOf[strings.ToLower(next)]) {
			return true
		}
	}
	// Before a verb of saying as its subject, first in a clause ("and
	// bpachev mentioned", "As dtldarek said telecommunications ..."), but
	// not where the verb reads as a passive one ("As mentioned in #641",
	// "As noted above") with a word slipped in.
	adverb := len(prev) > 4 && strings.HasSuffix(prev, "ly") // "luckily shevliaskovic caught it"
	if sayVerbs[strings.ToLower(next)] && hi < len(t) && t[hi] == ' ' && (clauseStart[prev] || adverb || prev == "" && clauseOpen(t[lineLo:lo])) {
		after, _ := wordAfter(t[:lineHi], end, "")
		after = strings.ToLower(after)
		if after != "" && !passiveAfter[after] && (prev != "as" && prev != "like" || !passiveAs[after]) {
			return true
		}
	}
	for _, apos := range [...]string{"'s ", "’s "} {
		if strings.HasPrefix(t[hi:], apos) {
			if w, _ := wordAfter(t[:lineHi], hi+len(apos), ""); ownedBy[strings.ToLower(w)] {
				return true
			}
		}
	}
	// The subject of a sentence, joined by "and" to a person's name and
	// followed by a verb of saying or of holding a view ("Both tbm0115
	// and Sean make good arguments", "and Sean and tbm0115 agreed").
	if hi < len(t) && t[hi] == ' ' && strings.EqualFold(next, "and") && (prev == "both" || clauseStart[prev] || prev == "" && clauseOpen(t[lineLo:lo])) {
		if name, e := wordAfter(t[:lineHi], end, ""); capitalName(name) {
			if v, _ := wordAfter(t[:lineHi], e, ""); jointVerb(v) {
				return true
			}
		}
	}
	if hi < len(t) && t[hi] == ' ' && prev == "and" && jointVerb(next) {
		if name, i := wordBefore(t[lineLo:lineLo+at], at, ""); capitalName(name) {
			if w, _ := wordBefore(t[lineLo:lineLo+i], i, ""); strings.EqualFold(w, "both") || clauseStart[strings.ToLower(w)] || w == "" && clauseOpen(t[lineLo:lineLo+i]) {
				return true
			}
		}
	}
	// A paragraph's first word with a dash after it, when another
	// paragraph opens so with a name: the turns of a conversation a post
	// sums up ("Tbm0115 - ...", "Trish - I agree").
	if (lo == 0 || lo >= 2 && t[lo-1] == '\n' && t[lo-2] == '\n') && turnMark(t[hi:]) {
		for i := 0; i < len(t); {
			if i != lo {
				if w, e := wordAfter(t, i, ""); e-len(w) == i && nameShape(w) && turnMark(t[e:]) {
					return true
				}
			}
			k := strings.Index(t[i:], "\n\n")
			if k < 0 {
				break
			}
			i += k + 2
		}
	}
	// The post's first word, a comma or a dash after it: the one it
	// answers ("Jörg, ...", "ihtkwot - my main concern ..."), unless the
	// dash opens a list the post goes on with.
	if strings.TrimSpace(t[:lo]) == "" {
		if strings.HasPrefix(t[hi:], ", ") {
			return true
		}
		if strings.HasPrefix(t[hi:], " - ") && !strings.Contains(t[hi:], "\n- ") && !strings.Contains(t[hi:], "\n* ") {
			return true
		}
	}
	return false
}

// jointVerbs are verbs two people do together as a sentence's subject
// ("tbm0115 and Sean make good arguments"), besides sayVerbs.
var jointVerbs = map[string]bool{"make": true, "made": true, "have": true, "had": true, "agree": true, "agreed": true,
	"think": true, "thought": true, "argue": true, "disagree": true, "disagreed": true, "seem": true, "seemed": true}

// jointVerb reports whether v is a verb of saying or of holding a view.
func jointVerb(v string) bool {
	v = strings.ToLower(v)
	return sayVerbs[v] || jointVerbs[v]
}

// capitalName reports whether w is written as a person's first name: a
// capital, then two lower-case letters or more.
func capitalName(w string) bool {
	if len(w) < 3 || !isUpper(w[0]) {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// turnMark reports whether s starts with the mark after a speaker's name
// in a conversation written out: a dash between spaces (a colon is a
// label's too: "Note: ...", "Edit: ...").
func turnMark(s string) bool {
	return strings.HasPrefix(s, " - ") || strings.HasPrefix(s, " – ")
}

// nameShape reports whether w is shaped as people's names and handles
// are: letters of one case, capitalised or in humps ("kiamlaluno",
// "Jörg", "NyanKiyoshi"), digits only at the end ("tbm0115"). A draw of
// mixed cases and digits ("1giAPOK", "Z5jyto") is nobody's name.
func nameShape(w string) bool {
	if w == "" || w[0] >= '0' && w[0] <= '9' {
		return false
	}
	digits := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= '0' && c <= '9':
			digits = true
		case digits:
			return false // a letter after a digit
		case c >= 'A' && c <= 'Z' && i > 0 && (w[i-1] < 'a' || w[i-1] > 'z'):
			return false // two capitals in a row, or after a digit
		case c >= 'A' && c <= 'Z' && i+1 < len(w) && (w[i+1] < 'a' || w[i+1] > 'z') && w[i+1] < 0x80:
			return false // a capital not starting a hump
		}
	}
	return true
}

// signOff reports whether the word c, alone on its line, signs a message:
// right under a closing line ("Thanks,", "Cheers"), set off by a dash
// ("-tomwsmf", "--Jörg") near the message's end, or right above its
// signature ("-- ", a PGP signature) with a blank line above it. A token
// put on a line of its own lands on a blank line: one with a blank line
// above and a signature right under it, or under a closing line with no
// blank line between, is a rare draw.
func (p *prober) signOff(c *probeCandidate) bool {
	t := p.text
	if !nameShape(t[c.w.Lo:c.w.Hi]) {
		return false
	}
	lineLo, lineHi := lineAt(t, c.w.Lo)
	line := strings.TrimSpace(t[lineLo:lineHi])
	body := strings.TrimLeft(line, "-~—–")
	dash := len(line) - len(body)
	dashed := dash > 0 && dash <= len("—") && body != "" && scanIsWordAt(body, 0)
	body = strings.TrimRight(strings.TrimSpace(body), ".,!")
	if body != t[c.w.Lo:c.w.Hi] {
		return false
	}
	before, _, ok := lineBefore(t, lineLo)
	after, _, _ := lineAfter(t, lineHi)
	signature := strings.HasPrefix(after, "--") || strings.HasPrefix(after, "__")
	// The message ends here: a signature, a list's footer or quoted mail
	// follows, or two lines at most.
	end := signature || strings.HasPrefix(after, "http") || strings.HasPrefix(after, ">")
	if !end {
		n := 0
		for i := lineHi; i < len(t) && n <= 2; {
			l, e, ok := lineAfter(t, i)
			if !ok {
				break
			}
			if l != "" {
				n++
			}
			i = e
		}
		end = n <= 2
	}
	if ok && before == "" && signature {
		return true
	}
	if !end {
		return false
	}
	if ok && before != "" {
		first, _ := wordAfter(strings.ToLower(before), 0, "")
		words := len(strings.Fields(before))
		if !salutations[first] && (words <= 4 && strings.HasSuffix(before, ",") || valedictions[first] && words <= 3) {
			return true
		}
	}
	return dashed
}

// fieldValue reports whether the word c is the whole value of a field: of
// a line "Label: value" among lines of the same shape ("* Matplotlib
// backend: Qt5Agg" under "* Operating system: Ubuntu"), or of a paragraph
// of its own under a heading of a few words, as issue forms are filled in
// ("### Matplotlib Backend" and "Qt5Agg" below).
//
// A command's name before its options and a configuration file's value
// are slots of the same kind (commandName, configValue).
func (p *prober) fieldValue(c *probeCandidate) bool {
	if p.commandName(c) || p.configValue(c) || p.declaredName(c) || runPiece(p.text, c.w.Lo, c.w.Hi) {
		return true
	}
	t := p.text
	lo, hi := lineAt(t, c.w.Lo)
	line := strings.TrimSpace(t[lo:hi])
	if strings.TrimRight(strings.TrimLeft(line, "*_`'\""), "*_`'\".") == t[c.w.Lo:c.w.Hi] {
		// A paragraph of one word under a heading, a blank line between.
		blank, start, ok := lineBefore(t, lo)
		if !ok || blank != "" {
			return false
		}
		heading, _, ok := lineBefore(t, start)
		after, _, more := lineAfter(t, hi)
		return ok && strings.HasPrefix(heading, "#") && len(strings.Fields(heading)) <= 6 && (!more || after == "")
	}
	if !isField(line, t[c.w.Lo:c.w.Hi]) {
		return false
	}
	before, _, ok1 := lineBefore(t, lo)
	after, _, ok2 := lineAfter(t, hi)
	return ok1 && isField(before, "") || ok2 && isField(after, "")
}

// isField reports whether line reads "Label: value" (after a list marker),
// the label of one to four words and the value a few; with value given,
// the value is exactly that.
func isField(line, value string) bool {
	if strings.HasPrefix(line, "#") {
		return false // a heading
	}
	line = strings.TrimLeft(line, "-*+> \t")
	k := strings.Index(line, ": ")
	if k <= 0 {
		return false
	}
	label, v := line[:k], strings.TrimSpace(line[k+2:])
	label = strings.Trim(label, "*_` ")
	if n := len(strings.Fields(label)); n == 0 || n > 4 || v == "" {
		return false
	}
	if value != "" {
		return strings.Trim(v, "*_`'\".") == value
	}
	return len(strings.Fields(v)) <= 4
}

// versioned reports whether the word c starts its line and a version
// number ends it, spaces between ("pylzma                   0.5.0"): a
// package in a list of those a post runs (pip freeze, conda list).
func (p *prober) versioned(c *probeCandidate) bool {
	t := p.text
	lo, hi := lineAt(t, c.w.Lo)
	if strings.TrimLeft(t[lo:c.w.Lo], " \t-*+") != "" {
		return false
	}
	v := strings.TrimSpace(t[c.w.Hi:hi])
	if v == "" || v == t[c.w.Hi:hi] {
		return false
	}
	v = strings.TrimPrefix(strings.TrimPrefix(v, "v"), "V")
	digits, dots := 0, 0
	for i := 0; i < len(v); i++ {
		switch {
		case v[i] >= '0' && v[i] <= '9':
			digits++
		case v[i] == '.' && i+1 < len(v) && digits > 0:
			dots++
		default:
			return false
		}
	}
	return dots > 0 && digits >= 2
}

// tempName reports whether w is named as temporary files and directories
// are: "tmp" and five to twelve lower-case letters, digits or underscores,
// one a digit or underscore at least (Python's tempfile "tmp1335llua",
// "tmpx8_3kq2f"). A pasted log names them; a random draw starts with "tmp"
// once in 17,576.
func tempName(w string) bool {
	rest, ok := strings.CutPrefix(w, "tmp")
	if !ok || len(rest) < 5 || len(rest) > 12 {
		return false
	}
	other := false
	for i := 0; i < len(rest); i++ {
		switch c := rest[i]; {
		case c >= '0' && c <= '9' || c == '_':
			other = true
		case c < 'a' || c > 'z':
			return false
		}
	}
	return other
}

// toName reports whether w is named as converters and models are: two
// short names joined by "2" or "4" ("to", "for"), maybe a version digit
// after ("img2img", "eps2jpg", "seq2seq", "Wav2Vec2"), each of three to
// five letters of one case or capitalised, with a program's letters
// (toNameMinMargin). A random draw of letters and digits has more digits,
// mixed cases or letters no program name has.
func (p *prober) toName(w string) bool {
	k := strings.IndexAny(w, "24")
	if k < 3 || k > 5 {
		return false
	}
	left, right := w[:k], w[k+1:]
	if n := len(right); n > 0 && right[n-1] >= '0' && right[n-1] <= '9' {
		right = right[:n-1]
	}
	if len(right) < 3 || len(right) > 5 || !nameRun(left) || !nameRun(right) {
		return false
	}
	margin, _ := p.softMargin(w)
	return margin >= toNameMinMargin
}

// toNameMinMargin is how many bits worse than random letters the
// software-name model may find the letters of a name joined by "2" or
// "4": their runs are short, abbreviations of two or three letters. One
// random draw of that shape in eleven is within it.
const toNameMinMargin = -8.0

// nameRun reports whether s is letters of one case, or capitalised.
func nameRun(s string) bool {
	upper := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z':
			upper++
		case c < 'a' || c > 'z':
			return false
		}
	}
	return upper == 0 || upper == len(s) || upper == 1 && s[0] <= 'Z'
}

// identListItem reports whether the word c is all a list item holds and
// two or more items next to it hold one identifier each: a list of
// datasets, packages or files ("- iwslt2017", "- event2Mind", "- qa4mre").
// A token put into a list lands in an item with words of its own.
func (p *prober) identListItem(c *probeCandidate) bool {
	if c.w.Flags&cList == 0 {
		return false
	}
	t := p.text
	lo, hi := lineAt(t, c.w.Lo)
	item := func(line string) (string, bool) {
		line = strings.TrimSpace(line)
		rest := strings.TrimLeft(line, "-*+")
		if len(rest) == len(line) {
			k := 0
			for k < len(line) && line[k] >= '0' && line[k] <= '9' {
				k++
			}
			if k == 0 || k >= len(line) || line[k] != '.' && line[k] != ')' {
				return "", false
			}
			rest = line[k+1:]
		}
		rest = strings.Trim(rest, " `*_,;.")
		return rest, rest != "" && !strings.ContainsAny(rest, " \t")
	}
	if w, ok := item(t[lo:hi]); !ok || w != t[c.w.Lo:c.w.Hi] {
		return false
	}
	idents := 0
	isIdent := func(w string) bool {
		for i := 0; i < len(w); i++ {
			if w[i] >= '0' && w[i] <= '9' || w[i] == '_' || w[i] == '-' || w[i] == '.' || w[i] == '/' || i > 0 && w[i] >= 'A' && w[i] <= 'Z' {
				return true
			}
		}
		return !p.isWord(w) && !p.isWord(strings.ToLower(w))
	}
	for dir := -1; dir <= 1; dir += 2 {
		for line := range linesAway(t, lo, hi, dir, 4) {
			w, isItem := item(line)
			if !isItem {
				break
			}
			if isIdent(w) {
				idents++
			}
		}
	}
	return idents >= 2
}

// quotedWord reports whether the word c is in quotes of its own ("count
// the letters in 'skdfkjgjg'", "the “xkcd” comic"): a word mentioned, not
// used, an example string or a name. A token put next to a quote has the
// quote on one side only; an empty pair a token could land in is rare
// outside code.
//
// A transcription between slashes or brackets is mentioned the same way
// (transcribed).
func (p *prober) quotedWord(c *probeCandidate) bool {
	t := p.text
	lo, hi := c.w.Lo, c.w.Hi
	if transcribed(t, lo, hi) {
		return true
	}
	for _, q := range quotePairs {
		if strings.HasSuffix(t[:lo], q[0]) && strings.HasPrefix(t[hi:], q[1]) {
			return true
		}
	}
	return false
}

// quotePairs are the quotes, opening and closing, a word is quoted in.
var quotePairs = [...][2]string{{"'", "'"}, {"\"", "\""}, {"“", "”"}, {"‘", "’"}, {"«", "»"}, {"„", "“"}}

// mailDomain reports whether s, after the "at" of an address spelt out
// ("jdoe at example.com", "jdoe at example dot com"), starts with a
// domain: names joined by dots or by " dot ", ending in a name of two to
// six letters.
func mailDomain(s string) bool {
	s = strings.TrimLeft(s, " ")
	parts := 0
	for {
		k := 0
		for k < len(s) && (scanIsAlnum(s[k]) || s[k] == '-') {
			k++
		}
		if k == 0 {
			return false
		}
		name := s[:k]
		s = s[k:]
		parts++
		switch {
		case strings.HasPrefix(s, ".") && len(s) > 1 && scanIsAlnum(s[1]):
			s = s[1:]
		case strings.HasPrefix(strings.ToLower(s), " dot "):
			s = s[len(" dot "):]
		default:
			return parts >= 2 && len(name) >= 2 && len(name) <= 6 && isLetters(name)
		}
	}
}

// isLetters reports whether s is ASCII letters only.
func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}

// commandName reports whether the text uses the word c as a command: it
// starts a line (after a shell prompt, if any) and an option follows it
// with more after, maybe after a subcommand ("ipmasqadm portfw -a -P
// tcp", "$ dccproc -H host"). A program's name is whatever its authors chose; a token slipped
// into a text lands at the start of a command line with options seldom.
func (p *prober) commandName(c *probeCandidate) bool {
	t, w := p.text, p.text[c.w.Lo:c.w.Hi]
	for from := 0; from < len(t); {
		k := strings.Index(t[from:], w)
		if k < 0 {
			return false
		}
		i, e := from+k, from+k+len(w)
		from = e
		if i > 0 && scanIsAlnum(t[i-1]) || e < len(t) && t[e] != ' ' && t[e] != '\t' {
			continue
		}
		lo, hi := lineAt(t, i)
		if strings.Trim(t[lo:i], " \t$#%>") != "" {
			continue
		}
		args := strings.Fields(t[e:hi])
		if len(args) >= 2 && option(args[0]) || len(args) >= 3 && subcommand(args[0]) && option(args[1]) {
			return true
		}
	}
	return false
}

// option reports whether a is a command-line option: a dash and a letter
// ("-a", "-P"), or two dashes and a lower-case name ("--dry-run"). A
// dash before a name ("-tom", "--j.") signs a mail.
func option(a string) bool {
	if len(a) == 2 {
		return a[0] == '-' && isASCIILetter(a[1])
	}
	name, ok := strings.CutPrefix(a, "--")
	if !ok || len(name) < 2 {
		return false
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; !(c >= 'a' && c <= 'z' || c == '-' && i > 0) {
			return false
		}
	}
	return true
}

// subcommand reports whether a is a command's subcommand: lower-case
// letters ("portfw", "install").
func subcommand(a string) bool {
	for i := 0; i < len(a); i++ {
		if a[i] < 'a' || a[i] > 'z' {
			return false
		}
	}
	return a != ""
}

// configValue reports whether the word c is the value of a line of a
// configuration file: "Key value" with nothing else on it, among lines
// of that shape, one key of which at least joins words in CamelCase
// ("Info Hp4050" beside "DeviceURI ipp://..." and "JobSheets none
// none"). Prose lines seldom come two words at a time three in a row,
// and never with such keys.
func (p *prober) configValue(c *probeCandidate) bool {
	t := p.text
	lo, hi := lineAt(t, c.w.Lo)
	key, camel, ok := configLine(t[lo:hi])
	if !ok || strings.TrimSpace(t[c.w.Lo:hi]) != t[c.w.Lo:c.w.Hi] || strings.TrimSpace(t[lo:c.w.Lo]) != key {
		return false
	}
	n := 0
	for _, dir := range [2]int{-1, 1} {
		for line := range linesAway(t, lo, hi, dir, 3) {
			_, cm, kv := configLine(line)
			if !kv {
				break
			}
			n++
			camel = camel || cm
		}
	}
	return n >= 2 && camel
}

// configLine reports whether line reads "Key value": a key of letters
// starting with a capital, then one to three words, no colon after the
// key and no full stop at the end; camel says the key has a capital
// inside.
func configLine(line string) (key string, camel, ok bool) {
	f := strings.Fields(line)
	if len(f) < 2 || len(f) > 4 || !isLetters(f[0]) || !isUpper(f[0][0]) {
		return "", false, false
	}
	if last := line[len(strings.TrimRight(line, " \t"))-1]; last == '.' || last == '?' || last == '!' || last == ',' {
		return "", false, false
	}
	for i := 1; i < len(f[0]); i++ {
		if isUpper(f[0][i]) {
			camel = true
		}
	}
	return f[0], camel, true
}

// transcribed reports whether t[lo:hi] is part of a transcription of
// speech: a run without spaces between slashes or square brackets that
// holds a length mark, a stress mark or a schwa ("/ju:zjU'frVktju:@rI/",
// "[ˈhaʊs]"), not a URL.
func transcribed(t string, lo, hi int) bool {
	for lo > 0 && t[lo-1] != ' ' && t[lo-1] != '\n' && t[lo-1] != '\t' {
		lo--
	}
	for hi < len(t) && t[hi] != ' ' && t[hi] != '\n' && t[hi] != '\t' {
		hi++
	}
	s := strings.TrimRight(t[lo:hi], ".,;")
	if len(s) < 4 || strings.Contains(s, "://") {
		return false
	}
	open, close := s[0], s[len(s)-1]
	if !(open == '/' && close == '/' || open == '[' && close == ']') {
		return false
	}
	return strings.ContainsAny(s[1:len(s)-1], ":@'ˈˌːə")
}

// declKeywords are the words before the name a line of code declares
// ("const utxoPubKey = ...", "let eiPkh = ..."): keywords only, never a
// program's variable ("data", "type", "val" name variables of their own:
// "data = {...}").
var declKeywords = map[string]bool{"const": true, "let": true, "var": true, "def": true, "fn": true,
	"func": true, "function": true, "newtype": true, "class": true, "struct": true,
	"pub": true, "static": true, "final": true, "private": true, "public": true, "export": true, "auto": true,
	"mut": true, "readonly": true}

// declaredName reports whether the word c is a name a line of code of the
// text declares or binds, there or on another line: nothing before it on its line but declaration
// keywords and the punctuation that opens a record's fields ("{", "(",
// ","), and right after it an assignment or a type's annotation ("=",
// ":=", "::", "<-"). A token slipped into code has words or code beside
// it: slipped in before such a name it is followed by the name, after it
// it has the name before it.
func (p *prober) declaredName(c *probeCandidate) bool {
	t, w := p.text, p.text[c.w.Lo:c.w.Hi]
	for from := 0; ; {
		k := strings.Index(t[from:], w)
		if k < 0 {
			return false
		}
		i := from + k
		from = i + len(w)
		if (i == 0 || !scanIsAlnum(t[i-1])) && (from == len(t) || !scanIsAlnum(t[from])) && declaresAt(t, i, from) {
			return true
		}
	}
}

// declaresAt reports whether t[lo:hi] is the name its line declares
// (declaredName).
func declaresAt(t string, wlo, whi int) bool {
	lo, hi := lineAt(t, wlo)
	after := strings.TrimLeft(t[whi:hi], " \t")
	op := false
	for _, o := range []string{"::", ":=", "<-", "="} {
		if strings.HasPrefix(after, o) && !strings.HasPrefix(after, "==") && !strings.HasPrefix(after, "=>") {
			op = true
			break
		}
	}
	if !op {
		return false
	}
	before := strings.Map(func(r rune) rune {
		if strings.ContainsRune("{(,`", r) {
			return ' '
		}
		return r
	}, t[lo:wlo])
	for _, f := range strings.Fields(before) {
		if !declKeywords[f] {
			return false
		}
	}
	return true
}

// runPiece reports whether t[lo:hi] is a piece of an unbroken run of
// characters the reader split at punctuation inside it: glued by "+", "/"
// or "=" into a run longer than addressRun (a base64 key, a hash, an
// encoded blob: "...G+FDgSq+a5NE..."), or glued to an elision between
// two pieces of a long id ("DdzFFzCqrh...dtq1FQQSCN"), a piece of an
// encoded string (encodedRun) or of a path (pathPiece). A token slipped into a text has a space or
// a line's end on either side.
func runPiece(t string, lo, hi int) bool {
	glued := func(i int) bool { return i >= 0 && i < len(t) && strings.IndexByte("+/=", t[i]) >= 0 }
	if glued(lo-1) || glued(hi) {
		stop := func(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '"' || c == '\'' || c == '`' }
		a, b := lo, hi
		for a > 0 && !stop(t[a-1]) {
			a--
		}
		for b < len(t) && !stop(t[b]) {
			b++
		}
		if b-a > addressRun {
			return true
		}
	}
	if encodedRun(t, lo, hi) || pathPiece(t, lo, hi) {
		return true
	}
	alnumAt := func(i int) bool { return i >= 0 && i < len(t) && scanIsAlnum(t[i]) }
	for _, e := range []string{"...", "…"} {
		if strings.HasPrefix(t[hi:], e) && alnumAt(hi+len(e)) || strings.HasSuffix(t[:lo], e) && alnumAt(lo-len(e)-1) {
			return true
		}
	}
	return false
}

// encodedMinRun is the fewest characters of a run encodedRun reads as an
// encoded string.
const encodedMinRun = 24

// encodedRun reports whether t[lo:hi] is glued by "-", "_", "+", "/" or
// "=" to more of a run of encodedMinRun characters or more, made of
// letters, digits and those only, with three capitals, three lower-case
// letters and three digits at least: a signature, a key, a base64 or
// base64url string cut by the reader ("sig: PGFfFte87P3Ve-CPTdu3NWgiBikA").
func encodedRun(t string, lo, hi int) bool {
	joiner := func(c byte) bool { return strings.IndexByte("-_+/=", c) >= 0 }
	if !(lo > 0 && joiner(t[lo-1]) || hi < len(t) && joiner(t[hi])) {
		return false
	}
	in := func(c byte) bool { return scanIsAlnum(c) || joiner(c) }
	a, b := lo, hi
	for a > 0 && in(t[a-1]) {
		a--
	}
	for b < len(t) && in(t[b]) {
		b++
	}
	if b-a < encodedMinRun {
		return false
	}
	var upper, lower, digits int
	for i := a; i < b; i++ {
		switch c := t[i]; {
		case c >= 'A' && c <= 'Z':
			upper++
		case c >= 'a' && c <= 'z':
			lower++
		case c >= '0' && c <= '9':
			digits++
		case c >= 0x80:
			return false
		}
	}
	return upper >= 3 && lower >= 3 && digits >= 3
}

// pathPiece reports whether t[lo:hi] is glued by "-", "_", "." or "/" into
// a path of three names or more ("/root/.razor/identity-ruqVa5jbuS",
// "/tmp/pip-build-h4ks8d/"): a file's name, a temporary directory's random
// suffix.
func pathPiece(t string, lo, hi int) bool {
	joiner := func(c byte) bool { return strings.IndexByte("-_./", c) >= 0 }
	if !(lo > 0 && joiner(t[lo-1]) || hi < len(t) && joiner(t[hi])) {
		return false
	}
	stop := func(c byte) bool { return strings.IndexByte(" \t\n\"'`()[]<>=,;|", c) >= 0 }
	a, b := lo, hi
	for a > 0 && !stop(t[a-1]) {
		a--
	}
	for b < len(t) && !stop(t[b]) {
		b++
	}
	run := t[a:b]
	return strings.Count(run, "/") >= 2 && !strings.Contains(run, "://")
}
