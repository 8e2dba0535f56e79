package eval

import (
	"io"

	"github.com/schollz/progressbar/v3"

	bars "github.com/wikiwarden/wikiwarden/internal/progress"
)

// largeCorpus is the corpus size, in bytes, from which the progress bar is
// shown even when stderr is not a terminal: a run that long should show in
// a log that it is alive.
const largeCorpus = 16 << 20

// progress is an optional progress bar over the bytes of the corpus read.
// Its methods do nothing on a nil progress.
type progress struct {
	bar *progressbar.ProgressBar
}

// newProgress returns the bar for a corpus of size bytes (-1 when unknown),
// or nil when none is to be shown. The size must be known: an open-ended bar
// would start a goroutine to animate a spinner.
func newProgress(allowed bool, size int64, w io.Writer) *progress {
	if !allowed || size <= 0 || (!bars.IsTerminal(w) && size < largeCorpus) {
		return nil
	}
	return &progress{bar: bars.New(w, size, "scoring", progressbar.OptionShowBytes(true))}
}

// reader counts what r reads on the bar.
func (p *progress) reader(r io.Reader) io.Reader {
	if p == nil {
		return r
	}
	return &progressReader{r: r, bar: p.bar}
}

// clear removes the bar from the terminal, before a warning is printed or
// when the run ends; it comes back with the next update.
func (p *progress) clear() {
	if p != nil {
		p.bar.Clear()
	}
}

func (p *progress) finish() {
	if p != nil {
		p.bar.Finish()
	}
}

// progressReader ignores the bar's write errors: a closed stderr must not
// fail the run.
type progressReader struct {
	r   io.Reader
	bar *progressbar.ProgressBar
}

func (pr *progressReader) Read(b []byte) (int, error) {
	n, err := pr.r.Read(b)
	pr.bar.Add(n)
	return n, err
}
