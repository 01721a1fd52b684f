"""Pages: paper sizes, templates, running heads, folios and page-foot notes.

Foot notes: each flowable carries the notes it references
(`dossier_notes`). `NoteFrame` places a flowable only if it fits together with
its notes, raising the frame's bottom by the notes' height; the page
template draws the notes of the page under a short rule when the page ends.
A flowable split across pages takes each note to the part holding the
reference (paragraphs) or to its first part (other flowables).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    LayoutError,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
)

from dossier import model as m
from dossier.render.pdf.canvas import BookCanvas, Tag
from dossier.render.pdf.flowables import ChapterBreak, Marker, RectoCheck
from dossier.render.pdf.inline import RichParagraph
from dossier.render.pdf.styles import Styles, colour
from dossier.settings import Paper
from dossier.theme.model import PageStyle

PAGE_SIZES: dict[Paper, tuple[float, float]] = {"a4": A4, "letter": LETTER}

#: Space between the text and the rule above the notes, and under the rule.
NOTE_RULE_GAP = 7.0
NOTE_RULE_SPACE = 5.0


@dataclass(slots=True)
class NoteState:
    """The notes of the page being filled (shared by all body frames)."""

    make: Callable[[m.Note], Flowable]
    width: float
    #: A note taller than this cannot sit at a page foot: it is printed in
    #: the text, right after the block that refers to it.
    max_height: float = float("inf")
    #: The most note text one page holds; more waits for the next page.
    capacity: float = float("inf")
    page: list[Flowable] = field(default_factory=list)
    placed: set[str] = field(default_factory=set)
    carry: list[Flowable] = field(default_factory=list)
    _made: dict[str, tuple[Flowable, float]] = field(default_factory=dict)

    def block(self, note: m.Note) -> tuple[Flowable, float]:
        if note.id not in self._made:
            flowable = self.make(note)
            _, height = flowable.wrap(self.width, 10_000)
            self._made[note.id] = (flowable, height)
        return self._made[note.id]

    def pending(self, notes: tuple[m.Note, ...]) -> tuple[m.Note, ...]:
        return tuple(n for n in notes if n.id not in self.placed)

    def reserve(self, extra: tuple[m.Note, ...] = ()) -> float:
        heights = [f.height for f in self.page] + [self.block(n)[1] for n in extra]
        return NOTE_RULE_GAP + NOTE_RULE_SPACE + sum(heights) if heights else 0.0


def _children(flowable: Flowable) -> list[Flowable]:
    content = getattr(flowable, "_content", None)
    return list(content) if isinstance(content, list | tuple) else []


def notes_of(flowable: Flowable) -> tuple[m.Note, ...]:
    own: tuple[m.Note, ...] = getattr(flowable, "dossier_notes", ())
    inner = tuple(n for child in _children(flowable) for n in notes_of(child))
    seen: dict[str, m.Note] = {n.id: n for n in (*own, *inner)}
    return tuple(seen.values())


def tags_of(flowable: Flowable) -> Iterator[Tag]:
    yield from getattr(flowable, "dossier_tags", ())
    for child in _children(flowable):
        yield from tags_of(child)


class NoteFrame(Frame):
    def __init__(self, *args: Any, notes: NoteState, **kwargs: Any) -> None:
        self.notes = notes
        super().__init__(*args, **kwargs)

    def __deepcopy__(self, memo: dict[int, Any]) -> NoteFrame:
        # reportlab deep-copies the current frame to measure every
        # KeepTogether; copying the note state with it (every note flowable
        # made so far) made layout quadratic. The copy only measures, so it
        # may share the note state.
        clone = NoteFrame.__new__(NoteFrame)
        memo[id(self)] = clone
        for key, value in self.__dict__.items():
            clone.__dict__[key] = value if key == "notes" else copy.deepcopy(value, memo)
        return clone

    def _reset(self) -> None:
        super()._reset()
        self._base_bottom = self._y1 + self._bottomPadding
        # Notes carried over from the last page come first, as many as fit.
        page: list[Flowable] = []
        used = 0.0
        while self.notes.carry and (not page or used + self.notes.carry[0].height <= self.notes.capacity):
            note = self.notes.carry.pop(0)
            page.append(note)
            used += note.height
        self.notes.page = page
        self._y1p = self._base_bottom + self.notes.reserve()

    def _add(self, flowable: Flowable, canv: Any, trySplit: int = 0) -> int:
        pending = self.notes.pending(notes_of(flowable))
        self._y1p = self._base_bottom + self.notes.reserve(pending)
        placed = Frame._add(self, flowable, canv, trySplit)
        if not placed and pending and self._atTop and not trySplit:
            # Too tall to share any page with its notes: they go overleaf.
            self._y1p = self._base_bottom + self.notes.reserve()
            placed = Frame._add(self, flowable, canv, trySplit)
            if placed:
                self.notes.carry.extend(self.notes.block(n)[0] for n in pending)
                self.notes.placed.update(n.id for n in pending)
                pending = ()
        if placed:
            self.notes.page.extend(self.notes.block(n)[0] for n in pending)
            self.notes.placed.update(n.id for n in pending)
            canv.place_tags(tuple(tags_of(flowable)))
        self._y1p = self._base_bottom + self.notes.reserve()
        return int(placed)

    add = _add

    def split(self, flowable: Flowable, canv: Any) -> list[Flowable]:
        pending = self.notes.pending(notes_of(flowable))
        tags = tuple(tags_of(flowable))
        parts: list[Flowable] = []
        # The first part must fit with its own notes, but which notes those
        # are is known only after splitting. Reserve room for the first
        # `count` notes (reading order), from none upwards, and take the
        # first split whose first part needs no more than that: the largest
        # part that fits with its notes. (A long table full of notes must not
        # refuse to split because all its notes together fill the page.)
        for count in range(len(pending) + 1):
            self._y1p = self._base_bottom + self.notes.reserve(pending[:count])
            candidate = Frame.split(self, flowable, canv)
            if not candidate:
                break  # reserving more leaves even less room
            _claim_notes(candidate, pending)
            first = {n.id for n in getattr(candidate[0], "dossier_notes", ())}
            if first <= {n.id for n in pending[:count]}:
                parts = candidate
                break
        if not parts and pending and self._atTop:
            # No part fits with its notes even on an empty page: the part goes
            # alone and `_add` carries its notes overleaf.
            self._y1p = self._base_bottom + self.notes.reserve()
            parts = Frame.split(self, flowable, canv)
            _claim_notes(parts, pending)
        self._y1p = self._base_bottom + self.notes.reserve()
        for part in parts:
            if not getattr(part, "dossier_tags", ()) and not any(True for _ in tags_of(part)):
                part.dossier_tags = tags
        return parts


def _claim_notes(parts: list[Flowable], pending: tuple[m.Note, ...]) -> None:
    """Give each part the notes it references; notes no part can be seen to
    reference go with the first."""
    if not pending:
        return
    for part in parts:
        targets = link_targets_of(part)
        if targets is not None:
            part.dossier_notes = tuple(n for n in pending if n.id in targets)
    claimed = {n.id for part in parts for n in notes_of(part)}
    unclaimed = tuple(n for n in pending if n.id not in claimed)
    if unclaimed:
        parts[0].dossier_notes = (*getattr(parts[0], "dossier_notes", ()), *unclaimed)


def link_targets_of(flowable: Flowable) -> set[str] | None:
    """The `#ids` a split part links to (its note references), looking into
    table cells and nested flowables; None if the part holds no text we can
    read (its notes then go with the first part)."""
    if isinstance(flowable, RichParagraph):
        return flowable.link_targets()
    cells = getattr(flowable, "_cellvalues", None)
    children: list[Flowable] = []
    if cells is not None:
        for row in cells:
            for cell in row:
                children.extend(cell if isinstance(cell, list | tuple) else [cell])
    children.extend(_children(flowable))
    found: set[str] | None = None
    for child in children:
        if not isinstance(child, Flowable):
            continue
        targets = link_targets_of(child)
        if targets is not None:
            found = (found or set()) | targets
    return found


def draw_page_notes(canv: Any, frame: Frame, notes: NoteState, styles: Styles) -> None:
    if not notes.page:
        return
    x = frame._x1 + frame._leftPadding
    y = frame._y1 + frame._bottomPadding
    total = sum(f.height for f in notes.page)
    top = y + total + NOTE_RULE_SPACE
    canv.saveState()
    canv.setStrokeColor(colour(styles.theme.colours.rule))
    canv.setLineWidth(0.5)
    canv.line(x, top, x + frame._aW * 0.3, top)
    canv.restoreState()
    cursor = y + total
    for flowable in notes.page:
        cursor -= flowable.height
        flowable.drawOn(canv, x, cursor)
    notes.page = []


@dataclass(frozen=True, slots=True)
class Decor:
    """What the page templates print around the text."""

    styles: Styles
    book_title: str
    duplex: bool
    page: PageStyle
    size: tuple[float, float]


def _folio_and_head(canv: BookCanvas, decor: Decor, *, head: bool) -> None:
    page = canv.getPageNumber()
    if page in canv.record.blanks:
        return
    width, height = decor.size
    margins = decor.page
    recto = page % 2 == 1
    left, right = margins.margin_inner, margins.margin_outer
    if decor.duplex and not recto:
        left, right = right, left
    folio = decor.styles.folio
    canv.saveState()
    canv.setFont(folio.fontName, folio.fontSize)
    canv.setFillColor(folio.textColor)
    label = canv.label(page)
    y = margins.foot_offset
    if decor.duplex:
        if recto:
            canv.drawRightString(width - right, y, label)
        else:
            canv.drawString(left, y, label)
    else:
        canv.drawCentredString(width / 2, y, label)
    if head and page not in canv.record.openings:
        style = decor.styles.running_head
        canv.setFont(style.fontName, style.fontSize)
        canv.setFillColor(style.textColor)
        y = height - margins.head_offset
        chapter = canv.chapter_title()
        if decor.duplex:
            text = chapter if recto else decor.book_title
            (canv.drawRightString(width - right, y, text) if recto else canv.drawString(left, y, text))
        else:
            canv.drawString(left, y, decor.book_title)
            canv.drawRightString(width - right, y, chapter)
        canv.setStrokeColor(colour(decor.styles.theme.colours.rule))
        canv.setLineWidth(0.4)
        canv.line(left, y - 4, width - right, y - 4)
    canv.restoreState()


class BookDoc(BaseDocTemplate):
    """Three templates: title (bare), front (roman folio), body (head, folio,
    foot notes). In duplex the body frame moves with the page's side."""

    def __init__(self, buffer: Any, *, decor: Decor, notes: NoteState, **kwargs: Any) -> None:
        self.decor = decor
        self.notes = notes
        width, height = decor.size
        page = decor.page
        super().__init__(
            buffer,
            pagesize=decor.size,
            leftMargin=page.margin_inner,
            rightMargin=page.margin_outer,
            topMargin=page.margin_top,
            bottomMargin=page.margin_bottom,
            invariant=1,
            # Else every page names Helvetica, a font the PDF does not embed.
            initialFontName=decor.styles.body.fontName,
            initialFontSize=decor.styles.body.fontSize,
            **kwargs,
        )
        frame_args = (page.margin_inner, page.margin_bottom, width - page.margin_inner - page.margin_outer, height - page.margin_top - page.margin_bottom)
        self.body_frame = NoteFrame(*frame_args, notes=notes, id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        front_frame = Frame(*frame_args, id="front", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        title_frame = Frame(*frame_args, id="title", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates(
            [
                PageTemplate("title", [title_frame], onPage=self._on_page),
                PageTemplate("front", [front_frame], onPage=self._on_page, onPageEnd=self._front_end),
                PageTemplate("body", [self.body_frame], onPage=self._on_page, onPageEnd=self._body_end),
            ]
        )

    def _on_page(self, canv: BookCanvas, doc: BaseDocTemplate) -> None:
        canv.page_started()
        if not self.decor.duplex:
            return
        page = self.decor.page
        left = page.margin_inner if canv.getPageNumber() % 2 == 1 else page.margin_outer
        for frame in self.pageTemplate.frames:
            frame._x1 = left
            frame._geom()

    def _front_end(self, canv: BookCanvas, doc: BaseDocTemplate) -> None:
        _folio_and_head(canv, self.decor, head=False)

    def _body_end(self, canv: BookCanvas, doc: BaseDocTemplate) -> None:
        draw_page_notes(canv, self.body_frame, self.notes, self.decor.styles)
        _folio_and_head(canv, self.decor, head=True)

    def _place_overlong_notes(self, flowables: list[Flowable]) -> None:
        first = flowables[0]
        overlong = [n for n in self.notes.pending(notes_of(first)) if self.notes.block(n)[1] > self.notes.max_height]
        if not overlong:
            return
        self.notes.placed.update(n.id for n in overlong)
        inserted: list[Flowable] = []
        for note in overlong:
            block = self.notes.block(note)[0]
            inserted.extend(getattr(block, "flowables", [block]))
        flowables[1:1] = inserted

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        first = flowables[0]
        if isinstance(first, FlushNotes):
            flowables.pop(0)
            if self.notes.carry:  # notes still waiting for a page: make one
                flowables[0:0] = [PageBreak(), Spacer(0, 1), FlushNotes()]
            return
        if isinstance(first, ChapterBreak):
            flowables.pop(0)
            insert: list[Flowable] = []
            if self._curPageFlowableCount or not self.frame._atTop:
                insert.append(PageBreak())
            if first.recto:
                insert.append(RectoCheck())
            flowables[0:0] = insert
            return
        if isinstance(first, RectoCheck):
            flowables.pop(0)
            if self.canv.getPageNumber() % 2 == 0:
                flowables[0:0] = [Marker("blank"), PageBreak()]
            return
        self._place_overlong_notes(flowables)
        try:
            super().handle_flowable(flowables)
        except LayoutError as error:
            raise BlockLayoutError(str(error).split("\n")[0], tuple(tags_of(first))) from None


class FlushNotes(Flowable):
    """At the end of the book: notes carried over still get their page."""

    _ZEROSIZE = True

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        return 0, 0

    def draw(self) -> None:
        return None


class BlockLayoutError(Exception):
    """reportlab could not place a block; `tags` say which (chapter, block)."""

    def __init__(self, message: str, tags: tuple[Tag, ...]) -> None:
        super().__init__(message)
        self.tags = tags


__all__ = ["PAGE_SIZES", "BookDoc", "FlushNotes", "Decor", "NextPageTemplate", "NoteFrame", "NoteState"]
