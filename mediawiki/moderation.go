package mediawiki

// CheckPassword: how the review console checks a moderator's own password.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"time"

	"cgt.name/pkg/go-mwclient/params"
)

// CheckPassword logs in to the wiki at opts.API as username with password
// through action=clientlogin, in a session of its own (a fresh cookie jar,
// dropped afterwards), and returns the account as the wiki sees it: its
// canonical name and groups. It is how the review console checks a
// moderator's own password; the password is sent once and not kept.
//
// A wrong password, an unknown account, or a login that needs more than a
// password (two-factor authentication) is ErrLoginFailed; anything else
// means the wiki could not be asked. opts.Username and opts.Password are
// ignored.
func CheckPassword(ctx context.Context, opts Options, username, password string) (Account, error) {
	if opts.API == "" || opts.UserAgent == "" {
		return Account{}, errors.New("mediawiki: check password: API URL and UserAgent are required")
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	jar, err := cookiejar.New(nil)
	if err != nil {
		return Account{}, err
	}
	hc := &http.Client{Jar: jar, Timeout: timeout,
		// A login answer never needs a redirect followed.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if opts.HTTPClient != nil && opts.HTTPClient.Transport != nil {
		hc.Transport = opts.HTTPClient.Transport
	}
	s := loginSession{hc: hc, api: opts.API, ua: opts.UserAgent}

	var tok struct {
		Query struct {
			Tokens struct {
				Login string `json:"logintoken"`
			} `json:"tokens"`
		} `json:"query"`
	}
	if err := s.do(ctx, "GET", url.Values{"action": {"query"}, "meta": {"tokens"}, "type": {"login"}}, &tok); err != nil {
		return Account{}, fmt.Errorf("check password: login token: %w", err)
	}
	var login struct {
		ClientLogin struct {
			Status   string `json:"status"`
			Message  string `json:"message"`
			Username string `json:"username"`
		} `json:"clientlogin"`
	}
	err = s.do(ctx, "POST", url.Values{
		"action": {"clientlogin"}, "username": {username}, "password": {password},
		"logintoken": {tok.Query.Tokens.Login}, "loginreturnurl": {opts.API},
	}, &login)
	var ae *APIError
	if errors.As(err, &ae) && ae.Code == "badtoken" {
		return Account{}, fmt.Errorf("check password: %w", ErrUnavailable)
	}
	if err != nil {
		return Account{}, fmt.Errorf("check password: %w", err)
	}
	switch login.ClientLogin.Status {
	case "PASS":
	case "FAIL", "UI", "REDIRECT", "RESTART":
		// UI and REDIRECT ask for more than a password; RESTART for an
		// account link. The console takes passwords only.
		return Account{}, fmt.Errorf("check password: %w", ErrLoginFailed)
	default:
		return Account{}, fmt.Errorf("check password: %w: clientlogin status %q", ErrMalformed, login.ClientLogin.Status)
	}
	var info struct {
		Query struct {
			UserInfo struct {
				ID     int64    `json:"id"`
				Name   string   `json:"name"`
				Groups []string `json:"groups"`
			} `json:"userinfo"`
		} `json:"query"`
	}
	if err := s.do(ctx, "GET", url.Values{"action": {"query"}, "meta": {"userinfo"}, "uiprop": {"groups"}}, &info); err != nil {
		return Account{}, fmt.Errorf("check password: user info: %w", err)
	}
	u := info.Query.UserInfo
	if u.ID == 0 {
		return Account{}, fmt.Errorf("check password: %w: not logged in after PASS", ErrLoginFailed)
	}
	// Leave nothing behind on the wiki side either.
	_ = s.do(ctx, "POST", url.Values{"action": {"logout"}, "token": {s.csrf(ctx)}}, nil)
	return Account{Name: u.Name, ID: u.ID, Groups: u.Groups}, nil
}

// loginSession is one throwaway session of CheckPassword.
type loginSession struct {
	hc      *http.Client
	api, ua string
}

func (s loginSession) csrf(ctx context.Context) string {
	var tok struct {
		Query struct {
			Tokens struct {
				CSRF string `json:"csrftoken"`
			} `json:"tokens"`
		} `json:"query"`
	}
	_ = s.do(ctx, "GET", url.Values{"action": {"query"}, "meta": {"tokens"}}, &tok)
	return tok.Query.Tokens.CSRF
}

// do makes one request and decodes the answer into out (nil to ignore it).
func (s loginSession) do(ctx context.Context, method string, v url.Values, out any) error {
	v.Set("format", "json")
	v.Set("formatversion", "2")
	var (
		req *http.Request
		err error
	)
	if method == "POST" {
		req, err = http.NewRequestWithContext(ctx, method, s.api, strings.NewReader(v.Encode()))
		if err == nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
	} else {
		req, err = http.NewRequestWithContext(ctx, method, s.api+"?"+v.Encode(), nil)
	}
	if err != nil {
		return err
	}
	req.Header.Set("User-Agent", s.ua)
	resp, err := s.hc.Do(req)
	if err != nil {
		// The URL holds no password (it is only ever in a POST body).
		return fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	if resp.StatusCode >= 500 {
		return fmt.Errorf("%w: HTTP %d", ErrUnavailable, resp.StatusCode)
	}
	var env envelope
	if err := json.Unmarshal(body, &env); err != nil {
		return fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if e := env.Error; e != nil {
		return &APIError{Code: e.Code, Info: e.Info}
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	return nil
}

// Member is an account as the review console checks a moderator: its
// groups and whether it is blocked now.
type Member struct {
	Name    string
	Groups  []string
	Blocked bool
	// Missing is true for a name without an account.
	Missing bool
}

// Member looks up the account called name (list=users with its groups and
// block), through the bot's session: how the console checks again, without
// a password, that a logged-in moderator still may review.
func (c *Client) Member(ctx context.Context, name string) (Member, error) {
	var r struct {
		Query struct {
			Users []struct {
				Name    string   `json:"name"`
				Groups  []string `json:"groups"`
				BlockID int64    `json:"blockid"`
				Missing bool     `json:"missing"`
				Invalid bool     `json:"invalid"`
			} `json:"users"`
		} `json:"query"`
	}
	err := c.call(ctx, request{op: fmt.Sprintf("member %q", name), params: params.Values{
		"action": "query", "list": "users", "ususers": name, "usprop": "groups|blockinfo",
	}}, &r)
	if err != nil {
		return Member{}, err
	}
	if len(r.Query.Users) == 0 {
		return Member{Name: name, Missing: true}, nil
	}
	u := r.Query.Users[0]
	return Member{Name: u.Name, Groups: u.Groups, Blocked: u.BlockID != 0, Missing: u.Missing || u.Invalid}, nil
}

// UnblockID lifts the block with the given id, and only that one: a block
// placed later on the same target by someone else is a different id.
// ErrNotFound means no block has that id any more.
func (c *Client) UnblockID(ctx context.Context, id int64, reason string) error {
	p := params.Values{"action": "unblock", "id": fmt.Sprint(id)}
	if reason != "" {
		p["reason"] = reason
	}
	return c.call(ctx, request{op: fmt.Sprintf("unblock #%d", id), params: p, post: true, token: "csrf"}, nil)
}
