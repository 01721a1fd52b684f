"""A theme: how the book looks, as data, for every renderer.

Renderer-neutral on purpose: lengths in points, colours as `#rrggbb`, fonts
named by role (`serif`, `sans`, `mono`) with the family behind each role in
`Fonts`. The PDF renderer turns this into reportlab styles once
(`render/pdf/styles.py`); the EPUB renderer may turn it into CSS.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FontRole = Literal["serif", "sans", "mono"]
Alignment = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Fonts:
    """The family behind each role; PDF knows the bundled families by name."""

    serif: str
    sans: str
    mono: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PageStyle:
    """Margins in points. `inner` is the binding side when printing duplex."""

    margin_top: float
    margin_bottom: float
    margin_inner: float
    margin_outer: float
    #: Distance from the page edge to the running head's and folio's baselines.
    head_offset: float
    foot_offset: float


@dataclass(frozen=True, slots=True, kw_only=True)
class TextStyle:
    font: FontRole
    size: float
    leading: float
    colour: str
    bold: bool = False
    italic: bool = False
    align: Alignment = "left"
    space_before: float = 0.0
    space_after: float = 0.0
    #: Indent of the first line, for body paragraphs after the first.
    first_indent: float = 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class TextStyles:
    body: TextStyle
    title: TextStyle
    subtitle: TextStyle
    title_meta: TextStyle
    chapter_title: TextStyle
    heading2: TextStyle
    heading3: TextStyle
    heading4: TextStyle
    code: TextStyle
    caption: TextStyle
    footnote: TextStyle
    table: TextStyle
    toc_title: TextStyle
    toc1: TextStyle
    toc2: TextStyle
    toc3: TextStyle
    running_head: TextStyle
    folio: TextStyle
    callout_title: TextStyle


@dataclass(frozen=True, slots=True, kw_only=True)
class Colours:
    link: str
    rule: str
    code_background: str
    table_head_background: str
    table_rule: str
    quote_bar: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CalloutStyle:
    label: str
    border: str
    background: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CalloutStyles:
    note: CalloutStyle
    tip: CalloutStyle
    important: CalloutStyle
    warning: CalloutStyle
    caution: CalloutStyle
    keyfacts: CalloutStyle
    questions: CalloutStyle
    teacher: CalloutStyle


@dataclass(frozen=True, slots=True, kw_only=True)
class Theme:
    name: str
    fonts: Fonts
    page: PageStyle
    styles: TextStyles
    colours: Colours
    callouts: CalloutStyles
