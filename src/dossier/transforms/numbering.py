"""Number figures and tables through the book, and give each an id."""

from __future__ import annotations

import dataclasses

from dossier import model as m
from dossier.diagnostics import Report
from dossier.walk import map_tree_topdown as map_tree


def number_figures_and_tables(doc: m.Document, report: Report) -> m.Document:
    counts = {m.Figure: 0, m.Table: 0}
    prefixes = {m.Figure: "fig", m.Table: "tbl"}

    def number(node: object) -> object:
        kind = type(node)
        if kind in counts:
            counts[kind] += 1
            ident = node.id or f"{prefixes[kind]}-{counts[kind]}"  # type: ignore[attr-defined]
            return dataclasses.replace(node, number=counts[kind], id=ident)  # type: ignore[type-var]
        return node

    return map_tree(doc, number)  # type: ignore[no-any-return]
