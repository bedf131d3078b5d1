#!/usr/bin/env bash
# Run a command against PostgreSQL 15: installs Debian's server if absent, starts a throw-away
# cluster on a local port, points DATABASE_URL at it, runs "$@", and removes the cluster.
#   scripts/with-postgres.sh .venv/bin/pytest -q
set -euo pipefail
cd "$(dirname "$0")/.."
PGPORT=${PGPORT:-54329}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "Cài PostgreSQL (postgresql-15) ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null
  PGBIN=/usr/lib/postgresql/15/bin
fi
DATA=$(mktemp -d /tmp/lantoa-pg.XXXXXX)
chown postgres:postgres "$DATA"
as_pg() { runuser -u postgres -- "$@"; }
as_pg "$PGBIN/initdb" -D "$DATA/data" --auth=trust --encoding=UTF8 --locale=C.UTF-8 -U postgres >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$DATA/data" -o "-p $PGPORT -k $DATA -c listen_addresses=127.0.0.1 -c fsync=off" \
  -l "$DATA/server.log" -w start >/dev/null
trap 'as_pg "$PGBIN/pg_ctl" -D "$DATA/data" -m immediate stop >/dev/null 2>&1; rm -rf "$DATA"' EXIT
as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE lantoa" >/dev/null
export DATABASE_URL="postgres://postgres@127.0.0.1:${PGPORT}/lantoa"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') trên cổng ${PGPORT}"
"$@"
