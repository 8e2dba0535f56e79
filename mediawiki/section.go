package mediawiki

import (
	"context"
	"fmt"

	"cgt.name/pkg/go-mwclient/params"
)

// SectionParams describes a new section added to the end of a page.
type SectionParams struct {
	Title   string // the page; created when it does not exist
	Heading string // the section's heading, without "=="
	Text    string // the section's body
	Summary string // "" lets the wiki use the heading
	Bot     bool
}

// AddSection adds a section at the end of p.Title (action=edit with
// section=new), creating the page if needed, and returns the new revision
// id. Unlike Edit with the whole text, it never conflicts with an edit made
// meanwhile.
func (c *Client) AddSection(ctx context.Context, p SectionParams) (newRevID int64, err error) {
	v := params.Values{"action": "edit", "title": p.Title, "section": "new", "sectiontitle": p.Heading, "text": p.Text, "notminor": "1"}
	if p.Summary != "" {
		v["summary"] = p.Summary
	}
	if p.Bot {
		v["bot"] = "1"
	}
	op := fmt.Sprintf("add section to %q", p.Title)
	var r editJSON
	if err := c.call(ctx, request{op: op, params: v, post: true, token: "csrf"}, &r); err != nil {
		return 0, err
	}
	return r.result(op)
}
