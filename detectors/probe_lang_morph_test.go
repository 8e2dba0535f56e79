package detectors

import (
	"strings"
	"testing"
)

// A word of a page no dictionary reads that starts as other words of the
// page start and ends as others end is built of the page's morphology;
// a random draw is not, nor is a word whose only support is itself.
func TestMorphParts(t *testing.T) {
	const page = "Ny kelamora tenubilo kelasi ba metubilo fa kelamorasi, tenu sabilo."
	for _, tt := range []struct {
		text, word string
		want       bool
	}{
		{page + " kelabilo", "kelabilo", true},             // "kela" starts kelamora, "bilo" ends tenubilo
		{page + " qzvxbilo", "qzvxbilo", false},            // no word starts "qzvx"
		{page + " kelaqzvx", "kelaqzvx", false},            // no word ends "qzvx"
		{"Ny kelabilo ba kelabilo fa.", "kelabilo", false}, // its own uses are no evidence
		{page + " kelbilo", "kelbilo", false},              // a piece of three letters is too short
	} {
		p := &prober{text: tt.text, edit0: &Edit{New: tt.text}}
		lo := strings.LastIndex(tt.text, tt.word)
		c := &probeCandidate{w: scanWord{Lo: lo, Hi: lo + len(tt.word)}}
		if got := p.stemShared(c); got != tt.want {
			t.Errorf("stemShared(%q in %q) = %v, want %v", tt.word, tt.text, got, tt.want)
		}
	}
	// In a post, or where a dictionary reads the page, the rule is off.
	text := page + " kelabilo"
	p := &prober{text: text, edit0: &Edit{New: text, Format: FormatMarkdown}}
	lo := strings.LastIndex(text, "kelabilo")
	if p.stemShared(&probeCandidate{w: scanWord{Lo: lo, Hi: lo + 8}}) {
		t.Error("stemShared(kelabilo) in a post = true, want false")
	}
}

func TestReduplicated(t *testing.T) {
	for _, tt := range []struct {
		w    string
		want bool
	}{
		{"toktok", true},
		{"bolabola", true},
		{"nikolakola", true},    // the doubled chunk covers 8 of 10 letters
		{"kolakolakola", false}, // three times: a keyboard's run
		{"kolamkola", false},    // not in a row
		{"abcdefgh", false},
		{"bobsledding", false}, // "bob" twice? no: "bo" and "bs"
		{"tatarovskiy", false}, // "ta" twice covers too little, and is two letters
	} {
		if got := reduplicated(tt.w); got != tt.want {
			t.Errorf("reduplicated(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

// A word saying one chunk twice is a compound of one word only where no
// dictionary reads the page: on an English page it is a keyboard's mash
// that a human vandal types ("sdfgsdfg").
func TestReduplicatedOnlyUnread(t *testing.T) {
	p := new(prober)
	p.m = BaseModel()
	p.setWords(&Edit{New: "Ny kelamora tenubilo."}, &Env{})
	p.langDone = true
	if !p.compoundWord("sdfgsdfg") {
		t.Error("compoundWord(sdfgsdfg) on a page no dictionary reads = false, want true")
	}
	p.lang, p.langDict = "en", wordList{"river": true, "north": true}
	if p.compoundWord("sdfgsdfg") {
		t.Error("compoundWord(sdfgsdfg) on a page a dictionary reads = true, want false")
	}
}
