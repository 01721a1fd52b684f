"""Theme → reportlab paragraph styles, converted once per render."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pyphen
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from dossier.render.pdf.fonts import Face, FontSet
from dossier.settings import PdfSettings
from dossier.theme.model import Alignment, TextStyle, Theme

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


def colour(hex_colour: str) -> colors.Color:
    return colors.HexColor(hex_colour)


def hyphenation_language(language: str) -> str | None:
    """The pyphen dictionary for a BCP 47 tag ("es-PE" → "es"), or None."""
    tag = language.replace("-", "_")
    found = pyphen.language_fallback(tag)
    return str(found) if found else None


@dataclass(frozen=True, slots=True)
class Styles:
    """Every paragraph style the renderer uses, plus what made them."""

    theme: Theme
    fonts: FontSet
    body: ParagraphStyle
    body_left: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    title_meta: ParagraphStyle
    chapter_title: ParagraphStyle
    heading2: ParagraphStyle
    heading3: ParagraphStyle
    heading4: ParagraphStyle
    code: ParagraphStyle
    caption: ParagraphStyle
    footnote: ParagraphStyle
    table: ParagraphStyle
    table_head: ParagraphStyle
    toc_title: ParagraphStyle
    toc1: ParagraphStyle
    toc2: ParagraphStyle
    toc3: ParagraphStyle
    running_head: ParagraphStyle
    folio: ParagraphStyle
    callout_title: ParagraphStyle
    definition_term: ParagraphStyle

    def face(self, style: ParagraphStyle) -> Face:
        """The family a style's text is set in (for glyph checks)."""
        for face in (self.fonts.serif, self.fonts.sans, self.fonts.mono):
            if style.fontName in (face.regular, face.italic, face.bold, face.bold_italic):
                return face
        raise KeyError(style.fontName)

    def heading(self, level: int) -> ParagraphStyle:
        if level <= 2:
            return self.heading2
        return self.heading3 if level == 3 else self.heading4

    def aligned(self, style: ParagraphStyle, align: Alignment) -> ParagraphStyle:
        return ParagraphStyle(f"{style.name}-{align}", parent=style, alignment=_ALIGN[align])


def make_styles(theme: Theme, fonts: FontSet, settings: PdfSettings, language: str) -> Styles:
    hyphen_lang = hyphenation_language(language) if settings.hyphenate else None
    text = theme.styles

    def make(name: str, ts: TextStyle, **extra: object) -> ParagraphStyle:
        face = fonts.role(ts.font)
        style = ParagraphStyle(
            name,
            fontName=face.name(bold=ts.bold, italic=ts.italic),
            fontSize=ts.size,
            leading=ts.leading,
            textColor=colour(ts.colour),
            alignment=_ALIGN[ts.align],
            spaceBefore=ts.space_before,
            spaceAfter=ts.space_after,
            firstLineIndent=ts.first_indent,
            allowWidows=0,
            allowOrphans=0,
            bulletFontName=face.regular,
            bulletFontSize=ts.size,
            hyphenationLang=hyphen_lang or "",
            embeddedHyphenation=1,
            uriWasteReduce=0.3,
            splitLongWords=1,
        )
        for key, value in extra.items():
            setattr(style, key, value)
        return style

    body_ts = text.body if settings.justify else replace(text.body, align="left")
    heading = {"keepWithNext": 1, "hyphenationLang": ""}
    return Styles(
        theme=theme,
        fonts=fonts,
        body=make("body", body_ts),
        body_left=make("body-left", replace(text.body, align="left")),
        title=make("title", text.title, hyphenationLang=""),
        subtitle=make("subtitle", text.subtitle, hyphenationLang=""),
        title_meta=make("title-meta", text.title_meta, hyphenationLang=""),
        chapter_title=make("chapter-title", text.chapter_title, **heading),
        heading2=make("heading2", text.heading2, **heading),
        heading3=make("heading3", text.heading3, **heading),
        heading4=make("heading4", text.heading4, **heading),
        code=make("code", text.code, hyphenationLang="", splitLongWords=0, backColor=colour(theme.colours.code_background), borderPadding=(4, 6, 4, 6), leftIndent=6, rightIndent=6),
        caption=make("caption", text.caption),
        footnote=make("footnote", text.footnote if settings.justify else replace(text.footnote, align="left")),
        table=make("table", text.table),
        table_head=make("table-head", replace(text.table, bold=True)),
        toc_title=make("toc-title", text.toc_title, hyphenationLang=""),
        toc1=make("toc1", text.toc1, hyphenationLang=""),
        toc2=make("toc2", text.toc2, hyphenationLang=""),
        toc3=make("toc3", text.toc3, hyphenationLang=""),
        running_head=make("running-head", text.running_head),
        folio=make("folio", text.folio),
        callout_title=make("callout-title", text.callout_title, keepWithNext=1),
        definition_term=make("definition-term", replace(text.body, bold=True, align="left", space_after=1), keepWithNext=1),
    )
