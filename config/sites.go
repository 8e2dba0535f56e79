package config

import (
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Site kinds a sites entry may have.
const (
	KindMediaWiki = "mediawiki"
	KindNodeBB    = "nodebb"
)

// DefaultSiteName names the one site of the wiki: shorthand.
const DefaultSiteName = "wiki"

// Site is one entry of the "sites" list: a wiki or a forum to patrol, with
// its own login. Keys that do not apply to the entry's kind are errors.
type Site struct {
	// Name identifies the site in logs, the store and --site; letters,
	// digits, "-" and "_". Required and unique.
	Name string `yaml:"name"`
	// Kind is "mediawiki" or "nodebb". Required.
	Kind string `yaml:"kind"`
	// MediaWiki are the settings of a mediawiki site (empty on a forum).
	MediaWiki MediaWikiSite `yaml:"mediawiki"`
	// NodeBB are the settings of a nodebb forum (empty on a wiki).
	NodeBB NodeBBSite `yaml:"nodebb"`
	// Username is the bot's login: a bot password (Name@label) on a wiki,
	// the bot account on a forum. Required.
	Username string `yaml:"username"`
	// PasswordFile names a file holding the password. When empty the
	// password comes from the environment variable PasswordEnv.
	PasswordFile string `yaml:"password_file"`
	// PasswordEnv names the environment variable holding the password when
	// password_file is empty; "" means WIKIWARDEN_PASSWORD_<NAME> (the name
	// upper-cased, other characters as "_").
	PasswordEnv string `yaml:"password_env"`
	// Contact is put in the User-Agent, as wiki.contact.
	Contact string `yaml:"contact"`
	// Timeout bounds each HTTP request to the site; 0 means 30s.
	Timeout Duration `yaml:"timeout"`
	// Schedule is when to patrol this site; "" means patrol.schedule.
	Schedule string `yaml:"schedule"`
	// ShutoffPage is the off switch: on a wiki a page title as
	// patrol.shutoff_page; on a forum a topic id whose first post must say
	// "true". "" means the wiki default (User:<account>/Run) and, on a
	// forum, no off switch; "none" turns the check off.
	ShutoffPage string `yaml:"shutoff_page"`
	// The per-kind keys may also be written flat in the site, as files did
	// before the mediawiki and nodebb sections. Load moves them into
	// MediaWiki and NodeBB and clears them: nothing else reads them.

	// FlatAPI is mediawiki.api written flat ("api").
	FlatAPI string `yaml:"api"`
	// FlatMaxLag is mediawiki.maxlag written flat ("maxlag").
	FlatMaxLag *int `yaml:"maxlag"`
	// FlatURL is nodebb.url written flat ("url").
	FlatURL string `yaml:"url"`
	// FlatTrustedMinPosts is nodebb.trusted_min_posts written flat.
	FlatTrustedMinPosts int `yaml:"trusted_min_posts"`
	// FlatTrustedMinReputation is nodebb.trusted_min_reputation written
	// flat.
	FlatTrustedMinReputation int `yaml:"trusted_min_reputation"`

	// Key is where the site was configured, for messages: "wiki" for the
	// shorthand, "sites.NAME" otherwise. Set by Load; not a YAML key.
	Key string `yaml:"-"`
}

// MediaWikiSite are the settings only a mediawiki site has.
type MediaWikiSite struct {
	// API is the wiki's api.php URL. Required.
	API string `yaml:"api"`
	// MaxLag is the API's maxlag in seconds; unset means 5, 0 leaves it
	// out.
	MaxLag *int `yaml:"maxlag"`
}

// DefaultMaxLag is a mediawiki site's maxlag when unset.
const DefaultMaxLag = 5

// withDefaults fills in the unset settings.
func (m MediaWikiSite) withDefaults() MediaWikiSite {
	if m.MaxLag == nil {
		n := DefaultMaxLag
		m.MaxLag = &n
	}
	return m
}

// validate checks m, the settings of the site at key; flat names the keys
// written flat in the site rather than under "mediawiki:".
func (m MediaWikiSite) validate(v *validator, key string, flat map[string]bool) {
	k := func(name string) string {
		if flat[name] {
			return key + "." + name
		}
		return key + ".mediawiki." + name
	}
	v.siteURL(k("api"), m.API, "set it to the wiki's api.php URL, e.g. https://wiki.example.org/w/api.php")
	if m.MaxLag != nil && (*m.MaxLag < 0 || *m.MaxLag > 60) {
		v.add(k("maxlag"), strconv.Itoa(*m.MaxLag)+" is out of range", "use 0 (off) to 60 seconds, e.g. 5")
	}
}

// NodeBBSite are the settings only a nodebb forum has.
type NodeBBSite struct {
	// URL is the forum's base URL, e.g. "https://forum.example.org".
	// Required.
	URL string `yaml:"url"`
	// TrustedMinPosts trusts forum accounts with at least this many posts;
	// 0 turns the rule off.
	TrustedMinPosts int `yaml:"trusted_min_posts"`
	// TrustedMinReputation trusts forum accounts with at least this
	// reputation; 0 turns the rule off.
	TrustedMinReputation int `yaml:"trusted_min_reputation"`
	// EstablishedPosts and EstablishedAge leave established accounts
	// alone, as a wiki's patrol leaves autoconfirmed editors: an account
	// at least EstablishedAge old, with no negative reputation and at
	// least EstablishedPosts accepted posts (posts still on the forum a
	// day after they were made; at most 10 count). Guests and brand-new
	// accounts are judged as ever. Unset: DefaultEstablishedPosts and
	// DefaultEstablishedAge; established_posts 0 turns the rule off.
	EstablishedPosts *int      `yaml:"established_posts"`
	EstablishedAge   *Duration `yaml:"established_age"`
}

// Defaults of a nodebb site's established accounts: the one home of these
// values. MediaWiki's autoconfirmed takes 4 days and 10 edits; a forum
// account writes fewer posts than a wiki editor makes edits, and a post
// counts only once it has stayed up a day.
const (
	DefaultEstablishedPosts = 3
	DefaultEstablishedAge   = Duration(4 * 24 * time.Hour)
)

// Established returns the established-account rule's posts and age, the
// defaults where unset.
func (n NodeBBSite) Established() (posts int, age time.Duration) {
	n = n.withDefaults()
	return *n.EstablishedPosts, time.Duration(*n.EstablishedAge)
}

// withDefaults fills in the unset settings.
func (n NodeBBSite) withDefaults() NodeBBSite {
	if n.EstablishedPosts == nil {
		p := DefaultEstablishedPosts
		n.EstablishedPosts = &p
	}
	if n.EstablishedAge == nil {
		a := DefaultEstablishedAge
		n.EstablishedAge = &a
	}
	return n
}

// validate checks n as MediaWikiSite.validate does.
func (n NodeBBSite) validate(v *validator, key string, flat map[string]bool) {
	k := func(name string) string {
		if flat[name] {
			return key + "." + name
		}
		return key + ".nodebb." + name
	}
	v.siteURL(k("url"), n.URL, "set it to the forum's base URL, e.g. https://forum.example.org")
	if n.TrustedMinPosts < 0 || n.TrustedMinReputation < 0 {
		v.add(k("trusted_min_posts"), "negative", "use 0 to turn the rule off, or a count")
	}
	if n.EstablishedPosts != nil && (*n.EstablishedPosts < 0 || *n.EstablishedPosts > 10) {
		v.add(key+".nodebb.established_posts", strconv.Itoa(*n.EstablishedPosts)+" is out of range", "use 0 (off) to 10 accepted posts, e.g. 3")
	}
}

// unflatten moves the per-kind keys written flat in the site into its
// MediaWiki and NodeBB settings, where they are not set there too, and
// returns the site with the flat fields cleared and the names of the keys
// that were flat.
func (s Site) unflatten() (Site, map[string]bool) {
	flat := map[string]bool{}
	if s.FlatAPI != "" {
		flat["api"] = true
		if s.MediaWiki.API == "" {
			s.MediaWiki.API = s.FlatAPI
		}
	}
	if s.FlatMaxLag != nil {
		flat["maxlag"] = true
		if s.MediaWiki.MaxLag == nil {
			s.MediaWiki.MaxLag = s.FlatMaxLag
		}
	}
	if s.FlatURL != "" {
		flat["url"] = true
		if s.NodeBB.URL == "" {
			s.NodeBB.URL = s.FlatURL
		}
	}
	if s.FlatTrustedMinPosts != 0 {
		flat["trusted_min_posts"] = true
		if s.NodeBB.TrustedMinPosts == 0 {
			s.NodeBB.TrustedMinPosts = s.FlatTrustedMinPosts
		}
	}
	if s.FlatTrustedMinReputation != 0 {
		flat["trusted_min_reputation"] = true
		if s.NodeBB.TrustedMinReputation == 0 {
			s.NodeBB.TrustedMinReputation = s.FlatTrustedMinReputation
		}
	}
	s.FlatAPI, s.FlatMaxLag, s.FlatURL, s.FlatTrustedMinPosts, s.FlatTrustedMinReputation = "", nil, "", 0, 0
	return s, flat
}

// siteName is what a site's name may hold.
var siteName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$`)

// EffectiveSites returns the sites to patrol: the "sites" list, or the
// "wiki" section as one mediawiki site named "wiki". After Load, Sites
// always holds them: Load rewrites the shorthand into Sites once, so that
// nothing downstream asks how the file was written.
func (c *Config) EffectiveSites() []Site {
	if len(c.Sites) > 0 {
		out := make([]Site, len(c.Sites))
		for i, s := range c.Sites {
			out[i] = s.withDefaults(c)
		}
		return out
	}
	maxlag := c.Wiki.MaxLag
	s := Site{
		Name: DefaultSiteName, Kind: KindMediaWiki, MediaWiki: MediaWikiSite{API: c.Wiki.API, MaxLag: &maxlag},
		Username: c.Wiki.Username, PasswordFile: c.Wiki.PasswordFile, PasswordEnv: PasswordEnv, Contact: c.Wiki.Contact,
		Timeout: c.Wiki.Timeout, ShutoffPage: c.Patrol.ShutoffPage, Key: "wiki",
	}
	return []Site{s.withDefaults(c)}
}

// withDefaults is the site in the one shape the program reads: flat keys
// moved into its kind's settings, and every default filled in.
func (s Site) withDefaults(c *Config) Site {
	s, _ = s.unflatten()
	switch s.Kind {
	case KindMediaWiki:
		s.MediaWiki = s.MediaWiki.withDefaults()
	case KindNodeBB:
		s.NodeBB = s.NodeBB.withDefaults()
	}
	if s.Key == "" {
		s.Key = "sites." + s.Name
	}
	if s.Timeout == 0 {
		s.Timeout = Duration(30 * time.Second)
	}
	if s.Schedule == "" {
		s.Schedule = c.Patrol.Schedule
	}
	if s.PasswordEnv == "" {
		s.PasswordEnv = SitePasswordEnv(s.Name)
	}
	return s
}

// SitePasswordEnv is the default password variable of the site name.
func SitePasswordEnv(name string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(name) {
		if (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return PasswordEnv + "_" + b.String()
}

// Account is the site's account name: the username up to any "@" that
// separates a bot password's label.
func (s Site) Account() string {
	name, _, _ := strings.Cut(s.Username, "@")
	return strings.TrimSpace(name)
}

// Shutoff is the site's off switch as the site kind reads it, or "" when
// there is none: a page title on a wiki, a topic id on a forum.
func (s Site) Shutoff() string {
	switch s.ShutoffPage {
	case ShutoffNone:
		return ""
	case "":
		if s.Kind == KindMediaWiki {
			return "User:" + s.Account() + "/Run"
		}
		return ""
	}
	return s.ShutoffPage
}

// AllowList is the site's allow-list page as the patroller reads it, or ""
// when there is none: detectors.allow_list_page on a wiki, never on a forum.
func (s Site) AllowList(c *Config) string {
	if s.Kind != KindMediaWiki {
		return ""
	}
	switch p := c.Detectors.AllowListPage; p {
	case ShutoffNone:
		return ""
	case "":
		return "User:" + s.Account() + "/Allowlist"
	default:
		return p
	}
}

// Password returns the site's password from its file or its environment
// variable (os.Getenv when getenv is nil). The errors never contain it.
func (s Site) Password(getenv func(string) string) (string, error) {
	key := "sites." + s.Name + ".password_file"
	if s.Name == DefaultSiteName && s.PasswordEnv == PasswordEnv {
		key = "wiki.password_file"
	}
	if f := s.PasswordFile; f != "" {
		data, err := os.ReadFile(f)
		if err != nil {
			return "", &Error{Key: key, Problem: fmt.Sprintf("cannot read %q (%s)", f, cause(err)),
				Fix: "make it readable by wikiwarden, or unset it and set " + s.PasswordEnv, Err: err}
		}
		pw := strings.TrimSpace(string(data))
		if pw == "" {
			return "", &Error{Key: key, Problem: fmt.Sprintf("%q is empty", f), Fix: "put the password in it"}
		}
		return pw, nil
	}
	if getenv == nil {
		getenv = os.Getenv
	}
	if pw := getenv(s.PasswordEnv); pw != "" {
		return pw, nil
	}
	return "", &Error{Key: key, Problem: "not set and " + s.PasswordEnv + " is empty",
		Fix: "set " + s.PasswordEnv + " to the password, or point password_file at a file holding it"}
}

// validateSites checks the sites list.
func (v *validator) sites(c *Config) {
	if len(c.Sites) == 0 {
		return
	}
	if (c.Wiki.API != "" || c.Wiki.Username != "") && c.Sites[0].Key != "wiki" {
		v.add("wiki", "set together with sites", "move the wiki into sites as {name: wiki, kind: mediawiki, api: ..., username: ...}, or drop sites")
	}
	seen := map[string]bool{}
	for i, s := range c.Sites {
		key := "sites[" + strconv.Itoa(i) + "]"
		if s.Name != "" {
			key = "sites." + s.Name
		}
		switch {
		case s.Name == "":
			v.add(key+".name", "missing", `give each site a short name such as "wiki" or "forum"`)
		case !siteName.MatchString(s.Name):
			v.add(key+".name", fmt.Sprintf("%q is not a usable name", s.Name), "use up to 40 letters, digits, \"-\" and \"_\"")
		case seen[s.Name]:
			v.add(key+".name", "used twice", "give each site its own name")
		}
		seen[s.Name] = true
		if strings.TrimSpace(s.Username) == "" {
			v.add(key+".username", "missing", "set it to the bot's login on that site")
		}
		v.notNegative(key+".timeout", s.Timeout)
		if s.Schedule != "" {
			v.cron(key+".schedule", s.Schedule, true, `use a 5-field cron spec or "@every 5m"`)
		}
		raw := s
		s, flat := s.unflatten()
		for _, twice := range []struct {
			name string
			both bool
		}{
			{"api", raw.FlatAPI != "" && raw.MediaWiki.API != ""},
			{"maxlag", raw.FlatMaxLag != nil && raw.MediaWiki.MaxLag != nil},
			{"url", raw.FlatURL != "" && raw.NodeBB.URL != ""},
			{"trusted_min_posts", raw.FlatTrustedMinPosts != 0 && raw.NodeBB.TrustedMinPosts != 0},
			{"trusted_min_reputation", raw.FlatTrustedMinReputation != 0 && raw.NodeBB.TrustedMinReputation != 0},
		} {
			if twice.both {
				section := "mediawiki"
				if twice.name != "api" && twice.name != "maxlag" {
					section = "nodebb"
				}
				v.add(key+"."+twice.name, "set both here and under "+section, "keep only "+section+"."+twice.name)
			}
		}
		// Keys of the other kind, named as written, with what this kind
		// uses instead.
		other := func(section, this string, instead map[string]string) {
			named := false
			for _, n := range []string{"api", "maxlag", "url", "trusted_min_posts", "trusted_min_reputation"} {
				if i, ok := instead[n]; ok && flat[n] {
					v.notFor(key, n, true, i)
					named = true
				}
			}
			if !named {
				v.notFor(key, section, true, this)
			}
		}
		switch s.Kind {
		case KindMediaWiki:
			s.MediaWiki.validate(v, key, flat)
			if s.NodeBB != (NodeBBSite{}) {
				other("nodebb", "mediawiki", map[string]string{"url": "api", "trusted_min_posts": "patrol.trusted_min_edits", "trusted_min_reputation": "patrol.trusted_min_edits"})
			}
		case KindNodeBB:
			s.NodeBB.validate(v, key, flat)
			if s.MediaWiki != (MediaWikiSite{}) {
				other("mediawiki", "nodebb", map[string]string{"api": "url", "maxlag": ""})
			}
			if s.ShutoffPage != "" && s.ShutoffPage != ShutoffNone {
				if n, err := strconv.Atoi(s.ShutoffPage); err != nil || n <= 0 {
					v.add(key+".shutoff_page", fmt.Sprintf("%q is not a topic id", s.ShutoffPage), `use the id of a topic whose first post says "true", or "none"`)
				}
			}
		case "":
			v.add(key+".kind", "missing", "use mediawiki or nodebb")
		default:
			v.add(key+".kind", fmt.Sprintf("unknown kind %q", s.Kind), "use mediawiki or nodebb")
		}
	}
}

// notFor reports a key that the site's kind does not read.
func (v *validator) notFor(site, key string, set bool, instead string) {
	if !set {
		return
	}
	fix := "remove it"
	if instead != "" {
		fix += "; this kind uses " + instead
	}
	v.add(site+"."+key, "not a key of this site's kind", fix)
}

func (v *validator) siteURL(key, raw, fix string) {
	if raw == "" {
		v.add(key, "missing", fix)
		return
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		v.add(key, fmt.Sprintf("%q is not an http or https URL", redactURL(raw)), fix)
	}
}
