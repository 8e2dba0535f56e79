package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/wikiwarden/wikiwarden/spamscore"
)

// probeReport scores a labelled JSONL file (the format of the shared
// corpora: "new" is the added text, "label" vandalism or regular, "kind"
// groups the figures) with the model m, and writes the share at p≥0.7 by
// kind and by language, then every miss and false positive with its
// reasons. It is for sets written apart from the augmentation: they show
// a genre's gaps without entering training.
func probeReport(w io.Writer, path string, m *spamscore.Model) error {
	type item struct {
		id, kind, lang, text string
		spam                 bool
		p                    float64
		doc                  spamscore.Doc
	}
	var items []item
	err := readJSONL(path, func(r record) error {
		d := spamscore.Doc{Text: r.New, Old: r.Old, New: r.New}
		if r.Old != "" {
			d.Text = strings.TrimPrefix(r.New, r.Old)
		}
		it := item{id: r.ID, kind: r.Kind, lang: r.Lang, text: d.Text, spam: r.Label == "vandalism", doc: d}
		it.p = m.Score(d).Prob
		items = append(items, it)
		return nil
	})
	if err != nil {
		return fmt.Errorf("probe set %s: %w", path, err)
	}
	byKind, byLang := map[string]*tally{}, map[string]*tally{}
	for _, it := range items {
		for _, g := range []struct {
			m   map[string]*tally
			key string
		}{{byKind, it.kind}, {byLang, map[bool]string{true: "spam-", false: "ham-"}[it.spam] + it.lang}} {
			t := g.m[g.key]
			if t == nil {
				t = &tally{}
				g.m[g.key] = t
			}
			t.add(it.p)
		}
	}
	fmt.Fprintf(w, "\n### Probe set %s (%d items)\n\n| group | items | p≥0.7 | p≥0.8 |\n|---|---:|---:|---:|\n", path, len(items))
	for _, k := range sortedKeys(byKind) {
		fmt.Fprint(w, byKind[k].row(k))
	}
	for _, k := range sortedKeys(byLang) {
		fmt.Fprint(w, byLang[k].row(k))
	}
	slices.SortStableFunc(items, func(a, b item) int { return strings.Compare(a.kind, b.kind) })
	fmt.Fprintln(w, "\nMisses (spam below 0.7) and false positives (ham at 0.7 or more):")
	for _, it := range items {
		if it.spam == (it.p >= thrSignal) {
			continue
		}
		fmt.Fprintf(w, "- %.2f %s %s: %s\n    %s\n", it.p, it.kind, it.id, snippet(it.text), why(m, it.doc))
	}
	return nil
}
