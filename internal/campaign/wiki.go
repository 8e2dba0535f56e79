package campaign

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// anonToken is the CSRF token MediaWiki expects from logged-out editors.
const anonToken = `+\`

// ErrBlocked is returned (wrapped in an *APIError) when the wiki refuses an
// edit because the editor's IP or range is blocked.
var ErrBlocked = errors.New("blocked")

// ErrNoPage is returned when a page the campaign reads does not exist.
var ErrNoPage = errors.New("page does not exist")

// APIError is an error answer of the MediaWiki API.
type APIError struct {
	Code string
	Info string
}

func (e *APIError) Error() string { return e.Code + ": " + e.Info }

// Is makes errors.Is(err, ErrBlocked) true for the block error codes.
func (e *APIError) Is(target error) bool {
	return target == ErrBlocked && (e.Code == "blocked" || e.Code == "autoblocked")
}

// Wiki is a test wiki as the botnet and its administrator see it. It talks
// plain net/http to api.php, independently of the mediawiki package the bot
// uses, so that the campaign never checks the client under test with itself.
//
// Anonymous edits send X-Forwarded-For, which the test wiki
// (scripts/testwiki.sh) trusts from 127.0.0.1, so one process can play many
// editors. A Wiki is safe for concurrent use once created; do not copy it.
type Wiki struct {
	// API is the URL of the wiki's api.php.
	API string
	// AdminUser and AdminPassword are the main-account credentials of a
	// sysop, used to seed pages. MediaWiki 1.39 accepts main passwords only
	// through action=clientlogin.
	AdminUser, AdminPassword string
	// HTTP makes the requests; nil means a client with a 60 s timeout. Its
	// cookie jar, if any, is never used for the admin session, so anonymous
	// edits stay anonymous.
	HTTP *http.Client

	mu        sync.Mutex
	adminHTTP *http.Client // carries the admin's session cookies
	csrf      string       // CSRF token of that session
}

func (w *Wiki) client() *http.Client {
	if w.HTTP != nil {
		return w.HTTP
	}
	// http.DefaultTransport pools the connections across these clients.
	return &http.Client{Timeout: 60 * time.Second}
}

// call sends one API request and decodes the answer into out (which may be
// nil). xff, when valid, is sent as X-Forwarded-For.
func (w *Wiki) call(ctx context.Context, c *http.Client, xff netip.Addr, params url.Values, out any) error {
	params.Set("format", "json")
	params.Set("formatversion", "2")
	params.Set("errorformat", "plaintext")
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.API, strings.NewReader(params.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("User-Agent", "wikiwarden-botnet-sim (test wiki campaign)")
	if xff.IsValid() {
		req.Header.Set("X-Forwarded-For", xff.String())
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("read answer: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP %s: %.200s", resp.Status, body)
	}
	var env struct {
		Errors []struct {
			Code string `json:"code"`
			Text string `json:"text"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return fmt.Errorf("decode answer: %w: %.200s", err, body)
	}
	if len(env.Errors) > 0 {
		return &APIError{Code: env.Errors[0].Code, Info: env.Errors[0].Text}
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("decode answer: %w", err)
	}
	return nil
}

// Login logs the administrator in with action=clientlogin and fetches a
// CSRF token. AdminEdit calls it when needed.
func (w *Wiki) Login(ctx context.Context) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.login(ctx)
}

func (w *Wiki) login(ctx context.Context) error {
	jar, err := cookiejar.New(nil)
	if err != nil {
		return fmt.Errorf("log in: %w", err)
	}
	base := w.client()
	c := &http.Client{Transport: base.Transport, Timeout: base.Timeout, Jar: jar}
	var tok struct {
		Query struct {
			Tokens struct {
				Login string `json:"logintoken"`
				CSRF  string `json:"csrftoken"`
			} `json:"tokens"`
		} `json:"query"`
	}
	if err := w.call(ctx, c, netip.Addr{}, url.Values{"action": {"query"}, "meta": {"tokens"}, "type": {"login"}}, &tok); err != nil {
		return fmt.Errorf("log in as %s: login token: %w", w.AdminUser, err)
	}
	var res struct {
		ClientLogin struct {
			Status  string `json:"status"`
			Message string `json:"message"`
		} `json:"clientlogin"`
	}
	err = w.call(ctx, c, netip.Addr{}, url.Values{
		"action": {"clientlogin"}, "username": {w.AdminUser}, "password": {w.AdminPassword},
		"logintoken": {tok.Query.Tokens.Login}, "loginreturnurl": {"http://127.0.0.1/"},
	}, &res)
	if err != nil {
		return fmt.Errorf("log in as %s: %w", w.AdminUser, err)
	}
	if res.ClientLogin.Status != "PASS" {
		return fmt.Errorf("log in as %s: %s: %s", w.AdminUser, res.ClientLogin.Status, res.ClientLogin.Message)
	}
	if err := w.call(ctx, c, netip.Addr{}, url.Values{"action": {"query"}, "meta": {"tokens"}}, &tok); err != nil {
		return fmt.Errorf("log in as %s: csrf token: %w", w.AdminUser, err)
	}
	w.adminHTTP, w.csrf = c, tok.Query.Tokens.CSRF
	return nil
}

// AdminEdit saves text as the page's new content, as the administrator, and
// returns the new revision id.
func (w *Wiki) AdminEdit(ctx context.Context, title, text, summary string) (int64, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for attempt := 0; ; attempt++ {
		if w.adminHTTP == nil {
			if err := w.login(ctx); err != nil {
				return 0, err
			}
		}
		rev, err := w.edit(ctx, w.adminHTTP, netip.Addr{}, url.Values{
			"title": {title}, "text": {text}, "summary": {summary}, "token": {w.csrf},
		})
		var ae *APIError
		if attempt == 0 && errors.As(err, &ae) && (ae.Code == "badtoken" || ae.Code == "notloggedin") {
			w.adminHTTP = nil // the session expired: log in again
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("admin edit %q: %w", title, err)
		}
		return rev, nil
	}
}

// AnonEdit saves text as the page's new content as a logged-out editor at
// ip. baseRevID, when not 0, makes the wiki refuse the edit if the page
// changed since that revision instead of silently merging. It returns the
// new revision id; an edit that changes nothing is an error.
func (w *Wiki) AnonEdit(ctx context.Context, ip netip.Addr, title, text, summary string, baseRevID int64) (int64, error) {
	p := url.Values{"title": {title}, "text": {text}, "summary": {summary}, "token": {anonToken}, "nocreate": {"1"}}
	if baseRevID != 0 {
		p.Set("baserevid", strconv.FormatInt(baseRevID, 10))
	} else {
		// No base revision: the edit creates the page, and only if it
		// does not exist yet.
		p.Del("nocreate")
		p.Set("createonly", "1")
	}
	rev, err := w.edit(ctx, w.client(), ip, p)
	if err != nil {
		return 0, fmt.Errorf("edit %q from %s: %w", title, ip, err)
	}
	return rev, nil
}

// anonAppend appends text to the page as a logged-out editor at ip: one
// request, no edit conflicts, which is what Bulk needs to be fast.
func (w *Wiki) anonAppend(ctx context.Context, ip netip.Addr, title, text, summary string) (int64, error) {
	rev, err := w.edit(ctx, w.client(), ip, url.Values{
		"title": {title}, "appendtext": {text}, "summary": {summary}, "token": {anonToken}, "nocreate": {"1"},
	})
	if err != nil {
		return 0, fmt.Errorf("append to %q from %s: %w", title, ip, err)
	}
	return rev, nil
}

func (w *Wiki) edit(ctx context.Context, c *http.Client, ip netip.Addr, p url.Values) (int64, error) {
	p.Set("action", "edit")
	var res struct {
		Edit struct {
			Result   string `json:"result"`
			NewRevID int64  `json:"newrevid"`
			NoChange bool   `json:"nochange"`
		} `json:"edit"`
	}
	if err := w.call(ctx, c, ip, p, &res); err != nil {
		return 0, err
	}
	switch {
	case res.Edit.Result != "Success":
		return 0, fmt.Errorf("edit result %q", res.Edit.Result)
	case res.Edit.NoChange:
		return 0, errors.New("the edit changed nothing")
	}
	return res.Edit.NewRevID, nil
}

// Page is the current revision of a page.
type Page struct {
	Title string
	RevID int64
	User  string
	Text  string
}

// Page reads the current revision of title. A missing page is ErrNoPage.
func (w *Wiki) Page(ctx context.Context, title string) (Page, error) {
	var res struct {
		Query struct {
			Pages []struct {
				Title     string `json:"title"`
				Missing   bool   `json:"missing"`
				Revisions []struct {
					RevID int64  `json:"revid"`
					User  string `json:"user"`
					Slots struct {
						Main struct {
							Content string `json:"content"`
						} `json:"main"`
					} `json:"slots"`
				} `json:"revisions"`
			} `json:"pages"`
		} `json:"query"`
	}
	err := w.call(ctx, w.client(), netip.Addr{}, url.Values{
		"action": {"query"}, "prop": {"revisions"}, "titles": {title},
		"rvprop": {"ids|user|content"}, "rvslots": {"main"},
	}, &res)
	if err != nil {
		return Page{}, fmt.Errorf("read %q: %w", title, err)
	}
	if len(res.Query.Pages) != 1 || res.Query.Pages[0].Missing || len(res.Query.Pages[0].Revisions) == 0 {
		return Page{}, fmt.Errorf("read %q: %w", title, ErrNoPage)
	}
	pg, rev := res.Query.Pages[0], res.Query.Pages[0].Revisions[0]
	return Page{Title: pg.Title, RevID: rev.RevID, User: rev.User, Text: rev.Slots.Main.Content}, nil
}

// Block is an active block as list=blocks reports it.
type Block struct {
	Target string // an IP address, a CIDR range or a user name
	Expiry string
}

// BlocksOn lists the active blocks that apply to target, an IP address or a
// CIDR range: blocks of the address itself and of every range containing
// it (for a range target, of ranges containing the whole range).
func (w *Wiki) BlocksOn(ctx context.Context, target string) ([]Block, error) {
	var res struct {
		Query struct {
			Blocks []struct {
				User   string `json:"user"`
				Expiry string `json:"expiry"`
			} `json:"blocks"`
		} `json:"query"`
	}
	err := w.call(ctx, w.client(), netip.Addr{}, url.Values{
		"action": {"query"}, "list": {"blocks"}, "bkip": {target}, "bkprop": {"user|expiry"}, "bklimit": {"max"},
	}, &res)
	if err != nil {
		return nil, fmt.Errorf("read blocks on %s: %w", target, err)
	}
	out := make([]Block, len(res.Query.Blocks))
	for i, b := range res.Query.Blocks {
		out[i] = Block{Target: b.User, Expiry: b.Expiry}
	}
	return out, nil
}
