"""A chapter's YAML front matter, checked against the keys we know."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from dossier.diagnostics import Report, SourcePos

ALLOWED_KEYS = ("title", "id")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    title: str = ""
    id: str = ""


def read_front_matter(text: str, source: str, first_line: int, report: Report) -> FrontMatter:
    """`text` is the YAML between the `---` fences, which start at `first_line`."""
    try:
        data = yaml.safe_load(text) if text.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + 1 + mark.line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or str(exc)
        report.error("front-matter-invalid", f"front matter is not valid YAML: {problem}", SourcePos(source, line))
        return FrontMatter()
    if data is None:
        return FrontMatter()
    if not isinstance(data, dict):
        report.error("front-matter-invalid", "front matter must be a mapping of keys to values", SourcePos(source, first_line))
        return FrontMatter()
    values: dict[str, str] = {}
    for key, value in data.items():
        if key not in ALLOWED_KEYS:
            report.error(
                "front-matter-key",
                f"unknown front matter key {key!r} (allowed: {', '.join(ALLOWED_KEYS)})",
                SourcePos(source, first_line),
            )
            continue
        if not isinstance(value, (str, int, float)):
            report.error("front-matter-invalid", f"front matter {key!r} must be text", SourcePos(source, first_line))
            continue
        values[str(key)] = str(value)
    return FrontMatter(**values)
