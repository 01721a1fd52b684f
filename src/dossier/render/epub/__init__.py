"""The EPUB renderer: `Document` → EPUB 3 bytes, valid for EPUBCheck.

One XHTML content document per chapter (`chapter.py`, built from `blocks.py`
and `inline.py`), a navigation document with the nested table of contents,
landmarks and the print page-list (`nav.py`), a cover (`cover.py`), one
stylesheet (`css.py`), the package assembled by ebooklib (`package.py`) and
the zip rewritten to be reproducible (`zipfix.py`).
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Mapping

from dossier import model as m
from dossier.diagnostics import SourcePos
from dossier.render.context import RenderContext
from dossier.render.epub.chapter import PageMarker, chapter_to_xhtml
from dossier.render.epub.cover import CoverImage, cover_page, draw_cover
from dossier.render.epub.css import CssValues, stylesheet
from dossier.render.epub.inline import inline_text
from dossier.render.epub.layout import (
    COVER_PAGE,
    Layout,
    chapter_file,
    plan_layout,
    safe_name,
)
from dossier.render.epub.nav import (
    NavEntry,
    PageEntry,
    first_chapter_href,
    nav_document,
    nav_entries,
)
from dossier.render.epub.package import (
    Accessibility,
    ChapterFile,
    PackageParts,
    package_epub,
)
from dossier.render.epub.zipfix import reproducible_zip
from dossier.render.pages import PageStart
from dossier.settings import EpubSettings
from dossier.walk import nodes_of_type

__all__ = ["CssValues", "render_epub"]

#: The date forms EPUB asks for (W3C date and time: 2026, 2026-11, 2026-11-24, ...).
_W3CDTF = re.compile(r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?")
_CONFIG = SourcePos("dossier.toml")


def render_epub(
    doc: m.Document,
    settings: EpubSettings,
    ctx: RenderContext,
    page_starts: tuple[PageStart, ...] | None = None,
    *,
    css: CssValues | None = None,
) -> bytes:
    """The book as EPUB 3 bytes; the same tree, settings and build time give
    the same bytes. `page_starts` (from the PDF) adds print page markers and a
    page-list; `css` carries theme values into the stylesheet."""
    doc = dataclasses.replace(doc, meta=_checked_meta(doc.meta, ctx))
    layout = plan_layout(doc)
    lang = doc.meta.language
    markers = _page_markers(doc, page_starts or (), ctx)
    chapters = tuple(
        ChapterFile(
            file=chapter_file(index),
            title=inline_text(chapter.title) or chapter.id,
            content=chapter_to_xhtml(chapter, index, lang, layout, markers.get(index, ()), ctx.report),
        )
        for index, chapter in enumerate(doc.chapters)
    )
    pages = tuple(
        PageEntry(label=marker.label, href=f"{chapter_file(index)}#{marker.id}")
        for index in sorted(markers)
        for marker in markers[index]
    )
    entries = nav_entries(doc, settings.toc_depth, layout, ctx.report) or (NavEntry(title="Cover", href=COVER_PAGE),)
    cover = _cover(doc, layout, ctx)
    images = tuple(nodes_of_type(doc, m.Image))
    parts = PackageParts(
        chapters=chapters,
        nav=nav_document(lang, entries, pages, first_chapter_href(doc)),
        cover_page=cover_page(doc.meta, cover.href),
        cover=cover,
        images=tuple(layout.images.values()),
        stylesheet=stylesheet(css or CssValues()),
        entries=entries,
        accessibility=Accessibility(
            has_images=True,  # the cover, at least
            alt_complete=all(image.alt.strip() for image in images),
            page_source=f"the PDF edition of {doc.meta.title}" if pages else "",
        ),
    )
    raw = package_epub(doc.meta, _identifier(doc.meta), parts, ctx.build_time)
    return reproducible_zip(raw, ctx.build_time)


def _checked_meta(meta: m.Metadata, ctx: RenderContext) -> m.Metadata:
    """Metadata EPUBCheck accepts: a title, a language, a W3C date or none."""
    title, date = meta.title, meta.date
    if not title.strip():
        ctx.report.warn("title-missing", "the book has no title; the EPUB is called 'Untitled'", _CONFIG)
        title = "Untitled"
    if date and not _W3CDTF.fullmatch(date.strip()):
        ctx.report.warn("date-invalid", f"date {date!r} is left out of the EPUB: write it as YYYY, YYYY-MM or YYYY-MM-DD", _CONFIG)
        date = ""
    return dataclasses.replace(meta, title=title, date=date.strip(), language=meta.language.strip() or "en")


def _identifier(meta: m.Metadata) -> str:
    """The configured identifier, else one derived from title and authors:
    stable across builds, so readers see a new build as the same book."""
    if meta.identifier:
        return meta.identifier
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'dossier:' + meta.title + '|' + '|'.join(meta.authors))}"


def _cover(doc: m.Document, layout: Layout, ctx: RenderContext) -> CoverImage:
    if doc.meta.cover:
        stored = layout.images.get(doc.meta.cover)
        if stored is not None:
            return CoverImage(href=stored.href, media_type=stored.resource.media_type, data=stored.resource.data)
        ctx.report.warn("cover-missing", f"cover image {doc.meta.cover!r} is not available as PNG, JPEG, GIF or WebP; a cover is drawn instead", _CONFIG)
    return draw_cover(doc.meta)


def _page_markers(doc: m.Document, starts: tuple[PageStart, ...], ctx: RenderContext) -> Mapping[int, tuple[PageMarker, ...]]:
    """Where each print page begins, as markers grouped by chapter, with ids
    unique in the book (`page-12`, or `page-12-2` for a repeated label)."""
    grouped: dict[int, list[PageMarker]] = {}
    used: set[str] = set()
    for start in starts:
        if not 0 <= start.chapter < len(doc.chapters) or not -1 <= start.block < len(doc.chapters[start.chapter].blocks):
            ctx.report.warn("page-start-invalid", f"page {start.label!r} starts at chapter {start.chapter}, block {start.block}, which does not exist", SourcePos(""))
            continue
        base = f"page-{safe_name(start.label, str(len(used) + 1))}"
        marker_id, suffix = base, 2
        while marker_id in used:
            marker_id, suffix = f"{base}-{suffix}", suffix + 1
        used.add(marker_id)
        grouped.setdefault(start.chapter, []).append(PageMarker(label=start.label, id=marker_id, block=start.block))
    return {index: tuple(found) for index, found in grouped.items()}
