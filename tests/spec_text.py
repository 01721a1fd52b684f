"""Compare visible text, the way a reader would: letters and digits in order.

Used to check that every CommonMark construct survives with its text intact.
Punctuation and spacing are ignored because the typographer legitimately
changes them ("--" → "–", quotes curled); dropping or reordering words is not
ignored.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

_WORD = re.compile(r"\w", re.UNICODE)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.parts.append(" " + (dict(attrs).get("alt") or "") + " ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text_of_html(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return " ".join(parser.parts)


def letters(text: str) -> str:
    # NFKC folds ligatures a PDF may extract ("ﬁ" → "fi").
    return "".join(_WORD.findall(unicodedata.normalize("NFKC", text).replace("_", "")))


def missing_from(expected: str, actual: str) -> str | None:
    """None if `expected`'s letters occur in order within `actual`'s; else
    the first stretch of `expected` that could not be found."""
    want, have = letters(expected), letters(actual)
    position = 0
    for index, char in enumerate(want):
        position = have.find(char, position)
        if position < 0:
            return want[index : index + 40]
        position += 1
    return None
