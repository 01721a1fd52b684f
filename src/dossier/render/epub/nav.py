"""The navigation document: nested table of contents, landmarks, and the
print page-list; the same entries feed the EPUB 2 NCX (see `package.py`)."""

from __future__ import annotations

from dataclasses import dataclass

from dossier import model as m
from dossier.diagnostics import Report, SourcePos
from dossier.render.epub.inline import inline_text
from dossier.render.epub.layout import COVER_PAGE, NAV, STYLESHEET, Layout, chapter_file
from dossier.render.epub.markup import EPUB_TYPE, Element, document, serialize, sub

CONTENTS_TITLE = "Contents"


@dataclass(frozen=True, slots=True)
class NavEntry:
    title: str
    href: str
    children: tuple[NavEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class PageEntry:
    label: str
    href: str


def nav_entries(doc: m.Document, depth: int, layout: Layout, report: Report) -> tuple[NavEntry, ...]:
    """`doc.toc` down to `depth`, each entry pointing at its file and id; a
    book without a toc lists its chapters."""
    toc = doc.toc or tuple(
        m.TocEntry(level=1, title=chapter.title, target=chapter.id) for chapter in doc.chapters
    )
    return _entries(toc, depth, layout, report)


def _entries(toc: tuple[m.TocEntry, ...], depth: int, layout: Layout, report: Report) -> tuple[NavEntry, ...]:
    found: list[NavEntry] = []
    for entry in toc:
        if entry.level > depth:
            continue
        href = layout.targets.get(entry.target)
        children = _entries(entry.children, depth, layout, report)
        if href is None:
            report.warn("toc-target-unknown", f"table of contents entry points at unknown id {entry.target!r}", SourcePos(""))
            found.extend(children)
            continue
        found.append(NavEntry(title=inline_text(entry.title) or entry.target, href=href, children=children))
    return tuple(found)


def nav_document(
    lang: str,
    entries: tuple[NavEntry, ...],
    pages: tuple[PageEntry, ...],
    first_chapter: str,
) -> bytes:
    html, body = document(lang, CONTENTS_TITLE, STYLESHEET)
    body.set(EPUB_TYPE, "frontmatter")
    toc = sub(body, "nav", {"epub:type": "toc", "role": "doc-toc", "id": "toc"})
    sub(toc, "h1", text=CONTENTS_TITLE)
    _list(toc, entries)

    landmarks = sub(body, "nav", {"epub:type": "landmarks", "id": "landmarks", "hidden": "hidden"})
    sub(landmarks, "h2", text="Landmarks")
    marks = sub(landmarks, "ol")
    for kind, href, title in (
        ("cover", COVER_PAGE, "Cover"),
        ("toc", f"{NAV}#toc", CONTENTS_TITLE),
        ("bodymatter", first_chapter, "Start of content"),
    ):
        sub(sub(marks, "li"), "a", {"epub:type": kind, "href": href}, text=title)

    if pages:
        page_list = sub(body, "nav", {"epub:type": "page-list", "role": "doc-pagelist", "id": "page-list", "hidden": "hidden"})
        sub(page_list, "h2", text="Pages")
        ol = sub(page_list, "ol")
        for page in pages:
            sub(sub(ol, "li"), "a", {"href": page.href}, text=page.label)
    return serialize(html)


def _list(parent: Element, entries: tuple[NavEntry, ...]) -> None:
    ol = sub(parent, "ol")
    for entry in entries:
        li = sub(ol, "li")
        sub(li, "a", {"href": entry.href}, text=entry.title)
        if entry.children:
            _list(li, entry.children)


def first_chapter_href(doc: m.Document) -> str:
    return chapter_file(0) if doc.chapters else COVER_PAGE
