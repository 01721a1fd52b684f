"""Heading text → anchor ids, the way readers already write them."""

from __future__ import annotations

import re
import unicodedata

_GITHUB_DROP = re.compile(r"[^\w\- ]", re.UNICODE)
_NOT_ID = re.compile(r"[^a-z0-9_-]+")
_DASHES = re.compile(r"-{2,}")


def github_slug(text: str) -> str:
    """GitHub's anchor for a heading: what writers copy from previews."""
    return _GITHUB_DROP.sub("", text.strip().lower()).replace(" ", "-")


def ascii_id(text: str, fallback: str = "section") -> str:
    """A safe XML/HTML id: ASCII letters, digits, `-` and `_`, starting with a letter.

    Accents are folded ("Chavín" → "chavin") so ids survive every reader,
    zip tool and PDF destination name.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = _DASHES.sub("-", _NOT_ID.sub("-", folded)).strip("-")
    if not slug:
        slug = fallback
    if not slug[0].isalpha():
        slug = f"{fallback}-{slug}"
    return slug
