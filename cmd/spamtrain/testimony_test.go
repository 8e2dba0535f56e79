package main

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/spamscore"
)

// dense reports whether the model's named feature that begins with name
// fires on text.
func dense(text, name string) bool {
	v, _ := spamscore.Vectorize(spamscore.Doc{Text: text}, bits)
	for _, i := range v.Idx {
		if strings.HasPrefix(spamscore.DenseName(int(i)), name) {
			return true
		}
	}
	return false
}

// TestPersonHandle checks that the promoted accounts the augmentation makes
// are what real testimonial spam names: one @handle each, read as a
// person's mention or as a made-up account, rarely as both plain.
func TestPersonHandle(t *testing.T) {
	a := &augmenter{r: rand.New(rand.NewPCG(1, 2))}
	mention, account := 0, 0
	for range 200 {
		h := a.personHandle(true)
		if !strings.HasPrefix(h, "@") || strings.ContainsAny(h[1:], " @") {
			t.Fatalf("personHandle() = %q, want one @handle", h)
		}
		text := "She helped me so much with my savings " + h
		if dense(text, "an @mention of a user") {
			mention++
		}
		if dense(text, "an @handle shaped as a made-up account") {
			account++
		}
	}
	// Names with a trade word read as channels ("@anna_fx_trades"),
	// plain names as mentions; separators and digits make most of
	// them account-shaped.
	if mention < 40 || mention == 200 || account < 60 || account == 200 {
		t.Errorf("of 200 handles %d read as mentions and %d as account-shaped, want each a good share but not all", mention, account)
	}
}

// TestTestimonySpam checks the testimonials' structure in every language
// that has them: a sum of money, the account named inside the story after
// its thanks, and, where it closes again, the same account (the model's
// repeated-handle feature).
func TestTestimonySpam(t *testing.T) {
	a := &augmenter{r: rand.New(rand.NewPCG(3, 4))}
	for _, l := range langs {
		if _, ok := testimonies[l.code]; !ok {
			t.Errorf("%s: no testimonies", l.code)
			continue
		}
		if _, ok := testimonyThanks[l.code]; !ok {
			t.Errorf("%s: no thanks", l.code)
		}
		repeated, money := 0, 0
		for range 30 {
			text, ok := a.testimonySpam(&l)
			if !ok {
				t.Fatalf("%s: testimonySpam not ok", l.code)
			}
			if strings.Contains(text, "{") {
				t.Errorf("%s: unfilled slot in %q", l.code, text)
			}
			if strings.ContainsAny(text, "0123456789") {
				money++
			}
			if dense(text, "the same @handle twice") {
				repeated++
			}
		}
		// One English story line in five tells no sum ("we are free
		// of debt").
		if money < 20 {
			t.Errorf("%s: a sum of money in %d of 30, want most", l.code, money)
		}
		if repeated == 0 || repeated == 30 {
			t.Errorf("%s: the account repeated in %d of 30, want some", l.code, repeated)
		}
	}
	if _, ok := a.testimonySpam(&lang{code: "xx"}); ok {
		t.Error("a language without testimonies made one")
	}
}

// TestFinanceHam checks the good-faith finance talk that balances the
// testimonials: in every language that has testimonials, lines with the
// subject's words (its spam topic, a sum), no slot left unfilled, and no handle
// with a trade word: a person replied to, never an account promoted.
func TestFinanceHam(t *testing.T) {
	a := &augmenter{r: rand.New(rand.NewPCG(5, 6))}
	for _, l := range langs {
		if _, ok := financeTalk[l.code]; !ok {
			t.Errorf("%s: no finance talk", l.code)
			continue
		}
		topic, sums := 0, 0
		for range 40 {
			text := a.financeHam(&l)
			if strings.Contains(text, "{") {
				t.Errorf("%s: unfilled slot in %q", l.code, text)
			}
			for _, w := range strings.Fields(text) {
				if !strings.HasPrefix(w, "@") {
					continue
				}
				for _, trade := range accountWords {
					if trade != "" && strings.Contains(w, trade) {
						t.Errorf("%s: handle %q has trade word %q", l.code, w, trade)
					}
				}
			}
			if dense(text, "earnings, investment") {
				topic++
			}
			if dense(text, "an amount of money") || dense(text, "money amounts") {
				sums++
			}
		}
		if topic < 20 || sums == 0 {
			t.Errorf("%s: the earnings topic in %d and a sum in %d of 40, want most and some", l.code, topic, sums)
		}
	}
	if hamKinds()[len(hamKinds())-1] != "finance" {
		t.Errorf("hamKinds() = %v, want the finance talk in turn with the testimonials", hamKinds())
	}
}
