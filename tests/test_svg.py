"""SVG figures: measured, embedded in both outputs, and refused when active."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from dossier.build import run
from dossier.scaffold import create_project
from dossier.svg import SvgProblem, check_svg
from tests.svg_samples import HOSTILE_SVGS, SAFE_SVG


def test_safe_svg_is_measured() -> None:
    size = check_svg(SAFE_SVG)
    assert (size.width, size.height) == (400, 200)
    assert (check_svg(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 10" width="60"/>').height) == 20


@pytest.mark.parametrize("name", sorted(HOSTILE_SVGS))
def test_active_svg_is_refused(name: str) -> None:
    with pytest.raises(SvgProblem):
        check_svg(HOSTILE_SVGS[name])


def project_with(tmp_path: Path, svg: bytes) -> Path:
    root = tmp_path / "p"
    create_project(root)
    (root / "assets" / "chart.svg").write_bytes(svg)
    chapter = root / "manuscript" / "02-syntax.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + '\n![Two bars](../assets/chart.svg "An SVG chart")\n', encoding="utf-8")
    return root


def test_svg_figure_reaches_both_outputs(tmp_path: Path) -> None:
    from pypdf import PdfReader

    result = run(project_with(tmp_path, SAFE_SVG), out_dir=tmp_path / "out")
    assert not result.report.diagnostics, [str(d) for d in result.report.diagnostics]
    pdf = next(p for p in result.written if p.suffix == ".pdf")
    text = "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    assert "Hostages" in text and "An SVG chart" in text  # the SVG's own text is vector text
    epub = next(p for p in result.written if p.suffix == ".epub")
    with zipfile.ZipFile(io.BytesIO(epub.read_bytes())) as archive:
        svgs = [n for n in archive.namelist() if n.endswith(".svg")]
        assert len(svgs) == 1
        opf = next(archive.read(n).decode() for n in archive.namelist() if n.endswith(".opf"))
    assert 'media-type="image/svg+xml"' in opf


def test_hostile_svg_is_an_error_with_file_and_line(tmp_path: Path) -> None:
    root = project_with(tmp_path, HOSTILE_SVGS["script"])
    result = run(root, out_dir=tmp_path / "out")
    assert result.written == []
    [error] = result.report.errors
    lines = (root / "manuscript" / "02-syntax.md").read_text(encoding="utf-8").count("\n")
    assert str(error).startswith(f"manuscript/02-syntax.md:{lines}: error: SVG assets/chart.svg cannot go into the book")
