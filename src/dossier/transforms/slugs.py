"""Heading text → anchor ids, the way readers already write them."""

from __future__ import annotations

import re
import unicodedata

_GITHUB_DROP = re.compile(r"[^\w\- ]", re.UNICODE)
_NOT_ID = re.compile(r"[^a-z0-9_-]+")
_DASHES = re.compile(r"-{2,}")
_APOSTROPHES = frozenset("'’ʼ")


def github_slug(text: str) -> str:
    """GitHub's anchor for a heading: what writers copy from previews."""
    return _GITHUB_DROP.sub("", text.strip().lower()).replace(" ", "-")


def ascii_id(text: str, fallback: str = "section") -> str:
    """A safe XML/HTML id: ASCII letters, digits, `-` and `_`, starting with a letter.

    Accents are folded ("Chavín" → "chavin") so ids survive every reader,
    zip tool and PDF destination name.
    """
    # Punctuation and symbols separate words ("1996–97" → "1996-97"); letters
    # lose their accents.
    spaced = "".join("" if c in _APOSTROPHES else " " if unicodedata.category(c)[0] in "PSZ" else c for c in text)
    folded = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode("ascii").lower()
    slug = _DASHES.sub("-", _NOT_ID.sub("-", folded)).strip("-")
    if not slug:
        slug = fallback
    if not slug[0].isalpha():
        slug = f"{fallback}-{slug}"
    return slug
