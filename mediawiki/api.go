package mediawiki

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"cgt.name/pkg/go-mwclient/params"
)

// Account is the logged-in account as the wiki sees it.
type Account struct {
	Name      string
	ID        int64 // 0 when not logged in
	Groups    []string
	Rights    []string
	EditCount int
}

// Account returns who the client is logged in as, with groups and rights
// (meta=userinfo), so the bot can refuse to start without rollback or block.
func (c *Client) Account(ctx context.Context) (Account, error) {
	var r struct {
		Query struct {
			UserInfo userInfoJSON `json:"userinfo"`
		} `json:"query"`
	}
	err := c.call(ctx, request{op: "account", params: params.Values{
		"action": "query", "meta": "userinfo", "uiprop": "groups|rights|editcount",
	}}, &r)
	if err != nil {
		return Account{}, err
	}
	return r.Query.UserInfo.account(), nil
}

// userInfoJSON is meta=userinfo's answer.
type userInfoJSON struct {
	ID        int64    `json:"id"`
	Name      string   `json:"name"`
	Groups    []string `json:"groups"`
	Rights    []string `json:"rights"`
	EditCount int      `json:"editcount"`
}

func (u userInfoJSON) account() Account {
	return Account{Name: u.Name, ID: u.ID, Groups: u.Groups, Rights: u.Rights, EditCount: u.EditCount}
}

// SiteInfo is what the bot needs to know about the wiki itself.
type SiteInfo struct {
	// Generator is the MediaWiki version string, "MediaWiki 1.39.17".
	Generator string
	// Lang is the wiki's content language code, such as "en" or "de"
	// ($wgLanguageCode); a page's own language is Page.Language.
	Lang string
	// BlockCIDRLimitV4 and BlockCIDRLimitV6 are $wgBlockCIDRLimit: the
	// broadest range prefix the wiki lets anyone block.
	BlockCIDRLimitV4, BlockCIDRLimitV6 int
}

// Defaults of $wgBlockCIDRLimit, used when the wiki does not reveal its own.
const (
	defaultCIDRLimitV4 = 16
	defaultCIDRLimitV6 = 19
)

// SiteInfo returns the wiki's version, content language and range-block
// limits.
//
// MediaWiki 1.39 does not list $wgBlockCIDRLimit in meta=siteinfo; it does
// pass it as the parameters of list=blocks' "ip" help message, which
// action=paraminfo&helpformat=raw returns, so SiteInfo reads it there (two
// requests). If that message ever changes shape, SiteInfo falls back to the
// defaults, IPv4 /16 and IPv6 /19.
func (c *Client) SiteInfo(ctx context.Context) (SiteInfo, error) {
	_, si, err := c.siteInfo(ctx, false)
	return si, err
}

// AccountAndSiteInfo is Account and SiteInfo in two requests instead of
// three: the account is read with the wiki's general information.
func (c *Client) AccountAndSiteInfo(ctx context.Context) (Account, SiteInfo, error) {
	return c.siteInfo(ctx, true)
}

func (c *Client) siteInfo(ctx context.Context, withAccount bool) (Account, SiteInfo, error) {
	var gen struct {
		Query struct {
			General struct {
				Generator string `json:"generator"`
				Lang      string `json:"lang"`
			} `json:"general"`
			UserInfo userInfoJSON `json:"userinfo"`
		} `json:"query"`
	}
	p := params.Values{"action": "query", "meta": "siteinfo", "siprop": "general"}
	if withAccount {
		p["meta"], p["uiprop"] = "siteinfo|userinfo", "groups|rights|editcount"
	}
	err := c.call(ctx, request{op: "siteinfo", params: p}, &gen)
	if err != nil {
		return Account{}, SiteInfo{}, err
	}
	acct := gen.Query.UserInfo.account()
	var pi struct {
		ParamInfo struct {
			Modules []struct {
				Parameters []struct {
					Name        string `json:"name"`
					Description []struct {
						Key    string `json:"key"`
						Params []any  `json:"params"`
					} `json:"description"`
				} `json:"parameters"`
			} `json:"modules"`
		} `json:"paraminfo"`
	}
	err = c.call(ctx, request{op: "siteinfo", params: params.Values{
		"action": "paraminfo", "modules": "query+blocks", "helpformat": "raw",
	}}, &pi)
	if err != nil {
		return Account{}, SiteInfo{}, err
	}
	si := SiteInfo{
		Generator:        gen.Query.General.Generator,
		Lang:             gen.Query.General.Lang,
		BlockCIDRLimitV4: defaultCIDRLimitV4,
		BlockCIDRLimitV6: defaultCIDRLimitV6,
	}
	for _, m := range pi.ParamInfo.Modules {
		for _, p := range m.Parameters {
			if p.Name != "ip" {
				continue
			}
			for _, d := range p.Description {
				if d.Key != "apihelp-query+blocks-param-ip" || len(d.Params) < 2 {
					continue
				}
				v4, ok4 := d.Params[0].(float64)
				v6, ok6 := d.Params[1].(float64)
				if ok4 && ok6 && v4 > 0 && v4 <= 32 && v6 > 0 && v6 <= 128 {
					si.BlockCIDRLimitV4, si.BlockCIDRLimitV6 = int(v4), int(v6)
				}
			}
		}
	}
	return acct, si, nil
}

// Change is one entry of recent changes: an edit or a page creation.
type Change struct {
	RCID      int64
	Type      string // "edit" or "new"
	Namespace int
	Title     string
	PageID    int64
	RevID     int64
	OldRevID  int64  // 0 for a page creation
	User      string // user name, or the IP of an anonymous editor
	Anon      bool
	Bot       bool
	Minor     bool
	Timestamp time.Time
	Comment   string
}

// RecentChanges returns edits and page creations (rctype=edit|new) with
// timestamp >= start, oldest first (rcdir=newer), following continuation,
// at most limit of them (0 = no limit). A zero start means from the oldest
// change the wiki keeps.
func (c *Client) RecentChanges(ctx context.Context, start time.Time, limit int) ([]Change, error) {
	changes, _, err := c.changes(ctx, start, limit, "")
	return changes, err
}

// ChangesAndPage is RecentChanges plus the current revision, with content,
// of the page title, read in the same request: a patrol pass that finds
// nothing new costs one request, shutoff page included. Later requests of
// a long list of changes do not ask for the page again. A page that does
// not exist comes back with Missing set.
func (c *Client) ChangesAndPage(ctx context.Context, start time.Time, limit int, title string) ([]Change, Page, error) {
	if title == "" {
		return nil, Page{}, asPermanent(errors.New("changes and page: empty title"))
	}
	return c.changes(ctx, start, limit, title)
}

// rcJSON is a recent change in a formatversion=2 answer.
type rcJSON struct {
	Type      string `json:"type"`
	NS        int    `json:"ns"`
	Title     string `json:"title"`
	PageID    int64  `json:"pageid"`
	RevID     int64  `json:"revid"`
	OldRevID  int64  `json:"old_revid"`
	RCID      int64  `json:"rcid"`
	User      string `json:"user"`
	Anon      bool   `json:"anon"`
	Bot       bool   `json:"bot"`
	Minor     bool   `json:"minor"`
	Timestamp string `json:"timestamp"`
	Comment   string `json:"comment"`
}

// changes reads recent changes and, if title is set, that page with its
// first request.
func (c *Client) changes(ctx context.Context, start time.Time, limit int, title string) ([]Change, Page, error) {
	p := params.Values{
		"action": "query", "list": "recentchanges",
		"rcprop": "title|ids|flags|user|timestamp|comment",
		"rctype": "edit|new", "rcdir": "newer",
	}
	if !start.IsZero() {
		p["rcstart"] = formatTime(start)
	}
	pageParams := params.Values{
		"prop": "revisions|info", "titles": title,
		"rvprop": "ids|content|user|timestamp|comment|flags", "rvslots": "main",
	}
	op := "recent changes"
	page := Page{Title: title, Missing: true}
	if title != "" {
		op = fmt.Sprintf("recent changes and %q", title)
		for k, v := range pageParams {
			p[k] = v
		}
	}
	var out []Change
	for {
		switch remaining := limit - len(out); {
		case c.pageSize > 0 && (limit == 0 || remaining > c.pageSize):
			p["rclimit"] = strconv.Itoa(c.pageSize)
		case limit > 0 && remaining <= 500:
			p["rclimit"] = strconv.Itoa(remaining)
		default:
			p["rclimit"] = "max"
		}
		var r struct {
			Continue map[string]any `json:"continue"`
			Query    struct {
				RecentChanges []rcJSON   `json:"recentchanges"`
				Pages         []pageJSON `json:"pages"`
			} `json:"query"`
		}
		if err := c.call(ctx, request{op: op, params: p}, &r); err != nil {
			return out, page, err
		}
		if _, asked := p["titles"]; asked {
			for _, pg := range r.Query.Pages {
				var err error
				if page, err = pg.merge(Page{}); err != nil {
					return out, page, fmt.Errorf("%s: %w", op, err)
				}
			}
			// The page came with the first answer.
			for k := range pageParams {
				delete(p, k)
			}
		}
		for _, rc := range r.Query.RecentChanges {
			ts, err := parseTime(rc.Timestamp)
			if err != nil {
				return out, page, fmt.Errorf("%s: rcid %d: %w", op, rc.RCID, err)
			}
			out = append(out, Change{
				RCID: rc.RCID, Type: rc.Type, Namespace: rc.NS, Title: rc.Title,
				PageID: rc.PageID, RevID: rc.RevID, OldRevID: rc.OldRevID,
				User: rc.User, Anon: rc.Anon, Bot: rc.Bot, Minor: rc.Minor,
				Timestamp: ts, Comment: rc.Comment,
			})
			if limit > 0 && len(out) >= limit {
				return out, page, nil
			}
		}
		if len(r.Continue) == 0 {
			return out, page, nil
		}
		if err := continueParams(p, r.Continue); err != nil {
			return out, page, fmt.Errorf("%s: %w", op, err)
		}
	}
}

// continueParams copies a "continue" object into the next request.
func continueParams(p params.Values, cont map[string]any) error {
	for k, v := range cont {
		switch v := v.(type) {
		case string:
			p[k] = v
		case float64:
			p[k] = strconv.FormatInt(int64(v), 10)
		default:
			return fmt.Errorf("%w: continue %s=%v", ErrMalformed, k, v)
		}
	}
	return nil
}

// batches splits items into runs of at most n.
func batches[T any](items []T, n int) [][]T {
	var out [][]T
	for len(items) > n {
		out = append(out, items[:n])
		items = items[n:]
	}
	if len(items) > 0 {
		out = append(out, items)
	}
	return out
}

// User is a registered account, or a name the wiki has no account for.
type User struct {
	Name      string
	Groups    []string
	EditCount int
	// Missing is true for names without an account, IP addresses included.
	Missing bool
}

// Users looks up accounts by name (list=users, 50 names a request). The
// map is keyed by the names as given; IPs and invalid names come back with
// Missing set.
func (c *Client) Users(ctx context.Context, names []string) (map[string]User, error) {
	out := make(map[string]User, len(names))
	for _, batch := range batches(dedupe(names), c.batch) {
		var r struct {
			Query struct {
				Users []struct {
					Name      string   `json:"name"`
					Groups    []string `json:"groups"`
					EditCount int      `json:"editcount"`
					Missing   bool     `json:"missing"`
					Invalid   bool     `json:"invalid"`
				} `json:"users"`
			} `json:"query"`
		}
		err := c.call(ctx, request{op: "users", params: params.Values{
			"action": "query", "list": "users", "ususers": strings.Join(batch, "|"),
			"usprop": "groups|editcount",
		}}, &r)
		if err != nil {
			return nil, err
		}
		byNorm := make(map[string]User, len(r.Query.Users))
		for _, u := range r.Query.Users {
			byNorm[normalizeName(u.Name)] = User{
				Name: u.Name, Groups: u.Groups, EditCount: u.EditCount,
				Missing: u.Missing || u.Invalid,
			}
		}
		for _, name := range batch {
			u, ok := byNorm[normalizeName(name)]
			if !ok {
				u = User{Name: name, Missing: true}
			}
			out[name] = u
		}
	}
	return out, nil
}

// normalizeName approximates MediaWiki's user name normalisation: spaces
// for underscores, trimmed, first letter upper case.
func normalizeName(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "_", " "))
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func dedupe[T comparable](items []T) []T {
	seen := make(map[T]bool, len(items))
	out := make([]T, 0, len(items))
	for _, it := range items {
		if !seen[it] {
			seen[it] = true
			out = append(out, it)
		}
	}
	return out
}

// Revision is one revision with its wikitext.
type Revision struct {
	RevID, ParentID, PageID int64
	Title, User             string
	Anon                    bool
	Timestamp               time.Time
	Comment, Content        string
	// Missing is true for revision ids the wiki does not have (or whose
	// text is deleted: Content is then empty).
	Missing bool
}

// revisionJSON is a revision in a formatversion=2 answer.
type revisionJSON struct {
	RevID     int64  `json:"revid"`
	ParentID  int64  `json:"parentid"`
	User      string `json:"user"`
	Anon      bool   `json:"anon"`
	Timestamp string `json:"timestamp"`
	Comment   string `json:"comment"`
	Slots     struct {
		Main struct {
			Content     *string `json:"content"`
			TextHidden  bool    `json:"texthidden"`
			TextMissing bool    `json:"textmissing"`
		} `json:"main"`
	} `json:"slots"`
}

func (rv revisionJSON) revision(pageID int64, title string) (Revision, error) {
	ts, err := parseTime(rv.Timestamp)
	if err != nil {
		return Revision{}, err
	}
	r := Revision{
		RevID: rv.RevID, ParentID: rv.ParentID, PageID: pageID, Title: title,
		User: rv.User, Anon: rv.Anon, Timestamp: ts, Comment: rv.Comment,
	}
	if rv.Slots.Main.Content != nil {
		r.Content = *rv.Slots.Main.Content
	} else {
		r.Missing = true
	}
	return r, nil
}

// pagesJSON is the query.pages part of a formatversion=2 answer.
type pagesJSON struct {
	Continue map[string]any `json:"continue"`
	Query    struct {
		Normalized []struct {
			From string `json:"from"`
			To   string `json:"to"`
		} `json:"normalized"`
		BadRevIDs map[string]struct {
			RevID int64 `json:"revid"`
		} `json:"badrevids"`
		Pages []pageJSON `json:"pages"`
	} `json:"query"`
}

// pageJSON is a page in a formatversion=2 answer.
type pageJSON struct {
	PageID     int64          `json:"pageid"`
	Title      string         `json:"title"`
	Missing    bool           `json:"missing"`
	Invalid    bool           `json:"invalid"`
	Revisions  []revisionJSON `json:"revisions"`
	Protection []struct {
		Type  string `json:"type"`
		Level string `json:"level"`
	} `json:"protection"`
	PageLanguage string `json:"pagelanguage"`
}

// merge adds what pg says to page (a page's revisions may come in several
// answers when they continue).
func (pg pageJSON) merge(page Page) (Page, error) {
	page.Title, page.PageID = pg.Title, pg.PageID
	page.Missing = pg.Missing || pg.Invalid
	if !page.Missing && pg.PageLanguage != "" {
		page.Language = pg.PageLanguage
	}
	for _, pr := range pg.Protection {
		if pr.Type == "edit" {
			page.Protected = true
		}
	}
	for _, rv := range pg.Revisions {
		rev, err := rv.revision(pg.PageID, pg.Title)
		if err != nil {
			return page, fmt.Errorf("%q: %w", pg.Title, err)
		}
		page.Latest = rev
	}
	return page, nil
}

// Revisions fetches revisions with content by id (50 a request: with
// content, MediaWiki 1.39 allows 50 ids for ordinary accounts and 500 for
// bots; 50 works for both). Ids the wiki does not have come back with
// Missing set.
func (c *Client) Revisions(ctx context.Context, revIDs []int64) (map[int64]Revision, error) {
	out := make(map[int64]Revision, len(revIDs))
	for _, batch := range batches(dedupe(revIDs), c.batch) {
		ids := make([]string, len(batch))
		for i, id := range batch {
			ids[i] = strconv.FormatInt(id, 10)
		}
		p := params.Values{
			"action": "query", "prop": "revisions", "revids": strings.Join(ids, "|"),
			"rvprop": "ids|user|timestamp|comment|content|flags", "rvslots": "main",
		}
		// Answers over $wgAPIMaxResultSize continue with the rest.
		for {
			var r pagesJSON
			if err := c.call(ctx, request{op: "revisions", params: p}, &r); err != nil {
				return nil, err
			}
			for _, pg := range r.Query.Pages {
				for _, rv := range pg.Revisions {
					rev, err := rv.revision(pg.PageID, pg.Title)
					if err != nil {
						return nil, fmt.Errorf("revisions: %d: %w", rv.RevID, err)
					}
					out[rev.RevID] = rev
				}
			}
			for _, bad := range r.Query.BadRevIDs {
				out[bad.RevID] = Revision{RevID: bad.RevID, Missing: true}
			}
			if len(r.Continue) == 0 {
				break
			}
			if err := continueParams(p, r.Continue); err != nil {
				return nil, fmt.Errorf("revisions: %w", err)
			}
		}
	}
	return out, nil
}

// Page is a page with its latest revision.
type Page struct {
	Title   string
	PageID  int64
	Missing bool // no such page, or an invalid title
	Latest  Revision
	// Protected is true when editing the page needs more than the default
	// rights.
	Protected bool
	// Language is the page's content language code (prop=info's
	// pagelanguage): the wiki's content language unless the page has its
	// own. Empty for a missing page.
	Language string
}

// Pages fetches pages with their latest revision and content, 50 titles a
// request. The map is keyed by the titles as given (before normalisation).
func (c *Client) Pages(ctx context.Context, titles []string) (map[string]Page, error) {
	out := make(map[string]Page, len(titles))
	for _, batch := range batches(dedupe(titles), c.batch) {
		p := params.Values{
			"action": "query", "prop": "revisions|info", "inprop": "protection",
			"titles": strings.Join(batch, "|"),
			"rvprop": "ids|user|timestamp|comment|content|flags", "rvslots": "main",
		}
		found := make(map[string]Page, len(batch))
		norm := make(map[string]string)
		for {
			var r pagesJSON
			if err := c.call(ctx, request{op: "pages", params: p}, &r); err != nil {
				return nil, err
			}
			for _, n := range r.Query.Normalized {
				norm[n.From] = n.To
			}
			for _, pg := range r.Query.Pages {
				page, err := pg.merge(found[pg.Title])
				if err != nil {
					return nil, fmt.Errorf("pages: %w", err)
				}
				found[pg.Title] = page
			}
			if len(r.Continue) == 0 {
				break
			}
			if err := continueParams(p, r.Continue); err != nil {
				return nil, fmt.Errorf("pages: %w", err)
			}
		}
		for _, t := range batch {
			key := t
			if to, ok := norm[t]; ok {
				key = to
			}
			pg, ok := found[key]
			if !ok {
				pg = Page{Title: t, Missing: true}
			}
			out[t] = pg
		}
	}
	return out, nil
}

// Rollback reverts the consecutive latest edits of user on title
// (action=rollback, marked as bot edits). ErrAlreadyRolled means user is no
// longer the latest editor or is the page's only author.
func (c *Client) Rollback(ctx context.Context, title, user, summary string) error {
	p := params.Values{
		"action": "rollback", "title": title, "user": user, "markbot": "1",
	}
	if summary != "" {
		p["summary"] = summary
	}
	return c.call(ctx, request{op: fmt.Sprintf("rollback %q", title), params: p, post: true, token: "rollback"}, nil)
}

// Undo undoes revision revID of title (action=edit&undo=), for when
// rollback cannot be used. It never creates the page. ErrEditConflict means
// later edits make the undo impossible.
func (c *Client) Undo(ctx context.Context, title string, revID int64, summary string) error {
	p := params.Values{
		"action": "edit", "title": title,
		"undo":      strconv.FormatInt(revID, 10),
		"baserevid": strconv.FormatInt(revID, 10),
		"nocreate":  "1",
	}
	if summary != "" {
		p["summary"] = summary
	}
	var r editJSON
	err := c.call(ctx, request{op: fmt.Sprintf("undo %q", title), params: p, post: true, token: "csrf"}, &r)
	if err != nil {
		return err
	}
	_, err = r.result(fmt.Sprintf("undo %q", title))
	return err
}

// EditParams describes an edit. BaseRevID and BaseTimestamp are the
// revision the new text was based on; set them so an intervening edit is
// reported as ErrEditConflict instead of being overwritten.
type EditParams struct {
	Title, Text, Summary string
	BaseRevID            int64
	BaseTimestamp        time.Time
	Bot, Minor, NoCreate bool
}

type editJSON struct {
	Edit struct {
		Result   string `json:"result"`
		NewRevID int64  `json:"newrevid"`
		NoChange bool   `json:"nochange"`
	} `json:"edit"`
}

func (r editJSON) result(op string) (int64, error) {
	if r.Edit.Result != "Success" {
		return 0, &APIError{Op: op, Code: "editfailure", Info: "edit result " + strconv.Quote(r.Edit.Result)}
	}
	return r.Edit.NewRevID, nil
}

// Edit saves p.Text as the new text of p.Title and returns the new revision
// id, or 0 if the text was already the same.
func (c *Client) Edit(ctx context.Context, p EditParams) (newRevID int64, err error) {
	v := params.Values{"action": "edit", "title": p.Title, "text": p.Text}
	if p.Summary != "" {
		v["summary"] = p.Summary
	}
	if p.BaseRevID > 0 {
		v["baserevid"] = strconv.FormatInt(p.BaseRevID, 10)
	}
	if !p.BaseTimestamp.IsZero() {
		v["basetimestamp"] = formatTime(p.BaseTimestamp)
	}
	if p.Bot {
		v["bot"] = "1"
	}
	if p.Minor {
		v["minor"] = "1"
	} else {
		v["notminor"] = "1"
	}
	if p.NoCreate {
		v["nocreate"] = "1"
	}
	op := fmt.Sprintf("edit %q", p.Title)
	var r editJSON
	if err := c.call(ctx, request{op: op, params: v, post: true, token: "csrf"}, &r); err != nil {
		return 0, err
	}
	return r.result(op)
}

// BlockParams describes a block of a user, an IP or a CIDR range.
type BlockParams struct {
	Target string // user name, IP, or range such as "198.51.100.0/24"
	// Expiry is relative ("31 hours") or absolute; "" lets the wiki default
	// to infinite.
	Expiry, Reason string
	// AnonOnly blocks only logged-out editors from the IP or range.
	AnonOnly bool
	// NoCreate also prevents account creation.
	NoCreate bool
	// Reblock replaces an existing block instead of failing with
	// ErrAlreadyBlocked.
	Reblock bool
}

// Block blocks p.Target. ErrAlreadyBlocked means a block exists and
// p.Reblock was false; ranges broader than SiteInfo's limits are refused.
func (c *Client) Block(ctx context.Context, p BlockParams) error {
	_, err := c.PlaceBlock(ctx, p)
	return err
}

// PlaceBlock is Block returning the new block's id, by which the block,
// and only it, can be lifted later (UnblockID).
func (c *Client) PlaceBlock(ctx context.Context, p BlockParams) (int64, error) {
	v := params.Values{"action": "block", "user": p.Target}
	if p.Expiry != "" {
		v["expiry"] = p.Expiry
	}
	if p.Reason != "" {
		v["reason"] = p.Reason
	}
	for k, on := range map[string]bool{"anononly": p.AnonOnly, "nocreate": p.NoCreate, "reblock": p.Reblock} {
		if on {
			v[k] = "1"
		}
	}
	var r struct {
		Block struct {
			ID int64 `json:"id"`
		} `json:"block"`
	}
	err := c.call(ctx, request{op: fmt.Sprintf("block %q", p.Target), params: v, post: true, token: "csrf"}, &r)
	return r.Block.ID, err
}

// Delete deletes the page title (action=delete), for pages a spammer
// created. ErrNotFound means there is no such page, or it is already
// deleted.
func (c *Client) Delete(ctx context.Context, title, reason string) error {
	p := params.Values{"action": "delete", "title": title}
	if reason != "" {
		p["reason"] = reason
	}
	return c.call(ctx, request{op: fmt.Sprintf("delete %q", title), params: p, post: true, token: "csrf"}, nil)
}

// SamplePages returns the wikitext of up to n random main-namespace pages
// (generator=random), for training the letter model on the wiki's own
// language. A small wiki yields fewer than n.
func (c *Client) SamplePages(ctx context.Context, n int) ([]string, error) {
	seen := make(map[int64]bool, n)
	var out []string
	for len(out) < n {
		p := params.Values{
			"action": "query", "generator": "random", "grnnamespace": "0",
			"grnlimit": strconv.Itoa(min(n-len(out), c.batch)),
			"prop":     "revisions", "rvprop": "content", "rvslots": "main",
		}
		var r pagesJSON
		if err := c.call(ctx, request{op: "sample pages", params: p}, &r); err != nil {
			return out, err
		}
		added := 0
		for _, pg := range r.Query.Pages {
			if seen[pg.PageID] || len(pg.Revisions) == 0 {
				continue
			}
			seen[pg.PageID] = true
			if s := pg.Revisions[0].Slots.Main.Content; s != nil {
				out = append(out, *s)
				added++
			}
		}
		// Random draws repeat; stop once a draw brings nothing new.
		if added == 0 {
			break
		}
	}
	return out, nil
}

// ExternalLinks returns up to limit external link URLs the wiki's pages
// already carry (list=exturlusage), following continuation; limit 0 means
// all. The link detector treats their domains as known to the wiki.
func (c *Client) ExternalLinks(ctx context.Context, limit int) ([]string, error) {
	p := params.Values{
		"action": "query", "list": "exturlusage",
		"euprop": "url", "eulimit": "max", "euexpandurl": "1",
	}
	var out []string
	for {
		var r struct {
			Continue map[string]any `json:"continue"`
			Query    struct {
				ExtURLUsage []struct {
					URL string `json:"url"`
				} `json:"exturlusage"`
			} `json:"query"`
		}
		if err := c.call(ctx, request{op: "external links", params: p}, &r); err != nil {
			return out, err
		}
		for _, u := range r.Query.ExtURLUsage {
			out = append(out, u.URL)
			if limit > 0 && len(out) >= limit {
				return out, nil
			}
		}
		if len(r.Continue) == 0 {
			return out, nil
		}
		if err := continueParams(p, r.Continue); err != nil {
			return out, fmt.Errorf("external links: %w", err)
		}
	}
}
