package main

// Stack Overflow in other languages, held apart by site since session 14
// (measured before any change made for it): the 500 highest-scored
// questions of Stack Overflow em Português (pt.stackoverflow.com) and of
// Stack Overflow en español (es.stackoverflow.com): title and HTML body of
// each (Stack Overflow content, CC BY-SA; the question id is the post's
// address on its site), as
// RafaelFerSilva/regex-e-modelo-de-linguagem@7657f8eb0f271e934ab09d188386a52c8ae74811
// stores them in
// base_dados/stackoverflow_{portugues,espanhol}.csv. Programming questions
// written in Portuguese and Spanish, with code blocks, SQL, error messages
// and English identifiers in the prose. Never committed. The Portuguese
// site tunes ("so-pt/tune"), the Spanish one is held out ("so-es/held");
// -sointl "" skips both. A post is given its site's language, as a forum
// in that language gives it.

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
)

var sointlMirror string

const sointlCommit = "7657f8eb0f271e934ab09d188386a52c8ae74811"

// sointlItems returns the questions of the Portuguese and Spanish Stack
// Overflow sites as anonymous Markdown posts in their site's language.
func sointlItems(mirror string) ([]item, error) {
	var items []item
	for _, site := range []struct{ file, lang, set string }{
		{"portugues", "pt", "so-pt/tune"},
		{"espanhol", "es", "so-es/held"},
	} {
		b, err := gitShow(mirror, sointlCommit, "base_dados/stackoverflow_"+site.file+".csv")
		if err != nil {
			return nil, err
		}
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			return nil, fmt.Errorf("parse stackoverflow_%s.csv: %w", site.file, err)
		}
		for i, r := range rows {
			if i == 0 || len(r) < 3 {
				continue // the header
			}
			text := htmlToMarkdown(r[2])
			if strings.TrimSpace(text) == "" {
				continue
			}
			it := post(site.set, "so:"+site.lang+":"+r[0], strings.TrimSpace(r[1]), text)
			it.edit.Lang = site.lang
			items = append(items, it)
		}
	}
	return items, nil
}
