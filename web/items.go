package web

import (
	"cmp"
	"context"
	"net/http"
	"net/netip"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/store"
)

// Reason is one reason for a decision, in plain words, as the pages and the
// JSON twins show it.
type Reason struct {
	Code     string  `json:"code"`
	Detector string  `json:"detector,omitempty"` // "" for the decision's own reasons
	Subject  string  `json:"subject,omitempty"`  // the token or domain it is about
	Text     string  `json:"text"`
	Weight   float64 `json:"weight,omitempty"`
}

// Resolution says what a moderator did about an item.
type Resolution struct {
	By      string    `json:"by"`
	Action  string    `json:"action"`
	Time    time.Time `json:"time"`
	Outcome string    `json:"outcome,omitempty"`
}

// Item is one record as the console shows it. The JSON names are the API.
type Item struct {
	ID          string             `json:"id"`               // "site:rev_id": unique across sites
	Site        string             `json:"site"`             // the site's name
	Kind        string             `json:"kind"`             // the site's kind: mediawiki or nodebb
	RevID       int64              `json:"rev_id"`           // the revision or post id
	Format      string             `json:"format,omitempty"` // the text's markup: wikitext or markdown
	OldRevID    int64              `json:"old_rev_id,omitempty"`
	Title       string             `json:"title"`
	User        string             `json:"user"`
	IP          string             `json:"ip,omitempty"`
	Range       string             `json:"range,omitempty"`
	Time        time.Time          `json:"time"`
	Seen        time.Time          `json:"seen"`
	Verdict     decision.Verdict   `json:"verdict"`
	Action      decision.Action    `json:"action"`
	Reasons     []Reason           `json:"reasons"`
	Scores      map[string]float64 `json:"scores,omitempty"`
	Waiting     string             `json:"waiting,omitempty"` // why it needs a human, for queue items
	Outcome     string             `json:"outcome,omitempty"`
	Summary     string             `json:"summary,omitempty"`
	BlockTarget string             `json:"block_target,omitempty"`
	BlockExpiry string             `json:"block_expiry,omitempty"`
	DryRun      bool               `json:"dry_run,omitempty"`
	Tokens      []string           `json:"tokens,omitempty"`
	Domains     []string           `json:"domains,omitempty"`
	Resolved    *Resolution        `json:"resolved,omitempty"`
	ReportedBy  string             `json:"reported_by,omitempty"` // who reported it as the bot's mistake, for queue items

	// Filled for the queue and the item page only.
	Diff      []DiffLine `json:"diff,omitempty"`
	DiffNote  string     `json:"diff_note,omitempty"`
	Comment   string     `json:"comment,omitempty"`
	History   []Entry    `json:"history,omitempty"`    // the editor's and range's
	SameToken []Entry    `json:"same_token,omitempty"` // other pages with the same token
}

// Entry is one line of a timeline.
type Entry struct {
	Time   time.Time `json:"time"`
	Site   string    `json:"site,omitempty"`
	Item   string    `json:"item,omitempty"` // the item's id, "site:rev_id"
	Kind   string    `json:"kind"`           // probe, spam, revert, block, or a record's verdict
	Title  string    `json:"title,omitempty"`
	Who    string    `json:"who,omitempty"` // IP or user
	RevID  int64     `json:"rev_id,omitempty"`
	Detail string    `json:"detail,omitempty"`
}

// DiffLine is an added line cut into plain and marked parts.
type DiffLine struct {
	Parts []DiffPart `json:"parts"`
}

// DiffPart is a piece of an added line; Mark is "token", "link" or "".
type DiffPart struct {
	Text string `json:"text"`
	Mark string `json:"mark,omitempty"`
}

// plain explains the decision's reason codes.
var plain = map[decision.Reason]string{
	decision.WhyProbe:         "The probe detector found random-looking tokens, the way botnets test whether a wiki keeps their edits.",
	decision.WhyFollowUpIP:    "This address made a probe edit recently: links it adds are treated as follow-up spam.",
	decision.WhyFollowUpRange: "Another address of the same range made a probe edit recently.",
	decision.WhyFollowUpPage:  "This page was probed recently.",
	decision.WhyLinkSpam:      "The link detector scored the added links as spam on their own evidence.",
	decision.WhyClean:         "No detector crossed its threshold.",
	decision.WhyLinksNoHist:   "Links were added, but with no probing history they were left alone.",
	decision.WhyRegistered:    "Follow-up rules apply to anonymous editors only.",
	decision.HoldDryRun:       "Not reverted: the bot runs in dry-run mode.",
	decision.HoldShutoff:      "Not reverted: the bot was switched off on the wiki.",
	decision.HoldLater:        "Not reverted: other people edited the page afterwards.",
	decision.HoldNobots:       "Not reverted: the page asks bots to stay away ({{nobots}}).",
	decision.HoldCooldown:     "Not reverted: the bot already reverted this editor on this page recently (no edit wars).",
	decision.HoldReverted:     "Already reverted by the time the bot looked.",
	decision.HoldDeleted:      "The page was deleted by the time the bot looked.",
	decision.HoldCreated:      "The editor created the page: only deleting it removes the edit.",
	decision.HoldBlocked:      "Not blocked: a block of this address or range was already in place.",
}

// explain returns the plain words for a decision reason.
func explain(r decision.Reason) string {
	if t, ok := plain[r]; ok {
		return t
	}
	return string(r)
}

// threshold returns a detector's threshold.
func (s *server) threshold(detector string) float64 {
	if t, ok := s.opts.Thresholds[detector]; ok && t > 0 {
		return t
	}
	return 0.5
}

// waiting says why a record needs a human, or "" when it does not.
func (s *server) waiting(r store.Record) string {
	if strings.HasPrefix(r.Outcome, "error") {
		return "The bot's action failed: " + strings.TrimPrefix(r.Outcome, "error: ")
	}
	if r.Action == decision.ActionFlag {
		for _, w := range slices.Backward(r.Why) {
			switch w {
			case decision.HoldReverted:
				return ""
			case decision.HoldDryRun, decision.HoldShutoff, decision.HoldLater, decision.HoldNobots,
				decision.HoldCooldown, decision.HoldCreated, decision.HoldDeleted:
				return explain(w)
			}
		}
		return "Flagged, not acted on: " + r.Outcome
	}
	if s.opts.NearMiss > 0 && (r.Verdict == decision.VerdictOK) {
		for _, res := range r.Results {
			t := s.threshold(res.Detector)
			if res.Score < t && res.Score >= t-s.opts.NearMiss {
				return "The " + res.Detector + " score is just under its threshold (" + fmtScore(res.Score) + " of " + fmtScore(t) + ")."
			}
		}
	}
	return ""
}

// reverted reports whether the bot removed the record's edit.
func reverted(r store.Record) bool {
	return (r.Action == decision.ActionRevert || r.Action == decision.ActionRevertBlock) &&
		!r.DryRun && !strings.HasPrefix(r.Outcome, "error")
}

// acted reports whether the bot reverted or blocked: an Actions entry.
func acted(r store.Record) bool {
	return reverted(r) || r.BlockTarget != ""
}

// item turns a record of site st into what the pages show.
func (s *server) item(st *Site, r store.Record, res map[int64]store.AuditEntry) Item {
	it := Item{
		ID: itemID(st.Name, r.RevID), Site: st.Name, Kind: st.Kind,
		RevID: r.RevID, OldRevID: r.OldRevID, Title: r.Title, User: r.User, IP: recordIP(r),
		Time: r.Time, Seen: r.Seen, Verdict: r.Verdict, Action: r.Action, Outcome: r.Outcome,
		Summary: r.Summary, BlockTarget: r.BlockTarget, BlockExpiry: r.BlockExpiry, DryRun: r.DryRun,
		Reasons: []Reason{}, Waiting: s.waiting(r),
	}
	if st.Kind == KindNodeBB && !r.Anon {
		// A registered forum user's block target may be their address.
		if _, err := netip.ParseAddr(it.BlockTarget); err == nil {
			it.BlockTarget = "the account's address"
		}
	}
	if ip, err := netip.ParseAddr(it.IP); err == nil {
		it.Range = s.rangeOf(ip).String()
	}
	for _, w := range r.Why {
		it.Reasons = append(it.Reasons, Reason{Code: string(w), Text: explain(w)})
	}
	seenTok, seenDom := map[string]bool{}, map[string]bool{}
	for _, d := range r.Results {
		if it.Scores == nil {
			it.Scores = map[string]float64{}
		}
		it.Scores[d.Detector] = d.Score
		for _, rs := range d.Reasons {
			it.Reasons = append(it.Reasons, Reason{Code: string(rs.Code), Detector: d.Detector, Subject: rs.Subject, Text: rs.Detail, Weight: rs.Weight})
		}
		for _, t := range d.Tokens {
			if !seenTok[t] {
				seenTok[t] = true
				it.Tokens = append(it.Tokens, t)
			}
		}
		for _, l := range d.Links {
			if l.Domain != "" && !seenDom[l.Domain] {
				seenDom[l.Domain] = true
				it.Domains = append(it.Domains, l.Domain)
			}
		}
	}
	if st.Kind == KindNodeBB && it.Format == "" {
		it.Format = "markdown"
	}
	if st.Kind == KindNodeBB && !r.Anon && r.IP != "" {
		// The bot's own words may name a registered user's address.
		hide := strings.NewReplacer(r.IP, "(address withheld)")
		it.Summary, it.Outcome = hide.Replace(it.Summary), hide.Replace(it.Outcome)
		for i := range it.Reasons {
			it.Reasons[i].Text, it.Reasons[i].Subject = hide.Replace(it.Reasons[i].Text), hide.Replace(it.Reasons[i].Subject)
		}
	}
	if e, ok := res[r.RevID]; ok {
		it.Resolved = &Resolution{By: e.Moderator, Action: string(e.Action), Time: e.Time, Outcome: e.Outcome}
	}
	return it
}

// rangeOf is the range around ip the histories show.
func (s *server) rangeOf(ip netip.Addr) netip.Prefix {
	ip = ip.Unmap()
	bits := s.opts.RangeV4
	if ip.Is6() {
		bits = s.opts.RangeV6
	}
	p, _ := ip.Prefix(bits)
	return p
}

// links returns the links of a record's results.
func links(r store.Record) []detectors.Link {
	var out []detectors.Link
	for _, d := range r.Results {
		out = append(out, d.Links...)
	}
	return out
}

// markLine cuts line into parts, marking the tokens and links in it.
func markLine(line string, tokens []string, ls []detectors.Link) DiffLine {
	type span struct {
		lo, hi int
		mark   string
	}
	var spans []span
	add := func(needle, mark string) {
		if needle == "" {
			return
		}
		for i := 0; ; {
			j := strings.Index(line[i:], needle)
			if j < 0 {
				return
			}
			spans = append(spans, span{i + j, i + j + len(needle), mark})
			i += j + len(needle)
		}
	}
	for _, l := range ls {
		add(l.URL, "link")
	}
	for _, t := range tokens {
		add(t, "token")
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Or(cmp.Compare(a.lo, b.lo), cmp.Compare(b.hi, a.hi)) })
	var out DiffLine
	pos := 0
	for _, sp := range spans {
		if sp.lo < pos {
			continue // overlaps a longer mark
		}
		if sp.lo > pos {
			out.Parts = append(out.Parts, DiffPart{Text: line[pos:sp.lo]})
		}
		out.Parts = append(out.Parts, DiffPart{Text: line[sp.lo:sp.hi], Mark: sp.mark})
		pos = sp.hi
	}
	if pos < len(line) {
		out.Parts = append(out.Parts, DiffPart{Text: line[pos:]})
	}
	return out
}

// maxDiffLines bounds the added lines shown per item.
const maxDiffLines = 40

// withDetails adds the diff, the editor's and range's history and the other
// uses of the item's tokens to items (the queue and the item page).
func (s *server) withDetails(r *http.Request, items []Item, recs []siteRecord) error {
	ctx := r.Context()
	texts := map[*Site]map[int64]EditText{}
	errs := map[*Site]error{}
	bySite := map[*Site][]store.Record{}
	for _, sr := range recs {
		bySite[sr.site] = append(bySite[sr.site], sr.rec)
	}
	for st, rs := range bySite {
		texts[st], errs[st] = st.Port.Texts(ctx, rs)
		if errs[st] != nil {
			s.log.WithError(errs[st]).WithField("site", st.Name).Warn("console: edit texts not read")
		}
	}
	priv := s.privacy(r)
	since := s.opts.Now().Add(-s.opts.Window)
	for i := range items {
		it, st, rec := &items[i], recs[i].site, recs[i].rec
		switch t, ok := texts[st][rec.RevID]; {
		case errs[st] != nil:
			it.DiffNote = "The site could not be asked for the edit's text just now."
		case !ok || t.Missing:
			it.DiffNote = "The revision or post is gone from the site (deleted for good or hidden)."
		default:
			it.Comment, it.Format = t.Comment, t.Format
			lines := detectors.Diff(t.Old, t.New).Lines
			if len(lines) > maxDiffLines {
				it.DiffNote = "Only the first added lines are shown."
				lines = lines[:maxDiffLines]
			}
			if len(lines) == 0 && it.DiffNote == "" {
				it.DiffNote = "The edit added no lines (it removed or changed text)."
			}
			for _, l := range lines {
				if it.Format == "markdown" {
					l = markdownText(l)
				}
				it.Diff = append(it.Diff, markLine(l, it.Tokens, links(rec)))
			}
		}
		if it.Range != "" {
			p := netip.MustParsePrefix(it.Range)
			events, err := st.Store.IPEvents(ctx, p, since)
			if err != nil {
				return err
			}
			it.History = priv.entries(events, func(e store.Event) bool { return e.RevID == rec.RevID && priv.site(e) == st }, "this range")
			for _, t := range []string{it.Range, it.IP} {
				tp, err := parseTarget(t)
				if err != nil {
					continue
				}
				blocks, err := s.blocksIn(ctx, st, tp)
				if err != nil {
					return err
				}
				it.History = append(it.History, blocks...)
			}
			sortEntries(it.History)
		}
		for _, tok := range it.Tokens {
			events, err := st.Store.TokenEvents(ctx, tok)
			if err != nil {
				return err
			}
			for _, en := range priv.entries(events, func(e store.Event) bool { return e.RevID == rec.RevID && priv.site(e) == st }, "token "+tok) {
				if en.Kind != "elsewhere" {
					en.Detail = "token " + tok
				}
				it.SameToken = append(it.SameToken, en)
			}
		}
		sortEntries(it.SameToken)
	}
	return nil
}

// blocksIn returns the blocks of p and, for a single address, of nothing
// else; for a range, the blocks of the range itself.
func (s *server) blocksIn(ctx context.Context, st *Site, p netip.Prefix) ([]Entry, error) {
	blocks, err := st.Store.Blocks(ctx, p.String())
	if err != nil {
		return nil, err
	}
	var out []Entry
	for _, b := range blocks {
		out = append(out, Entry{Time: b.Time, Kind: "block", Site: st.Name, Item: itemID(st.Name, b.RevID), Who: b.Target, RevID: b.RevID, Detail: "blocked for " + b.Expiry})
	}
	return out, nil
}

func eventEntry(e store.Event) Entry {
	en := Entry{Time: e.Time, Kind: string(e.Kind), Title: e.Title, RevID: e.RevID, Who: e.User}
	if e.IP.IsValid() {
		en.Who = e.IP.Unmap().String()
	}
	switch {
	case len(e.Tokens) > 0:
		en.Detail = "tokens " + strings.Join(e.Tokens, ", ")
	case len(e.Domains) > 0:
		en.Detail = "domains " + strings.Join(e.Domains, ", ")
	}
	return en
}

// sortEntries orders a timeline newest first.
func sortEntries(es []Entry) {
	slices.SortStableFunc(es, func(a, b Entry) int { return b.Time.Compare(a.Time) })
}

// Markdown's inline syntax, for markdownText.
var (
	mdLink     = regexp.MustCompile(`!?\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`)
	mdAutolink = regexp.MustCompile(`<((?:https?|ftp)://[^>\s]+)>`)
	mdEmphasis = regexp.MustCompile(`\*\*([^*]+)\*\*|~~([^~]+)~~|\*([^*\s][^*]*)\*`)
	mdCode     = regexp.MustCompile("`([^`]*)`")
	mdBlock    = regexp.MustCompile(`^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)`)
)

// markdownText renders a line of a forum post's Markdown as the text a
// reader sees, keeping each link's address beside its label so that the
// link is marked: "[cheap pills](https://x.example/)" reads
// "cheap pills <https://x.example/>". The console never renders a post's
// HTML.
func markdownText(line string) string {
	line = mdBlock.ReplaceAllString(line, "")
	line = mdAutolink.ReplaceAllString(line, "$1")
	line = mdLink.ReplaceAllString(line, "$1 <$2>")
	line = mdCode.ReplaceAllString(line, "$1")
	return mdEmphasis.ReplaceAllString(line, "$1$2$3")
}
