"""A readable, stable dump of the tree, for golden tests and `--dump`."""

from __future__ import annotations

import dataclasses
import enum

from dossier import model as m
from dossier.walk import _CHILD_FIELDS

_SKIP = {"pos", "data", "resources"}


def dump(node: object, indent: int = 0) -> str:
    lines: list[str] = []
    _dump(node, indent, lines)
    return "\n".join(lines) + "\n"


def _scalar(value: object) -> str:
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, tuple):
        return "(" + ", ".join(_scalar(v) for v in value) + ")"
    return repr(value)


def _dump(node: object, depth: int, lines: list[str]) -> None:
    pad = "  " * depth
    if not dataclasses.is_dataclass(node):
        lines.append(f"{pad}{node!r}")
        return
    child_fields = _CHILD_FIELDS.get(type(node), ())
    attrs = []
    for f in dataclasses.fields(node):
        if f.name in _SKIP or f.name in child_fields:
            continue
        value = getattr(node, f.name)
        if isinstance(node, m.Document) and f.name in ("toc", "meta"):
            continue
        if value is None or (isinstance(value, (str, tuple)) and not value):
            continue
        if type(value) is int and value == 0:
            continue
        attrs.append(f"{f.name}={_scalar(value)}")
    pos = getattr(node, "pos", None)
    where = f" @{pos.line}" if pos is not None and pos.line else ""
    lines.append(f"{pad}{type(node).__name__}{' ' if attrs else ''}{' '.join(attrs)}{where}")
    for name in child_fields:
        value = getattr(node, name)
        if value == () or value is None:
            continue
        if len(child_fields) > 1 or isinstance(node, m.Note):
            lines.append(f"{pad}  {name}:")
            inner = depth + 2
        else:
            inner = depth + 1
        items = value if isinstance(value, tuple) else (value,)
        for item in items:
            if isinstance(item, tuple):  # a definition: a tuple of blocks
                lines.append(f"{pad}    -")
                for block in item:
                    _dump(block, inner + 1, lines)
            else:
                _dump(item, inner, lines)
