"""Blocks bigger than a page still lay out (or fail with a coded error),
never hang and never crash the build."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from dossier import model as m
from dossier.diagnostics import Report
from dossier.parse import parse_chapter
from dossier.render.context import RenderContext
from dossier.render.pdf import render_pdf
from dossier.settings import BookSettings, PdfSettings
from dossier.transforms import run_pipeline

WORDS = " ".join(["word"] * 3000)
CASES = {
    "huge-heading-after-huge-table": f"| {WORDS} | x |\n|---|---|\n| {WORDS} | y |\n\n## Heading {WORDS}\n",
    "huge-callout-title": f"::: note {WORDS}\nbody\n:::\n",
    "huge-block-quote": f"> {WORDS}\n",
    "huge-definition": f"Term\n: {WORDS}\n",
    "huge-footnote": f"text[^1] and more.\n\n[^1]: {WORDS}\n",
    "huge-caption": f"![alt](i.png \"{WORDS}\")\n",
    "many-notes-in-one-paragraph": "".join(f"x[^{i}] " for i in range(300)) + "\n\n" + "".join(f"[^{i}]: note {i}\n" for i in range(300)),
    "long-code-lines": "```\n" + ("x" * 5000 + "\n") * 3 + "```\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_oversized_blocks_lay_out(name: str) -> None:
    report = Report()
    chapter = parse_chapter("# Big\n\n" + CASES[name], "manuscript/big.md", report)
    doc = m.Document(meta=m.Metadata(title="Big"), chapters=(chapter,))
    resources = (m.Resource(key="manuscript/i.png", media_type="image/png", data=_png(), width=40, height=20),)
    doc = run_pipeline(m.Document(meta=doc.meta, chapters=doc.chapters, resources=resources), BookSettings(), report)
    data = render_pdf(doc, PdfSettings(), RenderContext(report=report, build_time=datetime(2026, 1, 1, tzinfo=UTC))).data
    assert not report.has_errors, [str(d) for d in report.errors]
    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    assert text.count("word") >= 3000 or "word" not in CASES[name]


def _png() -> bytes:
    from tests.kitchen import png_bytes

    return png_bytes()
