package detectors

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/internal/inject"
)

// TestLearnVocabulary learns from the corpus pages after a botnet left its
// tokens on them: random and pronounceable ones, each once on many pages,
// and a probe page titled with its token. None may be learned; the pages'
// own recurring words must be.
func TestLearnVocabulary(t *testing.T) {
	var pages []VocabPage
	for _, pg := range readDevPages(t) {
		pages = append(pages, VocabPage{Title: strings.TrimSuffix(pg.Name, ".txt"), Text: pg.Text})
	}
	rng := rand.New(rand.NewPCG(3, 4))
	var tokens []string
	for _, st := range inject.Styles {
		for n := 6; n <= 10; n += 2 {
			tok := strings.ToLower(inject.Token(rng, st, n))
			tokens = append(tokens, tok)
			// Once on each of twelve pages, at a random position.
			for k := 0; k < 12; k++ {
				i := rng.IntN(len(pages))
				if nw, ok := inject.Insert(rng, pages[i].Text, 0, len(pages[i].Text), tok); ok {
					pages[i].Text = nw
				}
			}
		}
	}
	// A probe page creation: the token as title and text.
	pages = append(pages, VocabPage{Title: "Yocusukh", Text: "yocusukh\n"})
	tokens = append(tokens, "yocusukh")

	v := LearnVocabulary(pages, nil)
	t.Logf("%d words learned", v.Len())
	for _, tok := range tokens {
		if v.Has(tok) {
			t.Errorf("learned the botnet's token %q", tok)
		}
	}
	// Words the pages use again and again that no dictionary has.
	for _, w := range []string{"goryeo", "celadon", "aardvark", "alkanes", "saratovtseva"} {
		if !v.Has(w) {
			t.Errorf("did not learn %q", w)
		}
	}
}

func TestVocabularyInEnv(t *testing.T) {
	old := "The celadon glaze of Goryeo ware was admired in China."
	new := "The celadon glaze of Goryeo ware was admired in China and goryeo."
	e := &Edit{Anon: true, Old: old, New: new}
	v := NewWordSet([]string{"goryeo"})
	allow := AllowList("* Kolhapur\n* horcrux, xkqzvbwpl\n")
	env := &Env{Words: Union{v, allow}}
	if r := Probe(&Input{Edit: e, Added: Diff(old, new), Env: env}); len(r.Tokens) != 0 {
		t.Errorf("a word of the vocabulary flagged: %v", r.Tokens)
	}
	for _, w := range []string{"kolhapur", "Horcrux", "xkqzvbwpl"} {
		if !env.Words.Has(w) {
			t.Errorf("allow-list lacks %q", w)
		}
	}
}

func TestTokensAtThreshold(t *testing.T) {
	e := &Edit{Anon: true, Old: "The river runs north.", New: "The river xkqzvbwpl runs north."}
	for _, th := range []float64{0.3, 0.5, 0.9, 0.9999} {
		r := Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: &Env{Thresholds: map[string]float64{ProbeName: th}}})
		if len(r.Suspects) != 1 || r.Suspects[0].Text != "xkqzvbwpl" {
			t.Fatalf("suspects %v, want xkqzvbwpl", r.Suspects)
		}
		want := r.Suspects[0].Score >= th
		if got := len(r.Tokens) == 1; got != want {
			t.Errorf("threshold %v: tokens %v with score %v", th, r.Tokens, r.Suspects[0].Score)
		}
	}
	if DefaultThreshold(ProbeName) != 0.5 || DefaultThreshold(LinksName) != 0.7 {
		t.Error("default thresholds moved")
	}
}

func TestBaseLang(t *testing.T) {
	for in, want := range map[string]string{"en-gb": "en", "de-formal": "de", "PT-BR": "pt", "cy": "cy", "zh_Hans": "zh", "": ""} {
		if got := BaseLang(in); got != want {
			t.Errorf("BaseLang(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGuessLang(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"Die Sonne ist der Stern, der der Erde am nächsten ist und das Zentrum des Sonnensystems bildet. Sie ist ein durchschnittlich großer Stern im äußeren Drittel der Milchstraße.", "de"},
		{"Le soleil est l'étoile du système solaire. Dans la classification astronomique, c'est une étoile de type naine jaune, et elle est composée de gaz.", "fr"},
		{"El Sol es una estrella de tipo-G de la secuencia principal y clase de luminosidad V que se encuentra en el centro del sistema solar y constituye la mayor fuente de radiación.", "es"},
		{"Mae'r Haul yn seren sydd yng nghanol Cysawd yr Haul. Roedd yr Haul yn bwysig i bobl yr hen fyd, ac mae hi'n dal i fod yn bwysig i ni heddiw gan fod y ddaear yn troi o'i chwmpas.", "cy"},
		{"Słońce jest gwiazdą centralną Układu Słonecznego, wokół której krąży Ziemia i inne planety, a także to że jest ono źródłem życia na Ziemi oraz się tak nie da.", "pl"},
		{"The Sun is the star at the centre of the Solar System. It is a massive, nearly perfect sphere of hot plasma, and it was formed from the collapse of matter.", "en"},
		{"xkqzvbwpl", ""},
	} {
		if got := GuessLang(tt.text); got != tt.want {
			t.Errorf("GuessLang(%.30q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
