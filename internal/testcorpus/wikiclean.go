package testcorpus

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// The built-in letter model (detectors/basemodel.bin) is trained on the
// shared corpus' pages and on eight more pages in German, Spanish, French and
// Polish that the shared folder does not have: the Wikipedia dump excerpts
// lintool/wikiclean keeps as test fixtures (src/test/resources, Apache-2.0
// code; the Wikipedia text is CC BY-SA). They are read from a bare git mirror
// of that repository at a pinned commit, never copied here. Without them the
// model reads German and Romance letters worse: a Finnish word in an English
// page's interlanguage links (1 page of 109) and made-up words the
// hand-written tests keep as words come out as tokens.
const (
	WikicleanRepo   = "lintool/wikiclean"
	WikicleanCommit = "2f713b3a9000bb1d4b976d80e096cfadee849f70"
)

// MirrorEnv overrides the folder of git mirrors (OWNER+NAME/repo, bare).
const MirrorEnv = "WIKIWARDEN_MIRRORS"

// defaultMirrors is where the project's mirrors live when MirrorEnv is unset.
const defaultMirrors = "/work/.mirror"

// wikicleanPages names each fixture's page as it is named among the corpus'
// pages (its name decides inject.Held, the tuning or held-out half).
var wikicleanPages = map[string]string{
	"src/test/resources/dewiki-20130602-id1.xml":   "non-english/de-alan-smithee.txt",
	"src/test/resources/dewiki-20130602-id111.xml": "non-english/de-ampere.txt",
	"src/test/resources/dewiki-20130602-id5.xml":   "non-english/de-ang-lee.txt",
	"src/test/resources/dewiki-20130602-id81.xml":  "non-english/de-anime.txt",
	"src/test/resources/dewiki-20130602-id89.xml":  "non-english/de-the-visitors.txt",
	"src/test/resources/eswiki-test.xml":           "non-english/es-demograf-a-de-andorra.txt",
	"src/test/resources/frwiki-20121230-id3.xml":   "non-english/fr-antoine-meillet.txt",
	"src/test/resources/plwiki-test.xml":           "non-english/pl-aleksandr-borodin.txt",
}

// MirrorDir returns the git directory of the mirror of repo ("owner/name").
func MirrorDir(repo string) string {
	root := os.Getenv(MirrorEnv)
	if root == "" {
		root = defaultMirrors
	}
	return filepath.Join(root, strings.Replace(repo, "/", "+", 1), "repo")
}

// WikicleanPages reads the eight wikiclean fixtures from the mirror in
// gitDir at WikicleanCommit: each one's <text>, XML entities decoded.
func WikicleanPages(gitDir string) ([]Page, error) {
	var out []Page
	for path, name := range wikicleanPages {
		cmd := exec.Command("git", "--git-dir", gitDir, "show", WikicleanCommit+":"+path)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		b, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("%s: git show %s: %w: %s", WikicleanRepo, path, err, strings.TrimSpace(stderr.String()))
		}
		text, err := pageText(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", WikicleanRepo, path, err)
		}
		out = append(out, Page{Name: name, Text: text})
	}
	slices.SortFunc(out, func(a, b Page) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// pageText returns the text of the one <text> element of a dump excerpt.
func pageText(b []byte) (string, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return "", fmt.Errorf("no <text> element")
		}
		if err != nil {
			return "", err
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "text" {
			var s string
			if err := d.DecodeElement(&s, &se); err != nil {
				return "", err
			}
			return s, nil
		}
	}
}

// ModelPages returns the pages the built-in letter model is trained on (the
// shared corpus' and the wikiclean fixtures), in the order filepath.WalkDir
// would list them were they in one folder. When the mirror is missing the
// test skips, under CI=true too: only the check that the committed model is
// what its training pages make needs it, and a machine without GitHub can
// neither clone the mirror nor be blamed for its absence (.ci/run clones it
// where it can).
func ModelPages(tb TB) []Page {
	tb.Helper()
	pages := Pages(tb)
	dir := MirrorDir(WikicleanRepo)
	more, err := WikicleanPages(dir)
	if err != nil {
		msg := fmt.Sprintf("%v (a mirror of github.com/%s at %s; set %s to the folder of mirrors)", err, WikicleanRepo, dir, MirrorEnv)
		tb.Skipf("%s", msg)
	}
	return MergePages(pages, more)
}

// MergePages merges two lists of pages in the order filepath.WalkDir lists
// paths: by path element, so "non-english/x.txt" sorts as "non-english".
func MergePages(a, b []Page) []Page {
	out := slices.Concat(a, b)
	slices.SortStableFunc(out, func(p, q Page) int {
		return slices.Compare(strings.Split(p.Name, "/"), strings.Split(q.Name, "/"))
	})
	return out
}
