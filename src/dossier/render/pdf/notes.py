"""Note text: the block printed at the page foot, or at the chapter's end.

Both forms link back: the note's number jumps to its reference (whose anchor
`inline.note_ref_anchor` sets), as the reference jumps to the note.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.platypus import Flowable

from dossier import model as m
from dossier.render.pdf.blocks import (
    BlockContext,
    blocks_to_flowables,
    notes_in,
    paragraph,
)
from dossier.render.pdf.flowables import NoteBlock
from dossier.render.pdf.inline import RichParagraph, escape_attr, note_ref_anchor


def note_context(ctx: BlockContext) -> BlockContext:
    styles = ctx.styles
    return replace(ctx, text_style=styles.footnote, carry_notes=False, in_note=True)


def _number_markup(note: m.Note, ctx: BlockContext) -> str:
    link = ctx.styles.theme.colours.link
    return (
        f'<a name="{escape_attr(note.id)}"/>'
        f'<a href="#{escape_attr(note_ref_anchor(note))}" color="{link}">{note.number}.</a>&nbsp;'
    )


def note_block(note: m.Note, ctx: BlockContext) -> NoteBlock:
    """The note's blocks in the footnote style, its number first, as one flowable."""
    ctx = note_context(ctx).at(note.pos)
    number = _number_markup(note, ctx)
    blocks = note.blocks
    flowables: list[Flowable]
    if blocks and isinstance(blocks[0], m.Paragraph):
        first = paragraph(blocks[0].children, ctx.text_style, ctx.at(blocks[0].pos), prefix=number)
        flowables = [first, *blocks_to_flowables(blocks[1:], ctx)]
    else:
        flowables = [RichParagraph(number, ctx.text_style), *blocks_to_flowables(blocks, ctx)]
    for flowable in flowables:
        flowable.spaceBefore = 0
    return NoteBlock(note.id, flowables, gap=ctx.text_style.spaceAfter)


def endnotes(chapter: m.Chapter, ctx: BlockContext, title: str) -> list[Flowable]:
    """A chapter's notes, in reference order, under a small heading."""
    notes = tuple(n for block in chapter.blocks for n in notes_in(block))
    if not notes:
        return []
    heading = RichParagraph(escape_attr(title), ctx.styles.heading3)
    return [heading, *(note_block(note, ctx) for note in notes)]
