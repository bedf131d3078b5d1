#!/usr/bin/env bash
# One line saying what to install when Python >= 3.11 or Node.js >= 18 is missing.
set -u
if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Lan Tỏa cần Python 3.11 trở lên (Debian/Ubuntu: apt-get install python3 python3-venv) — needs Python >= 3.11." >&2
  exit 1
fi
if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
  echo "Lan Tỏa cần gói python3-venv (apt-get install python3-venv) — needs Python's venv module." >&2
  exit 1
fi
major=$(node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/')
if [ -z "$major" ] || [ "$major" -lt 18 ] || ! command -v npm >/dev/null; then
  echo "Lan Tỏa cần Node.js 18 trở lên và npm (apt-get install nodejs npm) — needs Node.js >= 18." >&2
  exit 1
fi
