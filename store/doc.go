// Package store is wikiwarden's memory: one embedded bbolt file that holds,
// for every site it patrols (wikis, forums), the patrol cursor, a record of
// every contribution the bot handled, the places probed, the revert marks,
// the blocks it placed (for escalation), the domains the site links to, the
// site's letter model and the actions still pending or set aside for a
// human; and, shared by all sites, the probe, spam and revert events with
// their IP and token indexes and the spam domains, so that a botnet seen on
// one site is recognised on every other.
//
// Store.Site(name) returns a SiteStore, whose methods have the signatures
// of the bot's Store interface; the Store's own methods of the same names
// work on Options.DefaultSite. Everything one handled contribution changes
// is written by Commit in a single write transaction (CommitBatch writes a
// chunk of them in one), so a crash never leaves the cursor ahead of the
// memory or behind it. Only one process may open the file for writing; a
// second one fails after Options.LockTimeout with ErrLocked. Backup copies
// the database while it is in use.
//
// A damaged file (cut short, overwritten) is reported as a *CorruptError
// (ErrCorrupt) naming the file and what to do, never as a panic: Open
// validates the header pages before bbolt maps the file and runs bbolt's
// consistency check on files up to Options.CheckLimit, and every method
// turns a panic or memory fault inside bbolt into the same error. The
// store never repairs or recreates a file on its own.
//
// # File layout
//
// The layout is described here for whoever has to inspect a database file
// (for example with `bbolt buckets FILE` and `bbolt keys FILE BUCKET`).
// Integers are big-endian. A time in a key, written T below, is 8 bytes:
// the time's Unix nanoseconds as a uint64 with the sign bit flipped, so that
// keys sort in time order (including times before 1970); times outside the
// int64 nanosecond range (before 1678, after 2262) are clamped. SEQ is the
// 8-byte value of the bucket's NextSequence, which keeps keys of events and
// blocks with the same time distinct and in insertion order. 0x00 separates a
// text part of a key from what follows; titles, users, tokens and block
// targets therefore may not contain NUL bytes (MediaWiki forbids them anyway).
// ID is a contribution's id (revision, post) as 8 bytes.
//
//	bucket                  key                        value
//	meta                    "schema"                   uint32 schema version (currently 2)
//	events                  T SEQ                      JSON Event, with its site; T SEQ is the event id
//	events_by_ip            IP16 T SEQ                 empty
//	events_by_token         token 0x00 T SEQ           empty
//	domains_spam            domain                     empty
//	sites/NAME/             one bucket per site, holding:
//	  meta                  "cursor"                   JSON Cursor
//	                        "model"                    the letter model, opaque bytes
//	                        "model_trained"            T, when the model was trained
//	  records               ID                         JSON Record
//	  records_by_time       T(edit time) ID            the record's verdict
//	  events_by_page        title 0x00 T SEQ           empty (the event is in the shared events)
//	  reverts               user 0x00 title            T of the latest revert of user's edit on title
//	  blocks                target 0x00 T SEQ          JSON Block
//	  domains_known         domain                     empty
//	  pending               ID                         JSON Pending
//	  pending_by_due        T(next attempt) ID         empty
//	  set_aside             ID                         JSON SetAside
//	  set_aside_by_time     T(set aside) ID            empty
//	  audit                 T(resolved) SEQ            JSON Resolution
//	  notices               user                       JSON Notice: the latest message to a reverted editor
//	  reports               ID                         JSON Report: a false-positive report
//	shared/                 only once Options.Share was set; see outbox.go
//	  meta                  "origin", "enabled", "cursor"
//	  outbox                SEQ                        JSON SharedFact, to push
//	  imported              ORIGIN SEQ                 T of an imported event
//
// Index keys end with the event id, so the events bucket entry of an index key
// is its last 16 bytes. IP16 is the 16-byte form of the address, IPv4 as an
// IPv4-mapped IPv6 address (::ffff:a.b.c.d); all events of an IP range are
// therefore one contiguous run of keys, whatever the prefix length. Block
// targets are stored in canonical form: "192.0.2.7", "192.0.2.0/24",
// "2001:db8::/64".
//
// Open refuses a file whose schema version it does not know (ErrSchema); a
// file without a schema version but with other buckets is not a wikiwarden
// database and is refused the same way. Schema 1 (one wiki: records,
// events_by_page, reverts, blocks, domains_known and the cursor and model at
// the top level) is migrated in Open's write transaction: those move under
// sites/DEFAULT (Options.DefaultSite) and every event is stamped with that
// site.
package store
