package web

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/store"
)

func TestReportedItemTopsTheQueue(t *testing.T) {
	e := newEnv(t, Options{})
	c := e.login("Admin", "right-horse")
	before := ids(e.list("/api/queue", c))
	if len(before) == 0 || before[0] == probeRev {
		t.Fatalf("queue before the report = %v", before)
	}
	// The reverted probe is reported as a mistake on the wiki.
	if _, err := e.st.AddMistake(context.Background(), store.Mistake{RevID: probeRev, By: "Alice", Where: "My edit", Time: t0, Reverted: true}); err != nil {
		t.Fatal(err)
	}
	w := e.do("GET", "/api/queue", nil, c, nil)
	var items []struct {
		RevID      int64  `json:"rev_id"`
		ReportedBy string `json:"reported_by"`
		Waiting    string `json:"waiting"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &items); err != nil {
		t.Fatal(err)
	}
	if len(items) != len(before)+1 || items[0].RevID != probeRev || items[0].ReportedBy != "Alice" || items[0].Waiting != "Reported as a mistake by Alice." {
		t.Fatalf("queue after the report = %+v", items)
	}
	if w := e.do("GET", "/queue", nil, c, nil); w.Code != 200 || !strings.Contains(w.Body.String(), "Reported as a mistake by Alice") {
		t.Errorf("queue page lacks the report marker: %d", w.Code)
	}
	// A moderator decides: the item leaves the queue.
	if _, err := e.st.KeepReported(context.Background(), probeRev, "Admin", "a probe indeed", e.clock.now()); err != nil {
		t.Fatal(err)
	}
	if got := ids(e.list("/api/queue", c)); len(got) != len(before) {
		t.Errorf("queue after the decision = %v, want %v", got, before)
	}
}

func TestKeepReported(t *testing.T) {
	e := newEnv(t, Options{})
	c := e.login("Admin", "right-horse")
	if w := e.do("POST", "/api/queue/101/keep", url.Values{"reason": {"a probe indeed"}}, c, nil); w.Code != 404 {
		t.Errorf("keep without a report = %d, want 404", w.Code)
	}
	if _, err := e.st.AddMistake(context.Background(), store.Mistake{RevID: probeRev, By: "Alice", Time: t0, Reverted: true}); err != nil {
		t.Fatal(err)
	}
	if w := e.do("POST", "/api/queue/101/keep", url.Values{"reason": {""}}, c, nil); w.Code != 400 {
		t.Errorf("keep without a reason = %d, want 400", w.Code)
	}
	if w := e.do("POST", "/api/queue/101/keep", url.Values{"reason": {"a probe indeed"}}, c, nil); w.Code != 200 {
		t.Fatalf("keep = %d %s", w.Code, w.Body)
	}
	m, err := e.st.Mistake(context.Background(), probeRev)
	if err != nil || m.Open() || m.Reason != "a probe indeed" || m.Moderator != "Admin" {
		t.Fatalf("report after keep = %+v, %v", m, err)
	}
	if res, err := e.st.Resolution(context.Background(), probeRev); err != nil || res.Action != store.AuditKeep {
		t.Errorf("resolution = %+v, %v", res, err)
	}
}

// TestDashboardMistakes: the dashboard shows, per site and in total, the
// editors told, the reverts reported as mistakes and what moderators
// decided, counting a decision as soon as it is made; a reported queue item
// has a "Keep removed" form that decides it with a reason.
func TestDashboardMistakes(t *testing.T) {
	e, _ := newTwoSites(t)
	ctx := context.Background()
	wiki, forum := e.st.Site(store.DefaultSite), e.st.Site("forum")
	for _, u := range []string{"Alice", "Bob"} {
		if err := wiki.PutNotice(ctx, store.Notice{User: u, Time: t0}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := wiki.AddMistake(ctx, store.Mistake{RevID: probeRev, By: "198.51.100.7", Time: t0, Reverted: true, Editor: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := forum.AddMistake(ctx, store.Mistake{RevID: probeRev, By: "spammer", Time: t0, Reverted: true, Editor: true}); err != nil {
		t.Fatal(err)
	}
	c := e.login("Both", "both-pass")
	type dash struct {
		Sites []struct {
			Site     string   `json:"site"`
			Mistakes Mistakes `json:"mistakes"`
		} `json:"sites"`
		Mistakes Mistakes `json:"mistakes"`
	}
	read := func() (dash, map[string]Mistakes) {
		t.Helper()
		w := e.do("GET", "/api/dashboard", nil, c, nil)
		var d dash
		if err := json.Unmarshal(w.Body.Bytes(), &d); err != nil {
			t.Fatalf("dashboard %d: %v", w.Code, err)
		}
		by := map[string]Mistakes{}
		for _, s := range d.Sites {
			by[s.Site] = s.Mistakes
		}
		return d, by
	}
	d, by := read()
	if want := (Mistakes{Told: 2, Reported: 1, ByEditor: 1, Open: 1}); by["wiki"] != want {
		t.Errorf("wiki's mistakes = %+v, want %+v", by["wiki"], want)
	}
	if want := (Mistakes{Reported: 1, ByEditor: 1, Open: 1}); by["forum"] != want {
		t.Errorf("forum's mistakes = %+v, want %+v", by["forum"], want)
	}
	if d.Mistakes.Reported != 2 || d.Mistakes.Told != 2 {
		t.Errorf("total mistakes = %+v", d.Mistakes)
	}

	// The queue offers "Keep removed" on the reported items only.
	w := e.do("GET", "/queue", nil, c, nil)
	body := w.Body.String()
	if !strings.Contains(body, `action="/queue/forum:101/keep"`) || !strings.Contains(body, `action="/queue/wiki:101/keep"`) ||
		strings.Count(body, ">Keep removed</button>") != 2 {
		t.Errorf("queue's keep forms: %d on the page (want 2, on wiki:101 and forum:101)", strings.Count(body, ">Keep removed</button>"))
	}

	// A moderator restores the wiki's and keeps the forum's, from the page.
	if w := e.do("POST", "/api/actions/wiki:101/restore", url.Values{}, c, nil); w.Code != 200 {
		t.Fatalf("restore = %d %s", w.Code, w.Body)
	}
	w = e.do("POST", "/queue/forum:101/keep", url.Values{"reason": {"spam: a shop's links"}}, c, nil)
	if w.Code != 303 || w.Header().Get("Location") != "/queue" {
		t.Fatalf("keep from the queue page = %d to %q, want 303 to /queue", w.Code, w.Header().Get("Location"))
	}
	if m, err := forum.Mistake(ctx, probeRev); err != nil || m.Reason != "spam: a shop's links" || m.Moderator != "Both" {
		t.Errorf("forum's report after keep = %+v, %v", m, err)
	}
	if w := e.do("GET", "/queue", nil, c, nil); !strings.Contains(w.Body.String(), "Kept removed: spam: a shop&#39;s links") {
		t.Error("the queue page does not say what was kept")
	}
	d, by = read()
	if want := (Mistakes{Told: 2, Reported: 1, ByEditor: 1, Restored: 1}); by["wiki"] != want {
		t.Errorf("wiki's mistakes after the restore = %+v, want %+v", by["wiki"], want)
	}
	if want := (Mistakes{Reported: 1, ByEditor: 1, Kept: 1}); by["forum"] != want {
		t.Errorf("forum's mistakes after the keep = %+v, want %+v", by["forum"], want)
	}
	if want := (Mistakes{Told: 2, Reported: 2, ByEditor: 2, Restored: 1, Kept: 1}); d.Mistakes != want {
		t.Errorf("total = %+v, want %+v", d.Mistakes, want)
	}
	w = e.do("GET", "/", nil, c, nil)
	page := w.Body.String()
	for _, want := range []string{"Mistakes reported", "Editors told", "1 (100%)", "1 (50%)"} {
		if !strings.Contains(page, want) {
			t.Errorf("dashboard page lacks %q", want)
		}
	}
}
