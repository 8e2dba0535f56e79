package bot

import (
	"testing"

	"github.com/wikiwarden/wikiwarden/spamscore"
	"github.com/wikiwarden/wikiwarden/store"
)

// TestSiteSpamLayerReadsNGrams checks the layer's n-gram evidence: a
// second wave that shares the first wave's words on a new domain is
// raised, and text that shares little with it (the link's shape and a few
// common n-grams) is raised little, not by its one strongest shared
// n-gram.
func TestSiteSpamLayerReadsNGrams(t *testing.T) {
	var exs []store.SpamExample
	for i, add := range []string{
		"Many aquarium keepers combine this with [https://www.kestrava.com/algae-control algae control for aquariums].",
		"Many aquarium keepers combine a tank with [https://www.lorvanta.com/filters filters for planted aquariums].",
		"Aquarium keepers often combine this with [https://www.meridova.com/uv-sterilizer UV sterilizers for aquariums].",
	} {
		exs = append(exs, store.SpamExample{RevID: int64(i + 1), Label: store.SpamLabelSpam, Keys: spamKeys(spamscore.Doc{Text: add})})
	}
	l := newSiteSpam(exs)
	wave := l.LogOdds(spamscore.Doc{Text: "Many aquarium keepers combine this with [https://www.tessavio.com/co2-systems CO2 systems for planted aquariums]."})
	other := l.LogOdds(spamscore.Doc{Text: "The town hall was rebuilt in 1890 after the fire, see [https://www.stadtarchiv-beispiel.de/rathaus the archive]."})
	if wave < 3 {
		t.Errorf("second wave: %+.2f log-odds, want at least +3", wave)
	}
	if other > 1 {
		t.Errorf("unrelated text: %+.2f log-odds, want at most +1", other)
	}
}
