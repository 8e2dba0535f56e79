package mwsite

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/mediawiki"
)

// pagesWiki is a fakeWiki with pages to read and a client that adds
// sections.
type pagesWiki struct {
	*fakeWiki
	pages    map[string]string
	history  []mediawiki.Revision
	sections []mediawiki.SectionParams
}

func (w *pagesWiki) Pages(_ context.Context, titles []string) (map[string]mediawiki.Page, error) {
	out := map[string]mediawiki.Page{}
	for _, t := range titles {
		text, ok := w.pages[t]
		out[t] = mediawiki.Page{Title: t, Missing: !ok, Latest: mediawiki.Revision{RevID: 50, Content: text}}
	}
	return out, nil
}

func (w *pagesWiki) History(context.Context, string, int) ([]mediawiki.Revision, error) {
	return w.history, nil
}

func (w *pagesWiki) AddSection(_ context.Context, p mediawiki.SectionParams) (int64, error) {
	w.sections = append(w.sections, p)
	return 51, nil
}

func notice() bot.Notice {
	return bot.Notice{
		Contribution: bot.Contribution{ID: 1234, Place: bot.Place{Title: "Aardvark"}, Author: bot.Author{Name: "Alice"}},
		Grounds:      bot.Grounds{Decision: decision.Decision{Verdict: decision.VerdictProbe, Action: decision.ActionRevert}, Tokens: []string{"qzxvbnwkjh"}},
		How:          "rolled back",
	}
}

func TestNotify(t *testing.T) {
	w := &pagesWiki{fakeWiki: &fakeWiki{}, pages: map[string]string{}}
	s := newSite(w, Options{SummaryPrefix: "wikiwarden:", NoticePage: "User:Warden/Notice", ReportPage: "User talk:Warden/Mistakes"})
	got, err := s.Notify(context.Background(), notice())
	if err != nil || got.Where != "User talk:Alice" || len(w.sections) != 1 {
		t.Fatalf("Notify = %+v, %v; sections %+v", got, err, w.sections)
	}
	sec := w.sections[0]
	for _, want := range []string{"[[Special:Diff/1234|your edit]]", "[[User talk:Warden/Mistakes]]", "<nowiki>qzxvbnwkjh</nowiki>", "Hello Alice", "(rolled back)"} {
		if !strings.Contains(sec.Text, want) {
			t.Errorf("message lacks %q:\n%s", want, sec.Text)
		}
	}
	if sec.Heading != "Your edit to [[Aardvark]]" || sec.Title != "User talk:Alice" || !sec.Bot {
		t.Errorf("section = %+v", sec)
	}

	// The operator's wording, translated.
	w.pages["User:Warden/Notice"] = "== Deine Bearbeitung an [[$2]] ==\nHallo $1, siehe [[Special:Diff/$3]] und [[$5]]."
	if _, err := s.Notify(context.Background(), notice()); err != nil {
		t.Fatal(err)
	}
	if sec := w.sections[1]; sec.Heading != "Deine Bearbeitung an [[Aardvark]]" || sec.Text != "Hallo Alice, siehe [[Special:Diff/1234]] und [[User talk:Warden/Mistakes]]." {
		t.Errorf("translated section = %+v", sec)
	}

	for _, talk := range []string{"{{nobots}}", "{{bots|deny=Warden,OtherBot}}", "{{bots|allow=none}}"} {
		w.pages["User talk:Alice"] = "Hi.\n" + talk
		if _, err := s.Notify(context.Background(), notice()); !errors.Is(err, bot.ErrDenied) {
			t.Errorf("talk page %q: err = %v, want ErrDenied", talk, err)
		}
	}
	if len(w.sections) != 2 {
		t.Errorf("%d sections added, want 2", len(w.sections))
	}
}

const reportPage = `Report the bot's mistakes here.

== Revert of my edit ==
The bot reverted https://wiki.example.org/w/index.php?title=Aardvark&oldid=41&diff=42 but it was a name. [[User:Alice|Alice]] ([[User talk:Alice|talk]]) 12:00, 1 March 2026 (UTC)
:[[User:Warden|Warden]]: a moderator looked at it. [[User:Warden|Warden]]

== Another ==
See [[Special:Diff/40/43]] please. [[Special:Contributions/192.0.2.7|192.0.2.7]] 12:01, 1 March 2026 (UTC)

== No link ==
Why does the bot exist? [[User:Bob|Bob]]

== Unsigned ==
index.php?oldid=44
`

func TestReportsParse(t *testing.T) {
	w := &pagesWiki{fakeWiki: &fakeWiki{}, pages: map[string]string{"User talk:Warden/Mistakes": reportPage}}
	w.history = []mediawiki.Revision{
		{RevID: 60, User: "Carol", Content: reportPage},
		{RevID: 59, User: "Dave", Content: strings.Split(reportPage, "== Unsigned")[0]},
	}
	s := newSite(w, Options{ReportPage: "User talk:Warden/Mistakes"})
	got, err := s.Reports(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []bot.Report{
		{ID: 42, By: "Alice", Where: "Revert of my edit"},
		{ID: 43, By: "192.0.2.7", Where: "Another"},
		{ID: 44, By: "Carol", Where: "Unsigned"},
	}
	if len(got) != len(want) {
		t.Fatalf("reports = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].ID != want[i].ID || got[i].By != want[i].By || got[i].Where != want[i].Where {
			t.Errorf("report %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestAnswer(t *testing.T) {
	w := &pagesWiki{fakeWiki: &fakeWiki{}, pages: map[string]string{"User talk:Warden/Mistakes": reportPage}}
	s := newSite(w, Options{SummaryPrefix: "wikiwarden:", ReportPage: "User talk:Warden/Mistakes"})
	a := bot.Answer{Report: bot.Report{ID: 43, By: "192.0.2.7", Where: "Another"}, Known: true, Moderator: "Mod", Reason: "spam link"}
	if err := s.Answer(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(w.edits) != 1 || w.edits[0].BaseRevID != 50 {
		t.Fatalf("edits = %+v", w.edits)
	}
	text := w.edits[0].Text
	i := strings.Index(text, "kept it removed: <nowiki>spam link</nowiki>. ~~~~")
	if i < 0 || i > strings.Index(text, "== No link ==") || i < strings.Index(text, "== Another ==") {
		t.Fatalf("answer not at the end of its section:\n%s", text)
	}
	// A section archived away: answered in a new one.
	a.Report.Where = "Gone"
	if err := s.Answer(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(w.sections) != 1 || w.sections[0].Heading != "Re: Gone" {
		t.Fatalf("sections = %+v", w.sections)
	}
}

func TestSignerIgnoresMarkup(t *testing.T) {
	if got := signer("[[User:Alice|Alice]] and [[User:{{evil}}|x]]", "Warden"); got != "Alice" {
		t.Errorf("signer = %q, want Alice", got)
	}
	if got := signer("[[User:Warden|Warden]]", "Warden"); got != "" {
		t.Errorf("the bot signed as reporter: %q", got)
	}
	if got := signer("[[user_talk:bob_smith|talk]]", "Warden"); got != "Bob smith" {
		t.Errorf("signer = %q, want %q", got, "Bob smith")
	}
}
