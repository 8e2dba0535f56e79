package main

import (
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
