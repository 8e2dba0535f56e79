package mediawiki

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// Every error a Client method returns is of exactly one of two kinds, so
// that a caller can decide between "try again later" and "give up on this
// action" without knowing every cause:
//
//   - ErrTransient: the wiki or the way to it failed, and the same call may
//     well work later: 5xx answers, timeouts and network errors
//     (ErrUnavailable), lag (ErrMaxlag), throttling (ErrRateLimited), a
//     session that could not be restored (ErrNotLoggedIn, ErrBadToken,
//     ErrLoginFailed), a read-only wiki (ErrReadOnly), an answer that is not
//     the API's JSON (ErrMalformed), a cool-off after repeated failures
//     (ErrCoolingOff), and the caller's own context ending.
//   - ErrPermanent: the wiki understood the call and refused it, and will
//     refuse it again: ErrPermission, ErrProtected, ErrBlocked,
//     ErrBadRequest, and the outcomes ErrNotFound, ErrEditConflict,
//     ErrAlreadyRolled, ErrOnlyAuthor and ErrAlreadyBlocked, plus any API
//     error code this package does not know.
//
// Transient(err) tells them apart; errors.Is(err, ErrTransient) and
// errors.Is(err, ErrPermanent) say the same. The specific sentinels below
// sit on top for the outcomes a caller branches on.
var (
	// ErrTransient matches every error worth retrying later.
	ErrTransient = errors.New("transient failure")
	// ErrPermanent matches every error that retrying will not fix.
	ErrPermanent = errors.New("permanent failure")
)

// Transient reports whether err is worth retrying later (see ErrTransient):
// the wiki, the network or the session failed, not the call itself. It is
// false for nil and for errors that are permanent.
func Transient(err error) bool {
	return errors.Is(err, ErrTransient)
}

// kindError is a sentinel that also matches its kind.
type kindError struct {
	msg  string
	kind error
}

func (e *kindError) Error() string        { return e.msg }
func (e *kindError) Is(target error) bool { return target == e.kind }

func transientSentinel(msg string) error { return &kindError{msg: msg, kind: ErrTransient} }
func permanentSentinel(msg string) error { return &kindError{msg: msg, kind: ErrPermanent} }

// kinded wraps an error that has no kind of its own (a context error, a
// status code) with one, keeping it reachable for errors.Is and errors.As.
type kinded struct {
	err  error
	kind error
}

func (e *kinded) Error() string        { return e.err.Error() }
func (e *kinded) Unwrap() error        { return e.err }
func (e *kinded) Is(target error) bool { return target == e.kind }
func asTransient(err error) error      { return &kinded{err: err, kind: ErrTransient} }
func asPermanent(err error) error      { return &kinded{err: err, kind: ErrPermanent} }
func isContextErr(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// Sentinel errors, for the outcomes callers branch on. API errors match them
// through errors.Is on *APIError; the rest wrap them.
var (
	// ErrNotFound (permanent): the page, revision, user or block does not
	// exist (missingtitle, nosuchrevid, nosuchpageid, nosuchuser,
	// cantunblock, cantdelete; BlockInfo of a target without a block).
	ErrNotFound = permanentSentinel("not found")
	// ErrEditConflict (permanent): someone else edited the page since the
	// base revision (editconflict), or an undo no longer applies
	// (undofailure).
	ErrEditConflict = permanentSentinel("edit conflict")
	// ErrAlreadyRolled (permanent): the edit is no longer the latest or was
	// already reverted (alreadyrolled).
	ErrAlreadyRolled = permanentSentinel("already rolled back")
	// ErrOnlyAuthor (permanent): rollback is impossible because the editor is
	// the page's only author (onlyauthor): the page was created by that
	// editor.
	ErrOnlyAuthor = permanentSentinel("only author")
	// ErrPermission (permanent): the account lacks a right the action needs.
	ErrPermission = permanentSentinel("permission denied")
	// ErrBlocked (permanent): the bot account (or its IP) is blocked.
	ErrBlocked = permanentSentinel("bot is blocked")
	// ErrAlreadyBlocked (permanent): the target is already blocked and
	// Reblock was not set. BlockInfo tells whose block it is.
	ErrAlreadyBlocked = permanentSentinel("already blocked")
	// ErrProtected (permanent): the page, title or namespace is protected
	// against the bot's edit.
	ErrProtected = permanentSentinel("protected")
	// ErrBadRequest (permanent): the wiki refused the request itself (an
	// invalid parameter, a range broader than $wgBlockCIDRLimit, an HTTP
	// 400/413/414/431).
	ErrBadRequest = permanentSentinel("bad request")

	// ErrBadToken (transient): the wiki rejected the token even after a
	// fresh login.
	ErrBadToken = transientSentinel("bad token")
	// ErrNotLoggedIn (transient): the session is gone and logging in again
	// did not bring it back (assertuserfailed, assertbotfailed,
	// notloggedin); a failed re-login in the middle of a call matches both
	// this and ErrLoginFailed.
	ErrNotLoggedIn = transientSentinel("not logged in")
	// ErrLoginFailed (transient): the wiki refused the login. Transient
	// because in the middle of work it is a fault of the moment (a session
	// store hiccup); at start-up a caller may well treat it as fatal.
	ErrLoginFailed = transientSentinel("login failed")
	// ErrRateLimited (transient): the wiki throttled the account
	// (ratelimited, HTTP 429).
	ErrRateLimited = transientSentinel("rate limited")
	// ErrMaxlag (transient): the database replicas stayed lagged beyond
	// Options.Maxlag through every retry. Back off and try later.
	ErrMaxlag = transientSentinel("maxlag: replicas lagged")
	// ErrUnavailable (transient): the wiki kept answering 5xx or the network
	// kept failing or timing out through every retry, or the wiki is
	// read-only. The underlying error is wrapped as well.
	ErrUnavailable = transientSentinel("wiki unavailable")
	// ErrReadOnly (transient): the wiki is in read-only mode (readonly),
	// usually for maintenance. It matches ErrUnavailable too.
	ErrReadOnly = transientSentinel("wiki is read-only")
	// ErrMalformed (transient): the wiki answered something that is not the
	// JSON this package expects: an empty body, an HTML page, a truncated
	// answer. The error names the request and the URL, which may not be a
	// MediaWiki api.php at all.
	ErrMalformed = transientSentinel("malformed response")
	// ErrCoolingOff (transient): a recent request exhausted its retries, and
	// the client does not press the failing wiki again until
	// Options.CoolOff has passed; no request was made. The error also
	// matches the error that started the cool-off (ErrUnavailable or
	// ErrMaxlag).
	ErrCoolingOff = transientSentinel("cooling off a failing wiki")
)

// APIError is an error answer from api.php. Op names the call, with its
// target, as in `rollback "Foo"`.
type APIError struct {
	Op, Code, Info string
}

// Error reads like `rollback "Foo": alreadyrolled: The edit ...`.
func (e *APIError) Error() string {
	if e.Op == "" {
		return e.Code + ": " + e.Info
	}
	return fmt.Sprintf("%s: %s: %s", e.Op, e.Code, e.Info)
}

// Is maps API error codes to this package's sentinels and kinds. A code
// this package does not know is permanent, except internal_api_error_*
// (an exception inside MediaWiki, such as a database error), which is
// transient.
func (e *APIError) Is(target error) bool {
	s := sentinel(e.Code)
	switch target {
	case ErrTransient:
		return codeTransient(e.Code, s)
	case ErrPermanent:
		return !codeTransient(e.Code, s)
	case nil:
		return false
	case s:
		return true
	case ErrUnavailable:
		return s == ErrReadOnly
	}
	return false
}

func codeTransient(code string, s error) bool {
	if s != nil {
		return errors.Is(s, ErrTransient)
	}
	return strings.HasPrefix(code, "internal_api_error_")
}

// sentinel returns the sentinel error for an API error code, or nil.
func sentinel(code string) error {
	switch code {
	case "missingtitle", "nosuchrevid", "nosuchpageid", "nosuchuser", "nosuchrcid",
		"cantunblock", "cantdelete":
		return ErrNotFound
	case "editconflict", "undofailure":
		return ErrEditConflict
	case "alreadyrolled":
		return ErrAlreadyRolled
	case "onlyauthor":
		return ErrOnlyAuthor
	case "badtoken":
		return ErrBadToken
	case "assertuserfailed", "assertbotfailed", "assertnameduserfailed", "notloggedin":
		return ErrNotLoggedIn
	case "permissiondenied", "notallowed", "cantedit", "cantcreate", "cantcreate-anon",
		"cantblock", "writeapidenied", "readapidenied", "noapiwrite",
		"mwoauth-invalid-authorization":
		return ErrPermission
	case "blocked", "autoblocked", "blockedfrommail":
		return ErrBlocked
	case "alreadyblocked":
		return ErrAlreadyBlocked
	case "ratelimited":
		return ErrRateLimited
	case "maxlag":
		return ErrMaxlag
	case "readonly":
		return ErrReadOnly
	case "internal_api_error_DBQueryError", "internal_api_error_DBConnectionError",
		"internal_api_error_DBTransactionStateError", "internal_api_error_DBReadOnlyError":
		// A database hiccup: the same call works later.
		return ErrUnavailable
	case "protectedpage", "cascadeprotected", "protectedtitle", "protectednamespace",
		"protectednamespace-interface", "customcssprotected", "customjsprotected",
		"customjsonprotected":
		return ErrProtected
	case "badvalue", "baddatatype", "missingparam", "paramempty", "invalidparammix",
		"invalidtitle", "invalidexpiry", "invalidip", "invaliduser", "ip_range_invalid",
		"ip_range_toolarge", "unknown_action", "toomanyvalues", "mustbeposted",
		"nosuchsection", "invalidsection", "pastexpiry":
		return ErrBadRequest
	// Results of action=login other than Success.
	case "Failed", "WrongPass", "WrongPluginPass", "NotExists", "Aborted", "Throttled",
		"WrongToken", "NeedToken", "NoName", "Illegal", "EmptyPass", "login-failed":
		return ErrLoginFailed
	}
	return nil
}

// sessionLost reports whether err means the session expired or the token
// went stale, which a fresh login fixes.
func sessionLost(err error) bool {
	return errors.Is(err, ErrNotLoggedIn) || errors.Is(err, ErrBadToken)
}
