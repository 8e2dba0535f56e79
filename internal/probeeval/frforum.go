package main

// A French-language hobby forum, measured since session 15 (before any
// change made for it): the questions and answers of the do-it-yourself
// board of forumconstruire.com (tools, tiling, plaster, damp, brand and
// model names such as drill references, prices, shop links, signatures),
// as Batouuuuu/Outils-de-corpus@b9b76f7f88c85fd75b40574dabec09ddab66110d stores them in
// data/training_SVM/donnees_SVM.tsv (columns Question and Reponse, posts
// written by the forum's users; the README gives the data set as CC BY-SA
// 4.0, scraped with the users' names removed). Flattened to plain text by
// the scraper (no line breaks, no markup). Never committed. Each distinct
// text is one anonymous post in French, the site's language; split by a
// hash of its id (inject.Held): "frforum/tune" and "frforum/held";
// -frforum "" skips both.

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"hash/fnv"
	"sort"
	"strings"

	"github.com/wikiwarden/wikiwarden/internal/inject"
)

var frforumMirror string

const frforumCommit = "b9b76f7f88c85fd75b40574dabec09ddab66110d"

// frforumItems returns the forum's distinct posts.
func frforumItems(mirror string) ([]item, error) {
	b, err := gitShow(mirror, frforumCommit, "data/training_SVM/donnees_SVM.tsv")
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("parse donnees_SVM.tsv: %w", err)
	}
	seen := map[string]bool{}
	var texts []string
	for i, row := range rows {
		if i == 0 {
			continue // the header
		}
		for _, t := range row[1:] {
			t = strings.TrimSpace(t)
			if t != "" && !seen[t] {
				seen[t] = true
				texts = append(texts, t)
			}
		}
	}
	sort.Strings(texts)
	var items []item
	for _, t := range texts {
		h := fnv.New64a()
		h.Write([]byte(t))
		id := fmt.Sprintf("frforum:%016x", h.Sum64())
		set := "frforum/tune"
		if inject.Held(id) {
			set = "frforum/held"
		}
		it := post(set, id, "", t)
		it.edit.Lang = "fr"
		items = append(items, it)
	}
	return items, nil
}
