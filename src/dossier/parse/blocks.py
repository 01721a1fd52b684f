"""markdown-it block tokens (as a `SyntaxTreeNode` tree) → tree blocks."""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from dossier import model as m
from dossier.diagnostics import SourcePos
from dossier.parse import rawhtml
from dossier.parse.context import ChapterContext
from dossier.parse.inlines import convert_inlines
from dossier.parse.mdit import CONTAINER

_ATTRS = re.compile(r"\s*\{([^{}]*)\}\s*$")
_ALIGN = re.compile(r"text-align:\s*(left|center|right)")
_CAPTION = re.compile(r"^(?:Table)?:\s+")


def line_of(node: SyntaxTreeNode, default: int = 0) -> int:
    return node.map[0] + 1 if node.map else default


def inlines_of(node: SyntaxTreeNode, ctx: ChapterContext, line: int) -> tuple[m.Inline, ...]:
    """The inlines of a block whose single child is an `inline` token."""
    inline = next((c for c in node.children if c.type == "inline"), None)
    if inline is None:
        return ()
    return convert_inlines(inline.children, ctx, line_of(inline, line))


def split_attrs(inlines: tuple[m.Inline, ...]) -> tuple[tuple[m.Inline, ...], str, tuple[str, ...]]:
    """Take a trailing `{#id .class}` off heading or caption text."""
    if not inlines or not isinstance(inlines[-1], m.Text):
        return inlines, "", ()
    last = inlines[-1]
    match = _ATTRS.search(last.text)
    if not match:
        return inlines, "", ()
    ident, classes = "", []
    for word in match.group(1).split():
        if word.startswith("#"):
            ident = word[1:]
        elif word.startswith("."):
            classes.append(word[1:])
    text = last.text[: match.start()]
    head = inlines[:-1] + ((m.Text(text=text, pos=last.pos),) if text else ())
    return head, ident, tuple(classes)


def convert_blocks(nodes: list[SyntaxTreeNode], ctx: ChapterContext) -> tuple[m.Block, ...]:
    blocks: list[m.Block] = []
    for node in nodes:
        converted = convert_block(node, ctx)
        # A paragraph "Table: ..." right after a table is that table's caption.
        if (
            isinstance(converted, m.Paragraph)
            and blocks
            and isinstance(blocks[-1], m.Table)
            and not blocks[-1].caption
            and (caption := _caption(converted))
        ):
            text, ident, _ = split_attrs(caption)
            blocks[-1] = _with_caption(blocks[-1], text, ident)
            continue
        if isinstance(converted, tuple):
            blocks.extend(converted)
        elif converted is not None:
            blocks.append(converted)
    return tuple(blocks)


def _caption(paragraph: m.Paragraph) -> tuple[m.Inline, ...] | None:
    first = paragraph.children[0] if paragraph.children else None
    if not isinstance(first, m.Text):
        return None
    match = _CAPTION.match(first.text)
    if not match:
        return None
    rest = first.text[match.end():]
    return ((m.Text(text=rest, pos=first.pos),) if rest else ()) + paragraph.children[1:]


def _with_caption(table: m.Table, caption: tuple[m.Inline, ...], ident: str) -> m.Table:
    return m.Table(aligns=table.aligns, head=table.head, body=table.body, caption=caption, id=ident, pos=table.pos)


def convert_block(node: SyntaxTreeNode, ctx: ChapterContext) -> m.Block | tuple[m.Block, ...] | None:
    line = line_of(node)
    pos = ctx.pos(line)
    match node.type:
        case "paragraph":
            return _paragraph(node, ctx, line)
        case "heading":
            children, ident, classes = split_attrs(inlines_of(node, ctx, line))
            return m.Heading(level=int(node.tag[1]), children=children, id=ident, classes=classes, pos=pos)
        case "bullet_list":
            return m.BulletList(items=_items(node, ctx), tight=_tight(node), pos=pos)
        case "ordered_list":
            start = node.attrs.get("start", 1)
            return m.OrderedList(items=_items(node, ctx), start=int(start), tight=_tight(node), pos=pos)
        case "blockquote":
            return m.BlockQuote(blocks=convert_blocks(node.children, ctx), pos=pos)
        case "fence":
            language = node.info.strip().split(maxsplit=1)[0] if node.info.strip() else ""
            return m.CodeBlock(text=node.content, language=language, pos=pos)
        case "code_block":
            return m.CodeBlock(text=node.content, pos=pos)
        case "hr":
            return m.HorizontalRule(pos=pos)
        case "html_block":
            return rawhtml.html_to_blocks(node.content, ctx, pos)
        case "table":
            return _table(node, ctx, pos)
        case "dl":
            return _definition_list(node, ctx, pos)
        case "alert":
            kind = m.CalloutKind(str(node.meta.get("kind", "note")).lower())
            body = [c for c in node.children if c.type != "alert_title"]
            return m.Callout(kind=kind, blocks=convert_blocks(body, ctx), pos=pos)
        case "front_matter" | "footnote_block":
            return None  # read by `parse_chapter` before the body
        case _ if node.type == f"container_{CONTAINER}":
            return _callout(node, ctx, pos)
        case _:
            ctx.report.warn("token-unknown", f"unsupported block markup {node.type!r}; its content is kept", pos)
            return convert_blocks(node.children, ctx) if node.children else None


def _paragraph(node: SyntaxTreeNode, ctx: ChapterContext, line: int) -> m.Paragraph | m.Figure | None:
    inline = node.children[0] if node.children else None
    children = inlines_of(node, ctx, line)
    if not children:
        return None
    if inline is not None and len(children) == 1 and isinstance(children[0], m.Image):
        image_token = next((c for c in inline.children if c.type == "image"), None)
        ident = str(image_token.attrs.get("id", "")) if image_token is not None else ""
        image = children[0]
        caption = (m.Text(text=image.title, pos=image.pos),) if image.title else ()
        return m.Figure(image=image, caption=caption, id=ident, pos=ctx.pos(line))
    return m.Paragraph(children=children, pos=ctx.pos(line))


def _tight(node: SyntaxTreeNode) -> bool:
    for item in node.children:
        for child in item.children:
            if child.type == "paragraph" and not child.hidden:
                return False
    return True


def _items(node: SyntaxTreeNode, ctx: ChapterContext) -> tuple[m.ListItem, ...]:
    items = []
    for item in node.children:
        checked = item.meta.get("checked") if item.meta else None
        items.append(
            m.ListItem(
                blocks=convert_blocks(item.children, ctx),
                checked=bool(checked) if checked is not None else None,
                pos=ctx.pos(line_of(item)),
            )
        )
    return tuple(items)


def _table(node: SyntaxTreeNode, ctx: ChapterContext, pos: SourcePos) -> m.Table:
    head: list[m.TableRow] = []
    body: list[m.TableRow] = []
    aligns: tuple[m.Align, ...] = ()
    for section in node.children:
        for row in section.children:
            cells = []
            row_aligns = []
            for cell in row.children:
                style = str(cell.attrs.get("style", ""))
                found = _ALIGN.search(style)
                row_aligns.append(m.Align(found.group(1)) if found else m.Align.DEFAULT)
                cells.append(m.TableCell(children=inlines_of(cell, ctx, line_of(row, pos.line)), pos=ctx.pos(line_of(row, pos.line))))
            target = head if section.type == "thead" else body
            target.append(m.TableRow(cells=tuple(cells), pos=ctx.pos(line_of(row, pos.line))))
            if section.type == "thead":
                aligns = tuple(row_aligns)
    return m.Table(aligns=aligns, head=tuple(head), body=tuple(body), pos=pos)


def _definition_list(node: SyntaxTreeNode, ctx: ChapterContext, pos: SourcePos) -> m.DefinitionList:
    items: list[m.DefinitionItem] = []
    for child in node.children:
        if child.type == "dt":
            items.append(m.DefinitionItem(term=inlines_of(child, ctx, line_of(child)), definitions=(), pos=ctx.pos(line_of(child))))
        elif child.type == "dd" and items:
            last = items[-1]
            items[-1] = m.DefinitionItem(
                term=last.term, definitions=last.definitions + (convert_blocks(child.children, ctx),), pos=last.pos
            )
    return m.DefinitionList(items=tuple(items), pos=pos)


def _callout(node: SyntaxTreeNode, ctx: ChapterContext, pos: SourcePos) -> m.Callout:
    words = node.info.strip().split(maxsplit=1)
    name = words[0].lower() if words else ""
    title_text = words[1] if len(words) > 1 else ""
    try:
        kind = m.CalloutKind(name)
    except ValueError:
        known = ", ".join(k.value for k in m.CalloutKind)
        ctx.report.warn("container-unknown", f"unknown container '::: {name}' (known: {known}); shown as a note", pos)
        kind = m.CalloutKind.NOTE
        title_text = title_text or name.capitalize()
    title: tuple[m.Inline, ...] = ()
    if title_text:
        tokens = ctx.md.parseInline(title_text)
        title = convert_inlines(SyntaxTreeNode(tokens).children[0].children, ctx, pos.line) if tokens else ()
    return m.Callout(kind=kind, title=title, blocks=convert_blocks(node.children, ctx), pos=pos)
