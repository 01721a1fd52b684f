"""One chapter → one XHTML content document: title, blocks, print page
markers, and its footnotes as EPUB 3 `aside`s at the end."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from dossier import model as m
from dossier.diagnostics import Report
from dossier.render.epub.blocks import blocks_to_xhtml
from dossier.render.epub.context import NoteAnchor, XhtmlContext, chapter_notes
from dossier.render.epub.inline import inline_text, inlines_to_xhtml
from dossier.render.epub.layout import STYLESHEET, Layout
from dossier.render.epub.markup import (
    EPUB_TYPE,
    XHTML,
    Element,
    document,
    el,
    serialize,
    sub,
)


@dataclass(frozen=True, slots=True)
class PageMarker:
    """A print page starting before top-level block `block` (-1: the title)."""

    label: str
    id: str
    block: int


def chapter_to_xhtml(
    chapter: m.Chapter,
    index: int,
    lang: str,
    layout: Layout,
    markers: tuple[PageMarker, ...],
    report: Report,
) -> bytes:
    notes = chapter_notes(chapter, index + 1)
    ctx = XhtmlContext(
        report=report,
        layout=layout,
        notes=MappingProxyType({id(note): anchor for note, anchor in notes}),
    )
    title = inline_text(chapter.title)
    html, body = document(lang, title or chapter.id, STYLESHEET)
    body.set(EPUB_TYPE, "bodymatter")
    section = sub(body, "section", {"epub:type": "chapter", "role": "doc-chapter", "id": chapter.id})
    by_block = _markers_by_block(markers)
    _page_markers(section, by_block.get(-1, ()))
    if not chapter.title:
        report.warn("chapter-title-missing", f"chapter {chapter.id!r} has no title", chapter.pos)
    inlines_to_xhtml(sub(section, "h1"), chapter.title or (m.Text(text=chapter.id),), ctx)
    for number, element in enumerate(blocks_to_xhtml(chapter.blocks, ctx)):
        _page_markers(section, by_block.get(number, ()))
        section.append(element)
    if notes:
        footnotes = sub(section, "div", {"class": "footnotes"})
        for note, anchor in notes:
            footnotes.append(_footnote(note, anchor, ctx))
    return serialize(html)


def _markers_by_block(markers: tuple[PageMarker, ...]) -> Mapping[int, tuple[PageMarker, ...]]:
    grouped: dict[int, tuple[PageMarker, ...]] = {}
    for marker in markers:
        grouped[marker.block] = (*grouped.get(marker.block, ()), marker)
    return grouped


def _page_markers(parent: Element, markers: tuple[PageMarker, ...]) -> None:
    for marker in markers:
        sub(
            parent,
            "span",
            {"epub:type": "pagebreak", "role": "doc-pagebreak", "id": marker.id, "aria-label": marker.label, "class": "pagebreak"},
        )


def _footnote(note: m.Note, anchor: NoteAnchor, ctx: XhtmlContext) -> Element:
    """`<aside epub:type="footnote">` whose number links back to the reference."""
    aside = el("aside", {"epub:type": "footnote", "role": "doc-footnote", "id": anchor.id, "class": "footnote"})
    for child in blocks_to_xhtml(note.blocks, ctx):
        aside.append(child)
    back = el("a", {"href": f"#{anchor.ref_id}", "role": "doc-backlink", "class": "backlink"}, text=anchor.label)
    first = aside[0] if len(aside) and aside[0].tag == f"{{{XHTML}}}p" else None
    if first is None:
        first = el("p")
        aside.insert(0, first)
    back.tail = " " + (first.text or "")
    first.text = None
    first.insert(0, back)
    return aside
