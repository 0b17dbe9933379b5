#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster on loopback, then removes it.
# Usage: scripts/with-postgres.sh COMMAND...   (DATABASE_URL is set for COMMAND)
# Needs Debian's postgresql package (installed when missing and we are root).
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >/dev/null
    else
        echo "PostgreSQL is not installed: sudo apt-get install postgresql" >&2; exit 1
    fi
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
port=${PGPORT_TEST:-54329}
dir=$(mktemp -d /tmp/symposium-pg.XXXXXX)
run=()
if [ "$(id -u)" = 0 ]; then
    chown postgres "$dir"
    run=(runuser -u postgres --)
fi
cleanup() { "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT
"${run[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null
"${run[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres symposium
export DATABASE_URL="postgres://postgres@127.0.0.1:$port/symposium"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
"$@"
