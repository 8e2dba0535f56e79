#!/usr/bin/env bash
# testpostgres.sh brings up a throwaway PostgreSQL from Debian's packages for
# wikiwarden's shared-memory tests (package pgmemory, the farm end-to-end
# test) and for trying a farm by hand.
#
#   scripts/testpostgres.sh DIR PORT       create a fresh cluster and serve it on 127.0.0.1:PORT
#   scripts/testpostgres.sh up DIR PORT    the same
#   scripts/testpostgres.sh start DIR      start the cluster of DIR again, on its port, after "stop"
#   scripts/testpostgres.sh stop DIR       stop it, keeping its data (to test an outage)
#   scripts/testpostgres.sh down DIR       stop it and delete its data
#
# "up" prints the DSN and the stop command, and writes DIR/env
# (PG_DSN, PG_PORT, PG_DATA) and DIR/dsn (the DSN alone, for shared.dsn_file).
# The server listens on loopback only, trusts every local connection (it is a
# throwaway) and runs with fsync off.
#
# PostgreSQL refuses to run as root: as root the cluster belongs to the
# "postgres" user of Debian's package, and since DIR may sit in a directory
# that user cannot enter (go test's t.TempDir), the data directory lives under
# $TESTPOSTGRES_CACHE (default $TMPDIR/wikiwarden-testpostgres); DIR/env
# names it. initdb takes about a second, so the first "up" builds a template
# cluster there and later ones copy it.
set -euo pipefail

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
CACHE=${TESTPOSTGRES_CACHE:-${TMPDIR:-/tmp}/wikiwarden-testpostgres}
DB=wikiwarden

die() { echo "testpostgres: $*" >&2; exit 1; }

ensure_packages() {
	if [[ -n $PGBIN && -x $PGBIN/initdb ]]; then
		return
	fi
	command -v apt-get >/dev/null || die "PostgreSQL is missing and apt-get is not available"
	local sudo=()
	[[ $(id -u) -eq 0 ]] || sudo=(sudo)
	echo "testpostgres: installing postgresql" >&2
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >&2
	PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
}

# as runs a command as the cluster's owner: postgres when we are root.
as() {
	if [[ $(id -u) -eq 0 ]]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# prepare_cache makes $CACHE, writable by the cluster's owner.
prepare_cache() {
	mkdir -p "$CACHE"
	if [[ $(id -u) -eq 0 ]]; then
		chown postgres: "$CACHE"
		chmod 0755 "$CACHE"
	fi
}

# template builds $CACHE/template once: an initialised cluster holding the
# database $DB, owned by the superuser $DB.
template() {
	[[ -f $CACHE/template/PG_VERSION && -f $CACHE/template.ok ]] && return
	exec 9>"$CACHE/template.lock"
	flock 9
	[[ -f $CACHE/template/PG_VERSION && -f $CACHE/template.ok ]] && return
	as rm -rf "$CACHE/template" "$CACHE/template.sock"
	as "$PGBIN/initdb" -D "$CACHE/template" -U "$DB" -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
	as mkdir -p "$CACHE/template.sock"
	as "$PGBIN/pg_ctl" -D "$CACHE/template" -w -s -l "$CACHE/template.log" \
		-o "-c listen_addresses='' -c unix_socket_directories=$CACHE/template.sock -c fsync=off" start
	as "$PGBIN/createdb" -h "$CACHE/template.sock" -U "$DB" "$DB"
	as "$PGBIN/pg_ctl" -D "$CACHE/template" -w -s -m fast stop
	as rm -rf "$CACHE/template.sock"
	touch "$CACHE/template.ok"
}

# serve starts the cluster DATA on PORT, logging to DATA/server.log.
serve() {
	local data=$1 port=$2
	as "$PGBIN/pg_ctl" -D "$data" -w -s -t 30 -l "$data/server.log" -o "-c listen_addresses=127.0.0.1 -c port=$port \
-c unix_socket_directories=$data -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
-c shared_buffers=16MB -c max_connections=60 -c log_min_messages=warning" start >&2
}

up() {
	local dir=$1 port=$2
	[[ $port =~ ^[0-9]+$ ]] || die "PORT must be a number, got \"$port\""
	ensure_packages
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	if [[ -f $dir/env ]]; then
		local old
		old=$(sed -n 's/^PG_DATA=//p' "$dir/env")
		[[ -n $old && -f $old/postmaster.pid ]] && die "$dir already has a running cluster; \"$0 down $dir\" first"
	fi
	prepare_cache
	template
	local data
	data=$(as mktemp -d "$CACHE/cluster.XXXXXX")
	as cp -a "$CACHE/template/." "$data/"
	as chmod 0700 "$data"
	serve "$data" "$port"
	local dsn="postgres://$DB@127.0.0.1:$port/$DB?sslmode=disable"
	printf 'PG_DSN=%s\nPG_PORT=%s\nPG_DATA=%s\n' "$dsn" "$port" "$data" >"$dir/env"
	printf '%s\n' "$dsn" >"$dir/dsn"
	echo "$dsn"
	echo "stop with: $0 down $dir" >&2
}

data_of() {
	[[ -f $1/env ]] || die "$1/env not found; start a cluster with \"$0 up $1 PORT\""
	sed -n 's/^PG_DATA=//p' "$1/env"
}

start() {
	local data port
	data=$(data_of "$1")
	port=$(sed -n 's/^PG_PORT=//p' "$1/env")
	serve "$data" "$port"
}

stop() {
	local data
	data=$(data_of "$1")
	if [[ -f $data/postmaster.pid ]]; then
		as "$PGBIN/pg_ctl" -D "$data" -w -s -t 30 -m fast stop >&2 || true
	fi
}

down() {
	[[ -f $1/env ]] || return 0
	local data
	data=$(data_of "$1")
	stop "$1"
	case $data in
	"$CACHE"/cluster.*) as rm -rf "$data" ;;
	esac
	rm -f "$1/env" "$1/dsn"
}

case ${1:-} in
up) [[ $# -eq 3 ]] || die "usage: $0 up DIR PORT"; up "$2" "$3" ;;
start) [[ $# -eq 2 ]] || die "usage: $0 start DIR"; start "$2" ;;
stop) [[ $# -eq 2 ]] || die "usage: $0 stop DIR"; stop "$2" ;;
down) [[ $# -eq 2 ]] || die "usage: $0 down DIR"; down "$2" ;;
*) [[ $# -eq 2 ]] || die "usage: $0 DIR PORT | up DIR PORT | start DIR | stop DIR | down DIR"; up "$1" "$2" ;;
esac
