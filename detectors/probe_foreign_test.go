package detectors

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/internal/inject"
)

// A sentence in a language the dictionaries do not read costs the letter
// model more bits than English, and a word in it takes a discount for
// that; but random letters are no language's, so a token there takes only
// as much as the world's letters explain of it. The real sentences stay
// unflagged.
func TestProbeTokenInForeignSentence(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	const old = "Mlima Kilimanjaro ni mlima mrefu kuliko yote barani Afrika.\n"
	sentences := []string{
		"Alichagua jina la Kaiser-Wilhelm-Spitze kwa heshima ya mfalme, na wapanda milima walimfuata kwa miaka mingi baadaye bila kuchoka.",
		"Chuma ni kiasi kikubwa cha madini yake, na wachimbaji walifanya kazi katika mashimo marefu kwa muda wa miezi kadhaa.",
		"Wakulima wa vijijini hupanda kahawa na ndizi kwenye miteremko yenye rutuba inayozunguka mlima huo mkubwa.",
	}
	for _, s := range sentences {
		e := &Edit{Anon: true, Old: old, New: old + s + "\n"}
		if r := Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env}); r.Score >= DefaultProbeThreshold {
			t.Errorf("real sentence flagged: %v", r.Suspects)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	hits, n := 0, 200
	for i := 0; i < n; i++ {
		tok := inject.Token(rng, inject.Lower, 6+rng.IntN(2))
		ws := strings.Fields(sentences[i%len(sentences)])
		k := 1 + rng.IntN(len(ws)-2)
		nw := strings.Join(ws[:k], " ") + " " + tok + " " + strings.Join(ws[k:], " ") + "\n"
		e := &Edit{Anon: true, Old: old, New: old + nw}
		if r := Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env}); r.Score >= DefaultProbeThreshold && strings.Contains(strings.Join(r.Tokens, " "), tok) {
			hits++
		}
	}
	// 32.5% today, 23.5% without the world's bound on the discount.
	if hits*100 < 30*n {
		t.Errorf("%d of %d tokens of 6-7 letters in Swahili sentences caught, want 30%% or more", hits, n)
	}
	t.Logf("%d of %d caught", hits, n)
}

// On a page in a language with a letter model of its own, the discount for
// that language around a word goes as far as the language's letters
// explain the word, not the world's pooled letters, which are flatter and
// explain some 4 bits of any six random letters. The page itself stays
// unflagged.
func TestProbeTokenOnOwnLanguagePage(t *testing.T) {
	env := &Env{Dicts: testDictsWith(t, "pl")}
	const page = "Małe miasto leży nad szeroką rzeką, między dwoma zalesionymi wzgórzami. W średniowieczu było ważnym miejscem " +
		"handlu solą, drewnem i winem, a stare spichlerze nad rzeką do dziś przypominają o tamtych czasach.\n\n" +
		"Rynek otaczają wąskie domy z wysokimi dachami. Pośrodku stoi studnia z szarego kamienia, przy której w ciepłe dni " +
		"spotyka się wielu ludzi. Kościół na skraju placu odbudowano po wielkim pożarze w siedemnastym wieku.\n\n" +
		"Dzisiaj w mieście mieszka około dwunastu tysięcy osób. Wielu z nich pracuje w małych firmach, w rolnictwie albo " +
		"w większych miastach w okolicy. Latem przyjeżdżają piechurzy i rowerzyści, którzy korzystają z drogi wzdłuż rzeki " +
		"i nocują w gospodach.\n\n" +
		"Co roku jesienią miasto obchodzi święto, podczas którego próbuje się młodego wina. Wtedy na rynku grają zespoły " +
		"muzyczne, a ulice są pełne gości do późnej nocy.\n"
	// The last paragraph added to the page, as an edit.
	cut := strings.LastIndex(page[:len(page)-1], "\n\n") + 2
	old, para := page[:cut], page[cut:]
	judge := func(text string) Result {
		e := &Edit{Anon: true, Old: old, New: old + text, Lang: "pl"}
		return Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
	}
	if r := judge(para); r.Score >= DefaultProbeThreshold {
		t.Fatalf("the paragraph flagged: %v", r.Suspects)
	}
	n := 200
	hits := tokensCaught(rand.New(rand.NewPCG(3, 4)), para, n, judge)
	// 89.5% today, 82% with the world's letters as the bound.
	if hits*100 < 85*n {
		t.Errorf("%d of %d tokens of 6-7 letters in a Polish paragraph caught, want 85%% or more", hits, n)
	}
	t.Logf("%d of %d caught", hits, n)
}

// A post on a site in a language with a letter model of its own (a
// technical question in Portuguese, English names of programs among its
// words) takes the discount for that language around a word only as far as
// Portuguese letters explain the word, as a page in that language does:
// random letters are no more Portuguese than English. The post itself
// stays unflagged.
func TestProbeTokenInOwnLanguagePost(t *testing.T) {
	env := &Env{Dicts: testDictsWith(t, "pt")}
	const post = "Estou desenvolvendo uma aplicação em Java que lê um arquivo de texto grande, linha por linha, e grava os dados " +
		"numa tabela do banco. Quando o arquivo passa de alguns megabytes, a memória do servidor sobe muito e às vezes " +
		"o processo termina com um erro de falta de memória.\n\n" +
		"Já tentei aumentar o tamanho do heap e fechar a conexão depois de cada lote, mas o problema continua. " +
		"Alguém sabe qual é a forma correta de ler um arquivo assim sem carregar tudo de uma vez? " +
		"Existe alguma biblioteca que ajude nisso, ou devo usar apenas as classes padrão da linguagem?\n"
	judge := func(text string) Result {
		e := &Edit{Anon: true, New: text, Lang: "pt", Format: FormatMarkdown}
		return Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
	}
	if r := judge(post); r.Score >= DefaultProbeThreshold {
		t.Fatalf("the post flagged: %v", r.Suspects)
	}
	n := 200
	hits := tokensCaught(rand.New(rand.NewPCG(5, 6)), post, n, judge)
	// 94% today, 85% with the whole discount of a post in English.
	if hits*100 < 89*n {
		t.Errorf("%d of %d tokens of 6-7 letters in a Portuguese post caught, want 89%% or more", hits, n)
	}
	t.Logf("%d of %d caught", hits, n)
}

// tokensCaught puts n random lower-case tokens of 6-7 letters, one at a
// time, between two words of text (never first or last) and returns how
// many judge flags. Result.Tokens holds only tokens at or above the
// threshold.
func tokensCaught(rng *rand.Rand, text string, n int, judge func(string) Result) int {
	return drawsCaught(rng, text, n, func(int) string { return inject.Token(rng, inject.Lower, 6+rng.IntN(2)) }, judge)
}

// drawsCaught is tokensCaught with the i-th token drawn by draw.
func drawsCaught(rng *rand.Rand, text string, n int, draw func(i int) string, judge func(string) Result) int {
	ws := strings.Split(text, " ")
	hits := 0
	for i := range n {
		tok := draw(i)
		k := 1 + rng.IntN(len(ws)-2)
		if r := judge(strings.Join(ws[:k], " ") + " " + tok + " " + strings.Join(ws[k:], " ")); strings.Contains(strings.Join(r.Tokens, " "), tok) {
			hits++
		}
	}
	return hits
}
