"""Per-target settings: data only, one frozen class per output.

Each renderer owns its settings (no options bag shared by all writers). They
are filled from `dossier.toml`'s `[pdf]`, `[epub]` and `[handout]` tables by
`dossier.project`, with CLI overrides merged once there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Paper = Literal["a4", "letter"]
NotePlacement = Literal["footnotes", "endnotes"]
NoteNumbering = Literal["chapter", "book"]
Edition = Literal["student", "teacher"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PdfSettings:
    paper: Paper = "a4"
    #: A built-in theme name ("briefing", "print") or a path to a theme TOML file.
    theme: str = "briefing"
    #: Chapters open on a right-hand (odd) page, for double-sided printing.
    duplex: bool = False
    notes: NotePlacement = "footnotes"
    hyphenate: bool = True
    justify: bool = True
    #: Heading levels listed in the table of contents (1 = chapters only).
    toc_depth: int = 2


@dataclass(frozen=True, slots=True, kw_only=True)
class EpubSettings:
    toc_depth: int = 3
    #: Carry a page-list pointing at the pages of the PDF edition.
    page_list: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class HandoutSettings:
    edition: Edition = "student"
    paper: Paper = "a4"


@dataclass(frozen=True, slots=True, kw_only=True)
class BookSettings:
    """Settings that shape the shared tree, before any renderer sees it."""

    note_numbering: NoteNumbering = "chapter"
