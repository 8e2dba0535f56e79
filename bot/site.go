package bot

import (
	"context"
	"errors"
	"net/netip"
	"time"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/store"
)

// Site is what the patroller needs of a site it patrols: a wiki or a forum.
// It speaks the bot's words; an adapter package per site kind (mwsite for
// MediaWiki) converts them to and from its wire format and applies the
// site's conventions (how a contribution is undone, what an edit summary
// looks like, which accounts are trusted).
//
// Every method's error wraps one of the error kinds below (ErrTransient,
// ErrPermanent, ErrAlreadyDone, ErrConflict, ErrDenied) along with the
// site's own error, so callers branch with errors.Is and still print the
// site's words.
type Site interface {
	// Self returns the bot's own account and the site's limits. The
	// patroller calls it once, before its first pass.
	Self(ctx context.Context) (Self, error)
	// Contributions returns the contributions made at or after since.Time,
	// oldest first, at most limit (0: no limit). Some may be handled
	// already: the patroller drops those it has a record of.
	Contributions(ctx context.Context, since store.Cursor, limit int) ([]Contribution, error)
	// Texts returns the text before and after each contribution, keyed by
	// contribution ID. A contribution whose text the site hides or deleted
	// is absent from the map.
	Texts(ctx context.Context, cs []Contribution) (map[int64]Texts, error)
	// Places returns the current state of places, keyed by title as given.
	// A place that does not exist is returned with Missing set.
	Places(ctx context.Context, titles []string) (map[string]PlaceState, error)
	// Trusted says which of the named (registered) authors the site's rules
	// trust, with the reason (decision.SkipTrusted, decision.SkipEditCount);
	// authors it does not trust are absent.
	Trusted(ctx context.Context, authors []string) (map[string]decision.Reason, error)
	// Remove takes a contribution off its place. ErrDenied: the place asks
	// bots to stay away (e.g. {{nobots}} in the text that would be
	// restored); ErrAlreadyDone or ErrConflict: the place moved on since the
	// patroller looked, so it must look again.
	Remove(ctx context.Context, r Removal) (Removed, error)
	// RemovePlace deletes a place the contribution created, or tags it for
	// deletion when the bot may not delete; with neither allowed it does
	// nothing and says so.
	RemovePlace(ctx context.Context, r Removal) (PlaceRemoved, error)
	// History returns up to limit of a place's latest versions with their
	// text, newest first; none for a missing place.
	History(ctx context.Context, title string, limit int) ([]Version, error)
	// Rewrite saves a cleaned text of a place, guarded by the version it is
	// based on. ErrConflict: the place moved on; ErrDenied: the text
	// excludes the bot.
	Rewrite(ctx context.Context, r Rewrite) (Removed, error)
	// Block blocks an address, a range or an account. ErrAlreadyDone: a
	// block is in force already (the bot never replaces one).
	Block(ctx context.Context, b BlockRequest) (Blocked, error)
	// Blacklist adds domains to the site's spam blacklist, when the site has
	// one and the bot was told to use it, and returns the domains it added.
	Blacklist(ctx context.Context, domains []string) ([]string, error)
	// WritesAllowed reads the site's off switch: false means observe only,
	// and the string says why.
	WritesAllowed(ctx context.Context) (bool, string, error)
	// SampleTexts returns the texts of up to n places, to learn from.
	SampleTexts(ctx context.Context, n int) ([]string, error)
	// KnownLinks returns up to limit external links the site already has.
	KnownLinks(ctx context.Context, limit int) ([]string, error)
	// Notify leaves the author of a contribution the bot removed a message
	// saying why and how to report a mistake (a new section of a wiki
	// user's talk page). ErrDenied: the author's page asks bots to stay
	// away ({{nobots}}); ErrPermanent wrapping ErrUnsupported: the site
	// kind has no place for such a message.
	Notify(ctx context.Context, n Notice) (Notified, error)
	// Reports reads the site's report page (Self.ReportPlace) and returns
	// every report on it that names a contribution, in page order.
	// ErrPermanent wrapping ErrUnsupported: the site has no report page.
	Reports(ctx context.Context) ([]Report, error)
	// Answer replies to a report where it was made. ErrConflict: the
	// report page changed meanwhile (a later pass tries again).
	Answer(ctx context.Context, a Answer) error
}

// Poller is a Site that reads its contributions and its off switch in one
// request, so that a pass finding nothing new costs one request. The
// patroller uses Poll when the site has it, and Contributions and
// WritesAllowed otherwise.
type Poller interface {
	// Poll is Contributions and WritesAllowed at once. Its error is
	// Contributions' (then the off switch is unread).
	Poll(ctx context.Context, since store.Cursor, limit int) (cs []Contribution, writes bool, why string, err error)
}

// Self is the bot's own account on a site and the site's limits.
type Self struct {
	Name string
	// Lang is the site's content language ("en", "de"); "" when unknown.
	Lang string
	// WidestV4 and WidestV6 are the widest ranges the site blocks, as
	// prefix lengths; 0 when the site sets no limit.
	WidestV4, WidestV6 int
	// ReportPlace is the place where the site's people report the bot's
	// mistakes (see Site.Reports); "" when the site has none.
	ReportPlace string
}

// Format is the markup of a contribution's text.
type Format string

// Formats.
const (
	FormatWikitext Format = "wikitext"
	FormatMarkdown Format = "markdown"
)

// Place is where a contribution sits: a wiki page, a forum topic.
type Place struct {
	Title     string
	Namespace int
}

// Author is who made a contribution.
type Author struct {
	Name string
	Anon bool
	// IP is the author's address when the site tells it: an anonymous
	// editor's name on a wiki, a forum's post IP for any account.
	IP netip.Addr
}

// Contribution is one edit of a place, or one post.
type Contribution struct {
	ID       int64 // the new version's site-wide id: a revision id, a post id
	ParentID int64 // the version before it on its place; 0 when it created the place
	Seq      int64 // position in the site's feed (recent changes id, post id): the cursor's RCID
	Place    Place
	Author   Author
	Time     time.Time
	Comment  string
	Format   Format
	Lang     string // the place's language, "" when unknown
	Bot      bool   // the site marked it a bot edit
}

// Texts are a contribution's text before and after it.
type Texts struct {
	Before, After string
	ParentAuthor  string // the author of the version before; "" for a creation
}

// Version is one version of a place.
type Version struct {
	ID     int64
	Author string
	IP     netip.Addr // the author's address when the site tells it
	Text   string
}

// PlaceState is a place as it is now.
type PlaceState struct {
	Title   string
	Missing bool
	Latest  Version
	// Standalone says the place's contributions stand alone (a forum
	// topic's posts): removing one takes nothing of anyone else's, so later
	// contributions by others do not hold its removal back.
	Standalone bool
}

// Grounds are why the bot acts: the decision and the evidence the site
// names in its edit summaries and logs.
type Grounds struct {
	Decision decision.Decision
	Tokens   []string // probe tokens found
	Domains  []string // domains of the links added
}

// Removal asks a site to take a contribution off its place.
type Removal struct {
	Contribution Contribution
	Texts        Texts // what the contribution changed; Before is restored
	// Top is the place's latest version when the patroller looked. Whole
	// says every contribution from this one up to Top is the same author's
	// and bad: the site may remove them together.
	Top     int64
	Whole   bool
	Current string // the place's text at Top
	Grounds Grounds
}

// Removed says how a contribution was removed.
type Removed struct {
	How     string // "rolled back", "undone", "restored previous text"
	Summary string // the edit summary the site shows
}

// Rewrite asks a site to save a cleaned text of a place: an earlier version
// restored, or probe tokens cut out.
type Rewrite struct {
	Place    Place
	Top      int64    // the version Text replaces
	Text     string   // the new text
	Restored int64    // the version whose text this is; 0 when Tokens were cut out
	Tokens   []string // the probe tokens the rewrite removes
}

// PlaceRemoved says what became of a place: deleted, tagged for deletion,
// or neither (the site may do neither).
type PlaceRemoved struct {
	Deleted, Tagged bool
	Summary         string // the deletion reason or the tag's edit summary
}

// BlockRequest asks a site to block an address, a range or an account.
type BlockRequest struct {
	Target string // an IP, a CIDR range or an account name
	Expiry string // as the site reads it: "1 day", "1 week"
	// Author and Contribution are whose contribution caused the block and
	// which: the site names them in the block reason.
	Author       Author
	Contribution int64
}

// Blocked is a block a site placed.
type Blocked struct {
	Reason string // the reason the site shows
	// ID is the site's id of the block, when it has one (a wiki's): a
	// moderator's undo lifts this block and no other.
	ID int64
	// Existing says the block was in force already, placed by the bot's
	// own account: a request whose answer was lost, or a pass that
	// crashed before recording it. It is the bot's block all the same.
	Existing bool
}

// Error kinds: every Site error wraps one.
var (
	// ErrTransient: the site is unavailable, lagged, throttled or the
	// session is lost; the same request may work later.
	ErrTransient = errors.New("transient site failure")
	// ErrPermanent: retrying fails the same way (no right, protected).
	ErrPermanent = errors.New("permanent site failure")
	// ErrAlreadyDone: the site already is as asked (undone, blocked).
	ErrAlreadyDone = errors.New("already done")
	// ErrConflict: the place changed since the patroller looked.
	ErrConflict = errors.New("conflict")
	// ErrDenied: the place asks bots to stay away ({{nobots}}).
	ErrDenied = errors.New("denied by the place")
)

// WithKind returns err marked with kind, one of the error kinds above:
// errors.Is matches both the kind and err's own chain, and the message is
// err's.
func WithKind(kind, err error) error {
	if err == nil {
		return nil
	}
	return kindError{kind: kind, err: err}
}

type kindError struct{ kind, err error }

func (e kindError) Error() string   { return e.err.Error() }
func (e kindError) Unwrap() []error { return []error{e.kind, e.err} }

// transient reports whether an action failed for a reason that may pass:
// then the contribution is left for the next pass.
func transient(err error) bool {
	return errors.Is(err, ErrTransient) || errors.Is(err, context.DeadlineExceeded)
}

// ErrUnsupported is the cause of an ErrPermanent error from a method the
// site kind cannot do at all (a forum keeps no versions of a post: no
// History, no Rewrite). The bot then does without that step.
var ErrUnsupported = errors.New("not supported by this kind of site")
