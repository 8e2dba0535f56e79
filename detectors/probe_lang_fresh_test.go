package detectors

import (
	"strings"
	"testing"
)

// freshTestPage is a long page created whole: its length earns every new
// word a discount (the fresh term), more than a lone word's.
const freshTestPage = "{{Infobox river\n| source = the hills north of the old market town\n| mouth = the sea near the harbour\n}}\n" +
	"The river rises in the hills north of the old market town and flows south through a wide valley of " +
	"farms, orchards and small woods before it reaches the sea near the harbour. For most of its length it is slow " +
	"and shallow, and in dry summers children can wade across it at the fords below the mill.\n\n" +
	"The first bridge was built of timber by the monks of the abbey, who collected a toll from every cart that " +
	"crossed. It was washed away by a flood in the spring of a wet year and replaced by a stone bridge of five " +
	"arches, which still carries the main road today, although it has been widened twice since then.\n\n" +
	"During the last century the valley was known for its paper mills, which used the clean water of the river " +
	"and the rags collected in the nearby cities. The mills closed one after another when cheaper paper arrived " +
	"from abroad, and most of their buildings were turned into workshops, offices and flats.\n\n" +
	"A railway line followed the river from the harbour to the market town for almost ninety years. Its station " +
	"buildings survive as private houses, and the track bed is now a footpath and cycle route that is popular " +
	"with walkers at weekends, when families picnic on the grassy banks beside the water.\n\n" +
	"The meadows along the lower river flood most winters and are grazed by cattle in summer. They are home to " +
	"rare plants and to many birds, among them herons, kingfishers and several kinds of wading birds that " +
	"arrive in autumn. A small museum in the town tells the story of the valley, its farms, mills and people.\n\n" +
	"The parishes of the valley, from the source to the sea, are Ashcombe, Brindlewick, Cottersby, Dunmarrow, " +
	"Elstanway, Fenwhistle, Gorselby, Hollowmere, Ivesthorpe, Jessingham, Kettlebury, Lowmarsh, Middlecote, " +
	"Nethercombe, Oakhurstley, Pellingford, Quarrendon, Rushwickham, Saltingmere, Thornbury, Upwellham, " +
	"Vernacombe, Wadhurstow, Yarnfield, Ambleside, Barrowcliffe, Carlingwick, Darrowby and Eskerdale.\n\n" +
	"The great flood of 1887 destroyed the lower mill and drowned [[the meadows]] for most of a month.\n\n" +
	"Mills of the valley:\n* the lower mill, for paper made from rags and the river water\n" +
	"* the upper mill, for corn ground for the farms of the valley\n"

// A token slipped between words of the page's own sentence is judged by
// that sentence, not by the page's length (amidOwnWords): caught on a long
// page created whole, after a year or in an infobox's value, where
// loneInProse does not judge it; the page itself stays unflagged, and a
// token among names or of lower-case letters only keeps the length
// discount.
func TestFreshOwnCompany(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	judge := func(text string) Result {
		e := &Edit{Anon: true, New: text, Lang: "en"}
		return Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
	}
	if r := judge(freshTestPage); r.Score >= DefaultProbeThreshold {
		t.Fatalf("the page flagged: %v", r.Suspects)
	}
	for _, tc := range []struct {
		at, tok string
		want    bool
	}{
		{"1887 destroyed", "dUDNUa", true},           // between a year and a word of the page's sentence
		{"1887 destroyed", "wib7t75", true},          // letters and digits there
		{"= the sea near", "mbbajA", true},           // an infobox's value of the page's words
		{"the farms of the valley", "tnvfrks", true}, // a list's item of the page's words (loneInProse)
		{"Ashcombe, Brindlewick", "dUDNUa", false},   // among names: the page's length counts
		{"the hills north of", "nklysmy", false},     // lower-case letters: as often a rare word
	} {
		i := strings.Index(freshTestPage, tc.at)
		if i < 0 {
			t.Fatalf("%q is not in the page", tc.at)
		}
		k := i + strings.IndexByte(tc.at, ' ') + 1
		text := freshTestPage[:k] + tc.tok + " " + freshTestPage[k:]
		first := strings.Fields(tc.tok)[0]
		r := judge(text)
		got := false
		for _, s := range r.Tokens {
			got = got || s == first
		}
		t.Logf("%s: %s", tc.tok, probeTerms(&Edit{Anon: true, New: text, Lang: "en"}, env, first))
		if got != tc.want {
			t.Errorf("%q slipped into %q: flagged %v, want %v (%v)", tc.tok, tc.at, got, tc.want, r.Suspects)
		}
	}
}

// scriptTestPage is a page created in Ukrainian: Cyrillic words, a few
// Latin names and a Latin term after its language's name.
const scriptTestPage = "Річка бере початок на пагорбах на північ від старого міста і тече на південь широкою долиною " +
	"між полями, садами та невеликими лісами, аж поки не впадає в море біля гавані. Улітку вона мілка, " +
	"і діти переходять її вбрід біля млина.\n\n" +
	"Перший міст збудували з дерева ченці монастиря, які брали плату з кожного воза. Весняна повінь " +
	"зруйнувала його, і на його місці звели кам'яний міст на п'ять арок, яким досі йде головна дорога.\n\n" +
	"У минулому столітті долина славилася паперовими млинами, що працювали на чистій воді річки. " +
	"Про них писав англійський мандрівник John Wood у книзі «A Journey», а місцеві жителі називали " +
	"найстаріший млин латинським словом (лат. molendinum).\n\n" +
	"Луки вздовж нижньої течії заливає майже щозими, а влітку там пасуться корови. Тут живуть " +
	"рідкісні рослини і багато птахів, серед них чаплі та рибалочки, що прилітають восени.\n"

// A word in Latin letters alone between words of a page in another
// script stands out as a token does (aloneInScript): caught on a page
// created whole, where the length discount counts the page's few Latin
// words; the page itself, with its names and a Latin term, stays
// unflagged.
func TestAloneInScript(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)} // no Ukrainian one: its script is the page's words
	judge := func(text string) Result {
		e := &Edit{Anon: true, New: text, Lang: "uk"}
		return Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
	}
	if r := judge(scriptTestPage); r.Score >= DefaultProbeThreshold {
		t.Fatalf("the page flagged: %v", r.Suspects)
	}
	for _, tc := range []struct{ at, tok string }{
		{"широкою долиною", "enztka"},
		{"рідкісні рослини", "tylegog"},
	} {
		i := strings.Index(scriptTestPage, tc.at)
		if i < 0 {
			t.Fatalf("%q is not in the page", tc.at)
		}
		k := i + strings.IndexByte(tc.at, ' ') + 1
		text := scriptTestPage[:k] + tc.tok + " " + scriptTestPage[k:]
		r := judge(text)
		got := false
		for _, s := range r.Tokens {
			got = got || s == tc.tok
		}
		t.Logf("%s: %s", tc.tok, probeTerms(&Edit{Anon: true, New: text, Lang: "uk"}, env, tc.tok))
		if !got {
			t.Errorf("%q slipped into %q: not flagged (%v)", tc.tok, tc.at, r.Suspects)
		}
	}
}
