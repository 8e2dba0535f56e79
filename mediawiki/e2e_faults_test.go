package mediawiki

// Fault tests against a real MediaWiki behind internal/faultproxy: each
// puts one fault between the client and the wiki and checks that the
// client recovers, or fails with the right kind of error, and that a write
// whose answer was lost is not carried out twice.

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/internal/faultproxy"
	"github.com/wikiwarden/wikiwarden/internal/testwiki"
)

// startProxied starts a wiki, a fault proxy in front of it, and a logged-in
// bot client that goes through the proxy, with waits shrunk.
func startProxied(t *testing.T, opts Options) (*testwiki.Wiki, *faultproxy.Proxy, *Client, context.Context) {
	t.Helper()
	w := testwiki.Start(t)
	p, err := faultproxy.Start(w.API, faultproxy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	opts.API = p.API
	opts.UserAgent = "wikiwarden-test/0 (User:Admin)"
	opts.Username, opts.Password = w.BotUser, w.BotPassword
	opts.Maxlag = 5
	if opts.Retries == 0 {
		opts.Retries = 2
	}
	c, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	c.backoff = time.Millisecond
	c.maxWait = 20 * time.Millisecond
	if err := c.Login(ctx); err != nil {
		t.Fatal(err)
	}
	return w, p, c, ctx
}

// wardenRevisions counts the bot's revisions of title.
func wardenRevisions(t *testing.T, ctx context.Context, w *testwiki.Wiki, title string) int {
	t.Helper()
	h, err := w.History(ctx, title)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range h {
		if r.User == "Warden" {
			n++
		}
	}
	return n
}

func TestFault503(t *testing.T) {
	t.Parallel()
	w, p, c, ctx := startProxied(t, Options{})
	if _, err := w.AdminEdit(ctx, "F503", "v1", ""); err != nil {
		t.Fatal(err)
	}

	// A few 503s: retried, the edit made once.
	p.Add(faultproxy.Rule{Match: faultproxy.Action("edit"), Fault: faultproxy.Status503, Times: 2})
	if _, err := c.Edit(ctx, EditParams{Title: "F503", Text: "v2"}); err != nil {
		t.Fatalf("edit after two 503s: %v", err)
	}
	if n := p.Count(faultproxy.Action("edit")); n != 3 {
		t.Errorf("%d edit requests, want 3", n)
	}
	if n := wardenRevisions(t, ctx, w, "F503"); n != 1 {
		t.Errorf("%d revisions by the bot, want 1", n)
	}

	// A wiki that keeps failing: rollback exhausts its retries, an undo
	// after it too, and then calls fail at once without pressing the wiki.
	p.Add(faultproxy.Rule{Match: faultproxy.Write(), Fault: faultproxy.Status503})
	writes := p.Count(faultproxy.Write())
	start := time.Now()
	err := c.Rollback(ctx, "F503", "192.0.2.1", "")
	if !errors.Is(err, ErrUnavailable) || !Transient(err) || !strings.Contains(err.Error(), "HTTP 503") {
		t.Fatalf("rollback = %v, want transient ErrUnavailable naming the 503", err)
	}
	if err := c.Undo(ctx, "F503", 1, ""); !errors.Is(err, ErrUnavailable) || errors.Is(err, ErrCoolingOff) {
		t.Errorf("undo after it = %v, want ErrUnavailable after its retries", err)
	}
	if _, err := c.Edit(ctx, EditParams{Title: "F503", Text: "v1"}); !errors.Is(err, ErrCoolingOff) || !errors.Is(err, ErrUnavailable) {
		t.Errorf("edit after both = %v, want ErrCoolingOff", err)
	}
	if n := p.Count(faultproxy.Write()) - writes; n != 6 {
		t.Errorf("%d writes, want 6 (two calls, each one request and its 2 retries)", n)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("the fallthrough took %v", el)
	}
}

func TestFaultPoisonPage(t *testing.T) {
	t.Parallel()
	w, p, c, ctx := startProxied(t, Options{CoolOff: 500 * time.Millisecond})
	for _, title := range []string{"Poison", "Healthy"} {
		if _, err := w.AdminEdit(ctx, title, "v1", ""); err != nil {
			t.Fatal(err)
		}
	}
	p.Add(faultproxy.Rule{Match: faultproxy.WriteTo("Poison"), Fault: faultproxy.Status500})
	_, err := c.Edit(ctx, EditParams{Title: "Poison", Text: "v2"})
	if !errors.Is(err, ErrUnavailable) || !Transient(err) || !strings.Contains(err.Error(), "HTTP 500") {
		t.Fatalf("edit of the poison page = %v, want transient ErrUnavailable", err)
	}
	// One call failing does not cool the wiki off: other pages' writes
	// go on.
	if _, err := c.Edit(ctx, EditParams{Title: "Healthy", Text: "v2"}); err != nil {
		t.Errorf("edit of another page = %v, want it made", err)
	}
	// The poison page again, twice in a row: that is a failing wiki as far
	// as the client can tell, and it cools off.
	for range 2 {
		if _, err := c.Edit(ctx, EditParams{Title: "Poison", Text: "v3"}); !errors.Is(err, ErrUnavailable) {
			t.Fatalf("edit of the poison page = %v", err)
		}
	}
	if _, err := c.Edit(ctx, EditParams{Title: "Healthy", Text: "v3"}); !errors.Is(err, ErrCoolingOff) {
		t.Errorf("edit during the cool-off = %v, want ErrCoolingOff", err)
	}
	time.Sleep(600 * time.Millisecond)
	if _, err := c.Edit(ctx, EditParams{Title: "Healthy", Text: "v3"}); err != nil {
		t.Errorf("edit after the cool-off: %v", err)
	}
	if text, _ := w.PageText(ctx, "Poison"); text != "v1" {
		t.Errorf("poison page = %q", text)
	}
}

func TestFaultHold(t *testing.T) {
	t.Parallel()
	w, p, c, ctx := startProxied(t, Options{Timeout: 3 * time.Second})
	base, err := w.AdminEdit(ctx, "Held", "v1", "")
	if err != nil {
		t.Fatal(err)
	}
	// A read held past the timeout is retried.
	p.Add(faultproxy.Rule{Match: faultproxy.Param("meta", "userinfo"), Fault: faultproxy.Hold, Times: 1})
	start := time.Now()
	if a, err := c.Account(ctx); err != nil || a.Name != "Warden" {
		t.Fatalf("Account after a held answer = %+v, %v", a, err)
	}
	if el := time.Since(start); el < 3*time.Second {
		t.Errorf("took %v, want at least the 3s timeout", el)
	}

	// A write the wiki made whose answer was held: the retry does not
	// make it twice.
	p.Add(faultproxy.Rule{Match: faultproxy.WriteTo("Held"), Fault: faultproxy.Hold, Times: 1})
	_, err = c.Edit(ctx, EditParams{Title: "Held", Text: "v2", BaseRevID: base})
	if err != nil && !errors.Is(err, ErrEditConflict) {
		t.Fatalf("edit with a held answer = %v", err)
	}
	if text, _ := w.PageText(ctx, "Held"); text != "v2" {
		t.Errorf("text = %q, want v2", text)
	}
	if n := wardenRevisions(t, ctx, w, "Held"); n != 1 {
		t.Errorf("%d revisions by the bot, want 1", n)
	}
}

func TestFaultMaxlag(t *testing.T) {
	t.Parallel()
	_, p, c, ctx := startProxied(t, Options{})
	p.Add(faultproxy.Rule{Match: faultproxy.Any(), Fault: faultproxy.Maxlag, Times: 2})
	if _, err := c.Account(ctx); err != nil {
		t.Fatalf("Account after two maxlag answers: %v", err)
	}
	p.Add(faultproxy.Rule{Match: faultproxy.Any(), Fault: faultproxy.Maxlag})
	for range 2 {
		if _, err := c.Account(ctx); !errors.Is(err, ErrMaxlag) || !Transient(err) || errors.Is(err, ErrCoolingOff) {
			t.Fatalf("Account with lag throughout = %v, want ErrMaxlag", err)
		}
	}
	seen := p.Count(nil)
	if _, err := c.Account(ctx); !errors.Is(err, ErrCoolingOff) || !errors.Is(err, ErrMaxlag) {
		t.Errorf("next call = %v, want ErrCoolingOff after ErrMaxlag", err)
	}
	if p.Count(nil) != seen {
		t.Error("a call during the cool-off reached the wiki")
	}
}

func TestFaultMalformedAndEmpty(t *testing.T) {
	t.Parallel()
	_, p, c, ctx := startProxied(t, Options{})
	// startProxied's client retries twice: three bad answers in a row.
	p.Add(faultproxy.Rule{Match: faultproxy.Any(), Fault: faultproxy.Malformed, Times: 3})
	_, err := c.Account(ctx)
	if !errors.Is(err, ErrMalformed) || !Transient(err) || !strings.Contains(err.Error(), "GET action=query&meta=userinfo") {
		t.Errorf("malformed answer = %v, want transient ErrMalformed naming the request", err)
	}
	p.Add(faultproxy.Rule{Match: faultproxy.Any(), Fault: faultproxy.Empty, Times: 3})
	_, err = c.RecentChanges(ctx, time.Now(), 10)
	if !errors.Is(err, ErrMalformed) || !strings.Contains(err.Error(), "empty answer to GET action=query&list=recentchanges") ||
		!strings.Contains(err.Error(), p.API) || !strings.Contains(err.Error(), "MediaWiki api.php") {
		t.Errorf("empty answer = %v, want ErrMalformed naming the request and the URL", err)
	}
	// An empty answer to the login token, which used to be a bare EOF.
	p.Add(faultproxy.Rule{Match: faultproxy.Param("type", "login"), Fault: faultproxy.Empty, Times: 3})
	err = c.Login(ctx)
	if !errors.Is(err, ErrMalformed) || !strings.Contains(err.Error(), "login token") || !strings.Contains(err.Error(), "empty answer") {
		t.Errorf("login with an empty token answer = %v", err)
	}
	// Nothing sticks: the next calls work.
	if a, err := c.Account(ctx); err != nil || a.Name != "Warden" {
		t.Errorf("Account afterwards = %+v, %v", a, err)
	}
}

func TestFaultReset(t *testing.T) {
	t.Parallel()
	w, p, c, ctx := startProxied(t, Options{})
	if _, err := w.AdminEdit(ctx, "Reset", "v1", ""); err != nil {
		t.Fatal(err)
	}
	p.Add(faultproxy.Rule{Match: faultproxy.Param("meta", "userinfo"), Fault: faultproxy.Reset, Times: 1})
	if _, err := c.Account(ctx); err != nil {
		t.Errorf("Account after a reset: %v", err)
	}
	p.Add(faultproxy.Rule{Match: faultproxy.Write(), Fault: faultproxy.Reset, Times: 1})
	if _, err := c.Edit(ctx, EditParams{Title: "Reset", Text: "v2"}); err != nil {
		t.Errorf("edit after a reset: %v", err)
	}
	if n := wardenRevisions(t, ctx, w, "Reset"); n != 1 {
		t.Errorf("%d revisions by the bot, want 1", n)
	}
	p.Add(faultproxy.Rule{Match: faultproxy.Any(), Fault: faultproxy.Reset})
	if _, err := c.Account(ctx); !errors.Is(err, ErrUnavailable) || !Transient(err) {
		t.Errorf("Account with resets throughout = %v, want ErrUnavailable", err)
	}
}

func TestFaultDropSession(t *testing.T) {
	t.Parallel()
	w, p, c, ctx := startProxied(t, Options{})
	if _, err := w.AdminEdit(ctx, "Dropped", "Good text.", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := w.AppendAnon(ctx, "198.51.100.7", "Dropped", " qxzvkw", ""); err != nil {
		t.Fatal(err)
	}

	// The write arrives without the session: a clean login (the old
	// cookies would make MediaWiki refuse it) and one retry.
	logins := p.Count(faultproxy.Action("login"))
	p.Add(faultproxy.Rule{Match: faultproxy.Write(), Fault: faultproxy.DropSession, Times: 1})
	if err := c.Rollback(ctx, "Dropped", "198.51.100.7", ""); err != nil {
		t.Fatalf("rollback without the session cookie: %v", err)
	}
	if text, _ := w.PageText(ctx, "Dropped"); text != "Good text." {
		t.Errorf("text = %q", text)
	}
	if n := wardenRevisions(t, ctx, w, "Dropped"); n != 1 {
		t.Errorf("%d revisions by the bot, want 1", n)
	}
	if n := p.Count(faultproxy.Action("login")) - logins; n != 1 {
		t.Errorf("%d logins, want 1", n)
	}

	// A read without it.
	p.Add(faultproxy.Rule{Match: faultproxy.Param("meta", "userinfo"), Fault: faultproxy.DropSession, Times: 1})
	if a, err := c.Account(ctx); err != nil || a.Name != "Warden" {
		t.Errorf("Account without the session cookie = %+v, %v", a, err)
	}

	// A bad token while the session lives.
	c.tokens["csrf"] = "0123456789abcdef+\\"
	if _, err := c.Edit(ctx, EditParams{Title: "Dropped", Text: "After a bad token."}); err != nil {
		t.Errorf("edit with a stale token: %v", err)
	}

	// Every login refused in the middle of work: transient, never a
	// verdict on the action.
	p.Add(faultproxy.Rule{Match: faultproxy.Write(), Fault: faultproxy.DropSession, Times: 1})
	p.Add(faultproxy.Rule{Match: faultproxy.Action("login"), Fault: faultproxy.Status503})
	err := c.Block(ctx, BlockParams{Target: "192.0.2.9", Expiry: "1 day"})
	if !Transient(err) || !errors.Is(err, ErrNotLoggedIn) || errors.Is(err, ErrPermanent) {
		t.Errorf("block with the login failing = %v, want transient ErrNotLoggedIn", err)
	}
}

func TestFaultLoseAnswer(t *testing.T) {
	t.Parallel()
	w, p, c, ctx := startProxied(t, Options{})
	lose := func(title string) {
		p.Add(faultproxy.Rule{Match: faultproxy.WriteTo(title), Fault: faultproxy.LoseAnswer, Times: 1})
	}

	t.Run("edit", func(t *testing.T) {
		base, err := w.AdminEdit(ctx, "LA edit", "v1", "")
		if err != nil {
			t.Fatal(err)
		}
		lose("LA edit")
		if _, err := c.Edit(ctx, EditParams{Title: "LA edit", Text: "v2", BaseRevID: base}); err != nil && !errors.Is(err, ErrEditConflict) {
			t.Fatalf("edit = %v", err)
		}
		if text, _ := w.PageText(ctx, "LA edit"); text != "v2" {
			t.Errorf("text = %q", text)
		}
		if n := wardenRevisions(t, ctx, w, "LA edit"); n != 1 {
			t.Errorf("%d revisions by the bot, want 1", n)
		}
	})

	t.Run("rollback", func(t *testing.T) {
		if _, err := w.AdminEdit(ctx, "LA rollback", "Good.", ""); err != nil {
			t.Fatal(err)
		}
		if _, err := w.AppendAnon(ctx, "198.51.100.8", "LA rollback", " qxzvkw", ""); err != nil {
			t.Fatal(err)
		}
		lose("LA rollback")
		// The retry finds it done: the caller checks the page.
		if err := c.Rollback(ctx, "LA rollback", "198.51.100.8", ""); err != nil && !errors.Is(err, ErrAlreadyRolled) {
			t.Fatalf("rollback = %v", err)
		}
		if text, _ := w.PageText(ctx, "LA rollback"); text != "Good." {
			t.Errorf("text = %q", text)
		}
		if n := wardenRevisions(t, ctx, w, "LA rollback"); n != 1 {
			t.Errorf("%d revisions by the bot, want 1", n)
		}
	})

	t.Run("undo", func(t *testing.T) {
		if _, err := w.AdminEdit(ctx, "LA undo", "One.\n\nTwo.", ""); err != nil {
			t.Fatal(err)
		}
		spam, err := w.AnonEdit(ctx, "198.51.100.9", "LA undo", "One. SPAM\n\nTwo.", "")
		if err != nil {
			t.Fatal(err)
		}
		lose("LA undo")
		if err := c.Undo(ctx, "LA undo", spam, ""); err != nil && !errors.Is(err, ErrEditConflict) {
			t.Fatalf("undo = %v", err)
		}
		if text, _ := w.PageText(ctx, "LA undo"); text != "One.\n\nTwo." {
			t.Errorf("text = %q", text)
		}
		if n := wardenRevisions(t, ctx, w, "LA undo"); n != 1 {
			t.Errorf("%d revisions by the bot, want 1", n)
		}
	})

	t.Run("block", func(t *testing.T) {
		const target = "198.51.100.0/24"
		p.Add(faultproxy.Rule{Match: faultproxy.And(faultproxy.Write(), faultproxy.Param("user", target)), Fault: faultproxy.LoseAnswer, Times: 1})
		err := c.Block(ctx, BlockParams{Target: target, Expiry: "1 day", Reason: "wikiwarden: spam"})
		if !errors.Is(err, ErrAlreadyBlocked) {
			t.Fatalf("block = %v, want ErrAlreadyBlocked from the retry", err)
		}
		// The bot can tell the block is its own.
		b, err := c.BlockInfo(ctx, target)
		if err != nil || b.By != "Warden" || b.Reason != "wikiwarden: spam" {
			t.Errorf("BlockInfo = %+v, %v; want the bot's block", b, err)
		}
	})

	t.Run("delete", func(t *testing.T) {
		if _, err := w.AnonEdit(ctx, "192.0.2.10", "LA delete", "spam page", ""); err != nil {
			t.Fatal(err)
		}
		lose("LA delete")
		if err := c.Delete(ctx, "LA delete", ""); err != nil && !errors.Is(err, ErrNotFound) {
			t.Fatalf("delete = %v", err)
		}
		if _, err := w.PageText(ctx, "LA delete"); !errors.Is(err, testwiki.ErrNoPage) {
			t.Errorf("page after delete: %v", err)
		}
	})
}

func TestFaultSessionExpiry(t *testing.T) {
	t.Parallel()
	w, _, c, ctx := startProxied(t, Options{})
	if _, err := w.AdminEdit(ctx, "Expiry", "v1", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Edit(ctx, EditParams{Title: "Expiry", Text: "v2"}); err != nil {
		t.Fatal(err)
	}
	// The session store forgets every session, the bot's included.
	n, err := w.ExpireSessions(ctx)
	if err != nil || n == 0 {
		t.Fatalf("ExpireSessions = %d, %v", n, err)
	}
	if _, err := c.Edit(ctx, EditParams{Title: "Expiry", Text: "v3"}); err != nil {
		t.Fatalf("edit after the session expired: %v", err)
	}
	if _, user, _ := w.LatestRev(ctx, "Expiry"); user != "Warden" {
		t.Errorf("latest revision by %q, want Warden", user)
	}
	if n := wardenRevisions(t, ctx, w, "Expiry"); n != 2 {
		t.Errorf("%d revisions by the bot, want 2", n)
	}
}
