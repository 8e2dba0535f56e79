package config

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// Notice is the "patrol.notice" section: who is told, on their talk page,
// that the bot reverted them, why, and how to report a mistake.
type Notice struct {
	// Registered says, per verdict (probe, followup_spam, link_spam),
	// when registered editors are told: always, weak (only when the edit
	// was judged on weaker evidence: not a blatant probe, not blatant
	// spam) or never.
	Registered map[string]string `yaml:"registered"`
	// Anonymous says the same for anonymous editors.
	Anonymous map[string]string `yaml:"anonymous"`
	// Interval allows at most one message per editor within it; 0 means
	// no limit.
	Interval Duration `yaml:"interval"`
	// Page is the wiki page whose text words the message ($1 the editor,
	// $2 the page, $3 the revision, $4 why, $5 the report page, $6 the
	// bot, $7 how it was removed; a first line "== ... ==" is the
	// heading). "" means User:<account>/Notice; "none" uses the built-in
	// English text only. A missing page uses the built-in text too.
	Page string `yaml:"page"`
}

// Notice rules, the values of patrol.notice.registered and .anonymous.
const (
	NoticeAlways = "always"
	NoticeWeak   = "weak"
	NoticeNever  = "never"
)

// NoticeVerdicts are the verdicts a notice rule can name.
var NoticeVerdicts = []string{"probe", "followup_spam", "link_spam"}

// defaultNotice tells registered editors always, anonymous ones only on
// weaker evidence: nobody reads a botnet's talk pages.
func defaultNotice() Notice {
	n := Notice{Registered: map[string]string{}, Anonymous: map[string]string{}, Interval: Duration(24 * time.Hour)}
	for _, v := range NoticeVerdicts {
		n.Registered[v], n.Anonymous[v] = NoticeAlways, NoticeWeak
	}
	return n
}

// notice checks patrol.notice and patrol.report_page.
func (v *validator) notice(p Patrol) {
	for _, kind := range []struct {
		key   string
		rules map[string]string
	}{{"patrol.notice.registered", p.Notice.Registered}, {"patrol.notice.anonymous", p.Notice.Anonymous}} {
		for _, verdict := range slices.Sorted(maps.Keys(kind.rules)) {
			key := kind.key + "." + verdict
			if !slices.Contains(NoticeVerdicts, verdict) {
				v.add(key, fmt.Sprintf("%q is not a verdict", verdict), "use "+strings.Join(NoticeVerdicts, ", "))
				continue
			}
			switch kind.rules[verdict] {
			case NoticeAlways, NoticeWeak, NoticeNever:
			default:
				v.add(key, fmt.Sprintf("%q is not a rule", kind.rules[verdict]), `use "always", "weak" (only on weaker evidence) or "never"`)
			}
		}
	}
	v.notNegative("patrol.notice.interval", p.Notice.Interval)
	for _, kp := range [][2]string{{"patrol.notice.page", p.Notice.Page}, {"patrol.report_page", p.ReportPage}} {
		if t := kp[1]; t != "" && t != ShutoffNone {
			if i := strings.IndexAny(t, "#<>[]{}|"); i >= 0 {
				v.add(kp[0], fmt.Sprintf("%q is not a valid page title (contains %q)", t, string(t[i])),
					`use a title such as "User:Warden/Notice", "" for the default, or "none"`)
			}
		}
	}
}

// NoticePage is the site's notice wording page as the adapter reads it, or
// "" for the built-in text: patrol.notice.page on a wiki, never on a forum.
func (s Site) NoticePage(c *Config) string {
	return s.pageOf(c.Patrol.Notice.Page, "/Notice")
}

// ReportPage is the site's report page as the adapter reads it, or "" when
// there is none: patrol.report_page on a wiki, never on a forum.
func (s Site) ReportPage(c *Config) string {
	if c.Patrol.ReportPage == "" && s.Kind == KindMediaWiki {
		return "User talk:" + s.Account() + "/Mistakes"
	}
	return s.pageOf(c.Patrol.ReportPage, "")
}

// pageOf resolves a page key: "none" is none, "" the bot's user subpage
// named sub.
func (s Site) pageOf(page, sub string) string {
	if s.Kind != KindMediaWiki {
		return ""
	}
	switch page {
	case ShutoffNone:
		return ""
	case "":
		return "User:" + s.Account() + sub
	}
	return page
}
