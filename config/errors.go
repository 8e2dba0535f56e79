package config

import (
	"errors"
	"strconv"
	"strings"
)

// ErrInvalid matches (with errors.Is) every error Parse, Load, Validate and
// Password return, so the command can tell "fix your configuration" (exit
// status 2) from a runtime failure.
var ErrInvalid = errors.New("invalid configuration")

// Error is one problem with a configuration, printed as
//
//	FILE:LINE: KEY: PROBLEM; FIX
//
// with the parts that are unknown left out: Parse knows lines but not the
// file, Validate knows neither, Load fills in the file for both. Several
// problems are reported together with errors.Join, one per line.
type Error struct {
	File    string // config file, set by Load
	Line    int    // 1-based line in File, 0 when unknown
	Key     string // dotted key path such as "patrol.schedule", "" for the whole file
	Problem string // what is wrong
	Fix     string // what to do about it
	Err     error  // underlying cause, if any, for errors.Is and errors.As
}

func (e *Error) Error() string {
	var b strings.Builder
	switch {
	case e.File != "" && e.Line > 0:
		b.WriteString(e.File + ":" + strconv.Itoa(e.Line) + ": ")
	case e.File != "":
		b.WriteString(e.File + ": ")
	case e.Line > 0:
		b.WriteString("line " + strconv.Itoa(e.Line) + ": ")
	}
	if e.Key != "" {
		b.WriteString(e.Key + ": ")
	}
	b.WriteString(e.Problem)
	if e.Fix != "" {
		b.WriteString("; " + e.Fix)
	}
	return b.String()
}

// Unwrap returns the underlying cause, such as fs.ErrNotExist.
func (e *Error) Unwrap() error { return e.Err }

// Is makes every *Error match ErrInvalid.
func (e *Error) Is(target error) bool { return target == ErrInvalid }

// join turns problems into one error, nil when there are none. Each problem
// stays reachable with errors.As through the joined error.
func join(errs []*Error) error {
	if len(errs) == 0 {
		return nil
	}
	all := make([]error, len(errs))
	for i, e := range errs {
		all[i] = e
	}
	return errors.Join(all...)
}
