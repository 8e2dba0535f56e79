package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestNotices(t *testing.T) {
	ctx := context.Background()
	s := openReview(t)
	forum := s.Site("forum")
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	if _, err := s.LastNotice(ctx, "Alice"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("no notice yet: err = %v", err)
	}
	if err := s.PutNotice(ctx, Notice{User: "Alice", RevID: 5, Title: "Foo", Page: "User talk:Alice", Time: t0}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutNotice(ctx, Notice{User: "Alice", RevID: 9, Title: "Bar", Page: "User talk:Alice", Time: t0.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	n, err := s.LastNotice(ctx, "Alice")
	if err != nil || n.RevID != 9 || !n.Time.Equal(t0.Add(time.Hour)) {
		t.Fatalf("last notice = %+v, %v; want the second", n, err)
	}
	if _, err := forum.LastNotice(ctx, "Alice"); !errors.Is(err, ErrNotFound) {
		t.Errorf("another site's notice: err = %v, want ErrNotFound", err)
	}
	if err := s.PutNotice(ctx, Notice{User: "", Time: t0}); err == nil {
		t.Error("a notice without a user was stored")
	}
}

func TestMistakes(t *testing.T) {
	ctx := context.Background()
	s := openReview(t)
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, m := range []Mistake{
		{RevID: 7, By: "Alice", Where: "Revert of my edit", Time: t0, Editor: true, Reverted: true},
		{RevID: 8, By: "Bob", Where: "Wrong", Time: t0.Add(time.Minute), Reverted: true},
		{RevID: 9, By: "Carol", Where: "Unknown", Time: t0.Add(2 * time.Minute)},
	} {
		if ok, err := s.AddMistake(ctx, m); err != nil || !ok {
			t.Fatalf("add %d: %v, %v", m.RevID, ok, err)
		}
	}
	if ok, err := s.AddMistake(ctx, Mistake{RevID: 7, By: "Mallory", Time: t0.Add(time.Hour)}); err != nil || ok {
		t.Fatalf("second report of 7: added = %v, %v; want the first kept", ok, err)
	}
	if m, err := s.Mistake(ctx, 7); err != nil || m.By != "Alice" || m.Site != DefaultSite {
		t.Fatalf("report of 7 = %+v, %v", m, err)
	}
	open, err := s.OpenMistakes(ctx)
	if err != nil || len(open) != 3 || open[0].RevID != 9 {
		t.Fatalf("open = %+v, %v; want 3, latest first", open, err)
	}

	if _, err := s.DecideMistake(ctx, 7, "Mod", true, "", t0.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	// A second decision does not replace the first.
	if m, err := s.DecideMistake(ctx, 7, "Other", false, "spam", t0.Add(3*time.Hour)); err != nil || !m.Restored || m.Moderator != "Mod" {
		t.Fatalf("decided twice: %+v, %v", m, err)
	}
	m, err := s.KeepReported(ctx, 8, "Mod", "the link is an advert", t0.Add(2*time.Hour))
	if err != nil || m.Open() || m.Restored || m.Reason != "the link is an advert" {
		t.Fatalf("kept = %+v, %v", m, err)
	}
	if e, err := s.Resolution(ctx, 8); err != nil || e.Action != AuditKeep || e.Outcome != "the link is an advert" {
		t.Fatalf("resolution of 8 = %+v, %v", e, err)
	}
	if e, err := s.Site(DefaultSite).Resolution(ctx, 8); err != nil || e.Action != AuditKeep {
		t.Fatalf("site resolution of 8 = %+v, %v", e, err)
	}
	if _, err := s.Site("forum").Resolution(ctx, 8); !errors.Is(err, ErrNotFound) {
		t.Fatalf("another site's resolution: %v, want ErrNotFound", err)
	}
	if _, err := s.KeepReported(ctx, 99, "Mod", "", t0); !errors.Is(err, ErrNotFound) {
		t.Fatalf("keep of no report: %v", err)
	}
	if m, err := s.AnswerMistake(ctx, 7, t0.Add(4*time.Hour)); err != nil || m.Answered.IsZero() {
		t.Fatalf("answer: %+v, %v", m, err)
	}
	if err := s.PutNotice(ctx, Notice{User: "Alice", Time: t0}); err != nil {
		t.Fatal(err)
	}
	c, err := s.MistakeCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := MistakeCounts{Notified: 1, Reported: 2, ByEditor: 1, Restored: 1, Kept: 1}
	if c != want {
		t.Errorf("counts = %+v, want %+v", c, want)
	}
	open, err = s.OpenMistakes(ctx)
	if err != nil || len(open) != 1 || open[0].RevID != 9 {
		t.Fatalf("open after decisions = %+v, %v", open, err)
	}
}

func TestExpireNoticesAndReports(t *testing.T) {
	ctx := context.Background()
	s := openReview(t)
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, n := range []Notice{{User: "Old", Time: t0}, {User: "New", Time: t0.Add(48 * time.Hour)}} {
		if err := s.PutNotice(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range []Mistake{{RevID: 1, By: "A", Time: t0}, {RevID: 2, By: "B", Time: t0}, {RevID: 3, By: "C", Time: t0.Add(48 * time.Hour)}} {
		if _, err := s.AddMistake(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.DecideMistake(ctx, 1, "Mod", true, "", t0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Expire(ctx, t0.Add(24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LastNotice(ctx, "Old"); !errors.Is(err, ErrNotFound) {
		t.Errorf("old notice kept: %v", err)
	}
	if _, err := s.LastNotice(ctx, "New"); err != nil {
		t.Errorf("new notice expired: %v", err)
	}
	all, err := s.Mistakes(ctx)
	if err != nil || len(all) != 2 || all[0].RevID != 3 || all[1].RevID != 2 {
		t.Errorf("reports after expiry = %+v, %v; want the open old one and the new one", all, err)
	}
}

// TestMistakeCountsSeeConsoleDecisions: a report a moderator resolved in
// the console counts as restored or kept at once, before the bot takes the
// decision into the report.
func TestMistakeCountsSeeConsoleDecisions(t *testing.T) {
	ctx := context.Background()
	s := openReview(t)
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, id := range []int64{7, 8, 9} {
		if _, err := s.AddMistake(ctx, Mistake{RevID: id, By: "Alice", Time: t0, Reverted: true}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.AddAudit(ctx, AuditEntry{Time: t0.Add(time.Hour), Moderator: "Mod", Action: AuditRestore, RevID: 7}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAudit(ctx, AuditEntry{Time: t0.Add(time.Hour), Moderator: "Mod", Action: AuditDismiss, RevID: 8}); err != nil {
		t.Fatal(err)
	}
	c, err := s.MistakeCounts(ctx)
	if want := (MistakeCounts{Reported: 3, Restored: 1, Kept: 1, Open: 1}); err != nil || c != want {
		t.Errorf("counts = %+v, %v; want %+v", c, err, want)
	}
	if c, err := s.Site("forum").MistakeCounts(ctx); err != nil || c != (MistakeCounts{}) {
		t.Errorf("another site's counts = %+v, %v", c, err)
	}
}
