#!/usr/bin/env bash
# Serve http://127.0.0.1:$PORT and run the worker together; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8000}
.venv/bin/lantoa run_huey --quiet &
worker=$!
trap 'kill $worker 2>/dev/null; wait $worker 2>/dev/null' EXIT INT TERM
echo "Lan Tỏa: http://127.0.0.1:${PORT}/  (Ctrl-C để dừng)"
.venv/bin/lantoa runserver "127.0.0.1:${PORT}" --noreload
