"""The PDF renderer: `Document` → typeset PDF bytes, laid out in one pass.

The body is laid out once. Body folios are arabic from 1, independent of the
front matter (roman), so the table of contents needs no page count up front:
its page numbers are PDF forms drawn when the canvas is saved, by which time
every heading's page is known (`canvas.BookCanvas`). No `multiBuild`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.platypus import Flowable

from dossier import model as m
from dossier.diagnostics import SourcePos
from dossier.render.context import RenderContext
from dossier.render.pages import PageStart
from dossier.render.pdf.blocks import BlockContext, block_to_flowables
from dossier.render.pdf.canvas import BookCanvas, CanvasSetup
from dossier.render.pdf.flowables import ChapterBreak, HeadingParagraph, Marker
from dossier.render.pdf.fonts import UnknownFontError, register_fonts
from dossier.render.pdf.front import front_matter
from dossier.render.pdf.inline import inlines_to_markup
from dossier.render.pdf.notes import endnotes, note_block
from dossier.render.pdf.page import PAGE_SIZES, BlockLayoutError, BookDoc, Decor, FlushNotes, NoteState
from dossier.render.pdf.styles import make_styles
from dossier.settings import PdfSettings
from dossier.theme import Theme, ThemeError, load_theme
from dossier.walk import iter_nodes, plain_text

__all__ = ["PAGE_SIZES", "RenderedPdf", "render_pdf"]


@dataclass(frozen=True, slots=True)
class RenderedPdf:
    data: bytes
    #: One per body page, in order: its printed label and the (chapter, block)
    #: that starts on it (block -1: the chapter title), or else continues on it.
    page_starts: tuple[PageStart, ...]


def _theme(settings: PdfSettings, ctx: RenderContext) -> Theme:
    """The configured theme; a broken one is an error, and the default stands
    in so the rest of the book is still checked."""
    try:
        return load_theme(settings.theme)
    except ThemeError as error:
        ctx.report.error("theme-invalid", str(error), SourcePos(settings.theme if settings.theme.endswith(".toml") else ""))
    return load_theme("briefing")


def render_pdf(doc: m.Document, settings: PdfSettings, ctx: RenderContext) -> RenderedPdf:
    theme = _theme(settings, ctx)
    try:
        fonts = register_fonts(theme.fonts)
    except UnknownFontError as error:
        ctx.report.error("theme-invalid", f"{settings.theme}: {error}", SourcePos(""))
        theme = load_theme("briefing")
        fonts = register_fonts(theme.fonts)
    styles = make_styles(theme, fonts, settings, doc.meta.language)
    if settings.hyphenate and not styles.body.hyphenationLang:
        ctx.report.warn("hyphenation-unavailable", f"no hyphenation patterns for language {doc.meta.language!r}; text is not hyphenated", SourcePos(""))
    size = PAGE_SIZES[settings.paper]
    page = theme.page
    width = size[0] - page.margin_inner - page.margin_outer
    height = size[1] - page.margin_top - page.margin_bottom
    bctx = BlockContext(
        styles=styles,
        report=ctx.report,
        resources={r.key: r for r in doc.resources},
        width=width,
        height=height,
        pos=SourcePos(""),
        text_style=styles.body,
        anchors=anchors_of(doc),
        carry_notes=settings.notes == "footnotes",
    )
    notes = NoteState(make=lambda note: note_block(note, bctx), width=width, max_height=bctx.height * 0.5, capacity=bctx.height * 0.6)
    decor = Decor(styles=styles, book_title=doc.meta.title, duplex=settings.duplex, page=page, size=size)
    buffer = io.BytesIO()
    book = BookDoc(
        buffer,
        decor=decor,
        notes=notes,
        title=doc.meta.title,
        author=", ".join(doc.meta.authors),
        subject=doc.meta.description or doc.meta.subtitle,
        keywords=", ".join(doc.meta.keywords),
        lang=doc.meta.language,
        creator="dossier",
    )
    story = front_matter(doc, settings.toc_depth, settings.duplex, bctx)
    story += body(doc, settings, bctx)
    story.append(FlushNotes())
    setup = CanvasSetup(
        report=ctx.report,
        build_time=ctx.build_time,
        title=doc.meta.title,
        author=", ".join(doc.meta.authors),
        subject=doc.meta.description or doc.meta.subtitle,
        keywords=", ".join(doc.meta.keywords),
    )
    made: list[BookCanvas] = []

    def make_canvas(*args: object, **kwargs: object) -> BookCanvas:
        canvas = BookCanvas(*args, setup=setup, **kwargs)
        made.append(canvas)
        return canvas

    try:
        book.build(story, canvasmaker=make_canvas)
    except BlockLayoutError as error:
        ctx.report.error("layout-failed", f"this block cannot be laid out on the page ({error}); make it smaller or split it", _block_pos(doc, error))
        return RenderedPdf(b"", ())
    return RenderedPdf(buffer.getvalue(), made[0].page_starts(book.page))


def _block_pos(doc: m.Document, error: BlockLayoutError) -> SourcePos:
    for chapter_index, block_index in error.tags:
        if 0 <= chapter_index < len(doc.chapters):
            chapter = doc.chapters[chapter_index]
            if 0 <= block_index < len(chapter.blocks):
                return chapter.blocks[block_index].pos
            return chapter.pos
    return SourcePos("")


def anchors_of(doc: m.Document) -> frozenset[str]:
    """The ids the PDF prints a named destination for."""
    ids = {chapter.id for chapter in doc.chapters}
    for node in iter_nodes(doc):
        if isinstance(node, m.Heading | m.Figure | m.Table) and node.id:
            ids.add(node.id)
    return frozenset(ids)


def body(doc: m.Document, settings: PdfSettings, ctx: BlockContext) -> list[Flowable]:
    story: list[Flowable] = []
    for index, chapter in enumerate(doc.chapters):
        story.append(ChapterBreak(recto=settings.duplex))
        if index == 0:
            story.append(Marker("body-start"))
        story += chapter_flowables(index, chapter, settings, ctx.at(chapter.pos))
    return story


def chapter_flowables(index: int, chapter: m.Chapter, settings: PdfSettings, ctx: BlockContext) -> list[Flowable]:
    styles = ctx.styles
    title = HeadingParagraph(
        inlines_to_markup(chapter.title, ctx.inline_context(styles.chapter_title)),
        styles.chapter_title,
        anchor=chapter.id,
        outline_title=plain_text(chapter.title),
        outline_level=0,
    )
    title.dossier_tags = ((index, -1),)
    out: list[Flowable] = [title]
    for number, block in enumerate(chapter.blocks):
        for flowable in block_to_flowables(block, ctx):
            flowable.dossier_tags = ((index, number),)
            out.append(flowable)
    if settings.notes == "endnotes":
        out += endnotes(chapter, ctx, "Notes")
    return out
