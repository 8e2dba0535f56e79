package main

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/spamscore"
)

// TestReferralPath checks that the augmentation's referral links are what
// the model's sign-up feature reads: a generated code in every form but
// the affiliate's number, and that the same number gives the same link.
func TestReferralPath(t *testing.T) {
	named := func(u string) bool {
		v, _ := spamscore.Vectorize(spamscore.Doc{Text: "Sign up and earn daily " + u}, bits)
		for _, i := range v.Idx {
			if strings.HasPrefix(spamscore.DenseName(int(i)), "a sign-up link with a referral or invitation code") {
				return true
			}
		}
		return false
	}
	for n := 0; n < 60; n++ {
		p := referralPath(n)
		if p != referralPath(n) {
			t.Fatalf("referralPath(%d) differs between calls", n)
		}
		u := "https://earn-daily.example" + p
		want := n%6 != 0
		if got := named(u); got != want {
			t.Errorf("%s: sign-up link = %v, want %v", u, got, want)
		}
		if n%6 == 0 && !strings.HasPrefix(p, "/?ref=") {
			t.Errorf("referralPath(%d) = %q, want an affiliate number", n, p)
		}
	}
}

// TestReplySpam checks the augmented reply spam: in every language it
// opens with the @handle of whom it answers, as the good-faith replies do,
// and carries a contact of its own after it, which the pitch is read with.
func TestReplySpam(t *testing.T) {
	defer func(v bool) { replySpam = v }(replySpam)
	for _, on := range []bool{false, true} {
		replySpam = on
		if got := slices.Contains(spamKinds(), "reply"); got != on {
			t.Errorf("with -replyspam=%v the spam containers include reply: %v", on, got)
		}
	}
	a := &augmenter{r: rand.New(rand.NewPCG(1, 2))}
	for i := range langs {
		l := &langs[i]
		for n := 0; n < 12; n++ {
			e := a.spam(l, "reply")
			if !e.label || e.kind != "aug-spam-reply-"+l.code || !e.markdown || e.old != "" {
				t.Fatalf("%s: got %+v, want a Markdown spam example of kind aug-spam-reply-%s, no page", l.code, e, l.code)
			}
			if !strings.HasPrefix(e.text, "@") {
				t.Errorf("%s: %q does not open with an @handle", l.code, e.text)
			}
			rest := strings.TrimLeft(strings.TrimPrefix(e.text, strings.Fields(e.text)[0]), " :,")
			if _, cs := spamscore.Vectorize(spamscore.Doc{Text: rest}, bits); len(cs) == 0 {
				t.Errorf("%s: %q has no contact after its opening handle", l.code, e.text)
			}
		}
	}
}

// TestCreditExamples checks the credit posts: perCredit in every language,
// good faith, each crediting at least one handle, none opening with one,
// no person's handle in the made-up account shapes of testimonial spam,
// and the same posts from the same seed.
func TestCreditExamples(t *testing.T) {
	pages := []page{{title: "River", text: "The river [[Category:Rivers]]"}}
	ex := creditExamples(13, pages)
	if len(ex) != perCredit*len(langs) {
		t.Fatalf("%d credit posts, want %d", len(ex), perCredit*len(langs))
	}
	again := creditExamples(13, pages)
	for i, e := range ex {
		if e.label || !strings.HasPrefix(e.kind, "aug-ham-credit-") {
			t.Errorf("%s: label %v kind %s, want good faith of kind aug-ham-credit-*", e.id, e.label, e.kind)
		}
		if !strings.Contains(e.text, "@") || strings.HasPrefix(e.text, "@") {
			t.Errorf("%s: %q should credit a handle and not open with one", e.id, e.text)
		}
		for _, w := range strings.Fields(e.text) {
			if strings.HasPrefix(w, "@") && strings.ContainsAny(w, "0123456789") {
				t.Errorf("%s: handle %s in %q has digits, the shape of a made-up account", e.id, w, e.text)
			}
		}
		if again[i].text != e.text {
			t.Errorf("%s: not reproducible: %q, then %q", e.id, e.text, again[i].text)
		}
	}
}
