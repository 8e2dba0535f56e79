// Package mwsite is the patroller's MediaWiki adapter: it implements
// bot.Site on a MediaWiki client. It exists so that the patroller (bot)
// knows no site kind: this package converts between MediaWiki's wire types
// and conventions (recent changes, revisions, users and groups, rollback,
// undo and guarded re-saves, {{nobots}}, wikitext edit summaries,
// SpamBlacklist lines, $wgBlockCIDRLimit, the API's error codes) and the
// bot's words (contributions, places, authors, removals, blocks, error
// kinds). A forum gets an adapter of its own.
package mwsite

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/mediawiki"
	"github.com/wikiwarden/wikiwarden/store"
)

// Wiki is what the adapter uses of a MediaWiki; *mediawiki.Client is one.
// Every method returns the mediawiki package's sentinel errors
// (mediawiki.ErrAlreadyRolled, mediawiki.ErrEditConflict, ...) wrapped.
type Wiki interface {
	Account(ctx context.Context) (mediawiki.Account, error)
	SiteInfo(ctx context.Context) (mediawiki.SiteInfo, error)
	AccountAndSiteInfo(ctx context.Context) (mediawiki.Account, mediawiki.SiteInfo, error)
	RecentChanges(ctx context.Context, start time.Time, limit int) ([]mediawiki.Change, error)
	ChangesAndPage(ctx context.Context, start time.Time, limit int, title string) ([]mediawiki.Change, mediawiki.Page, error)
	Users(ctx context.Context, names []string) (map[string]mediawiki.User, error)
	Revisions(ctx context.Context, revIDs []int64) (map[int64]mediawiki.Revision, error)
	Pages(ctx context.Context, titles []string) (map[string]mediawiki.Page, error)
	History(ctx context.Context, title string, limit int) ([]mediawiki.Revision, error)
	Rollback(ctx context.Context, title, user, summary string) error
	Undo(ctx context.Context, title string, revID int64, summary string) error
	Edit(ctx context.Context, p mediawiki.EditParams) (int64, error)
	Block(ctx context.Context, p mediawiki.BlockParams) error
	PlaceBlock(ctx context.Context, p mediawiki.BlockParams) (int64, error)
	BlockInfo(ctx context.Context, target string) (mediawiki.BlockInfo, error)
	SamplePages(ctx context.Context, n int) ([]string, error)
	ExternalLinks(ctx context.Context, limit int) ([]string, error)
}

// deleter is a Wiki that can delete pages. The client gains Delete in a
// later change; until a Wiki has it, created spam pages are tagged.
type deleter interface {
	Delete(ctx context.Context, title, reason string) error
}

// Options configure the adapter: the wiki's conventions and its rules of
// trust. cmd/wikiwarden maps the YAML config onto it.
type Options struct {
	SummaryPrefix string // start of every edit summary and block reason
	// ShutoffPage is the page whose content must be "true" for writes; ""
	// disables the check.
	ShutoffPage string
	// SpamBlacklistPage, when set, receives the domains of reverted
	// follow-up spam (SpamBlacklist extension syntax); "" disables it.
	SpamBlacklistPage string
	TrustedGroups     []string // editors in any of these groups are trusted
	TrustedMinEdits   int      // editors with at least this many edits are trusted; 0 disables
	// DeletionTemplate tags a page created as a probe or spam when the bot
	// may not delete it; $1 stands for the reason. "" leaves such a page
	// for a human.
	DeletionTemplate string
	// NoticePage words the message left for a reverted editor ($1, $2,
	// ... as in DefaultNotice); "" or a missing page: DefaultNotice.
	NoticePage string
	// ReportPage is where the wiki's people report the bot's mistakes, a
	// new section per report; "" for none.
	ReportPage string
}

// Site is a MediaWiki as the patroller sees it. It is safe for concurrent
// use.
type Site struct {
	wiki Wiki
	opts Options
	log  logrus.FieldLogger

	mu      sync.Mutex
	account mediawiki.Account // read once, by Self or the first action
}

var (
	_ bot.Site   = (*Site)(nil)
	_ bot.Poller = (*Site)(nil)
)

// New returns a Site on w, a logged-in client. It does not touch the wiki.
func New(w Wiki, opts Options, log logrus.FieldLogger) *Site {
	return &Site{wiki: w, opts: opts, log: log}
}

// Self reads the bot's account and the wiki's range-block limits
// ($wgBlockCIDRLimit).
func (s *Site) Self(ctx context.Context) (bot.Self, error) {
	s.mu.Lock()
	acct := s.account
	s.mu.Unlock()
	var si mediawiki.SiteInfo
	var err error
	if acct.Name != "" {
		si, err = s.wiki.SiteInfo(ctx)
	} else {
		// The account with the site info: a cron pass's start costs a
		// request less.
		acct, si, err = s.wiki.AccountAndSiteInfo(ctx)
		if err == nil {
			s.mu.Lock()
			s.account = acct
			s.mu.Unlock()
		}
	}
	if err != nil {
		return bot.Self{}, classify(fmt.Errorf("read site info: %w", err))
	}
	return bot.Self{Name: acct.Name, Lang: si.Lang, WidestV4: si.BlockCIDRLimitV4, WidestV6: si.BlockCIDRLimitV6, ReportPlace: s.opts.ReportPage}, nil
}

func (s *Site) acct(ctx context.Context) (mediawiki.Account, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.account.Name != "" {
		return s.account, nil
	}
	acct, err := s.wiki.Account(ctx)
	if err != nil {
		return acct, classify(fmt.Errorf("read bot account: %w", err))
	}
	s.account = acct
	return acct, nil
}

// Contributions reads recent changes (edits and page creations) from
// since.Time on.
func (s *Site) Contributions(ctx context.Context, since store.Cursor, limit int) ([]bot.Contribution, error) {
	changes, err := s.wiki.RecentChanges(ctx, since.Time, limit)
	if err != nil {
		return nil, classify(err)
	}
	return contributions(changes), nil
}

// Poll reads recent changes from since.Time on and, in the same request,
// the shutoff page: a pass that finds nothing new costs one request.
func (s *Site) Poll(ctx context.Context, since store.Cursor, limit int) ([]bot.Contribution, bool, string, error) {
	if s.opts.ShutoffPage == "" {
		cs, err := s.Contributions(ctx, since, limit)
		return cs, true, "", err
	}
	changes, page, err := s.wiki.ChangesAndPage(ctx, since.Time, limit, s.opts.ShutoffPage)
	if err != nil {
		return nil, false, "", classify(fmt.Errorf("read recent changes and shutoff page %q: %w", s.opts.ShutoffPage, err))
	}
	ok, why := s.shutoff(page)
	return contributions(changes), ok, why, nil
}

// contributions converts recent changes to the bot's contributions.
func contributions(changes []mediawiki.Change) []bot.Contribution {
	out := make([]bot.Contribution, len(changes))
	for i, c := range changes {
		out[i] = bot.Contribution{
			ID: c.RevID, ParentID: c.OldRevID, Seq: c.RCID,
			Place:  bot.Place{Title: c.Title, Namespace: c.Namespace},
			Author: bot.Author{Name: c.User, Anon: c.Anon, IP: anonIP(c.User, c.Anon)},
			Time:   c.Timestamp, Comment: c.Comment, Format: bot.FormatWikitext, Bot: c.Bot,
		}
	}
	return out
}

// anonIP returns an anonymous editor's address: MediaWiki names them by it.
func anonIP(user string, anon bool) netip.Addr {
	if !anon {
		return netip.Addr{}
	}
	ip, err := netip.ParseAddr(user)
	if err != nil {
		return netip.Addr{}
	}
	return ip.Unmap()
}

// Texts reads the revisions of cs and their parents, 50 a request.
func (s *Site) Texts(ctx context.Context, cs []bot.Contribution) (map[int64]bot.Texts, error) {
	var ids []int64
	for _, c := range cs {
		ids = append(ids, c.ID)
		if c.ParentID != 0 {
			ids = append(ids, c.ParentID)
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	revs, err := s.wiki.Revisions(ctx, ids)
	if err != nil {
		return nil, classify(err)
	}
	out := make(map[int64]bot.Texts, len(cs))
	for _, c := range cs {
		newRev, ok := revs[c.ID]
		if !ok || newRev.Missing {
			continue
		}
		t := bot.Texts{After: newRev.Content}
		if c.ParentID != 0 {
			oldRev, ok := revs[c.ParentID]
			if !ok || oldRev.Missing {
				continue
			}
			t.Before, t.ParentAuthor = oldRev.Content, oldRev.User
		}
		out[c.ID] = t
	}
	return out, nil
}

// Places reads pages with their latest revision.
func (s *Site) Places(ctx context.Context, titles []string) (map[string]bot.PlaceState, error) {
	pages, err := s.wiki.Pages(ctx, titles)
	if err != nil {
		return nil, classify(err)
	}
	out := make(map[string]bot.PlaceState, len(titles))
	for _, t := range titles {
		pg, ok := pages[t]
		if !ok || pg.Missing {
			out[t] = bot.PlaceState{Title: t, Missing: true}
			continue
		}
		out[t] = bot.PlaceState{Title: t, Latest: bot.Version{
			ID: pg.Latest.RevID, Author: pg.Latest.User, IP: anonIP(pg.Latest.User, pg.Latest.Anon), Text: pg.Latest.Content,
		}}
	}
	return out, nil
}

// History reads a page's latest revisions, newest first.
func (s *Site) History(ctx context.Context, title string, limit int) ([]bot.Version, error) {
	revs, err := s.wiki.History(ctx, title, limit)
	if err != nil {
		return nil, classify(err)
	}
	out := make([]bot.Version, 0, len(revs))
	for _, rv := range revs {
		out = append(out, bot.Version{ID: rv.RevID, Author: rv.User, IP: anonIP(rv.User, rv.Anon), Text: rv.Content})
	}
	return out, nil
}

// Rewrite saves a cleaned text, guarded by the base revision, unless the
// text excludes the bot.
func (s *Site) Rewrite(ctx context.Context, r bot.Rewrite) (bot.Removed, error) {
	acct, err := s.acct(ctx)
	if err != nil {
		return bot.Removed{}, err
	}
	if BotsDenied(r.Text, acct.Name) {
		return bot.Removed{}, bot.WithKind(bot.ErrDenied, fmt.Errorf("clean %q: the text excludes the bot", r.Place.Title))
	}
	out := bot.Removed{How: "removed probe tokens", Summary: fmt.Sprintf("%s removed the random-letter probe %s a botnet left", s.opts.SummaryPrefix, quoteList(r.Tokens, "token", "tokens"))}
	if r.Restored != 0 {
		out.How = fmt.Sprintf("restored revision %d", r.Restored)
		out.Summary += fmt.Sprintf(", restoring revision %d", r.Restored)
	}
	if s.opts.ShutoffPage != "" {
		out.Summary += fmt.Sprintf(" ([[%s|stop the bot]])", s.opts.ShutoffPage)
	}
	out.Summary = truncate(out.Summary)
	_, err = s.wiki.Edit(ctx, mediawiki.EditParams{
		Title: r.Place.Title, Text: r.Text, Summary: out.Summary, BaseRevID: r.Top, Bot: true, NoCreate: true,
	})
	if err != nil {
		return out, classify(fmt.Errorf("clean %q: %w", r.Place.Title, err))
	}
	return out, nil
}

// Trusted applies the wiki's rules of trust: membership of a trusted group,
// or an edit count at or above Options.TrustedMinEdits.
func (s *Site) Trusted(ctx context.Context, names []string) (map[string]decision.Reason, error) {
	if len(names) == 0 {
		return nil, nil
	}
	users, err := s.wiki.Users(ctx, names)
	if err != nil {
		return nil, classify(err)
	}
	out := map[string]decision.Reason{}
	for _, name := range names {
		u := users[name]
		switch {
		case slices.ContainsFunc(u.Groups, func(g string) bool { return slices.Contains(s.opts.TrustedGroups, g) }):
			out[name] = decision.SkipTrusted
		case s.opts.TrustedMinEdits > 0 && u.EditCount >= s.opts.TrustedMinEdits:
			out[name] = decision.SkipEditCount
		}
	}
	return out, nil
}

// WritesAllowed reads the shutoff page: anything but "true" means observe
// only, and the string says why.
func (s *Site) WritesAllowed(ctx context.Context) (bool, string, error) {
	if s.opts.ShutoffPage == "" {
		return true, "", nil
	}
	pages, err := s.wiki.Pages(ctx, []string{s.opts.ShutoffPage})
	if err != nil {
		return false, "", classify(fmt.Errorf("read shutoff page %q: %w", s.opts.ShutoffPage, err))
	}
	page, ok := pages[s.opts.ShutoffPage]
	if !ok {
		page = mediawiki.Page{Missing: true}
	}
	ok, why := s.shutoff(page)
	return ok, why, nil
}

// shutoff reads the shutoff page's verdict: writes are allowed only when
// it exists and says "true".
func (s *Site) shutoff(page mediawiki.Page) (bool, string) {
	if page.Missing {
		return false, fmt.Sprintf("shutoff page %s does not exist (create it with the text true)", s.opts.ShutoffPage)
	}
	if strings.TrimSpace(page.Latest.Content) != "true" {
		return false, fmt.Sprintf("shutoff page %s does not say true", s.opts.ShutoffPage)
	}
	return true, ""
}

// SampleTexts returns the wikitext of up to n random articles.
func (s *Site) SampleTexts(ctx context.Context, n int) ([]string, error) {
	texts, err := s.wiki.SamplePages(ctx, n)
	return texts, classify(err)
}

// KnownLinks returns up to limit of the wiki's external links.
func (s *Site) KnownLinks(ctx context.Context, limit int) ([]string, error) {
	urls, err := s.wiki.ExternalLinks(ctx, limit)
	return urls, classify(err)
}

// Remove reverts a contribution, unless the text it would restore excludes
// the bot ({{nobots}}, {{bots|deny=...}}): a {{nobots}} the vandal added
// must not shield the vandalism, so only the restored text counts.
//
// It rolls back when the whole run of the author's edits up to the top is
// to go and the revision before it is someone else's (rollback takes every
// consecutive edit of the editor, and earlier ones may be good); otherwise
// it undoes the judged edit alone, and as a last resort re-saves the
// previous text guarded by the base revision.
func (s *Site) Remove(ctx context.Context, r bot.Removal) (bot.Removed, error) {
	c := r.Contribution
	acct, err := s.acct(ctx)
	if err != nil {
		return bot.Removed{}, err
	}
	if BotsDenied(r.Texts.Before, acct.Name) {
		return bot.Removed{}, bot.WithKind(bot.ErrDenied, fmt.Errorf("revert on %q: the restored text excludes the bot", c.Place.Title))
	}
	out := bot.Removed{Summary: EditSummary(s.opts.SummaryPrefix, c.Author.Name, r.Grounds, s.opts.ShutoffPage)}
	var rerr error
	if r.Whole && r.Texts.ParentAuthor != c.Author.Name {
		rerr = s.wiki.Rollback(ctx, c.Place.Title, c.Author.Name, out.Summary)
		if rerr == nil {
			out.How = "rolled back"
			return out, nil
		}
		if errors.Is(rerr, mediawiki.ErrAlreadyRolled) {
			return out, bot.WithKind(bot.ErrAlreadyDone, rerr)
		}
		if mediawiki.Transient(rerr) {
			// The wiki is failing, not the rollback: undo and a text
			// restore would only press it again.
			return out, bot.WithKind(bot.ErrTransient, rerr)
		}
		s.log.WithError(rerr).WithField("title", c.Place.Title).Warn("rollback failed, trying undo")
	}
	uerr := s.wiki.Undo(ctx, c.Place.Title, c.ID, out.Summary)
	if uerr == nil {
		out.How = "undone"
		return out, nil
	}
	if r.Top != c.ID || mediawiki.Transient(uerr) {
		return out, chainKind(errors.Join(rerr, uerr))
	}
	_, serr := s.wiki.Edit(ctx, mediawiki.EditParams{
		Title: c.Place.Title, Text: r.Texts.Before, Summary: out.Summary, BaseRevID: r.Top, Bot: true, NoCreate: true,
	})
	if serr == nil {
		out.How = "restored previous text"
		return out, nil
	}
	return out, chainKind(errors.Join(rerr, uerr, serr))
}

// RemovePlace deletes a page the contribution created, when the bot has the
// delete right and the client can delete; otherwise it puts the deletion
// template on top of the page, guarded by the revision the patroller saw.
// A page already tagged is left as it is (a pass that crashed after
// tagging).
func (s *Site) RemovePlace(ctx context.Context, r bot.Removal) (bot.PlaceRemoved, error) {
	c := r.Contribution
	acct, err := s.acct(ctx)
	if err != nil {
		return bot.PlaceRemoved{}, err
	}
	reason := fmt.Sprintf("%s page created by [[Special:Contributions/%s|%s]]: %s", s.opts.SummaryPrefix, c.Author.Name, c.Author.Name, why(r.Grounds))
	if d, ok := s.wiki.(deleter); ok && slices.Contains(acct.Rights, "delete") {
		reason = truncate(reason)
		if err := d.Delete(ctx, c.Place.Title, reason); err != nil {
			return bot.PlaceRemoved{}, classify(fmt.Errorf("delete %q: %w", c.Place.Title, err))
		}
		return bot.PlaceRemoved{Deleted: true, Summary: reason}, nil
	}
	if s.opts.DeletionTemplate == "" {
		return bot.PlaceRemoved{}, nil
	}
	// The template's reason is plain text: no pipes or braces to break it.
	plain := strings.NewReplacer("|", "/", "{", "", "}", "", "<nowiki>", "", "</nowiki>", "").Replace(why(r.Grounds))
	tag := strings.ReplaceAll(s.opts.DeletionTemplate, "$1", plain)
	summary := truncate(s.opts.SummaryPrefix + " tag for deletion, page created by [[Special:Contributions/" + c.Author.Name + "|" + c.Author.Name + "]]: " + why(r.Grounds))
	if strings.HasPrefix(r.Current, tag) {
		return bot.PlaceRemoved{Tagged: true, Summary: summary}, nil
	}
	_, err = s.wiki.Edit(ctx, mediawiki.EditParams{
		Title: c.Place.Title, Text: tag + "\n" + r.Current, Summary: summary, BaseRevID: r.Top, Bot: true, NoCreate: true,
	})
	if err != nil {
		return bot.PlaceRemoved{}, classify(fmt.Errorf("tag %q for deletion: %w", c.Place.Title, err))
	}
	return bot.PlaceRemoved{Tagged: true, Summary: summary}, nil
}

// Block blocks an IP or a range (anonymous editors only, no account
// creation) or an account. It never reblocks: an existing block is an
// administrator's (the bot's own ran out, or the editor could not have
// edited), and may be longer.
func (s *Site) Block(ctx context.Context, b bot.BlockRequest) (bot.Blocked, error) {
	reason := fmt.Sprintf("%s link spam following random-token probes ([[Special:Contributions/%s]])", s.opts.SummaryPrefix, b.Author.Name)
	_, perr := netip.ParsePrefix(b.Target)
	_, aerr := netip.ParseAddr(b.Target)
	anonOnly := perr == nil || aerr == nil // an address or a range, not an account
	id, err := s.wiki.PlaceBlock(ctx, mediawiki.BlockParams{Target: b.Target, Expiry: b.Expiry, Reason: reason, AnonOnly: anonOnly, NoCreate: true})
	if errors.Is(err, mediawiki.ErrAlreadyBlocked) {
		// Whose block is it? The bot's own, when an earlier request placed
		// it and its answer was lost (the client's retry, or a pass that
		// crashed before recording it): then it is this block.
		acct, aerr := s.acct(ctx)
		if aerr != nil {
			return bot.Blocked{}, aerr
		}
		info, ierr := s.wiki.BlockInfo(ctx, b.Target)
		switch {
		case ierr == nil && info.By == acct.Name:
			return bot.Blocked{Reason: info.Reason, Existing: true, ID: info.ID}, nil
		case ierr != nil && !errors.Is(ierr, mediawiki.ErrNotFound):
			return bot.Blocked{}, classify(fmt.Errorf("block %q: who placed the block: %w", b.Target, ierr))
		}
	}
	if err != nil {
		return bot.Blocked{}, classify(err)
	}
	return bot.Blocked{Reason: reason, ID: id}, nil
}

// classify marks a client error with the bot's error kind.
func classify(err error) error {
	switch {
	case err == nil:
		return nil
	case isTransient(err):
		return bot.WithKind(bot.ErrTransient, err)
	case errors.Is(err, mediawiki.ErrAlreadyBlocked):
		return bot.WithKind(bot.ErrAlreadyDone, err)
	case errors.Is(err, mediawiki.ErrAlreadyRolled):
		return bot.WithKind(bot.ErrAlreadyDone, err)
	case errors.Is(err, mediawiki.ErrEditConflict):
		return bot.WithKind(bot.ErrConflict, err)
	}
	return bot.WithKind(bot.ErrPermanent, err)
}

// chainKind marks the joined errors of a revert's fallbacks: transient if
// any was, else permanent (a conflict of one fallback is not the page's
// final word).
func chainKind(err error) error {
	if isTransient(err) {
		return bot.WithKind(bot.ErrTransient, err)
	}
	return bot.WithKind(bot.ErrPermanent, err)
}

// isTransient reports whether the wiki may take the request later: the
// client's own verdict (mediawiki.Transient: unavailable, lagged,
// throttled, read-only, session lost, login refused, bad token, malformed
// answer, cooling off), or the request ran out of time.
func isTransient(err error) bool {
	return mediawiki.Transient(err) || errors.Is(err, context.DeadlineExceeded)
}
