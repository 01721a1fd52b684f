"""The few flowables reportlab lacks: anchored headings, TOC lines, note
blocks, and markers the page machinery reacts to.

Flowables that record where they land call the `BookCanvas` they are drawn
on (see `page.py`): it is the one per-render object that knows page numbers.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from dossier.render.pdf.inline import RichParagraph


class HeadingParagraph(RichParagraph):
    """A heading: a named destination, an outline entry, a TOC page number.

    `outline_level` 0 is a chapter title; a chapter title also becomes the
    running head from its page on.
    """

    def __init__(self, text: str | None, style: Any = None, bulletText: str | None = None, frags: Any = None, **kwargs: Any) -> None:
        self.anchor: str = kwargs.pop("anchor", "")
        self.outline_title: str = kwargs.pop("outline_title", "")
        self.outline_level: int = kwargs.pop("outline_level", 1)
        super().__init__(text, style, bulletText, frags, **kwargs)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(available_width, available_height)
        if parts and isinstance(parts[0], HeadingParagraph):
            first = parts[0]
            first.anchor, first.outline_title, first.outline_level = self.anchor, self.outline_title, self.outline_level
            for rest in parts[1:]:
                if isinstance(rest, HeadingParagraph):
                    rest.anchor = ""
        return parts

    def draw(self) -> None:
        if self.anchor:
            self.canv.bookmarkHorizontal(self.anchor, 0, self.height)
            self.canv.mark_heading(self.anchor, self.outline_title, self.outline_level)
        super().draw()


class TocLine(Flowable):
    """One table-of-contents entry: title, dot leaders, page number; the whole
    line links to the target. The number is a form drawn once the target's
    page is known (`BookCanvas.save`), so the body is laid out only once."""

    def __init__(self, title: RichParagraph, target: str, form: str, *, indent: float, number_width: float) -> None:
        super().__init__()
        self.title = title
        self.target = target
        self.form = form
        self.indent = indent
        self.number_width = number_width
        self.style: ParagraphStyle = title.style

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        text_width = available_width - self.indent - self.number_width - 12
        _, self.height = self.title.wrap(text_width, available_height)
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    def draw(self) -> None:
        canv = self.canv
        self.title.drawOn(canv, self.indent, 0)
        lines = self.title.getActualLineWidths0()
        baseline = self.height - self.style.fontSize - (len(lines) - 1) * self.style.leading
        start = self.indent + (lines[-1] if lines else 0) + 4
        end = self.width - self.number_width - 3
        canv.saveState()
        if end > start:
            canv.setStrokeColor(self.style.textColor)
            canv.setLineWidth(0.9)
            canv.setLineCap(1)
            canv.setDash(0.01, 3.2)
            canv.line(start, baseline + 0.5, end, baseline + 0.5)
        canv.translate(self.width, baseline)
        canv.doForm(self.form)
        canv.restoreState()
        canv.request_page_form(self.form, self.target, self.style.fontName, self.style.fontSize, self.style.textColor)
        canv.linkRect("", self.target, (0, 0, self.width, self.height), relative=1, thickness=0)


class NoteBlock(Flowable):
    """A note's flowables stacked, measured and drawn as one."""

    def __init__(self, note_id: str, flowables: list[Flowable], gap: float) -> None:
        super().__init__()
        self.note_id = note_id
        self.flowables = flowables
        self.gap = gap

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self._heights = [f.wrap(available_width, available_height)[1] for f in self.flowables]
        self.height = sum(self._heights) + self.gap * len(self.flowables)
        return self.width, self.height

    def draw(self) -> None:
        y = self.height
        for flowable, height in zip(self.flowables, self._heights, strict=True):
            y -= height
            flowable.drawOn(self.canv, 0, y)
            y -= self.gap


class Marker(Flowable):
    """A zero-size flowable that tells the canvas something when placed."""

    _ZEROSIZE = True

    def __init__(self, event: str) -> None:
        super().__init__()
        self.event = event

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.mark(self.event)


class ChapterBreak(Flowable):
    """Start a new page (a right-hand one when `recto`); handled by the doc template."""

    def __init__(self, *, recto: bool) -> None:
        super().__init__()
        self.recto = recto


class RectoCheck(Flowable):
    """At the top of a fresh page: if it is a left-hand page, leave it blank."""
