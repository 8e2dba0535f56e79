package main

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/spamscore"
)

// TestPrizeTexts checks the prize genre in every augmented language: each
// language has claims and good-faith talk of its own, every claim carries
// a link or domain the model finds, and every good-faith text exactly one
// link, to a site that is not the claim's kind of throwaway domain.
func TestPrizeTexts(t *testing.T) {
	a := &augmenter{r: rand.New(rand.NewPCG(3, 4))}
	for i := range langs {
		l := &langs[i]
		p, ok := prizes[l.code]
		if !ok || len(p.claim) < 4 || len(p.talk) < 3 {
			t.Errorf("%s: %d claims and %d good-faith lines, want 4 and 3 of its own", l.code, len(p.claim), len(p.talk))
			continue
		}
		for range 30 {
			s := a.prizeSpam(l)
			if _, cs := spamscore.Vectorize(spamscore.Doc{Text: s}, bits); len(cs) == 0 || cs[0].Domain == "" {
				t.Errorf("%s: claim %q has no link or domain", l.code, s)
			}
			h := a.prizeHam(l)
			_, cs := spamscore.Vectorize(spamscore.Doc{Text: h}, bits)
			if len(cs) != 1 || !strings.HasPrefix(cs[0].Text, "https://") {
				t.Errorf("%s: good-faith %q has contacts %+v, want one URL", l.code, h, cs)
			}
		}
	}
}

// TestUploadURL checks that the spammer's own videos are links to single
// videos (no channel, no reputable citation), as the good-faith comments'
// shared videos are.
func TestUploadURL(t *testing.T) {
	a := &augmenter{r: rand.New(rand.NewPCG(5, 6))}
	for range 40 {
		u := a.uploadURL()
		text := "my new video, please watch " + u
		if dense(text, "a link to a profile") || dense(text, "a reference-type domain") {
			t.Errorf("%s: read as a channel or a reputable citation", u)
		}
		if !strings.Contains(u, "youtu") {
			t.Errorf("uploadURL() = %q, want a YouTube video", u)
		}
	}
}
