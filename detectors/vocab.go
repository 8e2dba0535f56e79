package detectors

import (
	"github.com/wikiwarden/wikiwarden/wikitext"
	"strings"
	"unicode"
	"unicode/utf8"
)

// VocabPage is one page sampled from a wiki for LearnVocabulary.
type VocabPage struct {
	Title string
	Text  string // wikitext
}

// Vocabulary learning. A wiki's own words (place names, jargon, names of
// its fiction) are not in any dictionary, and the letter model cannot tell
// "horcrux" from a token. The wiki's pages can, if the learner does not
// learn the botnet's tokens along with them: a token a missed probe left on
// a page, or one the botnet put on many pages. Tokens are put once per page
// at random places; the wiki's words recur. So a word is learned only when
// its letters are plausible (a random draw is not) and it recurs on a page:
// on two lines of one page and on two pages, or on three lines of one page,
// or in a page's title and on two lines of its text. A token put on every
// page once, or a probe page titled with its token, teaches nothing.
const (
	vocabMaxLLR       = 2.0 // letters no more random than this (bits over a uniform draw)
	vocabMinLetters   = 4
	vocabLinesOnePage = 3 // lines of one page that alone make a word learned
)

// vocabCount is what the learner knows of one word.
type vocabCount struct {
	pages     int  // pages whose text has it
	maxLines  int  // most lines it is on in one page
	titled    bool // a title has it, and that page's text has it on two lines
	lastPage  int  // index of the last page counted, to count each page once
	pageLines int  // lines it is on in the page being read
	lastLine  int  // the line it was last seen on in that page
}

// LearnVocabulary returns the words of a wiki's own vocabulary learned from
// pages sampled from it: words of plausible letters (under m, nil for the
// base model) that recur on a page (see the rules above). Words with digits
// or of mixed case are never learned: identifiers and tokens look so. The
// result is for Env.Words, with an allow-list, in a Union.
func LearnVocabulary(pages []VocabPage, m *Model) *WordSet {
	if m == nil || m.lp == nil {
		m = BaseModel()
	}
	counts := map[string]*vocabCount{}
	var sc wikitext.Reader
	var words []scanWord
	var sym []uint8
	for pi, pg := range pages {
		words = sc.Read(pg.Text, nil, words[:0])
		for _, w := range words {
			if w.Flags&(wDigit|wCode|wNonLatin|wUpperInner|cCode|cFileName|cIdent|cAttr|cMath|cStray) != 0 {
				continue
			}
			word := strings.ToLower(pg.Text[w.Lo:w.Hi])
			c := counts[word]
			if c == nil {
				var ok bool
				sym, ok = foldWord(sym[:0], word)
				if !ok || len(sym) < vocabMinLetters || len(sym) > probeMaxLetters ||
					m.bits(sym)-float64(len(sym))*log2Letters > vocabMaxLLR {
					counts[word] = &vocabCount{lastPage: -2} // never learned
					continue
				}
				c = &vocabCount{lastPage: -1}
				counts[word] = c
			}
			if c.lastPage == -2 {
				continue
			}
			if c.lastPage != pi {
				c.lastPage, c.pageLines, c.lastLine = pi, 0, -1
				c.pages++
			}
			if w.Line != c.lastLine {
				c.lastLine = w.Line
				c.pageLines++
				c.maxLines = max(c.maxLines, c.pageLines)
			}
		}
		// Title words count when the page's own text uses them twice.
		for _, tw := range titleWords(pg.Title) {
			if c := counts[tw]; c != nil && c.lastPage == pi && c.pageLines >= 2 {
				c.titled = true
			}
		}
	}
	var b WordSetBuilder
	for w, c := range counts {
		if c.lastPage == -2 {
			continue
		}
		if c.maxLines >= vocabLinesOnePage || c.maxLines >= 2 && c.pages >= 2 || c.titled {
			b.Add(w)
		}
	}
	return b.Build()
}

// titleWords returns the lower-cased words of a page title.
func titleWords(title string) []string {
	return strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return !unicode.IsLetter(r) })
}

// AllowList returns the words of an allow-list page an administrator keeps
// (for example User:Warden/Allowlist): every word of its text, however
// written, one per line or in running text. Markup characters separate
// words; nothing is judged.
func AllowList(text string) *WordSet {
	var b WordSetBuilder
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
				break
			}
			j += n
		}
		b.Add(text[i:j])
		i = j
	}
	return b.Build()
}
