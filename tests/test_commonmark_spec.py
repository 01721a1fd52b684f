"""Every CommonMark 0.31.2 example parses, and its visible text survives in the tree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier import model as m
from dossier.diagnostics import Report
from dossier.parse import parse_chapter
from dossier.walk import iter_nodes
from tests.spec_text import missing_from, visible_text_of_html

SPEC = json.loads((Path(__file__).parent / "fixtures" / "commonmark-spec-0.31.2.json").read_text(encoding="utf-8"))


def tree_text(node: object) -> str:
    parts = []
    for found in iter_nodes(node):
        match found:
            case m.Text(text=text) | m.Code(text=text) | m.CodeBlock(text=text):
                parts.append(text)
            case m.Image(alt=alt):
                parts.append(alt)
    return " ".join(parts)


def spec_chapter(example: dict[str, object]) -> tuple[m.Chapter, Report]:
    report = Report()
    # A chapter title first, so that the example's own first heading stays in the body.
    source = "# Example\n\n" + str(example["markdown"])
    return parse_chapter(source, "manuscript/spec.md", report), report


@pytest.mark.parametrize("example", SPEC, ids=[f"{e['example']}-{e['section']}" for e in SPEC])
def test_spec_example_text_survives(example: dict[str, object]) -> None:
    chapter, report = spec_chapter(example)
    if "html-dropped" in report.codes():
        pytest.skip("holds raw HTML the book refuses by design (script, style, textarea...)")
    lost = missing_from(visible_text_of_html(str(example["html"])), tree_text(chapter))
    assert lost is None, f"text lost: {lost!r}\nmarkdown: {example['markdown']!r}"
