"""`BookCanvas`: the canvas that remembers where things landed.

It is the one per-render object that sees page numbers, so it records the
pages of headings (for the TOC and the outline), where top-level blocks start
(for the EPUB page-list), where the body begins (folios, page labels) and
which pages are chapter openings or blank. At `save` it draws the TOC's page
numbers into the forms the TOC lines referenced: no second layout pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from dossier.diagnostics import Report, SourcePos
from dossier.render.pages import PageStart

Tag = tuple[int, int]


def roman(number: int) -> str:
    out = []
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


@dataclass(frozen=True, slots=True)
class CanvasSetup:
    report: Report
    build_time: datetime
    title: str
    author: str
    subject: str
    keywords: str
    creator: str = "dossier"


@dataclass(slots=True)
class _Form:
    target: str
    font: str
    size: float
    colour: Color


@dataclass(slots=True)
class PageRecord:
    """What the canvas learnt, page by page (1-based absolute numbers)."""

    anchors: dict[str, int] = field(default_factory=dict)
    starts: dict[int, Tag] = field(default_factory=dict)
    continuing: dict[int, Tag] = field(default_factory=dict)
    seen: set[Tag] = field(default_factory=set)
    chapter_titles: dict[int, str] = field(default_factory=dict)
    openings: set[int] = field(default_factory=set)
    blanks: set[int] = field(default_factory=set)
    body_first: int = 0
    last_tag: Tag | None = None


class BookCanvas(Canvas):
    def __init__(self, filename: Any, *args: Any, setup: CanvasSetup, **kwargs: Any) -> None:
        kwargs["invariant"] = 1
        super().__init__(filename, *args, **kwargs)
        self.setup = setup
        self.record = PageRecord()
        self._forms: dict[str, _Form] = {}
        self._outline_level = -1
        self._chapter_title = ""
        stamp = setup.build_time.astimezone(UTC) if setup.build_time.tzinfo else setup.build_time
        self.setDateFormatter(lambda *_: stamp.strftime("D:%Y%m%d%H%M%S+00'00'"))
        self.setTitle(setup.title)
        self.setAuthor(setup.author)
        self.setSubject(setup.subject)
        self.setKeywords(setup.keywords)
        self.setCreator(setup.creator)
        self.setProducer("dossier (reportlab)")

    # ----------------------------------------------------------- recording

    def mark(self, event: str) -> None:
        page = self.getPageNumber()
        match event:
            case "body-start":
                self.record.body_first = page
            case "blank":
                self.record.blanks.add(page)
            case _:
                raise ValueError(f"unknown canvas event {event!r}")

    def mark_heading(self, anchor: str, title: str, level: int) -> None:
        page = self.getPageNumber()
        self.record.anchors[anchor] = page
        if level == 0:
            self._chapter_title = title
            self.record.openings.add(page)
        level = max(0, min(level, self._outline_level + 1))
        self._outline_level = level
        self.addOutlineEntry(title, anchor, level=level, closed=level >= 1)

    def mark_outline(self, anchor: str, title: str) -> None:
        """A top-level outline entry for front matter (the contents)."""
        self.bookmarkPage(anchor)
        self.addOutlineEntry(title, anchor, level=0)
        self._outline_level = 0

    def place_tags(self, tags: tuple[Tag, ...]) -> None:
        page = self.getPageNumber()
        for tag in tags:
            if tag not in self.record.seen:
                self.record.seen.add(tag)
                self.record.starts.setdefault(page, tag)
            self.record.last_tag = tag

    def page_started(self) -> None:
        """Called at the top of every page: what continues from before."""
        if self.record.last_tag is not None:
            self.record.continuing[self.getPageNumber()] = self.record.last_tag

    def chapter_title(self) -> str:
        return self._chapter_title

    def request_page_form(self, form: str, target: str, font: str, size: float, colour: Color) -> None:
        self._forms[form] = _Form(target, font, size, colour)

    # --------------------------------------------------------------- pages

    def label(self, page: int) -> str:
        first = self.record.body_first
        return str(page - first + 1) if first and page >= first else roman(page)

    def page_starts(self, last_page: int) -> tuple[PageStart, ...]:
        first = self.record.body_first
        if not first:
            return ()
        out = []
        for page in range(first, last_page + 1):
            tag = self.record.starts.get(page) or self.record.continuing.get(page)
            if tag is not None:
                out.append(PageStart(self.label(page), tag[0], tag[1]))
        return tuple(out)

    def save(self) -> None:
        for name, form in self._forms.items():
            page = self.record.anchors.get(form.target)
            if page is None:
                self.setup.report.warn("toc-target-missing", f"contents entry points at {form.target!r}, which the PDF never printed", SourcePos(""))
            self.beginForm(name, lowerx=-200, lowery=-form.size, upperx=0, uppery=form.size * 1.5)
            self.setFont(form.font, form.size)
            self.setFillColor(form.colour)
            self.drawRightString(0, 0, self.label(page) if page else "?")
            self.endForm()
        self.addPageLabel(0, "ROMAN_LOWER", 1)
        if self.record.body_first:
            self.addPageLabel(self.record.body_first - 1, "ARABIC", 1)
        super().save()
