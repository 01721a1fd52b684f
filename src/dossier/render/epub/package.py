"""The package: ebooklib assembles the OPF (metadata, manifest, spine), the
NCX and the container; the content documents arrive already written."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime

from ebooklib import epub  # type: ignore[import-untyped]

from dossier import __version__
from dossier import model as m
from dossier.render.epub.cover import CoverImage
from dossier.render.epub.layout import COVER_PAGE, NAV, NCX, STYLESHEET, ImageFile
from dossier.render.epub.nav import CONTENTS_TITLE, NavEntry

XHTML_TYPE = "application/xhtml+xml"


@dataclass(frozen=True, slots=True)
class ChapterFile:
    file: str
    title: str
    content: bytes


@dataclass(frozen=True, slots=True)
class Accessibility:
    """What the book offers readers who cannot see it, stated in the OPF."""

    has_images: bool
    alt_complete: bool
    #: The edition the page-list follows, or "" when there is none.
    page_source: str


@dataclass(frozen=True, slots=True)
class PackageParts:
    chapters: tuple[ChapterFile, ...]
    nav: bytes
    cover_page: bytes
    cover: CoverImage
    images: tuple[ImageFile, ...]
    stylesheet: str
    entries: tuple[NavEntry, ...]
    accessibility: Accessibility


def package_epub(meta: m.Metadata, identifier: str, parts: PackageParts, build_time: datetime) -> bytes:
    """The EPUB as ebooklib writes it (entry times still its own; see `zipfix`)."""
    book = epub.EpubBook()
    book.set_unique_metadata("OPF", "generator", "", {"name": "generator", "content": f"dossier {__version__}"})
    book.set_identifier(identifier)
    book.set_language(meta.language)
    _describe(book, meta)
    _accessibility(book, parts.accessibility)

    book.add_item(epub.EpubItem(uid="style", file_name=STYLESHEET, media_type="text/css", content=parts.stylesheet.encode("utf-8")))
    cover_image = epub.EpubCover(uid="cover-image", file_name=parts.cover.href)
    cover_image.media_type = parts.cover.media_type
    cover_image.content = parts.cover.data
    book.add_item(cover_image)
    book.add_metadata(None, "meta", "", {"name": "cover", "content": "cover-image"})
    for number, image in enumerate(parts.images, start=1):
        if image.href != parts.cover.href:
            book.add_item(epub.EpubImage(uid=f"image-{number}", file_name=image.href, media_type=image.resource.media_type, content=image.resource.data))

    cover_page = book.add_item(epub.EpubItem(uid="cover", file_name=COVER_PAGE, media_type=XHTML_TYPE, content=parts.cover_page))
    nav = epub.EpubItem(uid="nav", file_name=NAV, media_type=XHTML_TYPE, content=parts.nav)
    nav.properties = ["nav"]
    book.add_item(nav)
    chapters = [
        book.add_item(epub.EpubItem(uid=chapter.file.removesuffix(".xhtml"), file_name=chapter.file, media_type=XHTML_TYPE, content=chapter.content))
        for chapter in parts.chapters
    ]
    book.add_item(epub.EpubNcx(uid="ncx", file_name=NCX))
    book.spine = [cover_page, nav, *chapters]
    book.toc = _ncx_toc(parts.entries)
    book.guide = [
        {"type": "cover", "href": COVER_PAGE, "title": "Cover"},
        {"type": "toc", "href": NAV, "title": CONTENTS_TITLE},
        *([{"type": "text", "href": parts.chapters[0].file, "title": parts.chapters[0].title}] if parts.chapters else []),
    ]
    buffer = io.BytesIO()
    writer = epub.EpubWriter(buffer, book, {"mtime": _utc(build_time), "epub3_pages": False, "epub3_landmark": False})
    writer.process()
    writer.write()
    return buffer.getvalue()


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def _describe(book: epub.EpubBook, meta: m.Metadata) -> None:
    book.title = meta.title
    book.add_metadata("DC", "title", meta.title, {"id": "title"})
    book.add_metadata(None, "meta", "main", {"refines": "#title", "property": "title-type"})
    if meta.subtitle:
        book.add_metadata("DC", "title", meta.subtitle, {"id": "subtitle"})
        book.add_metadata(None, "meta", "subtitle", {"refines": "#subtitle", "property": "title-type"})
    for number, author in enumerate(meta.authors, start=1):
        book.add_author(author, role="aut", uid=f"creator-{number}")
    for name, value in (("publisher", meta.publisher), ("description", meta.description), ("rights", meta.rights), ("date", meta.date)):
        if value:
            book.add_metadata("DC", name, value)
    for keyword in meta.keywords:
        book.add_metadata("DC", "subject", keyword)


def _accessibility(book: epub.EpubBook, a11y: Accessibility) -> None:
    modes = ["textual", *(["visual"] if a11y.has_images else [])]
    features = ["structuralNavigation", "tableOfContents", "readingOrder"]
    if a11y.has_images and a11y.alt_complete:
        features.append("alternativeText")
    if a11y.page_source:
        features += ["printPageNumbers", "pageBreakMarkers"]
    sufficient = "textual" if a11y.alt_complete or not a11y.has_images else "textual,visual"
    properties: list[tuple[str, str]] = [
        *(("schema:accessMode", mode) for mode in modes),
        ("schema:accessModeSufficient", sufficient),
        *(("schema:accessibilityFeature", feature) for feature in features),
        ("schema:accessibilityHazard", "none"),
        ("schema:accessibilitySummary", _summary(a11y)),
    ]
    if a11y.page_source:
        properties.append(("pageBreakSource", a11y.page_source))
    for prop, value in properties:
        book.add_metadata(None, "meta", value, {"property": prop})


def _summary(a11y: Accessibility) -> str:
    sentences = [
        (
            "Chapters carry a heading hierarchy and are listed in a navigable table of contents; "
            "footnotes link to their text and back; tables mark their header cells."
        )
    ]
    if a11y.has_images:
        sentences.append(
            "Every image has a text alternative." if a11y.alt_complete else "Some images lack a text alternative."
        )
    if a11y.page_source:
        sentences.append(f"Page break markers and a page list follow the pages of {a11y.page_source}.")
    return " ".join(sentences)


def _ncx_toc(entries: tuple[NavEntry, ...], prefix: str = "np") -> list[object]:
    toc: list[object] = []
    for number, entry in enumerate(entries, start=1):
        uid = f"{prefix}-{number}"
        if entry.children:
            toc.append((epub.Section(entry.title, entry.href), _ncx_toc(entry.children, uid)))
        else:
            toc.append(epub.Link(entry.href, entry.title, uid))
    return toc
