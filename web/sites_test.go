package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/store"
)

// newTwoSites is newEnv with a forum beside the wiki: the forum's post 101
// (the wiki's probe has the same id) was written by a registered account
// from the wiki prober's address; Admin (sysop) reviews the wiki only,
// Mod (forum-mods) the forum only, Both both.
func newTwoSites(t *testing.T) (*env, *fakeWiki) {
	t.Helper()
	e := newEnv(t, Options{})
	forum := &fakeWiki{lock: e.wiki.lock, texts: map[int64]EditText{
		probeRev: {New: "Great deals: [cheap pills](http://pills.example/buy) **buy now**\n", Format: "markdown"},
	}}
	ip := netip.MustParseAddr("198.51.100.7")
	fs := e.st.Site("forum")
	links := []detectors.Result{{Detector: "links", Score: 0.9, Links: []detectors.Link{{URL: "http://pills.example/buy", Domain: "pills.example"}}}}
	if err := fs.Commit(context.Background(), store.Handled{
		Record: store.Record{RevID: probeRev, Title: "topic 3: Deals", User: "spammer", IP: ip.String(), Time: t0.Add(time.Minute), Seen: t0.Add(time.Minute),
			Results: links, Verdict: decision.VerdictLinkSpam, Action: decision.ActionRevertBlock, Why: []decision.Reason{decision.WhyLinkSpam},
			Outcome: "removed", Summary: "wikiwarden: deleted post 101 by spammer (198.51.100.7): link spam",
			BlockTarget: ip.String(), BlockExpiry: "1 day"},
		Events: []store.Event{{Kind: store.EventSpam, IP: ip, User: "spammer", Title: "topic 3: Deals", RevID: probeRev, Time: t0.Add(time.Minute), Domains: []string{"pills.example"}}},
		Block:  &store.Block{Target: ip.String(), Expiry: "1 day", Time: t0.Add(time.Minute), RevID: probeRev, Reason: "wikiwarden: link spam; account banned"},
	}); err != nil {
		t.Fatal(err)
	}
	e.auth.users["Mod"] = struct {
		password string
		groups   []string
	}{"mod-pass", []string{"forum-mods"}}
	e.auth.users["Both"] = struct {
		password string
		groups   []string
	}{"both-pass", []string{"sysop", "forum-mods"}}
	h, err := New(Options{Now: e.clock.now, Thresholds: map[string]float64{"probe": 0.5, "links": 0.7}}, Deps{Sites: []Site{
		{Name: store.DefaultSite, Store: e.st.Site(store.DefaultSite), Port: e.wiki, Groups: []string{"sysop"}},
		{Name: "forum", Kind: KindNodeBB, Store: fs, Port: forum, Groups: []string{"forum-mods"}},
	}, Auth: e.auth, Lock: e.wiki.lock, Metrics: e.metrics})
	if err != nil {
		t.Fatal(err)
	}
	e.h = h
	return e, forum
}

// TestCrossSiteRefused: a wiki sysop neither sees nor acts on the forum.
func TestCrossSiteRefused(t *testing.T) {
	e, forum := newTwoSites(t)
	c := e.login("Admin", "right-horse")
	for _, path := range []string{"/api/actions?site=forum", "/api/queue?site=forum", "/api/item/forum:101", "/api/feedback?site=forum", "/api/ip/198.51.100.7?site=forum"} {
		if w := e.do("GET", path, nil, c, nil); w.Code != http.StatusForbidden {
			t.Errorf("GET %s by a wiki sysop = %d, want 403", path, w.Code)
		}
	}
	if w := e.do("POST", "/api/actions/forum:101/restore", url.Values{}, c, nil); w.Code != http.StatusForbidden {
		t.Errorf("restore on the forum by a wiki sysop = %d, want 403", w.Code)
	}
	if len(forum.calls) != 0 {
		t.Errorf("the forum was acted on: %v", forum.calls)
	}
	var items []apiItem
	w := e.do("GET", "/api/actions", nil, c, nil)
	if err := json.Unmarshal(w.Body.Bytes(), &items); err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.ID != "wiki:101" {
			t.Errorf("the wiki sysop's overview lists %s", it.ID)
		}
	}
	// The forum moderator sees the forum only.
	mc := e.login("Mod", "mod-pass")
	if w := e.do("GET", "/api/actions?site=wiki", nil, mc, nil); w.Code != http.StatusForbidden {
		t.Errorf("GET wiki actions by a forum moderator = %d, want 403", w.Code)
	}
	if w := e.do("GET", "/api/item/101", nil, mc, nil); w.Code != http.StatusForbidden {
		t.Errorf("a bare id (the wiki's) by a forum moderator = %d, want 403", w.Code)
	}
}

// TestItemIDsAcrossSites: the wiki's revision 101 and the forum's post 101
// are two items; acting on one reaches its own site.
func TestItemIDsAcrossSites(t *testing.T) {
	e, forum := newTwoSites(t)
	c := e.login("Both", "both-pass")
	var items []apiItem
	w := e.do("GET", "/api/actions", nil, c, nil)
	if err := json.Unmarshal(w.Body.Bytes(), &items); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, it := range items {
		got[it.ID] = true
	}
	if !got["wiki:101"] || !got["forum:101"] {
		t.Fatalf("overview = %s; want wiki:101 and forum:101", w.Body)
	}
	if w := e.do("POST", "/api/actions/forum:101/restore", url.Values{}, c, nil); w.Code != 200 {
		t.Fatalf("restore forum:101 = %d %s", w.Code, w.Body)
	}
	if len(forum.calls) != 1 || len(e.wiki.calls) != 0 {
		t.Errorf("forum calls %v, wiki calls %v; want one forum restore", forum.calls, e.wiki.calls)
	}
	// The wiki's 101 is still open.
	if w := e.do("POST", "/api/actions/wiki:101/restore", url.Values{}, c, nil); w.Code != 200 {
		t.Errorf("restore wiki:101 after forum:101 = %d %s", w.Code, w.Body)
	}
}

// TestPrivacyBySite: a wiki sysop looking up the prober's address learns
// that it spammed another site, not who or where; nobody sees a registered
// forum user's address.
func TestPrivacyBySite(t *testing.T) {
	e, _ := newTwoSites(t)
	c := e.login("Admin", "right-horse")
	for _, path := range []string{"/api/ip/198.51.100.7", "/api/ip/198.51.100.0/24", "/api/item/wiki:101", "/api/token/" + probeToken, "/api/queue", "/api/actions", "/api/audit", "/api/domain/pills.example"} {
		body := e.do("GET", path, nil, c, nil).Body.String()
		if strings.Contains(body, "spammer") || strings.Contains(body, "Deals") || strings.Contains(body, "pills.example/buy") {
			t.Errorf("GET %s shows the forum's personal data:\n%s", path, body)
		}
	}
	body := e.do("GET", "/api/ip/198.51.100.7", nil, c, nil).Body.String()
	if !strings.Contains(body, "spammed another site 1 time") {
		t.Errorf("ip look-up lacks the fact about the other site:\n%s", body)
	}
	bc := e.login("Both", "both-pass")
	var item struct {
		Item Item `json:"item"`
	}
	if err := json.Unmarshal(e.do("GET", "/api/item/forum:101", nil, bc, nil).Body.Bytes(), &item); err != nil || item.Item.IP != "" || item.Item.Range != "" || item.Item.BlockTarget == "198.51.100.7" || strings.Contains(item.Item.Summary, "198.51.100.7") {
		t.Errorf("the forum item shows its registered author's address: %+v %v", item.Item, err)
	}
	var look struct {
		Timeline []Entry `json:"timeline"`
		Records  []Item  `json:"records"`
	}
	if err := json.Unmarshal(e.do("GET", "/api/ip/198.51.100.7", nil, bc, nil).Body.Bytes(), &look); err != nil {
		t.Fatal(err)
	}
	for _, en := range look.Timeline {
		if en.Site == "forum" {
			t.Errorf("the address look-up lists the registered forum user's post: %+v", en)
		}
	}
	for _, it := range look.Records {
		if it.Site == "forum" {
			t.Errorf("the address look-up lists the registered forum user's post: %+v", it)
		}
	}
}

// TestForumPostAsText: a post's Markdown is shown as text, its link's
// address marked.
func TestForumPostAsText(t *testing.T) {
	e, _ := newTwoSites(t)
	c := e.login("Mod", "mod-pass")
	w := e.do("GET", "/api/item/forum:101", nil, c, nil)
	var got struct {
		Item Item `json:"item"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	marked := false
	for _, l := range got.Item.Diff {
		for _, p := range l.Parts {
			text.WriteString(p.Text)
			marked = marked || (p.Mark == "link" && p.Text == "http://pills.example/buy")
		}
	}
	if text.String() != "Great deals: cheap pills <http://pills.example/buy> buy now" || !marked {
		t.Errorf("post shown as %q (link marked: %v)", text.String(), marked)
	}
}

// TestForumLogin: a forum's moderators log in with their forum accounts
// and review the forum only, even when a forum group is named like a wiki
// group.
func TestForumLogin(t *testing.T) {
	e := newEnv(t, Options{})
	forumAuth := &fakeAuth{users: map[string]struct {
		password string
		groups   []string
	}{
		"forummod": {"forum-pass", []string{"registered-users", "Global Moderators"}},
		"sneaky":   {"sneaky-pass", []string{"registered-users", "sysop"}},
		"member":   {"member-pass", []string{"registered-users"}},
	}}
	forum := &fakeWiki{lock: e.wiki.lock}
	h, err := New(Options{Now: e.clock.now, LoginSite: store.DefaultSite}, Deps{Sites: []Site{
		{Name: store.DefaultSite, Store: e.st.Site(store.DefaultSite), Port: e.wiki, Groups: []string{"sysop"}},
		{Name: "forum", Kind: KindNodeBB, Store: e.st.Site("forum"), Port: forum, Auth: forumAuth, Groups: []string{"sysop", "Global Moderators"}},
	}, Auth: e.auth, Lock: e.wiki.lock})
	if err != nil {
		t.Fatal(err)
	}
	e.h = h
	login := func(user, pass string) (*http.Cookie, int) {
		w := e.loginFrom("", user, pass, url.Values{"site": {"forum"}})
		return sessionCookie(w), w.Code
	}
	c, code := login("forummod", "forum-pass")
	if c == nil || code != http.StatusSeeOther {
		t.Fatalf("forum moderator's login = %d", code)
	}
	if w := e.do("GET", "/api/actions?site=forum", nil, c, nil); w.Code != 200 {
		t.Errorf("forum actions for the forum moderator = %d", w.Code)
	}
	if w := e.do("GET", "/api/actions?site=wiki", nil, c, nil); w.Code != http.StatusForbidden {
		t.Errorf("wiki actions for the forum moderator = %d, want 403", w.Code)
	}
	// A forum group named like a wiki group opens the forum, not the wiki.
	c, _ = login("sneaky", "sneaky-pass")
	if w := e.do("GET", "/api/item/wiki:101", nil, c, nil); w.Code != http.StatusForbidden {
		t.Errorf("wiki item for a forum account in a group called sysop = %d, want 403", w.Code)
	}
	if _, code := login("member", "member-pass"); code != http.StatusUnauthorized {
		t.Errorf("a plain forum member's login = %d, want 401", code)
	}
	if w := e.loginFrom("", "Admin", "right-horse", url.Values{"site": {"nowhere"}}); w.Code != http.StatusBadRequest {
		t.Errorf("login with an unknown site's account = %d, want 400", w.Code)
	}
	// The wiki's sysop still logs in with the default site.
	if w := e.loginFrom("", "Admin", "right-horse", nil); w.Code != http.StatusSeeOther {
		t.Errorf("wiki sysop's login = %d", w.Code)
	}
}

// TestActionsTakeTheirSiteLock: an action waits for its own site's lock
// (the site's pass in flight), never for another site's.
func TestActionsTakeTheirSiteLock(t *testing.T) {
	e, forum := newTwoSites(t)
	wikiLock, forumLock := &sync.Mutex{}, &sync.Mutex{}
	e.wiki.lock, forum.lock = wikiLock, forumLock
	h, err := New(Options{Now: e.clock.now, Thresholds: map[string]float64{"probe": 0.5, "links": 0.7}}, Deps{Sites: []Site{
		{Name: store.DefaultSite, Store: e.st.Site(store.DefaultSite), Port: e.wiki, Groups: []string{"sysop"}, Lock: wikiLock},
		{Name: "forum", Kind: KindNodeBB, Store: e.st.Site("forum"), Port: forum, Groups: []string{"forum-mods"}, Lock: forumLock},
	}, Auth: e.auth, Metrics: e.metrics})
	if err != nil {
		t.Fatal(err)
	}
	e.h = h
	c := e.login("Both", "both-pass")

	wikiLock.Lock() // the wiki's pass is running
	wikiDone := make(chan int, 1)
	go func() {
		wikiDone <- e.do("POST", "/api/actions/wiki:101/restore", url.Values{}, c, nil).Code
	}()
	forumDone := make(chan int, 1)
	go func() {
		forumDone <- e.do("POST", "/api/actions/forum:101/restore", url.Values{}, c, nil).Code
	}()
	select {
	case code := <-forumDone:
		if code != http.StatusOK {
			t.Errorf("forum restore = %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the forum's restore waited for the wiki's pass")
	}
	select {
	case code := <-wikiDone:
		t.Fatalf("the wiki's restore (%d) did not wait for the wiki's pass", code)
	case <-time.After(200 * time.Millisecond):
	}
	wikiLock.Unlock()
	if code := <-wikiDone; code != http.StatusOK {
		t.Errorf("wiki restore after the pass = %d", code)
	}
	if e.wiki.unlocked || forum.unlocked {
		t.Error("a site was acted on without its lock held")
	}
}

// TestSiteAddedWhileServing: a site added to a running console (a reload
// of the config) is reviewed at once, and a removed one is gone.
func TestSiteAddedWhileServing(t *testing.T) {
	e, forum := newTwoSites(t)
	h, err := New(Options{Now: e.clock.now, Thresholds: map[string]float64{"probe": 0.5, "links": 0.7}}, Deps{Sites: []Site{
		{Name: store.DefaultSite, Store: e.st.Site(store.DefaultSite), Port: e.wiki, Groups: []string{"sysop"}},
	}, Auth: e.auth, Lock: e.wiki.lock, Metrics: e.metrics})
	if err != nil {
		t.Fatal(err)
	}
	e.h = h
	c := e.login("Both", "both-pass")
	if w := e.do("GET", "/api/actions?site=forum", nil, c, nil); w.Code != http.StatusNotFound {
		t.Fatalf("forum before it was added = %d, want 404", w.Code)
	}
	if err := h.SetSite(Site{Name: "forum", Kind: KindNodeBB, Store: e.st.Site("forum"), Port: forum, Groups: []string{"forum-mods"}}); err != nil {
		t.Fatal(err)
	}
	if items := e.list("/api/actions?site=forum", c); len(items) != 1 || items[0].ID != "forum:101" {
		t.Fatalf("forum's actions after it was added = %+v", items)
	}
	if w := e.do("POST", "/api/actions/forum:101/restore", url.Values{}, c, nil); w.Code != http.StatusOK {
		t.Fatalf("restore on the added forum = %d %s", w.Code, w.Body)
	}
	if err := h.SetSite(Site{Name: store.DefaultSite, Store: e.st.Site(store.DefaultSite), Port: e.wiki}); err == nil {
		t.Error("the first site was replaced")
	}
	if !h.RemoveSite("forum") {
		t.Fatal("forum not removed")
	}
	if w := e.do("GET", "/api/actions?site=forum", nil, c, nil); w.Code != http.StatusNotFound {
		t.Errorf("forum after it was removed = %d, want 404", w.Code)
	}
	if h.RemoveSite(store.DefaultSite) {
		t.Error("the first site was removed")
	}
}
