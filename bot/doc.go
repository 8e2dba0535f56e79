// Package bot is wikiwarden's patroller: it reads a wiki's recent changes,
// scores each edit with the detectors, decides what to do, acts on the wiki
// (revert, block) like a well-behaved MediaWiki bot, and records everything
// in the store so that the follow-up spam of a probing botnet is recognised.
//
// The bot reaches the wiki and the store only through the small Wiki and
// Store interfaces declared here; cmd/wikiwarden wires the real ones.
//
// Crash safety: the patrol cursor advances in the same store transaction
// that records an edit as handled, so a killed pass resumes at the first
// unhandled edit. Before any revert the bot looks at the page as it is now;
// an edit whose page already moved on (because this bot reverted it before
// a crash, or because someone else edited later) is never reverted again.
package bot
