"""The document tree: data only, immutable, one file.

Every renderer reads this tree and nothing else. Nodes are frozen dataclasses
with tuples for children and a source position on each node, so diagnostics
raised anywhere downstream can point back at the Markdown that caused them.

Footnotes follow pandoc: a `Note` is an inline carrying its own blocks at the
point of reference; where the note text goes (page foot, chapter end, EPUB
aside) is each renderer's choice.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from dossier.diagnostics import SourcePos

NO_POS = SourcePos("", 0)

_node = dataclass(frozen=True, slots=True, kw_only=True)


# --------------------------------------------------------------------- inlines


@_node
class Text:
    text: str
    pos: SourcePos = NO_POS


@_node
class Emph:
    children: tuple[Inline, ...]
    pos: SourcePos = NO_POS


@_node
class Strong:
    children: tuple[Inline, ...]
    pos: SourcePos = NO_POS


@_node
class Strikeout:
    children: tuple[Inline, ...]
    pos: SourcePos = NO_POS


@_node
class Superscript:
    children: tuple[Inline, ...]
    pos: SourcePos = NO_POS


@_node
class Subscript:
    children: tuple[Inline, ...]
    pos: SourcePos = NO_POS


@_node
class Code:
    text: str
    pos: SourcePos = NO_POS


@_node
class Link:
    """A link that leaves the book: `url` is absolute (http, https, mailto)."""

    children: tuple[Inline, ...]
    url: str
    title: str = ""
    pos: SourcePos = NO_POS


@_node
class Ref:
    """A resolved link inside the book; `target` is a book-wide unique id."""

    children: tuple[Inline, ...]
    target: str
    pos: SourcePos = NO_POS


@_node
class Image:
    """An image inside running text; `resource` keys `Document.resources`."""

    alt: str
    resource: str
    title: str = ""
    pos: SourcePos = NO_POS


@_node
class Note:
    """A footnote, at its reference. `number` and `id` come from a transform."""

    blocks: tuple[Block, ...]
    number: int = 0
    id: str = ""
    pos: SourcePos = NO_POS


@_node
class LineBreak:
    pos: SourcePos = NO_POS


@_node
class SoftBreak:
    """A line end inside a paragraph: a space to every renderer."""

    pos: SourcePos = NO_POS


Inline = (
    Text
    | Emph
    | Strong
    | Strikeout
    | Superscript
    | Subscript
    | Code
    | Link
    | Ref
    | Image
    | Note
    | LineBreak
    | SoftBreak
)

# ---------------------------------------------------------------------- blocks


@_node
class Paragraph:
    children: tuple[Inline, ...]
    pos: SourcePos = NO_POS


@_node
class Heading:
    """A section heading inside a chapter (the chapter title is not one)."""

    level: int
    children: tuple[Inline, ...]
    id: str = ""
    classes: tuple[str, ...] = ()
    pos: SourcePos = NO_POS


@_node
class ListItem:
    blocks: tuple[Block, ...]
    #: None for an ordinary item, else whether the task box is ticked.
    checked: bool | None = None
    pos: SourcePos = NO_POS


@_node
class BulletList:
    items: tuple[ListItem, ...]
    tight: bool = True
    pos: SourcePos = NO_POS


@_node
class OrderedList:
    items: tuple[ListItem, ...]
    start: int = 1
    tight: bool = True
    pos: SourcePos = NO_POS


@_node
class DefinitionItem:
    term: tuple[Inline, ...]
    definitions: tuple[tuple[Block, ...], ...]
    pos: SourcePos = NO_POS


@_node
class DefinitionList:
    items: tuple[DefinitionItem, ...]
    pos: SourcePos = NO_POS


@_node
class BlockQuote:
    blocks: tuple[Block, ...]
    pos: SourcePos = NO_POS


@_node
class CodeBlock:
    text: str
    language: str = ""
    pos: SourcePos = NO_POS


@_node
class HorizontalRule:
    pos: SourcePos = NO_POS


class Align(enum.Enum):
    DEFAULT = "default"
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@_node
class TableCell:
    children: tuple[Inline, ...]
    pos: SourcePos = NO_POS


@_node
class TableRow:
    cells: tuple[TableCell, ...]
    pos: SourcePos = NO_POS


@_node
class Table:
    """A table; every row has exactly `len(aligns)` cells (the parser pads)."""

    aligns: tuple[Align, ...]
    head: tuple[TableRow, ...]
    body: tuple[TableRow, ...]
    caption: tuple[Inline, ...] = ()
    id: str = ""
    number: int = 0
    pos: SourcePos = NO_POS


@_node
class Figure:
    """An image standing alone as a block, with its own caption and number."""

    image: Image
    caption: tuple[Inline, ...] = ()
    id: str = ""
    number: int = 0
    pos: SourcePos = NO_POS


class CalloutKind(enum.Enum):
    NOTE = "note"
    TIP = "tip"
    IMPORTANT = "important"
    WARNING = "warning"
    CAUTION = "caution"
    KEYFACTS = "keyfacts"
    QUESTIONS = "questions"
    #: Answer notes and teaching suggestions: only in the teacher's handout.
    TEACHER = "teacher"


@_node
class Callout:
    kind: CalloutKind
    blocks: tuple[Block, ...]
    title: tuple[Inline, ...] = ()
    pos: SourcePos = NO_POS


Block = (
    Paragraph
    | Heading
    | BulletList
    | OrderedList
    | DefinitionList
    | BlockQuote
    | CodeBlock
    | HorizontalRule
    | Table
    | Figure
    | Callout
)

# -------------------------------------------------------------------- document


@_node
class Chapter:
    """One manuscript file. `id` is book-wide unique; `anchors` maps the ids a
    writer may use in links into this file (`#talks`) to book-wide ids."""

    id: str
    title: tuple[Inline, ...]
    blocks: tuple[Block, ...]
    source: str
    anchors: tuple[tuple[str, str], ...] = ()
    pos: SourcePos = NO_POS


@_node
class Resource:
    """A file the book embeds (an image), read and checked once before render."""

    key: str
    media_type: str
    data: bytes
    width: int
    height: int


@_node
class TocEntry:
    level: int
    title: tuple[Inline, ...]
    target: str
    children: tuple[TocEntry, ...] = ()


@_node
class Metadata:
    title: str
    subtitle: str = ""
    authors: tuple[str, ...] = ()
    language: str = "en"
    identifier: str = ""
    date: str = ""
    publisher: str = ""
    rights: str = ""
    description: str = ""
    keywords: tuple[str, ...] = ()
    #: Resource key of the cover image, if one was configured.
    cover: str = ""
    #: A line such as "For classroom use" printed on the title page.
    marking: str = ""


@_node
class Document:
    meta: Metadata
    chapters: tuple[Chapter, ...]
    resources: tuple[Resource, ...] = ()
    toc: tuple[TocEntry, ...] = field(default=())

    def resource(self, key: str) -> Resource:
        for resource in self.resources:
            if resource.key == key:
                return resource
        raise KeyError(key)


INLINE_TYPES: tuple[type, ...] = (
    Text,
    Emph,
    Strong,
    Strikeout,
    Superscript,
    Subscript,
    Code,
    Link,
    Ref,
    Image,
    Note,
    LineBreak,
    SoftBreak,
)
BLOCK_TYPES: tuple[type, ...] = (
    Paragraph,
    Heading,
    BulletList,
    OrderedList,
    DefinitionList,
    BlockQuote,
    CodeBlock,
    HorizontalRule,
    Table,
    Figure,
    Callout,
)
