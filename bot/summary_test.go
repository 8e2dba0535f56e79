package bot

import (
	"flag"
	"github.com/wikiwarden/wikiwarden/decision"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wikiwarden/wikiwarden/detectors"
)

var update = flag.Bool("update", false, "rewrite testdata/bot/*.golden")

// TestEditSummaries checks the edit summaries the bot writes into page
// histories against testdata/bot/summaries.golden (go test -update rewrites it).
func TestEditSummaries(t *testing.T) {
	anon := &detectors.Edit{User: "192.0.2.10", Anon: true}
	probe := []detectors.Result{{Detector: "probe", Score: 0.99, Tokens: []string{"xkqzvbwpl"}}}
	twoTokens := []detectors.Result{{Detector: "probe", Score: 0.99, Tokens: []string{"xkqzvbwpl", "qqwrtzpl"}}}
	spam := []detectors.Result{{Detector: "links", Score: 0.3, Links: []detectors.Link{
		{URL: "https://cheap-pills.test/", Domain: "cheap-pills.test"},
		{URL: "https://casino.test/a", Domain: "casino.test"},
		{URL: "https://casino.test/b", Domain: "casino.test"},
		{URL: "https://loans.test/", Domain: "loans.test"},
		{URL: "https://watches.test/", Domain: "watches.test"},
	}}}
	oneLink := []detectors.Result{{Detector: "links", Score: 0.2, Links: spam[0].Links[:1]}}
	cases := []struct {
		name    string
		d       decision.Decision
		results []detectors.Result
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
		b.WriteString("# " + c.name + "\n" + EditSummary("wikiwarden:", anon, c.d, c.results, c.shutoff) + "\n")
	}
	path := filepath.Join("..", "testdata", "bot", "summaries.golden")
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
	long := []detectors.Result{{Detector: "probe", Tokens: []string{strings.Repeat("ä", 400)}}}
	s := EditSummary("wikiwarden:", &detectors.Edit{User: "192.0.2.10"}, decision.Decision{Verdict: decision.VerdictProbe}, long, "")
	if len(s) > maxSummary || !utf8.ValidString(s) || !strings.HasSuffix(s, "…") {
		t.Errorf("summary of %d bytes, valid UTF-8 %v: want at most %d, cut on a rune, ending in …", len(s), utf8.ValidString(s), maxSummary)
	}
}
