# Throwaway PostgreSQL clusters for scripts/crash-test and scripts/load-test
# (sourced, not run). Like the cluster of scripts/test, but durable
# (fsync and synchronous commit on, as in production): a crash test must
# not pass because the database promised less.
#
#   pg_start        installs Debian's postgresql when initdb is missing (as
#                   root or with password-less sudo), makes a cluster in a
#                   new temporary directory, starts it on a free port of
#                   127.0.0.1 trusting local connections only, and sets
#                   pg_url (postgres://postgres@127.0.0.1:PORT/postgres).
#   pg_stop         stops the cluster and removes its directory (call it
#                   from an EXIT trap).
#   pg_new_database NAME  creates a database and prints its URL.

# pg_find_bin prints the directory of PostgreSQL's server programs:
# GENERALIST_PG_BIN if it has them, else the newest under /usr/lib/postgresql.
pg_find_bin() {
	if [ -n "${GENERALIST_PG_BIN:-}" ] && [ -x "$GENERALIST_PG_BIN/initdb" ] && [ -x "$GENERALIST_PG_BIN/pg_ctl" ]; then
		echo "$GENERALIST_PG_BIN"
		return 0
	fi
	local dir
	for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
			echo "$dir"
			return 0
		fi
	done
	return 1
}

# pg_as_root runs its arguments as root (directly, or with password-less sudo).
pg_as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		env "$@"
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
		sudo -n env "$@"
	else
		echo "need root or password-less sudo to run: $*" >&2
		return 1
	fi
}

# apt_install installs Debian packages, waiting up to 5 minutes for the lock.
apt_install() {
	local log
	log=$(mktemp)
	if { pg_as_root apt-get -o DPkg::Lock::Timeout=300 update -qq &&
		pg_as_root DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "$@"; } >"$log" 2>&1; then
		rm -f "$log"
		return 0
	fi
	tail -n 20 "$log" >&2
	rm -f "$log"
	return 1
}

# pg_free_port prints a TCP port of 127.0.0.1 that nothing listens on.
pg_free_port() {
	local port i
	for i in $(seq 50); do
		port=$((20000 + RANDOM % 40000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return 0
		fi
	done
	return 1
}

pg_start() {
	local port try
	if ! pg_bin=$(pg_find_bin); then
		echo "no PostgreSQL server programs found; installing Debian's postgresql"
		apt_install postgresql || return 1
		pg_bin=$(pg_find_bin) || { echo "still no initdb after installing postgresql" >&2; return 1; }
	fi
	pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/generalist-pg.XXXXXX")
	pg_user=()
	if [ "$(id -u)" -eq 0 ]; then
		# initdb and pg_ctl refuse to run as root.
		chown postgres "$pg_dir"
		pg_user=(runuser -u postgres --)
	fi
	${pg_user[@]+"${pg_user[@]}"} "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --locale=C >"$pg_dir/initdb.log" 2>&1 ||
		{ cat "$pg_dir/initdb.log" >&2; return 1; }
	for try in 1 2 3; do
		port=$(pg_free_port) || return 1
		if ${pg_user[@]+"${pg_user[@]}"} "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
			-o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null; then
			pg_url="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
			pg_port=$port
			echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port in $pg_dir (fsync on)"
			return 0
		fi
	done
	tail -n 20 "$pg_dir/server.log" >&2
	return 1
}

pg_stop() {
	if [ -n "${pg_dir:-}" ] && [ -d "$pg_dir" ]; then
		if [ -f "$pg_dir/data/postmaster.pid" ]; then
			${pg_user[@]+"${pg_user[@]}"} "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true
		fi
		rm -rf "$pg_dir"
	fi
}

pg_new_database() {
	"$pg_bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -c "CREATE DATABASE $1" >/dev/null
	echo "postgres://postgres@127.0.0.1:$pg_port/$1?sslmode=disable"
}
