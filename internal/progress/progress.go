// Package progress draws the progress bars of the commands that work for
// a while before they print (eval scoring a corpus, the dictionaries
// compiled on a fresh machine) the same way: on a terminal, a bar redrawn
// in place and cleared when done, so the report can follow on the same
// screen; in a log, a redraw every ten seconds and the last one ended,
// so the log shows the command alive without filling up.
package progress

import (
	"fmt"
	"io"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// New returns a bar of total steps on w, described as what; more options
// (bytes rather than counts, the unit's name) follow the common ones.
// total must be known: an open-ended bar would start a goroutine to
// animate a spinner.
func New(w io.Writer, total int64, what string, more ...progressbar.Option) *progressbar.ProgressBar {
	tty := IsTerminal(w)
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(what),
		progressbar.OptionSetWidth(30),
		progressbar.OptionUseANSICodes(tty),
	}
	if tty {
		opts = append(opts, progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
	} else {
		opts = append(opts, progressbar.OptionThrottle(10*time.Second),
			progressbar.OptionSetRenderBlankState(true),
			progressbar.OptionOnCompletion(func() { fmt.Fprintln(w) }))
	}
	return progressbar.NewOptions64(total, append(opts, more...)...)
}

// IsTerminal reports whether w is a terminal (and not a file, a pipe or a
// buffer).
func IsTerminal(w io.Writer) bool {
	f, ok := w.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(int(f.Fd()))
}
