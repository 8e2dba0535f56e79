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
