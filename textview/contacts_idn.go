package textview

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// Bare internationalised domains: "пример.рф", "例子.中国" or
// "bücher-günstig.de" written in prose without a scheme, the way spam in
// a language not written in ASCII names its site. bareRe reads only ASCII
// names; this reader finds the others with precision, for a dot between
// letters of a non-Latin script is also a sentence written without a
// space after its full stop ("работает.Потом") or an abbreviation
// ("т.д.", "г.Москва"). A name counts only when
//   - its top-level domain is known: an internationalised country code
//     (idnTLDs) or, after a non-ASCII label, one of bareRe's ASCII TLDs;
//   - the top-level domain is not title case ("работает.Ru" starts a
//     sentence), as no one writes a domain so;
//   - the name maps to ASCII under IDNA's lookup rules (idna.Lookup:
//     label lengths, hyphens, joiners, bidi), and the label before the
//     TLD has two runes or more;
//   - the letters of each label belong to one script (Han, kana and
//     Hangul count as one).

// idnTLDUnicode are internationalised country-code top-level domains, as
// written. Generic Cyrillic TLDs that are also everyday words or an
// abbreviation's tail (москва, ком, орг, дети) are left out: "г.Москва"
// is a city, not a site.
var idnTLDUnicode = []string{
	"рф", "рус", "укр", "бел", "срб", "мкд", "қаз", "мон", "бг", "ею", "ελ", "онлайн", "сайт",
	"中国", "中國", "台湾", "台灣", "香港", "澳門", "新加坡", "公司", "网络", "在线", "网址", "한국",
	"ไทย", "भारत", "ভারত", "இந்தியா", "ලංකා", "გე", "հայ", "ישראל",
	"السعودية", "امارات", "مصر", "المغرب", "الجزائر", "تونس", "الاردن", "قطر", "عمان", "فلسطين", "ایران", "پاکستان", "عراق", "سورية",
}

// idnTLDs holds idnTLDUnicode in ASCII (punycode), the form a name's last
// label is compared in.
var idnTLDs = func() map[string]bool {
	m := make(map[string]bool, len(idnTLDUnicode))
	for _, t := range idnTLDUnicode {
		a, err := idna.Lookup.ToASCII(t)
		if err != nil {
			panic("textview: bad IDN TLD " + t)
		}
		m[a] = true
	}
	return m
}()

// asciiTLDs is bareRe's set of ASCII top-level domains.
var asciiTLDs = func() map[string]bool {
	m := map[string]bool{}
	for t := range strings.SplitSeq(bareTLDs, "|") {
		m[t] = true
	}
	return m
}()

// mayIDN reports cheaply whether s may hold a bare internationalised
// domain: an ASCII dot with a non-ASCII byte on one side and a letter,
// digit or non-ASCII byte on the other.
func mayIDN(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] != '.' {
			continue
		}
		a, b := s[i-1], s[i+1]
		if a >= utf8.RuneSelf && (b >= utf8.RuneSelf || IsAlnum(b)) || b >= utf8.RuneSelf && IsAlnum(a) {
			return true
		}
	}
	return false
}

// bareIDNs appends to out the bare internationalised domains of mask (the
// caller's blanked copy of text) and blanks them in it.
func bareIDNs(mask []byte, out []Contact) []Contact {
	s := string(mask)
	for i := 1; i+1 < len(s); i++ {
		if s[i] != '.' {
			continue
		}
		lo, hi := nameStart(s, i), nameEnd(s, i)
		if lo == i || hi == i+1 {
			continue
		}
		hi = cjkTrimEnd(s, hi)
		trimmed := cjkTrim(s, lo, i)
		if trimmed > lo && trimmed < i && isASCII(s[trimmed:hi]) {
			if asciiName(s[trimmed:hi]) {
				out = append(out, Contact{Kind: ContactBareDomain, Span: Span{trimmed, hi}})
				blank(mask, trimmed, hi)
			}
		} else if bareIDN(s, lo, hi) {
			out = append(out, Contact{Kind: ContactBareDomain, Span: Span{lo, hi}})
			blank(mask, lo, hi)
		}
		i = max(i, hi-1)
	}
	return out
}

// cjkTrim returns where the name whose first label starts at s[lo] starts
// when that label runs on from Han, kana or Hangul into another script:
// these are written without spaces, so "访问vns8866.com" names
// vns8866.com. It returns lo otherwise.
func cjkTrim(s string, lo, dot int) int {
	end := lo + strings.IndexByte(s[lo:dot+1], '.')
	at := lo
	for i, r := range s[lo:end] {
		if isCJK(r) {
			at = lo + i + utf8.RuneLen(r)
		}
	}
	if at == end {
		return lo // the label is Han, kana or Hangul to its end
	}
	return at
}

// cjkTrimEnd returns where the name ending at s[hi] ends when its last
// label runs on from another script into Han, kana or Hangul
// ("vns8866.com立即体验"); hi otherwise.
func cjkTrimEnd(s string, hi int) int {
	dot := strings.LastIndexByte(s[:hi], '.')
	other := false
	for i, r := range s[dot+1 : hi] {
		if isCJK(r) {
			if other {
				return dot + 1 + i
			}
			return hi
		}
		other = true
	}
	return hi
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// asciiName reports whether name, an ASCII name cut from CJK prose, is a
// domain under one of bareRe's TLDs: lower case or all upper case, labels
// of letters, digits and inner hyphens, the last but one of two or more.
func asciiName(name string) bool {
	labels := strings.Split(name, ".")
	if len(labels) < 2 || len(labels[len(labels)-2]) < 2 || !asciiTLDs[strings.ToLower(labels[len(labels)-1])] ||
		titleCase(labels[len(labels)-1]) {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for i := 0; i < len(l); i++ {
			if !IsAlnum(l[i]) && l[i] != '-' {
				return false
			}
		}
	}
	return true
}

// nameRune reports whether r may be part of a domain's label.
func nameRune(r rune) bool {
	return r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// nameStart returns where the name around the dot at s[dot] starts: back
// over labels and the dots between them.
func nameStart(s string, dot int) int {
	lo := dot
	for lo > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:lo])
		if r == '.' && lo-n > 0 && lo < dot {
			if p, _ := utf8.DecodeLastRuneInString(s[:lo-n]); nameRune(p) {
				lo -= n
				continue
			}
		}
		if !nameRune(r) {
			break
		}
		lo -= n
	}
	return lo
}

// nameEnd returns where the name around the dot at s[dot] ends: on over
// labels and the dots between them, a final dot (a sentence's) left out.
func nameEnd(s string, dot int) int {
	hi := dot + 1
	for hi < len(s) {
		r, n := utf8.DecodeRuneInString(s[hi:])
		if r == '.' && hi+n < len(s) {
			if q, _ := utf8.DecodeRuneInString(s[hi+n:]); nameRune(q) && hi > dot+1 {
				hi += n
				continue
			}
		}
		if !nameRune(r) {
			break
		}
		hi += n
	}
	return hi
}

// bareIDN reports whether s[lo:hi] is a bare internationalised domain
// (see the rules above).
func bareIDN(s string, lo, hi int) bool {
	if lo > 0 {
		if p, _ := utf8.DecodeLastRuneInString(s[:lo]); p == '@' || p == '/' || p == '_' || p == '.' {
			return false // a path, an e-mail address or a longer dotted run
		}
	}
	if hi < len(s) {
		if q, _ := utf8.DecodeRuneInString(s[hi:]); q == '@' || q == '_' {
			return false
		}
	}
	name := s[lo:hi]
	if isASCII(name) {
		return false // bareRe's
	}
	labels := strings.Split(name, ".")
	tld := labels[len(labels)-1]
	if len(labels) < 2 || utf8.RuneCountInString(labels[len(labels)-2]) < 2 || titleCase(tld) {
		return false
	}
	a, err := idna.Lookup.ToASCII(name)
	if err != nil {
		return false
	}
	at := a[strings.LastIndexByte(a, '.')+1:]
	if !idnTLDs[at] && !(isASCII(tld) && asciiTLDs[at]) {
		return false
	}
	for _, l := range labels {
		if !oneScript(l) {
			return false
		}
	}
	return true
}

// titleCase reports whether w starts with an upper-case letter followed
// by a lower-case one: a word that starts a sentence.
func titleCase(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, q := range w[n:] {
		if unicode.IsLower(q) {
			return true
		}
	}
	return false
}

// scripts are the scripts a label's letters are told apart by; Han, kana
// and Hangul share one entry, as Japanese and Korean names mix them.
var scripts = []*unicode.RangeTable{
	unicode.Latin, unicode.Cyrillic, unicode.Greek, unicode.Arabic, unicode.Hebrew, unicode.Thai,
	unicode.Devanagari, unicode.Bengali, unicode.Tamil, unicode.Sinhala, unicode.Georgian, unicode.Armenian,
}

// oneScript reports whether the letters of label belong to one script.
func oneScript(label string) bool {
	cur := -2
	for _, r := range label {
		if !unicode.IsLetter(r) {
			continue
		}
		k := -1 // Han, kana, Hangul or another script
		for i, t := range scripts {
			if unicode.Is(t, r) {
				k = i
				break
			}
		}
		if k == -1 && !isCJK(r) {
			k = len(scripts)
		}
		if cur != -2 && k != cur {
			return false
		}
		cur = k
	}
	return true
}
