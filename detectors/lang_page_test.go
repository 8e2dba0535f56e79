package detectors

import (
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
