#!/usr/bin/env bash
# Render the README's pictures from the real outputs of `dossier build`:
# PDF pages with pdftoppm (Debian poppler-utils), an EPUB chapter with
# headless Chromium (Debian chromium). Run from the repository root after a
# build: scripts/docs_pictures.sh
set -euo pipefail
pdf=$(ls dist/*.pdf | head -1)
epub=$(ls dist/*.epub | head -1)
mkdir -p docs
page_of() {  # the physical page whose printed label is $1
    python3 - "$pdf" "$1" <<'PY'
import sys
from pypdf import PdfReader
reader = PdfReader(sys.argv[1])
print(reader.page_labels.index(sys.argv[2]) + 1)
PY
}
shot() {  # label name
    local n; n=$(page_of "$1")
    pdftoppm -png -r 70 -f "$n" -l "$n" -singlefile "$pdf" "docs/$2"
}
export PATH="$PWD/.venv/bin:$PATH"
pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$pdf" docs/pdf-title
shot ii pdf-contents
shot 1 pdf-chapter
shot 12 pdf-figure
tmp=$(mktemp -d)
(cd "$tmp" && unzip -q "$OLDPWD/$epub")
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d)" --hide-scrollbars --window-size=720,1000 \
    --screenshot="$PWD/docs/epub-chapter.png" "file://$tmp/EPUB/ch03.xhtml" 2>/dev/null
ls -la docs
