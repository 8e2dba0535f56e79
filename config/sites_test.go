package config

import (
	"strings"
	"testing"
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
	if w.Schedule != "@every 1m" || *w.MaxLag != 5 || w.Shutoff() != "User:Warden/Run" || w.PasswordEnv != "WIKIWARDEN_PASSWORD_WIKI" {
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
	if len(sites) != 1 || sites[0].Name != DefaultSiteName || sites[0].Kind != KindMediaWiki || sites[0].API != c.Wiki.API ||
		sites[0].PasswordEnv != PasswordEnv || sites[0].Shutoff() != c.ShutoffPage() {
		t.Errorf("shorthand sites = %+v", sites)
	}
}
