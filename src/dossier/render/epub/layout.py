"""Where everything lives inside the EPUB: file names and the href of each id.

All names are derived from positions in the tree, never from the clock or a
counter kept between calls, so the same tree always gives the same package.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from dossier import model as m
from dossier.walk import iter_nodes

STYLESHEET = "style.css"
NAV = "nav.xhtml"
NCX = "toc.ncx"
COVER_PAGE = "cover.xhtml"
COVER_IMAGE = "images/cover.png"

#: Raster formats EPUB 3 reading systems must support, with their extension.
IMAGE_EXTENSIONS: Mapping[str, str] = MappingProxyType(
    {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp", "image/svg+xml": "svg"}
)

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def chapter_file(index: int) -> str:
    """`ch01.xhtml` for the first chapter (index 0)."""
    return f"ch{index + 1:02d}.xhtml"


def safe_name(text: str, fallback: str) -> str:
    """`text` reduced to the characters safe in file names and XML ids."""
    cleaned = _UNSAFE.sub("-", text).strip("-")
    return cleaned or fallback


@dataclass(frozen=True, slots=True)
class ImageFile:
    href: str
    resource: m.Resource


@dataclass(frozen=True, slots=True)
class Layout:
    #: Book-wide id → `chNN.xhtml#id` (a chapter id → its file alone).
    targets: Mapping[str, str]
    #: Resource key → the file it is stored as.
    images: Mapping[str, ImageFile]


def plan_layout(doc: m.Document) -> Layout:
    targets: dict[str, str] = {}
    for index, chapter in enumerate(doc.chapters):
        name = chapter_file(index)
        targets.setdefault(chapter.id, name)
        for node in iter_nodes(chapter):
            if isinstance(node, m.Heading | m.Figure | m.Table) and node.id:
                targets.setdefault(node.id, f"{name}#{node.id}")
    images: dict[str, ImageFile] = {}
    for number, resource in enumerate(doc.resources, start=1):
        extension = IMAGE_EXTENSIONS.get(resource.media_type)
        if extension is None:
            continue
        stem = safe_name(resource.key.rsplit("/", 1)[-1].rsplit(".", 1)[0], "image")
        images[resource.key] = ImageFile(f"images/{number:03d}-{stem}.{extension}", resource)
    return Layout(targets=MappingProxyType(targets), images=MappingProxyType(images))
