"""Time each stage of a build on a generated book: `python bench/run.py [chapters]`.

Speed is measured here, never asserted in tests. The book is synthetic but
shaped like a real briefing: sections, footnotes, tables, lists, callouts and
a figure in each chapter. Prints the median of a few runs per stage.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image

from dossier.build import load_document
from dossier.diagnostics import Report
from dossier.project import load_project
from dossier.render.context import RenderContext
from dossier.transforms import run_pipeline

PARAGRAPH = (
    "The residence in San Isidro held several hundred guests when the attack began; "
    "estimates range from 500 to 800, with about 600 most cited.[^n{n}] Negotiations "
    "through the *Red Cross* and a **guarantor commission** went on for weeks, and "
    "[the tunnels](#tunnels-{c}) changed the calculation.\n\n"
)


def make_book(root: Path, chapters: int) -> None:
    (root / "manuscript").mkdir(parents=True)
    (root / "assets").mkdir()
    Image.new("RGB", (800, 450), "#345").save(root / "assets" / "chart.png")
    (root / "dossier.toml").write_text('title = "Benchmark book"\nauthors = ["bench"]\n', encoding="utf-8")
    for c in range(1, chapters + 1):
        parts = [f"# Chapter {c}\n\n::: keyfacts\n- **When:** 1996\n- **Where:** Lima\n:::\n\n"]
        for s in range(6):
            anchor = f" {{#tunnels-{c}}}" if s == 3 else ""
            parts.append(f"## Section {s}{anchor}\n\n")
            parts.extend(PARAGRAPH.format(n=f"{s}-{p}", c=c) for p in range(4))
        parts.append("| Date | Event | Count |\n|:--|:--|--:|\n" + "".join(f"| {d} Dec | Release | {d * 7} |\n" for d in range(1, 25)))
        parts.append("\nTable: Releases\n\n![A chart](../assets/chart.png \"Chart\")\n\n")
        parts.extend(f"[^n{s}-{p}]: Source {s}.{p}, *Publisher*, 1997, <https://example.org/{s}/{p}>.\n" for s in range(6) for p in range(4))
        (root / "manuscript" / f"{c:02d}-chapter.md").write_text("".join(parts), encoding="utf-8")


def timed(label: str, fn: Callable[[], object], runs: int) -> object:
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    print(f"{label:<12} {statistics.median(times) * 1000:9.1f} ms  (median of {runs})")
    return result


def main() -> None:
    chapters = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    runs = 3
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        make_book(root, chapters)
        report = Report()
        project = load_project(root, report)
        assert project is not None, report.diagnostics
        print(f"{chapters} chapters")
        source = timed("parse", lambda: load_document(project, Report()), runs)
        doc = timed("transforms", lambda: run_pipeline(source, project.book, Report()), runs)  # type: ignore[arg-type]
        ctx = RenderContext(report=Report(), build_time=datetime(2026, 1, 1, tzinfo=UTC))
        from dossier.render.epub import render_epub
        from dossier.render.pdf import render_pdf

        rendered = timed("pdf", lambda: render_pdf(doc, project.pdf, ctx), runs)  # type: ignore[arg-type]
        timed("epub", lambda: render_epub(doc, project.epub, ctx, rendered.page_starts), runs)  # type: ignore[arg-type, union-attr]
        print(f"pdf pages    {len(rendered.page_starts):9d}")  # type: ignore[union-attr]


if __name__ == "__main__":
    main()
