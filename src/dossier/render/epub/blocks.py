"""Blocks → XHTML: one `match` over every `Block`, each returning its element."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import assert_never

from dossier import model as m
from dossier.render.epub.context import XhtmlContext
from dossier.render.epub.inline import image_element, inlines_to_xhtml
from dossier.render.epub.markup import XHTML, Element, append_text, el, sub

#: Callout titles when the Markdown gives none (as the built-in PDF theme).
CALLOUT_LABELS: Mapping[m.CalloutKind, str] = MappingProxyType(
    {
        m.CalloutKind.NOTE: "Note",
        m.CalloutKind.TIP: "Tip",
        m.CalloutKind.IMPORTANT: "Important",
        m.CalloutKind.WARNING: "Warning",
        m.CalloutKind.CAUTION: "Caution",
        m.CalloutKind.KEYFACTS: "Key facts",
        m.CalloutKind.QUESTIONS: "Questions",
        m.CalloutKind.TEACHER: "For the teacher",
    }
)
#: Task boxes are shown, not operated: a character, named for screen readers.
TASK_BOXES: Mapping[bool, tuple[str, str]] = MappingProxyType({True: ("☑", "done"), False: ("☐", "not done")})

_LANGUAGE = re.compile(r"[^A-Za-z0-9_+#.-]+")


def blocks_to_xhtml(blocks: tuple[m.Block, ...], ctx: XhtmlContext) -> list[Element]:
    return [block_to_xhtml(block, ctx) for block in blocks]


def block_to_xhtml(block: m.Block, ctx: XhtmlContext) -> Element:
    match block:
        case m.Paragraph(children=children):
            return inlines_to_xhtml(el("p"), children, ctx)
        case m.Heading():
            return _heading(block, ctx)
        case m.BulletList(items=items, tight=tight):
            return _list(el("ul"), items, tight, ctx)
        case m.OrderedList(items=items, tight=tight, start=start):
            return _list(el("ol", {"start": str(start)} if start != 1 else {}), items, tight, ctx)
        case m.DefinitionList():
            return _definitions(block, ctx)
        case m.BlockQuote(blocks=blocks):
            return _with_blocks(el("blockquote"), blocks, ctx)
        case m.CodeBlock(text=text, language=language):
            pre = el("pre", {"class": "code"})
            code_class = _LANGUAGE.sub("-", language).strip("-")
            sub(pre, "code", {"class": f"language-{code_class}"} if code_class else {}, text=text.removesuffix("\n"))
            return pre
        case m.HorizontalRule():
            return el("hr")
        case m.Table():
            return _table(block, ctx)
        case m.Figure():
            return _figure(block, ctx)
        case m.Callout():
            return _callout(block, ctx)
        case _:
            assert_never(block)


def _with_blocks(parent: Element, blocks: tuple[m.Block, ...], ctx: XhtmlContext) -> Element:
    for child in blocks_to_xhtml(blocks, ctx):
        parent.append(child)
    return parent


def _heading(heading: m.Heading, ctx: XhtmlContext) -> Element:
    """Chapter titles are `h1`, so section levels map to `h2`..`h6`."""
    level = min(max(heading.level, 2), 6)
    attrs = {"id": heading.id} if heading.id else {}
    if heading.classes:
        attrs["class"] = " ".join(heading.classes)
    return inlines_to_xhtml(el(f"h{level}", attrs), heading.children, ctx)


def _list(parent: Element, items: tuple[m.ListItem, ...], tight: bool, ctx: XhtmlContext) -> Element:
    classes = ["tight" if tight else "loose"]
    if any(item.checked is not None for item in items):
        classes.append("tasks")
    parent.set("class", " ".join(classes))
    for item in items:
        li = sub(parent, "li")
        if item.checked is not None:
            li.set("class", "task done" if item.checked else "task")
        _with_blocks(li, item.blocks, ctx)
        if item.checked is not None:
            _prepend_task_box(li, item.checked)
    return parent


def _prepend_task_box(li: Element, checked: bool) -> None:
    """Put the box in the item's first paragraph, so it sits on its first line."""
    char, label = TASK_BOXES[checked]
    box = el("span", {"class": "task-box", "role": "img", "aria-label": label}, text=char)
    first = li[0] if len(li) and li[0].tag == f"{{{XHTML}}}p" else None
    holder = first if first is not None else li
    box.tail = " " + (holder.text or "")
    holder.text = None
    holder.insert(0, box)


def _definitions(block: m.DefinitionList, ctx: XhtmlContext) -> Element:
    dl = el("dl")
    for item in block.items:
        inlines_to_xhtml(sub(dl, "dt"), item.term, ctx)
        for definition in item.definitions:
            _with_blocks(sub(dl, "dd"), definition, ctx)
    return dl


def _caption(parent: Element, label: str, number: int, caption: tuple[m.Inline, ...], ctx: XhtmlContext) -> None:
    """'Table 1. Text': the label in its own span, so CSS can set it apart."""
    if number:
        sub(parent, "span", {"class": "label"}, text=f"{label} {number}.")
        if caption:
            append_text(parent, " ")
    inlines_to_xhtml(parent, caption, ctx)


def _table(table: m.Table, ctx: XhtmlContext) -> Element:
    attrs = {"id": table.id} if table.id else {}
    element = el("table", attrs)
    if table.caption or table.number:
        _caption(sub(element, "caption"), "Table", table.number, table.caption, ctx)
    if table.head:
        thead = sub(element, "thead")
        for row in table.head:
            _row(sub(thead, "tr"), row, table.aligns, "th", ctx)
    tbody = sub(element, "tbody")
    for row in table.body:
        _row(sub(tbody, "tr"), row, table.aligns, "td", ctx)
    return element


def _row(tr: Element, row: m.TableRow, aligns: tuple[m.Align, ...], tag: str, ctx: XhtmlContext) -> None:
    for index, cell in enumerate(row.cells):
        attrs = {"scope": "col"} if tag == "th" else {}
        align = aligns[index] if index < len(aligns) else m.Align.DEFAULT
        if align is not m.Align.DEFAULT:
            attrs["class"] = f"align-{align.value}"
        inlines_to_xhtml(sub(tr, tag, attrs), cell.children, ctx)


def _figure(figure: m.Figure, ctx: XhtmlContext) -> Element:
    element = el("figure", {"id": figure.id} if figure.id else {})
    element.append(image_element(figure.image, ctx, {}))
    if figure.caption or figure.number:
        _caption(sub(element, "figcaption"), "Figure", figure.number, figure.caption, ctx)
    return element


def _callout(callout: m.Callout, ctx: XhtmlContext) -> Element:
    """An `aside` with the ARIA role `note` (or `doc-tip`), so it is not a
    page-level landmark; the title is a styled paragraph, not a heading, so
    the heading outline stays the chapter's."""
    kind = callout.kind.value
    role = "doc-tip" if callout.kind is m.CalloutKind.TIP else "note"
    aside = el("aside", {"class": f"callout callout-{kind}", "role": role})
    title = sub(aside, "p", {"class": "callout-title"})
    if callout.title:
        inlines_to_xhtml(title, callout.title, ctx)
    else:
        title.text = CALLOUT_LABELS[callout.kind]
    return _with_blocks(aside, callout.blocks, ctx)
