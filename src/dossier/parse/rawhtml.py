"""Raw HTML in Markdown, read through an allow-list into ordinary nodes.

Raw HTML never reaches an output as markup. What it means is kept when it
maps to a node; everything else is reported with its line:

- formatting (`em i cite dfn var strong b s del strike sub sup code kbd samp tt`)
  becomes the matching inline node; `a href` a link (same scheme rules as
  Markdown links); `img src alt` an image; `br` a line break;
- structure (`p h1-h6 ul ol li blockquote pre hr table tr th td dl dt dd`)
  becomes the matching block;
- neutral wrappers (`span div section article header footer main figure
  figcaption details summary abbr small u mark ins q center nav`) are
  unwrapped, their content kept;
- active or foreign content (`script style iframe object embed form input
  button select textarea template noscript svg math canvas audio video head
  link meta title base`) is dropped with its content and reported
  (`html-dropped`);
- any other element is unwrapped and reported (`html-unsupported`);
- comments are not content and vanish quietly.

Event-handler attributes and `style` are never read, so they cannot leak.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from dossier import model as m
from dossier.diagnostics import SourcePos

if TYPE_CHECKING:
    from dossier.parse.context import ChapterContext

_INLINE_WRAPPERS: dict[str, type[m.Emph] | type[m.Strong] | type[m.Strikeout] | type[m.Subscript] | type[m.Superscript]] = {
    "em": m.Emph,
    "i": m.Emph,
    "cite": m.Emph,
    "dfn": m.Emph,
    "var": m.Emph,
    "strong": m.Strong,
    "b": m.Strong,
    "s": m.Strikeout,
    "del": m.Strikeout,
    "strike": m.Strikeout,
    "sub": m.Subscript,
    "sup": m.Superscript,
}
_CODE_TAGS = frozenset({"code", "kbd", "samp", "tt"})
_UNWRAP = frozenset(
    {"span", "div", "section", "article", "header", "footer", "main", "figure", "figcaption",
     "details", "summary", "abbr", "small", "u", "mark", "ins", "q", "center", "nav", "aside",
     "html", "body", "font", "big", "time", "label", "bdi", "bdo", "wbr", "picture", "source"}
)
DROP = frozenset(
    {"script", "style", "iframe", "object", "embed", "form", "input", "button", "select",
     "textarea", "template", "noscript", "svg", "math", "canvas", "audio", "video", "head",
     "link", "meta", "title", "base", "frame", "frameset", "applet", "param", "track", "dialog"}
)
VOID_INLINE = frozenset({"br", "img", "wbr", "input", "meta", "link", "source", "track", "hr", "embed", "param", "base"})
INLINE_TAGS = frozenset(_INLINE_WRAPPERS) | _CODE_TAGS | {"a"} | (_UNWRAP - {"div", "section", "article", "header", "footer", "main", "figure", "figcaption", "details", "summary", "center", "nav", "aside", "html", "body"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"})


@dataclass(frozen=True, slots=True)
class Tag:
    name: str
    attrs: dict[str, str]
    closing: bool


_TAG = re.compile(r"^<(/?)([A-Za-z][A-Za-z0-9-]*)(.*?)(/?)>$", re.DOTALL)


def parse_tag(html: str) -> Tag | None:
    """One inline HTML token (`<em>`, `</a>`, `<img src=x>`); None for comments."""
    match = _TAG.match(html.strip())
    if not match:
        return None
    closing, name, _rest, _self = match.groups()
    element = _parse(html)
    attrs = element.children[0].attrs if element.children and isinstance(element.children[0], _Element) else {}
    return Tag(name.lower(), attrs, bool(closing))


def report_tag(tag: Tag, ctx: ChapterContext, pos: SourcePos) -> None:
    if tag.closing:
        return
    if tag.name in DROP:
        ctx.report.warn("html-dropped", f"raw HTML <{tag.name}> is not allowed in the book and was left out", pos)
    elif tag.name not in _UNWRAP:
        ctx.report.warn("html-unsupported", f"raw HTML <{tag.name}> is not supported; its content is kept as plain text", pos)


def void_inline(tag: Tag, ctx: ChapterContext, pos: SourcePos) -> tuple[m.Inline, ...]:
    if tag.name == "br":
        return (m.LineBreak(pos=pos),)
    if tag.name == "wbr":
        return ()
    if tag.name == "img":
        return (ctx.image(tag.attrs.get("alt", ""), tag.attrs.get("src", ""), tag.attrs.get("title", ""), pos),)
    report_tag(tag, ctx, pos)
    return ()


def wrap_inline(name: str, attrs: dict[str, str], children: tuple[m.Inline, ...], ctx: ChapterContext, pos: SourcePos) -> tuple[m.Inline, ...]:
    """The node an inline HTML element stands for, around its converted children."""
    if name in DROP:
        return ()
    if name in _INLINE_WRAPPERS:
        return (_INLINE_WRAPPERS[name](children=children, pos=pos),)
    if name in _CODE_TAGS:
        from dossier.walk import plain_text

        return (m.Code(text=plain_text(children), pos=pos),)
    if name == "a":
        if "href" not in attrs:
            return children
        return ctx.link(children, attrs["href"], attrs.get("title", ""), pos)
    return children


# ----------------------------------------------------------------- HTML blocks


@dataclass(slots=True)
class _Element:
    name: str
    attrs: dict[str, str]
    children: list[_Element | str] = field(default_factory=list)


_MAX_HTML_DEPTH = 40


class _TreeBuilder(HTMLParser):
    """A forgiving element tree: unclosed tags close with their parent."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = _Element(tag, {k.lower(): v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        # Past a sane depth, elements stay flat: content is kept, nesting is not.
        if tag not in _VOID and len(self.stack) < _MAX_HTML_DEPTH:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_Element(tag, {k.lower(): v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].name == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def _parse(html: str) -> _Element:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


_BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "hr", "table", "dl"})
_WS = re.compile(r"[ \t\r\n\f]+")


def html_to_blocks(html: str, ctx: ChapterContext, pos: SourcePos) -> tuple[m.Block, ...]:
    return tuple(_blocks(_parse(html).children, ctx, pos))


def _blocks(children: list[_Element | str], ctx: ChapterContext, pos: SourcePos) -> list[m.Block]:
    blocks: list[m.Block] = []
    pending: list[_Element | str] = []

    def flush() -> None:
        inlines = _strip(_inlines(pending, ctx, pos))
        if inlines:
            blocks.append(m.Paragraph(children=inlines, pos=pos))
        pending.clear()

    for child in children:
        if isinstance(child, str) or not _is_block(child):
            pending.append(child)
            continue
        flush()
        blocks.extend(_block(child, ctx, pos))
    flush()
    return blocks


def _is_block(element: _Element) -> bool:
    return element.name in _BLOCK_TAGS or element.name in DROP or (
        element.name in _UNWRAP and element.name not in INLINE_TAGS
    ) or (element.name not in INLINE_TAGS and element.name not in VOID_INLINE)


def _block(element: _Element, ctx: ChapterContext, pos: SourcePos) -> list[m.Block]:
    name = element.name
    if name in DROP:
        ctx.report.warn("html-dropped", f"raw HTML <{name}> is not allowed in the book and was left out", pos)
        return []
    if name == "p":
        inlines = _strip(_inlines(element.children, ctx, pos))
        return [m.Paragraph(children=inlines, pos=pos)] if inlines else []
    if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return [m.Heading(level=int(name[1]), children=_strip(_inlines(element.children, ctx, pos)), id=element.attrs.get("id", ""), pos=pos)]
    if name in ("ul", "ol"):
        items = tuple(
            m.ListItem(blocks=tuple(_blocks(li.children, ctx, pos)), pos=pos)
            for li in element.children
            if isinstance(li, _Element) and li.name == "li"
        )
        if name == "ul":
            return [m.BulletList(items=items, pos=pos)]
        start = element.attrs.get("start", "1")
        return [m.OrderedList(items=items, start=int(start) if start.isdigit() else 1, pos=pos)]
    if name == "blockquote":
        return [m.BlockQuote(blocks=tuple(_blocks(element.children, ctx, pos)), pos=pos)]
    if name == "pre":
        return [m.CodeBlock(text=_text(element).strip("\n") + "\n", pos=pos)]
    if name == "hr":
        return [m.HorizontalRule(pos=pos)]
    if name == "table":
        return _table(element, ctx, pos)
    if name == "dl":
        return _definition_list(element, ctx, pos)
    if name not in _UNWRAP:
        ctx.report.warn("html-unsupported", f"raw HTML <{name}> is not supported; its content is kept", pos)
    return _blocks(element.children, ctx, pos)


def _table(element: _Element, ctx: ChapterContext, pos: SourcePos) -> list[m.Block]:
    rows: list[tuple[bool, m.TableRow]] = []
    for row in _descendants(element, "tr"):
        cells = [c for c in row.children if isinstance(c, _Element) and c.name in ("th", "td")]
        header = bool(cells) and all(c.name == "th" for c in cells)
        rows.append((header, m.TableRow(cells=tuple(m.TableCell(children=_strip(_inlines(c.children, ctx, pos)), pos=pos) for c in cells), pos=pos)))
    if not rows:
        return []
    width = max(len(r.cells) for _, r in rows)
    padded = [(h, m.TableRow(cells=r.cells + tuple(m.TableCell(children=(), pos=pos) for _ in range(width - len(r.cells))), pos=pos)) for h, r in rows]
    head = tuple(r for h, r in padded[:1] if h)
    body = tuple(r for _, r in padded[len(head):])
    return [m.Table(aligns=(m.Align.DEFAULT,) * width, head=head, body=body, pos=pos)]


def _definition_list(element: _Element, ctx: ChapterContext, pos: SourcePos) -> list[m.Block]:
    items: list[m.DefinitionItem] = []
    for child in element.children:
        if not isinstance(child, _Element):
            continue
        if child.name == "dt":
            items.append(m.DefinitionItem(term=_strip(_inlines(child.children, ctx, pos)), definitions=(), pos=pos))
        elif child.name == "dd" and items:
            last = items[-1]
            items[-1] = m.DefinitionItem(term=last.term, definitions=last.definitions + (tuple(_blocks(child.children, ctx, pos)),), pos=pos)
    return [m.DefinitionList(items=tuple(items), pos=pos)] if items else []


def _descendants(element: _Element, name: str) -> list[_Element]:
    found: list[_Element] = []
    for child in element.children:
        if isinstance(child, _Element):
            if child.name == name:
                found.append(child)
            else:
                found.extend(_descendants(child, name))
    return found


def _text(element: _Element) -> str:
    return "".join(c if isinstance(c, str) else _text(c) for c in element.children)


def _inlines(children: list[_Element | str], ctx: ChapterContext, pos: SourcePos) -> tuple[m.Inline, ...]:
    out: list[m.Inline] = []
    for child in children:
        if isinstance(child, str):
            text = _WS.sub(" ", child)
            if text:
                if out and isinstance(out[-1], m.Text):
                    out[-1] = m.Text(text=out[-1].text + text, pos=pos)
                else:
                    out.append(m.Text(text=text, pos=pos))
            continue
        tag = Tag(child.name, child.attrs, False)
        if child.name in VOID_INLINE:
            out.extend(void_inline(tag, ctx, pos))
        elif child.name in DROP:
            report_tag(tag, ctx, pos)
        else:
            if child.name not in INLINE_TAGS:
                report_tag(tag, ctx, pos)
            out.extend(wrap_inline(child.name, child.attrs, _inlines(child.children, ctx, pos), ctx, pos))
    return tuple(out)


def _strip(inlines: tuple[m.Inline, ...]) -> tuple[m.Inline, ...]:
    """Trim the whitespace HTML source layout leaves at both ends."""
    items = list(inlines)
    if items and isinstance(items[0], m.Text):
        items[0] = m.Text(text=items[0].text.lstrip(), pos=items[0].pos)
    if items and isinstance(items[-1], m.Text):
        items[-1] = m.Text(text=items[-1].text.rstrip(), pos=items[-1].pos)
    return tuple(i for i in items if not (isinstance(i, m.Text) and not i.text))
