#!/usr/bin/env bash
# Benchmarks on a fresh database: SQLite in a temporary data dir, or DATABASE_URL when set.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d /tmp/lantoa-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export LANTOA_DATA_DIR="$tmp"
export LANTOA_MFA_REQUIRED=0  # the benchmarks time pages, not the second step of signing in
.venv/bin/lantoa migrate --noinput -v0
.venv/bin/lantoa bench "$@"
