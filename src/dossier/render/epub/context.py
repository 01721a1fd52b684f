"""The small frozen context the XHTML functions pass down (no visitor state)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from dossier import model as m
from dossier.diagnostics import Report
from dossier.render.epub.layout import Layout, safe_name
from dossier.walk import iter_nodes


@dataclass(frozen=True, slots=True)
class NoteAnchor:
    #: The id of the footnote `aside`, and of the reference that points at it.
    id: str
    ref_id: str
    label: str


@dataclass(frozen=True, slots=True)
class XhtmlContext:
    report: Report
    layout: Layout
    #: `id(note)` → its anchors, for every `Note` of the chapter.
    notes: Mapping[int, NoteAnchor]
    #: Inside an `a` element, where another `a` may not open.
    in_link: bool = False


def chapter_notes(chapter: m.Chapter, chapter_number: int) -> tuple[tuple[m.Note, NoteAnchor], ...]:
    """Every note of `chapter` in reading order (notes inside notes included),
    with ids from the tree, or made from its position if a transform left
    them out."""
    found: list[tuple[m.Note, NoteAnchor]] = []
    used: set[str] = set()
    for node in iter_nodes(chapter):
        if not isinstance(node, m.Note):
            continue
        count = len(found) + 1
        base = safe_name(node.id, f"fn-{chapter_number}-{count}")
        anchor_id = base
        suffix = 2
        while anchor_id in used:
            anchor_id = f"{base}-{suffix}"
            suffix += 1
        used.add(anchor_id)
        label = str(node.number) if node.number else str(count)
        found.append((node, NoteAnchor(id=anchor_id, ref_id=f"{anchor_id}-ref", label=label)))
    return tuple(found)
