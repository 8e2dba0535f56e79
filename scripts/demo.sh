#!/usr/bin/env bash
# demo.sh is "make demo": it brings up a throwaway MediaWiki, replays a
# botnet campaign on it (cmd/botnet-sim), lets wikiwarden patrol after each
# wave, and prints what the bot reverted, whom it blocked and what it left
# alone. Everything lives in .demo/; a rerun starts from a fresh wiki and a
# fresh store. The wiki keeps running afterwards so you can look around.
#
# Exit status: 0 when every probe and spam edit was reverted and every
# good-faith edit left alone, so the demo doubles as a smoke test.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
DEMO=.demo
WIKIDIR=$DEMO/wiki

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
	exit "$status"
}
trap footer EXIT

# A rerun starts from scratch: "testwiki.sh up" would reuse a running wiki.
if [[ -d $WIKIDIR ]]; then
	scripts/testwiki.sh down "$WIKIDIR"
fi
rm -rf "$DEMO"
mkdir -p "$DEMO"

heading "0. a throwaway MediaWiki with real articles"
scripts/testwiki.sh up "$WIKIDIR" >/dev/null
# WIKI_API, WIKI_USER, WIKIWARDEN_PASSWORD (the bot's password, read by
# wikiwarden from the environment), WIKI_ADMIN, WIKI_ADMIN_PASSWORD.
set -a
# shellcheck source=/dev/null
source "$WIKIDIR/env"
set +a
echo "wiki: $WIKI_API"

go build -o "$DEMO/wikiwarden" ./cmd/wikiwarden
go build -o "$DEMO/botnet-sim" ./cmd/botnet-sim
cat >"$DEMO/wikiwarden.yaml" <<YAML
# Written by scripts/demo.sh. The password comes from WIKIWARDEN_PASSWORD.
wiki:
  api: $WIKI_API
  username: $WIKI_USER
store:
  path: wikiwarden.db # relative to this file: $DEMO/wikiwarden.db
YAML
echo "bot config: $DEMO/wikiwarden.yaml (bot password login $WIKI_USER)"

sim() { "$DEMO/botnet-sim" --env "$WIKIDIR/env" "$@"; }
patrol() { "$DEMO/wikiwarden" patrol --config "$DEMO/wikiwarden.yaml" --once; }

sim --phase seed

heading "1. botnet probes from 10 IPs in 4 ranges, among everyday good-faith edits"
echo "Each probe drops a random-letter token; the botnet will come back to"
echo "the pages where its tokens survive."
echo
sim --phase probe

heading "2. wikiwarden patrols: revert the probes, leave the rest alone"
patrol

heading "3. days later: link spam from new IPs in the probing ranges"
echo "The spammers' addresses never probed, but their ranges did."
echo
sim --phase return

heading "4. wikiwarden patrols again: revert the spam, block the ranges"
patrol

heading "5. what the bot did and what it left alone (read back from the wiki)"
sim --phase report
