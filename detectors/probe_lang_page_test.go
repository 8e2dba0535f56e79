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
	n := 200
	hits := pageDrawsCaught(t, page, "pl", env, 18, n)
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

// A page created in a language no dictionary reads is judged again under
// its own letters, where its rare words are few and already candidates:
// the length discount counts them and the page's other words only a
// little (pageRivals), less than on a page a dictionary reads
// (rivalWords). The text is made up for the test, in the shape of a small
// Wikipedia's article: syllables of a consonant and a vowel, some long
// compounds, names.
func TestProbeTokenInPageNoDictionaryReads(t *testing.T) {
	if r, w := pageRivals(1000, 40), rivalWords(1000, 40); r < 40 || r >= w {
		t.Errorf("pageRivals(1000, 40) = %v, want from 40 to below rivalWords' %v", r, w)
	}
	if r := pageRivals(3000, 40); r <= pageRivals(1000, 40) {
		t.Errorf("a longer page with as many candidates: %v, want more", r)
	}
	page := probeLangPageText
	env := &Env{Dicts: testDictsWith(t, "en")} // every dictionary installed: none reads the page
	n := 200
	hits := pageDrawsCaught(t, page, "", env, 19, n)
	// 190 today; 186 when the page's other words counted as on a page a
	// dictionary reads (rivalWords).
	if hits < 189 {
		t.Errorf("%d of %d tokens of 8-12 characters in a page no dictionary reads caught, want 189 or more", hits, n)
	}
	t.Logf("%d of %d caught", hits, n)
}

// probeLangPageText is a page in a made-up language of syllables of a
// consonant and a vowel, some long compounds and names.
const probeLangPageText = "Mozu Velavina e zasi nuvu lasi i ze moana zonda, e zolu lau vilomeza mai i ze zasazai. Vo ze indoa o ze nuvu " +
	"no ze manu velavi, e noso ana i nda pali zeizei o ze pizo lavi. E lua mano nda zandaza e noso ana i leila, " +
	"a vo ze nuinda vei ze vainda nui o Salozapu, vei ze zasa zonda.\n\n" +
	"Vo nda zupuna o ze iwi i zae mai ma lunda wava i ze lauzau zevau ma lua. I noso lazou vi ze zasa o nda awa, " +
	"i masi vai i nda mala zalo me nda lavau vovonazi. I muli mai, i zae mai nda vaisovosovo mai i zawasi, " +
	"a i sanda e lazou se fale sovosovo vi ze fanda o Salozapu.\n\n" +
	"Vo ze maunda zeizei lawa vo Maunda Zilivula, e iwa lau miza ze zeizei. Vei lunda i ona pali nda ndasele " +
	"mazozolu, a vo nda manu o leila vaole e vizea i ezasi azu mozu. Vo ze lose vazoa o ze maunda se papa ziavi " +
	"inaianei, a e vole e favaaezia ze zope lavau.\n\n" +
	"Vo ze osanda o ze mozu e sandai ana vi ze sii iva, vi ze asufenua me ze zapoi. Ia zau va zae mai nda " +
	"manusili vi ze mazavizavi i nda zosola e saele ana i ze zasa o ze mozu, mai i ze malama zuafizu vi ze " +
	"malama zuaiwa. Se vula zuazasi e lima vei ze mozu, me zezasi vula zualua vei Salozapu.\n\n" +
	"Vo ze leo o ze mozu se leo zaza vi nda leo o nda mozu e zaza ana, endali se masa nda vupu ave. Va " +
	"volelozia zonuzia e nda vaumazua me nda zamalivi, a va avona vi nda vula vazoa. Vo nda waiaza zafizo " +
	"me nda volelo o nda zupuna va favaalia i nda sui nui o ze zau, i ze malama zuazasi.\n\n" +
	"Vo ze sualele o ze mozu se masana i ze loanda o ze zau, a vo ze ua nui va seve i nda malama o ze laumazi. " +
	"I ezasi zau va pa mai nda afiofio vasa, a va pavalu nda fale me nda mala. Vo ze afiofio nui lawa i " +
	"pa mai i ze zau lua mano ma zolu, a i sanda ano ze fanda o Salozapu i muli iso.\n"

// pageDrawsCaught creates page, in language lang ("" for none said), as an
// anonymous editor's new page and fails the test if the page itself is
// flagged; then it slips n random tokens of 8-12 characters (lower case,
// mixed case, digits, both; rand seed) into it one at a time and returns
// how many are caught.
func pageDrawsCaught(t *testing.T, page, lang string, env *Env, seed uint64, n int) int {
	t.Helper()
	judge := func(text string) Result {
		e := &Edit{Anon: true, New: text, Lang: lang}
		return Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
	}
	if r := judge(page); r.Score >= DefaultProbeThreshold {
		t.Fatalf("the page flagged: %v", r.Suspects)
	}
	rng := rand.New(rand.NewPCG(seed, 14))
	styles := []inject.Style{inject.Lower, inject.Mixed, inject.Digits, inject.MixedDigits}
	return drawsCaught(rng, page, n, func(i int) string { return inject.Token(rng, styles[i%len(styles)], 8+rng.IntN(5)) }, judge)
}
