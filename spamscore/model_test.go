package spamscore

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDefaultModelFixtures scores the hand-made guards of testdata/: spam
// at or above the bot's "signals" probability, good-faith text below it.
func TestDefaultModelFixtures(t *testing.T) {
	start := time.Now()
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("model decoded in %v", time.Since(start))
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if len(paths) == 0 {
		t.Fatal("no fixtures")
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(p)
		d := Doc{Text: strings.TrimSpace(string(data))}
		r := m.Score(d)
		spam := strings.HasPrefix(name, "spam-")
		if spam && r.Prob < 0.5 || !spam && r.Prob >= 0.5 {
			t.Errorf("%s: p=%.3f", name, r.Prob)
		}
		t.Logf("%s: p=%.3f contacts=%d top=%v", name, r.Prob, len(r.Contacts), m.Explain(d, 4))
	}
}

// TestHashedCap checks that the hashed n-grams count at most HashedCap
// either way in a score: a long text full of words the model knows is
// still judged mostly by its named features.
func TestHashedCap(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("You can set the timeout with the --timeout flag; the default is 30 seconds, see the documentation. ", 20) +
		"https://go.dev/doc"
	d := Doc{Text: text}
	named, hashed, capped := m.Parts(d)
	if capped > HashedCap || capped < -HashedCap || (hashed >= -HashedCap && hashed <= HashedCap && capped != hashed) {
		t.Errorf("hashed %.2f capped to %.2f, cap %.1f", hashed, capped, HashedCap)
	}
	z := capped
	for _, v := range named {
		z += v
	}
	if got, want := m.Score(d).Prob, m.calibrate(z); math.Abs(got-want) > 1e-4 {
		t.Errorf("Score %.5f, named features plus capped n-grams give %.5f", got, want)
	}
}

// TestScoreReusesNothing checks that a score does not depend on what the
// pooled extractor read before.
func TestScoreReusesNothing(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ham := Doc{Text: "The bridge was completed in 1932, see [https://www.bbc.co.uk/news/1 BBC]."}
	spam := Doc{Text: "Заработок 5000 ₽ в день, пиши @job_fast, казино и кредит без отказа, скидки! t.me/x_bot"}
	first := m.Score(ham).Prob
	for i := 0; i < 5; i++ {
		m.Score(spam)
	}
	if again := m.Score(ham).Prob; again != first {
		t.Errorf("ham scored %.4f, then %.4f after spam", first, again)
	}
}

// TestBucketIsTheHashNotTheIndex: the bucket a text's n-grams count in
// depends on the text and the table size only, so a store's per-site
// counts keyed by bucket survive a model with more named features.
func TestBucketIsTheHashNotTheIndex(t *testing.T) {
	const bits = 16
	d := Doc{Text: "Günstige Kredite sofort ohne Schufa, jetzt beantragen: kredit-sofort.example"}
	v, _ := Vectorize(d, bits)
	hashed := 0
	for _, idx := range v.Idx {
		b, ok := Bucket(int(idx))
		if !ok {
			if DenseName(int(idx)) == "" {
				t.Errorf("index %d is neither a named feature nor a bucket", idx)
			}
			continue
		}
		hashed++
		if b < 0 || b >= 1<<bits {
			t.Errorf("bucket %d of index %d is outside a table of 2^%d", b, idx, bits)
		}
		if int(idx)-b != fDense {
			t.Errorf("bucket %d of index %d does not discount the %d named features", b, idx, fDense)
		}
	}
	if hashed == 0 {
		t.Fatal("no hashed n-gram counted")
	}
	if _, ok := Bucket(0); ok {
		t.Error("the first named feature reads as a bucket")
	}
}

// TestScoreContacts: a text with no place to send its reader is not scored;
// one with a contact point of any kind gets Score's verdict.
func TestScoreContacts(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"The river rises in the hills and flows north for 40 km.", false},
		{"{{Infobox river|name=Aa|length=40 km}} [[Category:Rivers]]", false},
		{"Best loans here: http://cheap-loans.example/apply", true},
		{"Best loans, write to @loanbossbot on Telegram", true},
		{"Cheap loans at CHEAPLOANS.COM today", true},
		{"Call +1 202 555 0147 for instant loans on whatsapp", true},
		{"see www.example.org for the minutes", true},
	} {
		d := Doc{Text: tc.text}
		r, ok := m.ScoreContacts(d)
		if ok != tc.want {
			t.Errorf("%q: scored %v, want %v", tc.text, ok, tc.want)
			continue
		}
		if want := m.Score(d); ok && (r.Prob != want.Prob || len(r.Contacts) != len(want.Contacts)) {
			t.Errorf("%q: %v, Score gives %v", tc.text, r, want)
		}
		if !ok && len(m.Score(d).Contacts) != 0 {
			t.Errorf("%q: not scored but Score finds contacts", tc.text)
		}
	}
}
