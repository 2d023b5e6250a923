#!/usr/bin/env bash
# Install the system packages the tests need, if they are missing: a Chromium-family browser (Playwright
# drives the system browser; it never downloads one) and poppler-utils (pdfinfo, pdffonts, pdftotext).
# Uses apt-get, with sudo when not root. Says clearly what to do where it cannot install.
set -euo pipefail

missing=()
browser=""
for candidate in "${CHROME_PATH:-}" "${CHROMIUM_PATH:-}" chromium chromium-browser google-chrome google-chrome-stable; do
  [ -n "$candidate" ] || continue
  if command -v "$candidate" >/dev/null 2>&1 || [ -x "$candidate" ]; then browser="$candidate"; break; fi
done
[ -n "$browser" ] || missing+=(chromium)
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)

[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Saknas: ${missing[*]}. Den här datorn har inte apt-get: installera paketen med datorns pakethanterare" >&2
  echo "(eller sätt CHROME_PATH till en Chromium/Chrome) och kör kommandot igen." >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
  echo "Saknas: ${missing[*]}. Installera med: apt-get install ${missing[*]} (kräver root)." >&2
  exit 1
fi
echo "Installerar ${missing[*]} med apt-get …"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
