"""The table of contents: chapters and their headings, nested by level."""

from __future__ import annotations

import dataclasses

from dossier import model as m


def build_toc(doc: m.Document, depth: int = 6) -> m.Document:
    """`depth` counts the chapter as level 1; headings of level n sit at n.

    Only top-level headings of a chapter count (not those inside callouts or
    quotes), as in every book's contents page.
    """
    entries = []
    for chapter in doc.chapters:
        headings = [b for b in chapter.blocks if isinstance(b, m.Heading) and b.level >= 2 and b.level <= depth]
        entries.append(m.TocEntry(level=1, title=chapter.title, target=chapter.id, children=_nest(headings, 2)))
    return dataclasses.replace(doc, toc=tuple(entries))


def _nest(headings: list[m.Heading], level: int) -> tuple[m.TocEntry, ...]:
    """Nest a flat run of headings; a skipped level nests under the last entry."""
    entries: list[m.TocEntry] = []
    index = 0
    while index < len(headings):
        heading = headings[index]
        end = index + 1
        while end < len(headings) and headings[end].level > heading.level:
            end += 1
        children = _nest(headings[index + 1 : end], heading.level + 1)
        entries.append(m.TocEntry(level=heading.level, title=heading.children, target=heading.id, children=children))
        index = end
    return tuple(entries)
