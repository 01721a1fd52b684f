"""SVG images: read safely, checked for active content, measured.

An SVG is a program as much as a picture: it may hold scripts, event
handlers, foreign HTML and references to remote files. The book embeds an
SVG only when it has none of these, and says which one it found otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_FORBIDDEN = frozenset({"script", "foreignObject", "iframe", "object", "embed", "handler", "listener"})
_LENGTH = re.compile(r"^\s*([0-9.]+)\s*(px|pt|mm|cm|in)?\s*$")
_UNITS = {None: 1.0, "px": 1.0, "pt": 4 / 3, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0}
_REMOTE = re.compile(r"^\s*(?!#)(?!data:image/)[a-z][a-z0-9+.-]*:", re.I)
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)(?!data:image/)[a-z][a-z0-9+.-]*:", re.I)


class SvgProblem(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class SvgSize:
    width: int
    height: int


def looks_like_svg(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<svg", b"<?xml", b"<!--", b"<!doctype svg")) and b"<svg" in data[:4096].lower()


def check_svg(data: bytes) -> SvgSize:
    """The SVG's size in CSS pixels; `SvgProblem` if it is not a safe SVG."""
    if b"<!ENTITY" in data or b"<!entity" in data:
        raise SvgProblem("it declares XML entities")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise SvgProblem(f"not well-formed XML: {error}") from None
    if etree.QName(root).localname != "svg" or etree.QName(root).namespace != SVG_NS:
        raise SvgProblem("the root element is not <svg> in the SVG namespace")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        if name in _FORBIDDEN:
            raise SvgProblem(f"it holds a <{name}> element (active content)")
        for attribute, value in element.attrib.items():
            local = etree.QName(attribute).localname.lower()
            if local.startswith("on"):
                raise SvgProblem(f"<{name}> has an event handler ({local})")
            if local == "href" and _REMOTE.match(value):
                raise SvgProblem(f"<{name}> links to {value[:60]!r} (only in-file and embedded images are allowed)")
            if _CSS_URL.search(value):
                raise SvgProblem(f"<{name}> refers to an outside file in {local}")
        if name == "style" and element.text and (_CSS_URL.search(element.text) or "@import" in element.text):
            raise SvgProblem("its stylesheet refers to an outside file")
    return _size(root)


def _size(root: etree._Element) -> SvgSize:
    width = _length(root.get("width"))
    height = _length(root.get("height"))
    view_box = (root.get("viewBox") or "").replace(",", " ").split()
    if (width is None or height is None) and len(view_box) == 4:
        try:
            box_w, box_h = float(view_box[2]), float(view_box[3])
        except ValueError:
            box_w = box_h = 0
        if box_w > 0 and box_h > 0:
            if width is None and height is None:
                width, height = box_w, box_h
            elif width is None and height is not None:
                width = height * box_w / box_h
            elif width is not None:
                height = width * box_h / box_w
    return SvgSize(round(width or 300), round(height or 150))


def _length(value: str | None) -> float | None:
    if not value:
        return None
    match = _LENGTH.match(value)
    if not match:
        return None  # percentages and unknown units: fall back to the viewBox
    return float(match.group(1)) * _UNITS[match.group(2)]
