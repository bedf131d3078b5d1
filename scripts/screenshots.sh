#!/usr/bin/env bash
# `make screenshots`: the demo ward in a throw-away data directory, served on a free port without
# the second sign-in step, photographed by scripts/screenshots.py into docs/screens/ (or $OUT).
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d)
server=""
stop() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap stop EXIT
trap 'exit 130' INT TERM
unset DATABASE_URL REDIS_URL  # never the real database
export LANTOA_DATA_DIR="$data" MEDIA_ROOT="$data/private" DEBUG=1 LANTOA_MFA_REQUIRED=0
port=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
if ! { .venv/bin/lantoa migrate --noinput && .venv/bin/lantoa load_demo; } >"$data/setup.log" 2>&1; then
  cat "$data/setup.log" >&2
  exit 1
fi
.venv/bin/lantoa runserver "127.0.0.1:$port" --noreload >"$data/server.log" 2>&1 &
server=$!
if ! .venv/bin/python scripts/screenshots.py --base-url "http://127.0.0.1:$port" --out "${OUT:-docs/screens}" "$@"; then
  echo "screenshots: the server's log follows" >&2
  tail -n 40 "$data/server.log" >&2
  exit 1
fi
