package spamscore

import (
	"strings"
	"testing"
)

func TestReputableSource(t *testing.T) {
	for _, c := range []struct {
		url, domain string
		want        bool
	}{
		{"https://www.bbc.co.uk/news/science-environment-1234", "bbc.co.uk", true},
		{"https://physics.example.edu/papers/2019/lens.pdf", "example.edu", true},
		{"https://www.youtube.com/watch?v=abc123", "youtube.com", true}, // a video
		{"https://www.youtube.com/@cheapdeals", "youtube.com", false},   // a channel is its owner's
		{"https://github.com/someone", "github.com", true},              // a repository host, not a profile platform
		{"https://cheap-deals.example/offers", "cheap-deals.example", false},
	} {
		if got := ReputableSource(c.url, c.domain); got != c.want {
			t.Errorf("ReputableSource(%q, %q) = %v, want %v", c.url, c.domain, got, c.want)
		}
	}
}

func TestAnchorRelated(t *testing.T) {
	page := strings.Repeat("The Agnostida are an order of small arthropods known from Cambrian rocks; an Essay on them was written in 1902. ", 4)
	for _, c := range []struct {
		anchor, page string
		want         bool
	}{
		{"Order Agnostida", page, true},
		{"Agnostida arthropods", page, true},
		{"Cambrian Agnostida fossils", page, true},
		{"Agnostida", page, false},               // one word
		{"small arthropods", page, false},        // the page's words, no name
		{"write my essay", page, false},          // a name of the page, not in the anchor
		{"Essay writing service", page, false},   // more unrelated words than related
		{"Spring discounts today", page, false},  // unrelated
		{"Order Agnostida", "Agnostida.", false}, // page too short to tell
		{"Order Agnostidae", page, false},        // no whole word
	} {
		if got := AnchorRelated(c.anchor, c.page); got != c.want {
			t.Errorf("AnchorRelated(%q) = %v, want %v", c.anchor, got, c.want)
		}
	}
}
