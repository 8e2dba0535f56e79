package web

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/store"
)

// TestDashboardSpamLearned: the dashboard says, per site, how many spam and
// good edits the site's own spam layer learned from, and counts a
// moderator's decision at once.
func TestDashboardSpamLearned(t *testing.T) {
	e, _ := newTwoSites(t)
	ctx := context.Background()
	wiki, forum := e.st.Site(store.DefaultSite), e.st.Site("forum")
	for rev := int64(1); rev <= 2; rev++ {
		if err := wiki.LearnSpam(ctx, store.SpamExample{RevID: rev, Label: store.SpamLabelSpam, Keys: []string{"d:spam.example"}, Time: t0}); err != nil {
			t.Fatal(err)
		}
	}
	if err := forum.LearnSpam(ctx, store.SpamExample{RevID: 7, Label: store.SpamLabelOpen, Keys: []string{"d:cite.example"}, Time: t0}); err != nil {
		t.Fatal(err)
	}
	if _, err := forum.AddAudit(ctx, store.AuditEntry{Time: t0, Moderator: "Admin", Action: store.AuditDismiss, RevID: 7}); err != nil {
		t.Fatal(err)
	}
	c := e.login("Both", "both-pass")
	w := e.do("GET", "/api/dashboard", nil, c, nil)
	var d struct {
		Sites []struct {
			Site    string            `json:"site"`
			Learned store.SpamLearned `json:"learned"`
		} `json:"sites"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &d); err != nil {
		t.Fatalf("dashboard %d: %v", w.Code, err)
	}
	by := map[string]store.SpamLearned{}
	for _, s := range d.Sites {
		by[s.Site] = s.Learned
	}
	if want := (store.SpamLearned{Spam: 2}); by["wiki"] != want {
		t.Errorf("wiki learned %+v, want %+v", by["wiki"], want)
	}
	if want := (store.SpamLearned{Good: 1}); by["forum"] != want {
		t.Errorf("forum learned %+v, want %+v", by["forum"], want)
	}
	body := e.do("GET", "/", nil, c, nil).Body.String()
	for _, want := range []string{"wiki: learned from 2 spam and 0 good edits on this site", "forum: learned from 0 spam and 1 good edits on this site"} {
		if !strings.Contains(body, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
}
