package testcorpus

import (
	"slices"
	"testing"
)

func TestPageText(t *testing.T) {
	const dump = `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.8/">
  <page><title>Probe</title><revision><id>1</id>
    <text xml:space="preserve">'''Probe''' &amp; [[Link|label]] &quot;quoted&quot; &lt;ref&gt;</text>
  </revision></page>
</mediawiki>`
	got, err := pageText([]byte(dump))
	if err != nil {
		t.Fatal(err)
	}
	if want := `'''Probe''' & [[Link|label]] "quoted" <ref>`; got != want {
		t.Errorf("pageText = %q, want %q", got, want)
	}
	if _, err := pageText([]byte("<page><title>No text</title></page>")); err == nil {
		t.Error("pageText of a page without <text>: no error")
	}
}

// MergePages must list pages as filepath.WalkDir walks one folder: a
// folder's pages where the folder's name sorts, not where "name/" would.
func TestMergePages(t *testing.T) {
	a := []Page{{Name: "apple.txt"}, {Name: "non-english/sonne.txt"}, {Name: "non-english-notes.txt"}, {Name: "zebra.txt"}}
	b := []Page{{Name: "non-english/de-ampere.txt"}, {Name: "non-english/pl-borodin.txt"}}
	var got []string
	for _, p := range MergePages(a, b) {
		got = append(got, p.Name)
	}
	want := []string{"apple.txt", "non-english/de-ampere.txt", "non-english/pl-borodin.txt", "non-english/sonne.txt", "non-english-notes.txt", "zebra.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("MergePages = %q, want %q", got, want)
	}
}

func TestModelPages(t *testing.T) {
	pages := ModelPages(t)
	n := 0
	for _, p := range pages {
		if _, ok := slices.BinarySearch(wikicleanNames(), p.Name); ok {
			n++
			if len(p.Text) < 1000 {
				t.Errorf("%s: %d bytes", p.Name, len(p.Text))
			}
		}
	}
	if n != len(wikicleanPages) {
		t.Errorf("%d wikiclean pages among the model's, want %d", n, len(wikicleanPages))
	}
}

func wikicleanNames() []string {
	var names []string
	for _, n := range wikicleanPages {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
