#!/usr/bin/env bash
# Known vulnerabilities in the pinned dependencies (issue 12, item 9): pip-audit over
# requirements.lock and requirements-dev.lock, failing on any finding and on any package it
# cannot look up (--strict). pip-audit lives in its own virtualenv so its dependencies never
# mix with the application's.
#
# The vulnerability database (PyPI's JSON API, or OSV) must be reachable. Where it is not — a
# machine that sees only a package mirror — the script says so loudly and exits 0 under CI, 3
# otherwise: nothing was checked, and nothing is reported as checked.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOL=.venv-audit
if [ ! -x "$TOOL/bin/pip-audit" ]; then
    python3 -m venv "$TOOL"
    "$TOOL/bin/pip" install --quiet "pip-audit==2.10.1"
fi
if ! curl -fsS -o /dev/null --max-time 20 https://pypi.org/pypi/pip/24.0/json; then
    echo "!! pip-audit NOT RUN: the vulnerability database (https://pypi.org/pypi/<name>/<version>/json)"
    echo "!! is not reachable from this machine. Run 'make audit' where it is."
    [ -n "${CI:-}" ] && exit 0 || exit 3
fi
for lock in requirements.lock requirements-dev.lock; do
    echo "== pip-audit $lock =="
    "$TOOL/bin/pip-audit" --strict --no-deps --disable-pip -r "$lock"
done
