"""Where the pages of the PDF edition begin, as the EPUB's page-list needs it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PageStart:
    """Page `label` (the printed folio, "1", "iv") begins at top-level block
    `block` of chapter `chapter` (indexes into `Document.chapters` and
    `Chapter.blocks`); `block == -1` means at the chapter's title."""

    label: str
    chapter: int
    block: int
