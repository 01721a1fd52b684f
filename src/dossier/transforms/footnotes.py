"""Number footnotes per chapter or through the book, and give each an id."""

from __future__ import annotations

import dataclasses

from dossier import model as m
from dossier.settings import NoteNumbering
from dossier.walk import map_tree_topdown


def number_notes(doc: m.Document, numbering: NoteNumbering = "chapter") -> m.Document:
    count = 0
    chapters = []
    for index, chapter in enumerate(doc.chapters, start=1):
        if numbering == "chapter":
            count = 0

        def number(node: object, chapter_index: int = index) -> object:
            nonlocal count
            if isinstance(node, m.Note):
                count += 1
                return dataclasses.replace(node, number=count, id=f"fn-{chapter_index}-{count}")
            return node

        chapters.append(map_tree_topdown(chapter, number))
    return dataclasses.replace(doc, chapters=tuple(chapters))
