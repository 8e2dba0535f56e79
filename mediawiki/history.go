package mediawiki

import (
	"context"
	"fmt"
	"strconv"

	"cgt.name/pkg/go-mwclient/params"
)

// maxHistory is the most revisions with content one History request
// returns (MediaWiki allows 50 with content for ordinary accounts).
const maxHistory = 50

// History returns up to limit (at most 50) of title's latest revisions with
// their content, newest first. A missing page has none.
func (c *Client) History(ctx context.Context, title string, limit int) ([]Revision, error) {
	limit = max(1, min(limit, maxHistory))
	p := params.Values{
		"action": "query", "prop": "revisions", "titles": title, "rvdir": "older",
		"rvlimit": strconv.Itoa(limit),
		"rvprop":  "ids|user|timestamp|comment|content|flags", "rvslots": "main",
	}
	var r pagesJSON
	if err := c.call(ctx, request{op: fmt.Sprintf("history %q", title), params: p}, &r); err != nil {
		return nil, err
	}
	var out []Revision
	for _, pg := range r.Query.Pages {
		for _, rv := range pg.Revisions {
			rev, err := rv.revision(pg.PageID, pg.Title)
			if err != nil {
				return nil, fmt.Errorf("history %q: %w", title, err)
			}
			out = append(out, rev)
		}
	}
	return out, nil
}
