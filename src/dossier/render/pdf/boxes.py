"""Blocks drawn in a box or frame: callouts, block quotes, figures."""

from __future__ import annotations

import io
from dataclasses import replace
from typing import assert_never

from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table, TableStyle

from dossier import model as m
from dossier.render.pdf.blocks import (
    BlockContext,
    blocks_to_flowables,
    paragraph,
    with_notes,
)
from dossier.render.pdf.inline import (
    RASTER_TYPES,
    RichParagraph,
    escape_attr,
    text_markup,
)
from dossier.render.pdf.styles import colour
from dossier.theme.model import CalloutStyle, CalloutStyles

_PAD = 8.0
_BAR = 3.0


class _Box(Table):
    """A box that never leaves its first row (a callout's title) alone at
    the foot of a page: it moves whole unless the title and the start of
    what follows fit."""

    #: How much of the second row must fit beside the first (about 2 lines).
    min_follow = 28.0

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab API
        self._calc(availWidth, availHeight)
        heights = self._rowHeights
        # (A first row taller than a few lines is no title: it may split.)
        need = min(heights[0], 3 * self.min_follow) + (min(heights[1], self.min_follow) if len(heights) > 1 else 0)
        if availHeight < need:
            return []
        return super().split(availWidth, availHeight)  # type: ignore[no-any-return]


def _boxed(flowables: list[Flowable], ctx: BlockContext, *, bar: str, background: str | None) -> Table:
    """Stack flowables in a one-column table: a row each, so the box can
    break across pages between them (and inside a long one: splitInRow)."""
    rows = [[f] for f in flowables] or [[Spacer(0, 0)]]
    last = len(rows) - 1
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), ctx.styles.body.fontName),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD + _BAR),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, 0), _PAD * 0.75),
        ("BOTTOMPADDING", (0, last), (-1, last), _PAD * 0.4),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBEFORE", (0, 0), (0, -1), _BAR, colour(bar)),
    ]
    if background is not None:
        commands.append(("BACKGROUND", (0, 0), (-1, -1), colour(background)))
    table = _Box(rows, colWidths=[ctx.width], style=TableStyle(commands), splitInRow=1, hAlign="LEFT")
    table.spaceBefore = 6
    table.spaceAfter = 10
    return table


def callout_style(styles: CalloutStyles, kind: m.CalloutKind) -> CalloutStyle:
    match kind:
        case m.CalloutKind.NOTE:
            return styles.note
        case m.CalloutKind.TIP:
            return styles.tip
        case m.CalloutKind.IMPORTANT:
            return styles.important
        case m.CalloutKind.WARNING:
            return styles.warning
        case m.CalloutKind.CAUTION:
            return styles.caution
        case m.CalloutKind.KEYFACTS:
            return styles.keyfacts
        case m.CalloutKind.QUESTIONS:
            return styles.questions
        case m.CalloutKind.TEACHER:
            return styles.teacher
        case _:
            assert_never(kind)


def callout(block: m.Callout, ctx: BlockContext) -> list[Flowable]:
    look = callout_style(ctx.styles.theme.callouts, block.kind)
    inner = ctx.width - 2 * _PAD - _BAR
    inner_ctx = _narrower(ctx, inner)
    title_style = ctx.styles.callout_title
    if block.title:
        title = paragraph(block.title, title_style, inner_ctx)
    else:
        label = text_markup(look.label, ctx.styles.face(title_style), inner_ctx.inline_context(title_style))
        title = RichParagraph(label, title_style)
    body = blocks_to_flowables(block.blocks, inner_ctx)
    box = _boxed([title, *body], ctx, bar=look.border, background=look.background)
    return [with_notes(box, block, ctx)]


def block_quote(blocks: tuple[m.Block, ...], ctx: BlockContext) -> list[Flowable]:
    inner = ctx.width - 2 * _PAD - _BAR
    body = blocks_to_flowables(blocks, _narrower(ctx, inner))
    box = _boxed(body, ctx, bar=ctx.styles.theme.colours.quote_bar, background=None)
    return [with_notes(box, m.BlockQuote(blocks=blocks), ctx)]


def _narrower(ctx: BlockContext, width: float) -> BlockContext:
    return replace(ctx, width=width)


def caption_markup(label: str, number: int, anchor: str, caption: tuple[m.Inline, ...], ctx: BlockContext) -> RichParagraph:
    style = ctx.styles.caption
    inline = ctx.inline_context(style)
    lead = text_markup(f"{label} {number}." if number else f"{label}.", ctx.styles.face(style), inline)
    name = f'<a name="{escape_attr(anchor)}"/>' if anchor else ""
    return paragraph(caption, style, ctx, prefix=f"{name}<b>{lead}</b> ")


class AltImage(Image):
    """An image that carries its alt text as invisible text over it, so the
    PDF can be searched, copied and read aloud (as OCR layers are)."""

    def __init__(self, data: io.BytesIO, *, alt: str, font: str, **kwargs: object) -> None:
        super().__init__(data, **kwargs)
        self.alt = alt
        self.alt_font = font

    def draw(self) -> None:
        super().draw()
        if self.alt:
            text = self.canv.beginText(0, self.drawHeight / 2)
            text.setTextRenderMode(3)
            text.setFont(self.alt_font, 8)
            text.textLine(self.alt)
            self.canv.drawText(text)


def figure(block: m.Figure, ctx: BlockContext) -> list[Flowable]:
    # Without a caption, the alt text is the best words for the figure, and
    # printed there it need not hide under the image as well.
    image = image_flowable(block.image if block.caption else replace(block.image, alt=""), ctx)
    words = block.caption or ((m.Text(text=block.image.alt),) if block.image.alt else ())
    caption = caption_markup("Figure", block.number, block.id, words, ctx)
    group = KeepTogether([Spacer(0, 4), image, caption])
    return [with_notes(group, block, ctx)]


def image_flowable(image: m.Image, ctx: BlockContext) -> Flowable:
    """A block image scaled to the text width, ratio kept, but no taller
    than 60% of the frame."""
    resource = ctx.resources.get(image.resource)
    max_w, max_h = ctx.width, ctx.height * 0.6
    if resource is not None and resource.media_type in RASTER_TYPES:
        width, height = resource.width * 0.75, resource.height * 0.75
        # Fill the text width, but blow a small image up at most 2×.
        scale = min(max_w / width, max_h / height, 2.0)
        return AltImage(io.BytesIO(resource.data), alt=image.alt, font=ctx.styles.body.fontName, width=width * scale, height=height * scale, hAlign="CENTER")
    if resource is not None and resource.media_type == "image/svg+xml":
        drawing = _svg_drawing(resource, ctx)
        if drawing is not None:
            scale = min(1.0, max_w / drawing.width, max_h / drawing.height)
            drawing.scale(scale, scale)
            drawing.width, drawing.height = drawing.width * scale, drawing.height * scale
            return _DrawingFlowable(drawing)
    why = "is not among the book's resources" if resource is None else f"is {resource.media_type}, which the PDF cannot show"
    ctx.report.warn("image-unsupported", f"image {image.resource!r} {why}; its alt text is printed instead", ctx.at(image.pos).pos)
    return paragraph((m.Text(text=f"[{image.alt}]"),), ctx.styles.caption, ctx)


class _DrawingFlowable(Flowable):
    """A vector drawing as a plain flowable: reportlab's `Drawing` refuses
    the attributes the page layout tags flowables with."""

    def __init__(self, drawing: Flowable) -> None:
        super().__init__()
        self.drawing = drawing
        self.width, self.height = drawing.width, drawing.height
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        return self.width, self.height

    def draw(self) -> None:
        from reportlab.graphics import renderPDF

        renderPDF.draw(self.drawing, self.canv, 0, 0)


def _svg_drawing(resource: m.Resource, ctx: BlockContext) -> Flowable | None:
    try:
        from svglib.svglib import svg2rlg
    except ImportError:
        return None
    drawing = svg2rlg(io.BytesIO(resource.data))
    return drawing  # type: ignore[no-any-return]
