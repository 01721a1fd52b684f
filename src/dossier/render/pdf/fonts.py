"""The bundled TrueType fonts: registration with reportlab and glyph coverage.

reportlab keeps registered fonts in a process-wide table; registering is
idempotent here (same name, same file), so two renders share it harmlessly.
The fonts embed as subsets (`/FontFile2`).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from dossier.theme.model import FontRole
from dossier.theme.model import Fonts as ThemeFonts


@dataclass(frozen=True, slots=True)
class FamilyFiles:
    regular: str
    italic: str
    bold: str
    bold_italic: str


#: Every family dossier ships, by the name a theme uses. A family without
#: italics maps its italic to the upright face (headings rarely need them).
FAMILIES: dict[str, FamilyFiles] = {
    "Charis SIL": FamilyFiles("CharisSIL-Regular.ttf", "CharisSIL-Italic.ttf", "CharisSIL-Bold.ttf", "CharisSIL-BoldItalic.ttf"),
    "DejaVu Sans": FamilyFiles("DejaVuSans.ttf", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Bold.ttf"),
    "DejaVu Sans Mono": FamilyFiles("DejaVuSansMono.ttf", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf", "DejaVuSansMono-Bold.ttf"),
}
#: Where a character the text face lacks (☐, ☑) is looked for next.
FALLBACK_FAMILY = "DejaVu Sans"


def _font_dir() -> Path:
    return Path(str(resources.files("dossier").joinpath("fonts")))


def _face_name(file: str) -> str:
    return "dossier-" + file.removesuffix(".ttf")


@dataclass(frozen=True, slots=True)
class Face:
    """One registered family: reportlab font names and the characters it has."""

    family: str
    regular: str
    italic: str
    bold: str
    bold_italic: str
    chars: frozenset[int]

    def name(self, *, bold: bool = False, italic: bool = False) -> str:
        if bold:
            return self.bold_italic if italic else self.bold
        return self.italic if italic else self.regular

    def has(self, char: str) -> bool:
        return ord(char) in self.chars


@dataclass(frozen=True, slots=True)
class FontSet:
    """The faces behind the theme's roles, plus the symbol fallback."""

    serif: Face
    sans: Face
    mono: Face
    fallback: Face

    def role(self, role: FontRole) -> Face:
        match role:
            case "serif":
                return self.serif
            case "sans":
                return self.sans
            case "mono":
                return self.mono


class UnknownFontError(ValueError):
    """A theme names a family dossier does not ship."""


def register_family(family: str) -> Face:
    files = FAMILIES.get(family)
    if files is None:
        raise UnknownFontError(f"unknown font family {family!r}; bundled families: {', '.join(sorted(FAMILIES))}")
    names = []
    chars: frozenset[int] = frozenset()
    for file in (files.regular, files.italic, files.bold, files.bold_italic):
        name = _face_name(file)
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(_font_dir() / file)))
        names.append(name)
        if file == files.regular:
            font = pdfmetrics.getFont(name)
            chars = frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]
    regular, italic, bold, bold_italic = names
    # So that <b> and <i> inside paragraph markup pick the right face. The
    # upright faces go last: a file standing in for two styles maps back to it.
    addMapping(regular, 1, 1, bold_italic)
    addMapping(regular, 0, 1, italic)
    addMapping(regular, 1, 0, bold)
    addMapping(regular, 0, 0, regular)
    return Face(family, regular, italic, bold, bold_italic, chars)


def register_fonts(fonts: ThemeFonts) -> FontSet:
    return FontSet(
        serif=register_family(fonts.serif),
        sans=register_family(fonts.sans),
        mono=register_family(fonts.mono),
        fallback=register_family(FALLBACK_FAMILY),
    )
