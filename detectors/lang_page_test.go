package detectors

import (
	"slices"
	"strings"
	"testing"
)

// TestDetectLang checks that the added text is read in the language whose
// dictionary reads its words, whatever the edit or the wiki names, that a
// named language keeps its dictionary, and that text no dictionary reads
// is told apart, unless the page it is added to is read.
func TestDetectLang(t *testing.T) {
	dicts := map[string]Words{
		"en": NewWordSet(strings.Fields("the and of was in is a to for with that his by from city river which founded merchant whose family traded towns coast many years")),
		"nl": NewWordSet(strings.Fields("de het een en van is dat op te zijn met voor niet werd door ook stad rivier die ligt aan provincie gemeente")),
		"af": NewWordSet(strings.Fields("die en van is wat in het nie 'n vir met op stad rivier lê aan provinsie munisipaliteit ook word")),
		"cy": NewWordSet(strings.Fields("y yr a ac yn o i ei mae ar gan wedi bod")),
	}
	dutch := "De stad ligt aan de rivier en is de hoofdplaats van de gemeente die in de provincie ligt en ook een haven met een markt heeft voor de handel door de streek."
	afrikaans := "Die stad lê aan die rivier en is die hoofstad van die munisipaliteit wat in die provinsie lê en ook 'n hawe vir die handel het wat deur die streek gebruik word."
	quechua := "Kay llaqtaqa mayu patapi kachkan chaymantataq hatun llaqtam kachkan runakunapas achkam tiyanku chakrakunapi llamkanku sarata papata tarpunku wasinkunapas rumimanta ruwasqam."
	english := strings.Repeat("The city was founded on the river by a merchant whose family traded with the towns of the coast for many years and from that city. ", 20)
	for _, tc := range []struct {
		name, old, text, editLang, envLang string
		lang                               string
		hasDict, unread                    bool
	}{
		{name: "Dutch on an English wiki", text: dutch, envLang: "en", lang: "nl", hasDict: true},
		{name: "Afrikaans, guessed Dutch by its frequent words", text: afrikaans, lang: "af", hasDict: true},
		{name: "Dutch quoted on a Welsh page", text: dutch, editLang: "cy", lang: "nl", hasDict: true},
		{name: "no dictionary reads Quechua", text: quechua, lang: "", unread: true},
		{name: "a named language without a dictionary", text: quechua, editLang: "qu", lang: "qu", unread: true},
		{name: "Quechua added to an English page is read in English", old: english, text: quechua, lang: "en", hasDict: true},
		{name: "too little text: the named language", text: "de stad", editLang: "cy", lang: "cy", hasDict: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := &Edit{Old: tc.old, New: tc.old + "\n\n" + tc.text, Lang: tc.editLang}
			var p prober
			p.reset(BaseModel(), Diff(e.Old, e.New), true)
			p.setWords(e, &Env{Dicts: dicts, Lang: tc.envLang})
			p.words = p.sc.read(e.Format, p.text, p.a.spans, p.words)
			if got := p.pageLang(); got != tc.lang || p.hasDict() != tc.hasDict || p.unread != tc.unread {
				t.Errorf("language %q, dictionary %v, unread %v; want %q, %v, %v", got, p.hasDict(), p.unread, tc.lang, tc.hasDict, tc.unread)
			}
		})
	}
}

// A page in another script learns a model of its Latin words before the
// edit when it has enough of them: a word of the language they are in is
// then no token, random letters still are; a page with few Latin words
// keeps the base model.
func TestLatinPageModel(t *testing.T) {
	latin := strings.Repeat("Esperanto kongreso konkursoj estis organizitaj de la asocio kaj la junularo. ", 30)
	cyrillic := strings.Repeat("Есперанто є мовою міжнародного спілкування, створеною в кінці століття. ", 40)
	if m := latinPageModel(&Edit{Old: cyrillic + "Esperanto"}); m != BaseModel() {
		t.Errorf("a page with one Latin word: not the base model")
	}
	e := &Edit{Old: cyrillic + latin}
	m := latinPageModel(e)
	if m == BaseModel() {
		t.Fatalf("a page with many Latin words: the base model")
	}
	bits := func(m *Model, w string) float64 {
		sym, _ := foldWord(nil, w)
		return m.bits(sym) - float64(len(sym))*log2Letters
	}
	if b, base := bits(m, "konkurso"), bits(BaseModel(), "konkurso"); b >= base-2 {
		t.Errorf("\"konkurso\" costs %.1f bits over random letters under the page's Latin model, %.1f under the base: want 2 fewer", b, base)
	}
	if b := bits(m, "xkqzvbwpl"); b < 10 {
		t.Errorf("random letters cost %.1f bits over random under the page's Latin model, want 10 or more", b)
	}
}

// TestBorrowedDict checks that a page named in a language the bot has no
// dictionary of, read in a related language's, is judged as a page
// without one: a word of its own that the related dictionary lacks is no
// token, random letters on it still are, and a Bokmål page read in the
// "no" dictionary keeps it as its own.
func TestBorrowedDict(t *testing.T) {
	nl := NewWordSet(strings.Fields("de het een en van is dat op te zijn met voor niet werd door ook stad rivier die ligt aan provincie gemeente " +
		"oude kerk markt haven boeren kinderen school molen dorp huizen straat brug water veld jaar eeuw tijd plein toren klok"))
	dicts := map[string]Words{"en": NewWordSet(strings.Fields("the and of was in is a to for with that")), "nl": nl, "no": NewWordSet([]string{"og"})}
	// A made-up dialect that writes most of its words as Dutch does.
	page := strings.Repeat("De stad ligt aan de rivier en is de hoofdplaats van de gemeente. De oude kerk staat aan de markt en de toren met de klok is van het jaar. "+
		"De boeren van het dorp werken op het veld en de kinderen gaan naar de school bij de molen. De haven aan het water is ook oud en de brug over de rivier werd "+
		"in die eeuw door de stad gebouwd. ", 3)
	sentence := func(w string) string {
		return "De oude molen aan de rivier is " + w + " van de boeren en de kinderen van het dorp gaan daar met de school naar toe."
	}
	judge := func(lang, w string) Result {
		e := &Edit{Old: page, New: page + "\n\n" + sentence(w), Lang: lang, Anon: true}
		return Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: &Env{Dicts: dicts}})
	}
	const own, random = "gevajte", "xkqzvbwplt"
	if r := judge("li", own); slices.Contains(r.Tokens, own) {
		t.Errorf("%q, a word the related dictionary lacks, is a token of a page without its own dictionary: %v", own, r.Reasons)
	}
	if r := judge("li", random); !slices.Contains(r.Tokens, random) {
		t.Errorf("a random token on a page read in a related dictionary was missed: %v", r.Reasons)
	}
	if r := judge("nl", own); !slices.Contains(r.Tokens, own) {
		t.Errorf("%q, in no dictionary of a page whose language has one, is no token: %v", own, r.Reasons)
	}
	e := &Edit{Old: page, New: page + "\n\n" + sentence("og"), Lang: "nb"}
	var p prober
	p.reset(BaseModel(), Diff(e.Old, e.New), true)
	p.setWords(e, &Env{Dicts: map[string]Words{"en": dicts["en"], "no": nl}})
	p.words = p.sc.read(e.Format, p.text, p.a.spans, p.words)
	if p.pageLang(); !p.hasDict() {
		t.Errorf("a Bokmål page read in the \"no\" dictionary: no dictionary of its own")
	}
}
