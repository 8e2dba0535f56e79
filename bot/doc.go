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
// Crash safety: a pass commits each chunk of contributions (their records,
// memory and the cursor) in one store transaction, so a killed pass
// resumes at the first chunk it did not commit and redoes at most one
// chunk. Before any revert the bot looks at the place as it is now; a
// contribution whose place already moved on (because this bot reverted it
// before a crash, or because someone else edited later) is never reverted
// again, and a block found in force by the bot's own account is the bot's.
//
// Nothing decided is dropped: an action the site failed to carry out for
// now (ErrTransient) is recorded with a store.Pending, and the cursor moves
// on. The next pass retries it first, with a fresh look at the place (a
// write whose answer was lost is found done and recorded); later failures
// back off, until Options.RetryAttempts or RetryMaxAge; then it is set
// aside for a human. The site's client has already retried each request a
// few times seconds apart, so one failure is a light fault or one bad
// page: only after several actions failed in a row does a pass attempt no
// more writes (the site is failing), and the rest of its decided actions
// wait as pending.
// A pass that leaves actions pending or sets one aside returns ErrUndone.
//
// The people the bot reverts are told why (Options.Notice, Site.Notify): a
// message after the removal, at most one per editor per interval,
// remembered in the store; a message that cannot be left never holds up the
// action. The site's report page (Self.ReportPlace, Site.Reports) is read
// on the first pass and after each edit of it; each report of a
// contribution is stored (store.Mistake) for the console's queue, and
// answered (Site.Answer) once a moderator has decided.
package bot
