package mediawiki

import (
	"errors"
	"fmt"
)

// Sentinel errors, for the outcomes callers branch on. API errors match them
// through errors.Is on *APIError; the rest wrap them.
var (
	// ErrNotFound: the page, revision or user does not exist (missingtitle,
	// nosuchrevid, nosuchpageid, nosuchuser).
	ErrNotFound = errors.New("not found")
	// ErrEditConflict: someone else edited the page since the base revision
	// (editconflict), or an undo no longer applies (undofailure).
	ErrEditConflict = errors.New("edit conflict")
	// ErrAlreadyRolled: the edit is no longer the latest or was already
	// reverted (alreadyrolled).
	ErrAlreadyRolled = errors.New("already rolled back")
	// ErrOnlyAuthor: rollback is impossible because the editor is the page's
	// only author (onlyauthor): the page was created by that editor.
	ErrOnlyAuthor = errors.New("only author")
	// ErrBadToken: the wiki rejected the token even after a fresh login.
	ErrBadToken = errors.New("bad token")
	// ErrNotLoggedIn: the session is gone and logging in again did not help
	// (assertuserfailed, assertbotfailed, notloggedin).
	ErrNotLoggedIn = errors.New("not logged in")
	// ErrLoginFailed: the wiki refused the credentials.
	ErrLoginFailed = errors.New("login failed")
	// ErrPermission: the account lacks a right the action needs.
	ErrPermission = errors.New("permission denied")
	// ErrBlocked: the bot account (or its IP) is blocked.
	ErrBlocked = errors.New("bot is blocked")
	// ErrAlreadyBlocked: the target is already blocked and Reblock was not set.
	ErrAlreadyBlocked = errors.New("already blocked")
	// ErrRateLimited: the wiki throttled the account.
	ErrRateLimited = errors.New("rate limited")
	// ErrMaxlag: the database replicas stayed lagged beyond Options.Maxlag
	// through every retry. Back off and try later.
	ErrMaxlag = errors.New("maxlag: replicas lagged")
	// ErrUnavailable: the wiki kept answering 5xx or the network kept failing
	// through every retry. The underlying error is wrapped as well.
	ErrUnavailable = errors.New("wiki unavailable")
	// ErrProtected: the page, title or namespace is protected against the
	// bot's edit.
	ErrProtected = errors.New("protected")
	// ErrMalformed: the wiki answered something that is not the JSON this
	// package expects.
	ErrMalformed = errors.New("malformed response")
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

// Is maps API error codes to this package's sentinels.
func (e *APIError) Is(target error) bool {
	s := sentinel(e.Code)
	return s != nil && s == target
}

// sentinel returns the sentinel error for an API error code, or nil.
func sentinel(code string) error {
	switch code {
	case "missingtitle", "nosuchrevid", "nosuchpageid", "nosuchuser", "nosuchrcid":
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
	case "readonly", "internal_api_error_DBQueryError", "internal_api_error_DBConnectionError",
		"internal_api_error_DBTransactionStateError", "internal_api_error_DBReadOnlyError":
		// Maintenance or a database hiccup: the same call works later.
		return ErrUnavailable
	case "protectedpage", "cascadeprotected", "protectedtitle", "protectednamespace",
		"protectednamespace-interface", "customcssprotected", "customjsprotected",
		"customjsonprotected":
		return ErrProtected
	case "Failed", "WrongPass", "WrongPluginPass", "NotExists", "Aborted":
		return ErrLoginFailed
	}
	return nil
}

// sessionLost reports whether err means the session expired or the token
// went stale, which a fresh login fixes.
func sessionLost(err error) bool {
	return errors.Is(err, ErrNotLoggedIn) || errors.Is(err, ErrBadToken)
}
