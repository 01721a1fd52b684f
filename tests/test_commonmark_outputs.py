"""The whole CommonMark example set, rendered: its text survives in the PDF and the EPUB.

Each specification section becomes one chapter holding every example of that
section (parsed one by one, so examples cannot run into each other). The test
then checks, chapter by chapter, that the letters of every example's expected
HTML appear in order in the chapter's text as a reader gets it: pypdf's
extraction from the PDF pages of that chapter, and the XHTML of the EPUB.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest

from dossier import model as m
from dossier.diagnostics import Report
from dossier.parse import parse_chapter
from dossier.render.context import RenderContext
from dossier.settings import BookSettings, EpubSettings, PdfSettings
from dossier.transforms import run_pipeline
from dossier.walk import nodes_of_type
from tests.kitchen import png_bytes
from tests.spec_text import missing_from, visible_text_of_html

SPEC = json.loads((Path(__file__).parent / "fixtures" / "commonmark-spec-0.31.2.json").read_text(encoding="utf-8"))
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def spec_book() -> tuple[m.Document, dict[str, str]]:
    """The document, and for each chapter id the expected visible text."""
    by_section: dict[str, list[dict[str, object]]] = defaultdict(list)
    for example in SPEC:
        by_section[str(example["section"])].append(example)
    report = Report()
    chapters = []
    expected: dict[str, str] = {}
    for number, (section, examples) in enumerate(by_section.items(), start=1):
        blocks: list[m.Block] = []
        texts = []
        for example in examples:
            own = Report()
            parsed = parse_chapter("# x\n\n" + str(example["markdown"]), "manuscript/spec.md", own)
            if "html-dropped" in own.codes():
                continue  # raw HTML the book refuses by design
            blocks.append(m.Heading(level=2, children=(m.Text(text=f"Example {example['example']}"),)))
            blocks.extend(parsed.blocks)
            texts.append(f"Example {example['example']} " + visible_text_of_html(str(example["html"])))
        ident = f"spec-{number}"
        chapters.append(m.Chapter(id=ident, title=(m.Text(text=section),), blocks=tuple(blocks), source="manuscript/spec.md"))
        expected[ident] = " ".join(texts)
    doc = m.Document(meta=m.Metadata(title="CommonMark examples", identifier="urn:uuid:00000000-0000-0000-0000-000000000001"), chapters=tuple(chapters))
    keys = sorted({image.resource for image in nodes_of_type(doc, m.Image)})
    doc = m.Document(
        meta=doc.meta,
        chapters=doc.chapters,
        resources=tuple(m.Resource(key=k, media_type="image/png", data=png_bytes(), width=40, height=20) for k in keys),
    )
    return run_pipeline(doc, BookSettings(), report), expected


def context() -> RenderContext:
    return RenderContext(report=Report(), build_time=datetime(2026, 1, 1, tzinfo=UTC))


def test_every_example_survives_in_the_epub(spec_book: tuple[m.Document, dict[str, str]]) -> None:
    from dossier.render.epub import render_epub

    doc, expected = spec_book
    data = render_epub(doc, EpubSettings(), context())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        documents = [archive.read(n) for n in archive.namelist() if n.endswith(".xhtml")]
    text_by_chapter: dict[str, str] = {}
    for raw in documents:
        root = ElementTree.fromstring(raw)
        body = root.find(f"{XHTML}body")
        assert body is not None
        for img in body.iter(f"{XHTML}img"):  # alt text is what a reader gets of an image
            img.tail = " " + (img.get("alt") or "") + " " + (img.tail or "")
        text = " ".join(body.itertext())
        for element in body.iter():
            if element.get("id") in expected:
                text_by_chapter[str(element.get("id"))] = text
    failures = {}
    for ident, want in expected.items():
        assert ident in text_by_chapter, f"chapter {ident} not found in the EPUB"
        lost = missing_from(want, text_by_chapter[ident])
        if lost is not None:
            failures[ident] = lost
    assert not failures, failures


def test_every_example_survives_in_the_pdf(spec_book: tuple[m.Document, dict[str, str]]) -> None:
    from pypdf import PdfReader

    from dossier.render.pdf import render_pdf

    doc, expected = spec_book
    ctx = context()
    reader = PdfReader(io.BytesIO(render_pdf(doc, PdfSettings(), ctx).data))
    # Characters no bundled font has (Malayalam, Kannada in the spec) are
    # reported as glyph-missing instead of printed: expect them reported.
    unprintable = {
        chr(int(code, 16))
        for d in ctx.report.diagnostics
        if d.code == "glyph-missing"
        for code in re.findall(r"U\+([0-9A-F]{4,6})", d.message)
    }
    expected = {k: "".join(c for c in v if c not in unprintable) for k, v in expected.items()}
    pages = [page.extract_text() or "" for page in reader.pages]
    starts = []
    for item in reader.outline:
        if isinstance(item, list):
            continue
        starts.append((item.title, reader.get_destination_page_number(item)))
    titles = {plain.title[0].text: plain.id for plain in doc.chapters}  # type: ignore[union-attr]
    chapter_pages = [(titles[title], page) for title, page in starts if title in titles]
    assert len(chapter_pages) == len(doc.chapters), "every chapter has an outline entry"
    failures = {}
    for index, (ident, first) in enumerate(chapter_pages):
        last = chapter_pages[index + 1][1] if index + 1 < len(chapter_pages) else len(pages)
        text = " ".join(pages[first : max(last, first + 1)])
        lost = missing_from(expected[ident], text)
        if lost is not None:
            failures[ident] = lost
    assert not failures, failures
