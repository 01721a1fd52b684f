"""Resolve links between and inside chapters to book-wide ids."""

from __future__ import annotations

import dataclasses

from dossier import model as m
from dossier.diagnostics import Report
from dossier.walk import map_tree, plain_text


def resolve_xrefs(doc: m.Document, report: Report) -> m.Document:
    """Turn every pending `Ref` ("file.md#anchor") into a Ref to a unique id.

    A link whose file is not a chapter of the book, or whose anchor is not
    in that chapter, is reported and kept as its text.
    """
    by_source = {chapter.source: dict(chapter.anchors) for chapter in doc.chapters}

    def resolve(node: object) -> object:
        if not isinstance(node, m.Ref) or "#" not in node.target:
            return node
        source, _, anchor = node.target.partition("#")
        anchors = by_source.get(source)
        if anchors is None:
            report.warn("xref-unknown-file", f"link to {source!r}, which is not a chapter of this book; kept as text", node.pos)
            return _as_text(node)
        target = anchors.get(anchor) or anchors.get(anchor.lower())
        if target is None:
            report.warn("xref-unknown", f"no heading, figure or table with id {anchor!r} in {source}; link kept as text", node.pos)
            return _as_text(node)
        return dataclasses.replace(node, target=target)

    return map_tree(doc, resolve)  # type: ignore[no-any-return]


def _as_text(ref: m.Ref) -> m.Inline:
    """The link's words without the link (one node, since Ref sits in a tuple slot)."""
    if len(ref.children) == 1:
        return ref.children[0]
    return m.Text(text=plain_text(ref.children), pos=ref.pos)
