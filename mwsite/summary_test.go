package mwsite

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/decision"
)

var update = flag.Bool("update", false, "rewrite testdata/mwsite/*.golden")

// TestEditSummaries checks the edit summaries the bot writes into page
// histories against testdata/mwsite/summaries.golden (go test -update rewrites it).
func TestEditSummaries(t *testing.T) {
	const anon = "192.0.2.10"
	probe := []string{"xkqzvbwpl"}
	twoTokens := []string{"xkqzvbwpl", "qqwrtzpl"}
	spam := []string{"cheap-pills.test", "casino.test", "loans.test", "watches.test"}
	oneLink := spam[:1]
	cases := []struct {
		name    string
		d       decision.Decision
		items   []string
		shutoff string
	}{
		{"probe", decision.Decision{Verdict: decision.VerdictProbe}, probe, "User:Warden/Run"},
		{"probe, two tokens, no shutoff page", decision.Decision{Verdict: decision.VerdictProbe}, twoTokens, ""},
		{"follow-up from a probing range", decision.Decision{Verdict: decision.VerdictFollowUpSpam, Why: []decision.Reason{decision.WhyFollowUpRange}}, spam, "User:Warden/Run"},
		{"follow-up on a probed page", decision.Decision{Verdict: decision.VerdictFollowUpSpam, Why: []decision.Reason{decision.WhyFollowUpPage}}, oneLink, "User:Warden/Run"},
		{"standalone link spam", decision.Decision{Verdict: decision.VerdictLinkSpam}, spam, "User:Warden/Run"},
	}
	var b strings.Builder
	for _, c := range cases {
		g := bot.Grounds{Decision: c.d, Domains: c.items}
		if c.d.Verdict == decision.VerdictProbe {
			g = bot.Grounds{Decision: c.d, Tokens: c.items}
		}
		b.WriteString("# " + c.name + "\n" + EditSummary("wikiwarden:", anon, g, c.shutoff) + "\n")
	}
	path := filepath.Join("..", "testdata", "mwsite", "summaries.golden")
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("edit summaries differ from %s (go test -update rewrites it):\n%s", path, got)
	}
}

func TestEditSummaryLimit(t *testing.T) {
	long := bot.Grounds{Decision: decision.Decision{Verdict: decision.VerdictProbe}, Tokens: []string{strings.Repeat("ä", 400)}}
	s := EditSummary("wikiwarden:", "192.0.2.10", long, "")
	if len(s) > maxSummary || !utf8.ValidString(s) || !strings.HasSuffix(s, "…") {
		t.Errorf("summary of %d bytes, valid UTF-8 %v: want at most %d, cut on a rune, ending in …", len(s), utf8.ValidString(s), maxSummary)
	}
}
