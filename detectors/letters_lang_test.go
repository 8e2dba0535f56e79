package detectors

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestLangModels(t *testing.T) {
	s, err := readLangModels(langModelData)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(s.source, "lingua-go") {
		t.Errorf("source %q does not say where the models come from", s.source)
	}
	for _, want := range []string{"en", "fi", "sn", "zu", "mi", "eu", "vi"} {
		if s.index(want) < 0 {
			t.Errorf("no letter model of %s among %v", want, s.codes)
		}
	}
	for _, other := range []string{"ru", "ja", "ar"} {
		if s.index(other) >= 0 {
			t.Errorf("a letter model of %s, a language in another script", other)
		}
	}
	for i, md := range s.data {
		if _, err := decodeCounts(md, func(int, uint32) {}); err != nil {
			t.Errorf("%s: %v", s.codes[i], err)
		}
	}
}

func TestLangModelsRoundTrip(t *testing.T) {
	counts := make([]uint32, modelGrams)
	m0 := TrainAlone([]string{"alpha beta gamma delta"})
	copy(counts, m0.counts)
	m, err := ModelFromCounts(counts, 4)
	if err != nil {
		t.Fatal(err)
	}
	data, err := MarshalLangModels(map[string]*Model{"xx": m}, "test")
	if err != nil {
		t.Fatal(err)
	}
	s, err := readLangModels(data)
	if err != nil {
		t.Fatal(err)
	}
	if s.source != "test" || len(s.codes) != 1 || s.codes[0] != "xx" {
		t.Fatalf("read back %q %v", s.source, s.codes)
	}
	sym, _ := foldWord(nil, "gamma")
	// A language's model is used mixed with a little of the base model.
	mixed := mixModels(m, 1-langShareBase, BaseModel(), langShareBase, nil, 0)
	if got, want := s.model(0).bits(sym), mixed.bits(sym); math.Abs(got-want) > 1e-3 {
		t.Errorf("bits of gamma %.3f after the round trip, %.3f before", got, want)
	}
	if _, err := readLangModels(data[:len(data)-3]); err == nil {
		t.Error("a truncated file was read")
	}
	if _, err := ModelFromCounts(counts[:10], 1); err == nil {
		t.Error("counts of the wrong size made a model")
	}
}

// sampleText writes words drawn from a language's letter model: text
// known to be in that language without quoting any.
func sampleText(m *Model, rng *rand.Rand, words int) string {
	var b strings.Builder
	for range words {
		var a, bb, c uint32
		for n := 0; n < 14; n++ {
			row := ((a*modelSymbols+bb)*modelSymbols + c) * modelSymbols
			x := rng.Float64()
			d := uint32(modelSymbols - 1)
			for s := uint32(0); s < modelSymbols; s++ {
				if x -= math.Exp2(float64(m.lp[row+s])); x <= 0 {
					d = s
					break
				}
			}
			if d == 0 {
				if n == 0 {
					continue
				}
				break
			}
			b.WriteByte(byte('a' + d - 1))
			a, bb, c = bb, c, d
		}
		b.WriteByte(' ')
	}
	return b.String()
}

func TestPageLangModel(t *testing.T) {
	s := langModels()
	rng := rand.New(rand.NewPCG(3, 5))
	for _, lang := range []string{"zu", "fi", "mi", "so"} {
		text := sampleText(s.model(s.index(lang)), rng, 120)
		m, code, bits, en := pageLangModel(FormatWikitext, text, "")
		if code != lang {
			t.Errorf("text drawn from the %s model told as %q", lang, code)
			continue
		}
		if bits >= en {
			t.Errorf("%s: %.2f bits a letter under its model, %.2f under English's", lang, bits, en)
		}
		// A token of random letters costs far more than the language's words.
		tok, _ := foldWord(nil, "xkqzvbwpl")
		if per := m.bits(tok) / 10; per < bits+2 {
			t.Errorf("%s: a random token costs %.2f bits a letter, the text %.2f", lang, per, bits)
		}
		// Held out, the language is judged under another model, never its own.
		if _, other, _, _ := pageLangModel(FormatWikitext, text, lang); other == lang || other == "" {
			t.Errorf("%s held out: told as %q", lang, other)
		}
	}
	if m, _, _, _ := pageLangModel(FormatWikitext, "too few words here", ""); m != nil {
		t.Error("a language told from four words")
	}
}

// TestProbeUnderLangModel checks that a page in a language the bot has no
// dictionary of is judged under that language's letters: a rare word of
// it added to the page is not a token, random letters still are, and a
// dictionary of another language claiming the text does not change it.
func TestProbeUnderLangModel(t *testing.T) {
	s := langModels()
	zu := s.model(s.index("zu"))
	rng := rand.New(rand.NewPCG(11, 13))
	var paras []string
	for range 6 {
		paras = append(paras, strings.TrimSpace(sampleText(zu, rng, 60))+".")
	}
	page := strings.Join(paras, "\n\n")
	// The word of the language least likely under a model of the page
	// alone (mixed with the base model, as without a model of the
	// language) that the language's model finds ordinary.
	var rare string
	worst := 0.0
	own := trainPage(page, false)
	for _, w := range strings.Fields(sampleText(zu, rng, 400)) {
		sym, _ := foldWord(nil, w)
		if len(sym) < 8 || strings.Contains(page, w) || zu.bits(sym)/float64(len(sym)+1) > 2.6 {
			continue
		}
		if b := own.bits(sym) / float64(len(sym)+1); b > worst {
			rare, worst = w, b
		}
	}
	if rare == "" {
		t.Fatal("no word of the language to test with")
	}
	words := strings.Fields(paras[2])
	sentence := func(w string) string {
		return strings.Join(words[:8], " ") + " " + w + " " + strings.Join(words[8:16], " ") + "."
	}
	for _, dicts := range []map[string]Words{nil, {"gl": NewWordSet(words[:20])}} {
		env := &Env{Dicts: dicts}
		judge := func(w string) Result {
			e := &Edit{Old: page, New: page + "\n\n" + sentence(w), Lang: "zu", Anon: true}
			return Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
		}
		if r := judge(rare); slices.Contains(r.Tokens, rare) {
			t.Errorf("dictionaries %v: %q (%.1f bits a letter without the language's model) is a token of a Zulu page: %v", dicts, rare, worst, r.Reasons)
		}
		if r := judge("xkqzvbwplt"); !slices.Contains(r.Tokens, "xkqzvbwplt") {
			t.Errorf("dictionaries %v: a random token on a Zulu page was missed: %v", dicts, r.Reasons)
		}
	}
}

// TestWorldModel checks that the pooled letters of the world's languages
// find a language's words more ordinary than English letters do, even with
// that language left out of the pool, while random letters stay far less
// likely than the language's words under it.
func TestWorldModel(t *testing.T) {
	s := langModels()
	rng := rand.New(rand.NewPCG(7, 9))
	tok, _ := foldWord(nil, "xkqzvbwpl")
	for _, lang := range []string{"zu", "lg", "so", "st"} {
		own := s.model(s.index(lang))
		world := worldModel(lang)
		if world == worldModel("") {
			t.Fatalf("%s left out of the world's letters, the same model as with it", lang)
		}
		var wBits, bBits, letters float64
		for _, w := range strings.Fields(sampleText(own, rng, 300)) {
			sym, _ := foldWord(nil, w)
			wBits += world.bits(sym)
			bBits += BaseModel().bits(sym)
			letters += float64(len(sym) + 1)
		}
		wPer, bPer := wBits/letters, bBits/letters
		if wPer >= bPer-0.2 {
			t.Errorf("%s held out of the world's letters: its words cost them %.2f bits a letter, English letters %.2f", lang, wPer, bPer)
		}
		if per := world.bits(tok) / 10; per < wPer+2 {
			t.Errorf("%s held out: a random token costs the world's letters %.2f bits a letter, the language's words %.2f", lang, per, wPer)
		}
	}
}

func TestHasLangModel(t *testing.T) {
	for lang, want := range map[string]bool{"zu": true, "fi": true, "no": true, "sh": true, "qu": false, "ha": false, "ja": false} {
		if got := hasLangModel(lang); got != want {
			t.Errorf("hasLangModel(%q) = %v, want %v", lang, got, want)
		}
	}
}
