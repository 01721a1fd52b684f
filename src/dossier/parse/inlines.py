"""markdown-it inline tokens → tree inlines.

One `match` on the token type; an unknown type is a coded warning with its
text kept, never a silent drop. Inline raw HTML is read through the allow-list
in `rawhtml`: formatting tags become nodes, the rest is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it.tree import SyntaxTreeNode

from dossier import model as m
from dossier.parse import rawhtml
from dossier.parse.context import ChapterContext
from dossier.walk import plain_text


@dataclass(slots=True)
class _Frame:
    """An open inline HTML element waiting for its closing tag."""

    tag: str
    attrs: dict[str, str]
    line: int
    children: list[m.Inline] = field(default_factory=list)


def convert_inlines(nodes: list[SyntaxTreeNode], ctx: ChapterContext, line: int) -> tuple[m.Inline, ...]:
    """Convert the children of an `inline` token; `line` is where it starts."""
    root: list[m.Inline] = []
    stack: list[_Frame] = []
    for node in nodes:
        out = stack[-1].children if stack else root
        if node.type == "html_inline":
            _html_inline(node.content, ctx, line, stack, root)
            continue
        out.extend(_convert(node, ctx, line))
        if node.type in ("softbreak", "hardbreak"):
            line += 1
    while stack:  # unclosed tags close at the end of the paragraph
        frame = stack.pop()
        (stack[-1].children if stack else root).extend(_close(frame, ctx))
    return _merge_text(root)


def _convert(node: SyntaxTreeNode, ctx: ChapterContext, line: int) -> tuple[m.Inline, ...]:
    pos = ctx.pos(line)
    match node.type:
        case "text" | "text_special":
            return (m.Text(text=node.content, pos=pos),) if node.content else ()
        case "softbreak":
            return (m.SoftBreak(pos=pos),)
        case "hardbreak":
            return (m.LineBreak(pos=pos),)
        case "em":
            return (m.Emph(children=convert_inlines(node.children, ctx, line), pos=pos),)
        case "strong":
            return (m.Strong(children=convert_inlines(node.children, ctx, line), pos=pos),)
        case "s":
            return (m.Strikeout(children=convert_inlines(node.children, ctx, line), pos=pos),)
        case "code_inline":
            return (m.Code(text=node.content, pos=pos),)
        case "link":
            children = convert_inlines(node.children, ctx, line)
            href = str(node.attrs.get("href", ""))
            title = str(node.attrs.get("title", ""))
            return ctx.link(children, href, title, pos)
        case "image":
            alt = plain_text(convert_inlines(node.children, ctx, line))
            src = str(node.attrs.get("src", ""))
            title = str(node.attrs.get("title", ""))
            return (ctx.image(alt, src, title, pos),)
        case "footnote_ref":
            return _note(str(node.meta["label"]), ctx, line)
        case "html_inline":  # handled by convert_inlines, which owns the stack
            return ()
        case _:
            ctx.report.warn("token-unknown", f"unsupported inline markup {node.type!r}; its text is kept", pos)
            if node.children:
                return convert_inlines(node.children, ctx, line)
            return (m.Text(text=node.content, pos=pos),) if node.content else ()


def _note(label: str, ctx: ChapterContext, line: int) -> tuple[m.Inline, ...]:
    pos = ctx.pos(line)
    ctx.used_notes.add(label)
    if label in ctx.converting_notes:
        ctx.report.warn("footnote-cycle", f"footnote [^{label}] refers to itself", pos)
        return (m.Text(text=f"[^{label}]", pos=pos),)
    if label not in ctx.notes:
        definition = ctx.note_nodes.get(label)
        if definition is None:  # markdown-it only emits refs with a definition
            return (m.Text(text=f"[^{label}]", pos=pos),)
        from dossier.parse.blocks import convert_blocks  # blocks import inlines

        ctx.converting_notes.add(label)
        ctx.notes[label] = convert_blocks(definition.children, ctx)
        ctx.converting_notes.discard(label)
    return (m.Note(blocks=ctx.notes[label], pos=pos),)


def _html_inline(html: str, ctx: ChapterContext, line: int, stack: list[_Frame], root: list[m.Inline]) -> None:
    pos = ctx.pos(line)
    out = stack[-1].children if stack else root
    tag = rawhtml.parse_tag(html)
    if tag is None:  # a comment or processing instruction: not content
        return
    if tag.name in rawhtml.VOID_INLINE and not tag.closing:
        out.extend(rawhtml.void_inline(tag, ctx, pos))
        return
    if tag.name not in rawhtml.INLINE_TAGS and tag.name not in rawhtml.DROP:
        rawhtml.report_tag(tag, ctx, pos)
        return
    if not tag.closing:
        if tag.name in rawhtml.DROP:  # its content goes too, when it closes
            rawhtml.report_tag(tag, ctx, pos)
        stack.append(_Frame(tag.name, tag.attrs, line))
        return
    if not any(frame.tag == tag.name for frame in stack):
        return  # a stray closing tag: nothing to close
    while stack:
        frame = stack.pop()
        (stack[-1].children if stack else root).extend(_close(frame, ctx))
        if frame.tag == tag.name:
            break


def _close(frame: _Frame, ctx: ChapterContext) -> tuple[m.Inline, ...]:
    return rawhtml.wrap_inline(frame.tag, frame.attrs, _merge_text(frame.children), ctx, ctx.pos(frame.line))


def _merge_text(nodes: list[m.Inline] | tuple[m.Inline, ...]) -> tuple[m.Inline, ...]:
    """Join adjacent `Text` nodes, which markdown-it splits at escapes."""
    merged: list[m.Inline] = []
    for node in nodes:
        if merged and isinstance(node, m.Text) and isinstance(merged[-1], m.Text):
            merged[-1] = m.Text(text=merged[-1].text + node.text, pos=merged[-1].pos)
        else:
            merged.append(node)
    return tuple(merged)
