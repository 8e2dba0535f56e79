package main

// A Stack Exchange site no tuning ever read, held out whole: the posts and
// comments of Cardano Stack Exchange (cardano.stackexchange.com, April to
// December 2021: a cryptocurrency's forum, with wallet and pool addresses,
// transaction and policy ids, cardano-cli command lines, Haskell and Plutus
// code, node logs), as the site's data dump gives them (Posts.xml,
// Comments.xml; every row is "CC BY-SA 4.0" by its ContentLicense
// attribute), read at run time from
// Igodlab/stackexchangeparser@382938a2f63ffa28c163eb4fb6a63984a9830116
// (the repository is MIT; later commits dropped the dump). Never
// committed. Set "cardano/held"; -cardano "" skips it.
//
// Post bodies are HTML in the dump; they are turned into the Markdown-like
// text ../shared/spam-train/build.py makes of the other Stack Exchange
// sites (tags dropped, links as [text](url), code between backticks, a
// list item as "- "), so that the two held-out forum sets are read alike.

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

var cardanoMirror string

const cardanoCommit = "382938a2f63ffa28c163eb4fb6a63984a9830116"

// seRow is one row of a dump's Posts.xml or Comments.xml.
type seRow struct {
	ID         string `xml:"Id,attr"`
	PostTypeID string `xml:"PostTypeId,attr"`
	ParentID   string `xml:"ParentId,attr"`
	PostID     string `xml:"PostId,attr"`
	Title      string `xml:"Title,attr"`
	Body       string `xml:"Body,attr"`
	Text       string `xml:"Text,attr"`
}

// seRows decodes the rows of a dump file.
func seRows(b []byte) ([]seRow, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	var rows []seRow
	for {
		t, err := d.Token()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		if se, ok := t.(xml.StartElement); ok && se.Name.Local == "row" {
			var r seRow
			if err := d.DecodeElement(&r, &se); err != nil {
				return nil, err
			}
			rows = append(rows, r)
		}
	}
}

// cardanoItems returns Cardano Stack Exchange's posts and comments as
// anonymous Markdown posts, each with its question's title.
func cardanoItems(mirror string) ([]item, error) {
	pb, err := gitShow(mirror, cardanoCommit, "data/Posts.xml")
	if err != nil {
		return nil, err
	}
	posts, err := seRows(pb)
	if err != nil {
		return nil, fmt.Errorf("parse Posts.xml: %w", err)
	}
	cb, err := gitShow(mirror, cardanoCommit, "data/Comments.xml")
	if err != nil {
		return nil, err
	}
	comments, err := seRows(cb)
	if err != nil {
		return nil, fmt.Errorf("parse Comments.xml: %w", err)
	}
	titles, parents := map[string]string{}, map[string]string{}
	for _, p := range posts {
		if p.Title != "" {
			titles[p.ID] = p.Title
		}
		if p.ParentID != "" {
			parents[p.ID] = p.ParentID
		}
	}
	titleOf := func(id string) string {
		if t, ok := titles[id]; ok {
			return t
		}
		return titles[parents[id]]
	}
	var items []item
	for _, p := range posts {
		if strings.TrimSpace(p.Body) == "" {
			continue
		}
		text := htmlToMarkdown(p.Body)
		if strings.TrimSpace(text) == "" {
			continue
		}
		items = append(items, post("cardano/held", "se:cardano:post:"+p.ID, titleOf(p.ID), text))
	}
	for _, c := range comments {
		if strings.TrimSpace(c.Text) == "" {
			continue
		}
		items = append(items, post("cardano/held", "se:cardano:comment:"+c.ID, titleOf(c.PostID), c.Text))
	}
	return items, nil
}

var (
	mdBlock = map[string]bool{"p": true, "div": true, "br": true, "tr": true, "li": true, "ul": true, "ol": true,
		"table": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "blockquote": true,
		"pre": true, "hr": true, "center": true, "dd": true, "dt": true, "tbody": true, "thead": true}
	mdTrailSpace = regexp.MustCompile(`[ \t]+\n`)
	mdLeadSpace  = regexp.MustCompile(`\n[ \t]+`)
	mdSpaces     = regexp.MustCompile(`[ \t]{2,}`)
	mdBlankLines = regexp.MustCompile(`\n{3,}`)
	mdWS         = regexp.MustCompile(`\s+`)
)

// htmlToMarkdown turns a post's HTML into text as build.py's HTMLToMarkdown
// does: blocks on lines of their own, links as [text](url), images as
// ![alt](src), code between backticks, list items after "- ".
func htmlToMarkdown(s string) string {
	var out []string
	type open struct {
		href  string
		start int
	}
	var links []open
	closeLink := func() {
		l := links[len(links)-1]
		links = links[:len(links)-1]
		inner := strings.TrimSpace(mdWS.ReplaceAllString(strings.Join(out[l.start:], ""), " "))
		out = out[:l.start]
		switch {
		case l.href == "" || strings.HasPrefix(l.href, "#"):
			out = append(out, inner)
		case inner == "" || inner == l.href:
			out = append(out, l.href)
		default:
			out = append(out, "["+inner+"]("+l.href+")")
		}
	}
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		tag := strings.ToLower(tok.Data)
		attr := func(k string) string {
			for _, a := range tok.Attr {
				if strings.EqualFold(a.Key, k) {
					return strings.TrimSpace(a.Val)
				}
			}
			return ""
		}
		switch tt {
		case html.TextToken:
			out = append(out, tok.Data)
		case html.StartTagToken, html.SelfClosingTagToken:
			if mdBlock[tag] {
				out = append(out, "\n")
				if tag == "li" {
					out = append(out, "- ")
				}
			}
			switch tag {
			case "a":
				if len(links) > 0 {
					closeLink()
				}
				links = append(links, open{attr("href"), len(out)})
				if tt == html.SelfClosingTagToken {
					closeLink()
				}
			case "img":
				if src := attr("src"); src != "" {
					out = append(out, "!["+attr("alt")+"]("+src+")")
				}
			case "code":
				out = append(out, "`")
			}
		case html.EndTagToken:
			switch {
			case tag == "a" && len(links) > 0:
				closeLink()
			case tag == "code":
				out = append(out, "`")
			case mdBlock[tag]:
				out = append(out, "\n")
			}
		}
	}
	for len(links) > 0 {
		closeLink()
	}
	t := strings.NewReplacer("\r\n", "\n", "\u00a0", " ").Replace(strings.Join(out, ""))
	t = mdTrailSpace.ReplaceAllString(t, "\n")
	t = mdLeadSpace.ReplaceAllString(t, "\n")
	t = mdSpaces.ReplaceAllString(t, " ")
	t = mdBlankLines.ReplaceAllString(t, "\n\n")
	return strings.TrimSpace(t)
}
