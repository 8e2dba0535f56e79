package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/wikiwarden/wikiwarden/detectors"
)

// decideDumpEnv names the environment variable that, set to a file path,
// makes an -eval write every held-out item it replays through bot.Decide
// (memoryTable, decideTable) there as JSON lines: the edit and the link
// detector's result on a wiki that cites none of its domains. A decision
// rule can then be tried on the replay (bot.Decide over the lines) in
// seconds instead of a retrain. Items of a source split in halves carry
// Held so that a trace of them reads the tuning half only.
const decideDumpEnv = "SPAMTRAIN_DECIDE_DUMP"

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
// decideDumpEnv names, if it names one, and says on w where, or why not.
func decideDump(w io.Writer, names []string, folds [][]sweepItem) {
	path := os.Getenv(decideDumpEnv)
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
