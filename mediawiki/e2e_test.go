package mediawiki

// End-to-end tests against a real MediaWiki started by internal/testwiki.
// The wiki is checked with testwiki's own plain-HTTP helpers, never with
// this client.

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/internal/testwiki"
)

// startWiki starts a wiki and a logged-in bot client for it.
func startWiki(t *testing.T) (*testwiki.Wiki, *Client, context.Context) {
	t.Helper()
	return startWikiWith(t, testwiki.Options{})
}

// startWikiWith is startWiki with settings for the wiki.
func startWikiWith(t *testing.T, opts testwiki.Options) (*testwiki.Wiki, *Client, context.Context) {
	t.Helper()
	w := testwiki.StartWith(t, opts)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	c, err := New(Options{
		API:       w.API,
		UserAgent: "wikiwarden-test/0 (User:Admin; admin@example.org)",
		Username:  w.BotUser,
		Password:  w.BotPassword,
		Maxlag:    5,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Login(ctx); err != nil {
		t.Fatal(err)
	}
	return w, c, ctx
}

// ip returns a distinct documentation-range IP for i.
func ip(i int) string { return fmt.Sprintf("203.0.113.%d", i%250+1) }

func TestLoginAccountSiteInfo(t *testing.T) {
	t.Parallel()
	// Limits other than the defaults SiteInfo falls back to, so the test
	// fails if reading them breaks. They are set before the server starts:
	// php -S's opcache may serve a LocalSettings.php rewritten later in its
	// old form (this test failed 2 of 3 runs that way).
	w, c, ctx := startWikiWith(t, testwiki.Options{
		Settings: "$wgBlockCIDRLimit = [ 'IPv4' => 20, 'IPv6' => 40 ];",
	})

	a, err := c.Account(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if a.Name != "Warden" || a.ID == 0 {
		t.Errorf("Account = %q (id %d), want Warden", a.Name, a.ID)
	}
	for _, g := range []string{"bot", "sysop"} {
		if !slices.Contains(a.Groups, g) {
			t.Errorf("groups %v lack %s", a.Groups, g)
		}
	}
	// The bot password's grants, not just the groups, decide these rights.
	for _, r := range []string{"rollback", "block", "apihighlimits", "editprotected", "markbotedits"} {
		if !slices.Contains(a.Rights, r) {
			t.Errorf("rights lack %s", r)
		}
	}

	si, err := c.SiteInfo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(si.Generator, "MediaWiki 1.") {
		t.Errorf("Generator = %q", si.Generator)
	}
	if si.Lang != "en" {
		t.Errorf("Lang = %q, want en", si.Lang)
	}
	if si.BlockCIDRLimitV4 != 20 || si.BlockCIDRLimitV6 != 40 {
		t.Errorf("CIDR limits = /%d, /%d, want the wiki's /20, /40", si.BlockCIDRLimitV4, si.BlockCIDRLimitV6)
	}
	before := c.Requests()
	a2, si2, err := c.AccountAndSiteInfo(ctx)
	if err != nil || a2.Name != a.Name || !slices.Equal(a2.Groups, a.Groups) || a2.EditCount != a.EditCount || si2 != si {
		t.Errorf("AccountAndSiteInfo = %+v, %+v, %v; want %+v, %+v", a2, si2, err, a, si)
	}
	if n := c.Requests() - before; n != 2 {
		t.Errorf("AccountAndSiteInfo made %d requests, want 2", n)
	}

	t.Run("wrong password", func(t *testing.T) {
		const pw = "not-the-password-0123456789abcdef"
		bad, err := New(Options{API: w.API, UserAgent: "wikiwarden-test/0", Username: w.BotUser, Password: pw})
		if err != nil {
			t.Fatal(err)
		}
		err = bad.Login(ctx)
		if !errors.Is(err, ErrLoginFailed) {
			t.Fatalf("Login error = %v, want ErrLoginFailed", err)
		}
		if strings.Contains(err.Error(), pw) {
			t.Errorf("error leaks the password: %v", err)
		}
	})
}

func TestRecentChanges(t *testing.T) {
	t.Parallel()
	w, c, ctx := startWiki(t)
	start := time.Now().Add(-time.Second)

	// Seven changes: a creation by Admin, then anonymous edits from
	// different IPs, some creating pages.
	if _, err := w.AdminEdit(ctx, "RC seed", "seed", "seed"); err != nil {
		t.Fatal(err)
	}
	type edit struct {
		ip, title string
		rev       int64
	}
	var edits []edit
	for i, title := range []string{"RC seed", "RC seed", "RC new 1", "RC seed", "RC new 2", "RC new 1"} {
		rev, err := w.AppendAnon(ctx, ip(i), title, fmt.Sprintf(" +%d", i), fmt.Sprintf("anon %d", i))
		if err != nil {
			t.Fatal(err)
		}
		edits = append(edits, edit{ip(i), title, rev})
	}

	c.pageSize = 2
	before := c.Requests()
	changes, err := c.RecentChanges(ctx, start, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Requests() - before; got != 4 {
		t.Errorf("7 changes at 2 a page took %d requests, want 4", got)
	}
	if len(changes) != 7 {
		t.Fatalf("got %d changes, want 7: %+v", len(changes), changes)
	}
	first := changes[0]
	if first.Title != "RC seed" || first.User != "Admin" || first.Anon || first.Type != "new" || first.OldRevID != 0 {
		t.Errorf("first change = %+v, want Admin creating RC seed", first)
	}
	for i, e := range edits {
		ch := changes[i+1]
		if ch.RevID != e.rev || ch.Title != e.title || ch.User != e.ip || !ch.Anon {
			t.Errorf("change %d = %+v, want rev %d on %q by anonymous %s", i+1, ch, e.rev, e.title, e.ip)
		}
		if ch.Comment != fmt.Sprintf("anon %d", i) {
			t.Errorf("change %d comment = %q", i+1, ch.Comment)
		}
		if ch.Timestamp.Before(start.Truncate(time.Second)) || ch.Timestamp.After(time.Now().Add(time.Minute)) {
			t.Errorf("change %d timestamp %v out of range", i+1, ch.Timestamp)
		}
	}
	if changes[3].Type != "new" || changes[2].Type != "edit" || changes[2].OldRevID == 0 {
		t.Errorf("types: %q (old %d), %q", changes[2].Type, changes[2].OldRevID, changes[3].Type)
	}
	for i := 1; i < len(changes); i++ {
		if changes[i].RCID <= changes[i-1].RCID {
			t.Errorf("not oldest first at %d: rcid %d after %d", i, changes[i].RCID, changes[i-1].RCID)
		}
	}

	// limit stops early; start skips older changes.
	some, err := c.RecentChanges(ctx, start, 3)
	if err != nil || len(some) != 3 || some[2].RCID != changes[2].RCID {
		t.Errorf("limit 3: %d changes, %v", len(some), err)
	}
	later, err := c.RecentChanges(ctx, time.Now().Add(time.Hour), 0)
	if err != nil || len(later) != 0 {
		t.Errorf("start in the future: %d changes, %v", len(later), err)
	}
}

func TestRevisionsBatching(t *testing.T) {
	t.Parallel()
	w, c, ctx := startWiki(t)

	// 60 revisions over four pages, written four at a time: with the
	// missing id, two batches of 50.
	const n = 60
	type made struct {
		rev  int64
		ip   string
		text string
	}
	revs := make([]made, n)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for p := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := p; i < n; i += 4 {
				text := fmt.Sprintf("page %d line %d", p, i)
				rev, err := w.AnonEdit(ctx, ip(i), fmt.Sprintf("Batch %d", p), text, "")
				if err != nil {
					errs <- err
					return
				}
				revs[i] = made{rev, ip(i), text}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}

	ids := []int64{999999} // missing
	for _, r := range revs {
		ids = append(ids, r.rev)
	}
	before := c.Requests()
	got, err := c.Revisions(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if d := c.Requests() - before; d != 2 {
		t.Errorf("%d ids took %d requests, want 2 (50 a request)", len(ids), d)
	}
	if len(got) != n+1 {
		t.Errorf("got %d revisions, want %d", len(got), n+1)
	}
	if m := got[999999]; !m.Missing {
		t.Errorf("revision 999999 = %+v, want Missing", m)
	}
	for i, r := range revs {
		g := got[r.rev]
		if g.Missing || g.Content != r.text || g.User != r.ip || !g.Anon || g.PageID == 0 ||
			g.Title != fmt.Sprintf("Batch %d", i%4) || g.Timestamp.IsZero() {
			t.Errorf("revision %d = %+v, want %q by %s", r.rev, g, r.text, r.ip)
		}
		if i >= 4 && g.ParentID != revs[i-4].rev {
			t.Errorf("revision %d parent = %d, want %d", r.rev, g.ParentID, revs[i-4].rev)
		}
	}
}

func TestUsersAndPages(t *testing.T) {
	t.Parallel()
	w, c, ctx := startWiki(t)

	names := []string{"Warden", "admin", "198.51.100.1", "2001:db8::1", "Nobody here"}
	for i := range 55 {
		names = append(names, fmt.Sprintf("Ghost %d", i))
	}
	before := c.Requests()
	users, err := c.Users(ctx, names)
	if err != nil {
		t.Fatal(err)
	}
	if d := c.Requests() - before; d != 2 {
		t.Errorf("%d names took %d requests, want 2", len(names), d)
	}
	if len(users) != len(names) {
		t.Errorf("got %d users, want %d", len(users), len(names))
	}
	if u := users["Warden"]; u.Missing || !slices.Contains(u.Groups, "bot") {
		t.Errorf("Warden = %+v", u)
	}
	if u := users["admin"]; u.Missing || u.Name != "Admin" || !slices.Contains(u.Groups, "sysop") {
		t.Errorf("admin = %+v, want the account Admin", u)
	}
	for _, n := range []string{"198.51.100.1", "2001:db8::1", "Nobody here", "Ghost 54"} {
		if !users[n].Missing {
			t.Errorf("%s = %+v, want Missing", n, users[n])
		}
	}

	rev, err := w.AdminEdit(ctx, "Some page", "Some text.", "seed")
	if err != nil {
		t.Fatal(err)
	}
	pages, err := c.Pages(ctx, []string{"Some_page", "No such page", "Talk:"})
	if err != nil {
		t.Fatal(err)
	}
	p := pages["Some_page"]
	if p.Missing || p.Title != "Some page" || p.Latest.RevID != rev || p.Latest.Content != "Some text." || p.Latest.User != "Admin" || p.Protected {
		t.Errorf("Some_page = %+v", p)
	}
	if !pages["No such page"].Missing || !pages["Talk:"].Missing {
		t.Errorf("missing/invalid pages: %+v / %+v", pages["No such page"], pages["Talk:"])
	}

	// Protect it (the client has no Protect; use its raw call) and look again.
	err = c.call(ctx, request{op: "protect", post: true, token: "csrf", params: map[string]string{
		"action": "protect", "title": "Some page", "protections": "edit=sysop", "expiry": "1 day",
	}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	pages, err = c.Pages(ctx, []string{"Some page"})
	if err != nil || !pages["Some page"].Protected {
		t.Errorf("after protection: %+v, %v", pages["Some page"], err)
	}

	texts, err := c.SamplePages(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	// Main Page and Some page, each once.
	if len(texts) != 2 || !slices.Contains(texts, "Some text.") {
		t.Errorf("SamplePages = %d texts %.80q", len(texts), texts)
	}
}

func TestRollbackAndUndo(t *testing.T) {
	t.Parallel()
	w, c, ctx := startWiki(t)

	t.Run("rollback", func(t *testing.T) {
		if _, err := w.AdminEdit(ctx, "Rolled", "Good text.", "seed"); err != nil {
			t.Fatal(err)
		}
		for _, add := range []string{" qxzvk", " [http://spam.example buy]"} {
			if _, err := w.AppendAnon(ctx, "198.51.100.7", "Rolled", add, ""); err != nil {
				t.Fatal(err)
			}
		}
		if err := c.Rollback(ctx, "Rolled", "198.51.100.7", "Reverting probe edits"); err != nil {
			t.Fatal(err)
		}
		text, err := w.PageText(ctx, "Rolled")
		if err != nil || text != "Good text." {
			t.Errorf("after rollback text = %q, %v", text, err)
		}
		_, user, err := w.LatestRev(ctx, "Rolled")
		if err != nil || user != "Warden" {
			t.Errorf("latest by %q, %v; want Warden", user, err)
		}
		err = c.Rollback(ctx, "Rolled", "198.51.100.7", "again")
		if !errors.Is(err, ErrAlreadyRolled) {
			t.Errorf("second rollback error = %v, want ErrAlreadyRolled", err)
		}
		var ae *APIError
		if !errors.As(err, &ae) || !strings.HasPrefix(err.Error(), `rollback "Rolled": alreadyrolled: `) {
			t.Errorf("error %q is not a rollback *APIError", err)
		}
		if err := c.Rollback(ctx, "Never existed", "198.51.100.7", ""); !errors.Is(err, ErrNotFound) {
			t.Errorf("rollback of a missing page = %v, want ErrNotFound", err)
		}
	})

	t.Run("undo", func(t *testing.T) {
		if _, err := w.AdminEdit(ctx, "Undone", "Para one.\n\nPara two.\n\nPara three.", "seed"); err != nil {
			t.Fatal(err)
		}
		spam, err := w.AnonEdit(ctx, "198.51.100.8", "Undone", "Para one. SPAM\n\nPara two.\n\nPara three.", "")
		if err != nil {
			t.Fatal(err)
		}
		// A later, unrelated edit by someone else: rollback would not
		// apply, undo merges around it.
		if _, err := w.AnonEdit(ctx, "198.51.100.9", "Undone", "Para one. SPAM\n\nPara two.\n\nPara three, fixed.", ""); err != nil {
			t.Fatal(err)
		}
		if err := c.Undo(ctx, "Undone", spam, "Undo spam"); err != nil {
			t.Fatal(err)
		}
		text, err := w.PageText(ctx, "Undone")
		if want := "Para one.\n\nPara two.\n\nPara three, fixed."; err != nil || text != want {
			t.Errorf("after undo text = %q, %v; want %q", text, err, want)
		}

		// An undo the later edits make impossible.
		spam2, err := w.AnonEdit(ctx, "198.51.100.8", "Undone", "Para one. SPAM2\n\nPara two.\n\nPara three, fixed.", "")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.AnonEdit(ctx, "198.51.100.9", "Undone", "Para one. SPAM2 edited\n\nPara two.\n\nPara three, fixed.", ""); err != nil {
			t.Fatal(err)
		}
		if err := c.Undo(ctx, "Undone", spam2, "Undo spam"); !errors.Is(err, ErrEditConflict) {
			t.Errorf("conflicting undo = %v, want ErrEditConflict", err)
		}
		if err := c.Undo(ctx, "Undone", 999999, ""); !errors.Is(err, ErrNotFound) {
			t.Errorf("undo of a missing revision = %v, want ErrNotFound", err)
		}
	})
}

func TestEdit(t *testing.T) {
	t.Parallel()
	w, c, ctx := startWiki(t)

	base, err := w.AdminEdit(ctx, "Edited", "Version 1.", "seed")
	if err != nil {
		t.Fatal(err)
	}
	rev, err := c.Edit(ctx, EditParams{Title: "Edited", Text: "Version 2.", Summary: "bot edit", BaseRevID: base, Bot: true, Minor: true, NoCreate: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, user, err := w.LatestRev(ctx, "Edited"); err != nil || got != rev || user != "Warden" {
		t.Errorf("latest = %d by %q, %v; want %d by Warden", got, user, err, rev)
	}
	changes, err := c.RecentChanges(ctx, time.Now().Add(-time.Minute), 0)
	if err != nil {
		t.Fatal(err)
	}
	if i := slices.IndexFunc(changes, func(ch Change) bool { return ch.RevID == rev }); i < 0 ||
		!changes[i].Bot || !changes[i].Minor || changes[i].Comment != "bot edit" || changes[i].OldRevID != base {
		t.Errorf("bot edit %d not flagged bot+minor in %+v", rev, changes)
	}

	// Someone edits in between: an edit based on the old revision conflicts.
	if _, err := w.AppendAnon(ctx, "198.51.100.10", "Edited", " Meanwhile.", ""); err != nil {
		t.Fatal(err)
	}
	_, err = c.Edit(ctx, EditParams{Title: "Edited", Text: "Stale overwrite.", BaseRevID: rev})
	if !errors.Is(err, ErrEditConflict) {
		t.Errorf("stale edit error = %v, want ErrEditConflict", err)
	}
	if text, _ := w.PageText(ctx, "Edited"); text != "Version 2. Meanwhile." {
		t.Errorf("text after conflict = %q, want the intervening edit kept", text)
	}

	// Same text again: no new revision.
	latest, _, _ := w.LatestRev(ctx, "Edited")
	if rev, err := c.Edit(ctx, EditParams{Title: "Edited", Text: "Version 2. Meanwhile.", BaseRevID: latest}); err != nil || rev != 0 {
		t.Errorf("null edit = %d, %v; want 0, nil", rev, err)
	}
	if _, err := c.Edit(ctx, EditParams{Title: "Not there", Text: "x", NoCreate: true}); !errors.Is(err, ErrNotFound) {
		t.Errorf("NoCreate on a missing page = %v, want ErrNotFound", err)
	}
}

func TestBlock(t *testing.T) {
	t.Parallel()
	w, c, ctx := startWiki(t)

	blockInfo := func(target string) map[string]any {
		t.Helper()
		m, err := w.Get(ctx, url.Values{"action": {"query"}, "list": {"blocks"}, "bkusers": {target},
			"bkprop": {"user|flags|expiry|reason"}})
		if err != nil {
			t.Fatal(err)
		}
		blocks, _ := m["query"].(map[string]any)["blocks"].([]any)
		if len(blocks) != 1 {
			t.Fatalf("blocks of %s = %v, want one", target, blocks)
		}
		return blocks[0].(map[string]any)
	}

	t.Run("ip", func(t *testing.T) {
		const target = "192.0.2.44"
		if _, err := w.AnonEdit(ctx, target, "Block test", "before", ""); err != nil {
			t.Fatal(err)
		}
		err := c.Block(ctx, BlockParams{Target: target, Expiry: "31 hours", Reason: "probe edits", AnonOnly: true, NoCreate: true})
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := w.Blocked(ctx, target); err != nil || !ok {
			t.Errorf("Blocked(%s) = %v, %v", target, ok, err)
		}
		b := blockInfo(target)
		if b["anononly"] != true || b["nocreate"] != true || b["reason"] != "probe edits" || b["expiry"] == "infinite" {
			t.Errorf("block = %v, want anononly, nocreate, reason, finite expiry", b)
		}
		if _, err := w.AnonEdit(ctx, target, "Block test", "after", ""); err == nil || !strings.Contains(err.Error(), "blocked") {
			t.Errorf("edit from blocked IP: %v, want blocked", err)
		}
		if err := c.Block(ctx, BlockParams{Target: target, Expiry: "31 hours"}); !errors.Is(err, ErrAlreadyBlocked) {
			t.Errorf("second block = %v, want ErrAlreadyBlocked", err)
		}
		if err := c.Block(ctx, BlockParams{Target: target, Expiry: "1 week", Reason: "longer", Reblock: true}); err != nil {
			t.Errorf("reblock = %v", err)
		}
		if b := blockInfo(target); b["reason"] != "longer" {
			t.Errorf("after reblock = %v", b)
		}
	})

	t.Run("range", func(t *testing.T) {
		const target = "198.51.100.0/24"
		if err := c.Block(ctx, BlockParams{Target: target, Expiry: "1 day", Reason: "botnet range", AnonOnly: true, NoCreate: true}); err != nil {
			t.Fatal(err)
		}
		for _, inside := range []string{"198.51.100.1", "198.51.100.254", target} {
			if ok, err := w.Blocked(ctx, inside); err != nil || !ok {
				t.Errorf("Blocked(%s) = %v, %v", inside, ok, err)
			}
		}
		if ok, err := w.Blocked(ctx, "198.51.101.1"); err != nil || ok {
			t.Errorf("Blocked(outside) = %v, %v", ok, err)
		}
		if _, err := w.AnonEdit(ctx, "198.51.100.99", "Range test", "x", ""); err == nil || !strings.Contains(err.Error(), "blocked") {
			t.Errorf("edit from blocked range: %v, want blocked", err)
		}
		if _, err := w.AnonEdit(ctx, "198.51.101.99", "Range test", "x", ""); err != nil {
			t.Errorf("edit from outside the range: %v", err)
		}
		b := blockInfo(target)
		if b["anononly"] != true || b["nocreate"] != true {
			t.Errorf("range block = %v", b)
		}
		// Broader than $wgBlockCIDRLimit: refused, and not a sentinel.
		err := c.Block(ctx, BlockParams{Target: "10.0.0.0/8", Expiry: "1 day"})
		var ae *APIError
		if !errors.As(err, &ae) || ae.Code != "ip_range_toolarge" {
			t.Errorf("/8 block = %v, want ip_range_toolarge", err)
		}
	})
}

func TestSessionLoss(t *testing.T) {
	t.Parallel()
	w, c, ctx := startWiki(t)
	if _, err := w.AdminEdit(ctx, "Session", "v1", "seed"); err != nil {
		t.Fatal(err)
	}
	// Prime the token cache, then end the session on the server.
	if _, err := c.Edit(ctx, EditParams{Title: "Session", Text: "v2"}); err != nil {
		t.Fatal(err)
	}
	if err := c.call(ctx, request{op: "logout", params: map[string]string{"action": "logout"}, post: true, token: "csrf"}, nil); err != nil {
		t.Fatal(err)
	}
	if a, err := c.Account(ctx); err != nil || a.Name != "Warden" {
		// Reads assert too, so even this logs in again.
		t.Errorf("Account after logout = %+v, %v", a, err)
	}

	if err := c.call(ctx, request{op: "logout", params: map[string]string{"action": "logout"}, post: true, token: "csrf"}, nil); err != nil {
		t.Fatal(err)
	}
	before := c.Requests()
	rev, err := c.Edit(ctx, EditParams{Title: "Session", Text: "v3"})
	if err != nil {
		t.Fatalf("edit after logout: %v", err)
	}
	if _, user, _ := w.LatestRev(ctx, "Session"); user != "Warden" {
		t.Errorf("edit after re-login made by %q, want Warden", user)
	}
	// Failed edit, login token, login, csrf token, edit.
	if d := c.Requests() - before; d != 5 {
		t.Errorf("re-login edit took %d requests, want 5", d)
	}
	if rev == 0 {
		t.Error("no revision id")
	}

	t.Run("cookies lost", func(t *testing.T) {
		var expired []*http.Cookie
		for _, ck := range c.mw.DumpCookies() {
			expired = append(expired, &http.Cookie{Name: ck.Name, Path: "/", MaxAge: -1})
		}
		c.mw.LoadCookies(expired)
		if n := len(c.mw.DumpCookies()); n != 0 {
			t.Fatalf("%d cookies left", n)
		}
		if err := c.Rollback(ctx, "Session", "198.51.100.1", ""); !errors.Is(err, ErrAlreadyRolled) {
			t.Errorf("rollback without cookies = %v, want ErrAlreadyRolled after re-login", err)
		}
	})
}

func TestBlockInfoUnblockDelete(t *testing.T) {
	t.Parallel()
	w, c, ctx := startWiki(t)

	const ip4, rng, admins = "192.0.2.50", "198.51.100.0/24", "192.0.2.60"
	if _, err := c.BlockInfo(ctx, ip4); !errors.Is(err, ErrNotFound) || Transient(err) {
		t.Fatalf("BlockInfo of an unblocked IP = %v, want ErrNotFound", err)
	}
	before := time.Now().Add(-2 * time.Second)
	if err := c.Block(ctx, BlockParams{Target: ip4, Expiry: "1 day", Reason: "probe edits", AnonOnly: true, NoCreate: true}); err != nil {
		t.Fatal(err)
	}
	b, err := c.BlockInfo(ctx, ip4)
	if err != nil {
		t.Fatal(err)
	}
	if b.ID == 0 || b.Target != ip4 || b.By != "Warden" || b.Reason != "probe edits" || !b.AnonOnly || !b.NoCreate ||
		b.Timestamp.Before(before.Truncate(time.Second)) || b.Timestamp.After(time.Now().Add(time.Minute)) {
		t.Errorf("BlockInfo = %+v, want Warden's block with its reason and flags", b)
	}
	if d := b.Expiry.Sub(b.Timestamp); d < 23*time.Hour || d > 25*time.Hour {
		t.Errorf("expiry %v is %v after the timestamp, want a day", b.Expiry, d)
	}

	// An administrator's block is told apart by By; an infinite one has a
	// zero Expiry.
	if err := w.AdminBlock(ctx, admins, "infinite", "vandal"); err != nil {
		t.Fatal(err)
	}
	if err := c.Block(ctx, BlockParams{Target: admins, Expiry: "1 day"}); !errors.Is(err, ErrAlreadyBlocked) {
		t.Fatalf("block over an admin's = %v, want ErrAlreadyBlocked", err)
	}
	if b, err := c.BlockInfo(ctx, admins); err != nil || b.By != "Admin" || !b.Expiry.IsZero() || b.Reason != "vandal" {
		t.Errorf("BlockInfo of the admin's block = %+v, %v", b, err)
	}

	// A range: its own block, not an enclosing range's; an IP inside has
	// none of its own.
	if err := c.Block(ctx, BlockParams{Target: "198.51.0.0/16", Expiry: "1 week", Reason: "wide"}); err != nil {
		t.Fatal(err)
	}
	if err := c.Block(ctx, BlockParams{Target: rng, Expiry: "1 day", Reason: "narrow"}); err != nil {
		t.Fatal(err)
	}
	if b, err := c.BlockInfo(ctx, rng); err != nil || b.Reason != "narrow" || b.Target != rng {
		t.Errorf("BlockInfo(%s) = %+v, %v; want the /24's own block", rng, b, err)
	}
	if _, err := c.BlockInfo(ctx, "198.51.100.7"); !errors.Is(err, ErrNotFound) {
		t.Errorf("BlockInfo of an IP inside blocked ranges = %v, want ErrNotFound", err)
	}
	const v6 = "2001:db8:1::/64"
	if err := c.Block(ctx, BlockParams{Target: v6, Expiry: "1 day", Reason: "v6"}); err != nil {
		t.Fatal(err)
	}
	if b, err := c.BlockInfo(ctx, v6); err != nil || b.Reason != "v6" {
		t.Errorf("BlockInfo(%s) = %+v, %v", v6, b, err)
	}

	if err := c.Unblock(ctx, ip4, "mistake"); err != nil {
		t.Fatal(err)
	}
	if ok, err := w.Blocked(ctx, ip4); err != nil || ok {
		t.Errorf("after Unblock: Blocked = %v, %v", ok, err)
	}
	if err := c.Unblock(ctx, ip4, "again"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Unblock = %v, want ErrNotFound", err)
	}
	if err := c.Unblock(ctx, v6, ""); err != nil {
		t.Errorf("Unblock(%s) = %v", v6, err)
	}

	if _, err := w.AnonEdit(ctx, "192.0.2.99", "Spam created", "buy [http://spam.example now]", ""); err != nil {
		t.Fatal(err)
	}
	if err := c.Delete(ctx, "Spam created", "spam page"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.PageText(ctx, "Spam created"); !errors.Is(err, testwiki.ErrNoPage) {
		t.Errorf("after Delete: %v, want no page", err)
	}
	if err := c.Delete(ctx, "Spam created", "again"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Delete = %v, want ErrNotFound", err)
	}
}

func TestChangesAndPage(t *testing.T) {
	t.Parallel()
	w, c, ctx := startWiki(t)
	const shutoff = "User:Warden/Run"
	start := time.Now().Add(-time.Second)
	if _, err := w.AdminEdit(ctx, shutoff, "true", "on"); err != nil {
		t.Fatal(err)
	}
	for i := range 4 {
		if _, err := w.AppendAnon(ctx, ip(i), "CP page", fmt.Sprintf(" +%d", i), ""); err != nil {
			t.Fatal(err)
		}
	}

	c.pageSize = 2
	logBefore, before := w.Requests(), c.Requests()
	changes, page, err := c.ChangesAndPage(ctx, start, 0, shutoff)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 5 || changes[0].Title != shutoff || changes[4].User != ip(3) {
		t.Errorf("changes = %+v, want the shutoff page's creation and 4 edits", changes)
	}
	if page.Missing || page.Title != shutoff || page.Latest.Content != "true" || page.Latest.User != "Admin" || page.Latest.RevID != changes[0].RevID {
		t.Errorf("page = %+v", page)
	}
	if d := c.Requests() - before; d != 3 {
		t.Errorf("5 changes at 2 a page took %d requests, want 3", d)
	}
	if d := w.Requests() - logBefore; d != 3 {
		t.Errorf("the wiki logged %d requests, want 3", d)
	}
	// Only the first request asks for the page.
	log, err := os.ReadFile(filepath.Join(w.Dir, "access.log"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(log), "titles=User%3AWarden%2FRun"); n != 1 {
		t.Errorf("the page was asked for in %d requests, want 1", n)
	}

	// An idle pass: nothing new, one request, page included.
	logBefore, before = w.Requests(), c.Requests()
	changes, page, err = c.ChangesAndPage(ctx, time.Now().Add(time.Hour), 100, shutoff)
	if err != nil || len(changes) != 0 || page.Latest.Content != "true" {
		t.Errorf("idle: %d changes, page %+v, %v", len(changes), page, err)
	}
	if d, dw := c.Requests()-before, w.Requests()-logBefore; d != 1 || dw != 1 {
		t.Errorf("an idle pass took %d requests (%d by the wiki's log), want 1", d, dw)
	}

	// A missing page, and a limit.
	changes, page, err = c.ChangesAndPage(ctx, start, 3, "User:Warden/Nothing")
	if err != nil || len(changes) != 3 || !page.Missing {
		t.Errorf("missing page: %d changes, page %+v, %v", len(changes), page, err)
	}
}

func TestPageAndSiteLanguage(t *testing.T) {
	t.Parallel()
	w, c, ctx := startWikiWith(t, testwiki.Options{Settings: `$wgLanguageCode = "de";`})
	si, err := c.SiteInfo(ctx)
	if err != nil || si.Lang != "de" {
		t.Errorf("SiteInfo.Lang = %q, %v; want de", si.Lang, err)
	}
	// MediaWiki-namespace subpages take their language from the suffix.
	if _, err := w.AdminEdit(ctx, "MediaWiki:Wikiwarden-test/fr", "bonjour", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := w.AdminEdit(ctx, "Seite", "Text", ""); err != nil {
		t.Fatal(err)
	}
	pages, err := c.Pages(ctx, []string{"MediaWiki:Wikiwarden-test/fr", "Seite", "Fehlt"})
	if err != nil {
		t.Fatal(err)
	}
	if got := pages["MediaWiki:Wikiwarden-test/fr"].Language; got != "fr" {
		t.Errorf("language of a /fr message = %q, want fr", got)
	}
	if got := pages["Seite"].Language; got != "de" {
		t.Errorf("language of an article = %q, want the wiki's de", got)
	}
	if p := pages["Fehlt"]; !p.Missing || p.Language != "" {
		t.Errorf("missing page = %+v", p)
	}
}
