// Package web is the moderators' review console: a server-rendered web
// application, with a JSON twin of every page under /api/, where moderators
// see what the bot decided and why, act on what it left for a human, undo its
// mistakes in one click, and teach it through feedback the next pass reads.
//
// The console reads the store (records, events, blocks) and writes only
// review entries to it (the audit trail and feedback, see store/review.go).
// It never imports the patroller.
//
// # Sites
//
// The console reviews every site of the config (Deps.Sites): each with its
// part of the store (a store.SiteStore) and its moderation port (package
// moderation), which the site kind's adapter implements (mwsite, nbsite).
// Every page takes ?site=NAME; without it, it shows every site the
// moderator reviews. Items are named "site:id". A moderator reviews the
// sites whose groups (Site.Groups, else Options.Groups) they belong to on
// the login site; another site's pages and actions answer 403. Personal
// data (addresses) is shown only for reviewed sites, and never a
// registered forum user's; another site's memory of an address or a token
// is shown as a counted fact.
//
// # How a moderator's action reaches the site
//
// Through the site's moderation port, called synchronously while the
// handler holds the site's Lock, the lock that site's patroller takes for
// each pass (other sites' passes go on).
// The alternative, queueing actions in the store for the next pass, was
// rejected: a moderator who clicks "this was a good edit" must see at once
// whether the edit is back or why not (a later editor, a lost right), and a
// queue would need its own retry, expiry and status pages. The lock makes a
// moderator's action and the site's patrol pass take turns, so a pass never acts on
// page states read before a moderator changed them. Store writes happen
// after the wiki call returns, each in its own short transaction: no bbolt
// write transaction is ever held across a wiki call.
//
// # Security
//
// Moderators log in with their own wiki account (checked by the
// Authenticator; the password is passed through, never logged or kept),
// must review some site and must not be blocked; their groups and block
// are read again before every action and at least every
// Options.RecheckEvery. Sessions are random tokens kept server-side (only
// their SHA-256 is a map key), sent as an HttpOnly,
// SameSite=Lax cookie that is Secure over TLS or behind a trusted proxy
// that says https, expire after Options.SessionTTL and end on logout.
// Cross-origin state-changing requests are refused by
// net/http.CrossOriginProtection. Logins are throttled per account (its
// name as MediaWiki normalises it) and per client address (an IPv6 one by
// its /64), each attempt counted before the wiki is asked. Every route
// but /login, /healthz and /metrics needs a session; IP addresses only
// appear behind it.
package web
