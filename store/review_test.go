package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

func openReview(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "ww.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestAuditAndResolutions(t *testing.T) {
	ctx := context.Background()
	s := openReview(t)
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	entries := []AuditEntry{
		{Time: t0, Moderator: "Admin", Action: AuditLogin},
		{Time: t0.Add(time.Minute), Moderator: "Admin", Action: AuditRestore, RevID: 7, Title: "Foo", Err: "later edits by others"},
		{Time: t0.Add(2 * time.Minute), Moderator: "Mod", Action: AuditRestore, RevID: 7, Title: "Foo", Outcome: "restored"},
		{Time: t0.Add(3 * time.Minute), Moderator: "Mod", Action: AuditBlock, RevID: 8, Target: "192.0.2.0/24"},
	}
	for i, e := range entries {
		got, err := s.AddAudit(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != uint64(i+1) {
			t.Errorf("entry %d id = %d", i, got.ID)
		}
	}
	if _, err := s.AddAudit(ctx, AuditEntry{Time: t0, Action: AuditLogin}); err == nil {
		t.Error("entry without moderator accepted")
	}
	all, err := s.Audit(ctx, AuditQuery{})
	if err != nil || len(all) != 4 || all[0].Action != AuditBlock {
		t.Fatalf("Audit = %+v, %v; want 4, newest first", all, err)
	}
	of7, _ := s.Audit(ctx, AuditQuery{RevID: 7, Limit: 1})
	if len(of7) != 1 || of7[0].Moderator != "Mod" {
		t.Errorf("Audit(rev 7, limit 1) = %+v", of7)
	}
	res, err := s.Resolutions(ctx)
	if err != nil || len(res) != 1 || res[7].Moderator != "Mod" {
		t.Errorf("Resolutions = %+v, %v; want rev 7 by Mod only (a failed try and a block do not resolve)", res, err)
	}
	if _, err := s.Resolution(ctx, 8); !errors.Is(err, ErrNotFound) {
		t.Errorf("Resolution(8) err = %v, want ErrNotFound", err)
	}
	n, err := s.ExpireAudit(ctx, t0.Add(150*time.Second))
	if err != nil || n != 3 {
		t.Errorf("ExpireAudit = %d, %v; want 3", n, err)
	}
	if res, _ := s.Resolutions(ctx); len(res) != 0 {
		t.Errorf("resolutions after expiry = %+v", res)
	}
}

func TestFeedback(t *testing.T) {
	ctx := context.Background()
	s := openReview(t)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	a, err := s.AddFeedback(ctx, Feedback{Kind: FeedbackGoodDomain, Value: " Example.ORG. ", RevID: 3, Moderator: "Admin", Time: now})
	if err != nil || a.Value != "example.org" || a.ID == 0 {
		t.Fatalf("AddFeedback = %+v, %v", a, err)
	}
	dup, err := s.AddFeedback(ctx, Feedback{Kind: FeedbackGoodDomain, Value: "example.org", Moderator: "Mod", Time: now})
	if err != nil || dup.ID != a.ID || dup.Moderator != "Admin" {
		t.Errorf("duplicate = %+v, %v; want the first", dup, err)
	}
	if _, err := s.AddFeedback(ctx, Feedback{Kind: FeedbackTrustedEditor, Value: "198.51.100.7", Moderator: "Admin", Time: now}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddFeedback(ctx, Feedback{Kind: "nonsense", Value: "x", Moderator: "Admin", Time: now}); err == nil {
		t.Error("unknown kind accepted")
	}
	fb, err := s.Feedback(ctx)
	if err != nil || len(fb) != 2 || fb[0].Kind != FeedbackGoodDomain || fb[1].Kind != FeedbackTrustedEditor {
		t.Fatalf("Feedback = %+v, %v", fb, err)
	}
	w, err := s.WithdrawFeedback(ctx, a.ID)
	if err != nil || w.Value != "example.org" {
		t.Errorf("WithdrawFeedback = %+v, %v", w, err)
	}
	if _, err := s.WithdrawFeedback(ctx, a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second withdraw err = %v, want ErrNotFound", err)
	}
	if fb, _ := s.Feedback(ctx); len(fb) != 1 {
		t.Errorf("after withdraw: %+v", fb)
	}
}

// TestReviewPerSite: a wiki revision and a forum post with the same id are
// resolved apart; feedback applies to its own site, a spam domain to
// every site; one site cannot withdraw another's feedback.
func TestReviewPerSite(t *testing.T) {
	ctx := context.Background()
	s := openReview(t)
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	wiki, forum := s.Site("wiki"), s.Site("forum")
	if _, err := forum.AddAudit(ctx, AuditEntry{Time: t0, Moderator: "Mod", Action: AuditRestore, RevID: 7}); err != nil {
		t.Fatal(err)
	}
	if res, _ := wiki.Resolved(ctx); len(res) != 0 {
		t.Errorf("wiki resolutions = %v; want none (the forum's post 7 is not the wiki's revision 7)", res)
	}
	if res, _ := forum.Resolved(ctx); res[7].Moderator != "Mod" {
		t.Errorf("forum resolutions = %v; want post 7", res)
	}
	if _, err := wiki.AddAudit(ctx, AuditEntry{Time: t0, Moderator: "Admin", Action: AuditDismiss, RevID: 7}); err != nil {
		t.Fatal(err)
	}
	if res, _ := s.Resolutions(ctx); res[7].Moderator != "Admin" {
		t.Errorf("default site's resolutions = %v; want the wiki's revision 7", res)
	}
	if a, _ := forum.Audit(ctx, AuditQuery{}); len(a) != 1 || a[0].Site != "forum" {
		t.Errorf("forum audit = %+v; want its one entry", a)
	}

	add := func(ss *SiteStore, kind FeedbackKind, v string) Feedback {
		f, err := ss.AddFeedback(ctx, Feedback{Kind: kind, Value: v, Moderator: "Admin", Time: t0})
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	add(wiki, FeedbackAllowWord, "qzxwvkrbt")
	fw := add(forum, FeedbackAllowWord, "qzxwvkrbt")
	add(forum, FeedbackSpamDomain, "pills.example")
	got, _ := wiki.Feedback(ctx)
	if len(got) != 2 || got[0].Site != "wiki" || got[1].Kind != FeedbackSpamDomain {
		t.Errorf("wiki feedback = %+v; want its word and the forum's spam domain", got)
	}
	if _, err := wiki.WithdrawFeedback(ctx, fw.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the wiki withdrew the forum's feedback: %v", err)
	}
	if _, err := forum.WithdrawFeedback(ctx, fw.ID); err != nil {
		t.Errorf("forum withdraws its own: %v", err)
	}
}
