package detectors

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestCliticShape(t *testing.T) {
	for w, want := range map[string]int{
		"kaMjobi": 2, "eMzantsi": 1, "lwePAM": 3, "yeBancABC": 2, "bPáirc": 1, "tSeanad": 1,
		"EziNcwadi": 3, "KwaZulu": 3, "McDonald": 2,
		"kaM": -1, "kaMj": -1, "ngapheMzantsi": -1, "XAbc": -1, "iPhone7": -1, "PublishersManuscript": -1,
		"kaMjobiXYZABCD": -1, "xkQzvbw": 2, "abcdefg": -1, "ABC": -1,
	} {
		i, ok := cliticShape(w)
		if !ok {
			i = -1
		}
		if i != want {
			t.Errorf("cliticShape(%q) = %d, want %d", w, i, want)
		}
	}
}

// A name with a clitic is spared in a text that writes the construction
// elsewhere, and only there; a random draw of both cases seldom is.
func TestPageClitic(t *testing.T) {
	xhosa := "Le ncwadi ibhalwe nguMongameli kwiNkomfa yaseMzantsi. EziNcwadi zaMabali zipapashwe ngo-2010 kwaye zifundwa zizikolo ezininzi. "
	prober := func(text string) *prober {
		e := &Edit{New: text}
		p := new(prober)
		p.reset(BaseModel(), Diff(e.Old, e.New), true)
		p.setWords(e, &Env{})
		p.langDone = true
		p.words = p.sc.read(e.Format, p.text, p.a.spans, p.words)
		return p
	}
	p := prober(xhosa + "Yabhalwa kaMjobi lwePAM zeBomi kaXqzt.")
	for w, want := range map[string]bool{"kaMjobi": true, "lwePAM": false, "zeBomi": true, "kaXqzt": false, "xkQzvbw": false} {
		if got := p.pageClitic(w); got != want {
			t.Errorf("pageClitic(%q) = %v, want %v", w, got, want)
		}
	}
	en := prober("Dan dia berdoa kepada Tuhan.")
	en.langDict = NewWordSet([]string{"syurga", "kasih", "dan"})
	for w, want := range map[string]bool{"SyurgaMu": true, "kasihNya": true, "kasihNYA": false, "danKu": false, "syurgaXq": false} {
		if got := en.pageClitic(w); got != want {
			t.Errorf("pageClitic(%q) = %v, want %v", w, got, want)
		}
	}
	if prober("The castle of kaMjobi was built on a hill above the river.").pageClitic("kaMjobi") {
		t.Error("a clitic spared in a text that writes no other")
	}
	rng := rand.New(rand.NewPCG(5, 6))
	spared, n := 0, 20000
	var sb strings.Builder
	for range n {
		sb.Reset()
		for range 6 + rng.IntN(7) {
			c := byte('a' + rng.IntN(26))
			if rng.IntN(2) == 0 {
				c -= 'a' - 'A'
			}
			sb.WriteByte(c)
		}
		if w := sb.String(); strings.ContainsAny(w, "abcdefghijklmnopqrstuvwxyz") && p.pageClitic(w) {
			spared++
		}
	}
	if spared*200 > n {
		t.Errorf("%d of %d random mixed-case tokens spared, want under 0.5%%", spared, n)
	}
	t.Logf("%d of %d random mixed-case tokens spared", spared, n)
}
