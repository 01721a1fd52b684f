"""Helpers shared by golden tests: one construct file → a transformed document."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from dossier import model as m
from dossier.diagnostics import Report
from dossier.parse import parse_chapter
from dossier.settings import BookSettings
from dossier.transforms import run_pipeline
from dossier.walk import nodes_of_type
from tests.kitchen import png_bytes

GOLDEN_DIR = Path(__file__).parent / "goldens"
FIXTURES = sorted(GOLDEN_DIR.glob("*.md"))


def golden_document(path: Path) -> tuple[m.Document, Report]:
    report = Report()
    chapter = parse_chapter(path.read_text(encoding="utf-8"), f"manuscript/{path.name}", report)
    doc = m.Document(meta=m.Metadata(title="Golden sample", language="en", identifier="urn:uuid:00000000-0000-0000-0000-000000000000"), chapters=(chapter,))
    keys = sorted({image.resource for image in nodes_of_type(doc, m.Image)})
    resources = tuple(m.Resource(key=k, media_type="image/png", data=png_bytes(), width=40, height=20) for k in keys)
    doc = dataclasses.replace(doc, resources=resources)
    return run_pipeline(doc, BookSettings(), report, teacher=True), report


def check_golden(expected_path: Path, actual: str, update: bool) -> None:
    if update or not expected_path.exists():
        expected_path.write_text(actual, encoding="utf-8")
        if not update:
            raise AssertionError(f"{expected_path.name} was missing and has been written: review it, then re-run")
        return
    expected = expected_path.read_text(encoding="utf-8")
    assert actual == expected, f"{expected_path.name} differs (re-run with --update-goldens after checking)"
