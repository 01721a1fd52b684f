"""Read and check every image the book embeds, once, before any renderer runs.

Renderers then work from bytes in the tree (pure functions of the tree), and
a missing or broken image is reported at the line that uses it.
"""

from __future__ import annotations

import dataclasses
import io
import warnings
from pathlib import Path

from PIL import Image as PILImage

from dossier import model as m
from dossier.diagnostics import Report, SourcePos
from dossier.svg import SvgProblem, check_svg, looks_like_svg
from dossier.walk import nodes_of_type

#: Pillow format → media type; the raster formats both EPUB readers and
#: reportlab take as they are.
MEDIA_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif"}
#: Refuse images whose pixel count could exhaust memory (Pillow's own limit
#: only warns below twice this).
MAX_PIXELS = 60_000_000


def load_resources(doc: m.Document, root: Path, report: Report) -> m.Document:
    wanted: dict[str, SourcePos] = {}
    for image in nodes_of_type(doc, m.Image):
        wanted.setdefault(image.resource, image.pos)
    if doc.meta.cover:
        wanted.setdefault(doc.meta.cover, SourcePos("dossier.toml"))
    resources = []
    for key, pos in wanted.items():
        resource = _load(root, key, pos, report)
        if resource is not None:
            resources.append(resource)
    return dataclasses.replace(doc, resources=tuple(resources))


def _load(root: Path, key: str, pos: SourcePos, report: Report) -> m.Resource | None:
    path = root / key
    try:
        resolved = path.resolve()
        resolved.relative_to(root.resolve())
    except (ValueError, OSError):
        report.error("path-outside-project", f"image {key!r} lies outside the project", pos)
        return None
    if not path.is_file():
        report.error("image-missing", f"image not found: {key}", pos)
        return None
    data = path.read_bytes()
    if looks_like_svg(data):
        try:
            size = check_svg(data)
        except SvgProblem as problem:
            report.error("image-svg-unsafe", f"SVG {key} cannot go into the book: {problem}", pos)
            return None
        return m.Resource(key=key, media_type="image/svg+xml", data=data, width=size.width, height=size.height)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(io.BytesIO(data)) as image:
                width, height = image.size
                kind = image.format or ""
                if width * height > MAX_PIXELS:
                    raise PILImage.DecompressionBombError(f"{width}×{height} pixels")
                image.verify()
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as exc:
        report.error("image-invalid", f"image {key} cannot be read: {exc}", pos)
        return None
    media_type = MEDIA_TYPES.get(kind)
    if media_type is None:
        report.error("image-format", f"image {key} is {kind or 'of unknown format'}; use PNG, JPEG, GIF or SVG", pos)
        return None
    return m.Resource(key=key, media_type=media_type, data=data, width=width, height=height)
