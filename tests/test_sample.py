"""The repository's own sample dossier builds cleanly, and its PDF is right
where a reader looks: accents, embedded fonts, an outline of the chapters."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from dossier.build import Target, run
from dossier.walk import plain_text

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[PdfReader, list[str], list[str]]:
    out = tmp_path_factory.mktemp("sample")
    result = run(REPO, targets=(Target.PDF,), out_dir=out)
    diagnostics = [str(d) for d in result.report.diagnostics]
    [pdf] = result.written
    assert result.project is not None
    from dossier.build import load_document

    titles = [plain_text(c.title) for c in load_document(result.project, result.report).chapters]
    return PdfReader(io.BytesIO(pdf.read_bytes())), diagnostics, titles


def test_sample_builds_without_any_diagnostic(built: tuple[PdfReader, list[str], list[str]]) -> None:
    _, diagnostics, titles = built
    assert diagnostics == []
    assert len(titles) >= 7


def test_accented_names_extract_exactly(built: tuple[PdfReader, list[str], list[str]]) -> None:
    reader, _, _ = built
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    for name in ("Túpac Amaru", "Chavín de Huántar", "Néstor Cerpa Cartolini", "Muñante", "Giusti Acuña"):
        assert name in text, name


def test_every_font_is_embedded(built: tuple[PdfReader, list[str], list[str]]) -> None:
    reader, _, _ = built
    fonts = {}
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor_owner = descendants[0].get_object() if descendants else font
            descriptor = descriptor_owner.get("/FontDescriptor")
            embedded = descriptor is not None and any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"])] = embedded
    assert fonts and all(fonts.values()), fonts


def test_outline_lists_the_chapters_with_their_sections(built: tuple[PdfReader, list[str], list[str]]) -> None:
    reader, _, titles = built
    top = [item for item in reader.outline if not isinstance(item, list)]
    nested = [item for item in reader.outline if isinstance(item, list)]
    top_titles = [item.title for item in top]
    for title in titles:
        assert title in top_titles
    assert nested, "sections are nested under chapters"


@pytest.mark.parametrize("theme,paper,duplex", [("print", "letter", True), ("briefing", "letter", False), ("print", "a4", False)])
def test_sample_lays_out_in_every_theme_and_paper(theme: str, paper: str, duplex: bool) -> None:
    """A long table full of notes once made reportlab give up (LayoutError)
    with larger type on letter paper: every combination must lay out."""
    from datetime import UTC, datetime

    from dossier.build import load_document
    from dossier.diagnostics import Report
    from dossier.project import load_project
    from dossier.render.context import RenderContext
    from dossier.render.pdf import render_pdf
    from dossier.settings import PdfSettings
    from dossier.transforms import run_pipeline

    report = Report()
    project = load_project(REPO, report)
    assert project is not None
    doc = run_pipeline(load_document(project, report), project.book, report)
    settings = PdfSettings(theme=theme, paper=paper, duplex=duplex)  # type: ignore[arg-type]
    rendered = render_pdf(doc, settings, RenderContext(report=report, build_time=datetime(2026, 1, 1, tzinfo=UTC)))
    assert [str(d) for d in report.diagnostics] == []
    reader = PdfReader(io.BytesIO(rendered.data))
    width = float(reader.pages[0].mediabox.width)
    assert round(width) == (612 if paper == "letter" else 595)
