"""Tables: cells as wrapping paragraphs, columns fitted to their content, the
header row repeated after a page break, "Table N." caption above."""

from __future__ import annotations

from typing import assert_never

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from dossier import model as m
from dossier.render.pdf.blocks import BlockContext, paragraph, with_notes
from dossier.render.pdf.boxes import caption_markup
from dossier.render.pdf.styles import colour
from dossier.theme.model import Alignment
from dossier.walk import plain_text

_LONG_HEADER = 400
_PAD = 4.0


def _alignment(align: m.Align) -> Alignment:
    match align:
        case m.Align.DEFAULT | m.Align.LEFT:
            return "left"
        case m.Align.CENTER:
            return "center"
        case m.Align.RIGHT:
            return "right"
        case _:
            assert_never(align)


def fit_columns(natural: list[float], minimum: list[float], available: float) -> list[float]:
    """Column widths summing to `available`. Natural widths when they fit
    (spread out to the full width); else narrow columns keep their natural
    width and the wide ones share the rest, each at least its longest word,
    in proportion to how much more they would like."""
    total = sum(natural)
    if total <= available:
        extra = (available - total) / len(natural)
        return [width + extra for width in natural]
    fair = available / len(natural)
    widths = [nat if nat <= fair else 0.0 for nat in natural]
    wide = [i for i, width in enumerate(widths) if not width]
    room = available - sum(widths)
    floor = sum(minimum[i] for i in wide)
    if floor >= room:
        scale = available / sum(max(w, minimum[i]) for i, w in enumerate(widths))
        return [max(w, minimum[i]) * scale for i, w in enumerate(widths)]
    wish = {i: max(0.0, natural[i] - minimum[i]) for i in wide}
    share = (room - floor) / (sum(wish.values()) or 1.0)
    for i in wide:
        widths[i] = minimum[i] + wish[i] * share
    return widths


def _measure(cell: m.TableCell, style: ParagraphStyle) -> tuple[float, float]:
    text = plain_text(cell.children)
    words = text.split() or [""]
    natural = stringWidth(text, style.fontName, style.fontSize) * 1.05
    longest = max(stringWidth(word, style.fontName, style.fontSize) for word in words) * 1.05
    return natural + 2 * _PAD + 1, min(longest, 120.0) + 2 * _PAD + 1


def table(block: m.Table, ctx: BlockContext) -> list[Flowable]:
    styles = ctx.styles
    cols = len(block.aligns)
    body_styles = [styles.aligned(styles.table, _alignment(a)) for a in block.aligns]
    head_styles = [styles.aligned(styles.table_head, _alignment(a)) for a in block.aligns]
    natural = [0.0] * cols
    minimum = [0.0] * cols
    data: list[list[Flowable | str]] = []
    for rows, row_styles in ((block.head, head_styles), (block.body, body_styles)):
        for row in rows:
            cells: list[Flowable | str] = []
            for index, (cell, style) in enumerate(zip(row.cells, row_styles, strict=True)):
                nat, low = _measure(cell, style)
                natural[index] = max(natural[index], nat)
                minimum[index] = max(minimum[index], low)
                cells.append(paragraph(cell.children, style, ctx.at(cell.pos)))
            data.append(cells)
    widths = fit_columns(natural, minimum, ctx.width)
    theme = styles.theme.colours
    rule = colour(theme.table_rule)
    # The caption is the table's first row, repeated with the header after a
    # page break; as a separate paragraph kept with the table it would push a
    # long table to the next page whole.
    top = 1 if block.caption or block.number or block.id else 0
    head = len(block.head)
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        # reportlab's default cell font is Helvetica, which is never embedded.
        ("FONTNAME", (0, 0), (-1, -1), styles.table.fontName),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LINEABOVE", (0, top), (-1, top), 0.9, rule),
        ("LINEBELOW", (0, -1), (-1, -1), 0.9, rule),
        ("LINEBELOW", (0, top), (-1, -2), 0.25, rule),
    ]
    if top:
        caption = caption_markup("Table", block.number, block.id, block.caption, ctx)
        data.insert(0, [caption] + [""] * (cols - 1))
        commands += [("SPAN", (0, 0), (-1, 0)), ("LEFTPADDING", (0, 0), (-1, 0), 0), ("BOTTOMPADDING", (0, 0), (-1, 0), 5)]
    if head:
        commands += [
            ("BACKGROUND", (0, top), (-1, top + head - 1), colour(theme.table_head_background)),
            ("LINEBELOW", (0, top + head - 1), (-1, top + head - 1), 0.6, rule),
        ]
    # Rows repeated on every page must leave room for the body: a header (or
    # caption) that is really a paragraph is not repeated.
    repeat = top + head
    heading_text = plain_text(block.caption) + " ".join(plain_text(c.children) for row in block.head for c in row.cells)
    if len(heading_text) > _LONG_HEADER:
        repeat = 0
    grid = Table(data, colWidths=widths, repeatRows=repeat, style=TableStyle(commands), hAlign="LEFT", splitInRow=1)
    grid.spaceBefore = 4
    grid.spaceAfter = 12
    return [with_notes(grid, block, ctx)]
