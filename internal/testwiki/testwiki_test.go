package testwiki_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/internal/testwiki"
)

func TestWiki(t *testing.T) {
	start := time.Now()
	w := testwiki.Start(t)
	t.Logf("wiki up in %v at %s", time.Since(start), w.API)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	if w.BotUser != "Warden@patrol" || len(w.BotPassword) != 32 {
		t.Errorf("bot credentials = %q / %d chars, want Warden@patrol / 32 chars", w.BotUser, len(w.BotPassword))
	}

	// Seed as Admin, then an anonymous edit from a "botnet" IP.
	seed, err := w.AdminEdit(ctx, "Seed", "Established text.", "seed")
	if err != nil {
		t.Fatal(err)
	}
	rev, err := w.AppendAnon(ctx, "198.51.100.23", "Seed", " qzxwv", "probe")
	if err != nil {
		t.Fatal(err)
	}
	if rev <= seed {
		t.Errorf("anon revision %d not after seed %d", rev, seed)
	}
	gotRev, user, err := w.LatestRev(ctx, "Seed")
	if err != nil {
		t.Fatal(err)
	}
	if gotRev != rev || user != "198.51.100.23" {
		t.Errorf("LatestRev = %d by %q, want %d by 198.51.100.23", gotRev, user, rev)
	}
	text, err := w.PageText(ctx, "Seed")
	if err != nil {
		t.Fatal(err)
	}
	if text != "Established text. qzxwv" {
		t.Errorf("PageText = %q", text)
	}
	if _, err := w.PageText(ctx, "No such page"); !errors.Is(err, testwiki.ErrNoPage) {
		t.Errorf("PageText(missing) error = %v, want ErrNoPage", err)
	}

	// The seed was made by Admin, not by an IP.
	m, err := w.Get(ctx, url.Values{"action": {"query"}, "prop": {"revisions"}, "revids": {itoa(seed)}, "rvprop": {"user"}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(mustJSON(m), `"user":"Admin"`) {
		t.Errorf("seed revision not by Admin: %v", m)
	}

	blocked, err := w.Blocked(ctx, "198.51.100.23")
	if err != nil || blocked {
		t.Errorf("Blocked before any block = %v, %v", blocked, err)
	}

	// Requests counts what the server saw.
	before := w.Requests()
	if _, err := w.Get(ctx, url.Values{"action": {"query"}, "meta": {"siteinfo"}}); err != nil {
		t.Fatal(err)
	}
	if got := w.Requests(); got != before+1 {
		t.Errorf("Requests went %d -> %d after one request", before, got)
	}
}

// TestParallel shows that several tests may each run their own wiki.
func TestParallel(t *testing.T) {
	for i := range 3 {
		t.Run(itoa(int64(i)), func(t *testing.T) {
			t.Parallel()
			w := testwiki.Start(t)
			ctx := context.Background()
			if _, err := w.AnonEdit(ctx, "203.0.113.9", "P", "page "+itoa(int64(i)), ""); err != nil {
				t.Fatal(err)
			}
			text, err := w.PageText(ctx, "P")
			if err != nil || text != "page "+itoa(int64(i)) {
				t.Errorf("PageText = %q, %v", text, err)
			}
		})
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

func TestStartWithSettings(t *testing.T) {
	w := testwiki.StartWith(t, testwiki.Options{Settings: `$wgLanguageCode = "de";`})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	m, err := w.Get(ctx, url.Values{"action": {"query"}, "meta": {"siteinfo"}})
	if err != nil {
		t.Fatal(err)
	}
	if lang := m["query"].(map[string]any)["general"].(map[string]any)["lang"]; lang != "de" {
		t.Errorf("lang = %v, want de from the settings", lang)
	}

	// Every session ends: a logged-in admin's next edit must log in again.
	if _, err := w.AdminEdit(ctx, "Before", "x", ""); err != nil {
		t.Fatal(err)
	}
	if n, err := w.ExpireSessions(ctx); err != nil || n == 0 {
		t.Errorf("ExpireSessions = %d, %v; want at least Admin's session", n, err)
	}
}
