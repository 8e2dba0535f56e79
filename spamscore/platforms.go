package spamscore

import "strings"

// Links to user-content platforms. A link to a specific video or post on
// YouTube, Facebook or X is what a good-faith comment shares; a link to a
// channel, profile or page is what self-promotion and comment spam point
// at ("check my channel out https://youtube.com/user/…"). The platform's
// reputation is not the channel's, so such a link is never a reputable
// citation; whether it is spam evidence is learned, next to the words.

// splitURL returns a URL's host (lower case, without "www." or "m.") and
// its path without the query or fragment.
func splitURL(u string) (host, path string) {
	if i := strings.Index(u, "//"); i >= 0 {
		u = u[i+2:]
	}
	host = u
	if j := strings.IndexAny(u, "/?#"); j >= 0 {
		host, path = u[:j], u[j:]
	}
	if j := strings.IndexAny(path, "?#"); j >= 0 {
		path = path[:j]
	}
	return strings.ToLower(host), path
}

// pathTail is the path written right after a bare domain ("/@name" in
// "youtube.com/@name, thanks"), up to a space or closing punctuation.
func pathTail(s string) string {
	end := strings.IndexAny(s, " \t\n\r\"'<>()[]{}|")
	if end < 0 {
		end = len(s)
	}
	return strings.TrimRight(s[:end], ".,;:!?")
}

// profileHosts maps a platform's host to what a profile link on it looks
// like; the paths of its videos and posts are not profiles.
var profileHosts = map[string]func(segs []string) bool{
	"youtube.com": func(s []string) bool {
		return len(s) >= 1 && (strings.HasPrefix(s[0], "@") || len(s) >= 2 && (s[0] == "channel" || s[0] == "user" || s[0] == "c"))
	},
	"facebook.com": func(s []string) bool {
		switch {
		case len(s) == 1:
			return !oneOf(s[0], "watch", "events", "photo.php", "story.php", "permalink.php", "sharer.php", "sharer", "share",
				"login", "login.php", "help", "marketplace", "reel", "video.php", "plugins", "dialog", "hashtag", "search")
		case len(s) == 2:
			return oneOf(s[0], "groups", "pages", "people")
		}
		return false
	},
	"fb.com": func(s []string) bool { return len(s) == 1 },
	"instagram.com": func(s []string) bool {
		return len(s) == 1 && !oneOf(s[0], "p", "reel", "reels", "tv", "explore", "stories", "accounts", "about")
	},
	"tiktok.com":     func(s []string) bool { return len(s) == 1 && strings.HasPrefix(s[0], "@") },
	"twitter.com":    xProfile,
	"x.com":          xProfile,
	"soundcloud.com": func(s []string) bool { return len(s) == 1 && !oneOf(s[0], "discover", "search", "stream") },
	"twitch.tv":      func(s []string) bool { return len(s) == 1 && !oneOf(s[0], "directory", "videos", "search") },
	"vk.com": func(s []string) bool {
		return len(s) == 1 && !strings.HasPrefix(s[0], "wall") && !strings.HasPrefix(s[0], "video") &&
			!strings.HasPrefix(s[0], "photo") && !strings.HasPrefix(s[0], "doc") && !oneOf(s[0], "away.php", "feed", "search")
	},
	"ok.ru": func(s []string) bool {
		return len(s) == 1 && !oneOf(s[0], "video", "feed", "search") || len(s) == 2 && oneOf(s[0], "group", "profile")
	},
	"medium.com":       func(s []string) bool { return len(s) == 1 && strings.HasPrefix(s[0], "@") },
	"threads.net":      func(s []string) bool { return len(s) == 1 && strings.HasPrefix(s[0], "@") },
	"pinterest.com":    func(s []string) bool { return len(s) == 1 && !oneOf(s[0], "pin", "search", "ideas") },
	"linkedin.com":     func(s []string) bool { return len(s) == 2 && oneOf(s[0], "in", "company") },
	"patreon.com":      func(s []string) bool { return len(s) == 1 },
	"onlyfans.com":     func(s []string) bool { return len(s) == 1 },
	"open.spotify.com": func(s []string) bool { return len(s) == 2 && oneOf(s[0], "artist", "user", "show") },
	"linktr.ee":        func(s []string) bool { return len(s) >= 1 },
	"beacons.ai":       func(s []string) bool { return len(s) >= 1 },
	"taplink.cc":       func(s []string) bool { return len(s) >= 1 },
	"bio.link":         func(s []string) bool { return len(s) >= 1 },
}

func xProfile(s []string) bool {
	return len(s) == 1 && !oneOf(s[0], "i", "home", "search", "hashtag", "intent", "share", "explore", "settings")
}

// blogHosts are hosting suffixes whose front pages are somebody's blog.
var blogHosts = []string{".blogspot.com", ".wordpress.com", ".tumblr.com", ".livejournal.com", ".weebly.com", ".wixsite.com", ".substack.com"}

// builderHosts are site builders and publishing services whose every page
// is its owner's site or landing page, never the service's own word: spam
// hosts its pages there for the service's good name.
var builderHosts = []string{".business.site", ".mystrikingly.com", ".jimdosite.com", ".webflow.io", ".tilda.ws", ".carrd.co",
	".godaddysites.com", ".square.site", ".site123.me"}

// platformProfile reports whether the link with this host and path points
// at a profile, channel or page on a user-content platform rather than at
// one of its videos or posts.
func platformProfile(host, path string) bool {
	host = strings.TrimPrefix(strings.TrimPrefix(host, "www."), "m.")
	var segs []string
	for _, s := range strings.Split(path, "/") {
		if s != "" {
			segs = append(segs, strings.ToLower(s))
		}
	}
	if f := profileHosts[host]; f != nil {
		return f(segs)
	}
	switch host {
	case "sites.google.com":
		// A page anyone builds: sites.google.com/view/NAME.
		return len(segs) >= 2 && oneOf(segs[0], "view", "site")
	case "telegra.ph", "teletype.in":
		// Anonymous publishing: every page is its writer's.
		return len(segs) >= 1
	}
	for _, b := range builderHosts {
		if strings.HasSuffix(host, b) && len(host) > len(b) {
			return true
		}
	}
	for _, b := range blogHosts {
		if strings.HasSuffix(host, b) && len(host) > len(b) {
			return len(segs) == 0
		}
	}
	return false
}

// userContent reports whether the link with this host and path points at
// what a user of a reputable platform published there rather than at the
// platform's own word: a Google document, form, file, site, group or
// script, or a redirect through google.com/url. Anyone can publish
// there, so spam does, for the platform's good name; the link is no
// citation of a reputable source (see uploadSites, read the same way).
func userContent(host, path string) bool {
	host = strings.TrimPrefix(strings.TrimPrefix(host, "www."), "m.")
	path = strings.Trim(path, "/")
	if path == "" {
		return false // the service's front page
	}
	seg := strings.ToLower(path)
	if i := strings.IndexByte(seg, '/'); i >= 0 {
		seg = seg[:i]
	}
	switch host {
	case "docs.google.com", "drive.google.com", "sites.google.com", "script.google.com", "sheets.google.com", "slides.google.com":
		return true
	case "groups.google.com":
		return oneOf(seg, "g", "forum", "d", "a")
	}
	// A redirect: google.com/url?q=..., google.de/url?q=....
	return seg == "url" && strings.HasPrefix(host, "google.")
}

func oneOf(s string, xs ...string) bool {
	for _, x := range xs {
		if s == x {
			return true
		}
	}
	return false
}
