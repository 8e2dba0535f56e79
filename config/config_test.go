package config

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

const testdata = "../testdata/config/"

// required is Default with the keys minimal.yaml and full.yaml set.
func required() Config {
	c := Default()
	c.Wiki.API = "http://127.0.0.1:8080/api.php"
	c.Wiki.Username = "Warden@patrol"
	c.Store.Path = "wikiwarden.db"
	return c
}

func parseFile(t *testing.T, name string) *Config {
	t.Helper()
	f, err := os.Open(testdata + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, err := Parse(f)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return c
}

func TestLoadInvalid(t *testing.T) {
	// $FILE stands for the config file's path, which Load puts before every
	// problem.
	tests := []struct {
		file string
		want string
	}{
		{"invalid-unknown-key.yaml",
			`$FILE:5: patrol.shedule: unknown key; remove it or check its spelling`},
		{"invalid-duplicate.yaml",
			`$FILE:6: store.path: set twice (first on line 5); keep only one`},
		{"invalid-section.yaml",
			`$FILE:1: wiki: want a mapping of keys, got "http://127.0.0.1:8080/api.php"; indent its keys under "wiki:"`},
		{"invalid-syntax.yaml",
			`$FILE:3: invalid YAML: mapping values are not allowed in this context; fix the YAML syntax`},
		{"invalid-type.yaml",
			`$FILE:4: wiki.maxlag: want a whole number, got "five"` + "\n" +
				`$FILE:6: patrol.namespaces: want a list of whole numbers, got "0"; write it as a list, e.g. [0]`},
		{"invalid-duration.yaml",
			`$FILE:5: patrol.lookback: invalid duration "1 day": unknown unit " day"; use a Go duration such as "90m" or "24h", or days/weeks such as "30d" or "2w"`},
		{"invalid-missing-api.yaml",
			`$FILE: wiki.api: missing; set wiki.api to your wiki's api.php URL, e.g. https://wiki.example.org/w/api.php`},
		{"invalid-api-url.yaml",
			`$FILE: wiki.api: invalid URL "127.0.0.1:8080/api.php"; set wiki.api to your wiki's api.php URL, e.g. https://wiki.example.org/w/api.php`},
		{"invalid-cron.yaml",
			`$FILE: patrol.schedule: invalid cron spec "every 5 min": expected exactly 5 fields, found 3: [every 5 min]; use a 5-field cron spec or "@every 5m"`},
		{"invalid-store-dir-missing.yaml",
			`$FILE: store.path: directory "/nonexistent-wikiwarden-dir" does not exist; create it or point store.path elsewhere`},
		{"invalid-store-dir-file.yaml",
			`$FILE: store.path: "../testdata/config/full.yaml" is not a directory; point store.path at a file inside a writable directory`},
		{"invalid-threshold.yaml",
			`$FILE: detectors.probe_threshold: 1.5 is out of range; use a number from 0 to 1, e.g. 0.5`},
		{"invalid-notice.yaml",
			`$FILE: patrol.notice.registered.probe: "sometimes" is not a rule; use "always", "weak" (only on weaker evidence) or "never"` + "\n" +
				`$FILE: patrol.notice.anonymous.vandalism: "vandalism" is not a verdict; use probe, followup_spam, link_spam` + "\n" +
				`$FILE: patrol.report_page: "User talk:Warden/[Mistakes]" is not a valid page title (contains "["); use a title such as "User:Warden/Notice", "" for the default, or "none"`},
		{"invalid-detector.yaml",
			`$FILE: detectors.enabled: unknown detector "spam"; use any of probe, links`},
		{"invalid-range-prefix.yaml",
			`$FILE: response.range_prefix_v4: 8 is out of range; use 16 (the widest range MediaWiki blocks by default) to 32, e.g. 24`},
		{"invalid-retention.yaml",
			`$FILE: store.retention: 1d is shorter than response.watch_window (30d); keep records at least as long as the watch window, e.g. retention: 90d`},
		{"invalid-retention-cooldown.yaml",
			`$FILE: store.retention: 90d is shorter than patrol.revert_cooldown (120d); keep records at least as long as the revert cooldown, e.g. retention: 120d`},
		{"invalid-block-duration.yaml",
			`$FILE: response.block_durations: "1 dya" is not a MediaWiki expiry; use a count and unit such as "1 day" or "2 weeks", "infinite", or a timestamp such as "2030-01-01T00:00:00Z"`},
		{"invalid-retry-budget.yaml", strings.Join([]string{
			`$FILE: patrol.retry_budget.attempts: must be from 1 to 100, got 0; use e.g. 5`,
			`$FILE: patrol.retry_budget.max_age: must be positive, got 0s; use e.g. "1h"`,
		}, "\n")},
		{"invalid-deletion-template.yaml",
			`$FILE: patrol.deletion_template: "delete this page" is not a template; use one template on one line such as "{{delete|$1}}" ($1 is the reason), or "" to leave created spam pages for a human`},
		{"invalid-review.yaml", strings.Join([]string{
			`$FILE: review.listen: "localhost" is not a host:port; use e.g. "127.0.0.1:8470", or "" to turn it off`,
			`$FILE: review.groups: empty, so nobody can log in to the console; list the wiki groups of your moderators, e.g. [sysop]`,
			`$FILE: review.session_ttl: must be positive, got 0s; use e.g. "12h"`,
			`$FILE: review.trusted_proxies: "10.0.0.0/33" is not an address or range; list addresses or CIDR ranges such as "127.0.0.1" or "10.0.0.0/8"`,
			`$FILE: metrics.listen: ":99999" is not a host:port; use e.g. "127.0.0.1:8470", or "" to turn it off`,
		}, "\n")},
		{"invalid-store-backup.yaml", strings.Join([]string{
			`$FILE: store.backup.schedule: invalid cron spec "daily": expected exactly 5 fields, found 1: [daily]; use a 5-field cron spec or "@daily"`,
			`$FILE: store.backup.path: "../testdata/config/wikiwarden.db" is store.path itself; point it at another file, ideally on another disk`,
		}, "\n")},
		{"invalid-shared.yaml", strings.Join([]string{
			`$FILE: shared.dsn_env: holds a connection string, not the name of an environment variable; put the connection string in an environment variable (e.g. WIKIWARDEN_SHARED_DSN) and name it here`,
			`$FILE: shared.max_conns: must be from 2 to 100, got 1; use e.g. 4`,
			`$FILE: shared.sync: must be positive, got 0s; use e.g. "30s"`,
		}, "\n")},
		{"invalid-shared-kind.yaml",
			`$FILE: shared.kind: unknown kind "mysql"; use "postgres", or "" to keep the memory to this process`},
		{"invalid-shared-dsn.yaml",
			`$FILE: shared.dsn_env: missing with shared.kind postgres; name the environment variable holding the PostgreSQL connection string (e.g. WIKIWARDEN_SHARED_DSN), or set shared.dsn_file`},
		{"invalid-farm.yaml", strings.Join([]string{
			`$FILE: farm.workers: must be from 1 to 256, got 0; use e.g. 4 (more for many slow sites)`,
			`$FILE: farm.max_backoff: must be at least 30s, got 10s; use e.g. "15m"`,
			`$FILE: farm.pass_timeout: 20s is shorter than wiki.timeout (1m); give a pass at least one request's time, e.g. pass_timeout: 10m`,
		}, "\n")},
		{"invalid-log-level.yaml",
			`$FILE: log.level: unknown level "verbose"; use debug, info, warn or error`},
		{"invalid-sites.yaml", strings.Join([]string{
			`$FILE: sites.forum.url: "127.0.0.1:4567" is not an http or https URL; set it to the forum's base URL, e.g. https://forum.example.org`,
			`$FILE: sites.forum.maxlag: not a key of this site's kind; remove it`,
			`$FILE: sites.wiki.name: used twice; give each site its own name`,
			`$FILE: sites.wiki.kind: unknown kind "phpbb"; use mediawiki or nodebb`,
		}, "\n")},
		{"invalid-site-sections.yaml", strings.Join([]string{
			`$FILE: sites.wiki.api: set both here and under mediawiki; keep only mediawiki.api`,
			`$FILE: sites.wiki.mediawiki.maxlag: 99 is out of range; use 0 (off) to 60 seconds, e.g. 5`,
			`$FILE: sites.forum.nodebb.trusted_min_posts: negative; use 0 to turn the rule off, or a count`,
			`$FILE: sites.forum.nodebb.established_posts: 11 is out of range; use 0 (off) to 10 accepted posts, e.g. 3`,
			`$FILE: sites.forum.mediawiki: not a key of this site's kind; remove it; this kind uses nodebb`,
			`$FILE: sites.old.url: not a key of this site's kind; remove it; this kind uses api`,
		}, "\n")},
		{"invalid-review-sites.yaml", strings.Join([]string{
			`$FILE: review.login_site: "forum" is a nodebb site; moderators log in with a mediawiki site's accounts; name a mediawiki site, or "" for the first one`,
			`$FILE: review.sites.forum: no groups, so nobody reviews it; list the login site's groups whose members review it, e.g. [sysop]`,
			`$FILE: review.sites.shop: not a site of this config; use one of wiki, forum`,
		}, "\n")},
		{"invalid-sites-key.yaml",
			`$FILE:5: sites[0].usename: unknown key; remove it or check its spelling`},
		{"invalid-sites-and-wiki.yaml",
			`$FILE: wiki: set together with sites; move the wiki into sites as {name: wiki, kind: mediawiki, api: ..., username: ...}, or drop sites`},
		{"invalid-long-contact.yaml",
			`$FILE: wiki.contact: 215 characters is too long (at most 200); use a user page or an email address, e.g. "User:Admin" or "admin@example.org"`},
		{"invalid-long-strings.yaml", strings.Join([]string{
			`$FILE: wiki.username: 307 characters is too long (at most 300); use the bot's login, e.g. "Warden@patrol"`,
			`$FILE: patrol.shutoff_page: 292 characters is too long (at most 255); use a page title such as "User:Warden/Run"`,
			`$FILE: patrol.summary_prefix: 114 characters is too long (at most 100); use a short prefix such as "wikiwarden:"`,
		}, "\n")},
		{"invalid-many.yaml", strings.Join([]string{
			`$FILE: wiki.api: "ftp://wiki.example.org/api.php" is not an http or https URL; set wiki.api to your wiki's api.php URL, e.g. https://wiki.example.org/w/api.php`,
			`$FILE: wiki.username: missing; set it to the bot's login, e.g. a bot password such as "Warden@patrol" from Special:BotPasswords`,
			`$FILE: wiki.timeout: must be positive, got 0s; use e.g. "30s"`,
			`$FILE: patrol.max_edits_per_pass: must be positive, got 0; use e.g. 5000`,
			`$FILE: response.block_durations: empty while response.block is true; list MediaWiki expiries such as "1 day", "1 week", or set response.block to false`,
			`$FILE: response.range_min_ips: 1 is too small; use 2 or more`,
			`$FILE: response.range_prefix_v6: 8 is out of range; use 19 (the widest range MediaWiki blocks by default) to 128, e.g. 64`,
			`$FILE: store.housekeeping: missing; use a 5-field cron spec or "@hourly"`,
			`$FILE: log.format: unknown format "xml"; use json, text, or "" for the command's default`,
		}, "\n")},
	}

	files, err := filepath.Glob(testdata + "invalid-*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !slices.ContainsFunc(tests, func(tc struct{ file, want string }) bool { return tc.file == filepath.Base(f) }) {
			t.Errorf("%s has no expected error in this table", f)
		}
	}

	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			path := testdata + tc.file
			c, err := Load(path)
			if err == nil {
				t.Fatalf("Load(%s) = %+v, want an error", path, c)
			}
			if want := strings.ReplaceAll(tc.want, "$FILE", path); err.Error() != want {
				t.Errorf("Load(%s) error:\n%s\nwant:\n%s", path, err, want)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("errors.Is(%v, ErrInvalid) = false", err)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope.yaml")
	_, err := Load(path)
	if want := path + ": config file not found; pass --config with the path to your config file"; err == nil || err.Error() != want {
		t.Fatalf("Load(missing) error = %v, want %q", err, want)
	}
	if !errors.Is(err, ErrInvalid) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("error %v should match ErrInvalid and fs.ErrNotExist", err)
	}
}

func TestLoadMinimal(t *testing.T) {
	c, err := Load(testdata + "minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := required()
	// Load resolves the store path against the config file's directory.
	want.Store.Path = filepath.Join(testdata, "wikiwarden.db")
	// and rewrites the wiki shorthand into sites[0].
	want.Sites = want.EffectiveSites()
	if len(c.Sites) != 1 || c.Sites[0].Key != "wiki" || c.Sites[0].Name != DefaultSiteName {
		t.Errorf("Load(minimal.yaml) sites = %+v; want the shorthand as sites[0]", c.Sites)
	}
	if !reflect.DeepEqual(*c, want) {
		t.Errorf("Load(minimal.yaml) =\n%s\nwant\n%s", c.Redacted(), want.Redacted())
	}
	if got, want := c.ShutoffPage(), "User:Warden/Run"; got != want {
		t.Errorf("ShutoffPage() = %q, want %q", got, want)
	}
}

// TestFullIsDefault keeps the annotated example in step with Default: it
// must hold exactly the defaults plus the required keys.
func TestFullIsDefault(t *testing.T) {
	got := parseFile(t, "full.yaml")
	if want := required(); !reflect.DeepEqual(*got, want) {
		t.Errorf("full.yaml differs from Default():\n%s\nwant\n%s", got.Redacted(), want.Redacted())
	}
	if err := got.Validate(); err != nil {
		t.Errorf("full.yaml does not validate: %v", err)
	}
}

// TestFullListsEveryKey checks that full.yaml spells out, with a comment,
// every key Config has, so it can serve as the reference.
func TestFullListsEveryKey(t *testing.T) {
	data, err := os.ReadFile(testdata + "full.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	keys := map[string]*yaml.Node{}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			keys[joinKey(path, k.Value)] = k
			if v.Kind == yaml.MappingNode {
				walk(v, joinKey(path, k.Value))
			}
		}
	}
	walk(doc.Content[0], "")

	for _, key := range configKeys(reflect.TypeFor[Config](), "") {
		k, ok := keys[key]
		switch {
		case !ok:
			t.Errorf("full.yaml lacks %s", key)
		case strings.Contains(key, ".") && k.HeadComment == "" && k.LineComment == "":
			t.Errorf("full.yaml: %s has no comment", key)
		}
	}
}

// configKeys lists the dotted paths of every leaf key under t.
func configKeys(t reflect.Type, path string) []string {
	var keys []string
	for i := range t.NumField() {
		f := t.Field(i)
		key := joinKey(path, yamlName(f))
		if f.Type.Kind() == reflect.Struct && f.Type != durationType {
			keys = append(keys, key)
			keys = append(keys, configKeys(f.Type, key)...)
			continue
		}
		keys = append(keys, key)
	}
	return keys
}

// TestFieldsDocumented: the README's configuration reference comes from the
// fields' doc comments, so every field needs one.
func TestFieldsDocumented(t *testing.T) {
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range []string{"config.go", "sites.go", "shared.go", "farm.go"} {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	sections := map[string]bool{"Config": true, "Site": true}
	for _, s := range []reflect.Type{reflect.TypeFor[Config]()} {
		for i := range s.NumField() {
			if name := s.Field(i).Type.Name(); name != "" {
				sections[name] = true
			}
		}
	}
	found := 0
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok || !sections[ts.Name.Name] {
				return true
			}
			found++
			for _, field := range ts.Type.(*ast.StructType).Fields.List {
				if field.Doc == nil || !strings.HasPrefix(field.Doc.Text(), field.Names[0].Name+" ") {
					t.Errorf("%s.%s: want a doc comment starting with %q", ts.Name.Name, field.Names[0].Name, field.Names[0].Name)
				}
			}
			return false
		})
	}
	if found != len(sections) {
		t.Errorf("found %d of %d config types in config.go, sites.go, shared.go and farm.go", found, len(sections))
	}
}

func TestParseEmpty(t *testing.T) {
	c, err := Parse(strings.NewReader(""))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*c, Default()) {
		t.Errorf("Parse(\"\") = %+v, want Default()", *c)
	}
	err = c.Validate()
	for _, key := range []string{"wiki.api: missing", "wiki.username: missing", "store.path: missing"} {
		if err == nil || !strings.Contains(err.Error(), key) {
			t.Errorf("Validate() = %v, want it to report %q", err, key)
		}
	}
}

func TestParseOverridesDefaults(t *testing.T) {
	c, err := Parse(strings.NewReader(`
patrol:
  trusted_groups: []
  namespaces: [0, 2]
response:
  block: false
  block_durations: []
`))
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	want.Patrol.TrustedGroups = []string{}
	want.Patrol.Namespaces = []int{0, 2}
	want.Response.Block = false
	want.Response.BlockDurations = []string{}
	if !reflect.DeepEqual(*c, want) {
		t.Errorf("Parse =\n%s\nwant\n%s", c.Redacted(), want.Redacted())
	}
	// With block off, an empty block_durations is fine.
	c.Wiki.API, c.Wiki.Username, c.Store.Path = "https://w.example/api.php", "W@p", filepath.Join(t.TempDir(), "w.db")
	if err := c.Validate(); err != nil {
		t.Errorf("Validate() = %v", err)
	}
}

func TestValidateCron(t *testing.T) {
	for _, spec := range []string{"@every 1m", "@hourly", "@daily", "*/5 * * * *", "0 3 * * 1-5"} {
		c := required()
		c.Store.Path = filepath.Join(t.TempDir(), "w.db")
		c.Patrol.Schedule = spec
		c.Detectors.ModelRefresh = ""
		if err := c.Validate(); err != nil {
			t.Errorf("schedule %q: %v", spec, err)
		}
	}
	c := required()
	c.Store.Path = filepath.Join(t.TempDir(), "w.db")
	c.Detectors.ModelRefresh = "0 0 * *"
	want := `detectors.model_refresh: invalid cron spec "0 0 * *": expected exactly 5 fields, found 4: [0 0 * *]; use a 5-field cron spec, "@daily", or "" to turn refreshing off`
	if err := c.Validate(); err == nil || err.Error() != want {
		t.Errorf("Validate() = %v, want %q", err, want)
	}
}

func TestValidateStoreNotWritable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write to any directory")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	c := required()
	c.Store.Path = filepath.Join(dir, "w.db")
	want := `store.path: directory "` + dir + `" is not writable (permission denied); fix its permissions or point store.path elsewhere`
	if err := c.Validate(); err == nil || err.Error() != want {
		t.Errorf("Validate() = %v, want %q", err, want)
	}
}

func TestValidateLeavesNoFiles(t *testing.T) {
	dir := t.TempDir()
	c := required()
	c.Store.Path = filepath.Join(dir, "w.db")
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("Validate left %v in the store directory", ents)
	}
}

func TestPassword(t *testing.T) {
	const secret = "s3cret-b0t-passw0rd"
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == PasswordEnv {
				return v
			}
			return ""
		}
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "pw")
	if err := os.WriteFile(file, []byte("  "+secret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, []byte("\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing")

	tests := []struct {
		name    string
		file    string
		env     string
		want    string
		wantErr string
	}{
		{name: "env", env: secret, want: secret},
		{name: "file trimmed", file: file, want: secret},
		{name: "file wins over env", file: file, env: "other", want: secret},
		{name: "neither", wantErr: "wiki.password_file: not set and WIKIWARDEN_PASSWORD is empty; set WIKIWARDEN_PASSWORD to the bot password, or point wiki.password_file at a file holding it"},
		{name: "unreadable file", file: missing, env: secret,
			wantErr: `wiki.password_file: cannot read "` + missing + `" (no such file or directory); make it readable by wikiwarden, or unset it and set WIKIWARDEN_PASSWORD`},
		{name: "empty file", file: empty, wantErr: `wiki.password_file: "` + empty + `" is empty; put the bot password in it`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := required()
			c.Wiki.PasswordFile = tc.file
			got, err := c.Password(env(tc.env))
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("Password() = %q, %v; want error %q", got, err, tc.wantErr)
				}
				if !errors.Is(err, ErrInvalid) {
					t.Errorf("error does not match ErrInvalid")
				}
				if strings.Contains(err.Error(), secret) {
					t.Errorf("error reveals the password: %v", err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("Password() = %q, %v; want %q", got, err, tc.want)
			}
			if r := c.Redacted(); strings.Contains(r, secret) {
				t.Errorf("Redacted() reveals the password:\n%s", r)
			}
		})
	}
}

func TestRedacted(t *testing.T) {
	c := required()
	c.Patrol.Namespaces = []int{0, 4}
	c.Response.WatchWindow = Duration(36 * time.Hour)
	out := c.Redacted()
	back, err := Parse(strings.NewReader(out))
	if err != nil {
		t.Fatalf("Parse(Redacted()): %v\n%s", err, out)
	}
	if !reflect.DeepEqual(*back, c) {
		t.Errorf("Redacted() does not read back as the same config:\n%s", out)
	}
	for _, want := range []string{"watch_window: 36h\n", "retention: 90d\n", "schedule: '@every 1m'\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("Redacted() lacks %q:\n%s", want, out)
		}
	}

	c.Wiki.API = "https://bot:hunter2@wiki.example.org/w/api.php"
	if out := c.Redacted(); strings.Contains(out, "hunter2") || !strings.Contains(out, "https://bot:xxxxx@wiki.example.org/w/api.php") {
		t.Errorf("Redacted() does not mask the URL's password:\n%s", out)
	}
	c.Wiki.API = "ftp://bot:hunter2@wiki.example.org/w/api.php"
	if err := c.Validate(); err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("Validate() = %v; want an error without the URL's password", err)
	}
}

func TestDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		out  string
	}{
		{"0", 0, "0s"},
		{"90s", 90 * time.Second, "1m30s"},
		{"90m", 90 * time.Minute, "1h30m"},
		{"30m", 30 * time.Minute, "30m"},
		{"24h", 24 * time.Hour, "1d"},
		{"36h", 36 * time.Hour, "36h"},
		{"720h", 720 * time.Hour, "30d"},
		{"30d", 30 * day, "30d"},
		{"2w", 2 * week, "2w"},
		{"1w2d12h", week + 2*day + 12*time.Hour, "228h"},
		{"1.5d", 36 * time.Hour, "36h"},
		{"500ms", 500 * time.Millisecond, "500ms"},
	}
	for _, tc := range tests {
		d, err := ParseDuration(tc.in)
		if err != nil || time.Duration(d) != tc.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", tc.in, time.Duration(d), err, tc.want)
			continue
		}
		if got := d.String(); got != tc.out {
			t.Errorf("Duration(%v).String() = %q, want %q", tc.want, got, tc.out)
		}
		if back, err := ParseDuration(d.String()); err != nil || back != d {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", d.String(), back, err, d)
		}
	}
	for _, bad := range []string{"", "30", "1 day", "-1h", "d", "3x", "1.2.3d", "99999999w"} {
		if d, err := ParseDuration(bad); err == nil {
			t.Errorf("ParseDuration(%q) = %v, want an error", bad, d)
		}
	}
}

func TestShutoffPage(t *testing.T) {
	for _, tc := range []struct{ user, page, want string }{
		{"Warden@patrol", "", "User:Warden/Run"},
		{"Warden", "", "User:Warden/Run"},
		{"Warden@patrol", "none", ""},
		{"Warden@patrol", "Project:Wikiwarden/Run", "Project:Wikiwarden/Run"},
	} {
		c := required()
		c.Wiki.Username, c.Patrol.ShutoffPage = tc.user, tc.page
		if got := c.ShutoffPage(); got != tc.want {
			t.Errorf("user %q, shutoff_page %q: ShutoffPage() = %q, want %q", tc.user, tc.page, got, tc.want)
		}
	}
}

func TestWarnings(t *testing.T) {
	c := required()
	c.Wiki.Contact = "User:Admin"
	if w := c.Warnings(); len(w) != 0 {
		t.Errorf("Warnings() = %q, want none", w)
	}
	c.Wiki.Username = "Warden"
	c.Wiki.API = "http://wiki.example.org/api.php"
	c.Wiki.Contact = ""
	w := strings.Join(c.Warnings(), "\n")
	for _, key := range []string{"wiki.username:", "wiki.contact:", "wiki.api:"} {
		if !strings.Contains(w, key) {
			t.Errorf("Warnings() = %q, want one about %s", w, key)
		}
	}
	// A plain account name is a warning, not an error.
	c.Store.Path = filepath.Join(t.TempDir(), "w.db")
	if err := c.Validate(); err != nil {
		t.Errorf("Validate() = %v", err)
	}
}

func TestValidExpiry(t *testing.T) {
	valid := []string{
		"infinite", "indefinite", "infinity", "never", "Infinite", " never ",
		"1 day", "2 days", "31 hours", "1 week", "3 Weeks", "6 MONTHS", "1 year", "10 years",
		"90 seconds", "1 second", "45 minutes", "1  day",
		"2030-01-01T00:00:00Z", "2030-01-01T00:00:00+02:00", "2030-01-01T00:00:00.5Z",
		"2030-01-01T00:00:00", "2030-01-01",
	}
	invalid := []string{
		"", "1 dya", "day", "1", "0 days", "-1 day", "1.5 days", "1day", "1 days ago",
		"1 day|2 days", "forever", "1 fortnight", "2030-13-01", "2030-01-01T25:00:00Z", "next monday",
	}
	for _, s := range valid {
		if !validExpiry(s) {
			t.Errorf("validExpiry(%q) = false, want true", s)
		}
	}
	for _, s := range invalid {
		if validExpiry(s) {
			t.Errorf("validExpiry(%q) = true, want false", s)
		}
	}
}

func TestValidateRetention(t *testing.T) {
	c := required()
	c.Store.Path = filepath.Join(t.TempDir(), "wikiwarden.db")
	c.Store.Retention = c.Response.WatchWindow
	c.Patrol.RevertCooldown = c.Response.WatchWindow
	if err := c.Validate(); err != nil {
		t.Errorf("retention equal to the watch window and cooldown: %v", err)
	}
	c.Patrol.RevertCooldown = 0
	if err := c.Validate(); err != nil {
		t.Errorf("revert_cooldown 0: %v", err)
	}
}

func TestValidateHugeValues(t *testing.T) {
	// A 5 MB contact or prefix is reported by its length, never repeated.
	huge := strings.Repeat("x", 5<<20)
	for _, tc := range []struct {
		key string
		set func(*Config)
	}{
		{"wiki.contact", func(c *Config) { c.Wiki.Contact = huge }},
		{"wiki.api", func(c *Config) { c.Wiki.API = "https://" + huge }},
		{"patrol.summary_prefix", func(c *Config) { c.Patrol.SummaryPrefix = huge }},
		{"response.block_durations", func(c *Config) { c.Response.BlockDurations = []string{"1 day", huge, huge} }},
		{"patrol.trusted_groups", func(c *Config) { c.Patrol.TrustedGroups = []string{huge} }},
	} {
		c := Default()
		c.Wiki.API, c.Wiki.Username, c.Store.Path = "https://wiki.example.org/w/api.php", "Warden@patrol", filepath.Join(t.TempDir(), "w.db")
		tc.set(&c)
		err := c.Validate()
		if err == nil || !errors.Is(err, ErrInvalid) {
			t.Fatalf("%s: Validate = %v, want an error", tc.key, err)
		}
		if msg := err.Error(); len(msg) > 300 || !strings.HasPrefix(msg, tc.key+": ") || !strings.Contains(msg, "too long") || strings.Count(msg, "\n") != 0 {
			t.Errorf("%s: error (%d bytes) = %.300s", tc.key, len(msg), msg)
		}
	}
	c := Default()
	c.Wiki.API, c.Wiki.Username, c.Store.Path = "https://wiki.example.org/w/api.php", "Warden@patrol", filepath.Join(t.TempDir(), "w.db")
	c.Wiki.Contact = "User:Admin\r\nX-Evil: 1"
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "wiki.contact: contains a line break") {
		t.Errorf("contact with a line break: %v", err)
	}
}

func TestReviewWarnings(t *testing.T) {
	c := required()
	c.Wiki.Contact = "User:Admin"
	c.Review.Listen = "0.0.0.0:8470"
	if w := c.Warnings(); len(w) != 1 || !strings.HasPrefix(w[0], "review.listen:") {
		t.Errorf("Warnings() = %q, want one about review.listen", w)
	}
	c.Review.TrustedProxies = []string{"10.0.0.1"}
	if w := c.Warnings(); len(w) != 0 {
		t.Errorf("behind a trusted proxy: Warnings() = %q", w)
	}
	if p, err := ParseProxy("::ffff:10.0.0.1"); err != nil || p.String() != "10.0.0.1/32" {
		t.Errorf("ParseProxy = %v, %v", p, err)
	}
}
