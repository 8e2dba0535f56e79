// Package bot is wikiwarden's patroller: it reads a site's new
// contributions, scores each with the detectors, decides what to do, acts on
// the site (revert, delete or tag, block) like a well-behaved bot, and
// records everything in the store so that the follow-up spam of a probing
// botnet is recognised.
//
// The bot reaches the site and the store only through the small Site and
// Store interfaces declared here, in its own words (contribution, place,
// author, removal, error kind); it imports no site package. Each site kind
// has an adapter (mwsite for MediaWiki) and cmd/wikiwarden wires the real
// ones. Each action step returns an Outcome, which the handler folds into
// the record, the memory and the pass summary in one place.
//
// Crash safety: the patrol cursor advances in the same store transaction
// that records a contribution as handled, so a killed pass resumes at the
// first unhandled one. Before any revert the bot looks at the place as it
// is now; a contribution whose place already moved on (because this bot
// reverted it before a crash, or because someone else edited later) is
// never reverted again.
package bot
