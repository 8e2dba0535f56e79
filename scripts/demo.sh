#!/usr/bin/env bash
# demo.sh is "make demo": it brings up a throwaway MediaWiki and a throwaway
# NodeBB forum, replays a botnet campaign on the wiki and a botnet wave on
# the forum (cmd/botnet-sim), lets one wikiwarden patrol both sites (one
# config with sites:, one store) after each wave, and prints what the bot
# removed, whom it blocked and what it left alone on each. Everything lives
# in .demo/; a rerun starts from a fresh wiki, forum and store. Both keep
# running afterwards so you can look around.
#
# Exit status: 0 when every probe and spam edit or post was removed and
# every good-faith one left alone, so the demo doubles as a smoke test.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
DEMO=.demo
WIKIDIR=$DEMO/wiki
FORUMDIR=$DEMO/forum

heading() { printf '\n== %s ==\n\n' "$*"; }

# footer tells how to look at the wiki, however the demo ended.
footer() {
	local status=$?
	if [[ -f $WIKIDIR/server.pid && -f $WIKIDIR/env ]]; then
		local api
		api=$(sed -n 's/^WIKI_API=//p' "$WIKIDIR/env")
		echo
		echo "The wiki is still running. See what happened on it:"
		echo "  ${api%api.php}index.php?title=Special:RecentChanges&days=1&limit=500"
		echo "  ${api%api.php}index.php?title=Special:BlockList"
		echo "Stop it with: scripts/testwiki.sh down $WIKIDIR"
	fi
	if [[ -f $FORUMDIR/nodebb.pid && -f $FORUMDIR/env ]]; then
		local url
		url=$(sed -n 's/^FORUM_URL=//p' "$FORUMDIR/env")
		echo
		echo "The forum is still running: $url/recent (log in as admin, password in $FORUMDIR/env,"
		echo "to see the deleted posts and $url/admin/manage/ip-blacklist)."
		echo "Stop it with: scripts/testforum.sh down $FORUMDIR"
	fi
	exit "$status"
}
trap footer EXIT

# A rerun starts from scratch: "testwiki.sh up" would reuse a running wiki.
if [[ -d $WIKIDIR ]]; then
	scripts/testwiki.sh down "$WIKIDIR"
fi
if [[ -d $FORUMDIR ]]; then
	scripts/testforum.sh down "$FORUMDIR"
fi
rm -rf "$DEMO"
mkdir -p "$DEMO"

heading "0. a throwaway MediaWiki with real articles, and a throwaway NodeBB forum"
scripts/testwiki.sh up "$WIKIDIR" >/dev/null
# WIKI_API, WIKI_USER, WIKIWARDEN_PASSWORD (the bot's password, read by
# wikiwarden from the environment), WIKI_ADMIN, WIKI_ADMIN_PASSWORD.
set -a
# shellcheck source=/dev/null
source "$WIKIDIR/env"
set +a
echo "wiki: $WIKI_API"
# FORUM_URL, FORUM_BOT (a global moderator), FORUM_BOT_PASSWORD, FORUM_ADMIN...
scripts/testforum.sh up "$FORUMDIR" >/dev/null
FORUM_URL=$(sed -n 's/^FORUM_URL=//p' "$FORUMDIR/env")
FORUM_BOT=$(sed -n 's/^FORUM_BOT=//p' "$FORUMDIR/env")
sed -n 's/^FORUM_BOT_PASSWORD=//p' "$FORUMDIR/env" >"$DEMO/forum.pass"
chmod 600 "$DEMO/forum.pass"
echo "forum: $FORUM_URL"

go build -o "$DEMO/wikiwarden" ./cmd/wikiwarden
go build -o "$DEMO/botnet-sim" ./cmd/botnet-sim

sim() { "$DEMO/botnet-sim" --env "$WIKIDIR/env" "$@"; }
fsim() { "$DEMO/botnet-sim" --forum --env "$FORUMDIR/env" "$@"; }
patrol() { "$DEMO/wikiwarden" patrol --config "$DEMO/wikiwarden.yaml" --once; }

sim --phase seed
# One of the forum's spam posts comes from the range that probes the wiki.
fsim --phase seed --cross-ip 192.0.2.200
SWITCH=$(sed -n 's/.*"switch_tid": *\([0-9]*\).*/\1/p' "$FORUMDIR/forumwave.json")

cat >"$DEMO/wikiwarden.yaml" <<YAML
# Written by scripts/demo.sh: one wikiwarden, one store, two sites.
sites:
  - name: wiki
    kind: mediawiki
    api: $WIKI_API
    username: $WIKI_USER
    password_env: WIKIWARDEN_PASSWORD
  - name: forum
    kind: nodebb
    url: $FORUM_URL
    username: $FORUM_BOT
    password_file: forum.pass   # relative to this file
    shutoff_page: "$SWITCH"     # the off-switch topic
store:
  path: wikiwarden.db # relative to this file: $DEMO/wikiwarden.db
YAML
echo "bot config: $DEMO/wikiwarden.yaml (wiki: bot password login $WIKI_USER; forum: $FORUM_BOT, off switch topic $SWITCH)"

heading "1. botnet probes: on the wiki from 11 IPs in 5 ranges, anywhere in the markup, on the forum from 2 ranges, an IPv6 /64 and an account"
echo "Each probe drops a random-letter token; the botnet will come back to"
echo "the pages and topics where its tokens survive."
echo
sim --phase probe
echo
fsim --phase probe

heading "2. wikiwarden patrols both sites: remove the probes, leave the rest alone"
patrol

heading "3. days later: link spam from new IPs in the probing ranges"
echo "The spammers' addresses never probed, but their ranges did. One forum"
echo "spammer comes from a range that probed only the wiki."
echo
sim --phase return
echo
fsim --phase return

heading "4. wikiwarden patrols again: remove the spam, block the ranges and the account"
patrol

status=0
heading "5. what the bot did and what it left alone on the wiki (read back from the wiki)"
sim --phase report || status=1

heading "6. what the bot did and what it left alone on the forum (read back from the forum)"
fsim --phase report || status=1
exit "$status"
