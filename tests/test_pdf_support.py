"""Shared helpers for the PDF renderer tests (no tests here): render a tree, read it back."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from pypdf import PdfReader

from dossier import model as m
from dossier.diagnostics import Report
from dossier.render.context import RenderContext
from dossier.render.pdf import RenderedPdf, render_pdf
from dossier.settings import PdfSettings

BUILD_TIME = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


@dataclass
class Rendered:
    pdf: RenderedPdf
    report: Report
    reader: PdfReader
    _texts: list[str] = field(default_factory=list)

    def page_text(self, index: int) -> str:
        if not self._texts:
            self._texts.extend(squash(page.extract_text()) for page in self.reader.pages)
        return self._texts[index]

    def all_text(self) -> str:
        return " ".join(self.page_text(i) for i in range(len(self.reader.pages)))

    def pages_with(self, needle: str) -> list[int]:
        return [i for i in range(len(self.reader.pages)) if needle in self.page_text(i)]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def render(doc: m.Document, **settings: object) -> Rendered:
    report = Report()
    pdf = render_pdf(doc, PdfSettings(**settings), RenderContext(report, BUILD_TIME))  # type: ignore[arg-type]
    return Rendered(pdf, report, PdfReader(io.BytesIO(pdf.data)))


def t(text: str) -> m.Text:
    return m.Text(text=text)


def big_document(chapters: int = 5, paragraphs: int = 30, rows: int = 70) -> m.Document:
    """A longer book: many paragraphs, a note in every third, a long table."""
    out = []
    for c in range(chapters):
        blocks: list[m.Block] = []
        for p in range(paragraphs):
            children: list[m.Inline] = [t(f"Chapter {c + 1} paragraph {p + 1}. " + "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. " * 3)]
            if p % 3 == 0:
                note_text = f"Note c{c + 1}p{p + 1}: " + "a longer explanation of the source. " * (1 + p % 4)
                children.append(m.Note(blocks=(m.Paragraph(children=(t(note_text),)),), number=p // 3 + 1, id=f"fn-{c + 1}-{p // 3 + 1}"))
                children.append(t(f" Marker c{c + 1}p{p + 1} follows the note."))
            blocks.append(m.Paragraph(children=tuple(children)))
            if p == 10:
                blocks.append(m.Heading(level=2, children=(t(f"Section {c + 1}.1"),), id=f"s{c + 1}-1"))
        if c == 1:
            blocks.append(
                m.Table(
                    aligns=(m.Align.LEFT, m.Align.LEFT, m.Align.RIGHT),
                    head=(m.TableRow(cells=(m.TableCell(children=(t("Date"),)), m.TableCell(children=(t("What happened"),)), m.TableCell(children=(t("Count"),)))),),
                    body=tuple(
                        m.TableRow(cells=(m.TableCell(children=(t(f"Day {r}"),)), m.TableCell(children=(t("An event described at some length so the cell wraps onto two lines " * (1 + r % 2)),)), m.TableCell(children=(t(str(r * 7)),))))
                        for r in range(rows)
                    ),
                    caption=(t("A long table"),),
                    id="tbl-long",
                    number=1,
                )
            )
        out.append(m.Chapter(id=f"ch{c + 1}", title=(t(f"Chapter {c + 1}"),), source=f"manuscript/{c + 1:02}.md", blocks=tuple(blocks)))
    toc = tuple(
        m.TocEntry(level=1, title=(t(f"Chapter {c + 1}"),), target=f"ch{c + 1}", children=(m.TocEntry(level=2, title=(t(f"Section {c + 1}.1"),), target=f"s{c + 1}-1"),))
        for c in range(chapters)
    )
    return m.Document(meta=m.Metadata(title="A longer book", authors=("A. Writer",)), chapters=tuple(out), toc=toc)
