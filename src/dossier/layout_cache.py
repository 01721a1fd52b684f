"""Remember where the PDF's pages begin, so `--to epub` alone can still carry
the print page-list of the matching PDF edition.

The cache is keyed by everything that shapes the PDF layout: the transformed
document (text, images, ids), the PDF settings, the theme file and dossier's
own version. Any change makes the cache miss; a stale page-list is worse than
none.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from dossier import __version__
from dossier import model as m
from dossier.output import write_atomic
from dossier.render.pages import PageStart
from dossier.settings import PdfSettings

CACHE_NAME = ".dossier-cache/pdf-layout.json"


def layout_key(doc: m.Document, settings: PdfSettings, root: Path) -> str:
    digest = hashlib.sha256()
    digest.update(__version__.encode())
    digest.update(repr(settings).encode())
    theme = Path(settings.theme)
    if settings.theme.endswith(".toml") and theme.is_file():
        digest.update(theme.read_bytes())
    digest.update(repr(doc).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def save_layout(out_dir: Path, key: str, page_starts: tuple[PageStart, ...]) -> None:
    payload = {"key": key, "pages": [[p.label, p.chapter, p.block] for p in page_starts]}
    write_atomic(out_dir / CACHE_NAME, json.dumps(payload).encode("utf-8"))


def load_layout(out_dir: Path, key: str) -> tuple[PageStart, ...] | None:
    path = out_dir / CACHE_NAME
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(payload, dict) or payload.get("key") != key:
        return None
    try:
        return tuple(PageStart(str(label), int(chapter), int(block)) for label, chapter, block in payload["pages"])
    except (KeyError, TypeError, ValueError):
        return None
