package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"

	"github.com/wikiwarden/wikiwarden/detectors"
)

// Labels a corpus record may carry. Vandalism is the positive class: an edit
// the bot should revert.
const (
	LabelRegular   = "regular"
	LabelVandalism = "vandalism"
)

// Record is one labelled edit of a corpus, one JSON object per line:
//
//	{"id": "...", "title": "...", "old": "...", "new": "...",
//	 "label": "regular"|"vandalism", "kind": "probe", "anon": true,
//	 "user": "...", "comment": "...", "lang": "de", "format": "markdown"}
//
// Only "label" is required. Unknown fields are ignored so corpora exported
// from other tools can carry their own columns.
type Record struct {
	Line      int    // 1-based line number in the corpus, for messages
	ID        string // the corpus's own identifier; not interpreted
	Title     string
	Old       string // wikitext before the edit
	New       string // wikitext after the edit
	Vandalism bool   // label "vandalism"; false for "regular"
	Kind      string // optional free-form class such as "probe" or "linkspam"; "" if absent
	// Anon is true unless the record says "anon": false. A missing field
	// counts as anonymous because that is the stricter case: the bot's
	// follow-up rules apply to anonymous editors only, so guessing
	// "registered" would hide reverts the bot could make.
	Anon    bool
	User    string
	Comment string
	Lang    string           // the page's language ("de"); "" lets the detectors guess
	Format  detectors.Format // "markdown" for forum posts; "" is wikitext
}

// Edit returns the record as the detectors see an edit arriving with no
// revision ids and a zero time. An "anon": false record is a registered
// editor whose groups are unknown.
func (r Record) Edit() *detectors.Edit {
	return &detectors.Edit{
		Title:   r.Title,
		User:    r.User,
		Anon:    r.Anon,
		Comment: r.Comment,
		Old:     r.Old,
		New:     r.New,
		Lang:    r.Lang,
		Format:  r.Format,
	}
}

// rawRecord is a corpus line as JSON; pointers tell a missing field from a
// zero one.
type rawRecord struct {
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	Old     string  `json:"old"`
	New     string  `json:"new"`
	Label   *string `json:"label"`
	Kind    string  `json:"kind"`
	Anon    *bool   `json:"anon"`
	User    string  `json:"user"`
	Comment string  `json:"comment"`
	Lang    string  `json:"lang"`
	Format  string  `json:"format"`
}

// Errors a bad corpus line is reported with, wrapped with its details.
var (
	ErrInvalidJSON  = errors.New("invalid JSON")
	ErrMissingLabel = errors.New(`missing "label"`)
	ErrBadLabel     = errors.New(`bad "label"`)
)

// ParseRecord parses one corpus line. line is only copied into the record.
func ParseRecord(line int, text []byte) (Record, error) {
	var raw rawRecord
	if err := json.Unmarshal(text, &raw); err != nil {
		return Record{}, fmt.Errorf("%w: %v", ErrInvalidJSON, err)
	}
	if raw.Label == nil {
		return Record{}, ErrMissingLabel
	}
	var vandalism bool
	switch *raw.Label {
	case LabelVandalism:
		vandalism = true
	case LabelRegular:
	default:
		return Record{}, fmt.Errorf("%w %q: want %q or %q", ErrBadLabel, *raw.Label, LabelRegular, LabelVandalism)
	}
	return Record{
		Line:      line,
		ID:        raw.ID,
		Title:     raw.Title,
		Old:       raw.Old,
		New:       raw.New,
		Vandalism: vandalism,
		Kind:      raw.Kind,
		Anon:      raw.Anon == nil || *raw.Anon,
		User:      raw.User,
		Comment:   raw.Comment,
		Lang:      raw.Lang,
		Format:    detectors.Format(raw.Format),
	}, nil
}

// ReadCorpus returns the records of a JSON-lines corpus in order. A line that
// does not parse is passed to bad with its 1-based line number and skipped;
// bad may be nil only when the caller truly does not care. Blank lines are
// not records and are skipped without a report. A read error ends the
// sequence with that error as the last pair. Lines have no length limit:
// a record holds two whole revisions of a page.
//
// The sequence reads r as it goes, so it can be ranged over once.
func ReadCorpus(r io.Reader, bad func(line int, err error)) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		br := bufio.NewReaderSize(r, 64<<10)
		var buf []byte
		for n := 1; ; n++ {
			var err error
			buf, err = readLine(br, buf[:0])
			if err != nil && err != io.EOF {
				yield(Record{}, fmt.Errorf("read corpus line %d: %w", n, err))
				return
			}
			text := buf
			if n == 1 {
				text = bytes.TrimPrefix(text, []byte("\uFEFF"))
			}
			if len(bytes.TrimSpace(text)) > 0 {
				rec, perr := ParseRecord(n, text)
				if perr != nil {
					if bad != nil {
						bad(n, perr)
					}
				} else if !yield(rec, nil) {
					return
				}
			}
			if err == io.EOF {
				return
			}
		}
	}
}

// readLine appends the next line, without its newline, to buf. It returns
// io.EOF with the last line when the input ends.
func readLine(br *bufio.Reader, buf []byte) ([]byte, error) {
	for {
		chunk, err := br.ReadSlice('\n')
		buf = append(buf, chunk...)
		switch err {
		case nil:
			return buf[:len(buf)-1], nil
		case bufio.ErrBufferFull:
			continue
		default:
			return buf, err
		}
	}
}
