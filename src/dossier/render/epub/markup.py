"""Building XHTML with lxml: the one place that knows namespaces and text.

Every string from the tree reaches the output through `lxml` (`.text`,
`.tail`, attribute values), which escapes it exactly once; nothing here or
elsewhere concatenates markup.
"""

from __future__ import annotations

from lxml import etree  # type: ignore[import-untyped]
from lxml.etree import _Element as Element  # type: ignore[import-untyped]

__all__ = ["EPUB_TYPE", "NSMAP", "OPS", "XHTML", "XML_LANG", "Element", "append_text", "document", "el", "serialize", "sub"]

XHTML = "http://www.w3.org/1999/xhtml"
OPS = "http://www.idpf.org/2007/ops"
XML = "http://www.w3.org/XML/1998/namespace"
NSMAP = {None: XHTML, "epub": OPS}

EPUB_TYPE = f"{{{OPS}}}type"
XML_LANG = f"{{{XML}}}lang"


def el(tag: str, attrs: dict[str, str] | None = None, text: str = "") -> Element:
    """A detached XHTML element; `attrs` may use the key `epub:type`."""
    element: Element = etree.Element(f"{{{XHTML}}}{tag}", nsmap=NSMAP)
    for key, value in (attrs or {}).items():
        element.set(EPUB_TYPE if key == "epub:type" else key, value)
    if text:
        element.text = text
    return element


def sub(parent: Element, tag: str, attrs: dict[str, str] | None = None, text: str = "") -> Element:
    child = el(tag, attrs, text)
    parent.append(child)
    return child


def append_text(parent: Element, text: str) -> None:
    """Add `text` after whatever `parent` already holds."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def document(lang: str, title: str, stylesheet: str | None) -> tuple[Element, Element]:
    """An empty XHTML content document: returns (html, body)."""
    html = el("html", {"lang": lang, XML_LANG: lang})
    head = sub(html, "head")
    sub(head, "meta", {"charset": "utf-8"})
    sub(head, "title", text=title)
    if stylesheet:
        sub(head, "link", {"rel": "stylesheet", "type": "text/css", "href": stylesheet})
    body = sub(html, "body")
    return html, body


#: Elements that only ever sit between boxes, so a line end after each one
#: changes nothing on screen (pretty printing would also break inline runs).
_BLOCK_TAGS = frozenset(
    f"{{{XHTML}}}{tag}"
    for tag in ["head", "meta", "title", "link", "body", "section", "aside", "nav", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "hr", "figure", "figcaption", "table", "caption", "thead", "tbody", "tr"]
)


def serialize(html: Element) -> bytes:
    for element in html.iter(*_BLOCK_TAGS):
        if not element.tail and element is not html:
            element.tail = "\n"
    for element in html.iter(f"{{{XHTML}}}html", f"{{{XHTML}}}head", f"{{{XHTML}}}body"):
        if not element.text:
            element.text = "\n"
    text: str = etree.tostring(html, encoding="unicode", doctype="<!DOCTYPE html>")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + text).encode("utf-8")
