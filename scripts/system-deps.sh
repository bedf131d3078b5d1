#!/usr/bin/env bash
# What the test suite needs from Debian: Chromium for the browser tests, gettext for the
# catalogue check, LibreOffice (with Liberation fonts, metric twins of Times New Roman) for the
# reports' PDF, poppler for looking at PDF pages. Installed when missing (the suite runs as root
# on CI machines).
set -euo pipefail
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v msgfmt >/dev/null || missing+=(gettext)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
fc-list 2>/dev/null | grep -qi "liberation serif" || missing+=(fonts-liberation)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "Cần cài: ${missing[*]} (sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "Cài đặt ${missing[*]} ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
