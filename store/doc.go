// Package store is wikiwarden's memory: one embedded bbolt file that holds the
// patrol cursor, a record of every edit the bot handled, the probe, spam and
// revert events it uses to recognise a botnet's follow-up edits, the blocks it
// placed (for escalation), the domains the wiki links to, and the wiki's
// letter model.
//
// Everything one handled edit changes is written by Store.Commit in a single
// write transaction, so a crash never leaves the cursor ahead of the memory or
// behind it. Only one process may open the file for writing; a second one
// fails after Options.LockTimeout with ErrLocked.
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
//
//	bucket           key                               value
//	meta             "schema"                          uint32 schema version (currently 1)
//	                 "cursor"                          JSON Cursor
//	                 "model"                           the letter model, opaque bytes
//	                 "model_trained"                   T, when the model was trained
//	records          revid (uint64)                    JSON Record
//	records_by_time  T(edit time) revid                the record's verdict
//	events           T SEQ                             JSON Event; T SEQ is the event id
//	events_by_ip     IP16 T SEQ                        empty
//	events_by_page   title 0x00 T SEQ                  empty
//	events_by_token  token 0x00 T SEQ                  empty
//	reverts          user 0x00 title                   T of the latest revert of user's edit on title
//	blocks           target 0x00 T SEQ                 JSON Block
//	domains_known    domain                            empty
//	domains_spam     domain                            empty
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
// database and is refused the same way.
package store
