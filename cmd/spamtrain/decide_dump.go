package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/detectors"
)

// decideDumpPath, set by -decidedump, names a file an -eval writes every
// held-out item it replays through bot.Decide (memoryTable, decideTable)
// to as JSON lines: the edit and the link detector's result on a wiki that
// cites none of its domains. A decision rule can then be tried on the
// replay (bot.Decide over the lines) in seconds instead of a retrain.
// Items of a source split in halves carry Held so that a trace of them
// reads the tuning half only.
var decideDumpPath string

// decideItem is one line of the dump.
type decideItem struct {
	Fold  string           `json:"fold"`
	ID    string           `json:"id"`
	Group string           `json:"group"`
	Kind  string           `json:"kind"`
	Lang  string           `json:"lang"`
	Held  bool             `json:"held"` // in the held-out half of a split source
	Text  string           `json:"text"`
	Edit  *detectors.Edit  `json:"edit"`
	Links detectors.Result `json:"links"`
}

// decideDump writes the items of folds (named by names) to the file
// decideDumpPath names, if it names one, and says on w where, or why not.
func decideDump(w io.Writer, names []string, folds [][]sweepItem) {
	path := decideDumpPath
	if path == "" {
		return
	}
	if err := writeDecideDump(path, names, folds); err != nil {
		fmt.Fprintf(w, "decide dump: %v\n", err)
		return
	}
	fmt.Fprintf(w, "decide dump: wrote %s\n", path)
}

func writeDecideDump(path string, names []string, folds [][]sweepItem) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	for k, items := range folds {
		for _, it := range items {
			if isVariant(it.group) {
				continue
			}
			held := heldHalf(it.id) && (strings.HasPrefix(it.id, "igcomment:") || strings.HasPrefix(it.id, "xpost:"))
			if err := enc.Encode(decideItem{Fold: names[k], ID: it.id, Group: it.group, Kind: it.kind, Lang: it.lang, Held: held,
				Text: it.text, Edit: it.edit, Links: it.mem}); err != nil {
				f.Close()
				return fmt.Errorf("%s: %w", path, err)
			}
		}
	}
	return f.Close()
}

// decideReport reports, for the tuning halves of the comment and post
// folds (D, X), why the follow-up spam a probing range leaves stays and
// what the real good faith that memory alone removes links to; then
// writes the dump (decideDump) if asked to. Only tuning halves are read:
// the held-out halves stay unread.
func decideReport(w io.Writer, names []string, folds [][]sweepItem) {
	fmt.Fprintf(w, "\n### Why follow-up comments and posts stay (tuning halves)\n\n")
	fmt.Fprintf(w, "Tuning halves of the Instagram comments (D) and X posts (X), from a probing range (RangeProbed and PageProbed, the\n")
	fmt.Fprintf(w, "last column above). Spam the range's memory does not revert: with no link or contact the link detector reads (contacts\n")
	fmt.Fprintf(w, "alone count from p≥0.5), flagged, or left; good faith reverted there but not with no memory, by what it links to.\n\n")
	fmt.Fprintf(w, "| fold | spam | kept | no link read | flagged | left | good faith | reverted by memory alone | @handles only | URLs | bare domains |\n")
	fmt.Fprintf(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for k, items := range folds {
		if names[k] != "D" && names[k] != "X" {
			continue
		}
		var spam, kept, unread, flagged, good, memOnly, handles, urls, bare int
		for _, it := range items {
			if isVariant(it.group) || heldHalf(it.id) {
				continue
			}
			res := []detectors.Result{it.mem}
			d := bot.Decide(it.edit, res, probedRange, bot.Policy{})
			switch g := sweepGroupIndex(it.group); {
			case g < 0:
			case sweepGroups[g].spam:
				spam++
				switch {
				case d.Reverts():
				case len(it.mem.Links) == 0:
					kept++
					unread++
				case d.Action == decision.ActionFlag:
					kept++
					flagged++
				default:
					kept++
				}
			default:
				good++
				if !d.Reverts() || bot.Decide(it.edit, res, bot.Memory{}, bot.Policy{}).Reverts() {
					continue
				}
				memOnly++
				switch linkKinds(it.mem.Links) {
				case "handles":
					handles++
				case "urls":
					urls++
				default:
					bare++
				}
			}
		}
		fmt.Fprintf(w, "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d |\n", names[k], spam, kept, unread, flagged, kept-unread-flagged, good, memOnly, handles, urls, bare)
	}
	decideDump(os.Stderr, names, folds)
}

// linkKinds names what links are: "handles" (every one an @handle),
// "urls" (every one a URL), or "other" (bare domains, numbers, a mix).
func linkKinds(links []detectors.Link) string {
	h, u := 0, 0
	for _, l := range links {
		switch {
		case l.Domain == "" && strings.HasPrefix(l.URL, "@"):
			h++
		case strings.Contains(l.URL, "//"):
			u++
		}
	}
	switch {
	case h == len(links):
		return "handles"
	case u == len(links):
		return "urls"
	}
	return "other"
}
