#!/usr/bin/env bash
# testwiki.sh brings up a throwaway MediaWiki (SQLite, php -S) for wikiwarden's
# end-to-end tests and for trying the bot by hand.
#
#   scripts/testwiki.sh up DIR [PORT]   create a fresh wiki in DIR and serve it
#   scripts/testwiki.sh down DIR        stop the server started by "up"
#
# "up" prints and writes DIR/env (WIKI_API, WIKI_USER, WIKIWARDEN_PASSWORD,
# WIKI_ADMIN, WIKI_ADMIN_PASSWORD, WIKI_PORT), DIR/server.pid and
# DIR/access.log (php's request log: one "[status]: METHOD /path" line per
# request). "up" on a DIR whose server is still running just prints DIR/env.
#
# TESTWIKI_SETTINGS, if set, names a PHP file appended to DIR/LocalSettings.php
# before the server starts, for tests that need other settings
# ($wgBlockCIDRLimit, ...). Change settings this way, not by editing
# LocalSettings.php of a running wiki: php -S caches compiled files in opcache,
# and a file rewritten within the second it was compiled keeps its old mtime,
# so the old settings can be served for as long as the server runs.
#
# The wiki trusts X-Forwarded-For from 127.0.0.1, lets anonymous users edit and
# has no rate limits, so tests can play a botnet of many IPs. Accounts: Admin
# (sysop, bureaucrat) and Warden (sysop, bot) with bot password "patrol".
#
# install.php plus the account scripts take ~1.6s, so the first "up" builds a
# pristine template under $TESTWIKI_CACHE (default $TMPDIR/wikiwarden-testwiki)
# and later ones copy its SQLite files. The template, and so the passwords, are
# shared by all wikis on the machine; they are throwaway wikis on 127.0.0.1.
set -euo pipefail
if [[ -n ${TESTWIKI_TRACE:-} ]]; then PS4='+ ${EPOCHREALTIME} '; set -x; fi

MW=${MW_DIR:-/usr/share/mediawiki}
CACHE=${TESTWIKI_CACHE:-${TMPDIR:-/tmp}/wikiwarden-testwiki}
GRANTS=basic,highvolume,editpage,editprotected,editsiteconfig,createeditmovepage,rollback,blockusers,protect,patrol,delete

die() { echo "testwiki: $*" >&2; exit 1; }

ensure_packages() {
	if [[ -f $MW/maintenance/install.php ]] && command -v php >/dev/null &&
		php -r 'exit(extension_loaded("pdo_sqlite") ? 0 : 1);' 2>/dev/null; then
		return
	fi
	command -v apt-get >/dev/null || die "MediaWiki is missing and apt-get is not available"
	local sudo=()
	[[ $(id -u) -eq 0 ]] || sudo=(sudo)
	echo "testwiki: installing mediawiki php-cli php-sqlite3" >&2
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -q --no-install-recommends mediawiki php-cli php-sqlite3 >&2
}

free_port() {
	php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); $n = stream_socket_get_name($s, false); echo substr($n, strrpos($n, ":") + 1);'
}

alive() {
	[[ -f $1/server.pid ]] && kill -0 "$(cat "$1/server.pid")" 2>/dev/null
}

randhex() { head -c 64 /dev/urandom | od -An -tx1 | tr -d ' \n' | head -c "$1"; }

# write_settings DIR SERVER PORT L10NDIR turns the LocalSettings.php written by
# install.php (TEMPLATE/LocalSettings.base.php) into DIR/LocalSettings.php.
write_settings() {
	local tmpl=$1 dir=$2 server=$3 port=$4
	sed -e "s|^\$wgServer = .*|\$wgServer = \"$server\";|" \
		-e "s|^\$wgSQLiteDataDir = .*|\$wgSQLiteDataDir = \"$dir/data\";|" \
		"$tmpl/LocalSettings.base.php" >"$dir/LocalSettings.php.new"
	cat >>"$dir/LocalSettings.php.new" <<PHP

# --- wikiwarden test settings ---
# Wikis on other ports of 127.0.0.1 share the cookie namespace.
\$wgCookiePrefix = "testwiki$port";
# The localisation cache is the same for every test wiki; CDB files are
# written to a temporary file and renamed, so sharing it is safe.
\$wgCacheDirectory = "$CACHE/l10n";
\$wgDBerrorLog = "$dir/dberror.log";
\$wgDebugLogGroups = [ 'exception' => "$dir/exception.log", 'error' => "$dir/error.log", 'fatal' => "$dir/fatal.log" ];
\$wgShowExceptionDetails = true;
\$wgEnableEmail = false;
\$wgEnableUploads = false;
# Editor IPs come from X-Forwarded-For set by the tests.
\$wgCdnServersNoPurge = [ '127.0.0.1' ];
\$wgUsePrivateIPs = true;
\$wgGroupPermissions['*']['edit'] = true;
\$wgGroupPermissions['*']['createpage'] = true;
\$wgGroupPermissions['*']['createtalk'] = true;
\$wgRateLimits = [];
\$wgEnableBotPasswords = true;
# No caching: every request sees the database as it is.
\$wgMainCacheType = CACHE_NONE;
\$wgParserCacheType = CACHE_NONE;
\$wgMessageCacheType = CACHE_NONE;
\$wgSessionCacheType = CACHE_DB;
\$wgCachePages = false;
\$wgUseFileCache = false;
\$wgEnableSidebarCache = false;
\$wgJobRunRate = 0;
# SpamBlacklist ships with MediaWiki; only the wiki's own
# MediaWiki:Spam-blacklist page is used (no fetch from Wikimedia). Loaded
# from the start so that the shared localisation cache holds its messages.
wfLoadExtension( 'SpamBlacklist' );
\$wgBlacklistSettings = [ 'spam' => [ 'files' => [] ] ];
PHP
	if [[ -n ${TESTWIKI_SETTINGS:-} ]]; then
		[[ -r $TESTWIKI_SETTINGS ]] || die "TESTWIKI_SETTINGS: cannot read $TESTWIKI_SETTINGS"
		printf '\n# --- TESTWIKI_SETTINGS (%s) ---\n' "$TESTWIKI_SETTINGS" >>"$dir/LocalSettings.php.new"
		cat "$TESTWIKI_SETTINGS" >>"$dir/LocalSettings.php.new"
	fi
	mv "$dir/LocalSettings.php.new" "$dir/LocalSettings.php"
}

# template prints the directory of a pristine installed wiki, building it if
# needed. Concurrent builders race harmlessly: each builds in its own
# directory and the first rename wins.
template() {
	local version key tmpl build
	version=$(sed -n "s/^define( 'MW_VERSION', '\(.*\)' );/\1/p" "$MW/includes/Defines.php")
	key=$(cat "${BASH_SOURCE[0]}" | md5sum | head -c 12)
	tmpl=$CACHE/template-$version-$key
	if [[ -f $tmpl/secrets ]]; then
		echo "$tmpl"
		return
	fi
	mkdir -p "$CACHE/l10n"
	build=$(mktemp -d "$CACHE/build.XXXXXX")
	mkdir -p "$build/data"
	local adminpw botpw
	adminpw="Adm-$(randhex 20)"
	botpw=$(randhex 32)
	php "$MW/maintenance/install.php" --quiet \
		--dbtype sqlite --dbpath "$build/data" --dbname wiki \
		--confpath "$build" --server "http://127.0.0.1:1" --scriptpath "" \
		--lang en --pass "$adminpw" TestWiki Admin >"$build/install.log" 2>&1 ||
		{ cat "$build/install.log" >&2; rm -rf "$build"; die "install.php failed"; }
	mv "$build/LocalSettings.php" "$build/LocalSettings.base.php"
	TESTWIKI_SETTINGS='' write_settings "$build" "$build" "http://127.0.0.1:1" 1
	php "$MW/maintenance/createAndPromote.php" --conf "$build/LocalSettings.php" \
		--sysop --bot Warden "Wrd-$(randhex 20)" >>"$build/install.log" 2>&1 ||
		{ cat "$build/install.log" >&2; rm -rf "$build"; die "createAndPromote.php failed"; }
	php "$MW/maintenance/createBotPassword.php" --conf "$build/LocalSettings.php" \
		--appid patrol --grants "$GRANTS" Warden "$botpw" >>"$build/install.log" 2>&1 ||
		{ cat "$build/install.log" >&2; rm -rf "$build"; die "createBotPassword.php failed"; }
	printf 'ADMINPW=%s\nBOTPW=%s\n' "$adminpw" "$botpw" >"$build/secrets"
	if ! mv -T "$build" "$tmpl" 2>/dev/null; then
		rm -rf "$build"
	fi
	[[ -f $tmpl/secrets ]] || die "template $tmpl is incomplete"
	echo "$tmpl"
}

up() {
	local dir=$1 port=${2:-}
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	if alive "$dir" && [[ -f $dir/env ]]; then
		cat "$dir/env"
		return
	fi
	ensure_packages
	local tmpl
	tmpl=$(template)
	[[ -n $port ]] || port=$(free_port)
	local server="http://127.0.0.1:$port"

	# A fresh database every time: tests expect an empty wiki.
	rm -rf "$dir/data" "$dir/env" "$dir/access.log" "$dir/server.pid" "$dir"/*.log
	mkdir -p "$dir/data"
	cp "$tmpl"/data/*.sqlite "$dir/data/"
	write_settings "$tmpl" "$dir" "$server" "$port"

	local ADMINPW BOTPW
	# shellcheck source=/dev/null
	source "$tmpl/secrets"
	cat >"$dir/env" <<ENV
WIKI_API=$server/api.php
WIKI_USER=Warden@patrol
WIKIWARDEN_PASSWORD=$BOTPW
WIKI_ADMIN=Admin
WIKI_ADMIN_PASSWORD=$ADMINPW
WIKI_PORT=$port
ENV

	# MW_CONFIG_FILE points MediaWiki's entry points at DIR/LocalSettings.php
	# without touching the Debian symlink in $MW. setsid makes the server a
	# process group leader so "down" stops its workers too. opcache, which is
	# on for php -S unlike plain php-cli, is told to check files' mtimes on
	# every request instead of every 2 seconds; that narrows, but cannot
	# close, the window in which a rewritten file is served stale (mtimes have
	# one-second resolution), hence TESTWIKI_SETTINGS.
	(
		cd "$dir"
		MW_CONFIG_FILE="$dir/LocalSettings.php" PHP_CLI_SERVER_WORKERS=${PHP_CLI_SERVER_WORKERS:-4} \
			setsid php -d opcache.validate_timestamps=1 -d opcache.revalidate_freq=0 \
			-S "127.0.0.1:$port" -t "$MW" >>"$dir/server.log" 2>>"$dir/access.log" </dev/null &
		echo $! >"$dir/server.pid"
	)

	local i
	for ((i = 0; i < 300; i++)); do
		if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			break
		fi
		alive "$dir" || { cat "$dir/access.log" >&2; die "php -S exited"; }
		sleep 0.02
	done
	if php -d default_socket_timeout=30 -r '$r = @file_get_contents($argv[1]); exit($r !== false && strpos($r, "\"sitename\":\"TestWiki\"") !== false ? 0 : 1);' \
		"$server/api.php?action=query&meta=siteinfo&format=json&formatversion=2"; then
		cat "$dir/env"
		return
	fi
	down "$dir"
	die "api.php did not answer on $server (see $dir/access.log and $dir/*.log)"
}

down() {
	local dir=$1
	[[ -f $dir/server.pid ]] || return 0
	local pid
	pid=$(cat "$dir/server.pid")
	# php -S takes over a second to wind down its workers on SIGTERM; the wiki
	# is throwaway and SQLite is transactional, so SIGKILL is fine.
	kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
	local i
	for ((i = 0; i < 100; i++)); do
		# Gone, or a zombie waiting for init to reap it.
		local state
		state=$(cut -d' ' -f3 "/proc/$pid/stat" 2>/dev/null) || break
		[[ $state == Z ]] && break
		sleep 0.01
	done
	rm -f "$dir/server.pid"
}

case ${1:-} in
up) [[ $# -ge 2 ]] || die "usage: $0 up DIR [PORT]"; up "$2" "${3:-}" ;;
down) [[ $# -ge 2 ]] || die "usage: $0 down DIR"; down "$2" ;;
*) die "usage: $0 up DIR [PORT] | down DIR" ;;
esac
