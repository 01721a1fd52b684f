"""Number figures and captioned tables through the book, and give each an id.

A table without a caption is a plain layout table, as in pandoc and LaTeX:
no number and no label, unless the writer gave it an id to link to.
"""

from __future__ import annotations

import dataclasses

from dossier import model as m
from dossier.diagnostics import Report
from dossier.walk import map_tree_topdown


def number_figures_and_tables(doc: m.Document, report: Report) -> m.Document:
    figures = 0
    tables = 0

    def number(node: object) -> object:
        nonlocal figures, tables
        if isinstance(node, m.Figure):
            figures += 1
            return dataclasses.replace(node, number=figures, id=node.id or f"fig-{figures}")
        if isinstance(node, m.Table) and (node.caption or node.id):
            tables += 1
            return dataclasses.replace(node, number=tables, id=node.id or f"tbl-{tables}")
        return node

    return map_tree_topdown(doc, number)  # type: ignore[no-any-return]
