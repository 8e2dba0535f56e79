package campaign

import (
	"context"
	"net/netip"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/internal/testwiki"
)

// change is one anonymous entry of list=recentchanges.
type change struct {
	RevID int64  `json:"revid"`
	Title string `json:"title"`
	User  string `json:"user"`
	Anon  bool   `json:"anon"`
}

// anonChanges reads every anonymous recent change of the wiki, by revision.
func anonChanges(t *testing.T, ctx context.Context, w *Wiki) map[int64]change {
	t.Helper()
	out := map[int64]change{}
	params := url.Values{
		"action": {"query"}, "list": {"recentchanges"}, "rcshow": {"anon"},
		"rcprop": {"ids|title|user"}, "rclimit": {"max"}, "rctype": {"edit|new"},
	}
	for {
		var res struct {
			Continue map[string]string `json:"continue"`
			Query    struct {
				RecentChanges []change `json:"recentchanges"`
			} `json:"query"`
		}
		if err := w.call(ctx, w.client(), netip.Addr{}, params, &res); err != nil {
			t.Fatalf("recent changes: %v", err)
		}
		for _, c := range res.Query.RecentChanges {
			out[c.RevID] = c
		}
		if res.Continue == nil {
			return out
		}
		for k, v := range res.Continue {
			params.Set(k, v)
		}
	}
}

// checkMade asserts that the wiki recorded each edit under its title and
// made by its IP.
func checkMade(t *testing.T, rc map[int64]change, edits []Edit) {
	t.Helper()
	for _, e := range edits {
		c, ok := rc[e.RevID]
		if !ok {
			t.Errorf("%s edit of %s from %s: revision %d not in recent changes", e.Kind, e.Title, e.IP, e.RevID)
			continue
		}
		user, err := netip.ParseAddr(c.User)
		if !c.Anon || err != nil || user.String() != e.IP || c.Title != e.Title {
			t.Errorf("revision %d: recent changes say %q (anon %v) on %q, want %s on %q", e.RevID, c.User, c.Anon, c.Title, e.IP, e.Title)
		}
	}
}

// TestCampaignOnWiki plays the whole campaign on a real wiki with no bot
// patrolling: every edit must be made as planned, from its IP, and the
// report must find every one of them still on its page.
func TestCampaignOnWiki(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a MediaWiki")
	}
	tw := testwiki.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	w := &Wiki{API: tw.API, AdminUser: tw.AdminUser, AdminPassword: tw.AdminPassword}
	st := &State{Seed: 1, Corpus: testCorpus(t)}
	c, err := New(w, st)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Run(ctx, PhaseProbe); err == nil {
		t.Fatal("probe before seed: no error")
	}
	for _, ph := range Phases {
		edits, err := c.Run(ctx, ph)
		if err != nil {
			t.Fatal(err)
		}
		if want := len(c.Plan.PhaseSteps(ph)); len(edits) != want {
			t.Fatalf("phase %s made %d edits, want %d", ph, len(edits), want)
		}
		// The phases run as separate processes in the demo: go through the
		// state file as they do.
		path := filepath.Join(t.TempDir(), "state.json")
		if err := st.Save(path); err != nil {
			t.Fatal(err)
		}
		if st, err = LoadState(path); err != nil {
			t.Fatal(err)
		}
		if c, err = New(w, st); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.Run(ctx, PhaseProbe); err == nil || !strings.Contains(err.Error(), "already ran") {
		t.Errorf("probe phase again: err = %v", err)
	}
	if run, err := w.Page(ctx, c.Plan.RunPage); err != nil || run.Text != "true" {
		t.Errorf("shutoff page = %q, %v; want \"true\"", run.Text, err)
	}

	checkMade(t, anonChanges(t, ctx, w), st.Edits)
	if len(st.Edits) != 32 {
		t.Errorf("%d edits, want 32", len(st.Edits))
	}

	outs, err := c.Report(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range outs {
		if o.Result() != "left alone" || len(o.Blocks) > 0 {
			t.Errorf("%s %s on %s: %s, blocks %v; want left alone, unblocked (no bot ran)", o.Kind, o.IP, o.Title, o.Result(), o.Blocks)
		}
	}
	tl := Count(outs)
	if want := "probes reverted 0/14, spam reverted 0/6, good-faith left alone 12/12, ranges blocked: none"; tl.String() != want {
		t.Errorf("tally = %s, want %s", tl, want)
	}
	if tl.OK() {
		t.Error("tally OK with every probe on the wiki")
	}

	// A revert, as a bot would make it, must show in the report.
	probe := st.Edits[1]
	page, err := w.Page(ctx, probe.Title)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.AdminEdit(ctx, probe.Title, strings.Replace(page.Text, probe.Marker, "", 1), "revert probe"); err != nil {
		t.Fatal(err)
	}
	if outs, err = c.Report(ctx); err != nil {
		t.Fatal(err)
	}
	if outs[1].Result() != "reverted" || outs[0].Result() != "left alone" {
		t.Errorf("after reverting %q on %s: report says %s, %s", probe.Marker, probe.Title, outs[0].Result(), outs[1].Result())
	}
}

// TestBulk makes a burst of concurrent edits and checks each one landed,
// from the IP it was planned from.
func TestBulk(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a MediaWiki")
	}
	tw := testwiki.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	w := &Wiki{API: tw.API, AdminUser: tw.AdminUser, AdminPassword: tw.AdminPassword}
	titles := []string{"Bulk one", "Bulk two", "Bulk three"}
	for _, title := range titles {
		if _, err := w.AdminEdit(ctx, title, "A page for load tests.", "create"); err != nil {
			t.Fatal(err)
		}
	}
	edits, err := w.Bulk(ctx, 60, BulkOptions{Titles: titles, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	probes, ips := 0, map[string]bool{}
	for _, e := range edits {
		ips[e.IP] = true
		if e.Kind == KindProbe {
			probes++
		}
	}
	if probes != 6 || len(ips) != 60 {
		t.Errorf("%d probes from %d IPs, want 6 probes, 60 IPs", probes, len(ips))
	}
	checkMade(t, anonChanges(t, ctx, w), edits)
	for _, title := range titles {
		page, err := w.Page(ctx, title)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range edits {
			if e.Title == title && !strings.Contains(page.Text, e.Marker) {
				t.Errorf("%s: %q missing", title, e.Marker)
			}
		}
	}
}
