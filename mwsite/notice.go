package mwsite

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/mediawiki"
)

// sectionAdder is a Wiki that can add a section to a page without sending
// its whole text; *mediawiki.Client is one.
type sectionAdder interface {
	AddSection(ctx context.Context, p mediawiki.SectionParams) (int64, error)
}

// DefaultNotice is the message left on a reverted editor's talk page when
// the wiki has no notice page (Options.NoticePage). Its first line is the
// section's heading. The parameters: $1 the editor, $2 the page, $3 the
// removed revision, $4 why, in plain words, $5 the report page, $6 the bot,
// $7 how the edit was removed.
const DefaultNotice = `== Your edit to [[$2]] ==
Hello $1. I am $6, a bot that removes botnet test edits and link spam from this wiki. I removed [[Special:Diff/$3|your edit]] to [[$2]] ($7) because $4.

If your edit was good, I am sorry: bots make mistakes. You can put it back by undoing my edit in [[Special:History/$2|the page's history]]. Please also tell us on [[$5]], in a new section with the link [[Special:Diff/$3]], so that a moderator can check it and the bot can learn from it. ~~~~`

// Notify leaves a new section on the editor's talk page: why the edit was
// removed, the diff, how to restore it and where to report a mistake. The
// wording comes from Options.NoticePage when it exists. A talk page that
// excludes the bot ({{nobots}}, {{bots|deny=...}}) gets nothing
// (ErrDenied).
func (s *Site) Notify(ctx context.Context, n bot.Notice) (bot.Notified, error) {
	c := n.Contribution
	adder, ok := s.wiki.(sectionAdder)
	if !ok {
		return bot.Notified{}, bot.WithKind(bot.ErrPermanent, fmt.Errorf("notify %s: the client cannot add sections: %w", c.Author.Name, bot.ErrUnsupported))
	}
	acct, err := s.acct(ctx)
	if err != nil {
		return bot.Notified{}, err
	}
	talk := "User talk:" + c.Author.Name
	titles := []string{talk}
	if s.opts.NoticePage != "" {
		titles = append(titles, s.opts.NoticePage)
	}
	pages, err := s.wiki.Pages(ctx, titles)
	if err != nil {
		return bot.Notified{}, classify(fmt.Errorf("notify %s: read talk page: %w", c.Author.Name, err))
	}
	if pg, ok := pages[talk]; ok && !pg.Missing && BotsDenied(pg.Latest.Content, acct.Name) {
		return bot.Notified{}, bot.WithKind(bot.ErrDenied, fmt.Errorf("notify %s: the talk page excludes the bot", c.Author.Name))
	}
	wording := DefaultNotice
	if pg, ok := pages[s.opts.NoticePage]; ok && !pg.Missing && strings.TrimSpace(pg.Latest.Content) != "" {
		wording = pg.Latest.Content
	}
	report := s.opts.ReportPage
	if report == "" {
		report = "User talk:" + acct.Name
	}
	how := n.How
	if how == "" {
		how = "removed"
	}
	text := expand(wording, c.Author.Name, c.Place.Title, strconv.FormatInt(c.ID, 10), plainWhy(n.Grounds), report, acct.Name, how)
	heading, body := splitHeading(text)
	if heading == "" {
		heading = expand("Your edit to [[$2]]", c.Author.Name, c.Place.Title)
	}
	summary := truncate(fmt.Sprintf("%s why your edit to [[%s]] was removed, and how to report a mistake", s.opts.SummaryPrefix, c.Place.Title))
	_, err = adder.AddSection(ctx, mediawiki.SectionParams{Title: talk, Heading: heading, Text: body, Summary: summary, Bot: true})
	if err != nil {
		return bot.Notified{}, classify(fmt.Errorf("notify %s: %w", c.Author.Name, err))
	}
	return bot.Notified{Where: talk}, nil
}

// expand puts args in for $1, $2, ... in text.
func expand(text string, args ...string) string {
	for i := len(args); i >= 1; i-- {
		text = strings.ReplaceAll(text, "$"+strconv.Itoa(i), args[i-1])
	}
	return text
}

// headingRe matches a level 1 or 2 heading line.
var headingRe = regexp.MustCompile(`(?m)^==?([^=].*?)==?[ \t]*$`)

// splitHeading takes a first line "== heading ==" off text.
func splitHeading(text string) (heading, body string) {
	text = strings.TrimLeft(text, "\n")
	first, rest, _ := strings.Cut(text, "\n")
	if m := headingRe.FindStringSubmatch(first); m != nil {
		return strings.TrimSpace(m[1]), strings.TrimLeft(rest, "\n")
	}
	return "", text
}

// plainWhy says why the bot removed an edit, in words for its editor.
func plainWhy(g bot.Grounds) string {
	d := g.Decision
	switch d.Verdict {
	case decision.VerdictProbe:
		return "it added a random-looking string of letters (" + strings.TrimSpace(quoteList(g.Tokens, "", "")) + "), the way botnets test whether anyone watches a wiki before they spam it"
	case decision.VerdictFollowUpSpam:
		from := "to a page that a botnet tested recently"
		if slices.Contains(d.Why, decision.WhyFollowUpIP) || slices.Contains(d.Why, decision.WhyFollowUpRange) {
			from = "from an address or a range of addresses that a botnet used recently"
		}
		return "it added links (" + strings.TrimSpace(quoteList(g.Domains, "", "")) + ") " + from + ", which is how the botnet's spam follows its tests"
	case decision.VerdictLinkSpam:
		return "its links (" + strings.TrimSpace(quoteList(g.Domains, "", "")) + ") look like advertising spam"
	}
	return "it looked like spam"
}

// section is one level 1 or 2 section of a page.
type section struct {
	heading    string
	start, end int // the section's bytes in the page, heading line included
}

// sections cuts a page's text into its level 1 and 2 sections; text before
// the first heading is not a section.
func sections(text string) []section {
	var out []section
	locs := headingRe.FindAllStringSubmatchIndex(text, -1)
	for i, l := range locs {
		end := len(text)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		out = append(out, section{heading: strings.TrimSpace(text[l[2]:l[3]]), start: l[0], end: end})
	}
	return out
}

var (
	// specialDiffRe matches [[Special:Diff/NEW]] and Special:Diff/OLD/NEW.
	specialDiffRe = regexp.MustCompile(`(?i)Special:(?:Diff|PermanentLink)/(\d+)(?:/(\d+))?`)
	// queryRe matches a URL's query string.
	queryRe = regexp.MustCompile(`\?([^\s\[\]|<>"{}]+)`)
	// signatureRe matches a link to a user page, a user talk page or a
	// contributions page: the signature's parts.
	signatureRe = regexp.MustCompile(`(?i)\[\[\s*(?:user(?:[ _]talk)?\s*:\s*|special\s*:\s*contrib(?:ution)?s/)([^|\]#/]+)`)
)

// revisionIn returns the first revision text names: a Special:Diff or
// Special:PermanentLink link, or a URL with diff= (the newer revision) or
// oldid=; 0 when it names none.
func revisionIn(text string) int64 {
	best, at := int64(0), len(text)+1
	if m := specialDiffRe.FindStringSubmatchIndex(text); m != nil {
		id := text[m[2]:m[3]]
		if m[4] >= 0 {
			id = text[m[4]:m[5]]
		}
		if n, err := strconv.ParseInt(id, 10, 64); err == nil {
			best, at = n, m[0]
		}
	}
	for _, m := range queryRe.FindAllStringSubmatchIndex(text, -1) {
		if m[0] >= at {
			break
		}
		q, err := url.ParseQuery(strings.ReplaceAll(text[m[2]:m[3]], "&amp;", "&"))
		if err != nil {
			continue
		}
		id := q.Get("diff")
		if _, err := strconv.ParseInt(id, 10, 64); err != nil {
			id = q.Get("oldid")
		}
		if n, err := strconv.ParseInt(id, 10, 64); err == nil && n > 0 {
			return n
		}
	}
	return best
}

// signer returns who signed a report: the last user link outside the
// replies (indented lines), not the bot's own; "" when unsigned.
func signer(body, botName string) string {
	who := ""
	for _, line := range strings.Split(body, "\n") {
		if strings.HasPrefix(line, ":") {
			continue
		}
		for _, m := range signatureRe.FindAllStringSubmatch(line, -1) {
			if n := userName(m[1]); n != "" && n != userName(botName) {
				who = n
			}
		}
	}
	return who
}

// userName is name as MediaWiki spells it: spaces for underscores, the
// first letter upper case.
func userName(name string) string {
	name = strings.TrimSpace(strings.ReplaceAll(name, "_", " "))
	r, n := utf8.DecodeRuneInString(name)
	if n == 0 || strings.ContainsAny(name, "#<>[]|{}") {
		return "" // not a user name: the bot's answer must not carry markup
	}
	return string(unicode.ToUpper(r)) + name[n:]
}

// maxNote bounds the words of a report kept with it.
const maxNote = 300

// reportHistory is how many of the report page's latest revisions are read
// to find who wrote an unsigned report.
const reportHistory = 50

// Reports reads the report page (Options.ReportPage) and returns a report
// for each section that names a revision (a diff link, a Special:Diff or a
// URL with oldid= or diff=), with who signed it; an unsigned section is
// credited to the author of the first revision it appears in.
func (s *Site) Reports(ctx context.Context) ([]bot.Report, error) {
	if s.opts.ReportPage == "" {
		return nil, bot.WithKind(bot.ErrPermanent, fmt.Errorf("read reports: no report page: %w", bot.ErrUnsupported))
	}
	acct, err := s.acct(ctx)
	if err != nil {
		return nil, err
	}
	pages, err := s.wiki.Pages(ctx, []string{s.opts.ReportPage})
	if err != nil {
		return nil, classify(fmt.Errorf("read report page %q: %w", s.opts.ReportPage, err))
	}
	pg, ok := pages[s.opts.ReportPage]
	if !ok || pg.Missing {
		return nil, nil
	}
	text := pg.Latest.Content
	var out []bot.Report
	var unsigned []int
	for _, sec := range sections(text) {
		body := text[sec.start:sec.end]
		id := revisionIn(body)
		if id == 0 {
			continue
		}
		r := bot.Report{ID: id, By: signer(body, acct.Name), Where: sec.heading, Note: note(body)}
		if r.By == "" {
			unsigned = append(unsigned, len(out))
		}
		out = append(out, r)
	}
	if len(unsigned) > 0 {
		revs, err := s.wiki.History(ctx, s.opts.ReportPage, reportHistory)
		if err != nil {
			return nil, classify(fmt.Errorf("read history of report page %q: %w", s.opts.ReportPage, err))
		}
		for _, i := range unsigned {
			// Oldest first: the revision that added the section.
			for j := len(revs) - 1; j >= 0; j-- {
				if hasSection(revs[j].Content, out[i].Where) {
					out[i].By = revs[j].User
					break
				}
			}
		}
	}
	kept := out[:0]
	for _, r := range out {
		if r.By != "" && r.By != acct.Name {
			kept = append(kept, r)
		}
	}
	return kept, nil
}

// hasSection reports whether text has a section headed heading.
func hasSection(text, heading string) bool {
	for _, sec := range sections(text) {
		if sec.heading == heading {
			return true
		}
	}
	return false
}

// note is a report's words without its heading, shortened.
func note(body string) string {
	_, rest, _ := strings.Cut(body, "\n")
	rest = strings.Join(strings.Fields(rest), " ")
	if len(rest) > maxNote {
		cut := maxNote
		for cut > 0 && !utf8.RuneStart(rest[cut]) {
			cut--
		}
		rest = rest[:cut] + "…"
	}
	return rest
}

// answerText is the bot's reply to a report, one indented paragraph.
func answerText(a bot.Answer, botName string) string {
	who := a.Report.By
	rev := fmt.Sprintf("[[Special:Diff/%d]]", a.Report.ID)
	var b strings.Builder
	fmt.Fprintf(&b, ":[[User:%s|%s]]: ", who, who)
	switch {
	case !a.Known:
		fmt.Fprintf(&b, "%s has no record of %s: it did not act on that edit. If it reverted you, please give the link to the diff of your own edit (it is in the page's history, just before %s's revert).", botName, rev, botName)
	case a.Restored:
		fmt.Fprintf(&b, "a moderator ([[User:%s|%s]]) looked at %s and restored it. Thank you for telling us, and sorry for the mistake.", a.Moderator, a.Moderator, rev)
	default:
		fmt.Fprintf(&b, "a moderator ([[User:%s|%s]]) looked at %s and kept it removed", a.Moderator, a.Moderator, rev)
		if r := strings.TrimSpace(a.Reason); r != "" {
			fmt.Fprintf(&b, ": <nowiki>%s</nowiki>", strings.ReplaceAll(r, "</nowiki>", ""))
		}
		b.WriteString(".")
	}
	b.WriteString(" ~~~~")
	return b.String()
}

// Answer replies at the end of the report's section, guarded by the report
// page's revision the bot read (ErrConflict when someone wrote meanwhile).
// A report whose section is gone (archived) is answered in a new section.
func (s *Site) Answer(ctx context.Context, a bot.Answer) error {
	if s.opts.ReportPage == "" {
		return bot.WithKind(bot.ErrPermanent, fmt.Errorf("answer a report: no report page: %w", bot.ErrUnsupported))
	}
	acct, err := s.acct(ctx)
	if err != nil {
		return err
	}
	pages, err := s.wiki.Pages(ctx, []string{s.opts.ReportPage})
	if err != nil {
		return classify(fmt.Errorf("read report page %q: %w", s.opts.ReportPage, err))
	}
	reply := answerText(a, acct.Name)
	summary := truncate(fmt.Sprintf("%s answered the report on revision %d", s.opts.SummaryPrefix, a.Report.ID))
	if pg, ok := pages[s.opts.ReportPage]; ok && !pg.Missing {
		text := pg.Latest.Content
		for _, sec := range sections(text) {
			body := text[sec.start:sec.end]
			if sec.heading != a.Report.Where || revisionIn(body) != a.Report.ID {
				continue
			}
			if strings.Contains(body, reply[:len(reply)-len(" ~~~~")]) {
				return nil // answered before a crash
			}
			end := sec.start + len(strings.TrimRight(body, "\n"))
			newText := text[:end] + "\n" + reply + text[end:]
			_, err := s.wiki.Edit(ctx, mediawiki.EditParams{
				Title: s.opts.ReportPage, Text: newText, Summary: summary, BaseRevID: pg.Latest.RevID, Bot: true, NoCreate: true,
			})
			if err != nil {
				return classify(fmt.Errorf("answer on %q: %w", s.opts.ReportPage, err))
			}
			return nil
		}
	}
	adder, ok := s.wiki.(sectionAdder)
	if !ok {
		return bot.WithKind(bot.ErrPermanent, errors.New("answer a report: the client cannot add sections"))
	}
	_, err = adder.AddSection(ctx, mediawiki.SectionParams{
		Title: s.opts.ReportPage, Heading: "Re: " + a.Report.Where, Text: reply, Summary: summary, Bot: true,
	})
	if err != nil {
		return classify(fmt.Errorf("answer on %q: %w", s.opts.ReportPage, err))
	}
	return nil
}
