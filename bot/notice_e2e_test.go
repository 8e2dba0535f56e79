package bot_test

// The message to a reverted editor and the report page, on a real
// MediaWiki: the registered editor is the wiki's Admin, patrolled once the
// rig trusts only bots.

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/store"
)

const reportPageTitle = "User talk:Warden/Mistakes"

// noticeRig is a rig whose patroller tells reverted editors and reads the
// report page, after a first pass over the seed; Admin's edits are
// patrolled from then on.
func noticeRig(t *testing.T) *rig {
	t.Helper()
	r := newRig(t)
	r.opts.Notice = noticeOptions()
	r.site.NoticePage = "User:Warden/Notice"
	r.site.ReportPage = reportPageTitle
	r.pass() // the seed, by a sysop: trusted
	r.site.TrustedGroups = []string{"bot"}
	return r
}

// adminInsert is insert as the registered editor Admin.
func (r *rig) adminInsert(title, addition string) int64 {
	r.t.Helper()
	rev, err := r.wiki.AdminEdit(r.ctx, title, insertAfterFirstSentence(r.text(title), addition), "")
	if err != nil {
		r.t.Fatalf("admin edit on %s: %v", title, err)
	}
	return rev
}

// talkSections counts the level 2 headings of a talk page.
func (r *rig) talkSections(title string) int {
	n := 0
	for _, line := range strings.Split(r.text(title), "\n") {
		if strings.HasPrefix(line, "==") && !strings.HasPrefix(line, "===") {
			n++
		}
	}
	return n
}

func TestNoticeAndReportOnRealWiki(t *testing.T) {
	r := noticeRig(t)
	rev := r.adminInsert("Aardvark", " qzxvbnwkjh")
	if sum := r.pass(); sum.Reverted != 1 {
		t.Fatalf("pass = %s; want Admin's probe reverted", sum)
	}
	talk := r.text("User talk:Admin")
	for _, want := range []string{fmt.Sprintf("[[Special:Diff/%d|your edit]]", rev), "[[" + reportPageTitle + "]]", "qzxvbnwkjh", "Special:History/Aardvark"} {
		if !strings.Contains(talk, want) {
			t.Errorf("talk page lacks %q:\n%s", want, talk)
		}
	}
	if n := r.talkSections("User talk:Admin"); n != 1 {
		t.Fatalf("talk page has %d sections, want exactly one message:\n%s", n, talk)
	}

	// Admin tries again on the same page: the cooldown holds the second
	// revert and queues the edit for a human; no second message.
	rev2 := r.adminInsert("Aardvark", " wqpzkxjvbn")
	if sum := r.pass(); sum.Reverted != 0 || sum.Held[decision.HoldCooldown] != 1 {
		t.Fatalf("second pass = %s; want the probe held for the cooldown", sum)
	}
	rec, err := r.store.Record(r.ctx, rev2)
	if err != nil || rec.Action != decision.ActionFlag || !slices.Contains(rec.Why, decision.HoldCooldown) {
		t.Fatalf("second probe's record = %+v, %v; want flagged for the cooldown (the console's queue)", rec, err)
	}
	// And on another page the same day: reverted, still one message.
	r.adminInsert("Abacus", " zkqjxvwpbn")
	if sum := r.pass(); sum.Reverted != 1 {
		t.Fatalf("third pass = %s; want the probe on Abacus reverted", sum)
	}
	if n := r.talkSections("User talk:Admin"); n != 1 {
		t.Fatalf("talk page has %d sections after a second revert the same day, want 1", n)
	}

	// Admin reports the first revert on the report page, signed.
	report := fmt.Sprintf("== My edit to Aardvark ==\nThe bot removed https://wiki.example.org/index.php?title=Aardvark&diff=%d but it was a name. [[User:Admin|Admin]] ([[User talk:Admin|talk]]) 12:00, 1 March 2026 (UTC)\n", rev)
	if _, err := r.wiki.AdminEdit(r.ctx, reportPageTitle, report, "report"); err != nil {
		t.Fatal(err)
	}
	r.pass()
	open, err := r.store.OpenMistakes(r.ctx)
	if err != nil || len(open) != 1 || open[0].RevID != rev || open[0].By != "Admin" || !open[0].Editor || !open[0].Reverted {
		t.Fatalf("open reports = %+v, %v; want Admin's report of %d", open, err, rev)
	}
	if strings.Contains(r.text(reportPageTitle), "moderator") {
		t.Fatal("answered before a moderator decided")
	}

	// A moderator restores the edit in the console; the next pass answers.
	if _, err := r.store.AddAudit(r.ctx, store.AuditEntry{Time: time.Now(), Moderator: "Mod", Action: store.AuditRestore, RevID: rev, Title: "Aardvark", Outcome: "restored"}); err != nil {
		t.Fatal(err)
	}
	r.pass()
	page := r.text(reportPageTitle)
	if !strings.Contains(page, fmt.Sprintf(":[[User:Admin|Admin]]: a moderator ([[User:Mod|Mod]]) looked at [[Special:Diff/%d]] and restored it.", rev)) {
		t.Fatalf("report page without the answer:\n%s", page)
	}
	r.pass()
	if got := r.text(reportPageTitle); got != page {
		t.Errorf("answered twice:\n%s", got)
	}
	c, err := r.store.MistakeCounts(r.ctx)
	if err != nil || c.Reported != 1 || c.Restored != 1 || c.ByEditor != 1 {
		t.Errorf("counts = %+v, %v", c, err)
	}
}

func TestNoticeNobotsOnRealWiki(t *testing.T) {
	r := noticeRig(t)
	if _, err := r.wiki.AdminEdit(r.ctx, "User talk:Admin", "Please no bots here.\n{{bots|deny=Warden}}", ""); err != nil {
		t.Fatal(err)
	}
	r.adminInsert("Aardvark", " qzxvbnwkjh")
	if sum := r.pass(); sum.Reverted != 1 || sum.Errors != 0 {
		t.Fatalf("pass = %s; want the probe reverted without errors", sum)
	}
	if got := r.text("User talk:Admin"); got != "Please no bots here.\n{{bots|deny=Warden}}" {
		t.Fatalf("talk page with {{bots|deny=Warden}} got a message:\n%s", got)
	}
}

// The report page costs no request on an idle pass: it is read at the
// patroller's first pass and after an edit of it.
func TestIdlePassIsOneRequestWithReportPage(t *testing.T) {
	r := noticeRig(t)
	r.adminInsert("Aardvark", " qzxvbnwkjh")
	p := r.patroller(nil)
	for range 2 { // the probe, then the bot's own revert and message
		if _, err := p.Pass(r.ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n := r.talkSections("User talk:Admin"); n != 1 {
		t.Fatalf("talk page has %d sections, want 1", n)
	}
	idle := func() {
		t.Helper()
		for range 2 {
			before := r.mw.Requests()
			if sum, err := p.Pass(r.ctx); err != nil || sum.Read != 0 {
				t.Fatalf("idle pass = %s, %v", sum, err)
			}
			if n := r.mw.Requests() - before; n != 1 {
				t.Errorf("idle pass made %d API requests, want 1", n)
			}
		}
	}
	idle()
	// A report: read by the next pass, and not again while the edit is
	// re-read in the overlap of the passes after it.
	if _, err := r.wiki.AdminEdit(r.ctx, reportPageTitle, "== Mine ==\n[[Special:Diff/12345]] [[User:Admin|Admin]]", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Pass(r.ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := r.store.Mistake(r.ctx, 12345); err != nil {
		t.Fatalf("report not read: %v", err)
	}
	if _, err := p.Pass(r.ctx); err != nil { // the bot's answer to the unknown revision
		t.Fatal(err)
	}
	idle()
}
