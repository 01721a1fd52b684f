"""Inlines → reportlab paragraph markup. The only place text is escaped.

Text is escaped once, here at the leaf (`&`, `<`, `>`; attribute values also
`"`), and checked against the font it will be set in: a character the face
lacks is set in the fallback face if that has it, else reported as
`glyph-missing` (reportlab would print a blank box without a word).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, assert_never

from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from dossier import model as m
from dossier.diagnostics import Report, SourcePos
from dossier.render.pdf.fonts import Face
from dossier.walk import plain_text

#: Characters never checked against a font: layout, not glyphs.
_LAYOUT_CHARS = frozenset("\n\r\t\u00ad\u200b\u200c\u200d\u2060\ufeff")


@dataclass(frozen=True, slots=True)
class InlineContext:
    """What inline conversion needs besides the nodes; small and frozen."""

    face: Face
    fallback: Face
    mono: Face
    size: float
    link_colour: str
    report: Report
    #: The nearest known source position (the enclosing block's).
    pos: SourcePos
    resources: Mapping[str, m.Resource]
    #: Largest size of an image inside running text, in points.
    inline_image_height: float
    inline_image_width: float
    #: The ids the PDF prints a destination for: a `Ref` elsewhere is text.
    anchors: frozenset[str] = frozenset()
    #: Inside a note's own text: a nested note is printed in brackets.
    in_note: bool = False

    def at(self, pos: SourcePos) -> InlineContext:
        return self if not pos.path else replace(self, pos=pos)


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attr(text: str) -> str:
    return escape(text).replace('"', "&quot;")


def text_markup(text: str, face: Face, ctx: InlineContext) -> str:
    """Escape `text` and route characters `face` lacks to the fallback face."""
    out: list[str] = []
    fallback_run: list[str] = []

    def flush() -> None:
        if fallback_run:
            out.append(f'<font face="{ctx.fallback.regular}">{escape("".join(fallback_run))}</font>')
            fallback_run.clear()

    for char in text:
        if char in _LAYOUT_CHARS or char == " " or face.has(char):
            flush()
            out.append(escape(char))
        elif ctx.fallback.has(char):
            fallback_run.append(char)
        else:
            flush()
            _warn_glyph(char, text, face, ctx)
            out.append(escape(char))
    flush()
    return "".join(out)


def _warn_glyph(char: str, text: str, face: Face, ctx: InlineContext) -> None:
    at = text.find(char)
    snippet = text[max(0, at - 20) : at + 20].strip()
    ctx.report.warn(
        "glyph-missing",
        f"character {char!r} (U+{ord(char):04X}) is in neither {face.family} nor {ctx.fallback.family}, "
        f"so the PDF shows an empty box, in “{snippet}”",
        ctx.pos,
    )


def inlines_to_markup(nodes: tuple[m.Inline, ...], ctx: InlineContext) -> str:
    parts = []
    for previous, node in zip((None, *nodes), nodes, strict=False):
        # Adjacent note numbers would read as one number ("1213"): separate them.
        if isinstance(node, m.Note) and isinstance(previous, m.Note) and not ctx.in_note:
            parts.append("<super>,</super>")
        parts.append(inline_to_markup(node, ctx))
    return "".join(parts)


def inline_to_markup(node: m.Inline, ctx: InlineContext) -> str:
    match node:
        case m.Text(text=text, pos=pos):
            return text_markup(text, ctx.face, ctx.at(pos))
        case m.Emph(children=children):
            return f"<i>{inlines_to_markup(children, ctx)}</i>"
        case m.Strong(children=children):
            return f"<b>{inlines_to_markup(children, ctx)}</b>"
        case m.Strikeout(children=children):
            return f"<strike>{inlines_to_markup(children, ctx)}</strike>"
        case m.Superscript(children=children):
            return f"<super>{inlines_to_markup(children, ctx)}</super>"
        case m.Subscript(children=children):
            return f"<sub>{inlines_to_markup(children, ctx)}</sub>"
        case m.Code(text=text, pos=pos):
            size = round(ctx.size * 0.88, 2)
            inner = text_markup(text, ctx.mono, ctx.at(pos))
            return f'<font face="{ctx.mono.regular}" size="{size}">{inner}</font>'
        case m.Link(children=children, url=url):
            return f'<a href="{escape_attr(url)}" color="{ctx.link_colour}">{inlines_to_markup(children, ctx)}</a>'
        case m.Ref(children=children, target=target) if target not in ctx.anchors:
            ctx.report.warn("xref-unknown", f"link to #{target} leads nowhere in the PDF; printed as plain text", ctx.at(node.pos).pos)
            return inlines_to_markup(children, ctx)
        case m.Ref(children=children, target=target):
            return f'<a href="#{escape_attr(target)}" color="{ctx.link_colour}">{inlines_to_markup(children, ctx)}</a>'
        case m.Image():
            return _image_markup(node, ctx)
        case m.Note():
            return _note_markup(node, ctx)
        case m.LineBreak():
            return "<br/>"
        case m.SoftBreak():
            return " "
        case _:
            assert_never(node)


def note_ref_anchor(note: m.Note) -> str:
    """The anchor at a note's reference, the target of the note's back link."""
    return f"ref-{note.id}"


def _note_markup(note: m.Note, ctx: InlineContext) -> str:
    if ctx.in_note:
        # A note inside a note has no place of its own: print it in brackets.
        inner = text_markup(plain_text(tuple(_note_inlines(note))), ctx.face, ctx.at(note.pos))
        return f" [{inner}]"
    return (
        f'<a name="{escape_attr(note_ref_anchor(note))}"/>'
        f'<a href="#{escape_attr(note.id)}" color="{ctx.link_colour}"><super>{note.number}</super></a>'
    )


def _note_inlines(note: m.Note) -> list[m.Inline]:
    out: list[m.Inline] = []
    for block in note.blocks:
        if isinstance(block, m.Paragraph):
            out.extend(block.children)
    return out


def _image_markup(image: m.Image, ctx: InlineContext) -> str:
    resource = ctx.resources.get(image.resource)
    if resource is None or resource.media_type not in RASTER_TYPES:
        why = "is not among the book's resources" if resource is None else f"is {resource.media_type}, which PDF text cannot hold"
        ctx.report.warn("image-unsupported", f"inline image {image.resource!r} {why}; its alt text is printed instead", ctx.at(image.pos).pos)
        return f"[{text_markup(image.alt, ctx.face, ctx.at(image.pos))}]"
    width, height = fit_size(resource, ctx.inline_image_width, ctx.inline_image_height)
    return f'<img src="{escape_attr(image.resource)}" width="{width:.2f}" height="{height:.2f}" valign="middle"/>'


RASTER_TYPES = frozenset({"image/png", "image/jpeg", "image/gif"})


def fit_size(resource: m.Resource, max_width: float, max_height: float) -> tuple[float, float]:
    """The image's size at 96 dpi, scaled down (never up) to fit, ratio kept."""
    width, height = resource.width * 0.75, resource.height * 0.75
    scale = min(1.0, max_width / width if width else 1.0, max_height / height if height else 1.0)
    return width * scale, height * scale


class _ResourceParser(ParaParser):
    """reportlab's parser, reading `<img src>` from the book's resources."""

    def __init__(self, resources: Mapping[str, m.Resource]) -> None:
        super().__init__()
        self._resources = resources

    def start_img(self, attributes: dict[str, Any]) -> None:
        super().start_img(attributes)
        frag = self._stack[-1]
        frag.src = io.BytesIO(self._resources[frag.src].data)


class RichParagraph(Paragraph):
    """A Paragraph whose images come from memory and that knows its notes.

    `notes` are the footnotes referenced in the text: the page frame reserves
    room for them at the foot of the page the paragraph lands on.
    """

    def __init__(
        self,
        text: str | None,
        style: Any = None,
        bulletText: str | None = None,
        frags: Any = None,
        *,
        resources: Mapping[str, m.Resource] | None = None,
        notes: tuple[m.Note, ...] = (),
        **kwargs: Any,
    ) -> None:
        self._resources = resources or {}
        self.dossier_notes = notes
        super().__init__(text, style, bulletText=bulletText, frags=frags, **kwargs)

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:
        if frags is None and text is not None:
            parser = _ResourceParser(self._resources)
            parser.caseSensitive = self.caseSensitive
            style, frags, bullet_frags = parser.parse(cleaner(text), style)
            if frags is None:
                raise ValueError(f"paragraph markup did not parse ({parser.errors[0]}): {text[:60]!r}")
            textTransformFrags(frags, style)
            if bullet_frags:
                bulletText = bullet_frags
        super()._setup(text, style, bulletText, frags, cleaner)

    def link_targets(self) -> set[str]:
        """The `#ids` this paragraph links to. Works on the parts `split`
        makes, whose frags are words: lists of (frag, text) after a width."""
        targets: set[str] = set()
        frags: list[Any] = []
        for frag in self.frags:
            if isinstance(frag, list):
                frags.extend(item[0] for item in frag[1:] if isinstance(item, tuple))
            else:
                frags.append(frag)
        for frag in frags:
            for _kind, href in getattr(frag, "link", None) or ():
                targets.add(str(href).removeprefix("#"))
        return targets
