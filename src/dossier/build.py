"""The build, one linear pipeline: config → parse → transforms → render → write.

Content problems are collected in the `Report`; if any is an error, nothing
is written, so the previous good outputs stay in place.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier import model as m
from dossier.diagnostics import Report, SourcePos
from dossier.layout_cache import layout_key, load_layout, save_layout
from dossier.output import build_time, write_atomic
from dossier.parse import parse_chapter, typeset_plain
from dossier.project import CONFIG_NAME, Project, load_project
from dossier.render.context import RenderContext
from dossier.render.pages import PageStart
from dossier.resources import load_resources
from dossier.transforms import run_pipeline


class Target(enum.Enum):
    PDF = "pdf"
    EPUB = "epub"


Progress = Callable[[str], None]


@dataclass(slots=True)
class BuildResult:
    report: Report
    written: list[Path] = field(default_factory=list)
    project: Project | None = None


def _no_progress(_: str) -> None:
    return None


def read_chapter(root: Path, source: str, report: Report) -> str | None:
    data = (root / source).read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        report.error("encoding", f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8", SourcePos(source, line))
        return None


def load_document(project: Project, report: Report, progress: Progress = _no_progress) -> m.Document:
    chapters = []
    for source in project.chapters:
        progress(f"parse {source}")
        text = read_chapter(project.root, source, report)
        if text is not None:
            chapters.append(parse_chapter(text, source, report, project.meta.language))
    meta = project.meta
    language = meta.language
    meta = dataclasses.replace(
        meta,
        title=typeset_plain(meta.title, language),
        subtitle=typeset_plain(meta.subtitle, language),
        description=typeset_plain(meta.description, language),
        rights=typeset_plain(meta.rights, language),
    )
    doc = m.Document(meta=meta, chapters=tuple(chapters))
    return load_resources(doc, project.root, report)


def run(
    root: Path,
    *,
    targets: tuple[Target, ...] = (Target.PDF, Target.EPUB),
    out_dir: Path | None = None,
    overrides: dict[str, dict[str, Any]] | None = None,
    progress: Progress = _no_progress,
) -> BuildResult:
    report = Report()
    result = BuildResult(report)
    project = load_project(root, report, overrides)
    if project is None:
        return result
    result.project = project
    ctx = RenderContext(report=report, build_time=build_time())
    source_doc = load_document(project, report, progress)
    progress("transform")
    doc = run_pipeline(source_doc, project.book, report)
    if report.has_errors:
        return result

    outputs: dict[Path, bytes] = {}
    destination = out_dir if out_dir is not None else root / "dist"
    page_starts: tuple[PageStart, ...] | None = None
    key = layout_key(doc, project.pdf, root)
    if Target.PDF in targets:
        from dossier.render.pdf import render_pdf

        progress("render PDF")
        rendered = render_pdf(doc, project.pdf, ctx)
        outputs[destination / f"{project.slug}.pdf"] = rendered.data
        page_starts = rendered.page_starts
    if Target.EPUB in targets:
        from dossier.render.epub import render_epub
        from dossier.render.epub.css import css_values_from_theme
        from dossier.theme.load import ThemeError, load_theme

        if project.epub.page_list and page_starts is None:
            page_starts = load_layout(destination, key)
            if page_starts is None:
                report.warn(
                    "page-list-missing",
                    "no PDF layout of these exact sources is cached, so the EPUB has no print page-list; "
                    "build the PDF in the same run (dossier build, or --to pdf --to epub) to add one",
                    SourcePos(CONFIG_NAME),
                )
        progress("render EPUB")
        pages = page_starts if project.epub.page_list else None
        try:
            # The EPUB's stylesheet follows the PDF theme's colours and faces.
            css = css_values_from_theme(load_theme(project.pdf.theme))
        except ThemeError as error:
            report.error("theme-invalid", str(error), SourcePos(CONFIG_NAME))
            css = None
        outputs[destination / f"{project.slug}.epub"] = render_epub(doc, project.epub, ctx, pages, css=css)
    if report.has_errors:
        return result
    for path, data in outputs.items():
        progress(f"write {path.name}")
        write_atomic(path, data)
        result.written.append(path)
    if Target.PDF in targets and page_starts is not None:
        save_layout(destination, key, page_starts)
    return result
