"""Each construct sample → expected XHTML (the EPUB chapter body) and expected
PDF text (what pypdf extracts from the body pages). Reviewed by a person;
regenerate with `pytest --update-goldens` and read the diff."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest

from dossier.diagnostics import Report
from dossier.render.context import RenderContext
from dossier.settings import EpubSettings, PdfSettings
from tests.golden import FIXTURES, check_golden, golden_document

XHTML_NS = "http://www.w3.org/1999/xhtml"


def context() -> RenderContext:
    return RenderContext(report=Report(), build_time=datetime(2026, 1, 1, tzinfo=UTC))


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_pdf_text_golden(path: Path, update_goldens: bool) -> None:
    from pypdf import PdfReader

    from dossier.render.pdf import render_pdf

    doc, _ = golden_document(path)
    reader = PdfReader(io.BytesIO(render_pdf(doc, PdfSettings(), context()).data))
    labels = reader.page_labels
    # Body pages only (arabic numbers): the title page and contents would
    # repeat the same text in every golden.
    pages = [p.extract_text() or "" for p, label in zip(reader.pages, labels, strict=True) if label.isdigit()]
    text = "\n\f\n".join(line.rstrip() for line in pages) + "\n"
    check_golden(path.with_suffix(".pdf.txt"), text, update_goldens)


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_xhtml_golden(path: Path, update_goldens: bool) -> None:
    from dossier.render.epub import render_epub

    doc, _ = golden_document(path)
    data = render_epub(doc, EpubSettings(), context())
    chapter_id = doc.chapters[0].id
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if not name.endswith(".xhtml"):
                continue
            raw = archive.read(name).decode("utf-8")
            if f'id="{chapter_id}"' in raw and "<nav" not in raw:
                break
        else:
            raise AssertionError(f"no chapter document with id {chapter_id}")
    body = re.search(r"<body[^>]*>.*</body>", raw, re.DOTALL)
    assert body is not None
    ElementTree.fromstring(raw)  # well-formed
    check_golden(path.with_suffix(".xhtml"), body.group(0) + "\n", update_goldens)
