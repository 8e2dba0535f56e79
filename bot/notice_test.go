package bot_test

// The message to a reverted editor and the false-positive report page, on
// the fake site.

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/store"
)

// noteFake is the fake site's talk pages and report page.
type noteFake struct {
	talk        map[string]string // talk page of an author -> its text
	sent        []bot.Notice
	reportPlace string
	reports     []bot.Report // what the report page holds
	answers     []bot.Answer
}

func (f *fakeSite) Notify(_ context.Context, n bot.Notice) (bot.Notified, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	page := "User talk:" + n.Contribution.Author.Name
	if strings.Contains(f.notes.talk[page], "{{nobots}}") {
		return bot.Notified{}, bot.WithKind(bot.ErrDenied, errors.New("nobots"))
	}
	if f.notes.talk == nil {
		f.notes.talk = map[string]string{}
	}
	f.notes.talk[page] += "\n== Your edit ==\n" + string(n.Grounds.Decision.Verdict)
	f.notes.sent = append(f.notes.sent, n)
	return bot.Notified{Where: page}, nil
}

func (f *fakeSite) Reports(context.Context) ([]bot.Report, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.notes.reportPlace == "" {
		return nil, bot.WithKind(bot.ErrPermanent, bot.ErrUnsupported)
	}
	return append([]bot.Report(nil), f.notes.reports...), nil
}

func (f *fakeSite) Answer(_ context.Context, a bot.Answer) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.notes.answers = append(f.notes.answers, a)
	return nil
}

// noticeOptions are config.Default's notice rules.
func noticeOptions() bot.NoticePolicy {
	all := func(r bot.NoticeRule) map[decision.Verdict]bot.NoticeRule {
		return map[decision.Verdict]bot.NoticeRule{decision.VerdictProbe: r, decision.VerdictFollowUpSpam: r, decision.VerdictLinkSpam: r}
	}
	return bot.NoticePolicy{Registered: all(bot.NoticeAlways), Anonymous: all(bot.NoticeWeak), Interval: 24 * time.Hour}
}

// edit saves addition after the first line of title's text as author.
func (r *frig) edit(author bot.Author, title, addition string) int64 {
	text := r.site.text(title)
	first, rest, _ := strings.Cut(text, "\n")
	return r.site.save(author, title, first+addition+"\n"+rest, r.tick())
}

func TestNoticeToRevertedEditor(t *testing.T) {
	r := newFrig(t)
	r.opts.Notice = noticeOptions()
	alice := bot.Author{Name: "Alice"}
	r.edit(alice, "Aardvark", " qzxvbnwkjh")
	r.probeOn("192.0.2.7", "Alchemy") // blatant, anonymous: nobody is told
	sum := r.mustPass()
	if sum.Reverted != 2 {
		t.Fatalf("reverted %d, want 2", sum.Reverted)
	}
	if got := len(r.site.notes.sent); got != 1 || r.site.notes.sent[0].Contribution.Author.Name != "Alice" {
		t.Fatalf("notices = %+v, want one to Alice", r.site.notes.sent)
	}
	n, err := r.store.LastNotice(context.Background(), "Alice")
	if err != nil || n.Page != "User talk:Alice" {
		t.Fatalf("stored notice = %+v, %v", n, err)
	}

	// Reverted again the same day, on another page: not told twice.
	r.edit(alice, "Abacus", " wqpzkxjvbn")
	if sum := r.mustPass(); sum.Reverted != 1 {
		t.Fatalf("second pass reverted %d, want 1", sum.Reverted)
	}
	if got := len(r.site.notes.sent); got != 1 {
		t.Fatalf("%d notices after the second revert, want still 1", got)
	}

	// A day later: told again.
	r.now = r.now.Add(25 * time.Hour)
	r.edit(alice, "Algae", " zkqjxvwpbn")
	r.mustPass()
	if got := len(r.site.notes.sent); got != 2 {
		t.Fatalf("%d notices a day later, want 2", got)
	}
}

func TestNoticeNobots(t *testing.T) {
	r := newFrig(t)
	r.opts.Notice = noticeOptions()
	r.site.notes.talk = map[string]string{"User talk:Bob": "{{nobots}}"}
	r.edit(bot.Author{Name: "Bob"}, "Aardvark", " qzxvbnwkjh")
	if sum := r.mustPass(); sum.Reverted != 1 || sum.Errors != 0 {
		t.Fatalf("pass: %s; want the edit reverted without errors", sum)
	}
	if len(r.site.notes.sent) != 0 || r.site.notes.talk["User talk:Bob"] != "{{nobots}}" {
		t.Fatalf("nobots talk page got a message: %q", r.site.notes.talk["User talk:Bob"])
	}
	if _, err := r.store.LastNotice(context.Background(), "Bob"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("a notice was remembered: %v", err)
	}
}

func TestNoticeOff(t *testing.T) {
	r := newFrig(t)
	r.edit(bot.Author{Name: "Alice"}, "Aardvark", " qzxvbnwkjh")
	r.mustPass()
	if len(r.site.notes.sent) != 0 {
		t.Fatalf("zero policy sent %d notices", len(r.site.notes.sent))
	}
}

func TestReportsReachStoreAndAreAnswered(t *testing.T) {
	ctx := context.Background()
	r := newFrig(t)
	r.opts.Notice = noticeOptions()
	r.site.notes.reportPlace = "User talk:Warden/Mistakes"
	alice, carol := bot.Author{Name: "Alice"}, bot.Author{Name: "Carol"}
	revA := r.edit(alice, "Aardvark", " qzxvbnwkjh")
	revC := r.edit(carol, "Abacus", " wqpzkxjvbn")
	r.mustPass()

	// Reports arrive: Alice's own, Carol's, and one of an edit the bot
	// never saw.
	r.site.notes.reports = []bot.Report{
		{ID: revA, By: "Alice", Where: "My edit"},
		{ID: revC, By: "Dave", Where: "Carol's edit"},
		{ID: 99999, By: "Eve", Where: "Something"},
	}
	r.site.save(bot.Author{Name: "Alice"}, r.site.notes.reportPlace, "== My edit ==\n[[Special:Diff/1]]", r.tick())
	r.mustPass()
	open, err := r.store.OpenMistakes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(open) != 2 {
		t.Fatalf("open reports = %+v, want Alice's and Dave's", open)
	}
	m, err := r.store.Mistake(ctx, revA)
	if err != nil || !m.Editor || !m.Reverted || m.By != "Alice" {
		t.Fatalf("Alice's report = %+v, %v", m, err)
	}
	// Only the unknown revision is answered so far.
	if len(r.site.notes.answers) != 1 || r.site.notes.answers[0].Known || r.site.notes.answers[0].Report.ID != 99999 {
		t.Fatalf("answers = %+v, want the unknown revision's", r.site.notes.answers)
	}

	// Moderators decide: Alice's edit restored, Carol's kept.
	if _, err := r.store.AddAudit(ctx, store.AuditEntry{Time: r.now, Moderator: "Mod", Action: store.AuditRestore, RevID: revA, Outcome: "restored"}); err != nil {
		t.Fatal(err)
	}
	if _, err := r.store.KeepReported(ctx, revC, "Mod", "a random word, not a name", r.now); err != nil {
		t.Fatal(err)
	}
	r.mustPass()
	if len(r.site.notes.answers) != 3 {
		t.Fatalf("answers = %+v, want 3", r.site.notes.answers)
	}
	got := map[int64]bot.Answer{}
	for _, a := range r.site.notes.answers {
		got[a.Report.ID] = a
	}
	if a := got[revA]; !a.Known || !a.Restored || a.Moderator != "Mod" || a.Report.Where != "My edit" {
		t.Errorf("answer to Alice = %+v", a)
	}
	if a := got[revC]; !a.Known || a.Restored || a.Reason != "a random word, not a name" {
		t.Errorf("answer to Dave = %+v", a)
	}
	// Answered once: a later pass, even one reading the page again, says
	// nothing more.
	r.site.save(bot.Author{Name: "Alice"}, r.site.notes.reportPlace, "== My edit ==\n[[Special:Diff/1]]\n:thanks", r.tick())
	r.mustPass()
	if len(r.site.notes.answers) != 3 {
		t.Fatalf("answers after another pass = %d, want 3", len(r.site.notes.answers))
	}
	c, err := r.store.MistakeCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.MistakeCounts{Notified: 2, Reported: 2, ByEditor: 1, Restored: 1, Kept: 1}); c != want {
		t.Errorf("counts = %+v, want %+v", c, want)
	}
}

func TestReportsNotAnsweredWhileShutOff(t *testing.T) {
	ctx := context.Background()
	r := newFrig(t)
	r.site.notes.reportPlace = "User talk:Warden/Mistakes"
	rev := r.edit(bot.Author{Name: "Alice"}, "Aardvark", " qzxvbnwkjh")
	r.mustPass()
	r.site.notes.reports = []bot.Report{{ID: rev, By: "Alice", Where: "Mine"}}
	if _, err := r.store.AddAudit(ctx, store.AuditEntry{Time: r.now, Moderator: "Mod", Action: store.AuditRestore, RevID: rev}); err != nil {
		t.Fatal(err)
	}
	r.site.writes = false
	r.site.save(bot.Author{Name: "Alice"}, r.site.notes.reportPlace, "== Mine ==", r.tick())
	r.pass()
	if len(r.site.notes.answers) != 0 {
		t.Fatalf("answered while shut off: %+v", r.site.notes.answers)
	}
	if _, err := r.store.Mistake(ctx, rev); err != nil {
		t.Fatalf("report not stored while shut off: %v", err)
	}
	r.site.writes = true
	r.mustPass()
	if len(r.site.notes.answers) != 1 || !r.site.notes.answers[0].Restored {
		t.Fatalf("answers once writes are on = %+v", r.site.notes.answers)
	}
}
