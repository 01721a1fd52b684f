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



# --------------------------------------------------------------------- inlines


@dataclass(frozen=True, slots=True, kw_only=True)
class Text:
    text: str
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class Emph:
    children: tuple[Inline, ...]
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class Strong:
    children: tuple[Inline, ...]
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class Strikeout:
    children: tuple[Inline, ...]
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class Superscript:
    children: tuple[Inline, ...]
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class Subscript:
    children: tuple[Inline, ...]
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class Code:
    text: str
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    """A link that leaves the book: `url` is absolute (http, https, mailto)."""

    children: tuple[Inline, ...]
    url: str
    title: str = ""
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class Ref:
    """A resolved link inside the book; `target` is a book-wide unique id."""

    children: tuple[Inline, ...]
    target: str
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class Image:
    """An image inside running text; `resource` keys `Document.resources`."""

    alt: str
    resource: str
    title: str = ""
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class Note:
    """A footnote, at its reference. `number` and `id` come from a transform."""

    blocks: tuple[Block, ...]
    number: int = 0
    id: str = ""
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class LineBreak:
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
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


@dataclass(frozen=True, slots=True, kw_only=True)
class Paragraph:
    children: tuple[Inline, ...]
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class Heading:
    """A section heading inside a chapter (the chapter title is not one)."""

    level: int
    children: tuple[Inline, ...]
    id: str = ""
    classes: tuple[str, ...] = ()
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class ListItem:
    blocks: tuple[Block, ...]
    #: None for an ordinary item, else whether the task box is ticked.
    checked: bool | None = None
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class BulletList:
    items: tuple[ListItem, ...]
    tight: bool = True
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderedList:
    items: tuple[ListItem, ...]
    start: int = 1
    tight: bool = True
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class DefinitionItem:
    term: tuple[Inline, ...]
    definitions: tuple[tuple[Block, ...], ...]
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class DefinitionList:
    items: tuple[DefinitionItem, ...]
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class BlockQuote:
    blocks: tuple[Block, ...]
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class CodeBlock:
    text: str
    language: str = ""
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class HorizontalRule:
    pos: SourcePos = NO_POS


class Align(enum.Enum):
    DEFAULT = "default"
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True, slots=True, kw_only=True)
class TableCell:
    children: tuple[Inline, ...]
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class TableRow:
    cells: tuple[TableCell, ...]
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    """A table; every row has exactly `len(aligns)` cells (the parser pads)."""

    aligns: tuple[Align, ...]
    head: tuple[TableRow, ...]
    body: tuple[TableRow, ...]
    caption: tuple[Inline, ...] = ()
    id: str = ""
    number: int = 0
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
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


@dataclass(frozen=True, slots=True, kw_only=True)
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


@dataclass(frozen=True, slots=True, kw_only=True)
class Chapter:
    """One manuscript file. `id` is book-wide unique; `anchors` maps the ids a
    writer may use in links into this file (`#talks`) to book-wide ids."""

    id: str
    title: tuple[Inline, ...]
    blocks: tuple[Block, ...]
    source: str
    anchors: tuple[tuple[str, str], ...] = ()
    pos: SourcePos = NO_POS


@dataclass(frozen=True, slots=True, kw_only=True)
class Resource:
    """A file the book embeds (an image), read and checked once before render."""

    key: str
    media_type: str
    data: bytes
    width: int
    height: int


@dataclass(frozen=True, slots=True, kw_only=True)
class TocEntry:
    level: int
    title: tuple[Inline, ...]
    target: str
    children: tuple[TocEntry, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
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


@dataclass(frozen=True, slots=True, kw_only=True)
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
