"""What the token converters share while reading one chapter file."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from dossier import model as m
from dossier.diagnostics import Report, SourcePos

#: Link schemes that may leave the book. Anything else (javascript:, data:,
#: file:, vbscript:, ...) is reported and rendered as plain text.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


@dataclass(slots=True)
class ChapterContext:
    """Read-mostly state for one file: where it is, and its footnotes.

    `notes` caches converted footnote bodies by label so that a note
    referenced twice is converted once; `used_notes` lets the parser report
    definitions nobody references.
    """

    source: str
    report: Report
    md: MarkdownIt
    note_nodes: dict[str, SyntaxTreeNode] = field(default_factory=dict)
    notes: dict[str, tuple[m.Block, ...]] = field(default_factory=dict)
    used_notes: set[str] = field(default_factory=set)
    converting_notes: set[str] = field(default_factory=set)

    @property
    def directory(self) -> str:
        return posixpath.dirname(self.source)

    def pos(self, line: int) -> SourcePos:
        return SourcePos(self.source, line)

    def resolve_path(self, reference: str, pos: SourcePos) -> str | None:
        """A path written in this chapter, as a project-relative posix path.

        Paths resolve against the chapter's own folder, as GitHub and editor
        previews do. A path that climbs out of the project is an error.
        """
        joined = posixpath.normpath(posixpath.join(self.directory, unquote(reference)))
        if joined.startswith("../") or joined == ".." or posixpath.isabs(joined):
            self.report.error(
                "path-outside-project", f"path {reference!r} points outside the project", pos
            )
            return None
        return joined

    def link(self, children: tuple[m.Inline, ...], href: str, title: str, pos: SourcePos) -> tuple[m.Inline, ...]:
        """A link as nodes: external `Link`, pending `Ref`, or reported text."""
        parts = urlsplit(href)
        scheme = parts.scheme.lower()
        if scheme in SAFE_SCHEMES:
            return (m.Link(children=children, url=href, title=title, pos=pos),)
        if scheme:
            self.report.warn("link-unsafe", f"link scheme {scheme!r} is not allowed; kept as text: {href}", pos)
            return children
        if not parts.path:
            return (m.Ref(children=children, target=f"{self.source}#{unquote(parts.fragment)}", pos=pos),)
        resolved = self.resolve_path(parts.path, pos)
        if resolved is None:
            return children
        if resolved.endswith((".md", ".markdown")):
            return (m.Ref(children=children, target=f"{resolved}#{unquote(parts.fragment)}", pos=pos),)
        self.report.warn(
            "link-local-file",
            f"link to {href!r}, which is not a chapter, cannot go into the book; kept as text",
            pos,
        )
        return children

    def image(self, alt: str, src: str, title: str, pos: SourcePos) -> m.Image | m.Text:
        scheme = urlsplit(src).scheme.lower()
        if scheme:
            self.report.warn(
                "image-remote",
                f"image {src[:80]!r} is not a local file; the book embeds only local images, "
                "its alt text is used instead",
                pos,
            )
            return m.Text(text=alt, pos=pos)
        resolved = self.resolve_path(src.split("#")[0].split("?")[0], pos)
        if resolved is None:
            return m.Text(text=alt, pos=pos)
        return m.Image(alt=alt, resource=resolved, title=title, pos=pos)
