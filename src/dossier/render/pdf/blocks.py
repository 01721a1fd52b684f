"""Blocks → reportlab flowables: one `match`, one case per block type."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any, assert_never

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    Indenter,
    KeepTogether,
    ListFlowable,
    ListItem,
    Spacer,
)

from dossier import model as m
from dossier.diagnostics import Report, SourcePos
from dossier.render.pdf.flowables import HeadingParagraph
from dossier.render.pdf.inline import (
    InlineContext,
    RichParagraph,
    inlines_to_markup,
    text_markup,
)
from dossier.render.pdf.styles import Styles, colour
from dossier.walk import children_of, plain_text

#: Glyphs of task list boxes; DejaVu Sans (the fallback face) has both.
TASK_OPEN = "☐"
TASK_DONE = "☑"


@dataclass(frozen=True, slots=True)
class BlockContext:
    styles: Styles
    report: Report
    resources: Mapping[str, m.Resource]
    #: Width and height of the text frame, for images and tables.
    width: float
    height: float
    pos: SourcePos
    #: The paragraph style running text takes here (body, footnote, table).
    text_style: ParagraphStyle
    #: Ids that get a destination (chapters, headings, figures, tables).
    anchors: frozenset[str] = frozenset()
    #: Paragraphs record the notes they reference (page-foot notes only).
    carry_notes: bool = True
    in_note: bool = False

    def at(self, pos: SourcePos) -> BlockContext:
        return self if not pos.path else replace(self, pos=pos)

    def inline_context(self, style: ParagraphStyle) -> InlineContext:
        theme = self.styles.theme
        return InlineContext(
            face=self.styles.face(style),
            fallback=self.styles.fonts.fallback,
            mono=self.styles.fonts.mono,
            size=style.fontSize,
            link_colour=theme.colours.link,
            report=self.report,
            pos=self.pos,
            resources=self.resources,
            inline_image_height=style.leading * 1.1,
            inline_image_width=self.width,
            anchors=self.anchors,
            in_note=self.in_note,
        )


def notes_in(node: Any) -> tuple[m.Note, ...]:
    """The notes referenced under `node`, in reading order, not those nested
    in another note's text (which are printed in brackets there)."""

    def walk(current: Any) -> Iterator[m.Note]:
        for child in children_of(current):
            if isinstance(child, m.Note):
                yield child
            else:
                yield from walk(child)

    if isinstance(node, m.Note):
        return (node,)
    return tuple(walk(node))


def paragraph(inlines: tuple[m.Inline, ...], style: ParagraphStyle, ctx: BlockContext, *, prefix: str = "") -> RichParagraph:
    markup = prefix + inlines_to_markup(inlines, ctx.inline_context(style))
    notes = tuple(n for inline in inlines for n in notes_in(inline)) if ctx.carry_notes and not ctx.in_note else ()
    return RichParagraph(markup, style, resources=ctx.resources, notes=notes)


def with_notes(flowable: Flowable, node: Any, ctx: BlockContext) -> Flowable:
    """Let a container flowable carry the notes referenced inside it."""
    if ctx.carry_notes and not ctx.in_note:
        flowable.dossier_notes = notes_in(node)
    return flowable


def blocks_to_flowables(blocks: tuple[m.Block, ...], ctx: BlockContext) -> list[Flowable]:
    return [flowable for block in blocks for flowable in block_to_flowables(block, ctx)]


def block_to_flowables(block: m.Block, ctx: BlockContext) -> list[Flowable]:
    from dossier.render.pdf import boxes, tables

    ctx = ctx.at(block.pos)
    match block:
        case m.Paragraph(children=children):
            return [paragraph(children, ctx.text_style, ctx)]
        case m.Heading():
            return [heading(block, ctx)]
        case m.BulletList(items=()) | m.OrderedList(items=()):
            return []
        case m.BulletList(items=items, tight=tight):
            return [with_notes(_list(items, tight, None, ctx), block, ctx)]
        case m.OrderedList(items=items, tight=tight, start=start):
            return [with_notes(_list(items, tight, start, ctx), block, ctx)]
        case m.DefinitionList(items=items):
            return _definition_list(items, ctx)
        case m.BlockQuote(blocks=blocks):
            return boxes.block_quote(blocks, ctx)
        case m.CodeBlock(text=text):
            return [code_block(text, ctx)]
        case m.HorizontalRule():
            rule = colour(ctx.styles.theme.colours.rule)
            return [HRFlowable(width="40%", thickness=0.6, color=rule, spaceBefore=8, spaceAfter=10, hAlign="CENTER")]
        case m.Table():
            return tables.table(block, ctx)
        case m.Figure():
            return boxes.figure(block, ctx)
        case m.Callout():
            return boxes.callout(block, ctx)
        case _:
            assert_never(block)


#: A "heading" longer than this is really a paragraph in heading type: kept
#: with what follows, it would drag pages along with it (and reportlab
#: re-measures it on every try).
LONG_HEADING = 300


def heading(block: m.Heading, ctx: BlockContext) -> HeadingParagraph:
    style = ctx.styles.heading(block.level)
    if len(plain_text(block.children)) > LONG_HEADING:
        style = ParagraphStyle(f"{style.name}-long", parent=style, keepWithNext=0)
    markup = inlines_to_markup(block.children, ctx.inline_context(style))
    notes = notes_in(block) if ctx.carry_notes and not ctx.in_note else ()
    return HeadingParagraph(
        markup,
        style,
        resources=ctx.resources,
        notes=notes,
        anchor=block.id,
        outline_title=plain_text(block.children),
        outline_level=max(1, block.level - 1),
    )


def _list(items: tuple[m.ListItem, ...], tight: bool, start: int | None, ctx: BlockContext) -> ListFlowable:
    style = ctx.text_style
    face = ctx.styles.face(style)
    gap = 0 if tight else style.spaceAfter
    entries = []
    for item in items:
        # An empty item still shows its bullet: it needs a line to sit on.
        flowables = blocks_to_flowables(item.blocks, ctx.at(item.pos)) or [RichParagraph("&nbsp;", style)]
        if tight:
            for flowable in flowables:
                if isinstance(flowable, RichParagraph):
                    flowable.style = ParagraphStyle(f"{style.name}-tight", parent=flowable.style, spaceAfter=2)
        kwargs: dict[str, Any] = {"spaceBefore": gap}
        if item.checked is not None:
            box = TASK_DONE if item.checked else TASK_OPEN
            kwargs.update(value=box, bulletFontName=ctx.styles.fonts.fallback.regular)
        entries.append(ListItem(flowables, **kwargs))
    common: dict[str, Any] = {
        "bulletFontName": face.regular,
        "bulletFontSize": style.fontSize,
        "bulletColor": style.textColor,
        "spaceAfter": style.spaceAfter,
    }
    if start is None:
        indent = style.fontSize * 1.6
        return ListFlowable(entries, bulletType="bullet", start="•", leftIndent=indent, bulletDedent=indent * 0.85, **common)
    last = str(start + len(items) - 1)
    indent = stringWidth(last + ".", face.regular, style.fontSize) + style.fontSize * 0.9
    return ListFlowable(entries, bulletType="1", start=start, bulletFormat="%s.", leftIndent=indent, bulletDedent=indent, **common)


def _definition_list(items: tuple[m.DefinitionItem, ...], ctx: BlockContext) -> list[Flowable]:
    indent = ctx.text_style.fontSize * 1.8
    out: list[Flowable] = []
    for item in items:
        item_ctx = ctx.at(item.pos)
        term = paragraph(item.term, ctx.styles.definition_term, item_ctx)
        definitions = [blocks_to_flowables(definition, item_ctx) for definition in item.definitions]
        first = definitions[0][:1] if definitions and definitions[0] else []
        # The term stays with the start of its definition: a keepWithNext on
        # the term alone would bind it to the (empty) indenter instead.
        out.append(KeepTogether([term, Indenter(left=indent), *first, Indenter(left=-indent)]))
        for index, flowables in enumerate(definitions):
            rest = flowables[1:] if index == 0 else flowables
            if rest:
                out.extend([Indenter(left=indent), *rest, Indenter(left=-indent)])
    out.append(Spacer(0, 2))
    return out


def code_block(text: str, ctx: BlockContext) -> RichParagraph:
    """Monospaced, wrapped by hand: reportlab's preformatted text never wraps,
    so long lines break at the frame's width and go on after a ↪ marker."""
    style = ctx.styles.code
    face = ctx.styles.fonts.mono
    char_width = stringWidth("M", face.regular, style.fontSize)
    usable = ctx.width - style.leftIndent - style.rightIndent
    columns = max(20, int(usable / char_width))
    inline = ctx.inline_context(style)
    lines: list[str] = []
    for line in text.rstrip("\n").expandtabs(4).split("\n"):
        for number, piece in enumerate(_wrap_code_line(line, columns)):
            marked = text_markup(piece, face, inline).replace(" ", "&nbsp;")
            lines.append(f'<font color="#8a8f98">↪</font>{marked}' if number else marked)
    return RichParagraph("<br/>".join(lines) or "&nbsp;", style, resources=ctx.resources)


def _wrap_code_line(line: str, columns: int) -> list[str]:
    if len(line) <= columns:
        return [line]
    indent = len(line) - len(line.lstrip(" "))
    width = columns - 1
    pieces = [line[:columns]]
    rest = line[columns:]
    lead = " " * min(indent, width // 2)
    room = width - len(lead)
    while rest:
        pieces.append(lead + rest[:room])
        rest = rest[room:]
    return pieces

