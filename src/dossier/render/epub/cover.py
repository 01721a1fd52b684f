"""The cover: the configured image, or one drawn from the metadata, shown on
a cover page whose `img` carries the title as its alt text."""

from __future__ import annotations

import io
from dataclasses import dataclass
from importlib import resources

from PIL import Image, ImageDraw, ImageFont

from dossier import model as m
from dossier.render.epub.layout import COVER_IMAGE, STYLESHEET
from dossier.render.epub.markup import document, serialize, sub

#: Pixels; 2:3 is what stores ask for, and large enough for high-density screens.
COVER_SIZE = (1200, 1800)
_BACKGROUND = "#102a4c"
_INK = "#ffffff"
_MUTED = "#c9d3e3"
_MARGIN = 110
_TITLE_SIZES = (92, 80, 68, 58, 48, 40)


@dataclass(frozen=True, slots=True)
class CoverImage:
    href: str
    media_type: str
    data: bytes


def cover_alt(meta: m.Metadata) -> str:
    parts = [f"Cover: {meta.title}"]
    if meta.subtitle:
        parts.append(f" — {meta.subtitle}")
    if meta.authors:
        parts.append(f", by {', '.join(meta.authors)}")
    return "".join(parts)


def cover_page(meta: m.Metadata, image_href: str) -> bytes:
    html, body = document(meta.language, cover_alt(meta), STYLESHEET)
    body.set("class", "cover")
    section = sub(body, "section", {"epub:type": "cover", "class": "cover"})
    sub(section, "img", {"src": image_href, "alt": cover_alt(meta), "role": "doc-cover"})
    return serialize(html)


def _font(name: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    data = resources.files("dossier").joinpath("fonts", name).read_bytes()
    return ImageFont.truetype(io.BytesIO(data), size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and draw.textlength(trial, font=font) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def _fit_title(draw: ImageDraw.ImageDraw, title: str, width: int) -> tuple[int, list[str]]:
    """The largest title size at which the title takes at most four lines,
    none of them wider than the page."""
    for size in _TITLE_SIZES:
        font = _font("DejaVuSans-Bold.ttf", size)
        lines = _wrap(draw, title, font, width)
        if len(lines) <= 4 and all(draw.textlength(line, font=font) <= width for line in lines):
            return size, lines
    return size, lines


def draw_cover(meta: m.Metadata) -> CoverImage:
    """A plain typographic cover: title, subtitle, authors. Deterministic:
    the same metadata gives the same PNG bytes."""
    width, height = COVER_SIZE
    image = Image.new("RGB", COVER_SIZE, _BACKGROUND)
    draw = ImageDraw.Draw(image)
    text_width = width - 2 * _MARGIN
    y = 330
    size, lines = _fit_title(draw, meta.title, text_width)
    title_font = _font("DejaVuSans-Bold.ttf", size)
    for line in lines:
        draw.text((_MARGIN, y), line, font=title_font, fill=_INK)
        y += round(size * 1.22)
    if meta.subtitle:
        y += 40
        subtitle_size = min(54, max(32, round(size * 0.6)))
        subtitle_font = _font("DejaVuSans.ttf", subtitle_size)
        for line in _wrap(draw, meta.subtitle, subtitle_font, text_width):
            draw.text((_MARGIN, y), line, font=subtitle_font, fill=_MUTED)
            y += round(subtitle_size * 1.3)
    draw.rectangle((_MARGIN, y + 60, _MARGIN + 240, y + 72), fill=_MUTED)
    if meta.authors:
        author_font = _font("DejaVuSans.ttf", 50)
        lines = [line for author in meta.authors for line in _wrap(draw, author, author_font, text_width)]
        y = height - _MARGIN - 66 * len(lines)
        for line in lines:
            draw.text((_MARGIN, y), line, font=author_font, fill=_INK)
            y += 66
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return CoverImage(href=COVER_IMAGE, media_type="image/png", data=buffer.getvalue())
