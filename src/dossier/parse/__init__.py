"""Markdown → tree. Tokens never leave this package."""

from __future__ import annotations

import posixpath
import re

from markdown_it.tree import SyntaxTreeNode

from dossier import model as m
from dossier.diagnostics import Report, SourcePos
from dossier.parse.blocks import convert_blocks, inlines_of, line_of, split_attrs
from dossier.parse.context import ChapterContext
from dossier.parse.frontmatter import read_front_matter
from dossier.parse.mdit import make_parser

__all__ = ["parse_chapter", "typeset_plain"]

_NOTE_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]]+)\]:", re.MULTILINE)


#: Nesting deeper than this (quotes in quotes in lists...) is refused: no real
#: text needs it, and every later stage walks the tree recursively.
MAX_DEPTH = 60


def parse_chapter(text: str, source: str, report: Report, language: str = "en") -> m.Chapter:
    """Parse one chapter file; `source` is its project-relative posix path."""
    try:
        chapter = _parse_chapter(text, source, report, language)
    except RecursionError:
        chapter = None
    if chapter is None or _depth(chapter) > MAX_DEPTH:
        report.error("nesting-too-deep", f"markup is nested more than {MAX_DEPTH} levels deep", SourcePos(source, 1))
        return m.Chapter(id="", title=(m.Text(text=source),), blocks=(), source=source, pos=SourcePos(source, 1))
    return chapter


def _depth(node: object, limit: int = MAX_DEPTH + 1) -> int:
    """Depth of the tree, without recursing past `limit`."""
    from dossier.walk import children_of

    frontier = [node]
    depth = 0
    while frontier and depth <= limit:
        frontier = [child for parent in frontier for child in children_of(parent)]
        depth += 1
    return depth


def _parse_chapter(text: str, source: str, report: Report, language: str) -> m.Chapter:
    md = make_parser(language)
    env: dict[str, object] = {}
    tokens = md.parse(text, env)
    root = SyntaxTreeNode(tokens)
    ctx = ChapterContext(source=source, report=report, md=md)

    body = []
    front = None
    for node in root.children:
        if node.type == "front_matter":
            front = read_front_matter(node.content, source, line_of(node, 1), report)
        elif node.type == "footnote_block":
            for note in node.children:
                ctx.note_nodes[str(note.meta["label"])] = note
        else:
            body.append(node)

    title: tuple[m.Inline, ...] = ()
    ident = ""
    title_line = 1
    if body and body[0].type == "heading" and body[0].tag == "h1" and not (front and front.title):
        heading = body.pop(0)
        title_line = line_of(heading, 1)
        title, ident, _ = split_attrs(inlines_of(heading, ctx, title_line))
    blocks = convert_blocks(body, ctx)
    if front and front.title:
        title = (m.Text(text=front.title, pos=ctx.pos(1)),)
    if front and front.id:
        ident = front.id
    if not title:
        stem = posixpath.splitext(posixpath.basename(source))[0]
        report.warn("chapter-untitled", "chapter has no '# Title' heading or front matter title; using the file name", ctx.pos(1))
        title = (m.Text(text=stem, pos=ctx.pos(1)),)
    _report_unused_notes(text, ctx)
    return m.Chapter(id=ident, title=title, blocks=blocks, source=source, pos=ctx.pos(title_line))


def _report_unused_notes(text: str, ctx: ChapterContext) -> None:
    for match in _NOTE_DEFINITION.finditer(text):
        label = match.group(1)
        if label not in ctx.used_notes:
            line = text.count("\n", 0, match.start()) + 1
            ctx.report.warn("footnote-unused", f"footnote [^{label}] is defined but never referenced", ctx.pos(line))


def typeset_plain(text: str, language: str = "en") -> str:
    """Plain text with the typographer's quotes and dashes, as chapters get
    them (for titles and other metadata written in dossier.toml)."""
    if not text.strip():
        return text
    tokens = make_parser(language).parseInline(text)
    report = Report()
    ctx = ChapterContext(source="dossier.toml", report=report, md=make_parser(language))
    from dossier.parse.inlines import convert_inlines
    from dossier.walk import plain_text

    children = SyntaxTreeNode(tokens).children[0].children if tokens else []
    return plain_text(convert_inlines(children, ctx, 1)) or text
