"""The EPUB's one stylesheet, generated from a few values a theme can supply.

Readers own the page: font size, text colour, margins, justification and
night mode belong to the reader's settings. So sizes are relative (`em`,
`%`), body text gets no colour, and theme colours are used only for rules and
for tints laid over the page at low opacity, which read on white and black.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from dossier import model as m
from dossier.theme import Theme

_HEX = re.compile(r"#[0-9a-fA-F]{6}")
_FAMILY_UNSAFE = re.compile(r"[^\w \-.]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class CssValues:
    """What the stylesheet takes from a theme: font families by role and the
    accent colours (`#rrggbb`)."""

    serif: str = "Charis SIL"
    sans: str = "DejaVu Sans"
    mono: str = "DejaVu Sans Mono"
    rule: str = "#8a8f98"
    quote_bar: str = "#b8c0cc"
    table_rule: str = "#9aa3b0"
    #: Callout kind → its border colour; the background is a tint of it.
    callouts: Mapping[m.CalloutKind, str] = field(
        default_factory=lambda: MappingProxyType(
            {
                m.CalloutKind.NOTE: "#3b6fb6",
                m.CalloutKind.TIP: "#2e8b57",
                m.CalloutKind.IMPORTANT: "#6a3fb5",
                m.CalloutKind.WARNING: "#c98a00",
                m.CalloutKind.CAUTION: "#c0392b",
                m.CalloutKind.KEYFACTS: "#102a4c",
                m.CalloutKind.QUESTIONS: "#00798c",
                m.CalloutKind.TEACHER: "#7a4b00",
            }
        )
    )


def css_values_from_theme(theme: Theme) -> CssValues:
    callouts = theme.callouts
    return CssValues(
        serif=theme.fonts.serif,
        sans=theme.fonts.sans,
        mono=theme.fonts.mono,
        rule=theme.colours.rule,
        quote_bar=theme.colours.quote_bar,
        table_rule=theme.colours.table_rule,
        callouts=MappingProxyType({kind: getattr(callouts, kind.value).border for kind in m.CalloutKind}),
    )


def _family(name: str, generic: str) -> str:
    cleaned = _FAMILY_UNSAFE.sub("", name).strip()
    return f'"{cleaned}", {generic}' if cleaned else generic


def _colour(value: str, fallback: str = "#808080") -> str:
    return value if _HEX.fullmatch(value) else fallback


def _tint(value: str, alpha: float) -> str:
    colour = _colour(value)
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {alpha})"


def stylesheet(values: CssValues) -> str:
    serif = _family(values.serif, "serif")
    sans = _family(values.sans, "sans-serif")
    mono = _family(values.mono, "monospace")
    rule = _colour(values.rule)
    table_rule = _colour(values.table_rule)
    callouts = "\n".join(
        f"aside.callout-{kind.value} {{ border-left-color: {_colour(colour)}; background-color: {_tint(colour, 0.08)}; }}"
        for kind, colour in values.callouts.items()
    )
    return f"""\
/* dossier EPUB stylesheet: relative sizes only; the reader sets the rest. */
body {{ font-family: {serif}; line-height: 1.45; }}
h1, h2, h3, h4, h5, h6, caption, figcaption, .callout-title, th {{ font-family: {sans}; }}
h1, h2, h3, h4, h5, h6 {{ line-height: 1.2; page-break-after: avoid; break-after: avoid; }}
h1 {{ font-size: 1.6em; margin: 1em 0 0.9em 0; }}
h2 {{ font-size: 1.3em; margin: 1.4em 0 0.5em 0; }}
h3 {{ font-size: 1.15em; margin: 1.2em 0 0.4em 0; }}
h4, h5, h6 {{ font-size: 1em; margin: 1em 0 0.3em 0; }}
h5, h6 {{ font-style: italic; }}
p {{ margin: 0 0 0.6em 0; orphans: 2; widows: 2; }}
a.external {{ text-decoration: underline; overflow-wrap: break-word; word-wrap: break-word; }}
code {{ font-family: {mono}; font-size: 0.88em; }}
pre.code {{ font-family: {mono}; font-size: 0.85em; line-height: 1.35; white-space: pre-wrap; overflow-wrap: break-word;
  margin: 0.8em 0; padding: 0.6em 0.8em; background-color: {_tint(rule, 0.12)}; border-left: 0.2em solid {rule}; }}
pre.code code {{ font-size: 1em; }}
blockquote {{ margin: 1em 1.2em; padding-left: 0.9em; border-left: 0.25em solid {_colour(values.quote_bar)}; font-style: italic; }}
hr {{ border: 0; border-top: 0.08em solid {rule}; margin: 1.5em 20%; }}
ul, ol {{ margin: 0.4em 0 0.8em 0; padding-left: 1.6em; }}
ul.tight > li > p, ol.tight > li > p {{ margin: 0; }}
li.task {{ list-style-type: none; }}
.task-box {{ display: inline-block; width: 1.3em; margin-left: -1.3em; font-family: {sans}; }}
dl {{ margin: 0.6em 0 0.9em 0; }}
dt {{ font-weight: bold; margin-top: 0.5em; }}
dd {{ margin: 0.1em 0 0.4em 1.6em; }}
table {{ border-collapse: collapse; margin: 1em 0; font-size: 0.92em; max-width: 100%; }}
caption {{ caption-side: top; text-align: left; font-size: 0.9em; padding-bottom: 0.4em; }}
th, td {{ padding: 0.3em 0.6em; vertical-align: top; text-align: left; border-bottom: 0.06em solid {table_rule}; }}
thead th {{ border-bottom: 0.12em solid {table_rule}; background-color: {_tint(table_rule, 0.15)}; }}
th.align-left, td.align-left {{ text-align: left; }}
th.align-center, td.align-center {{ text-align: center; }}
th.align-right, td.align-right {{ text-align: right; }}
figure {{ margin: 1.2em 0; text-align: center; page-break-inside: avoid; break-inside: avoid; }}
img {{ max-width: 100%; height: auto; }}
img.inline {{ vertical-align: middle; }}
figcaption {{ font-size: 0.9em; margin-top: 0.4em; text-align: center; }}
caption .label, figcaption .label {{ font-weight: bold; }}
aside.callout {{ margin: 1em 0; padding: 0.5em 0.9em; border-left: 0.3em solid {rule}; page-break-inside: avoid; break-inside: avoid; }}
aside.callout > :last-child {{ margin-bottom: 0; }}
.callout-title {{ font-weight: bold; margin: 0 0 0.3em 0; }}
{callouts}
a.noteref {{ text-decoration: none; }}
a.noteref sup {{ font-size: 0.75em; line-height: 0; }}
div.footnotes {{ margin-top: 2.5em; padding-top: 0.5em; border-top: 0.06em solid {rule}; font-size: 0.9em; }}
aside.footnote p {{ margin: 0 0 0.3em 0; }}
a.backlink {{ font-weight: bold; text-decoration: none; }}
.link-dropped, .image-missing {{ font-style: italic; }}
nav ol {{ list-style-type: none; padding-left: 1.2em; margin: 0.2em 0; }}
nav > ol {{ padding-left: 0; }}
nav li {{ margin: 0.25em 0; }}
body.cover {{ margin: 0; padding: 0; text-align: center; }}
body.cover img {{ max-width: 100%; max-height: 100%; }}
"""
