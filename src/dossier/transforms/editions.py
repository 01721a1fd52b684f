"""Choose the content of an edition: teacher notes only where they belong."""

from __future__ import annotations

import dataclasses

from dossier import model as m
from dossier.walk import map_tree

_BLOCK_HOLDERS = (m.Chapter, m.BlockQuote, m.Callout, m.ListItem, m.Note)


def drop_teacher_notes(doc: m.Document) -> m.Document:
    """Remove `::: teacher` callouts (the briefing, the EPUB, the student handout)."""

    def prune(node: object) -> object:
        if isinstance(node, _BLOCK_HOLDERS):
            kept = tuple(b for b in node.blocks if not _is_teacher(b))
            if len(kept) != len(node.blocks):
                return dataclasses.replace(node, blocks=kept)
        if isinstance(node, m.DefinitionItem):
            defs = tuple(tuple(b for b in d if not _is_teacher(b)) for d in node.definitions)
            if defs != node.definitions:
                return dataclasses.replace(node, definitions=defs)
        return node

    return map_tree(doc, prune)  # type: ignore[no-any-return]


def _is_teacher(block: m.Block) -> bool:
    return isinstance(block, m.Callout) and block.kind is m.CalloutKind.TEACHER
