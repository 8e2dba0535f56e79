package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

func TestSpamLayerPersistsAndLearnsFromModerators(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "wikiwarden.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ss := s.Site("wiki-a")
	for rev := int64(1); rev <= 3; rev++ {
		if err := ss.LearnSpam(ctx, SpamExample{RevID: rev, Label: SpamLabelSpam, Keys: []string{"d:spam.example", fmt.Sprint("h:", rev)}, Time: at(int(rev))}); err != nil {
			t.Fatal(err)
		}
	}
	if err := ss.LearnSpam(ctx, SpamExample{RevID: 4, Label: SpamLabelOpen, Keys: []string{"d:cite.example"}, Time: at(4)}); err != nil {
		t.Fatal(err)
	}
	// Another site learns nothing from wiki-a.
	if n, err := s.Site("wiki-b").SpamLearned(ctx); err != nil || n != (SpamLearned{}) {
		t.Fatalf("wiki-b learned %+v, %v", n, err)
	}
	// A moderator restores revision 2 and dismisses the flagged 4.
	if _, err := ss.AddAudit(ctx, AuditEntry{Time: at(10), Moderator: "mod", Action: AuditRestore, RevID: 2}); err != nil {
		t.Fatal(err)
	}
	if _, err := ss.AddAudit(ctx, AuditEntry{Time: at(11), Moderator: "mod", Action: AuditDismiss, RevID: 4}); err != nil {
		t.Fatal(err)
	}
	// The bot learning revision 2 again does not undo the moderator.
	if err := ss.LearnSpam(ctx, SpamExample{RevID: 2, Label: SpamLabelSpam, Keys: []string{"d:spam.example"}, Time: at(12)}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ss = s.Site("wiki-a")
	n, err := ss.SpamLearned(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (SpamLearned{Spam: 2, Good: 2}); n != want {
		t.Errorf("after reopen learned %+v, want %+v", n, want)
	}
	all, err := ss.SpamExamples(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 4 || all[1].RevID != 2 || all[1].Label != SpamLabelGood || all[1].Moderator != "mod" {
		t.Errorf("examples %+v", all)
	}
	// A kept report is spam.
	if _, err := ss.AddMistake(ctx, Mistake{RevID: 4, By: "x", Where: "s", Time: at(13), Reverted: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := ss.DecideMistake(ctx, 4, "mod2", false, "spam", at(14)); err != nil {
		t.Fatal(err)
	}
	if n, _ := ss.SpamLearned(ctx); n != (SpamLearned{Spam: 3, Good: 1}) {
		t.Errorf("after a kept report learned %+v", n)
	}
	// The console's "keep removed" on a restored example makes it spam again.
	if _, err := ss.AddMistake(ctx, Mistake{RevID: 2, By: "x", Where: "s", Time: at(15), Reverted: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := ss.KeepReported(ctx, 2, "mod3", "spam after all", at(16)); err != nil {
		t.Fatal(err)
	}
	if n, _ := ss.SpamLearned(ctx); n != (SpamLearned{Spam: 4}) {
		t.Errorf("after the console kept a report learned %+v", n)
	}
}

func TestSpamLayerIsBounded(t *testing.T) {
	ctx := context.Background()
	ss := openTest(t).Site("wiki")
	keys := make([]string, MaxSpamKeys+50)
	for i := range keys {
		keys[i] = fmt.Sprint("h:", i)
	}
	for rev := int64(1); rev <= MaxSpamExamples+20; rev++ {
		if err := ss.LearnSpam(ctx, SpamExample{RevID: rev, Label: SpamLabelSpam, Keys: keys, Time: t0.Add(time.Duration(rev) * time.Second)}); err != nil {
			t.Fatal(err)
		}
	}
	all, err := ss.SpamExamples(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != MaxSpamExamples {
		t.Fatalf("%d examples kept, want %d", len(all), MaxSpamExamples)
	}
	if all[0].RevID != 21 {
		t.Errorf("oldest kept is %d, want 21: the oldest go first", all[0].RevID)
	}
	if len(all[0].Keys) != MaxSpamKeys {
		t.Errorf("%d keys kept, want %d", len(all[0].Keys), MaxSpamKeys)
	}
}
