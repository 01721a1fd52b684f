"""Front matter: the title page and the table of contents."""

from __future__ import annotations

import io
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Image, NextPageTemplate, PageBreak, Spacer

from dossier import model as m
from dossier.render.pdf.blocks import BlockContext
from dossier.render.pdf.flowables import HeadingParagraph, Marker, TocLine
from dossier.render.pdf.inline import (
    RASTER_TYPES,
    RichParagraph,
    inlines_to_markup,
    text_markup,
)
from dossier.walk import plain_text

CONTENTS_ANCHOR = "dossier-contents"


def _line(text: str, style_name: str, ctx: BlockContext) -> RichParagraph:
    style = getattr(ctx.styles, style_name)
    return RichParagraph(text_markup(text, ctx.styles.face(style), ctx.inline_context(style)), style)


def title_page(meta: m.Metadata, ctx: BlockContext) -> list[Flowable]:
    out: list[Flowable] = []
    cover = ctx.resources.get(meta.cover) if meta.cover else None
    if cover is not None and cover.media_type in RASTER_TYPES:
        scale = min(ctx.width / cover.width, ctx.height * 0.42 / cover.height)
        out += [Image(io.BytesIO(cover.data), width=cover.width * scale, height=cover.height * scale), Spacer(0, 24)]
    elif meta.cover:
        ctx.report.warn("image-unsupported", f"cover {meta.cover!r} is not a PNG or JPEG resource, so the title page has none", ctx.pos)
        out.append(Spacer(0, ctx.height * 0.2))
    else:
        out.append(Spacer(0, ctx.height * 0.22))
    out.append(_line(meta.title, "title", ctx))
    if meta.subtitle:
        out.append(_line(meta.subtitle, "subtitle", ctx))
    if meta.authors:
        out.append(_line(", ".join(meta.authors), "title_meta", ctx))
    out.append(Spacer(0, 36))
    for text in (meta.publisher, meta.date):
        if text:
            out.append(_line(text, "title_meta", ctx))
    if meta.marking:
        out += [Spacer(0, 20), _line(meta.marking.upper(), "title_meta", ctx)]
    return out


def _entries(entries: tuple[m.TocEntry, ...], depth: int, ctx: BlockContext) -> list[m.TocEntry]:
    out: list[m.TocEntry] = []
    for entry in entries:
        if entry.level > depth:
            continue
        if entry.target in ctx.anchors:
            out.append(entry)
        else:
            ctx.report.warn("toc-target-missing", f"contents entry {entry.target!r} has no heading in the book; left out", ctx.pos)
        out.extend(_entries(entry.children, depth, ctx))
    return out


#: A contents line longer than this is cut short: a "heading" that is a
#: whole paragraph would not fit the contents page.
TOC_TITLE_CHARS = 160


def _toc_title(title: tuple[m.Inline, ...], style: Any, ctx: BlockContext) -> str:
    text = plain_text(title)
    if len(text) <= TOC_TITLE_CHARS:
        return inlines_to_markup(title, ctx.inline_context(style))
    short = text[:TOC_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    return text_markup(short, ctx.styles.face(style), ctx.inline_context(style))


def contents(toc: tuple[m.TocEntry, ...], depth: int, ctx: BlockContext, title: str = "Contents") -> list[Flowable]:
    styles = ctx.styles
    heading_style = styles.toc_title
    head = HeadingParagraph(
        text_markup(title, styles.face(heading_style), ctx.inline_context(heading_style)),
        heading_style,
        anchor=CONTENTS_ANCHOR,
        outline_title=title,
        outline_level=0,
    )
    out: list[Flowable] = [head]
    number_width = stringWidth("0000", styles.toc1.fontName, styles.toc1.fontSize)
    for index, entry in enumerate(_entries(toc, depth, ctx)):
        style = (styles.toc1, styles.toc2, styles.toc3)[min(entry.level, 3) - 1]
        title_para = RichParagraph(_toc_title(entry.title, style, ctx), style)
        indent = (entry.level - 1) * style.fontSize * 1.5
        out.append(TocLine(title_para, entry.target, f"toc{index}", indent=indent, number_width=number_width))
    return out


def front_matter(doc: m.Document, depth: int, duplex: bool, ctx: BlockContext) -> list[Flowable]:
    story = title_page(doc.meta, ctx)
    story += [NextPageTemplate("front"), PageBreak()]
    if duplex:
        story += [Marker("blank"), PageBreak()]
    if doc.toc:
        story += contents(doc.toc, depth, ctx)
    story.append(NextPageTemplate("body"))
    return story

