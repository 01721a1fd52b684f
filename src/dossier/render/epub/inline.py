"""Inlines → XHTML: one `match` over every `Inline`, appended into a parent."""

from __future__ import annotations

import dataclasses
import re
from typing import assert_never
from urllib.parse import quote, urlsplit

from dossier import model as m
from dossier.render.epub.context import XhtmlContext
from dossier.render.epub.markup import Element, append_text, el, sub
from dossier.walk import plain_text

#: The only link schemes that may leave the book.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
#: Characters a URL may hold as they are (RFC 3986 reserved and unreserved, and `%`).
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def clean_url(url: str) -> str:
    """`url` with every character a URL may not hold percent-encoded."""
    return quote(_STRAY_PERCENT.sub("%25", url.strip()), safe=_URL_SAFE)


def inlines_to_xhtml(parent: Element, inlines: tuple[m.Inline, ...], ctx: XhtmlContext) -> Element:
    """Append `inlines` to `parent` (after what it already holds); returns `parent`."""
    for previous, inline in zip((None, *inlines), inlines, strict=False):
        # Adjacent note numbers would read as one number ("1213"): separate them.
        if isinstance(inline, m.Note) and isinstance(previous, m.Note) and not ctx.in_link:
            sub(parent, "sup", {"class": "noteref-separator"}, text=",")
        inline_to_xhtml(parent, inline, ctx)
    return parent


def inline_to_xhtml(parent: Element, inline: m.Inline, ctx: XhtmlContext) -> None:
    match inline:
        case m.Text(text=text):
            append_text(parent, text)
        case m.SoftBreak():
            append_text(parent, "\n")
        case m.LineBreak():
            sub(parent, "br")
        case m.Emph(children=children):
            inlines_to_xhtml(sub(parent, "em"), children, ctx)
        case m.Strong(children=children):
            inlines_to_xhtml(sub(parent, "strong"), children, ctx)
        case m.Strikeout(children=children):
            inlines_to_xhtml(sub(parent, "s"), children, ctx)
        case m.Superscript(children=children):
            inlines_to_xhtml(sub(parent, "sup"), children, ctx)
        case m.Subscript(children=children):
            inlines_to_xhtml(sub(parent, "sub"), children, ctx)
        case m.Code(text=text):
            sub(parent, "code", text=text)
        case m.Link():
            _link(parent, inline, ctx)
        case m.Ref():
            _ref(parent, inline, ctx)
        case m.Image():
            parent.append(image_element(inline, ctx, {"class": "inline"}))
        case m.Note():
            _noteref(parent, inline, ctx)
        case _:
            assert_never(inline)


def _link(parent: Element, link: m.Link, ctx: XhtmlContext) -> None:
    scheme = urlsplit(link.url.strip()).scheme.lower()
    if scheme not in SAFE_SCHEMES:
        ctx.report.warn("link-unsafe", f"link to {link.url!r} dropped: only http, https and mailto links are kept", link.pos)
        _children_then_notes(sub(parent, "span", {"class": "link-dropped"}), parent, link.children, ctx)
        return
    if ctx.in_link:
        _children_then_notes(sub(parent, "span", {"class": "link-nested"}), parent, link.children, ctx)
        return
    attrs = {"href": clean_url(link.url), "class": "external"}
    if link.title:
        attrs["title"] = link.title
    _children_then_notes(sub(parent, "a", attrs), parent, link.children, ctx)


def _ref(parent: Element, ref: m.Ref, ctx: XhtmlContext) -> None:
    href = ctx.layout.targets.get(ref.target)
    if href is None:
        ctx.report.warn("xref-unknown", f"cross-reference to unknown id {ref.target!r}", ref.pos)
    if href is None or ctx.in_link:
        _children_then_notes(sub(parent, "span", {"class": "xref"}), parent, ref.children, ctx)
        return
    _children_then_notes(sub(parent, "a", {"href": href, "class": "xref"}), parent, ref.children, ctx)


def _children_then_notes(anchor: Element, parent: Element, children: tuple[m.Inline, ...], ctx: XhtmlContext) -> None:
    """Fill a link; its footnote references follow it, as links may not nest."""
    inlines_to_xhtml(anchor, children, dataclasses.replace(ctx, in_link=True))
    if not ctx.in_link:
        for note in _notes_directly_in(children):
            _noteref(parent, note, ctx)


def _notes_directly_in(inlines: tuple[m.Inline, ...]) -> list[m.Note]:
    """The notes referenced from `inlines` (not those inside other notes)."""
    found: list[m.Note] = []
    for inline in inlines:
        match inline:
            case m.Note():
                found.append(inline)
            case m.Emph(children=c) | m.Strong(children=c) | m.Strikeout(children=c) | m.Link(children=c):
                found.extend(_notes_directly_in(c))
            case m.Superscript(children=c) | m.Subscript(children=c) | m.Ref(children=c):
                found.extend(_notes_directly_in(c))
            case m.Text() | m.Code() | m.Image() | m.LineBreak() | m.SoftBreak():
                pass
            case _:
                assert_never(inline)
    return found


def _noteref(parent: Element, note: m.Note, ctx: XhtmlContext) -> None:
    if ctx.in_link:
        return  # placed after the enclosing link by `_children_then_notes`
    anchor = ctx.notes[id(note)]
    link = sub(
        parent,
        "a",
        {"epub:type": "noteref", "role": "doc-noteref", "href": f"#{anchor.id}", "id": anchor.ref_id, "class": "noteref"},
    )
    sub(link, "sup", text=anchor.label)


def image_element(image: m.Image, ctx: XhtmlContext, attrs: dict[str, str]) -> Element:
    """An `img` for `image`, or its alt text in a `span` if it cannot be embedded."""
    stored = ctx.layout.images.get(image.resource)
    if stored is None:
        ctx.report.warn("image-missing", f"image {image.resource!r} is not embedded in the EPUB (missing or not PNG, JPEG, GIF, WebP or SVG)", image.pos)
        return el("span", {"class": "image-missing"}, text=image.alt or image.resource)
    if not image.alt.strip():
        ctx.report.warn("image-alt-missing", f"image {image.resource!r} has no alt text; screen readers will skip it", image.pos)
    img = el(
        "img",
        {
            **attrs,
            "src": stored.href,
            "alt": image.alt.strip(),
            "width": str(stored.resource.width),
            "height": str(stored.resource.height),
        },
    )
    if image.title:
        img.set("title", image.title)
    return img


def inline_text(inlines: tuple[m.Inline, ...]) -> str:
    """Plain text of inlines, for titles and labels."""
    return plain_text(inlines).strip()
