#!/usr/bin/env bash
# testforum.sh brings up a throwaway NodeBB 1.4.0 forum (private redis, node
# app.js on 127.0.0.1) for wikiwarden's end-to-end tests and for trying the bot
# by hand. It is shaped like testwiki.sh.
#
#   scripts/testforum.sh up DIR [PORT]   create a fresh forum in DIR and serve it
#   scripts/testforum.sh down DIR        stop what "up" started in DIR
#
# "up" prints and writes DIR/env (FORUM_URL, FORUM_PORT, FORUM_ADMIN,
# FORUM_ADMIN_PASSWORD, FORUM_ADMIN_UID, FORUM_BOT, FORUM_BOT_PASSWORD,
# FORUM_BOT_UID, FORUM_BOT_TOKEN, FORUM_GUEST_CID), DIR/config.json,
# DIR/nodebb.pid, DIR/nodebb.log and DIR/redis/ (a private redis on a unix
# socket, with its pid file). "up" on a DIR whose forum still runs prints DIR/env.
# Without PORT it picks a free port and retries with another one if the pick
# was taken meanwhile, so parallel tests can start forums side by side.
# With TESTFORUM_OWNER=PID in the environment, a watcher stops the forum
# when process PID ends (a test binary killed before its cleanup).
#
# The forum trusts X-Forwarded-For (NodeBB enables express "trust proxy" on
# any port but 80/443), stores each post's IP, lets guests open topics and
# reply in FORUM_GUEST_CID with a handle, has no post delays, and refuses new
# posts from blacklisted IPs (a local plugin; stock NodeBB checks the
# blacklist only at login and registration). Accounts: the administrator
# "admin" (uid 1) and the bot "patrolbot" (Global Moderators) with a
# write-api bearer token. See /work/shared/forum/NOTES.md for the API.
#
# Installing takes ~40-90 s (npm), setting up ~15 s (asset build), so the
# first "up" builds a template under $TESTFORUM_CACHE (default
# $TMPDIR/wikiwarden-testforum): an installed, set-up NodeBB tree plus the
# redis dump of a pristine forum. Every forum runs from that one tree (read
# only: its config lives in DIR and "isCluster" keeps it from rewriting
# public/) on a copy of the dump, so a fresh forum boots in about 2 s.
# Builders take a lock; a template is keyed by a hash of the functions
# that build it. The
# passwords are shared by all forums on the machine; they are throwaway
# forums on 127.0.0.1.
set -euo pipefail
if [[ -n ${TESTFORUM_TRACE:-} ]]; then PS4='+ ${EPOCHREALTIME} '; set -x; fi

NODEBB_VERSION=1.4.0
WRITEAPI_VERSION=5.1.3
CACHE=${TESTFORUM_CACHE:-${TMPDIR:-/tmp}/wikiwarden-testforum}
GUEST_CID=2
BOT_GROUP="Global Moderators"

die() { echo "testforum: $*" >&2; exit 1; }
log() { echo "testforum: $*" >&2; }

need_commands() {
	local c pkgs=()
	# Like testwiki.sh, install what Debian packages when it is missing.
	command -v redis-server >/dev/null || pkgs+=(redis-server)
	command -v redis-cli >/dev/null || pkgs+=(redis-tools)
	command -v npm >/dev/null || pkgs+=(nodejs npm)
	command -v flock >/dev/null || pkgs+=(util-linux)
	if ((${#pkgs[@]})) && command -v apt-get >/dev/null; then
		local sudo=()
		[[ $(id -u) -eq 0 ]] || sudo=(sudo)
		log "installing ${pkgs[*]}"
		"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
		"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${pkgs[@]}" >&2
	fi
	for c in node npm redis-server redis-cli flock; do
		command -v "$c" >/dev/null || die "missing command $c (Debian: apt-get install nodejs npm redis-server util-linux)"
	done
}

free_port() {
	node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}

randhex() { head -c 64 /dev/urandom | od -An -tx1 | tr -d ' \n' | head -c "$1"; }

# gone PID waits up to 2 s for PID to end (or be a zombie waiting for its reaper).
gone() {
	local i state
	for ((i = 0; i < 200; i++)); do
		state=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) || return 0
		[[ $state == Z ]] && return 0
		sleep 0.01
	done
	return 1
}

# alive FILE NAME: the pid in FILE runs and its command line contains NAME.
alive() {
	local pid
	[[ -f $1 ]] || return 1
	pid=$(cat "$1")
	[[ $pid =~ ^[0-9]+$ ]] || return 1
	tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2"
}

# --- files written into the template ------------------------------------------------------------
# nodebb-plugin-local-ipban applies the core IP blacklist to new topics and replies.
write_ipban_plugin() {
	mkdir -p "$1"
	cat >"$1/package.json" <<'EOF'
{
  "name": "nodebb-plugin-local-ipban",
  "version": "1.0.0",
  "description": "Refuse new topics and replies from IPs on the NodeBB IP blacklist (core applies it only to login/register)",
  "main": "library.js",
  "license": "MIT",
  "nbbpm": { "compatibility": "^1.4.0" }
}
EOF
	cat >"$1/plugin.json" <<'EOF'
{
  "id": "nodebb-plugin-local-ipban",
  "name": "Local IP ban for posting",
  "library": "./library.js",
  "hooks": [
    { "hook": "filter:topic.post", "method": "check" },
    { "hook": "filter:topic.reply", "method": "check" }
  ]
}
EOF
	cat >"$1/library.js" <<'EOF'
'use strict';
// data.req.ip is express's req.ip (REST) or, for socket.io posts, the raw X-Forwarded-For
// header of the handshake (or the peer address). Test its first entry against the core rules.
var blacklist = require.main.require('./src/meta').blacklist;

function clientIp(data) {
	var ip = data && data.req && data.req.ip;
	if (!ip) { return null; }
	ip = String(ip).split(',')[0].trim();
	return ip.indexOf('::ffff:') === 0 ? ip.slice(7) : ip;
}

exports.check = function (data, callback) {
	var ip = clientIp(data);
	if (!ip) { return callback(null, data); }
	var banned;
	try { banned = blacklist.test(ip); } catch (e) { banned = false; }
	if (banned) {
		var err = new Error('[[error:blacklisted-ip]]');
		err.code = 'blacklisted-ip';
		return callback(err);
	}
	callback(null, data);
};
EOF
}

# local-setup.js configures a set-up forum with NodeBB's own modules and prints KEY=VALUE lines.
write_local_setup() {
	cat >"$1" <<'EOF'
'use strict';
var path = require('path');
var nconf = require('nconf');
nconf.file({ file: path.join(__dirname, 'config.json') });
nconf.defaults({ base_dir: __dirname, themes_path: path.join(__dirname, 'node_modules'),
	views_dir: path.join(__dirname, 'public/templates'), version: require('./package.json').version });
var winston = require('winston');
winston.remove(winston.transports.Console);
var async = require('async');
var opts = JSON.parse(process.argv[2]);
var db = require('./src/database');
var out = {};
async.series([
	db.init,
	function (next) { require('./src/meta').configs.init(next); },
	function (next) {
		// Store each post's IP; no posting delays or load shedding (a test botnet posts fast).
		require('./src/meta').configs.setMultiple({
			trackIpPerPost: 1, postDelay: 0, initialPostDelay: 0, newbiePostDelay: 0,
			allowGuestHandles: 1, eventLoopCheckEnabled: 0
		}, next);
	},
	function (next) { db.sortedSetRemove('plugins:active', ['nodebb-plugin-emoji-extended', 'nodebb-plugin-emoji-one'], next); },
	function (next) { db.sortedSetAdd('plugins:active', [100, 101], ['nodebb-plugin-write-api', 'nodebb-plugin-local-ipban'], next); },
	function (next) {
		require('./src/privileges').categories.give(['topics:create', 'topics:reply'], opts.guestCid, 'guests', next);
	},
	function (next) {
		require('./src/user').create({ username: opts.botUser, password: opts.botPass, email: opts.botEmail }, function (err, uid) {
			out.BOT_UID = uid;
			next(err);
		});
	},
	function (next) { require('./src/groups').join(opts.botGroup, out.BOT_UID, next); },
	function (next) {
		require('./src/user').getUidByUsername(opts.adminUser, function (err, uid) { out.ADMIN_UID = uid; next(err); });
	},
	function (next) {
		// A write-api bearer token for the bot (the records the plugin's token route writes).
		var token = require('./public/src/utils').generateUUID();
		out.BOT_TOKEN = token;
		async.parallel([
			async.apply(db.setObjectField, 'writeToken:uid', token, out.BOT_UID),
			async.apply(db.setAdd, 'uid:' + out.BOT_UID + ':tokens', token)
		], next);
	}
], function (err) {
	if (err) { console.error('local-setup failed: ' + (err.stack || err)); process.exit(1); }
	Object.keys(out).forEach(function (k) { console.log(k + '=' + out[k]); });
	process.exit(0);
});
EOF
}

# patch_writeapi closes two token-minting holes of nodebb-plugin-write-api 5.1.3 on NodeBB 1.4.0.
patch_writeapi() {
	local w=$1/node_modules/nodebb-plugin-write-api f
	# (a) plugins.writeApi.createToken/createMasterToken had no privilege check: any guest
	#     socket could mint a token for uid 1. Make them admin-only.
	cat >"$w/lib/sockets.js" <<'EOF'
'use strict';
// Patched by testforum.sh: the stock file let any socket (guests too) mint tokens for any uid.
var auth = require('./auth');
var user = require.main.require('./src/user');
var Sockets = {};

function adminOnly(fn) {
	return function (socket, data, callback) {
		user.isAdministrator(socket.uid, function (err, isAdmin) {
			if (err || !isAdmin) { return callback(err || new Error('[[error:no-privileges]]')); }
			fn(socket, data, callback);
		});
	};
}

Sockets.init = function () {
	var Plugins = require.main.require('./src/socket.io/plugins').writeApi = {};
	Plugins.createToken = adminOnly(function (socket, uid, callback) { auth.generateToken(uid, callback); });
	Plugins.createMasterToken = adminOnly(function (socket, nothing, callback) { auth.generateMasterToken(callback); });
	Plugins.revokeToken = adminOnly(function (socket, data, callback) { auth.revokeToken(data.token, data.type, callback); });
};

module.exports = Sockets;
EOF
	# (b) POST /api/v2/users/01/tokens with any password minted a uid-1 token. Accept canonical uids only.
	for f in "$w/routes/v1/middleware.js" "$w/routes/v2/middleware.js"; do
		node -e '
			const fs = require("fs"); const f = process.argv[1]; const s = fs.readFileSync(f, "utf8");
			const from = "users\\/(\\d+)\\/tokens$/", to = "users\\/([1-9]\\d*)\\/tokens$/";
			if (!s.includes(from)) { console.error("write-api patch target not found in " + f); process.exit(1); }
			fs.writeFileSync(f, s.split(from).join(to));' "$f" || die "patching write-api failed"
	done
}

# start_redis DIR DUMP: a private redis in DIR on a copy of DUMP (if any). Sets REDIS_HOST/REDIS_PORT.
start_redis() {
	local dir=$1 dump=${2:-} sock=$1/redis.sock i
	rm -f "$sock" "$dir/redis.pid" "$dir/dump.rdb"
	[[ -z $dump ]] || cp "$dump" "$dir/dump.rdb"
	local args=(--dir "$dir" --dbfilename dump.rdb --save "" --appendonly no --daemonize yes
		--pidfile "$dir/redis.pid" --logfile "$dir/redis.log")
	if ((${#sock} <= 100)); then
		REDIS_HOST=$sock REDIS_PORT=0
		args+=(--port 0 --unixsocket "$sock" --unixsocketperm 700)
	else # unix socket paths are limited to ~107 bytes
		REDIS_HOST=127.0.0.1 REDIS_PORT=$(free_port)
		args+=(--port "$REDIS_PORT" --bind 127.0.0.1)
	fi
	redis-server "${args[@]}" || die "redis-server failed (log: $dir/redis.log)"
	for ((i = 0; i < 100; i++)); do
		if redis_cli PING 2>/dev/null | grep -q PONG && [[ -s $dir/redis.pid ]]; then return 0; fi
		sleep 0.05
	done
	die "redis did not answer (log: $dir/redis.log)"
}
redis_cli() {
	if [[ $REDIS_PORT == 0 ]]; then redis-cli -s "$REDIS_HOST" "$@"; else redis-cli -h 127.0.0.1 -p "$REDIS_PORT" "$@"; fi
}
stop_redis() {
	local dir=$1 pid
	alive "$dir/redis.pid" redis-server || { rm -f "$dir/redis.pid"; return 0; }
	pid=$(cat "$dir/redis.pid")
	kill -KILL "$pid" 2>/dev/null || true # throwaway data: no save
	gone "$pid" || true
	rm -f "$dir/redis.pid"
}

# --- template -----------------------------------------------------------------------------------
# template prints the directory of a set-up forum template, building it under a lock if needed.
template() {
	local key tmpl
	# Keyed by what goes into a template, so editing up/down reuses it.
	key=$({ echo "$NODEBB_VERSION $WRITEAPI_VERSION $GUEST_CID $BOT_GROUP"
		declare -f write_ipban_plugin write_local_setup patch_writeapi start_redis build_template; } | md5sum | head -c 12)
	tmpl=$CACHE/template-$NODEBB_VERSION-$key
	if [[ -f $tmpl/secrets ]]; then echo "$tmpl"; return; fi
	mkdir -p "$CACHE"
	exec 9>"$CACHE/lock"
	flock 9
	if [[ ! -f $tmpl/secrets ]]; then
		# Templates of earlier versions of this script, and builds that were
		# killed, unused for an hour.
		find "$CACHE" -maxdepth 1 \( -name 'template-*' -o -name 'build.*' \) -mmin +60 -exec rm -rf {} + 2>/dev/null || true
		build_template "$tmpl"
	fi
	exec 9>&-
	echo "$tmpl"
}

build_template() {
	local tmpl=$1 t0=$SECONDS build nb
	build=$(mktemp -d "$CACHE/build.XXXXXX")
	nb=$build/nodebb
	log "building a forum template in $tmpl (first run: npm install and asset build, 1-2 min)"
	local tgz=$CACHE/nodebb-$NODEBB_VERSION.tgz wtgz=$CACHE/nodebb-plugin-write-api-$WRITEAPI_VERSION.tgz
	mkdir -p "$CACHE/npm"
	if [[ ! -s $tgz ]]; then
		(cd "$CACHE" && npm pack "nodebb@$NODEBB_VERSION" --cache "$CACHE/npm" --silent >/dev/null) || die "npm pack nodebb failed"
	fi
	if [[ ! -s $wtgz ]]; then
		(cd "$CACHE" && npm pack "nodebb-plugin-write-api@$WRITEAPI_VERSION" --cache "$CACHE/npm" --silent >/dev/null) || die "npm pack write-api failed"
	fi
	tar -xzf "$tgz" -C "$build"
	mv "$build/package" "$nb"
	# The npm tarball lacks the upload folders; boot dies on a missing uploads/sounds.
	mkdir -p "$nb"/public/uploads/{category,files,profile,sounds,system}
	write_ipban_plugin "$build/local-ipban"
	# No emoji plugins (they fetch emoji sets from the internet); write-api and the local plugin.
	(cd "$nb" && WAPI="file:$wtgz" IPBAN="file:$build/local-ipban" node -e '
		const fs = require("fs"); const p = JSON.parse(fs.readFileSync("package.json"));
		delete p.dependencies["nodebb-plugin-emoji-extended"]; delete p.dependencies["nodebb-plugin-emoji-one"];
		p.dependencies["nodebb-plugin-write-api"] = process.env.WAPI;
		p.dependencies["nodebb-plugin-local-ipban"] = process.env.IPBAN;
		delete p.devDependencies;
		fs.writeFileSync("package.json", JSON.stringify(p, null, 2));')
	(cd "$nb" && npm install --omit=dev --install-links --prefer-offline --cache "$CACHE/npm" \
		--no-audit --no-fund --loglevel=error >"$build/npm-install.log" 2>&1) ||
		{ tail -n 30 "$build/npm-install.log" >&2; rm -rf "$build"; die "npm install failed"; }
	patch_writeapi "$nb"
	log "installed ($((SECONDS - t0)) s); setting up"

	local adminpw botpw
	adminpw="adm-$(randhex 16)"
	botpw="bot-$(randhex 16)"
	mkdir -p "$build/redis"
	trap 'stop_redis "$build/redis"' EXIT
	start_redis "$build/redis"
	local setup_json
	setup_json=$(RH="$REDIS_HOST" RP="$REDIS_PORT" AP="$adminpw" node -e '
		const e = process.env;
		console.log(JSON.stringify({ url: "http://127.0.0.1:4567", port: "4567", secret: require("crypto").randomUUID(),
			database: "redis", "redis:host": e.RH, "redis:port": e.RP, "redis:password": "", "redis:database": 0,
			"admin:username": "admin", "admin:password": e.AP, "admin:password:confirm": e.AP, "admin:email": "admin@example.invalid" }));')
	if ! (cd "$nb" && NODE_ENV=production node app.js --setup "$setup_json" \
		--defaultPlugins '["nodebb-plugin-write-api","nodebb-plugin-local-ipban"]' \
		</dev/null >"$build/setup.log" 2>&1) || ! grep -q 'NodeBB Setup Completed' "$build/setup.log"; then
		tail -n 30 "$build/setup.log" >&2
		stop_redis "$build/redis"
		rm -rf "$build"
		die "NodeBB setup failed"
	fi
	write_local_setup "$nb/local-setup.js"
	local opts out
	opts=$(BP="$botpw" GC="$GUEST_CID" BG="$BOT_GROUP" node -e '
		const e = process.env;
		console.log(JSON.stringify({ botUser: "patrolbot", botPass: e.BP, botEmail: "patrolbot@example.invalid",
			botGroup: e.BG, guestCid: parseInt(e.GC, 10), adminUser: "admin" }));')
	if ! out=$(cd "$nb" && node local-setup.js "$opts" 2>>"$build/setup.log"); then
		tail -n 30 "$build/setup.log" >&2
		stop_redis "$build/redis"
		rm -rf "$build"
		die "local setup failed"
	fi
	redis_cli SAVE >/dev/null
	cp "$build/redis/dump.rdb" "$build/dump.rdb"
	stop_redis "$build/redis"
	trap - EXIT
	rm -rf "$build/redis"
	mv "$nb/config.json" "$build/config.base.json"
	{
		echo "ADMINPW=$adminpw"
		echo "BOTPW=$botpw"
		echo "$out"
	} >"$build/secrets"
	rm -rf "$tmpl"
	mv -T "$build" "$tmpl" || die "cannot move the template into place"
	log "template ready ($((SECONDS - t0)) s)"
}

# --- up / down ----------------------------------------------------------------------------------
up() {
	local dir=$1 port=${2:-}
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	if alive "$dir/nodebb.pid" app.js && [[ -f $dir/env ]]; then
		cat "$dir/env"
		return
	fi
	need_commands
	down "$dir"
	local tmpl
	tmpl=$(template)
	# A fresh database every time: tests expect an empty forum.
	rm -rf "$dir/redis" "$dir/env" "$dir"/*.log "$dir/config.json"
	mkdir -p "$dir/redis"
	start_redis "$dir/redis" "$tmpl/dump.rdb"

	local tries=1 try
	[[ -n $port ]] || tries=5
	for ((try = 1; try <= tries; try++)); do
		local p=${port:-$(free_port)}
		if boot "$dir" "$tmpl" "$p"; then
			write_env "$dir" "$tmpl" "$p"
			watch_owner "$dir"
			cat "$dir/env"
			return
		fi
		if ! grep -q EADDRINUSE "$dir/nodebb.log" 2>/dev/null; then break; fi
		if [[ -n $port ]]; then
			down "$dir"
			die "port $port is in use"
		fi
		log "port $p taken meanwhile; trying another"
	done
	tail -n 30 "$dir/nodebb.log" >&2 || true
	down "$dir"
	die "NodeBB did not start (log: $dir/nodebb.log)"
}

# boot DIR TEMPLATE PORT starts node app.js from the template's tree with DIR/config.json.
boot() {
	local dir=$1 tmpl=$2 port=$3 url="http://127.0.0.1:$3"
	URL="$url" PORT_="$port" RH="$REDIS_HOST" RP="$REDIS_PORT" node -e '
		const fs = require("fs"); const c = JSON.parse(fs.readFileSync(process.argv[1]));
		c.url = process.env.URL; c.port = process.env.PORT_; c.bind_address = "127.0.0.1";
		c.redis.host = process.env.RH; c.redis.port = process.env.RP;
		c.isCluster = "true"; // no isPrimary: boot writes nothing into the shared tree, runs no jobs
		fs.writeFileSync(process.argv[2], JSON.stringify(c, null, 4));' "$tmpl/config.base.json" "$dir/config.json"
	(
		cd "$tmpl/nodebb"
		NODE_ENV=production setsid node app.js --config="$dir/config.json" </dev/null >"$dir/nodebb.log" 2>&1 &
		echo $! >"$dir/nodebb.pid"
	)
	local i code pid
	pid=$(cat "$dir/nodebb.pid")
	for ((i = 0; i < 600; i++)); do
		# Not alive(): until the fork has exec'd node its cmdline is bash's.
		[[ $(cut -d' ' -f3 "/proc/$pid/stat" 2>/dev/null) =~ ^[RSD]$ ]] || return 1
		code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/api/config" || true)
		if [[ $code == 200 ]] && grep -q "listening on: 127.0.0.1:$port" "$dir/nodebb.log"; then
			return 0
		fi
		sleep 0.1
	done
	return 1
}

# watch_owner DIR: stop the forum in DIR once $TESTFORUM_OWNER ends.
watch_owner() {
	local dir=$1 owner=${TESTFORUM_OWNER:-}
	[[ $owner =~ ^[0-9]+$ ]] || return 0
	(
		exec </dev/null >/dev/null 2>&1
		while kill -0 "$owner" 2>/dev/null && [[ -f $dir/nodebb.pid ]]; do sleep 2; done
		[[ -f $dir/nodebb.pid ]] && bash "${BASH_SOURCE[0]}" down "$dir"
	) &
	echo $! >"$dir/watch.pid"
	disown
}

write_env() {
	local dir=$1 tmpl=$2 port=$3 ADMINPW BOTPW BOT_UID ADMIN_UID BOT_TOKEN
	# shellcheck source=/dev/null
	source "$tmpl/secrets"
	cat >"$dir/env.tmp" <<ENV
FORUM_URL=http://127.0.0.1:$port
FORUM_PORT=$port
FORUM_ADMIN=admin
FORUM_ADMIN_PASSWORD=$ADMINPW
FORUM_ADMIN_UID=$ADMIN_UID
FORUM_BOT=patrolbot
FORUM_BOT_PASSWORD=$BOTPW
FORUM_BOT_UID=$BOT_UID
FORUM_BOT_TOKEN=$BOT_TOKEN
FORUM_GUEST_CID=$GUEST_CID
ENV
	mv "$dir/env.tmp" "$dir/env"
}

down() {
	local dir=$1 pid
	if alive "$dir/nodebb.pid" app.js; then
		# setsid made node a process group leader; the forum is throwaway.
		pid=$(cat "$dir/nodebb.pid")
		kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
		gone "$pid" || true
	fi
	rm -f "$dir/nodebb.pid"
	stop_redis "$dir/redis"
	if alive "$dir/watch.pid" testforum.sh; then
		kill "$(cat "$dir/watch.pid")" 2>/dev/null || true
	fi
	rm -f "$dir/watch.pid"
}

case ${1:-} in
up) [[ $# -ge 2 ]] || die "usage: $0 up DIR [PORT]"; up "$2" "${3:-}" ;;
down) [[ $# -ge 2 ]] || die "usage: $0 down DIR"; down "$2" ;;
*) die "usage: $0 up DIR [PORT] | down DIR" ;;
esac
