package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestEffectiveSites(t *testing.T) {
	c, err := Parse(strings.NewReader(`
sites:
  - {name: wiki, kind: mediawiki, api: "http://127.0.0.1:8080/api.php", username: Warden@patrol}
  - {name: forum-1, kind: nodebb, url: "http://127.0.0.1:4567", username: warden, password_file: forum.pass, shutoff_page: "3", schedule: "@every 30s"}
store: {path: wikiwarden.db}
`))
	if err != nil {
		t.Fatal(err)
	}
	c.resolvePaths(t.TempDir())
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	sites := c.EffectiveSites()
	if len(sites) != 2 {
		t.Fatalf("got %d sites, want 2", len(sites))
	}
	w, f := sites[0], sites[1]
	if w.Schedule != "@every 1m" || *w.MediaWiki.MaxLag != 5 || w.Shutoff() != "User:Warden/Run" || w.PasswordEnv != "WIKIWARDEN_PASSWORD_WIKI" {
		t.Errorf("wiki site defaults: %+v", w)
	}
	if f.Schedule != "@every 30s" || f.Shutoff() != "3" || !strings.HasSuffix(f.PasswordFile, "/forum.pass") {
		t.Errorf("forum site: %+v", f)
	}
	env := map[string]string{"WIKIWARDEN_PASSWORD_WIKI": "s3cret"}
	if pw, err := w.Password(func(k string) string { return env[k] }); err != nil || pw != "s3cret" {
		t.Errorf("wiki password = %q, %v", pw, err)
	}
	if _, err := f.Password(nil); err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("missing forum password file: %v", err)
	}
}

func TestEffectiveSitesShorthand(t *testing.T) {
	c := required()
	c.Wiki.PasswordFile = ""
	sites := c.EffectiveSites()
	if len(sites) != 1 || sites[0].Name != DefaultSiteName || sites[0].Kind != KindMediaWiki || sites[0].MediaWiki.API != c.Wiki.API ||
		sites[0].PasswordEnv != PasswordEnv || sites[0].Shutoff() != c.ShutoffPage() {
		t.Errorf("shorthand sites = %+v", sites)
	}
}

// TestSiteSectionsAndFlatKeys: a site's per-kind keys read the same
// written flat (as files did) or under mediawiki: and nodebb:, and come out
// of Load in one shape: under the kind's section, the flat fields empty.
func TestSiteSectionsAndFlatKeys(t *testing.T) {
	load := func(body string) []Site {
		t.Helper()
		dir := t.TempDir()
		path := filepath.Join(dir, "wikiwarden.yaml")
		if err := os.WriteFile(path, []byte(body+"store: {path: wikiwarden.db}\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		c, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		return c.Sites
	}
	flat := load(`sites:
  - {name: wiki, kind: mediawiki, api: "http://127.0.0.1:8080/api.php", maxlag: 0, username: Warden@patrol}
  - {name: forum, kind: nodebb, url: "http://127.0.0.1:4567", trusted_min_posts: 20, trusted_min_reputation: 5, username: warden}
`)
	nested := load(`sites:
  - {name: wiki, kind: mediawiki, mediawiki: {api: "http://127.0.0.1:8080/api.php", maxlag: 0}, username: Warden@patrol}
  - {name: forum, kind: nodebb, nodebb: {url: "http://127.0.0.1:4567", trusted_min_posts: 20, trusted_min_reputation: 5}, username: warden}
`)
	if !reflect.DeepEqual(flat, nested) {
		t.Errorf("flat and nested differ:\n%+v\n%+v", flat, nested)
	}
	w, f := nested[0], nested[1]
	if w.MediaWiki.API != "http://127.0.0.1:8080/api.php" || w.MediaWiki.MaxLag == nil || *w.MediaWiki.MaxLag != 0 || w.NodeBB != (NodeBBSite{}) {
		t.Errorf("wiki = %+v", w)
	}
	posts, age := f.NodeBB.Established()
	f.NodeBB.EstablishedPosts, f.NodeBB.EstablishedAge = nil, nil
	if f.NodeBB != (NodeBBSite{URL: "http://127.0.0.1:4567", TrustedMinPosts: 20, TrustedMinReputation: 5}) || f.MediaWiki != (MediaWikiSite{}) {
		t.Errorf("forum = %+v", f)
	}
	if posts != DefaultEstablishedPosts || age != time.Duration(DefaultEstablishedAge) {
		t.Errorf("forum's established accounts: %d posts, %v; want the defaults", posts, age)
	}
	set := load("sites:\n  - {name: forum, kind: nodebb, nodebb: {url: \"http://127.0.0.1:4567\", established_posts: 0, established_age: 7d}, username: w}\n")
	if posts, age := set[0].NodeBB.Established(); posts != 0 || age != 7*24*time.Hour {
		t.Errorf("established_posts 0, established_age 7d read as %d, %v", posts, age)
	}
	for _, s := range flat {
		if s.FlatAPI != "" || s.FlatMaxLag != nil || s.FlatURL != "" || s.FlatTrustedMinPosts != 0 || s.FlatTrustedMinReputation != 0 {
			t.Errorf("site %s keeps flat fields after Load: %+v", s.Name, s)
		}
	}
	if d := load("sites:\n  - {name: wiki, kind: mediawiki, mediawiki: {api: \"http://127.0.0.1:8080/api.php\"}, username: W@p}\n"); *d[0].MediaWiki.MaxLag != DefaultMaxLag {
		t.Errorf("default maxlag = %d", *d[0].MediaWiki.MaxLag)
	}
}
