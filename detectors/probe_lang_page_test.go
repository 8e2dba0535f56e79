package detectors

import (
	"math/rand/v2"
	"testing"

	"github.com/wikiwarden/wikiwarden/internal/inject"
)

// A page created in a language with a dictionary and diacritics: its
// words with diacritics are its ordinary prose, as lower-case words are on
// an English page (ownWordAt, foreignDiacritics). A token slipped between
// two of them is the one odd word of a sentence, and no phrase in another
// language keeps it company. The page itself stays unflagged.
func TestProbeTokenInPageWithDiacritics(t *testing.T) {
	env := &Env{Dicts: testDictsWith(t, "pl")}
	const page = "Jezioro leży w głębokiej dolinie, otoczone lasami sosnowymi i łąkami, na których latem pasą się krowy. " +
		"Woda jest czysta i zimna, a jej brzegi są w wielu miejscach kamieniste. Najbliższa wieś znajduje się kilka " +
		"kilometrów na północ, przy drodze prowadzącej do miasta powiatowego.\n\n" +
		"Pierwsze wzmianki o osadzie nad jeziorem pochodzą z czternastego wieku. Mieszkańcy żyli wtedy z rybołówstwa " +
		"i wypalania węgla drzewnego, który sprzedawali kupcom przybywającym z południa. Po wojnach, które zniszczyły " +
		"większość domów, osadę odbudowano w innym miejscu, bliżej drogi.\n\n" +
		"W dziewiętnastym wieku nad jeziorem powstał niewielki pensjonat, do którego przyjeżdżali goście z dużych miast. " +
		"Chodzili na długie spacery po lesie, pływali łódkami i zbierali grzyby. Budynek spłonął w czasie wojny, " +
		"a z jego murów zostały tylko fundamenty widoczne do dziś wśród drzew.\n\n" +
		"Obecnie okolica jest chroniona jako rezerwat przyrody. Żyją tu rzadkie ptaki wodne, a w płytkich zatokach " +
		"rosną trzciny i lilie wodne. Wędkowanie jest dozwolone tylko w wyznaczonych miejscach, a kąpiel wyłącznie " +
		"na strzeżonej plaży po zachodniej stronie jeziora.\n\n" +
		"Zimą jezioro zamarza na kilka tygodni. Dawniej mieszkańcy wycinali wtedy bloki lodu, które przechowywali " +
		"w piwnicach aż do lata. Dziś po lodzie chodzą tylko nieliczni spacerowicze, a dzieci jeżdżą na łyżwach " +
		"przy samym brzegu, gdzie woda jest najpłytsza.\n"
	judge := func(text string) Result {
		e := &Edit{Anon: true, New: text, Lang: "pl"}
		return Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
	}
	if r := judge(page); r.Score >= DefaultProbeThreshold {
		t.Fatalf("the page flagged: %v", r.Suspects)
	}
	rng := rand.New(rand.NewPCG(18, 14))
	styles := []inject.Style{inject.Lower, inject.Mixed, inject.Digits, inject.MixedDigits}
	n := 200
	hits := drawsCaught(rng, page, n, func(i int) string { return inject.Token(rng, styles[i%len(styles)], 8+rng.IntN(5)) }, judge)
	// 195 today; 183 when words with diacritics around broke the
	// sentence (amidWords, loneInProse) and counted as another language.
	if hits*100 < 95*n {
		t.Errorf("%d of %d tokens of 8-12 characters in a Polish page caught, want 95%% or more", hits, n)
	}
	t.Logf("%d of %d caught", hits, n)
}

// The letters of the text around, the unusual words next to a word and the
// diacritics around say one thing together: a word that would score as a
// token but for the three of them is held back by the language around,
// and judged again under the page's own letters, though no one of them
// alone holds it back. Only on a page created whole.
func TestHeldByLanguage(t *testing.T) {
	p := &prober{a: &Added{}, edit0: &Edit{}}
	var c probeCandidate
	c.add(termRandom, 20)
	c.add(termFresh, -3)
	c.add(termForeign, -5)
	c.add(termOddNeighbours, -10)
	c.add(termDiacriticText, -8)
	if !p.heldByLanguage(&c) {
		t.Errorf("20 bits of letters held back by 23 of the language around: not held by language")
	}
	for _, k := range []probeTermKind{termForeign, termOddNeighbours, termDiacriticText} {
		b, _ := c.term(k)
		if c.evidence-b >= probeThresholdBits {
			t.Fatalf("the case is wrong: %s alone holds the word back", k)
		}
	}
	var d probeCandidate
	d.add(termRandom, 20)
	d.add(termFresh, -14)
	d.add(termOddNeighbours, -5)
	if p.heldByLanguage(&d) {
		t.Errorf("a word held back by the page's length: held by language")
	}
	edit := &prober{a: &Added{old: "an older text"}, edit0: &Edit{}}
	if edit.heldByLanguage(&c) {
		t.Errorf("on an edit to a page: held by language")
	}
}
