package spamscore

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The regular expressions the scanners of markup.go replace.
var (
	markupRef = regexp.MustCompile(`(?i)<[/!]?[a-z][^<>\n]{0,300}>|\{\{\s*[^{}|\n]{1,60}|\|\s*[\p{L}\d _-]{1,30}\s*=|\[\[\s*[\p{L}]+\s*:`)
	paramRef  = regexp.MustCompile(`\|\s*([\p{L}\d _-]{1,30}?)\s*=`)
)

func checkScanners(t *testing.T, s string) {
	t.Helper()
	var want [][2]int
	for _, m := range markupRef.FindAllStringIndex(s, -1) {
		want = append(want, [2]int{m[0], m[1]})
	}
	if got := markupSpans(s, nil); !slices.Equal(got, want) {
		t.Fatalf("markupSpans(%q) = %v, the expression finds %v", s, got, want)
	}
	var names []string
	for _, m := range paramRef.FindAllStringSubmatch(s, 12) {
		names = append(names, strings.TrimSpace(m[1]))
	}
	if got := paramNames(s, 12, nil); !slices.Equal(got, names) {
		t.Fatalf("paramNames(%q) = %q, the expression finds %q", s, got, names)
	}
}

// TestMarkupScannersMatchExpressions: every rune in each place of the
// markup, random text built of the markup's characters, and wikitext.
func TestMarkupScannersMatchExpressions(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r >= 0xD800 && r < 0xE000 || r > 0x3000 && r < 0xF000 && r%7 != 0 || r > 0x10000 && r%97 != 0 && r != 0x1D400 {
			continue // surrogates; sparser through the big blocks
		}
		c := string(r)
		for _, s := range []string{"<" + c + "b>", "<a" + c + ">", "{{" + c, "{{ " + c, "|" + c + "=", "| " + c + "b =",
			"[[" + c + ":", "[[ " + c + c + " :", "<!" + c + ">"} {
			checkScanners(t, s)
		}
	}
	pieces := []string{"<", ">", "/", "!", "a", "K", "ſ", "k", "{", "}", "|", "=", "[", "]", ":", " ", "\t", "\n", "\r",
		"\f", "_", "-", "7", "é", "Ж", "中", "\u0345", "\u0301", ".", "\xff", "x", "Cat", "title", "=\n"}
	rng := rand.New(rand.NewPCG(13, 1))
	for range 200000 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		checkScanners(t, b.String())
	}
	long := []string{strings.Repeat("a", 299), strings.Repeat("é", 300), strings.Repeat("a", 301), strings.Repeat("x", 29),
		strings.Repeat("ж", 30), strings.Repeat("x", 31), strings.Repeat("n", 59), strings.Repeat("ñ", 60), strings.Repeat("n", 61)}
	for _, l := range long {
		for _, s := range []string{"<a" + l + ">", "{{" + l + "}}", "| " + l + " =", "|" + l + "=", "[[" + l + ":"} {
			checkScanners(t, s)
		}
	}
	for _, s := range []string{
		"{{cite web |url=http://example.org |title=Example |access-date=2020-01-01}} [[Category:Foo]] <ref name=\"a\">x</ref>",
		"{{Infobox person\n| name = Ann\n| birth_date = {{birth date|1900|1|1}}\n}}\n[[Datei:Bild.jpg|mini|Text]]",
		"<div style=\"display:none\">[http://x.example/ y]</div> {{ \n|a=b}} {{ \t x}} [[ \nKategorie \n:X]]",
	} {
		checkScanners(t, s)
	}
}
