"""Give chapters, headings, figures and tables book-wide unique ids.

Writers link with the ids they see in a preview of one file (`#talks`,
GitHub's slug of a heading, or an explicit `{#id}`); a book joins many files,
so the same slug may occur twice. Each chapter keeps `anchors`: the local
names mapped to the unique ids, for the xref transform to resolve.
"""

from __future__ import annotations

import dataclasses
import posixpath

from dossier import model as m
from dossier.diagnostics import Report, SourcePos
from dossier.transforms.slugs import ascii_id, github_slug
from dossier.walk import map_tree, plain_text

_IDENTIFIED = (m.Heading, m.Figure, m.Table)


class _IdRegistry:
    def __init__(self, report: Report) -> None:
        self.used: set[str] = set()
        self.report = report

    def claim(self, wanted: str, explicit: bool, pos: SourcePos) -> str:
        ident = wanted
        counter = 0
        while ident in self.used:
            counter += 1
            ident = f"{wanted}-{counter}"
        if explicit and ident != wanted:
            self.report.warn("id-duplicate", f"id {wanted!r} is already used in the book; this one becomes {ident!r}", pos)
        self.used.add(ident)
        return ident


def assign_ids(doc: m.Document, report: Report) -> m.Document:
    registry = _IdRegistry(report)
    # Footnote ids and page ids are generated from fixed prefixes; reserve the
    # chapter ids first so that chapter links keep their natural names.
    chapters = [_chapter_id(chapter, registry) for chapter in doc.chapters]
    return dataclasses.replace(doc, chapters=tuple(_ids_inside(ch, registry) for ch in chapters))


def _chapter_id(chapter: m.Chapter, registry: _IdRegistry) -> m.Chapter:
    title = plain_text(chapter.title)
    stem = posixpath.splitext(posixpath.basename(chapter.source))[0]
    wanted = ascii_id(chapter.id) if chapter.id else ascii_id(title or stem, "chapter")
    ident = registry.claim(wanted, bool(chapter.id), chapter.pos)
    names = {ident: ident, github_slug(title): ident, ascii_id(title, "chapter"): ident, "": ident}
    if chapter.id:
        names[chapter.id] = ident
    return dataclasses.replace(chapter, id=ident, anchors=tuple(names.items()))


def _ids_inside(chapter: m.Chapter, registry: _IdRegistry) -> m.Chapter:
    anchors = dict(chapter.anchors)
    local_counts: dict[str, int] = {}

    def assign(node: object) -> object:
        if not isinstance(node, _IDENTIFIED):
            return node
        if isinstance(node, m.Heading):
            text = plain_text(node.children)
            explicit = node.id
            wanted = ascii_id(explicit) if explicit else ascii_id(text)
            ident = registry.claim(wanted, bool(explicit), node.pos)
            # GitHub numbers repeated slugs within one file: -1, -2, ...
            slug = github_slug(text)
            seen = local_counts.get(slug, 0)
            local_counts[slug] = seen + 1
            for name in (slug if not seen else f"{slug}-{seen}", ascii_id(text) if not seen else "", explicit):
                if name and name not in anchors:
                    anchors[name] = ident
            return dataclasses.replace(node, id=ident)
        if not node.id:  # an uncaptioned table: nothing links to it
            return node
        ident = registry.claim(ascii_id(node.id), True, node.pos)
        anchors.setdefault(node.id, ident)
        return dataclasses.replace(node, id=ident)

    blocks = tuple(map_tree(block, assign) for block in chapter.blocks)
    return dataclasses.replace(chapter, blocks=blocks, anchors=tuple(anchors.items()))
