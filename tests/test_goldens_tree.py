"""Each construct sample → a readable dump of the tree, checked by a person."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.dump import dump
from tests.golden import FIXTURES, check_golden, golden_document


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_tree_golden(path: Path, update_goldens: bool) -> None:
    doc, report = golden_document(path)
    actual = dump(doc.chapters[0])
    if report.diagnostics:
        actual += "--- diagnostics\n" + "".join(f"{d}\n" for d in report.diagnostics)
    check_golden(path.with_suffix(".tree"), actual, update_goldens)
