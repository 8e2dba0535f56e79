// Package nodebb is a client for the NodeBB 1.4 forum API, covering what a
// patrol bot needs: read new posts with their author, IP and topic; remove
// and restore posts and topics; ban and unban accounts; keep IP and range
// rules in the forum's IP blacklist; read an off switch the admins control.
//
// It exists because the botnets wikiwarden fights on wikis also post their
// probes (short random tracking tokens) and the link spam that follows on
// small forums, and NodeBB has no API that fits a bot as a whole: reads are
// the JSON twins of page routes (/api/post/pid/N, /api/topic/tid/N), most
// moderation is socket.io events, and the write-api plugin's bearer token
// works only on some routes. This package hides that behind plain methods
// with a context on every call and errors of three kinds (Transient,
// Permanent, AlreadyDone), so a site adapter can map it onto the bot's own
// words (contribution, place, author, block, trusted) without knowing the
// wire format.
//
// How the calls map onto a patrol's needs:
//
//   - new contributions since a cursor: Posts(ctx, after, limit) returns
//     posts (author, IP, time, topic = the place) oldest first and the next
//     cursor. A post is new text: the text before is empty; a topic's
//     opening post also brings its title. NodeBB 1.4 keeps no edit history
//     (Post.Edited only says when), so edits are not contributions here.
//   - current state of a place: Topic, Post, User.
//   - remove a contribution: Remove (delete or purge; the topic goes with
//     its opening post), undone by Restore.
//   - block an address, range or account: Block/Unblock (IP blacklist:
//     IPv4 addresses and ranges, IPv6 addresses), Ban/Unban (accounts, with
//     an expiry and a reason). Guests have no account: block their IP.
//   - who is trusted: User.Trusted with a TrustPolicy.
//   - off switch: Enabled(ctx, tid), the first line of a topic's first post.
//
// Authentication is a session: Login posts the bot's credentials with the
// CSRF token of /api/config and keeps the express.sid cookie, which the
// page routes and the socket.io connection share. A write-api token, when
// configured, is sent on the page routes that accept it.
//
// socket.io 1.7 (Engine.IO 3) is spoken over HTTP long-polling with
// net/http: one socket per Client, emits serialized, reopened after a
// disconnect, and throttled below NodeBB's 100 emits per 10 s per socket.
//
// NodeBB stores a post's IP only with the setting trackIpPerPost and shows
// it only to administrators and global moderators, so the bot account must
// be one of them. A socket.io post records the raw X-Forwarded-For header;
// Post.IP is its first entry.
package nodebb
