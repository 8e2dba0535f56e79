package config

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A string the operator sets ends up in a request header, an edit summary
// or a page title; none has any use for megabytes. A 5 MB wiki.contact went
// out as a 5 MB User-Agent, which the wiki's server refused, and a 5 MB
// summary_prefix crowded the reason out of every summary (MediaWiki cuts
// summaries at 500 characters). Every string key is bounded: by its entry
// in lengthLimits, or else by defaultMaxLength, so a key added later is
// bounded too.

// defaultMaxLength bounds a string key that has no entry in lengthLimits.
const defaultMaxLength = 1000

// lengthLimit is the most characters a key may hold (each item, for a
// list), and how to fix a longer value.
type lengthLimit struct {
	max int
	fix string
}

// lengthLimits holds the keys with a bound of their own.
var lengthLimits = map[string]lengthLimit{
	"wiki.api": {2048, "use the URL of the wiki's api.php, e.g. https://wiki.example.org/w/api.php"},
	// MediaWiki user names have at most 255 bytes, bot-password labels 32.
	"wiki.username":      {300, `use the bot's login, e.g. "Warden@patrol"`},
	"wiki.password_file": {4096, "use a shorter path"},
	// It goes into every request's User-Agent.
	"wiki.contact": {200, `use a user page or an email address, e.g. "User:Admin" or "admin@example.org"`},
	// MediaWiki titles have at most 255 bytes.
	"patrol.shutoff_page": {255, `use a page title such as "User:Warden/Run"`},
	// Summaries are cut at 500 characters; the reason must fit after it.
	"patrol.summary_prefix":        {100, `use a short prefix such as "wikiwarden:"`},
	"patrol.trusted_groups":        {255, "use the group's name as MediaWiki spells it, e.g. autoconfirmed"},
	"patrol.schedule":              {100, `use a 5-field cron spec or "@every 5m"`},
	"detectors.model_refresh":      {100, `use a 5-field cron spec or "@daily"`},
	"response.block_durations":     {100, `use a MediaWiki expiry such as "1 week"`},
	"response.spam_blacklist_page": {255, `use a page title such as "MediaWiki:Spam-blacklist"`},
	"store.path":                   {4096, "use a shorter path"},
	"store.housekeeping":           {100, `use a 5-field cron spec or "@hourly"`},
	"sites.name":                   {40, `use a short name such as "wiki" or "forum"`},
	"sites.api":                    {2048, "use the URL of the wiki's api.php, e.g. https://wiki.example.org/w/api.php"},
	"sites.url":                    {2048, "use the forum's base URL, e.g. https://forum.example.org"},
	"sites.username":               {300, `use the bot's login, e.g. "Warden@patrol"`},
	"sites.password_file":          {4096, "use a shorter path"},
	"sites.password_env":           {255, "use a variable name such as WIKIWARDEN_PASSWORD_FORUM"},
	"sites.contact":                {200, `use a user page or an email address, e.g. "User:Admin" or "admin@example.org"`},
	"sites.schedule":               {100, `use a 5-field cron spec or "@every 5m"`},
	"sites.shutoff_page":           {255, `use a page title such as "User:Warden/Run", or a topic id`},
}

// listIndex matches the item index of a list's key, "sites[2]" -> "sites".
var listIndex = regexp.MustCompile(`\[\d+\]`)

// lengths adds a problem for every string (or list item) longer than its
// key's bound, and for a contact that would break the User-Agent header.
// It runs first; the keys it reports are not checked further, so that no
// error message repeats a huge value.
func (v *validator) lengths(c *Config) {
	walkStrings(reflect.ValueOf(*c), "", func(key, s string) {
		lim, ok := lengthLimits[listIndex.ReplaceAllString(key, "")]
		if !ok {
			lim = lengthLimit{max: defaultMaxLength, fix: "shorten it"}
		}
		if n := utf8.RuneCountInString(s); n > lim.max && !v.skip[key] {
			v.add(key, fmt.Sprintf("%d characters is too long (at most %d)", n, lim.max), lim.fix)
			v.skipKey(key)
		}
	})
	contacts := [][2]string{{"wiki.contact", c.Wiki.Contact}}
	for i, st := range c.Sites {
		contacts = append(contacts, [2]string{"sites[" + strconv.Itoa(i) + "].contact", st.Contact})
	}
	for _, kc := range contacts {
		key, contact := kc[0], kc[1]
		if !v.skip[key] && strings.IndexFunc(contact, unicode.IsControl) >= 0 {
			v.add(key, "contains a line break or control character, which cannot go in the User-Agent header",
				lengthLimits["wiki.contact"].fix)
			v.skipKey(key)
		}
	}
}

// walkStrings calls fn with the dotted yaml key of every string and every
// item of a string list in v, a struct.
func walkStrings(v reflect.Value, prefix string, fn func(key, s string)) {
	t := v.Type()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		key := name
		if prefix != "" {
			key = prefix + "." + name
		}
		f := v.Field(i)
		switch {
		case f.Kind() == reflect.Struct:
			walkStrings(f, key, fn)
		case f.Kind() == reflect.String:
			fn(key, f.String())
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.String:
			for j := range f.Len() {
				fn(key, f.Index(j).String())
			}
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.Struct:
			for j := range f.Len() {
				walkStrings(f.Index(j), key+"["+strconv.Itoa(j)+"]", fn)
			}
		}
	}
}

func (v *validator) skipKey(key string) {
	if v.skip == nil {
		v.skip = make(map[string]bool)
	}
	v.skip[key] = true
}
