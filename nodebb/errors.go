package nodebb

import (
	"errors"
	"fmt"
)

// Kind says what a caller can do about an error.
type Kind int

// The error kinds. errors.Is(err, Transient) and friends test an error's
// kind; KindOf returns it.
const (
	// Transient: try again later. HTTP 5xx, timeouts, connection errors,
	// a socket.io disconnect, a cancelled context.
	Transient Kind = iota + 1
	// Permanent: trying again will not help. Forbidden, not found, invalid
	// data, a rule NodeBB cannot express.
	Permanent
	// AlreadyDone: the forum is already in the requested state: the post
	// or topic is already deleted (or purged, or restored), the account
	// already banned or not banned, the rule already present or absent.
	AlreadyDone
)

// String names the kind.
func (k Kind) String() string {
	switch k {
	case Transient:
		return "transient"
	case Permanent:
		return "permanent"
	case AlreadyDone:
		return "already done"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Error makes a Kind usable as errors.Is target.
func (k Kind) Error() string { return k.String() }

// Error is the error every method of this package returns: the failed
// operation, its Kind and, when the forum said so, NodeBB's error key.
type Error struct {
	Op   string // the call, with its target: `delete post 12`
	Kind Kind
	// Code is NodeBB's error key without brackets ("error:no-privileges",
	// "error:post-already-deleted"), "http 404" for an HTTP status, or ""
	// for a transport error.
	Code string
	Err  error // the underlying error, if any
}

// Error reads like `delete post 12: permanent: error:no-privileges`.
func (e *Error) Error() string {
	s := e.Op + ": " + e.Kind.String()
	if e.Code != "" {
		s += ": " + e.Code
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is e's Kind.
func (e *Error) Is(target error) bool {
	k, ok := target.(Kind)
	return ok && k == e.Kind
}

// KindOf returns the kind of err, or 0 when err is nil or not from this
// package.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return 0
}

// opError builds an *Error, keeping an *Error's kind and code when err
// already is one (re-labelled with op).
func opError(op string, err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return &Error{Op: op, Kind: e.Kind, Code: e.Code, Err: e.Err}
	}
	return &Error{Op: op, Kind: Transient, Err: err}
}

// forumError classifies an error key returned by a socket.io event.
func forumError(op, message string) *Error {
	code := message
	if len(code) > 4 && code[:2] == "[[" && code[len(code)-2:] == "]]" {
		code = code[2 : len(code)-2]
	}
	kind := Permanent
	switch code {
	case "error:post-already-deleted", "error:topic-already-deleted",
		"error:post-already-restored", "error:topic-already-restored":
		kind = AlreadyDone
	case "error:invalid-session", "error:not-logged-in", "error:too-many-messages":
		// The session or socket needs renewing; another try may work.
		kind = Transient
	}
	return &Error{Op: op, Kind: kind, Code: code}
}
